//! `talkoot seed --demo`: a believable demo of Etelä-Karjala and Kymenlaakso, so that a
//! new installation (or a reviewer, or a front-end developer) can try every search and
//! sign-up path without typing in associations and tasks by hand.
//!
//! The demo has an administrator, a counsellor, three association owners and five
//! volunteers aged 14–28; fifteen verified associations with their services; over forty
//! published, upcoming tasks; and sign-ups in every state (see `seed/signups.rs`): pending
//! (with a message), accepted (automatically, by a member, and after a recorded
//! criminal-record check), waitlisted on a full task, declined, withdrawn, cancelled with a
//! cancelled task, and completed with hours (or a no-show) on a few past tasks, now closed,
//! so that one volunteer's record lists three tasks at two associations with feedback from
//! both sides.
//!
//! Every row goes through the same checked functions the API uses (`card::check`,
//! `services::create`, `tasks::input::prepare` via `lifecycle::create`, `lifecycle::
//! transition`, `profile::apply`, and for sign-ups `join::sign_up`, `decisions::decide`,
//! `withdraw`, `record_check` and `feedback::give`), inside one write transaction: the demo
//! obeys every validation rule, the tasks' accepted counts and the sign-ups' histories stay
//! right, and a failure leaves the database as it was. Dates are relative to the day the
//! demo is loaded, so the open tasks are upcoming (and the past ones past) whenever it is
//! run. The emails that the sign-ups queue are deleted before the commit: the demo is
//! history, and nobody should be told about it.
//!
//! The demo is only loaded into an empty database (no accounts, no associations): invented
//! data must never mix with real data, and the demo logins share one printed password.

use std::fmt;

use chrono::{DateTime, Duration, Months, NaiveDate, NaiveTime, Utc};
use diesel::prelude::*;

use crate::accounts::model::{User, check_birth_date, check_municipality};
use crate::accounts::profile::{self, ProfilePatch};
use crate::accounts::registration::{check_display_name, check_email, insert_user};
use crate::associations::card::{self, CardInput};
use crate::associations::model::{self as associations_model, OWNER, VERIFIED};
use crate::associations::services::{self, ServiceInput};
use crate::auth::passwords;
use crate::db::schema::{association_members, association_services, associations, tasks, users};
use crate::db::{self, DbConnection};
use crate::error::{AppError, FieldError};
use crate::tasks::input::TaskInput;
use crate::tasks::lifecycle;
use crate::tasks::model::{self as tasks_model, PUBLISHED, Placement};

mod signups;

/// The one password of every demo account. It passes the password policy, and it is printed
/// with the logins: that is why the demo refuses a database that already has accounts.
pub const DEMO_PASSWORD: &str = "talkoot-demo-kesä-2026";

/// What a demo account is for, as printed with its login.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Administrator,
    /// A service counsellor (palveluohjaaja). The schema has no counsellor role yet, so for
    /// now this is an ordinary verified account; the role arrives with a later step.
    Counsellor,
    AssociationOwner,
    Volunteer,
}

impl Role {
    fn label(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::Counsellor => "counsellor (*)",
            Self::AssociationOwner => "association owner",
            Self::Volunteer => "volunteer",
        }
    }
}

/// One demo login, as printed.
#[derive(Debug, Clone)]
pub struct Login {
    /// What the account is for.
    pub role: Role,
    /// The login name.
    pub email: String,
    /// The name shown in the service.
    pub display_name: String,
    /// Age today, for volunteers (age limits of tasks depend on it).
    pub age: Option<i32>,
    /// How many associations the account owns.
    pub owns: usize,
    /// How many completed tasks the account has on its volunteering record.
    pub completed: usize,
}

