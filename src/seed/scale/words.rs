//! The vocabulary of the scale seed: Finnish words with their inflected forms, ranked so
//! that a few are in a large share of the tasks and most in a handful (the same list as
//! `scripts/bench/gen_data.py`, whose benchmark learned which selectivities matter), the
//! glue words of sentences, a few rare words planted for "rare term" queries, and syllables
//! for a long tail of made-up words.

/// Lemmas with the forms that texts use, most frequent first.
pub const COMMON: &[(&str, &[&str])] = &[
    (
        "vapaaehtoinen",
        &[
            "vapaaehtoinen",
            "vapaaehtoisia",
            "vapaaehtoisten",
            "vapaaehtoiseksi",
            "vapaaehtoisena",
        ],
    ),
    ("apu", &["apu", "apua", "avuksi", "avun", "apuna"]),
    (
        "tapahtuma",
        &[
            "tapahtuma",
            "tapahtumaan",
            "tapahtumassa",
            "tapahtumat",
            "tapahtuman",
        ],
    ),
    (
        "nuori",
        &["nuori", "nuoret", "nuorten", "nuorille", "nuoria"],
    ),
    (
        "yhdistys",
        &["yhdistys", "yhdistyksen", "yhdistyksessä", "yhdistykseen"],
    ),
    (
        "toiminta",
        &["toiminta", "toimintaa", "toiminnan", "toimintaan"],
    ),
    ("ilta", &["ilta", "iltaisin", "illan", "iltana"]),
    (
        "viikonloppu",
        &["viikonloppu", "viikonloppuna", "viikonlopun"],
    ),
    (
        "lapsi",
        &["lapsi", "lapset", "lasten", "lapsille", "lapsia"],
    ),
    (
        "kerho",
        &["kerho", "kerhon", "kerhossa", "kerhoon", "kerhot"],
    ),
    (
        "järjestää",
        &[
            "järjestää",
            "järjestämme",
            "järjestetään",
            "järjestelyt",
            "järjestelyissä",
        ],
    ),
    ("mukava", &["mukava", "mukavaa", "mukavan", "mukavia"]),
    ("yhdessä", &["yhdessä"]),
    (
        "ikäihminen",
        &["ikäihminen", "ikäihmisiä", "ikäihmisten", "ikäihmisille"],
    ),
    ("kahvio", &["kahvio", "kahvion", "kahviossa", "kahvioon"]),
    (
        "liikunta",
        &["liikunta", "liikuntaa", "liikunnan", "liikuntaan"],
    ),
    (
        "ulkoilu",
        &["ulkoilu", "ulkoilua", "ulkoilemaan", "ulkoiluun"],
    ),
    (
        "ystävä",
        &[
            "ystävä",
            "ystävää",
            "ystävän",
            "ystäväksi",
            "ystävätoiminta",
        ],
    ),
    (
        "koulutus",
        &["koulutus", "koulutuksen", "koulutukseen", "koulutamme"],
    ),
    ("perhe", &["perhe", "perheet", "perheiden", "perheille"]),
    ("kesä", &["kesä", "kesällä", "kesän", "kesäksi"]),
    ("talvi", &["talvi", "talvella", "talven"]),
    (
        "leiri",
        &["leiri", "leirille", "leirin", "leirillä", "leirikoulu"],
    ),
    (
        "ohjaaja",
        &["ohjaaja", "ohjaajaksi", "ohjaajan", "ohjaajia", "ohjaus"],
    ),
    (
        "kirjasto",
        &["kirjasto", "kirjastossa", "kirjaston", "kirjastoon"],
    ),
    ("musiikki", &["musiikki", "musiikkia", "musiikin"]),
    (
        "konsertti",
        &["konsertti", "konsertin", "konserttiin", "konsertissa"],
    ),
    (
        "urheilu",
        &["urheilu", "urheilua", "urheiluseura", "urheiluseuran"],
    ),
    ("ympäristö", &["ympäristö", "ympäristön", "ympäristöä"]),
    ("luonto", &["luonto", "luontoa", "luonnossa", "luonnon"]),
    ("siivous", &["siivous", "siivoamaan", "siivoustalkoot"]),
    (
        "keräys",
        &["keräys", "keräykseen", "keräyksen", "keräämään"],
    ),
    ("myyjäiset", &["myyjäiset", "myyjäisiin", "myyjäisissä"]),
    (
        "kirpputori",
        &["kirpputori", "kirpputorilla", "kirpputorin"],
    ),
    (
        "ruoka",
        &["ruoka", "ruokaa", "ruoan", "ruokajako", "ruoka-apu"],
    ),
    ("kuljetus", &["kuljetus", "kuljetuksen", "kuljettamaan"]),
    ("digituki", &["digituki", "digitukea", "digituen"]),
    ("kieli", &["kieli", "kielikahvila", "kielen", "kieltä"]),
    ("läksy", &["läksykerho", "läksyjen", "läksyissä"]),
    ("puutarha", &["puutarha", "puutarhassa", "puutarhan"]),
    ("eläin", &["eläin", "eläimet", "eläinten", "eläimiä"]),
    ("koira", &["koira", "koiria", "koirien", "koiran"]),
    ("tanssi", &["tanssi", "tanssia", "tanssin"]),
    ("teatteri", &["teatteri", "teatterin", "teatterissa"]),
    ("museo", &["museo", "museossa", "museon"]),
    ("näyttely", &["näyttely", "näyttelyn", "näyttelyssä"]),
    (
        "viestintä",
        &["viestintä", "viestintää", "viestinnän", "some", "somessa"],
    ),
    (
        "varainhankinta",
        &[
            "varainhankinta",
            "varainhankintaan",
            "lipunmyynti",
            "lipunmyynnissä",
        ],
    ),
    ("ensiapu", &["ensiapu", "ensiapua", "ensiavun"]),
    (
        "tukihenkilö",
        &[
            "tukihenkilö",
            "tukihenkilöksi",
            "tukihenkilön",
            "vertaistuki",
            "vertaistukea",
        ],
    ),
    ("mentori", &["mentori", "mentoriksi", "mentorin"]),
    ("kummi", &["kummi", "kummiksi", "kummitoiminta"]),
    ("kuoro", &["kuoro", "kuoron", "kuorossa"]),
    (
        "partio",
        &["partio", "partiolaiset", "partiolaisten", "partiossa"],
    ),
    (
        "pelastus",
        &[
            "pelastus",
            "vapaapalokunta",
            "vapaapalokunnan",
            "pelastuspalvelu",
        ],
    ),
    (
        "seurakunta",
        &["seurakunta", "seurakunnan", "seurakunnassa"],
    ),
    (
        "kylätalo",
        &["kylätalo", "kylätalolla", "kylätalon", "kyläyhdistys"],
    ),
    (
        "asukas",
        &["asukas", "asukkaat", "asukkaiden", "asukastila"],
    ),
    (
        "maahanmuuttaja",
        &["maahanmuuttaja", "maahanmuuttajat", "maahanmuuttajien"],
    ),
    ("pyörä", &["pyörä", "pyöräily", "pyöräilyä", "pyörän"]),
    ("melonta", &["melonta", "melontaa", "meloen"]),
    (
        "suunnistus",
        &["suunnistus", "suunnistuksen", "suunnistamaan"],
    ),
    (
        "retki",
        &["retki", "retkelle", "retken", "retkeily", "retkeilyä"],
    ),
    ("marjastus", &["marjastus", "marjastamaan", "sienestys"]),
    ("kalastus", &["kalastus", "kalastamaan", "kalastuksen"]),
    (
        "neulonta",
        &["neulonta", "neulomaan", "käsityö", "käsitöitä"],
    ),
    ("ompelu", &["ompelu", "ompelemaan", "ompelukone"]),
    ("puutyö", &["puutyö", "puutöitä", "korjaus", "korjaamaan"]),
    ("valokuvaus", &["valokuvaus", "valokuvaamaan", "valokuvat"]),
    ("shakki", &["shakki", "shakkia", "shakkikerho"]),
    ("sirkus", &["sirkus", "sirkusta", "sirkuskoulu"]),
    (
        "festivaali",
        &["festivaali", "festivaalin", "festivaalilla"],
    ),
    ("markkinat", &["markkinat", "markkinoilla", "markkinoiden"]),
    ("juhannus", &["juhannus", "juhannuksena", "juhannusjuhla"]),
    ("joulu", &["joulu", "joulumyyjäiset", "jouluna", "joulun"]),
    (
        "itsenäisyyspäivä",
        &["itsenäisyyspäivä", "itsenäisyyspäivän"],
    ),
    ("kriisi", &["kriisi", "kriisipuhelin", "kriisityö"]),
    (
        "mielenterveys",
        &["mielenterveys", "mielenterveyden", "mielenterveyttä"],
    ),
    (
        "vammainen",
        &["vammaiset", "vammaisten", "esteetön", "esteettömyys"],
    ),
    ("saavutettavuus", &["saavutettavuus", "saavutettavuuden"]),
    (
        "e-urheilu",
        &["e-urheilu", "pelikerho", "pelaamaan", "pelit"],
    ),
    (
        "tietokone",
        &["tietokone", "tietokoneen", "älypuhelin", "älypuhelimen"],
    ),
    (
        "kirjoittaminen",
        &["kirjoittaminen", "kirjoittamaan", "kirjailija"],
    ),
    (
        "lukeminen",
        &["lukeminen", "lukemaan", "lukumummo", "lukuvaari"],
    ),
];

