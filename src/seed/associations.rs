//! The demo's associations: what a demo association and its services are, the list of
//! them all, and how one is created, verified, with its owner and services, through the
//! checks of the association card and of `services::create`. The associations themselves
//! are in `data/associations_ek.rs` (Etelä-Karjala) and `data/associations_kymenlaakso.rs`.

use chrono::Utc;
use diesel::prelude::*;

use super::data::{associations_ek, associations_kymenlaakso};
use crate::associations::card::{self, CardInput};
use crate::associations::model::{OWNER, VERIFIED};
use crate::associations::services::{self, ServiceInput};
use crate::db::DbConnection;
use crate::db::schema::association_members;
use crate::error::AppError;

/// One service of an association.
pub(super) struct Service {
    pub(super) name: &'static str,
    pub(super) description: &'static str,
    pub(super) target_group: &'static str,
    /// `None` is free of charge.
    pub(super) price: Option<&'static str>,
    pub(super) how_to_get: &'static str,
}

/// One demo association; `owner` is an index into `PEOPLE`.
pub(super) struct Association {
    pub(super) name: &'static str,
    pub(super) municipality: &'static str,
    pub(super) register_number: &'static str,
    pub(super) business_id: Option<&'static str>,
    pub(super) field: &'static str,
    pub(super) founded: i32,
    pub(super) summary: &'static str,
    pub(super) description: &'static str,
    pub(super) activities: &'static str,
    pub(super) target_groups: &'static str,
    pub(super) how_to_join: &'static str,
    pub(super) fee: &'static str,
    pub(super) contact: &'static str,
    pub(super) email: &'static str,
    pub(super) phone: &'static str,
    pub(super) website: &'static str,
    pub(super) social: &'static str,
    pub(super) address: &'static str,
    pub(super) languages: &'static [&'static str],
    pub(super) accessibility: &'static str,
    pub(super) owner: usize,
    pub(super) services: &'static [Service],
}

/// Every association of the demo, Etelä-Karjala's and then Kymenlaakso's: the order in
/// which they are created, and the one their indices (`data::associations_ek::LEMI`, …)
/// count in.
pub(super) fn all() -> impl Iterator<Item = &'static Association> {
    associations_ek::ASSOCIATIONS
        .iter()
        .chain(associations_kymenlaakso::ASSOCIATIONS)
}

fn some(s: &str) -> Option<Option<String>> {
    Some(Some(s.to_owned()))
}

/// Creates a verified association through the card's checks, with its owner and services.
pub(super) fn create(
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

#[cfg(test)]
mod tests {
    use super::super::data::associations_ek::*;
    use super::super::data::associations_kymenlaakso::*;
    use super::*;
    use crate::associations::identifiers;

    #[test]
    fn identifiers_are_valid_and_unique() {
        let mut seen = Vec::new();
        for a in all() {
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

    /// The indices are written by hand in two files; they must count across both.
    #[test]
    fn every_index_names_its_association() {
        let named = [
            (NUORISOSEURA, "Lappeenrannan Nuorisoseura ry"),
            (MARTAT, "Imatran Seudun Martat ry"),
            (SAIMAANLUONTO, "Taipalsaaren Saimaanluonto ry"),
            (VPK, "Ruokolahden Vapaaehtoinen Palokunta ry"),
            (LEMI, "Lemin Kyläyhdistys ry"),
            (SENIORIT, "Parikkalan Seniorit ry"),
            (SISU, "Savitaipaleen Sisu ry"),
            (KESATEATTERI, "Luumäen Kesäteatteri ry"),
            (MERIPELASTUS, "Kotkan Meripelastusyhdistys ry"),
            (ELAINSUOJELU, "Kouvolan Eläinsuojeluyhdistys ry"),
            (RESERVILAISET, "Haminan Reserviläiset ry"),
            (SAARISTOSEURA, "Pyhtään Saaristoseura ry"),
            (KOTISEUTU, "Virolahden Kotiseutuyhdistys ry"),
            (DIGIAPU, "Kouvolan Digiapu ry"),
            (
                KOHTAAMISPAIKKA,
                "Kotkan Monikulttuurinen Kohtaamispaikka ry",
            ),
        ];
        let names: Vec<&str> = all().map(|a| a.name).collect();
        assert_eq!(names.len(), named.len());
        for (i, name) in named {
            assert_eq!(names[i], name, "index {i}");
        }
    }
}