/// What the demo wrote; its `Display` is the text `talkoot seed --demo` prints.
#[derive(Debug, Clone)]
pub struct Report {
    /// Verified associations.
    pub associations: usize,
    /// Services of those associations.
    pub services: usize,
    /// Published (open) tasks.
    pub tasks: usize,
    /// Past tasks, now closed, that carry the completed sign-ups.
    pub closed_tasks: usize,
    /// Tasks that their association cancelled.
    pub cancelled_tasks: usize,
    /// Sign-ups per state, in the order of [`crate::signups::model::ALL`]; states without
    /// sign-ups are left out.
    pub signups: Vec<(&'static str, usize)>,
    /// The demo accounts.
    pub logins: Vec<Login>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Demo data is in place: {} verified associations with {} services, {} published \
             tasks and {} accounts.",
            self.associations,
            self.services,
            self.tasks,
            self.logins.len()
        )?;
        let tasks = |n: usize| if n == 1 { "task" } else { "tasks" };
        writeln!(
            f,
            "Also {} past {} (closed, with volunteers' hours) and {} cancelled {}.",
            self.closed_tasks,
            tasks(self.closed_tasks),
            self.cancelled_tasks,
            tasks(self.cancelled_tasks)
        )?;
        let states: Vec<String> = self
            .signups
            .iter()
            .map(|(state, n)| format!("{n} {}", state.replace('_', "-")))
            .collect();
        writeln!(
            f,
            "Sign-ups: {} ({} in all); their emails were not sent.",
            states.join(", "),
            self.signups.iter().map(|(_, n)| n).sum::<usize>()
        )?;
        writeln!(f)?;
        writeln!(f, "Demo logins (the same password for every account)")?;
        writeln!(f, "  password: {DEMO_PASSWORD}")?;
        for login in &self.logins {
            let role = match login.age {
                Some(age) => format!("{}, {age}", login.role.label()),
                None => login.role.label().to_owned(),
            };
            let extra = match (login.owns, login.completed) {
                (0, 0) => String::new(),
                (1, _) => " (owns 1 association)".to_owned(),
                (0, 1) => " (1 completed task)".to_owned(),
                (0, n) => format!(" ({n} completed tasks)"),
                (n, _) => format!(" (owns {n} associations)"),
            };
            writeln!(
                f,
                "  {role:<20} {:<34} {}{extra}",
                login.email, login.display_name
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "(*) The counsellor role arrives with a later step; for now the counsellor is an \
             ordinary verified account."
        )?;
        writeln!(
            f,
            "The demo is for trying Talkoot out. Its password is printed above, so never load \
             it into a production database."
        )
    }
}

// ---------------------------------------------------------------------------------------
// The people.

struct Person {
    role: Role,
    email: &'static str,
    name: &'static str,
    /// Age today; the birth date is computed from it.
    age: Option<i32>,
    municipality: Option<&'static str>,
    interests: &'static [&'static str],
    availability: &'static [&'static str],
}

const NOBODY: Person = Person {
    role: Role::Volunteer,
    email: "",
    name: "",
    age: None,
    municipality: None,
    interests: &[],
    availability: &[],
};

/// Index of each association owner in [`PEOPLE`].
const EEVA: usize = 2;
const TUOMAS: usize = 3;
const JARI: usize = 4;
/// Index of each volunteer in [`PEOPLE`], for the sign-ups.
const ELLA: usize = 5;
const ONNI: usize = 6;
const AADA: usize = 7;
const LEO: usize = 8;
const SOFIA: usize = 9;

static PEOPLE: &[Person] = &[
    Person {
        role: Role::Administrator,
        email: "yllapitaja@example.fi",
        name: "Ylläpitäjä Demo",
        municipality: Some("405"),
        ..NOBODY
    },
    Person {
        role: Role::Counsellor,
        email: "palveluohjaaja@example.fi",
        name: "Sanna Palveluohjaaja",
        municipality: Some("286"),
        ..NOBODY
    },
    Person {
        role: Role::AssociationOwner,
        email: "eeva.toivonen@example.fi",
        name: "Eeva Toivonen",
        age: Some(46),
        municipality: Some("405"),
        ..NOBODY
    },
    Person {
        role: Role::AssociationOwner,
        email: "tuomas.heikkinen@example.fi",
        name: "Tuomas Heikkinen",
        age: Some(58),
        municipality: Some("739"),
        ..NOBODY
    },
    Person {
        role: Role::AssociationOwner,
        email: "jari.kinnunen@example.fi",
        name: "Jari Kinnunen",
        age: Some(51),
        municipality: Some("285"),
        ..NOBODY
    },
    Person {
        email: "ella.nieminen@example.fi",
        name: "Ella Nieminen",
        age: Some(14),
        municipality: Some("405"),
        interests: &["animals", "children-youth", "culture"],
        availability: &["school_holidays", "weekends"],
        ..NOBODY
    },
    Person {
        email: "onni.laaksonen@example.fi",
        name: "Onni Laaksonen",
        age: Some(16),
        municipality: Some("285"),
        interests: &["crisis-preparedness", "environment", "sports"],
        availability: &["weekday_evenings", "weekends"],
        ..NOBODY
    },
    Person {
        email: "aada.koskinen@example.fi",
        name: "Aada Koskinen",
        age: Some(19),
        municipality: Some("153"),
        interests: &["befriending", "health", "older-people"],
        availability: &["weekday_daytime", "weekday_evenings"],
        ..NOBODY
    },
    Person {
        email: "leo.hamalainen@example.fi",
        name: "Leo Hämäläinen",
        age: Some(24),
        municipality: Some("286"),
        interests: &["communications", "digital-support", "multicultural"],
        availability: &["remote_only", "weekday_evenings"],
        ..NOBODY
    },
    Person {
        email: "sofia.rantanen@example.fi",
        name: "Sofia Rantanen",
        age: Some(28),
        municipality: Some("075"),
        interests: &["culture", "events", "mental-health"],
        availability: &["weekends"],
        ..NOBODY
    },
];

