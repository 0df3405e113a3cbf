//! The published tasks of the demo's associations in Kymenlaakso, grouped by association.
//! `seed::tasks::create` creates and publishes them, after Etelä-Karjala's; the sign-ups
//! name them by title.

use super::associations_kymenlaakso::{
    DIGIAPU, ELAINSUOJELU, KOHTAAMISPAIKKA, KOTISEUTU, MERIPELASTUS, RESERVILAISET, SAARISTOSEURA,
};
use crate::seed::tasks::{Place, TASK, Task, When};

/// The tasks in Kymenlaakso.
pub(in crate::seed) static TASKS: &[Task] = &[
    // Kotkan Meripelastusyhdistys
    Task {
        association: MERIPELASTUS,
        title: "Meripelastusnuorten leirin apuohjaaja",
        description: "Meripelastusnuorten kolmen päivän leirillä harjoitellaan \
                      merenkulkua, ensiapua ja pelastustaitoja saaristossa. Apuohjaajana \
                      huolehdit ryhmästä ja autat kouluttajia. Koska tehtävässä toimitaan \
                      alaikäisten kanssa, valitulta pyydetään rikostaustaote.",
        categories: &["children-youth", "crisis-preparedness"],
        address: Some("Meripelastusasema, Satamakatu 18, Kotka"),
        when: When::Fixed {
            days: 45,
            hour: 6,
            hours: 2 * 24 + 8,
            deadline: Some(14),
        },
        hours: Some(30.0),
        spots: Some(4),
        min_age: Some(18),
        languages: &["fi", "sv"],
        record_check: true,
        contact: Some("Jari Kinnunen"),
        ..TASK
    },
    Task {
        association: MERIPELASTUS,
        title: "Veneilyturvallisuusillan kahvio ja ilmoittautumiset",
        description: "Veneilyturvallisuusiltaan odotetaan noin sataa veneilijää. Hoidat \
                      ilmoittautumispöytää ja kahviota yhdessä yhdistyksen jäsenten kanssa. \
                      Tehtävä sopii hyvin ensikertalaiselle.",
        categories: &["crisis-preparedness", "events"],
        address: Some("Meripelastusasema, Satamakatu 18, Kotka"),
        when: When::Fixed {
            days: 8,
            hour: 15,
            hours: 3,
            deadline: Some(2),
        },
        hours: Some(3.0),
        // Two spots and a waitlist: the demo's sign-ups fill it (see `signups`).
        spots: Some(2),
        automatic: true,
        waitlist: true,
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    Task {
        association: MERIPELASTUS,
        title: "Meripelastusaseman kunnossapitotalkoot",
        description: "Asemalla on töitä: varastojen järjestämistä, maalausta ja \
                      pelastusvälineiden huoltoa ammattilaisen ohjauksessa. Valitse itsellesi \
                      sopivat päivät talkoojakson aikana.",
        categories: &["crisis-preparedness", "organisation"],
        address: Some("Meripelastusasema, Satamakatu 18, Kotka"),
        when: When::Flexible { from: 14, to: 28 },
        hours: Some(8.0),
        spots: Some(6),
        min_age: Some(16),
        ..TASK
    },
    // Kouvolan Eläinsuojeluyhdistys
    Task {
        association: ELAINSUOJELU,
        title: "Koirien ulkoiluttaja löytöeläintalolla",
        description: "Löytöeläintalon koirat tarvitsevat lenkkejä joka päivä. Perehdytyksen \
                      jälkeen voit varata itsellesi ulkoiluvuoroja silloin kun sinulle sopii. \
                      Sinulle valitaan koira, joka sopii kokemukseesi.",
        categories: &["animals"],
        address: Some("Löytöeläintalo, Tarhatie 9, Kouvola"),
        hours: Some(1.5),
        min_age: Some(15),
        beginner: true,
        contact: Some("Hanna Mäkelä"),
        ..TASK
    },
    Task {
        association: ELAINSUOJELU,
        title: "Sijaiskoti kissalle tai kissaemolle pentuineen",
        description: "Etsimme sijaiskoteja kissoille, jotka odottavat uutta kotia. \
                      Yhdistys maksaa ruoat, hiekat ja eläinlääkärikulut, ja tukihenkilö \
                      on tavoitettavissa aina. Sijaiskodissa voi asua myös muita \
                      lemmikkejä, kunhan asiasta sovitaan etukäteen.",
        categories: &["animals"],
        spots: Some(5),
        min_age: Some(18),
        ..TASK
    },
    Task {
        association: ELAINSUOJELU,
        title: "Nuorten myyjäistiimi hyväntekeväisyysmyyjäisiin",
        description: "Nuorten tiimi myy myyjäisissä leivonnaisia ja itse tehtyjä \
                      lemmikkien leluja, ja tuotto menee löytöeläinten hoitoon. Tule \
                      myymään, kertomaan yhdistyksestä ja keksimään uusia ideoita! Tehtävä \
                      on tarkoitettu 13–17-vuotiaille.",
        categories: &["animals", "events", "fundraising"],
        address: Some("Kauppakeskus, Kouvola"),
        when: When::Fixed {
            days: 17,
            hour: 9,
            hours: 4,
            deadline: Some(3),
        },
        hours: Some(4.0),
        spots: Some(6),
        automatic: true,
        min_age: Some(13),
        max_age: Some(17),
        beginner: true,
        ..TASK
    },
    // Haminan Reserviläiset
    Task {
        association: RESERVILAISET,
        title: "Kuntomarssin reitinvarmistaja",
        description: "Kuntomarssin reitille tarvitaan varmistajia risteyksiin ja \
                      huoltopisteille. Opastat kävelijöitä, jaat juomaa ja pidät yhteyttä \
                      radiolla. Saat ruoan, heijastinliivin ja perehdytyksen ennen \
                      tapahtumaa.",
        categories: &["crisis-preparedness", "events", "sports"],
        address: Some("Lähtöpaikka Tervasaari, Hamina"),
        when: When::Fixed {
            days: 23,
            hour: 6,
            hours: 6,
            deadline: Some(5),
        },
        hours: Some(6.0),
        spots: Some(12),
        min_age: Some(18),
        ..TASK
    },
    Task {
        association: RESERVILAISET,
        title: "Varautumisillan järjestelyt ja kotivaranäyttely",
        description: "Varautumisillassa kuntalaiset oppivat, miten kotona pärjää \
                      sähkökatkon ja häiriötilanteen aikana. Tarvitsemme apua kotivaran \
                      esittelypöydän kokoamisessa, vieraiden opastamisessa ja kahviossa.",
        categories: &["crisis-preparedness", "education", "events"],
        address: Some("Kerhotila, Isoympyräkatu 10, Hamina"),
        when: When::Fixed {
            days: 38,
            hour: 15,
            hours: 3,
            deadline: Some(7),
        },
        hours: Some(3.0),
        spots: Some(5),
        automatic: true,
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    Task {
        association: RESERVILAISET,
        title: "Jäsenrekisterin päivittäjä etätyönä",
        description: "Yhdistyksen jäsenrekisteri siirretään uuteen järjestelmään. Tehtävä \
                      on tarkkaa taulukkotyötä, jonka voi tehdä kotona omalla koneella. \
                      Tietosuojaan perehdytetään, ja tehtävään sitoudutaan \
                      vaitiololupauksella.",
        categories: &["organisation"],
        place: Place::Remote {
            online: true,
            phone: false,
        },
        when: When::Flexible { from: 3, to: 45 },
        hours: Some(10.0),
        spots: Some(1),
        min_age: Some(18),
        ..TASK
    },
    // Pyhtään Saaristoseura
    Task {
        association: SAARISTOSEURA,
        title: "Rantojen siivoustalkoot Pyhtään saaristossa",
        description: "Kerätään roskat Pyhtään rannoilta ja lähisaarista. Veneet vievät \
                      talkoolaiset saariin, ja seura tarjoaa säkit, hanskat ja lounaan. \
                      Mukaan voi tulla kuka tahansa – myös lapsiperheet.",
        categories: &["environment"],
        address: Some("Seurantalo, Siltakyläntie 15, Pyhtää"),
        when: When::Fixed {
            days: 11,
            hour: 6,
            hours: 5,
            deadline: Some(3),
        },
        hours: Some(5.0),
        spots: Some(20),
        automatic: true,
        waitlist: true,
        languages: &["fi", "sv"],
        beginner: true,
        ..TASK
    },
    Task {
        association: SAARISTOSEURA,
        title: "Saaristoretken veneapulainen",
        description: "Autat kipparia saaristoretkellä: köysien käsittelyä, retkeläisten \
                      opastusta laiturilla ja eväiden jakoa. Veneilykokemuksesta on hyötyä, \
                      mutta kaikki tarpeellinen opetetaan. Pelastusliivit saat seuralta.",
        categories: &["environment", "events"],
        address: Some("Kaunissaaren laituri, Pyhtää"),
        when: When::Fixed {
            days: 52,
            hour: 7,
            hours: 8,
            deadline: Some(10),
        },
        hours: Some(8.0),
        spots: Some(2),
        min_age: Some(16),
        languages: &["fi", "sv"],
        ..TASK
    },
    Task {
        association: SAARISTOSEURA,
        title: "Vieraslajien kartoittaja omalla lähirannalla",
        description: "Kulje omaa lähirantaasi ja ilmoita havaitsemasi vieraslajit \
                      kartoitussovelluksella. Saat lyhyen koulutuksen lajien tunnistamiseen, \
                      ja kartoituksen voi tehdä oman aikataulun mukaan seuraavien viikkojen \
                      aikana.",
        categories: &["environment"],
        when: When::Flexible { from: 5, to: 60 },
        hours: Some(4.0),
        beginner: true,
        ..TASK
    },
    // Virolahden Kotiseutuyhdistys
    Task {
        association: KOTISEUTU,
        title: "Salpalinjan kävelykierroksen opas",
        description: "Opastat ryhmiä Salpalinjan korsuilla ja juoksuhaudoissa \
                      Miehikkälässä. Saat valmiin opastuskäsikirjoituksen ja pääset \
                      ensin seuraamaan kokeneen oppaan kierrosta. Englannin taito on \
                      eduksi, koska osa ryhmistä on matkailijoita.",
        categories: &["culture", "education"],
        place: Place::In("489"),
        address: Some("Salpalinjan linnoitusalue, Miehikkälä"),
        when: When::Fixed {
            days: 29,
            hour: 9,
            hours: 3,
            deadline: Some(7),
        },
        hours: Some(3.0),
        spots: Some(2),
        min_age: Some(16),
        languages: &["en", "fi"],
        ..TASK
    },
    Task {
        association: KOTISEUTU,
        title: "Vanhojen valokuvien digitoija kotiseutumuseolla",
        description: "Skannaa museon valokuva-arkistoa ja kirjaa kuvien tiedot \
                      luetteloon. Työ on rauhallista ja tapahtuu museon takahuoneessa \
                      kokeneen vapaaehtoisen kanssa. Tehtävä on tuettu ja sopii hyvin \
                      myös työkokeiluksi.",
        categories: &["culture", "digital-support"],
        address: Some("Kotiseutumuseo, Museotie 2, Virolahti"),
        when: When::Flexible { from: 7, to: 70 },
        hours: Some(12.0),
        spots: Some(2),
        min_age: Some(13),
        beginner: true,
        supported: true,
        ..TASK
    },
    Task {
        association: KOTISEUTU,
        title: "Muistelupiirin kirjuri puhelimitse",
        description: "Soitat virolahtelaisille ikäihmisille ja kirjaat heidän muistojaan \
                      kylien elämästä. Puhelut sovitaan etukäteen, ja saat valmiin \
                      kysymyslistan. Tarinat tallennetaan museon arkistoon tuleville \
                      sukupolville.",
        categories: &["befriending", "culture", "older-people"],
        place: Place::PhoneFrom("935"),
        hours: Some(2.0),
        spots: Some(3),
        min_age: Some(15),
        ..TASK
    },
    // Kouvolan Digiapu
    Task {
        association: DIGIAPU,
        title: "Puhelindigituki ikäihmisille",
        description: "Soitat takaisin ikäihmisille, jotka ovat jättäneet soittopyynnön, ja \
                      neuvot esimerkiksi videopuhelun, verkkopankin tai Omakannan käytössä. \
                      Tehtävän voi tehdä kotoa käsin. Perehdytys ja tukimateriaalit saat \
                      yhdistykseltä.",
        categories: &["digital-support", "older-people"],
        place: Place::Remote {
            online: false,
            phone: true,
        },
        hours: Some(2.0),
        spots: Some(6),
        min_age: Some(18),
        languages: &["fi", "ru"],
        contact: Some("Ville Aaltonen"),
        ..TASK
    },
    Task {
        association: DIGIAPU,
        title: "Digitukipisteen tukihenkilö pääkirjastolla",
        description: "Digitukipisteessä autetaan kävijöitä puhelimen ja tietokoneen \
                      kanssa. Uusi vapaaehtoinen toimii aluksi kokeneen parina. Sopii \
                      erinomaisesti lukiolaiselle tai opiskelijalle, joka osaa käyttää \
                      älypuhelinta ja haluaa auttaa.",
        categories: &["digital-support"],
        address: Some("Pääkirjasto, Salpausselänkatu 33, Kouvola"),
        hours: Some(3.0),
        spots: Some(4),
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    Task {
        association: DIGIAPU,
        title: "Digikurssin ohjeiden oikolukija ja selkokielistäjä",
        description: "Digikurssin ohjeet kirjoitetaan uudelleen selkeämmiksi. Luet \
                      ohjeet, ehdotat selkeämpiä sanamuotoja ja kokeilet, toimivatko \
                      vaiheet. Tehtävä tehdään etänä yhteisessä dokumentissa.",
        categories: &["communications", "digital-support"],
        place: Place::Remote {
            online: true,
            phone: false,
        },
        when: When::Flexible { from: 3, to: 30 },
        hours: Some(6.0),
        spots: Some(2),
        languages: &["fi", "sv"],
        ..TASK
    },
    // Kotkan Monikulttuurinen Kohtaamispaikka
    Task {
        association: KOHTAAMISPAIKKA,
        title: "Läksykerhon apuohjaaja",
        description: "Läksykerhossa autetaan koululaisia kotitehtävissä ja suomen \
                      kielessä. Apuohjaajana istut lasten kanssa, selität ja kannustat. \
                      Kerho on tiistaisin ja torstaisin, ja voit tulla kerran tai kaksi \
                      viikossa.",
        categories: &["children-youth", "education", "multicultural"],
        address: Some("Kohtaamispaikka, Keskuskatu 22, Kotka"),
        hours: Some(2.0),
        spots: Some(4),
        min_age: Some(16),
        beginner: true,
        ..TASK
    },
    Task {
        association: KOHTAAMISPAIKKA,
        title: "Suomen kielen keskustelukerhon vetäjä",
        description: "Vedät keskustelukerhoa, jossa suomea opettelevat aikuiset \
                      harjoittelevat puhumista arjen aiheista. Saat valmiit aihekortit ja \
                      tuen toiminnanohjaajalta. Opettajan koulutusta ei tarvita, vain \
                      kärsivällisyyttä ja selkeää puhetta.",
        categories: &["education", "multicultural"],
        address: Some("Kohtaamispaikka, Keskuskatu 22, Kotka"),
        hours: Some(1.5),
        spots: Some(3),
        min_age: Some(18),
        languages: &["ar", "en", "fi", "uk"],
        contact: Some("Amina Hassan"),
        ..TASK
    },
    Task {
        association: KOHTAAMISPAIKKA,
        title: "Monikulttuurisen perhepäivän järjestäjä",
        description: "Perhepäivässä on ruokaa eri maista, lasten pelejä ja musiikkia. \
                      Tarvitsemme apua pöytien kattamisessa, lasten pisteillä ja \
                      siivouksessa. Kaikki kielet ovat tervetulleita!",
        categories: &["children-youth", "events", "multicultural"],
        address: Some("Kohtaamispaikka, Keskuskatu 22, Kotka"),
        when: When::Fixed {
            days: 19,
            hour: 10,
            hours: 5,
            deadline: Some(4),
        },
        hours: Some(5.0),
        spots: Some(10),
        automatic: true,
        languages: &["ar", "en", "fi", "so"],
        beginner: true,
        ..TASK
    },
    Task {
        association: KOHTAAMISPAIKKA,
        title: "Ukrainankielinen asiointiavustaja puhelimessa",
        description: "Autat ukrainankielisiä perheitä puhelimitse ymmärtämään kirjeitä, \
                      lomakkeita ja ajanvarauksia. Et toimi virallisena tulkkina, vaan \
                      selität ja ohjaat oikeaan paikkaan. Tukea saat toiminnanohjaajalta.",
        categories: &["befriending", "multicultural"],
        place: Place::Remote {
            online: false,
            phone: true,
        },
        hours: Some(2.0),
        spots: Some(2),
        min_age: Some(18),
        languages: &["fi", "ru", "uk"],
        ..TASK
    },
];
