//! The demo's eight associations in Etelä-Karjala, with their services: a youth club, a
//! Martat association, a nature society, a volunteer fire brigade, a village association,
//! seniors, a sports club and a summer theatre. They come first among the demo's
//! associations (see `seed::associations::all`), so their indices start at 0.

use super::people::{EEVA, TUOMAS};
use crate::seed::associations::{Association, Service};

/// Index of each association in the demo's associations (`seed::associations::all`), for
/// the tasks and the sign-ups.
pub(in crate::seed) const NUORISOSEURA: usize = 0;
pub(in crate::seed) const MARTAT: usize = 1;
pub(in crate::seed) const SAIMAANLUONTO: usize = 2;
pub(in crate::seed) const VPK: usize = 3;
pub(in crate::seed) const LEMI: usize = 4;
pub(in crate::seed) const SENIORIT: usize = 5;
pub(in crate::seed) const SISU: usize = 6;
pub(in crate::seed) const KESATEATTERI: usize = 7;

/// The associations in Etelä-Karjala, in the order of their indices.
pub(in crate::seed) static ASSOCIATIONS: &[Association] = &[
    Association {
        name: "Lappeenrannan Nuorisoseura ry",
        municipality: "405",
        register_number: "912.101",
        business_id: Some("9812340-3"),
        field: "children-youth",
        founded: 1906,
        summary: "Nuorten illat, nuorisoteatteri ja kesäleirit Lappeenrannassa – nuorten itse \
                  suunnittelemina ja aikuisten tukemina.",
        description: "Lappeenrannan Nuorisoseura on yli satavuotias nuorisojärjestö, jonka \
                      toimintaa pyörittävät nuoret itse aikuisten tuella. Nuorisotalo \
                      Kipinässä järjestetään nuorten iltoja, teatteria, bänditreenejä ja \
                      tapahtumia. Uudet vapaaehtoiset perehdytetään, eikä aiempaa kokemusta \
                      tarvita: tärkeintä on halu olla mukana.",
        activities: "Nuorten illat tiistaisin ja perjantaisin, nuorisoteatteri, \
                     bänditreenikämppä, kesäleiri Saimaan rannalla, kaupunginosatapahtumat.",
        target_groups: "13–29-vuotiaat nuoret, nuorten perheet ja nuorisotyöstä kiinnostuneet \
                        aikuiset.",
        how_to_join: "Tule käymään nuorten illassa tai ilmoittaudu vapaaehtoistehtävään \
                      Talkoissa. Jäseneksi liitytään verkkosivujen lomakkeella.",
        fee: "Nuoret 10 €/vuosi, aikuiset 20 €/vuosi",
        contact: "Eeva Toivonen, toiminnanjohtaja",
        email: "nuorisoseura.lappeenranta@example.fi",
        phone: "040 712 3401",
        website: "https://nuorisoseura-lpr.example.fi",
        social: "https://some.example.fi/@lprnuorisoseura",
        address: "Nuorisotalo Kipinä, Kauppakatu 12, 53100 Lappeenranta",
        languages: &["en", "fi"],
        accessibility: "Esteetön sisäänkäynti pihan puolelta, inva-WC ja induktiosilmukka \
                        salissa.",
        owner: EEVA,
        services: &[
            Service {
                name: "Nuorten illat",
                description: "Avoimet illat: pelejä, leffoja, iltapalaa ja turvalliset \
                              aikuiset paikalla.",
                target_group: "13–17-vuotiaat",
                price: None,
                how_to_get: "Tule paikalle tiistaina tai perjantaina klo 17–21, \
                             ilmoittautumista ei tarvita.",
            },
            Service {
                name: "Nuorisoteatteri",
                description: "Ohjattu teatteriryhmä, joka tekee kaksi omaa esitystä vuodessa.",
                target_group: "13–25-vuotiaat",
                price: Some("60 €/lukukausi"),
                how_to_get: "Ilmoittaudu lukukauden alussa verkkosivujen lomakkeella.",
            },
            Service {
                name: "Kesäleiri Saimaalla",
                description: "Viiden päivän leiri: melontaa, saunomista, iltanuotioita ja \
                              nuorten itse suunnittelemaa ohjelmaa.",
                target_group: "13–16-vuotiaat",
                price: Some("180 €, sisaruksille ja vähävaraisille alennus"),
                how_to_get: "Haku keväällä verkkosivuilla; paikat täytetään \
                             ilmoittautumisjärjestyksessä.",
            },
        ],
    },
    Association {
        name: "Imatran Seudun Martat ry",
        municipality: "153",
        register_number: "912.102",
        business_id: None,
        field: "health",
        founded: 1921,
        summary: "Arjen taitoja kaikenikäisille: ruokakursseja, kodin talousneuvontaa ja \
                  ruoka-apua Imatralla ja Rautjärvellä.",
        description: "Imatran Seudun Martat edistää kotien hyvinvointia käytännön neuvonnalla. \
                      Järjestämme ruoka- ja leivontakursseja, neuvomme kodin raha-asioissa ja \
                      autamme paikallisessa ruoka-avussa. Martoissa oppii, opettaa ja tapaa \
                      mukavia ihmisiä – myös ilman jäsenyyttä.",
        activities: "Ruokakurssit, kodin talousneuvonta, ruoka-avun jakelu, \
                     hävikkiruokakokkaukset, marttaillat.",
        target_groups: "Kaikenikäiset kotitaloudet, nuoret omaan kotiin muuttavat, \
                        lapsiperheet ja ikäihmiset.",
        how_to_join: "Tule marttailtaan tai kurssille. Vapaaehtoiseksi voi tulla yksittäiseen \
                      tapahtumaan ilman jäsenyyttä.",
        fee: "25 €/vuosi, alle 30-vuotiaat 12 €/vuosi",
        contact: "Riitta Pesonen, puheenjohtaja",
        email: "martat.imatra@example.fi",
        phone: "05 412 3402",
        website: "https://imatranmartat.example.fi",
        social: "https://some.example.fi/@imatranmartat",
        address: "Marttala, Koskenparras 4, 55100 Imatra",
        languages: &["fi", "ru"],
        accessibility: "Toimitila on katutasossa, ovet ovat leveät ja keittiössä on \
                        säädettävä työtaso.",
        owner: EEVA,
        services: &[
            Service {
                name: "Ruoka- ja leivontakurssit",
                description: "Edullista ja terveellistä arkiruokaa yhdessä kokaten.",
                target_group: "Kaikenikäiset",
                price: Some("10–25 € kurssilta"),
                how_to_get: "Kurssit ja ilmoittautuminen verkkosivuilla.",
            },
            Service {
                name: "Kodin talousneuvonta",
                description: "Apua budjetin tekemiseen, laskujen järjestämiseen ja \
                              säästämiseen. Luottamuksellinen.",
                target_group: "Kaikki, erityisesti omaan kotiin muuttavat nuoret",
                price: None,
                how_to_get: "Varaa aika puhelimitse tai tule tiistain avoimeen \
                             neuvontaan klo 12–15.",
            },
            Service {
                name: "Ruoka-apu",
                description: "Kauppojen ylijäämäruoan jakelu yhteistyössä seurakunnan \
                              kanssa.",
                target_group: "Kaikki ruoka-apua tarvitsevat",
                price: None,
                how_to_get: "Jakelu torstaisin klo 13 Marttalassa ja Rautjärven \
                             kylätalolla; ei ennakkoilmoittautumista.",
            },
        ],
    },
    Association {
        name: "Taipalsaaren Saimaanluonto ry",
        municipality: "831",
        register_number: "912.103",
        business_id: None,
        field: "environment",
        founded: 1987,
        summary: "Luontoretkiä, luontopolkujen kunnostusta ja Saimaan luonnon suojelua \
                  Taipalsaarella.",
        description: "Taipalsaaren Saimaanluonto on paikallinen luonnonsuojeluyhdistys. \
                      Kunnostamme luontopolkuja, rakennamme linnunpönttöjä, teemme \
                      luontokartoituksia ja viemme lapsia ja nuoria retkille saaristoon. \
                      Talkoissa saa ulkoilla hyvässä seurassa, ja eväät kuuluvat asiaan.",
        activities: "Luontoretket, polkutalkoot, linnunpönttöpajat, luontokartoitukset, \
                     yleisötilaisuudet Saimaan luonnosta.",
        target_groups: "Luonnosta kiinnostuneet kaikenikäiset, koululaiset ja perheet.",
        how_to_join: "Ilmoittaudu talkoisiin tai retkelle; jäseneksi voi liittyä retkellä \
                      tai verkkosivuilla.",
        fee: "15 €/vuosi, perhejäsenyys 25 €/vuosi",
        contact: "Marja Lindholm, sihteeri",
        email: "saimaanluonto.taipalsaari@example.fi",
        phone: "040 712 3403",
        website: "https://saimaanluonto.example.fi",
        social: "https://some.example.fi/@saimaanluonto",
        address: "Kunnantalo, Kirkkotie 5, 54920 Taipalsaari",
        languages: &["fi"],
        accessibility: "Osa retkikohteista on esteettömiä; kysy reittiä ennen \
                        ilmoittautumista.",
        owner: EEVA,
        services: &[
            Service {
                name: "Luontoretket",
                description: "Opastettuja retkiä Saimaan saaristoon ja lähimetsiin.",
                target_group: "Kaikenikäiset ja perheet",
                price: None,
                how_to_get: "Retket ilmoitetaan verkkosivuilla ja kunnan \
                             tapahtumakalenterissa.",
            },
            Service {
                name: "Luontokoulu koululaisille",
                description: "Luokkaretki luontopolulle oppaan kanssa.",
                target_group: "Alakoulut ja yläkoulut",
                price: Some("50 € ryhmältä"),
                how_to_get: "Opettaja varaa ajan sähköpostilla.",
            },
        ],
    },
    Association {
        name: "Ruokolahden Vapaaehtoinen Palokunta ry",
        municipality: "700",
        register_number: "912.104",
        business_id: Some("9812357-7"),
        field: "crisis-preparedness",
        founded: 1928,
        summary: "Sopimuspalokunta, palokuntanuoret ja turvallisuuskoulutus Ruokolahdella.",
        description: "Ruokolahden VPK osallistuu pelastustoimeen sopimuspalokuntana ja \
                      kouluttaa kuntalaisia turvallisuusasioissa. Palokuntanuorissa \
                      10–17-vuotiaat oppivat ensiapua, sammutustaitoja ja ryhmässä toimimista. \
                      Hälytystehtävien lisäksi tarvitsemme apua tapahtumissa, koulutuksissa \
                      ja aseman ylläpidossa.",
        activities: "Hälytysosasto, palokuntanuoret, naisosasto, ensiapukurssit, \
                     turvallisuuspäivät.",
        target_groups: "Kaikki kuntalaiset; nuoret palokuntanuoriin.",
        how_to_join: "Tule tutustumaan harjoitusiltaan maanantaisin klo 18 paloasemalla.",
        fee: "20 €/vuosi, palokuntanuoret 10 €/vuosi",
        contact: "Juha Partanen, palopäällikkö",
        email: "vpk.ruokolahti@example.fi",
        phone: "040 712 3404",
        website: "https://ruokolahdenvpk.example.fi",
        social: "https://some.example.fi/@ruokolahdenvpk",
        address: "Paloasema, Puumalantie 3, 56100 Ruokolahti",
        languages: &["fi"],
        accessibility: "Koulutustila on katutasossa; aseman hallissa on kynnyksiä.",
        owner: EEVA,
        services: &[
            Service {
                name: "Palokuntanuoret",
                description: "Viikoittainen harrastus: ensiapua, sammutusta, retkiä ja \
                              leirejä.",
                target_group: "10–17-vuotiaat",
                price: Some("10 €/vuosi"),
                how_to_get: "Tule mukaan syksyn tai kevään alussa, ilmoittaudu \
                             sähköpostilla.",
            },
            Service {
                name: "Ensiapu- ja alkusammutuskurssit",
                description: "Kursseja kuntalaisille, yrityksille ja yhdistyksille.",
                target_group: "Kaikki yli 13-vuotiaat",
                price: Some("40 € hengeltä"),
                how_to_get: "Kurssikalenteri ja ilmoittautuminen verkkosivuilla.",
            },
        ],
    },
    Association {
        name: "Lemin Kyläyhdistys ry",
        municipality: "416",
        register_number: "912.105",
        business_id: None,
        field: "neighbourhood",
        founded: 1996,
        summary: "Kylätalo, kylätalkoot ja naapuriapu Lemillä – pidetään kylä elävänä yhdessä.",
        description: "Lemin Kyläyhdistys ylläpitää kylätaloa, järjestää tapahtumia ja \
                      kehittää kylän palveluita. Talkoissa kunnostetaan kylätaloa, \
                      pidetään kirppiksiä ja autetaan ikäihmisiä arjessa. Uudet asukkaat ja \
                      kesäasukkaat ovat erityisen tervetulleita.",
        activities: "Kylätalon ylläpito, kyläkirppikset, kylätapahtumat, naapuriapu, \
                     liikuntavuorot kylätalolla.",
        target_groups: "Lemin asukkaat, kesäasukkaat ja kylän yhdistykset.",
        how_to_join: "Tule talkoisiin tai soita puheenjohtajalle; kaikki kyläläiset ovat \
                      tervetulleita.",
        fee: "15 €/talous/vuosi",
        contact: "Tuomas Heikkinen, puheenjohtaja",
        email: "kylayhdistys.lemi@example.fi",
        phone: "040 712 3405",
        website: "https://lemi-kylat.example.fi",
        social: "https://some.example.fi/@leminkylat",
        address: "Kylätalo Väinölä, Kirkonkyläntie 20, 54710 Lemi",
        languages: &["fi"],
        accessibility: "Kylätalolle on luiska, ja inva-WC on remontoitu.",
        owner: TUOMAS,
        services: &[
            Service {
                name: "Kylätalon vuokraus",
                description: "Juhlasali 80 hengelle ja keittiö juhliin ja kokouksiin.",
                target_group: "Yksityiset ja yhdistykset",
                price: Some("80 €/vrk, jäsenille 50 €/vrk"),
                how_to_get: "Varaa puhelimitse tai sähköpostilla.",
            },
            Service {
                name: "Naapuriapu",
                description: "Vapaaehtoiset auttavat kauppa-asioissa, lumitöissä ja \
                              pienissä kotitöissä.",
                target_group: "Ikäihmiset ja liikuntarajoitteiset kyläläiset",
                price: None,
                how_to_get: "Soita arkisin klo 9–12.",
            },
        ],
    },
    Association {
        name: "Parikkalan Seniorit ry",
        municipality: "580",
        register_number: "912.106",
        business_id: None,
        field: "older-people",
        founded: 1975,
        summary: "Ystävätoimintaa, tuolijumppaa ja digiopastusta parikkalalaisille \
                  ikäihmisille – nuoret vapaaehtoiset erityisen tervetulleita.",
        description: "Parikkalan Seniorit kokoaa kunnan ikäihmiset yhteen. Järjestämme \
                      viikoittaiset kerhot, tuolijumpan ja retkiä, ja ystävätoiminnan kautta \
                      yksin asuva saa seuraa kotiin. Sukupolvet kohtaavat, kun nuoret \
                      tulevat opastamaan älypuhelimen käytössä tai lähtevät kävelylle.",
        activities: "Viikkokerho, tuolijumppa, ystävätoiminta, digikahvila, retket ja \
                     teatterimatkat.",
        target_groups: "Yli 60-vuotiaat parikkalalaiset ja heidän läheisensä.",
        how_to_join: "Tule viikkokerhoon keskiviikkona klo 13 tai soita yhteyshenkilölle.",
        fee: "12 €/vuosi",
        contact: "Aune Kärkkäinen, yhteyshenkilö",
        email: "seniorit.parikkala@example.fi",
        phone: "05 412 3406",
        website: "https://parikkalanseniorit.example.fi",
        social: "https://some.example.fi/@parikkalanseniorit",
        address: "Palvelutalo Kotipiha, Rautatienkatu 8, 59100 Parikkala",
        languages: &["fi"],
        accessibility: "Esteetön palvelutalo; kokoustilassa induktiosilmukka.",
        owner: TUOMAS,
        services: &[
            Service {
                name: "Ystävätoiminta",
                description: "Koulutettu vapaaehtoinen ystävä käy kylässä tai lähtee \
                              ulkoilemaan kerran viikossa.",
                target_group: "Yksin asuvat ikäihmiset",
                price: None,
                how_to_get: "Soita yhteyshenkilölle; sopiva ystävä etsitään muutamassa \
                             viikossa.",
            },
            Service {
                name: "Tuolijumppa",
                description: "Kevyt jumppa istuen ja tuolin tukea käyttäen, ohjaajana \
                              fysioterapeutti.",
                target_group: "Ikäihmiset",
                price: Some("2 €/kerta"),
                how_to_get: "Maanantaisin klo 10, ei ennakkoilmoittautumista.",
            },
            Service {
                name: "Digikahvila",
                description: "Apua älypuhelimen, tabletin ja verkkopankin käyttöön kahvin \
                              äärellä.",
                target_group: "Ikäihmiset",
                price: None,
                how_to_get: "Kerran kuussa kirjastolla; katso ajat verkkosivuilta.",
            },
        ],
    },
    Association {
        name: "Savitaipaleen Sisu ry",
        municipality: "739",
        register_number: "912.107",
        business_id: Some("9812374-5"),
        field: "sports",
        founded: 1912,
        summary: "Jalkapalloa, yleisurheilua ja kuntoliikuntaa Savitaipaleella – \
                  junioreista kuntoilijoihin.",
        description: "Savitaipaleen Sisu on monilajiseura, jonka junioritoiminnassa liikkuu \
                      yli 200 lasta ja nuorta. Seuran toiminta perustuu vapaaehtoisiin: \
                      apuvalmentajiin, toimitsijoihin, kioskin pitäjiin ja somettajiin. \
                      Koulutamme uudet valmentajat seuran kustannuksella.",
        activities: "Jalkapallo, yleisurheilu, salibandy, kuntosali, kuntoilutapahtumat.",
        target_groups: "Lapset, nuoret ja aikuiset kuntoilijat.",
        how_to_join: "Tule kokeilemaan mihin tahansa harjoitukseen; ensimmäinen kuukausi on \
                      ilmainen.",
        fee: "Jäsenmaksu 20 €/vuosi, harjoitusmaksut lajeittain",
        contact: "Kimmo Virolainen, seuran sihteeri",
        email: "sisu.savitaipale@example.fi",
        phone: "040 712 3407",
        website: "https://savitaipaleensisu.example.fi",
        social: "https://some.example.fi/@savitaipaleensisu",
        address: "Urheilukenttä, Kenttätie 2, 52200 Savitaipale",
        languages: &["fi"],
        accessibility: "Kentän katsomoon on esteetön kulku; kuntosali on toisessa \
                        kerroksessa ilman hissiä.",
        owner: TUOMAS,
        services: &[
            Service {
                name: "Junioriurheilu",
                description: "Ohjatut harjoitukset jalkapallossa ja yleisurheilussa.",
                target_group: "6–18-vuotiaat",
                price: Some("90–180 €/kausi"),
                how_to_get: "Ilmoittaudu verkkosivuilla; harrastusmaksuun voi hakea \
                             tukea.",
            },
            Service {
                name: "Kuntosali",
                description: "Seuran kuntosali avoinna jäsenille aamusta iltaan.",
                target_group: "Yli 15-vuotiaat",
                price: Some("15 €/kk"),
                how_to_get: "Kulkukortti seuran toimistolta.",
            },
        ],
    },
    Association {
        name: "Luumäen Kesäteatteri ry",
        municipality: "441",
        register_number: "912.108",
        business_id: None,
        field: "culture",
        founded: 1979,
        summary: "Harrastajateatteria Luumäen kesäteatterinäyttämöllä – lavalla, lavan \
                  takana ja lipunmyynnissä.",
        description: "Luumäen Kesäteatteri tekee joka kesä uuden näytelmän, jota käy \
                      katsomassa tuhansia ihmisiä. Näyttelijöiden lisäksi tarvitaan \
                      lavasterakentajia, puvustajia, lipunmyyjiä, järjestäjiä ja \
                      kahvionpitäjiä. Mukaan pääsee ilman kokemusta, ja porukka on lämmin.",
        activities: "Kesänäytelmä, teatterikurssit, talkooviikonloput, pukuvarasto.",
        target_groups: "Teatterista kiinnostuneet kaikenikäiset.",
        how_to_join: "Ilmoittaudu talkoisiin tai tule kevään avoimiin koelukuihin.",
        fee: "20 €/vuosi",
        contact: "Päivi Saarinen, tuottaja",
        email: "kesateatteri.luumaki@example.fi",
        phone: "040 712 3408",
        website: "https://luumaenkesateatteri.example.fi",
        social: "https://some.example.fi/@luumaenkesateatteri",
        address: "Kesäteatterinäyttämö, Teatteritie 1, 54500 Luumäki",
        languages: &["fi"],
        accessibility: "Katsomossa on pyörätuolipaikat ja esteetön WC.",
        owner: TUOMAS,
        services: &[
            Service {
                name: "Kesänäytökset",
                description: "Koko perheen kesänäytelmä katetussa katsomossa.",
                target_group: "Kaikenikäiset",
                price: Some("25 €, lapset 12 €"),
                how_to_get: "Liput verkkosivuilta ja ovelta tuntia ennen esitystä.",
            },
            Service {
                name: "Teatterikurssi nuorille",
                description: "Improvisaatiota ja näyttämötyötä ammattiohjaajan kanssa.",
                target_group: "13–19-vuotiaat",
                price: Some("40 €"),
                how_to_get: "Ilmoittaudu sähköpostilla.",
            },
        ],
    },
];
