//! The demo's sign-ups: to upcoming tasks (named by title, each with the state it must end
//! in), to a task that its association then cancels, and to four past tasks, now closed,
//! that carry the completed sign-ups, a no-show and feedback. `seed::signups::load` makes
//! them, the past tasks first; its module comment tells why each is there.

use super::associations_ek::{LEMI, MARTAT, SENIORIT};
use super::associations_kymenlaakso::MERIPELASTUS;
use super::people::{AADA, ELLA, LEO, ONNI, SOFIA};
use crate::seed::signups::past::{Feedback, Outcome, Past, Took};
use crate::seed::signups::{Then, Upcoming};
use crate::seed::tasks::{Place, TASK, Task, When};
use crate::signups::status::SignupStatus::{Accepted, Declined, Pending, Waitlisted, Withdrawn};

/// In order: the first two fill the two spots of the boat-safety evening, the third waits.
pub(in crate::seed) static UPCOMING: &[Upcoming] = &[
    Upcoming {
        task: "Veneilyturvallisuusillan kahvio ja ilmoittautumiset",
        person: ONNI,
        message: None,
        then: Then::Wait,
        ends: Accepted,
    },
    Upcoming {
        task: "Veneilyturvallisuusillan kahvio ja ilmoittautumiset",
        person: SOFIA,
        message: Some("Hei! Olen hoitanut kahviota monissa tapahtumissa Haminassa."),
        then: Then::Wait,
        ends: Accepted,
    },
    Upcoming {
        task: "Veneilyturvallisuusillan kahvio ja ilmoittautumiset",
        person: LEO,
        message: Some("Tulen mielelläni, jos joku peruu."),
        then: Then::Wait,
        ends: Waitlisted,
    },
    Upcoming {
        task: "Nuorisoteatterin lavastustalkoot",
        person: ELLA,
        message: None,
        then: Then::Wait,
        ends: Accepted,
    },
    Upcoming {
        task: "Linnunpönttöjen rakennuspaja nuorille",
        person: ELLA,
        message: None,
        then: Then::Withdraw,
        ends: Withdrawn,
    },
    Upcoming {
        task: "Meripelastusaseman kunnossapitotalkoot",
        person: ONNI,
        message: Some(
            "Hei! Olen ollut kaksi kesää meripelastusnuorissa ja osaan käyttää \
             akkuporakonetta. Pääsen parhaiten viikonloppuisin.",
        ),
        then: Then::Wait,
        ends: Pending,
    },
    Upcoming {
        task: "Ystävä ikäihmiselle – kahvit ja kävelyt kerran viikossa",
        person: AADA,
        message: Some(
            "Hei! Opiskelen lähihoitajaksi ja olin viime kesän töissä palvelutalossa. \
             Voisin tavata arki-iltapäivisin, ja minulla on auto käytössä.",
        ),
        then: Then::Wait,
        ends: Pending,
    },
    Upcoming {
        task: "Jäsenrekisterin päivittäjä etätyönä",
        person: AADA,
        message: Some("Olen tarkka taulukoiden kanssa ja voin tehdä tätä iltaisin."),
        then: Then::Decline,
        ends: Declined,
    },
    Upcoming {
        task: "Puhelindigituki ikäihmisille",
        person: LEO,
        message: Some(
            "Teen työkseni IT-tukea, joten videopuhelut ja verkkopankki ovat minulle tuttuja.",
        ),
        then: Then::Accept,
        ends: Accepted,
    },
    Upcoming {
        task: "Meripelastusnuorten leirin apuohjaaja",
        person: SOFIA,
        message: Some(
            "Olen ollut partiossa johtajana kymmenen vuotta. Rikostaustaote on jo tilattu.",
        ),
        then: Then::CheckAndAccept { days_ago: 3 },
        ends: Accepted,
    },
    Upcoming {
        task: "Kesäleirin leiriohjaaja Saimaan rannalla",
        person: LEO,
        message: Some(
            "Hei! Olen ollut isosena ja leiriohjaajana seurakunnan leireillä. Tuon \
             rikostaustaotteen nähtäväksi ensi viikolla.",
        ),
        then: Then::Wait,
        ends: Pending,
    },
];

/// A task that its association cancelled after a volunteer had signed up.
pub(in crate::seed) static CANCELLED_TASK: Task = Task {
    association: LEMI,
    title: "Kylän pyöräretken eväspisteen pitäjä",
    description: "Kylän yhteinen pyöräretki kiertää Kuukanpään kautta takaisin kylätalolle. \
                  Eväspisteellä tarjoat pyöräilijöille mehua ja pullaa ja merkitset \
                  ohi menneet listaan. Sopii kaikenikäisille.",
    categories: &["events", "neighbourhood"],
    address: Some("Kylätalo Väinölä, Kirkonkyläntie 20, Lemi"),
    when: When::Fixed {
        days: 16,
        hour: 8,
        hours: 4,
        deadline: None,
    },
    hours: Some(4.0),
    spots: Some(4),
    automatic: true,
    beginner: true,
    contact: Some("Tuomas Heikkinen"),
    ..TASK
};