// ---------------------------------------------------------------------------------------
// The associations.

struct Service {
    name: &'static str,
    description: &'static str,
    target_group: &'static str,
    /// `None` is free of charge.
    price: Option<&'static str>,
    how_to_get: &'static str,
}

struct Association {
    name: &'static str,
    municipality: &'static str,
    register_number: &'static str,
    business_id: Option<&'static str>,
    field: &'static str,
    founded: i32,
    summary: &'static str,
    description: &'static str,
    activities: &'static str,
    target_groups: &'static str,
    how_to_join: &'static str,
    fee: &'static str,
    contact: &'static str,
    email: &'static str,
    phone: &'static str,
    website: &'static str,
    social: &'static str,
    address: &'static str,
    languages: &'static [&'static str],
    accessibility: &'static str,
    owner: usize,
    services: &'static [Service],
}

/// Index of each association in [`ASSOCIATIONS`], for the tasks.
const NUORISOSEURA: usize = 0;
const MARTAT: usize = 1;
const SAIMAANLUONTO: usize = 2;
const VPK: usize = 3;
const LEMI: usize = 4;
const SENIORIT: usize = 5;
const SISU: usize = 6;
const KESATEATTERI: usize = 7;
const MERIPELASTUS: usize = 8;
const ELAINSUOJELU: usize = 9;
const RESERVILAISET: usize = 10;
const SAARISTOSEURA: usize = 11;
const KOTISEUTU: usize = 12;
const DIGIAPU: usize = 13;
const KOHTAAMISPAIKKA: usize = 14;

