//! Association and service documents: verified associations with their card text and
//! services (`GET /associations`), and each service of a verified association on its own
//! (`GET /services`), built from the database.

use diesel::prelude::*;
use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::associations::model::{Association, Service, VERIFIED};
use crate::db::DbConnection;
use crate::db::schema::{association_services, associations, municipalities};
use crate::error::AppError;
use crate::search::finnish;

/// Stemmed text with term frequencies (for BM25), no positions.
pub fn stemmed() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(finnish::ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

/// Whole words, for prefixes and typos.
pub fn whole_words() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(finnish::WORDS)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    )
}

/// The fields of an association document.
#[derive(Clone, Copy)]
pub struct AssociationFields {
    pub id: Field,
    /// The association's own id again, under the name every part deletes by.
    pub association_id: Field,
    pub name: Field,
    /// Card text and its services' names, descriptions and target groups.
    pub text: Field,
    pub words: Field,
    pub municipality: Field,
    pub region: Field,
    pub category: Field,
    /// The name, then the id (U+0001 between, which no stored text holds): sorting by it is
    /// sorting by name with the id breaking ties.
    pub order_key: Field,
}

impl AssociationFields {
    /// The schema and its field handles.
    pub fn schema() -> (Schema, Self) {
        let mut b = Schema::builder();
        let fields = Self {
            id: b.add_text_field("id", STRING | STORED),
            association_id: b.add_text_field("association_id", STRING),
            name: b.add_text_field("name", stemmed()),
            text: b.add_text_field("text", stemmed()),
            words: b.add_text_field("words", whole_words()),
            municipality: b.add_text_field("municipality", STRING),
            region: b.add_text_field("region", STRING),
            category: b.add_text_field("category", STRING),
            order_key: b.add_text_field("order_key", STRING | FAST),
        };
        (b.build(), fields)
    }
}

/// The name of the sort key field of both kinds.
pub const ORDER_KEY: &str = "order_key";

/// Values joined so that the joined text sorts like the tuple of values.
fn order_key(values: &[&str]) -> String {
    values.join("\u{1}")
}

/// The fields of a service document.
#[derive(Clone, Copy)]
pub struct ServiceFields {
    pub id: Field,
    pub association_id: Field,
    pub name: Field,
    /// Description, target group, how to get it, and the association's name.
    pub text: Field,
    /// The target group alone, for `target_group=`.
    pub target_group: Field,
    pub words: Field,
    pub municipality: Field,
    pub region: Field,
    pub category: Field,
    /// `free` when the service has no price.
    pub flags: Field,
    /// Association name, association id, service name, id: the order without words.
    pub order_key: Field,
}

impl ServiceFields {
    /// The schema and its field handles.
    pub fn schema() -> (Schema, Self) {
        let mut b = Schema::builder();
        let fields = Self {
            id: b.add_text_field("id", STRING | STORED),
            association_id: b.add_text_field("association_id", STRING),
            name: b.add_text_field("name", stemmed()),
            text: b.add_text_field("text", stemmed()),
            target_group: b.add_text_field("target_group", stemmed()),
            words: b.add_text_field("words", whole_words()),
            municipality: b.add_text_field("municipality", STRING),
            region: b.add_text_field("region", STRING),
            category: b.add_text_field("category", STRING),
            flags: b.add_text_field("flags", STRING),
            order_key: b.add_text_field("order_key", STRING | FAST),
        };
        (b.build(), fields)
    }
}

/// The flag of a free service.
pub const FREE: &str = "free";

/// Verified associations among `ids` (all, for `None`, in batches after an id), with their
/// region, and their services.
type Loaded = Vec<(Association, Option<String>, Vec<Service>)>;

/// Loads associations and their services: the given ids, or the batch of `limit` after
/// `after` (for a rebuild). Only verified associations are returned; the caller deletes
/// the documents of every id it asked about first.
pub fn load(
    conn: &mut DbConnection,
    ids: Option<&[String]>,
    after: &str,
    limit: i64,
) -> Result<(Loaded, Option<String>), AppError> {
    let mut query = associations::table
        .left_join(
            municipalities::table.on(municipalities::code.eq(associations::municipality_code)),
        )
        .select((
            Association::as_select(),
            municipalities::region_code.nullable(),
        ))
        .into_boxed();
    query = match ids {
        Some(ids) => query.filter(associations::id.eq_any(ids)),
        None => query
            .filter(associations::id.gt(after.to_owned()))
            .order(associations::id)
            .limit(limit),
    };
    let rows: Vec<(Association, Option<String>)> = query.load(conn)?;
    let last = rows.last().map(|(a, _)| a.id.clone());
    let verified: Vec<(Association, Option<String>)> = rows
        .into_iter()
        .filter(|(a, _)| a.status == VERIFIED)
        .collect();
    let ids: Vec<&str> = verified.iter().map(|(a, _)| a.id.as_str()).collect();
    let services: Vec<Service> = association_services::table
        .filter(association_services::association_id.eq_any(&ids))
        .order(association_services::id)
        .select(Service::as_select())
        .load(conn)?;
    let loaded = verified
        .into_iter()
        .map(|(a, region)| {
            let mine: Vec<Service> = services
                .iter()
                .filter(|s| s.association_id == a.id)
                .cloned()
                .collect();
            (a, region, mine)
        })
        .collect();
    Ok((loaded, last))
}

/// The association's document.
pub fn association_document(
    a: &Association,
    region: Option<&str>,
    services: &[Service],
    f: &AssociationFields,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
    doc.add_text(f.association_id, &a.id);
    doc.add_text(f.name, &a.name);
    doc.add_text(f.words, &a.name);
    let card = [
        &a.summary,
        &a.description,
        &a.activities,
        &a.target_groups,
        &a.how_to_join,
    ];
    for text in card.into_iter().flatten() {
        doc.add_text(f.text, text);
        doc.add_text(f.words, text);
    }
    for s in services {
        for text in [
            Some(&s.name),
            s.description.as_ref(),
            s.target_group.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            doc.add_text(f.text, text);
            doc.add_text(f.words, text);
        }
    }
    doc.add_text(f.municipality, &a.municipality_code);
    if let Some(region) = region {
        doc.add_text(f.region, region);
    }
    if let Some(category) = &a.field_of_activity {
        doc.add_text(f.category, category);
    }
    doc.add_text(f.order_key, order_key(&[&a.name, &a.id]));
    doc
}

/// A service's document.
pub fn service_document(
    s: &Service,
    a: &Association,
    region: Option<&str>,
    f: &ServiceFields,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &s.id);
    doc.add_text(f.association_id, &a.id);
    doc.add_text(f.name, &s.name);
    doc.add_text(f.words, &s.name);
    for text in [&s.description, &s.target_group, &s.how_to_get]
        .into_iter()
        .flatten()
    {
        doc.add_text(f.text, text);
        doc.add_text(f.words, text);
    }
    doc.add_text(f.text, &a.name);
    doc.add_text(f.words, &a.name);
    if let Some(group) = &s.target_group {
        doc.add_text(f.target_group, group);
    }
    doc.add_text(f.municipality, &a.municipality_code);
    if let Some(region) = region {
        doc.add_text(f.region, region);
    }
    if let Some(category) = &a.field_of_activity {
        doc.add_text(f.category, category);
    }
    if s.price.is_none() {
        doc.add_text(f.flags, FREE);
    }
    doc.add_text(f.order_key, order_key(&[&a.name, &a.id, &s.name, &s.id]));
    doc
}
