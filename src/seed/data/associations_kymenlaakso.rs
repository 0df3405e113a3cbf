//! The demo's seven associations in Kymenlaakso, with their services: sea rescue, animal
//! welfare, reservists, an archipelago society, a local heritage society, digital help and
//! a multicultural meeting place. They come after Etelä-Karjala's among the demo's
//! associations (see `seed::associations::all`), so their indices start at 8.

use super::people::JARI;
use crate::seed::associations::{Association, Service};

/// Index of each association in the demo's associations (`seed::associations::all`), for
/// the tasks and the sign-ups.
pub(in crate::seed) const MERIPELASTUS: usize = 8;
pub(in crate::seed) const ELAINSUOJELU: usize = 9;
pub(in crate::seed) const RESERVILAISET: usize = 10;
pub(in crate::seed) const SAARISTOSEURA: usize = 11;
pub(in crate::seed) const KOTISEUTU: usize = 12;
pub(in crate::seed) const DIGIAPU: usize = 13;
pub(in crate::seed) const KOHTAAMISPAIKKA: usize = 14;

/// The associations in Kymenlaakso, in the order of their indices.
pub(in crate::seed) static ASSOCIATIONS: &[Association] = &[
    Association {
        name: "Kotkan Meripelastusyhdistys ry",
        municipality: "285",
        register_number: "912.109",
        business_id: Some("9812391-3"),
        field: "crisis-preparedness",
        founded: 1968,
        summary: "Vapaaehtoista meripelastusta Kotkan edustalla ympäri vuoden – ja \
                  veneilyturvallisuutta kaikille.",
        description: "Kotkan Meripelastusyhdistys päivystää Kotkan edustan merialueella \
                      vapaaehtoisin miehistöin. Pelastustoiminnan lisäksi koulutamme \
                      veneilijöitä, pidämme meripelastusnuorten ryhmää ja ylläpidämme \
                      asemaa ja aluksia. Miehistöön koulutetaan, mutta maissakin on paljon \
                      tehtäviä.",
        activities: "Meripelastuspäivystys, meripelastusnuoret, veneilykurssit, aseman ja \
                     alusten kunnossapito.",
        target_groups: "Veneilijät, rannikon asukkaat, merestä kiinnostuneet nuoret.",
        how_to_join: "Tule avoimeen iltaan asemalle torstaisin klo 18.",
        fee: "35 €/vuosi, alle 25-vuotiaat 15 €/vuosi",
        contact: "Jari Kinnunen, puheenjohtaja",
        email: "meripelastus.kotka@example.fi",
        phone: "040 712 3409",
        website: "https://kotkanmeripelastus.example.fi",
        social: "https://some.example.fi/@kotkanmeripelastus",
        address: "Meripelastusasema, Satamakatu 18, 48100 Kotka",
        languages: &["en", "fi", "sv"],
        accessibility: "Koulutustila on esteetön; laiturit ja alukset eivät ole.",
        owner: JARI,
        services: &[
            Service {
                name: "Meripelastuspäivystys",
                description: "Apua merihätään ja veneen vikaantuessa Kotkan edustalla.",
                target_group: "Veneilijät",
                price: None,
                how_to_get: "Hätätilanteessa soita 112 tai kutsu VHF-kanavalla 16.",
            },
            Service {
                name: "Veneilykurssit",
                description: "Navigointia, merimerkkejä ja turvallista veneilyä \
                              aloittelijoille.",
                target_group: "Veneilijät ja veneilyä aloittelevat",
                price: Some("60 €"),
                how_to_get: "Ilmoittaudu verkkosivuilla.",
            },
            Service {
                name: "Meripelastusnuoret",
                description: "Merenkulkua, ensiapua ja pelastustaitoja nuorille.",
                target_group: "13–20-vuotiaat",
                price: Some("15 €/vuosi"),
                how_to_get: "Tule avoimeen iltaan.",
            },
        ],
    },
    Association {
        name: "Kouvolan Eläinsuojeluyhdistys ry",
        municipality: "286",
        register_number: "912.110",
        business_id: Some("9812408-6"),
        field: "animals",
        founded: 1932,
        summary: "Löytöeläinten hoitoa, sijaiskoteja ja eläinsuojeluneuvontaa Kouvolan \
                  seudulla.",
        description: "Kouvolan Eläinsuojeluyhdistys auttaa hylättyjä ja kodittomia \
                      eläimiä. Ylläpidämme löytöeläintaloa, etsimme eläimille uusia koteja \
                      ja neuvomme eläinten hyvinvointiin liittyvissä asioissa. \
                      Vapaaehtoiset ulkoiluttavat koiria, hoitavat kissoja, toimivat \
                      sijaiskoteina ja keräävät varoja.",
        activities: "Löytöeläintalo, kodinetsintä, sijaiskotitoiminta, myyjäiset, \
                     eläinsuojeluneuvonta.",
        target_groups: "Eläinten ystävät, lemmikkien omistajat, kodittomat eläimet.",
        how_to_join: "Tule perehdytysiltaan kerran kuussa; sen jälkeen pääset \
                      ulkoiluttamaan ja hoitamaan eläimiä.",
        fee: "20 €/vuosi, nuoret 10 €/vuosi",
        contact: "Hanna Mäkelä, vapaaehtoiskoordinaattori",
        email: "elainsuojelu.kouvola@example.fi",
        phone: "040 712 3410",
        website: "https://kouvolanelainsuojelu.example.fi",
        social: "https://some.example.fi/@kouvolanelainsuojelu",
        address: "Löytöeläintalo, Tarhatie 9, 45200 Kouvola",
        languages: &["en", "fi"],
        accessibility: "Vastaanottotila on esteetön; ulkoilureitit ovat soratietä.",
        owner: JARI,
        services: &[
            Service {
                name: "Kodinetsintä",
                description: "Löytöeläimille etsitään harkiten uusi koti.",
                target_group: "Lemmikkiä harkitsevat",
                price: Some("Luovutusmaksu 80–150 €"),
                how_to_get: "Katso kotia etsivät eläimet verkkosivuilta ja täytä \
                             hakemus.",
            },
            Service {
                name: "Eläinsuojeluneuvonta",
                description: "Neuvoja eläinten hoidossa ja ilmoituksissa epäkohdista.",
                target_group: "Kaikki",
                price: None,
                how_to_get: "Soita arkisin klo 10–14 tai lähetä sähköpostia.",
            },
        ],
    },
    Association {
        name: "Haminan Reserviläiset ry",
        municipality: "075",
        register_number: "912.111",
        business_id: None,
        field: "crisis-preparedness",
        founded: 1958,
        summary: "Varautumista, kuntoliikuntaa ja tapahtumajärjestelyjä Haminassa.",
        description: "Haminan Reserviläiset edistää kansalaisten varautumista ja \
                      turvallisuutta. Järjestämme kuntomarsseja, varautumisiltoja ja \
                      koulutuksia sekä avustamme kaupungin suurtapahtumissa. Monet \
                      tehtävät sopivat kenelle tahansa, myös ilman asepalvelusta.",
        activities: "Kuntomarssit, varautumisillat, ensiapukoulutus, tapahtumien \
                     liikenteenohjaus ja järjestyksenvalvonta.",
        target_groups: "Reserviläiset, varautumisesta kiinnostuneet kuntalaiset.",
        how_to_join: "Liity jäseneksi verkkosivuilla tai tule kuukausitapaamiseen.",
        fee: "30 €/vuosi",
        contact: "Markku Pulkkinen, puheenjohtaja",
        email: "reservilaiset.hamina@example.fi",
        phone: "040 712 3411",
        website: "https://haminanreservilaiset.example.fi",
        social: "https://some.example.fi/@haminanreservilaiset",
        address: "Kerhotila, Isoympyräkatu 10, 49400 Hamina",
        languages: &["fi"],
        accessibility: "Kerhotila on toisessa kerroksessa, talossa on hissi.",
        owner: JARI,
        services: &[
            Service {
                name: "Varautumisillat",
                description: "Kotivara, 72 tunnin omatoiminen varautuminen ja \
                              sähkökatkoon valmistautuminen käytännössä.",
                target_group: "Kaikki kuntalaiset",
                price: None,
                how_to_get: "Ilmoittaudu sähköpostilla tai tule paikalle.",
            },
            Service {
                name: "Kuntomarssit",
                description: "Merkityt 10 ja 20 kilometrin reitit kaikille.",
                target_group: "Kaikenikäiset liikkujat",
                price: Some("10 €, alle 18-vuotiaat ilmaiseksi"),
                how_to_get: "Ilmoittautuminen lähtöpaikalla.",
            },
        ],
    },
    Association {
        name: "Pyhtään Saaristoseura ry",
        municipality: "624",
        register_number: "912.112",
        business_id: None,
        field: "environment",
        founded: 2003,
        summary: "Puhtaat rannat ja elävä saaristo: talkoita, retkiä ja \
                  luontokartoituksia Pyhtäällä.",
        description: "Pyhtään Saaristoseura vaalii saariston luontoa ja kulttuuria. \
                      Siivoamme rantoja, kunnostamme saarten retkeilyrakenteita ja \
                      kartoitamme vieraslajeja. Seuran veneillä pääsee myös saariin, \
                      joihin ei muuten tule lähdettyä.",
        activities: "Rantojen siivoustalkoot, saaristoretket, vieraslajikartoitus, \
                     saarten laavujen kunnossapito.",
        target_groups: "Saaristosta ja luonnosta kiinnostuneet, mökkiläiset ja perheet.",
        how_to_join: "Tule talkoisiin; jäseneksi voi liittyä verkkosivuilla.",
        fee: "15 €/vuosi",
        contact: "Kaisa Lindqvist, puheenjohtaja",
        email: "saaristoseura.pyhtaa@example.fi",
        phone: "040 712 3412",
        website: "https://pyhtaansaaristo.example.fi",
        social: "https://some.example.fi/@pyhtaansaaristo",
        address: "Seurantalo, Siltakyläntie 15, 49220 Pyhtää",
        languages: &["fi", "sv"],
        accessibility: "Seurantalo on esteetön; veneisiin nousu vaatii liikkumista.",
        owner: JARI,
        services: &[
            Service {
                name: "Saaristoretket",
                description: "Opastetut veneretket ulkosaaristoon.",
                target_group: "Kaikenikäiset",
                price: Some("20 €, lapset 10 €"),
                how_to_get: "Ilmoittaudu verkkosivuilla viimeistään viikkoa ennen.",
            },
            Service {
                name: "Rantojen siivoustalkoot",
                description: "Yhteiset talkoot, joissa roskat kerätään ja lajitellaan.",
                target_group: "Kaikki",
                price: None,
                how_to_get: "Tule paikalle, välineet ja eväät tarjotaan.",
            },
        ],
    },
    Association {
        name: "Virolahden Kotiseutuyhdistys ry",
        municipality: "935",
        register_number: "912.113",
        business_id: None,
        field: "culture",
        founded: 1952,
        summary: "Kotiseutumuseo, muistitietoa ja opastettuja kävelyitä Virolahdella ja \
                  Salpalinjalla.",
        description: "Virolahden Kotiseutuyhdistys tallentaa ja kertoo seudun tarinoita. \
                      Ylläpidämme kotiseutumuseota, digitoimme vanhoja valokuvia, keräämme \
                      muistitietoa ja opastamme kävelykierroksia Salpalinjan \
                      linnoituksilla. Vapaaehtoisena pääsee tekemään historiaa eläväksi.",
        activities: "Kotiseutumuseo, kuva-arkiston digitointi, muistelupiirit, \
                     opastetut kävelykierrokset.",
        target_groups: "Kotiseudun historiasta kiinnostuneet, koululaiset, matkailijat.",
        how_to_join: "Ota yhteyttä sähköpostilla tai tule museolle sen aukioloaikana.",
        fee: "15 €/vuosi",
        contact: "Seppo Hovi, museonhoitaja",
        email: "kotiseutu.virolahti@example.fi",
        phone: "05 412 3413",
        website: "https://virolahdenkotiseutu.example.fi",
        social: "https://some.example.fi/@virolahdenkotiseutu",
        address: "Kotiseutumuseo, Museotie 2, 49900 Virolahti",
        languages: &["en", "fi"],
        accessibility: "Museon alakerta on esteetön; linnoitusreitit ovat maastopolkuja.",
        owner: JARI,
        services: &[
            Service {
                name: "Kotiseutumuseo",
                description: "Talonpoikaiskulttuuria ja rajaseudun historiaa.",
                target_group: "Kaikenikäiset",
                price: Some("5 €, alle 18-vuotiaat ilmaiseksi"),
                how_to_get: "Avoinna sunnuntaisin klo 12–16 ja sopimuksen mukaan.",
            },
            Service {
                name: "Opastetut kävelykierrokset",
                description: "Tunnin kierros Salpalinjan korsuille ja juoksuhaudoille.",
                target_group: "Koululuokat, ryhmät ja matkailijat",
                price: Some("80 € ryhmältä"),
                how_to_get: "Varaa sähköpostilla kaksi viikkoa etukäteen.",
            },
        ],
    },
    Association {
        name: "Kouvolan Digiapu ry",
        municipality: "286",
        register_number: "912.114",
        business_id: Some("9812425-4"),
        field: "digital-support",
        founded: 2019,
        summary: "Maksutonta digitukea kouvolalaisille kirjastoilla ja puhelimessa – \
                  vapaaehtoiset auttavat kärsivällisesti.",
        description: "Kouvolan Digiapu auttaa kaikkia, joille sähköiset palvelut tuottavat \
                      vaikeuksia. Vapaaehtoiset neuvovat älypuhelimen, verkkopankin, \
                      Omakannan ja sähköisen asioinnin kanssa kirjastojen digitukipisteissä \
                      ja puhelimessa. Perehdytämme jokaisen vapaaehtoisen, eikä sinun \
                      tarvitse olla tekniikan asiantuntija.",
        activities: "Digitukipisteet kirjastoilla, puhelintuki, digikurssit, \
                     materiaalien tuottaminen.",
        target_groups: "Ikäihmiset, maahan muuttaneet ja kaikki digitukea tarvitsevat.",
        how_to_join: "Ilmoittaudu vapaaehtoiseksi Talkoissa; perehdytys kestää kaksi \
                      tuntia.",
        fee: "Ei jäsenmaksua",
        contact: "Ville Aaltonen, koordinaattori",
        email: "digiapu.kouvola@example.fi",
        phone: "040 712 3414",
        website: "https://kouvolandigiapu.example.fi",
        social: "https://some.example.fi/@kouvolandigiapu",
        address: "Pääkirjasto, Salpausselänkatu 33, 45100 Kouvola",
        languages: &["en", "fi", "ru"],
        accessibility: "Kirjasto on esteetön; puhelintuki sopii myös liikkumisesteisille.",
        owner: JARI,
        services: &[
            Service {
                name: "Digitukipiste",
                description: "Henkilökohtaista apua laitteiden ja sähköisten palvelujen \
                              käyttöön.",
                target_group: "Kaikki",
                price: None,
                how_to_get: "Pääkirjastolla tiistaisin ja torstaisin klo 12–15, \
                             ajanvarauksella tai ilman.",
            },
            Service {
                name: "Puhelintuki",
                description: "Vapaaehtoinen soittaa takaisin ja neuvoo puhelimessa.",
                target_group: "Erityisesti ikäihmiset",
                price: None,
                how_to_get: "Jätä soittopyyntö arkisin klo 9–15.",
            },
        ],
    },
    Association {
        name: "Kotkan Monikulttuurinen Kohtaamispaikka ry",
        municipality: "285",
        register_number: "912.115",
        business_id: Some("9812442-2"),
        field: "multicultural",
        founded: 2008,
        summary: "Kieliklubeja, läksykerho ja perhetapahtumia – kohtaamispaikka \
                  kotkalaisille kaikista kulttuureista.",
        description: "Kotkan Monikulttuurinen Kohtaamispaikka tukee maahan muuttaneiden \
                      kotoutumista ja tuo eri taustoista tulevia kotkalaisia yhteen. \
                      Suomen kielen keskustelukerhot, läksykerho ja perhetapahtumat \
                      pyörivät vapaaehtoisten voimin. Kielitaito on plussaa, mutta \
                      tärkeintä on kiinnostus ihmisiin.",
        activities: "Suomen kielen keskustelukerhot, läksykerho, naisten ryhmä, \
                     perhetapahtumat, asiointiapu.",
        target_groups: "Maahan muuttaneet, heidän perheensä ja kaikki kotkalaiset.",
        how_to_join: "Tule kahvilaan arkisin klo 10–16 tai ilmoittaudu tehtävään Talkoissa.",
        fee: "Vapaaehtoinen kannatusmaksu",
        contact: "Amina Hassan, toiminnanohjaaja",
        email: "kohtaamispaikka.kotka@example.fi",
        phone: "040 712 3415",
        website: "https://kotkankohtaamispaikka.example.fi",
        social: "https://some.example.fi/@kotkankohtaamispaikka",
        address: "Kohtaamispaikka, Keskuskatu 22, 48100 Kotka",
        languages: &["ar", "en", "fi", "ru", "so", "uk"],
        accessibility: "Katutason tila, esteetön WC, lastenhoitonurkkaus.",
        owner: JARI,
        services: &[
            Service {
                name: "Suomen kielen keskustelukerhot",
                description: "Puhutaan suomea rennosti arjen aiheista.",
                target_group: "Suomea opettelevat aikuiset",
                price: None,
                how_to_get: "Maanantaisin ja keskiviikkoisin klo 17, ei \
                             ilmoittautumista.",
            },
            Service {
                name: "Läksykerho",
                description: "Apua koulutehtäviin ja suomen kieleen.",
                target_group: "7–16-vuotiaat",
                price: None,
                how_to_get: "Tiistaisin ja torstaisin klo 15–17.",
            },
            Service {
                name: "Asiointiapu",
                description: "Apua lomakkeiden ja viranomaisasioinnin kanssa.",
                target_group: "Maahan muuttaneet",
                price: None,
                how_to_get: "Varaa aika kahvilasta tai puhelimitse.",
            },
        ],
    },
];