static ASSOCIATIONS: &[Association] = &[
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

// ---------------------------------------------------------------------------------------
// The tasks.

/// When a task happens, in days from the day the demo is loaded. Hours are UTC (Finnish
/// time is two or three hours ahead).
#[derive(Clone, Copy)]
enum When {
    /// Starts in `days` days at `hour`, lasts `hours`; sign-ups close `deadline` days before.
    Fixed {
        days: i64,
        hour: u32,
        hours: i64,
        deadline: Option<i64>,
    },
    /// Done at any time between `from` and `to` days from now.
    Flexible { from: i64, to: i64 },
    /// Goes on without dates.
    Ongoing,
}

/// Where a task is done.
#[derive(Clone, Copy)]
enum Place {
    /// In the association's home municipality.
    Home,
    /// In another municipality.
    In(&'static str),
    /// Remotely, with no place.
    Remote { online: bool, phone: bool },
    /// Remotely, by phone, for people of a municipality.
    PhoneFrom(&'static str),
}

struct Task {
    association: usize,
    title: &'static str,
    description: &'static str,
    categories: &'static [&'static str],
    place: Place,
    address: Option<&'static str>,
    when: When,
    hours: Option<f64>,
    spots: Option<i32>,
    automatic: bool,
    waitlist: bool,
    min_age: Option<i32>,
    max_age: Option<i32>,
    languages: &'static [&'static str],
    beginner: bool,
    supported: bool,
    record_check: bool,
    /// Field of study and duration; placements always count for credits here.
    placement: Option<(&'static str, &'static str)>,
    contact: Option<&'static str>,
}

const TASK: Task = Task {
    association: 0,
    title: "",
    description: "",
    categories: &[],
    place: Place::Home,
    address: None,
    when: When::Ongoing,
    hours: None,
    spots: None,
    automatic: false,
    waitlist: false,
    min_age: None,
    max_age: None,
    languages: &["fi"],
    beginner: false,
    supported: false,
    record_check: false,
    placement: None,
    contact: None,
};

static TASKS: &[Task] = &[
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

// ---------------------------------------------------------------------------------------
// Loading.

/// The refusal when the database already has data.
fn refusal(users: i64, associations: i64) -> AppError {
    AppError::Conflict(format!(
        "Sorry, the demo is only loaded into an empty database, and this one already has \
         {users} account(s) and {associations} association(s). Nothing was changed. To try \
         the demo, point DATABASE_URL at a new database and run `talkoot seed --demo` again."
    ))
}

fn counts(conn: &mut DbConnection) -> Result<(i64, i64), AppError> {
    let users: i64 = users::table.count().get_result(conn)?;
    let associations: i64 = associations::table.count().get_result(conn)?;
    Ok((users, associations))
}

/// Today's date `years` years and three months ago: the person turned `years` a quarter of
/// a year ago, whatever the day.
fn birth_date(today: NaiveDate, years: i32) -> Option<NaiveDate> {
    let months = u32::try_from(years).ok()?.checked_mul(12)?.checked_add(3)?;
    today.checked_sub_months(Months::new(months))
}

fn at(today: NaiveDate, days: i64, hour: u32) -> DateTime<Utc> {
    (today + Duration::days(days))
        .and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default())
        .and_utc()
}

/// Fills an empty database with the demo and returns what it wrote. Refuses (with
/// [`AppError::Conflict`] and a polite message) when there is any account or association,
/// writing nothing. The password is hashed once, before the transaction, because argon2 is
/// deliberately slow and the SQLite write lock should not wait for it.
pub fn demo(conn: &mut DbConnection) -> Result<Report, AppError> {
    let (users, associations) = counts(conn)?;
    if users > 0 || associations > 0 {
        return Err(refusal(users, associations));
    }
    let password_hash = passwords::hash_now(DEMO_PASSWORD)?;
    db::write_tx(conn, |conn| {
        // Checked again under the write lock: another process may have written meanwhile.
        let (users, associations) = counts(conn)?;
        if users > 0 || associations > 0 {
            return Err(refusal(users, associations));
        }
        load(conn, &password_hash)
    })
}

fn load(conn: &mut DbConnection, password_hash: &str) -> Result<Report, AppError> {
    let now = Utc::now();
    let today = now.date_naive();
    let mut user_ids = Vec::with_capacity(PEOPLE.len());
    for person in PEOPLE {
        user_ids.push(create_person(conn, person, password_hash, today)?);
    }
    let mut services = 0;
    let mut association_ids = Vec::with_capacity(ASSOCIATIONS.len());
    for a in ASSOCIATIONS {
        let owner = user_ids
            .get(a.owner)
            .ok_or_else(|| AppError::internal("demo owner missing"))?;
        association_ids.push(create_association(conn, a, owner)?);
        services += a.services.len();
    }
    let mut task_ids = Vec::with_capacity(TASKS.len());
    for task in TASKS {
        let association_id = association_ids
            .get(task.association)
            .ok_or_else(|| AppError::internal("demo association missing"))?;
        task_ids.push(create_task(conn, task, association_id, today)?);
    }
    let summary = signups::load(
        conn,
        &signups::Ids {
            people: &user_ids,
            associations: &association_ids,
            tasks: &task_ids,
        },
        today,
    )?;
    let published: i64 = tasks::table
        .filter(tasks::status.eq(PUBLISHED))
        .count()
        .get_result(conn)?;
    let listed: i64 = association_services::table.count().get_result(conn)?;
    if usize::try_from(listed).ok() != Some(services) {
        return Err(AppError::internal("demo services were not all written"));
    }
    let logins = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, p)| Login {
            role: p.role,
            email: p.email.to_owned(),
            display_name: p.name.to_owned(),
            age: p.age.filter(|_| p.role == Role::Volunteer),
            owns: ASSOCIATIONS.iter().filter(|a| a.owner == i).count(),
            completed: summary.completed.get(i).copied().unwrap_or_default(),
        })
        .collect();
    Ok(Report {
        associations: ASSOCIATIONS.len(),
        services,
        tasks: usize::try_from(published).unwrap_or_default(),
        closed_tasks: summary.closed,
        cancelled_tasks: summary.cancelled,
        signups: summary.by_state,
        logins,
    })
}