/// Sentence glue: very frequent, never searched for.
pub const FILLER: &[&str] = &[
    "ja",
    "on",
    "sekä",
    "myös",
    "joka",
    "meillä",
    "sinulla",
    "voit",
    "tule",
    "mukaan",
    "tarvitsemme",
    "etsimme",
    "kaikille",
    "avoin",
    "kokemusta",
    "ei",
    "tarvita",
    "perehdytämme",
    "tehtävään",
    "tehtävässä",
    "pääset",
    "kanssa",
    "kerran",
    "viikossa",
    "kuukaudessa",
    "paikka",
    "sijaitsee",
    "lähellä",
    "keskustaa",
    "ilmoittaudu",
    "lisätietoja",
    "antaa",
    "yhteyshenkilö",
    "kiitos",
    "tervetuloa",
    "hyvä",
    "mieli",
    "uusia",
    "ihmisiä",
    "tutuksi",
    "taitoja",
    "oppia",
    "kokemus",
    "todistus",
    "saat",
];

/// Words planted in about one task in 2,500, for rare-term queries.
pub const RARE: &[&str] = &["kanteleensoitto", "mehiläistarha", "majakkasaari"];

/// Syllables of the made-up long-tail words.
pub const SYLLABLES: &[&str] = &[
    "ka", "ta", "la", "ma", "na", "ra", "sa", "va", "ko", "to", "lo", "mo", "no", "ro", "so", "vo",
    "ki", "ti", "li", "mi", "ni", "ri", "si", "vi", "ku", "tu", "lu", "mu", "nu", "ru", "su", "pe",
    "te", "le", "me", "ne", "re", "se", "ve", "hä", "jä", "kä", "lä", "mä", "nä", "pä", "rä", "sä",
    "tä", "vä", "ö", "y",
];

/// What associations are, for their names.
pub const ASSOCIATION_KINDS: &[&str] = &[
    "Partiolaiset",
    "Urheiluseura",
    "Kyläyhdistys",
    "Eläkeläiset",
    "Martat",
    "Nuorisoseura",
    "Vapaapalokunta",
    "Kotiseutuyhdistys",
    "Mielenterveysseura",
    "Luonnonsuojeluyhdistys",
    "Kuoro",
    "Teatteriyhdistys",
    "Sotaveteraanit",
    "Asukasyhdistys",
    "Reserviläiset",
    "4H-yhdistys",
    "Setlementti",
    "Punaisen Ristin osasto",
    "MLL:n paikallisyhdistys",
    "Omaishoitajat",
    "Kalastusseura",
    "Latu",
    "Pyöräilyseura",
    "Shakkikerho",
    "Taideyhdistys",
];
