//! The reference data that forms offer (categories, regions, municipalities), read once:
//! it changes only with a migration, and the search page must not pay a query for its
//! 308 municipalities on every keystroke.

use std::sync::Arc;

use tokio::sync::OnceCell;

use crate::error::AppError;
use crate::reference::{self, Category, Municipality, Region};
use crate::state::AppState;

/// The lists, in display order.
pub struct Lists {
    pub categories: Vec<Category>,
    pub regions: Vec<Region>,
    pub municipalities: Vec<Municipality>,
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

    /// A municipality's name in a language (Finnish for English).
    pub fn municipality_name(&self, code: &str, lang: crate::i18n::Language) -> String {
        self.municipalities
            .iter()
            .find(|m| m.code == code)
            .map_or_else(
                || code.to_owned(),
                |m| match lang {
                    crate::i18n::Language::Sv => m.name_sv.clone(),
                    _ => m.name_fi.clone(),
                },
            )
    }

    /// Every municipality as (code, name) in a language, by name: the options of a select.
    pub fn municipality_options(&self, lang: crate::i18n::Language) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = self
            .municipalities
            .iter()
            .map(|m| (m.code.clone(), self.municipality_name(&m.code, lang)))
            .collect();
        all.sort_by(|a, b| a.1.cmp(&b.1));
        all
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
                        Ok(Lists {
                            categories: reference::list_categories(conn)?,
                            regions: reference::list_regions(conn)?,
                            municipalities: reference::list_municipalities(conn, None)?
                                .unwrap_or_default(),
                        })
                    })
                    .await?;
                Ok::<_, AppError>(Arc::new(lists))
            })
            .await
            .cloned()
    }
}