/// Creates a verified account with the checks registration uses, then sets its profile
/// (municipality, interests, availability) through `PATCH /me`'s checks.
fn create_person(
    conn: &mut DbConnection,
    person: &Person,
    password_hash: &str,
    today: NaiveDate,
) -> Result<String, AppError> {
    let birth_date = match person.age {
        Some(age) => {
            Some(birth_date(today, age).ok_or_else(|| AppError::internal("demo birth date"))?)
        }
        None => None,
    };
    let mut errors: Vec<FieldError> = [
        check_email("email", person.email),
        check_display_name("display_name", person.name),
        passwords::check_policy("password", DEMO_PASSWORD, &[person.email, person.name]).err(),
        birth_date.and_then(|d| check_birth_date("birth_date", d).err()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(code) = person.municipality {
        errors.extend(check_municipality(conn, "municipality_code", code)?);
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let now = Utc::now().naive_utc();
    let id = uuid::Uuid::now_v7().to_string();
    insert_user(
        conn,
        &User {
            id: id.clone(),
            email: person.email.to_owned(),
            password_hash: password_hash.to_owned(),
            display_name: person.name.to_owned(),
            birth_date,
            municipality_code: person.municipality.map(str::to_owned),
            language: "fi".into(),
            gender: None,
            email_verified_at: Some(now),
            is_admin: person.role == Role::Administrator,
            created_at: now,
            updated_at: now,
        },
    )?;
    if !person.interests.is_empty() || !person.availability.is_empty() {
        profile::apply(
            conn,
            &id,
            ProfilePatch {
                interests: Some(person.interests.iter().map(|s| (*s).to_owned()).collect()),
                availability: Some(
                    person
                        .availability
                        .iter()
                        .map(|s| (*s).to_owned())
                        .collect(),
                ),
                ..ProfilePatch::default()
            },
        )?;
    }
    Ok(id)
}

fn some(s: &str) -> Option<Option<String>> {
    Some(Some(s.to_owned()))
}

/// Creates a verified association through the card's checks, with its owner and services.
fn create_association(
    conn: &mut DbConnection,
    a: &Association,
    owner_id: &str,
) -> Result<String, AppError> {
    let input = CardInput {
        name: some(a.name),
        municipality_code: some(a.municipality),
        register_number: some(a.register_number),
        business_id: Some(a.business_id.map(str::to_owned)),
        field_of_activity: some(a.field),
        summary: some(a.summary),
        description: some(a.description),
        activities: some(a.activities),
        target_groups: some(a.target_groups),
        how_to_join: some(a.how_to_join),
        membership_fee: some(a.fee),
        contact_person: some(a.contact),
        email: some(a.email),
        phone: some(a.phone),
        website: some(a.website),
        social_links: Some(Some(vec![a.social.to_owned()])),
        meeting_address: some(a.address),
        languages: Some(Some(a.languages.iter().map(|s| (*s).to_owned()).collect())),
        accessibility: some(a.accessibility),
        logo_url: Some(None),
        founding_year: Some(Some(a.founded)),
    };
    let changes = card::check(conn, input, None)?;
    let id = card::insert(conn, changes, VERIFIED, false)?;
    diesel::insert_into(association_members::table)
        .values((
            association_members::association_id.eq(&id),
            association_members::user_id.eq(owner_id),
            association_members::role.eq(OWNER),
            association_members::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    for s in a.services {
        services::create(
            conn,
            &id,
            ServiceInput {
                name: Some(s.name.to_owned()),
                description: some(s.description),
                target_group: some(s.target_group),
                price: Some(s.price.map(str::to_owned)),
                how_to_get: some(s.how_to_get),
            },
        )?;
    }
    Ok(id)
}

/// Creates a task through the API's checks and publishes it; returns its id.
fn create_task(
    conn: &mut DbConnection,
    t: &Task,
    association_id: &str,
    today: NaiveDate,
) -> Result<String, AppError> {
    let association = associations_model::find(conn, association_id)?.ok_or(AppError::NotFound)?;
    let (municipality, remote_online, remote_phone) = match t.place {
        Place::Home => (Some(association.municipality_code.clone()), false, false),
        Place::In(code) => (Some(code.to_owned()), false, false),
        Place::Remote { online, phone } => (None, online, phone),
        Place::PhoneFrom(code) => (Some(code.to_owned()), false, true),
    };
    let (schedule, starts_at, ends_at, deadline) = match t.when {
        When::Fixed {
            days,
            hour,
            hours,
            deadline,
        } => {
            let start = at(today, days, hour);
            (
                "fixed",
                Some(start),
                Some(start + Duration::hours(hours)),
                deadline.map(|d| at(today, days - d, 20)),
            )
        }
        When::Flexible { from, to } => (
            "flexible",
            Some(at(today, from, 6)),
            Some(at(today, to, 18)),
            None,
        ),
        When::Ongoing => ("ongoing", None, None, None),
    };
    let input = TaskInput {
        title: Some(t.title.to_owned()),
        description: Some(t.description.to_owned()),
        categories: Some(t.categories.iter().map(|s| (*s).to_owned()).collect()),
        municipality_code: Some(municipality),
        address: Some(t.address.map(str::to_owned)),
        remote_online: Some(remote_online),
        remote_phone: Some(remote_phone),
        schedule_type: Some(schedule.to_owned()),
        starts_at: Some(starts_at),
        ends_at: Some(ends_at),
        estimated_hours: Some(t.hours),
        spots: Some(t.spots),
        approval_mode: Some(if t.automatic { "automatic" } else { "manual" }.to_owned()),
        waitlist: Some(t.waitlist),
        min_age: Some(t.min_age),
        max_age: Some(t.max_age),
        languages: Some(t.languages.iter().map(|s| (*s).to_owned()).collect()),
        beginner_friendly: Some(t.beginner),
        supported: Some(t.supported),
        criminal_record_check: Some(t.record_check),
        application_deadline: Some(deadline),
        contact_person: Some(t.contact.map(str::to_owned)),
        placement: Some(t.placement.map(|(field, duration)| Placement {
            field_of_study: field.to_owned(),
            duration: Some(duration.to_owned()),
            credits: true,
        })),
    };
    let id = lifecycle::create(conn, &association, input)?;
    let task = tasks_model::find(conn, &id)?.ok_or(AppError::NotFound)?;
    // Publishing sends no email, so the links' base does not matter here.
    let notifier = crate::signups::notify::Notifier::with_base_url(String::new());
    lifecycle::transition(conn, &notifier, &task, &association, PUBLISHED)?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::associations::identifiers;

    #[test]
    fn the_demo_password_passes_the_policy_for_every_account() {
        for p in PEOPLE {
            assert_eq!(
                passwords::check_policy("password", DEMO_PASSWORD, &[p.email, p.name]),
                Ok(()),
                "{}",
                p.email
            );
        }
    }

    #[test]
    fn identifiers_are_valid_and_unique() {
        let mut seen = Vec::new();
        for a in ASSOCIATIONS {
            if let Some(id) = a.business_id {
                assert_eq!(identifiers::business_id(id).as_deref(), Some(id), "{id}");
                seen.push(id);
            }
            assert!(identifiers::register_number(a.register_number).is_some());
            seen.push(a.register_number);
            assert!(identifiers::phone(a.phone).is_some(), "{}", a.phone);
        }
        let count = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), count);
    }

    #[test]
    fn the_demo_is_big_and_varied_enough() {
        assert!(ASSOCIATIONS.len() >= 12);
        assert!(TASKS.len() >= 40);
        for (i, _) in ASSOCIATIONS.iter().enumerate() {
            assert!(TASKS.iter().any(|t| t.association == i), "association {i}");
        }
        let volunteers = PEOPLE.iter().filter(|p| p.role == Role::Volunteer).count();
        assert!(volunteers >= 4);
        assert_eq!(
            TASKS.iter().filter(|t| t.placement.is_some()).count(),
            2,
            "placements"
        );
        assert!(TASKS.iter().filter(|t| t.record_check).count() >= 1);
    }

    #[test]
    fn every_deadline_is_in_the_future_and_before_the_start() {
        for t in TASKS {
            if let When::Fixed {
                days,
                deadline,
                hours,
                ..
            } = t.when
            {
                assert!(hours > 0, "{}", t.title);
                if let Some(d) = deadline {
                    assert!(days - d >= 2, "{}", t.title);
                }
                assert!(days >= 2, "{}", t.title);
            }
            if let When::Flexible { from, to } = t.when {
                assert!(from >= 1 && to > from, "{}", t.title);
            }
        }
    }

    #[test]
    fn birth_dates_give_the_intended_age() {
        use crate::accounts::model::age_on;
        for day in ["2026-02-28", "2024-02-29", "2026-12-31", "2026-01-01"] {
            let today: NaiveDate = day.parse().unwrap();
            for age in [14, 16, 19, 24, 28] {
                let born = birth_date(today, age).unwrap();
                assert_eq!(age_on(born, today), age, "{day} {age}");
            }
        }
    }
}
