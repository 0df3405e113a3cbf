//! The demo's accounts: an administrator, a counsellor, three association owners and five
//! volunteers aged 14–28 with their interests and availability, and the indices by which
//! the other tables name them. `seed::people::create` makes the accounts, in this order.

use crate::seed::Role;
use crate::seed::people::{NOBODY, Person};

/// Index of each association owner in [`PEOPLE`].
pub(in crate::seed) const EEVA: usize = 2;
pub(in crate::seed) const TUOMAS: usize = 3;
pub(in crate::seed) const JARI: usize = 4;
/// Index of each volunteer in [`PEOPLE`], for the sign-ups.
pub(in crate::seed) const ELLA: usize = 5;
pub(in crate::seed) const ONNI: usize = 6;
pub(in crate::seed) const AADA: usize = 7;
pub(in crate::seed) const LEO: usize = 8;
pub(in crate::seed) const SOFIA: usize = 9;

pub(in crate::seed) static PEOPLE: &[Person] = &[
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
