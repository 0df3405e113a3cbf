//! The reference data that forms offer (categories, regions, municipalities), read once:
//! it changes only with a migration, and the search page must not pay a query for its
//! 308 municipalities on every keystroke.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::OnceCell;

use crate::error::AppError;
use crate::reference::{self, Category, Municipality, Region};
use crate::state::AppState;

/// The options of a municipality select, `(code, name)` sorted by name: shared, not copied,
/// by every page that shows one.
pub type Options = Arc<[(String, String)]>;

/// The lists, in display order.
pub struct Lists {
    pub categories: Vec<Category>,
    pub regions: Vec<Region>,
    pub municipalities: Vec<Municipality>,
    /// Position in `municipalities` by code: every result card names its municipality, so a
    /// linear scan of 308 per card showed in the search page's profile.
    by_code: HashMap<String, usize>,
    /// The select's options in each language (`Language::ALL` order), built once.
    options: [Options; 3],
}

impl Lists {
    /// A category's name in a language (its slug if unknown).
    pub fn category_name(&self, slug: &str, lang: crate::i18n::Language) -> String {
        self.categories.iter().find(|c| c.slug == slug).map_or_else(
            || slug.to_owned(),
            |c| match lang {
                crate::i18n::Language::Fi => c.name_fi.clone(),
                crate::i18n::Language::Sv => c.name_sv.clone(),
                crate::i18n::Language::En => c.name_en.clone(),
            },
        )
    }

    /// Builds the lookups once, when the lists are loaded.
    fn new(
        categories: Vec<Category>,
        regions: Vec<Region>,
        municipalities: Vec<Municipality>,
    ) -> Self {
        let by_code = municipalities
            .iter()
            .enumerate()
            .map(|(i, m)| (m.code.clone(), i))
            .collect();
        let options = crate::i18n::Language::ALL.map(|lang| {
            let mut all: Vec<(String, String)> = municipalities
                .iter()
                .map(|m| (m.code.clone(), name_of(m, lang).to_owned()))
                .collect();
            all.sort_by(|a, b| a.1.cmp(&b.1));
            Options::from(all)
        });
        Self {
            categories,
            regions,
            municipalities,
            by_code,
            options,
        }
    }

    /// A municipality's name in a language (Finnish for English).
    pub fn municipality_name(&self, code: &str, lang: crate::i18n::Language) -> String {
        self.by_code
            .get(code)
            .and_then(|&i| self.municipalities.get(i))
            .map_or_else(|| code.to_owned(), |m| name_of(m, lang).to_owned())
    }

    /// Every municipality as (code, name) in a language, by name: the options of a select.
    pub fn municipality_options(&self, lang: crate::i18n::Language) -> Options {
        let i = crate::i18n::Language::ALL
            .iter()
            .position(|&l| l == lang)
            .unwrap_or(0);
        self.options[i].clone()
    }

    /// A region's name in a language (Finnish for English).
    pub fn region_name(&self, code: &str, lang: crate::i18n::Language) -> String {
        self.regions.iter().find(|r| r.code == code).map_or_else(
            || code.to_owned(),
            |r| match lang {
                crate::i18n::Language::Sv => r.name_sv.clone(),
                _ => r.name_fi.clone(),
            },
        )
    }
}

/// A municipality's name as a page shows it: Swedish in Swedish, Finnish otherwise (the
/// reference data has no English names).
fn name_of(m: &Municipality, lang: crate::i18n::Language) -> &str {
    match lang {
        crate::i18n::Language::Sv => &m.name_sv,
        _ => &m.name_fi,
    }
}

/// The cache, shared by every worker.
#[derive(Default, Clone)]
pub struct Cache(Arc<OnceCell<Arc<Lists>>>);

impl Cache {
    /// The lists, loaded on first use.
    pub async fn get(&self, state: &AppState) -> Result<Arc<Lists>, AppError> {
        let db = state.db.clone();
        self.0
            .get_or_try_init(|| async move {
                let lists = db
                    .run(|conn| {
                        Ok(Lists::new(
                            reference::list_categories(conn)?,
                            reference::list_regions(conn)?,
                            reference::list_municipalities(conn, None)?.unwrap_or_default(),
                        ))
                    })
                    .await?;
                Ok::<_, AppError>(Arc::new(lists))
            })
            .await
            .cloned()
    }
}