/// Who signed up to [`CANCELLED_TASK`].
pub(in crate::seed) const CANCELLED_FOR: usize = ELLA;

/// Past tasks, now closed, with who took part and how it ended.
pub(in crate::seed) static PAST: &[Past] = &[
    Past {
        ago: 38,
        task: Task {
            association: MARTAT,
            title: "Hävikkiruokakokkauksen kokkiapu",
            description: "Kokkaamme kauppojen ylijäämäruoasta lounaan kaikille halukkaille. \
                          Kokkiapuna pilkot, sekoitat ja jaat annoksia marttojen kanssa. \
                          Hygieniapassia ei tarvita.",
            categories: &["environment", "health"],
            address: Some("Marttala, Koskenparras 4, Imatra"),
            when: When::Fixed {
                days: 2,
                hour: 8,
                hours: 4,
                deadline: None,
            },
            hours: Some(4.0),
            spots: Some(6),
            automatic: true,
            min_age: Some(15),
            beginner: true,
            ..TASK
        },
        took_part: &[Took {
            person: AADA,
            outcome: Outcome::Completed { hours: 4.0 },
            feedback: None,
        }],
    },
    Past {
        ago: 19,
        task: Task {
            association: SENIORIT,
            title: "Senioreiden retkipäivän avustaja",
            description: "Parikkalan Seniorit tekee bussiretken Punkaharjulle. Avustajana \
                          autat retkeläisiä bussiin ja pois, työnnät tarvittaessa \
                          pyörätuolia ja pidät seuraa lounaalla. Retki, lounas ja kahvit \
                          ovat avustajalle maksuttomia.",
            categories: &["befriending", "older-people"],
            address: Some("Lähtö Parikkalan torilta"),
            when: When::Fixed {
                days: 2,
                hour: 6,
                hours: 8,
                deadline: None,
            },
            hours: Some(7.0),
            spots: Some(3),
            min_age: Some(18),
            contact: Some("Aune Kärkkäinen"),
            ..TASK
        },
        took_part: &[Took {
            person: AADA,
            outcome: Outcome::Completed { hours: 6.5 },
            feedback: Some(Feedback {
                volunteer: (
                    5,
                    "Mukava päivä ja hyvä perehdytys. Lähden mielelläni uudestaan!",
                ),
                association: (
                    5,
                    "Aada huolehti, että jokainen pääsi mukaan ja viihtyi. Kiitos!",
                ),
            }),
        }],
    },
    Past {
        ago: 12,
        task: Task {
            association: MERIPELASTUS,
            title: "Meripelastusaseman avoimien ovien opastaja",
            description: "Meripelastusasema avaa ovensa yleisölle. Opastat vieraita aseman \
                          ja veneiden luo, jaat esitteitä ja autat lasten \
                          pelastusliivirastilla.",
            categories: &["crisis-preparedness", "events"],
            address: Some("Meripelastusasema, Satamakatu 18, Kotka"),
            when: When::Fixed {
                days: 2,
                hour: 8,
                hours: 5,
                deadline: None,
            },
            hours: Some(5.0),
            spots: Some(4),
            automatic: true,
            min_age: Some(15),
            beginner: true,
            contact: Some("Jari Kinnunen"),
            ..TASK
        },
        took_part: &[
            Took {
                person: ONNI,
                outcome: Outcome::Completed { hours: 5.0 },
                feedback: None,
            },
            Took {
                person: SOFIA,
                outcome: Outcome::Completed { hours: 4.5 },
                feedback: None,
            },
            Took {
                person: LEO,
                outcome: Outcome::NoShow,
                feedback: None,
            },
        ],
    },
    Past {
        ago: 6,
        task: Task {
            association: MARTAT,
            title: "Ruoka-avun jakopäivän pakkaaja",
            description: "Pakkaat ruokakasseja ja ohjaat jonoa ruoka-avun jakopäivänä. Työ \
                          tehdään pareittain, ja kokeneet martat neuvovat.",
            categories: &["health", "neighbourhood"],
            place: Place::In("689"),
            address: Some("Rautjärven kylätalo"),
            when: When::Fixed {
                days: 2,
                hour: 9,
                hours: 3,
                deadline: None,
            },
            hours: Some(3.0),
            spots: Some(5),
            automatic: true,
            min_age: Some(15),
            ..TASK
        },
        took_part: &[Took {
            person: AADA,
            outcome: Outcome::Completed { hours: 3.0 },
            feedback: None,
        }],
    },
];
