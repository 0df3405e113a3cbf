//! The published tasks of the demo's associations in Etelä-Karjala, grouped by
//! association. `seed::tasks::create` creates and publishes them, before Kymenlaakso's; the
//! sign-ups name them by title.

use super::associations_ek::{
    KESATEATTERI, LEMI, MARTAT, NUORISOSEURA, SAIMAANLUONTO, SENIORIT, SISU, VPK,
};
use crate::seed::tasks::{Place, TASK, Task, When};

/// The tasks in Etelä-Karjala.
pub(in crate::seed) static TASKS: &[Task] = &[
    // Lappeenrannan Nuorisoseura
    Task {
        association: NUORISOSEURA,
        title: "Nuorten illan apuohjaaja",
        description: "Tule nuorisotalo Kipinän nuorten iltaan apuohjaajaksi: pelaat \
                      lautapelejä, autat iltapalan kanssa ja olet läsnä nuorille. Ohjaaja on \
                      aina paikalla, ja saat perehdytyksen ensimmäisellä kerralla. Sopii \
                      hyvin ensimmäiseksi vapaaehtoistehtäväksi.",
        categories: &["children-youth", "events"],
        address: Some("Nuorisotalo Kipinä, Kauppakatu 12, Lappeenranta"),
        hours: Some(4.0),
        spots: Some(4),
        min_age: Some(15),
        max_age: Some(29),
        beginner: true,
        contact: Some("Eeva Toivonen"),
        ..TASK
    },
    Task {
        association: NUORISOSEURA,
        title: "Kesäleirin leiriohjaaja Saimaan rannalla",
        description: "Etsimme aikuisia leiriohjaajia 13–16-vuotiaiden viiden päivän \
                      leirille. Ohjaat ryhmää, pidät huolta turvallisuudesta ja vedät \
                      iltaohjelmaa. Majoitus ja ruoka kuuluvat tehtävään. Tehtävässä \
                      toimitaan alaikäisten kanssa, joten valitulta pyydetään \
                      rikostaustaote.",
        categories: &["children-youth", "environment", "sports"],
        address: Some("Leirikeskus Rantala, Lappeenranta"),
        when: When::Fixed {
            days: 40,
            hour: 6,
            hours: 4 * 24 + 8,
            deadline: Some(14),
        },
        hours: Some(50.0),
        spots: Some(6),
        min_age: Some(18),
        record_check: true,
        contact: Some("Eeva Toivonen"),
        ..TASK
    },
    Task {
        association: NUORISOSEURA,
        title: "Nuorisoteatterin lavastustalkoot",
        description: "Rakennetaan yhdessä lavasteet nuorisoteatterin uuteen esitykseen: \
                      maalataan, sahataan ja kootaan. Aiempaa kokemusta ei tarvita, \
                      työvälineet ja välipala tarjotaan. Tehtävä on tarkoitettu \
                      yläkouluikäisille ja lukiolaisille.",
        categories: &["children-youth", "culture"],
        address: Some("Nuorisotalo Kipinä, Kauppakatu 12, Lappeenranta"),
        when: When::Fixed {
            days: 6,
            hour: 14,
            hours: 4,
            deadline: Some(2),
        },
        hours: Some(4.0),
        spots: Some(10),
        automatic: true,
        waitlist: true,
        min_age: Some(13),
        max_age: Some(17),
        beginner: true,
        ..TASK
    },
    Task {
        association: NUORISOSEURA,
        title: "Harjoittelupaikka nuorisotyössä sosionomiopiskelijalle",
        description: "Tarjoamme sosionomiopiskelijalle harjoittelupaikan nuorisotalo \
                      Kipinässä. Harjoittelija osallistuu nuorten iltojen suunnitteluun ja \
                      ohjaamiseen, pienryhmätoimintaan ja yhteistyöhön koulujen kanssa. \
                      Ohjaajana toimii nuorisotyön ammattilainen, ja harjoittelu sovitaan \
                      oppilaitoksen kanssa.",
        categories: &["children-youth", "education", "mental-health"],
        address: Some("Nuorisotalo Kipinä, Kauppakatu 12, Lappeenranta"),
        spots: Some(1),
        min_age: Some(18),
        languages: &["en", "fi"],
        placement: Some(("Sosionomi (AMK)", "8 viikkoa")),
        contact: Some("Eeva Toivonen"),
        ..TASK
    },
    // Imatran Seudun Martat
    Task {
        association: MARTAT,
        title: "Ruokakurssin keittiöapulainen",
        description: "Autat marttaneuvojaa arkiruokakurssilla: esivalmistelet raaka-aineet, \
                      neuvot osallistujia ja siivoat yhdessä muiden kanssa. Saat syödä \
                      kurssin ruoat ja oppia samalla itsekin uusia reseptejä.",
        categories: &["education", "health"],
        address: Some("Marttala, Koskenparras 4, Imatra"),
        when: When::Fixed {
            days: 5,
            hour: 14,
            hours: 3,
            deadline: Some(2),
        },
        hours: Some(3.5),
        spots: Some(3),
        automatic: true,
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    Task {
        association: MARTAT,
        title: "Ruoka-avun jakaja Rautjärven kylätalolla",
        description: "Ruoka-apua jaetaan torstaisin Rautjärven kylätalolla. Vapaaehtoiset \
                      lajittelevat kauppojen lahjoittamat elintarvikkeet, pakkaavat kasseja \
                      ja jakavat ne ystävällisesti. Tehtävä on tuettu: saat rauhallisen \
                      perehdytyksen ja oman parin, joten se sopii myös, jos tarvitset \
                      arkeen rytmiä tai tukea.",
        categories: &["befriending", "health"],
        place: Place::In("689"),
        address: Some("Rautjärven kylätalo"),
        hours: Some(3.0),
        beginner: true,
        supported: true,
        languages: &["fi", "ru"],
        ..TASK
    },
    Task {
        association: MARTAT,
        title: "Talousneuvontaillan kahvittaja ja vastaanottaja",
        description: "Nuorille omaan kotiin muuttaville järjestetään ilta, jossa \
                      käydään läpi vuokra, laskut ja ruokabudjetti. Tarvitsemme \
                      vapaaehtoisen ottamaan vieraita vastaan ja keittämään kahvit. Tehtävä \
                      on lyhyt ja helppo.",
        categories: &["education", "events"],
        address: Some("Marttala, Koskenparras 4, Imatra"),
        when: When::Fixed {
            days: 20,
            hour: 15,
            hours: 3,
            deadline: Some(5),
        },
        hours: Some(3.0),
        spots: Some(2),
        automatic: true,
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    // Taipalsaaren Saimaanluonto
    Task {
        association: SAIMAANLUONTO,
        title: "Linnunpönttöjen rakennuspaja nuorille",
        description: "Rakennetaan linnunpönttöjä Taipalsaaren metsiin. Saat mukaan \
                      valmiiksi sahatut osat, ohjeet ja vasaran, ja valmiit pöntöt viedään \
                      yhdessä maastoon. Paja on tarkoitettu 13–17-vuotiaille, ja eväät \
                      tarjotaan.",
        categories: &["children-youth", "environment"],
        address: Some("Kunnantalon piha, Kirkkotie 5, Taipalsaari"),
        when: When::Fixed {
            days: 4,
            hour: 13,
            hours: 3,
            deadline: Some(2),
        },
        hours: Some(3.0),
        spots: Some(12),
        automatic: true,
        waitlist: true,
        min_age: Some(13),
        max_age: Some(17),
        beginner: true,
        ..TASK
    },
    Task {
        association: SAIMAANLUONTO,
        title: "Luontopolun kunnostustalkoot Kuivaketvelessä",
        description: "Luontopolun pitkospuut ja opasteet kaipaavat kunnostusta. Voit tulla \
                      talkoisiin sinä päivänä, joka sinulle sopii seuraavien viikkojen \
                      aikana: sovitaan aika yhdessä. Työvälineet ja työkäsineet saat \
                      yhdistykseltä.",
        categories: &["environment", "neighbourhood"],
        address: Some("Kuivaketveleen luontopolku, Taipalsaari"),
        when: When::Flexible { from: 10, to: 24 },
        hours: Some(5.0),
        spots: Some(8),
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    Task {
        association: SAIMAANLUONTO,
        title: "Luontoviestinnän somettaja etänä",
        description: "Kerro Saimaan luonnosta yhdistyksen somekanavilla: kuvia talkoista, \
                      lyhyitä videoita ja tietoa norpasta. Tehtävän voi tehdä kotoa käsin \
                      omalla aikataululla, ja sisällöt sovitaan viikoittain sihteerin \
                      kanssa.",
        categories: &["communications", "environment"],
        place: Place::Remote {
            online: true,
            phone: false,
        },
        hours: Some(2.0),
        spots: Some(2),
        min_age: Some(15),
        ..TASK
    },
    // Ruokolahden VPK
    Task {
        association: VPK,
        title: "Palokuntanuorten apukouluttaja",
        description: "Palokuntanuorten ryhmä tarvitsee apukouluttajaa maanantai-iltoihin. \
                      Autat kouluttajaa ensiapu- ja sammutusharjoituksissa ja retkillä. \
                      Palokuntatausta on eduksi, mutta perusteet opetetaan.",
        categories: &["children-youth", "crisis-preparedness"],
        address: Some("Paloasema, Puumalantie 3, Ruokolahti"),
        hours: Some(2.5),
        spots: Some(2),
        min_age: Some(18),
        contact: Some("Juha Partanen"),
        ..TASK
    },
    Task {
        association: VPK,
        title: "Turvallisuuspäivän opastaja ja rastivastaava",
        description: "Paloaseman turvallisuuspäivänä perheet kiertävät rasteja: \
                      alkusammutus, ensiapu ja kodin paloturvallisuus. Tarvitsemme \
                      vapaaehtoisia opastamaan yleisöä ja pitämään rasteja. Saat \
                      VPK:n liivin ja ruoan.",
        categories: &["crisis-preparedness", "events"],
        address: Some("Paloasema, Puumalantie 3, Ruokolahti"),
        when: When::Fixed {
            days: 30,
            hour: 8,
            hours: 6,
            deadline: Some(7),
        },
        hours: Some(6.0),
        spots: Some(8),
        automatic: true,
        waitlist: true,
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    Task {
        association: VPK,
        title: "Maalihenkilö ensiapukurssille",
        description: "Ensiapukurssilla harjoitellaan aitoja tilanteita, ja siihen \
                      tarvitaan maalihenkilöitä eli harjoituspotilaita. Sinut maskeerataan \
                      ja saat roolin, jota esität. Hauska ja opettavainen tehtävä, johon ei \
                      tarvita mitään osaamista.",
        categories: &["crisis-preparedness", "health"],
        address: Some("Paloasema, Puumalantie 3, Ruokolahti"),
        when: When::Fixed {
            days: 12,
            hour: 15,
            hours: 4,
            deadline: Some(3),
        },
        hours: Some(4.0),
        spots: Some(4),
        automatic: true,
        min_age: Some(16),
        beginner: true,
        ..TASK
    },
    // Lemin Kyläyhdistys
    Task {
        association: LEMI,
        title: "Kylätalon talkoopäivä: maalausta ja pihatöitä",
        description: "Kylätalo Väinölän seinät ja piha laitetaan kuntoon yhteisvoimin. \
                      Tehtäviä on kaikille: maalausta, haravointia ja keittiöapua. Lopuksi \
                      syödään talkoosoppa yhdessä. Tule koko perheen kanssa!",
        categories: &["neighbourhood"],
        address: Some("Kylätalo Väinölä, Kirkonkyläntie 20, Lemi"),
        when: When::Fixed {
            days: 9,
            hour: 7,
            hours: 6,
            deadline: None,
        },
        hours: Some(6.0),
        automatic: true,
        beginner: true,
        contact: Some("Tuomas Heikkinen"),
        ..TASK
    },
    Task {
        association: LEMI,
        title: "Kyläkirppiksen myyjä ja kahvion pitäjä",
        description: "Kyläkirppiksen tuotoilla kunnostetaan kylätaloa. Vapaaehtoiset \
                      järjestävät myyntipöydät, myyvät lahjoitustavaraa ja pitävät kahviota. \
                      Tehtävä sopii hyvin myös nuorelle, joka haluaa kokeilla \
                      asiakaspalvelua.",
        categories: &["events", "fundraising", "neighbourhood"],
        address: Some("Kylätalo Väinölä, Kirkonkyläntie 20, Lemi"),
        when: When::Fixed {
            days: 33,
            hour: 7,
            hours: 5,
            deadline: Some(3),
        },
        hours: Some(5.0),
        spots: Some(6),
        automatic: true,
        min_age: Some(13),
        beginner: true,
        ..TASK
    },
    Task {
        association: LEMI,
        title: "Kauppa-asiointiapu ikäihmiselle kirkonkylällä",
        description: "Yksin asuva ikäihminen tarvitsee apua kauppa-asioissa kerran \
                      viikossa. Teet ostokset listan mukaan ja viet ne kotiin – ja usein \
                      jäät kahville. Yhdistys korvaa polttoainekulut.",
        categories: &["befriending", "older-people"],
        hours: Some(1.5),
        spots: Some(2),
        min_age: Some(18),
        ..TASK
    },
    // Parikkalan Seniorit
    Task {
        association: SENIORIT,
        title: "Ystävä ikäihmiselle – kahvit ja kävelyt kerran viikossa",
        description: "Yksin asuva parikkalalainen toivoo ystävää, jonka kanssa juoda kahvit \
                      ja käydä kävelyllä. Sovitte tapaamiset keskenänne. Ennen aloitusta \
                      käyt lyhyen ystäväkoulutuksen, ja yhdistyksen yhteyshenkilö tukee \
                      sinua koko ajan.",
        categories: &["befriending", "older-people"],
        hours: Some(2.0),
        spots: Some(5),
        min_age: Some(18),
        contact: Some("Aune Kärkkäinen"),
        ..TASK
    },
    Task {
        association: SENIORIT,
        title: "Älypuhelinopastaja senioreiden digikahvilaan",
        description: "Digikahvilassa ikäihmiset opettelevat videopuheluja, kuvien \
                      lähettämistä ja verkkopankkia. Sinä neuvot kärsivällisesti yhtä tai \
                      kahta senioria kerrallaan. Nuoret opastajat ovat erityisen pidettyjä!",
        categories: &["digital-support", "older-people"],
        address: Some("Parikkalan kirjasto"),
        when: When::Fixed {
            days: 15,
            hour: 10,
            hours: 2,
            deadline: Some(2),
        },
        hours: Some(2.0),
        spots: Some(4),
        automatic: true,
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    Task {
        association: SENIORIT,
        title: "Tuolijumpan avustaja ja harjoittelupaikka",
        description: "Avustat fysioterapeuttia maanantain tuolijumpassa: jaat välineet, \
                      näytät liikkeitä ja autat osallistujia. Tehtävä sopii myös \
                      sosiaali- ja terveysalan opiskelijalle harjoittelupaikaksi, jolloin \
                      mukaan tulee ryhmän suunnittelua ja palautekeskusteluja ohjaajan \
                      kanssa.",
        categories: &["health", "older-people", "sports"],
        address: Some("Palvelutalo Kotipiha, Rautatienkatu 8, Parikkala"),
        hours: Some(1.5),
        spots: Some(2),
        min_age: Some(16),
        placement: Some(("Geronomi (AMK)", "6 viikkoa")),
        ..TASK
    },
    // Savitaipaleen Sisu
    Task {
        association: SISU,
        title: "Junioreiden jalkapallotreenien apuvalmentaja",
        description: "Tule apuvalmentajaksi 8–10-vuotiaiden jalkapalloryhmään. Vastuu on \
                      päävalmentajalla; sinä ohjaat harjoitteita ja kannustat. Seura maksaa \
                      valmentajakoulutuksen, ja tehtävästä saa todistuksen \
                      työnhakuun.",
        categories: &["children-youth", "sports"],
        address: Some("Urheilukenttä, Kenttätie 2, Savitaipale"),
        hours: Some(3.0),
        spots: Some(3),
        min_age: Some(16),
        contact: Some("Kimmo Virolainen"),
        ..TASK
    },
    Task {
        association: SISU,
        title: "Kuntoilutapahtuman maaliintulon toimitsija",
        description: "Savitaipaleen kuntojuoksussa tarvitaan toimitsijoita maalialueelle: \
                      jaat mitalit ja juomat ja kirjaat ajat. Tehtävä on helppo ja tunnelma \
                      mahtava. Kaikki toimitsijat saavat tapahtumapaidan.",
        categories: &["events", "sports"],
        address: Some("Urheilukenttä, Kenttätie 2, Savitaipale"),
        when: When::Fixed {
            days: 26,
            hour: 8,
            hours: 5,
            deadline: Some(4),
        },
        hours: Some(5.0),
        spots: Some(15),
        automatic: true,
        waitlist: true,
        beginner: true,
        ..TASK
    },
    Task {
        association: SISU,
        title: "Seuran someviestijä",
        description: "Kuvaa otteluita, kirjoita lyhyitä uutisia ja pidä seuran \
                      somekanavat elävinä. Työ tehdään pääosin etänä, ja sisällöistä sovitaan \
                      sihteerin kanssa. Hyvä tehtävä, jos haluat kokemusta viestinnästä.",
        categories: &["communications", "sports"],
        place: Place::Remote {
            online: true,
            phone: false,
        },
        hours: Some(2.0),
        spots: Some(1),
        min_age: Some(15),
        ..TASK
    },
    // Luumäen Kesäteatteri
    Task {
        association: KESATEATTERI,
        title: "Kesäteatterin lipunmyyjä ja järjestäjä",
        description: "Esityskaudella tarvitaan lipunmyyjiä ja järjestäjiä ohjaamaan \
                      katsojat paikoilleen. Voit valita itsellesi sopivat esitykset \
                      kauden aikana. Jokainen vuoro päättyy kahviin ja pullaan, ja saat \
                      vapaalipun ystävällesi.",
        categories: &["culture", "events"],
        address: Some("Kesäteatterinäyttämö, Teatteritie 1, Luumäki"),
        when: When::Flexible { from: 35, to: 60 },
        hours: Some(4.0),
        spots: Some(10),
        waitlist: true,
        min_age: Some(15),
        beginner: true,
        ..TASK
    },
    Task {
        association: KESATEATTERI,
        title: "Lavasterakentaja talkooviikonloppuna",
        description: "Kesänäytelmän lavasteet rakennetaan yhden viikonlopun aikana. \
                      Tarvitaan niin puusepän taitoja kuin kantoapua ja maalareita. \
                      Ruoka ja sauna kuuluvat talkoisiin, ja yöpyä voi teatterin \
                      majoitustiloissa.",
        categories: &["culture"],
        address: Some("Kesäteatterinäyttämö, Teatteritie 1, Luumäki"),
        when: When::Fixed {
            days: 20,
            hour: 6,
            hours: 34,
            deadline: Some(5),
        },
        hours: Some(16.0),
        spots: Some(12),
        min_age: Some(16),
        beginner: true,
        ..TASK
    },
    Task {
        association: KESATEATTERI,
        title: "Pukuvaraston järjestäjä omaan tahtiin",
        description: "Teatterin pukuvarasto kaipaa järjestämistä: puvut lajitellaan, \
                      kuvataan ja merkitään luetteloon. Työ on rauhallista, ja voit tehdä \
                      sitä omaan tahtiin yksin tai parin kanssa. Tehtävä on tuettu, joten \
                      se sopii myös, jos haluat aloittaa pienin askelin.",
        categories: &["culture", "organisation"],
        address: Some("Kesäteatterinäyttämö, Teatteritie 1, Luumäki"),
        when: When::Flexible { from: 7, to: 21 },
        hours: Some(6.0),
        spots: Some(2),
        beginner: true,
        supported: true,
        ..TASK
    },
];
