//! Creating and editing tasks: the pure merge and check of [`Draft`], plus the rules that
//! need the database (a known municipality, known categories).

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{categories, task_categories};
use crate::error::{AppError, FieldError};
use crate::tasks::draft::{Draft, TaskInput};
use crate::tasks::model::Task;

/// Applies an input to a task (or to an empty draft) and checks the result. Returns the
/// draft and the categories to store (`None`: leave them).
pub fn prepare(
    conn: &mut DbConnection,
    existing: Option<&Task>,
    input: TaskInput,
) -> Result<(Draft, Option<Vec<String>>), AppError> {
    let creating = existing.is_none();
    let mut d = existing.map_or_else(Draft::default, |task| task.fields.clone());
    let categories = d.apply(input);
    let mut errors = d.check(existing.map(|task| task.accepted_count));
    if let Some(code) = d.municipality_code.clone()
        && let Some(e) =
            crate::accounts::model::check_municipality(conn, "municipality_code", &code)?
    {
        errors.push(e);
    }
    let categories = match categories {
        Some(mut list) => {
            list.sort();
            list.dedup();
            if list.is_empty() || list.len() > 5 {
                errors.push(FieldError::new(
                    "categories",
                    "count",
                    "Give 1–5 categories.",
                ));
            }
            let known: Vec<String> = categories::table
                .filter(categories::slug.eq_any(&list))
                .select(categories::slug)
                .load(conn)?;
            for (i, slug) in list.iter().enumerate() {
                if !known.contains(slug) {
                    errors.push(FieldError::new(
                        format!("categories[{i}]"),
                        "unknown_value",
                        "Use a slug from GET /api/v1/categories.",
                    ));
                }
            }
            Some(list)
        }
        None if creating => {
            errors.push(FieldError::new(
                "categories",
                "required",
                "Give 1–5 categories.",
            ));
            None
        }
        None => None,
    };
    if errors.is_empty() {
        Ok((d, categories))
    } else {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        Err(AppError::Validation(errors))
    }
}

/// Replaces a task's categories.
pub fn set_categories(
    conn: &mut DbConnection,
    task_id: &str,
    list: &[String],
) -> Result<(), AppError> {
    diesel::delete(task_categories::table.filter(task_categories::task_id.eq(task_id)))
        .execute(conn)?;
    for slug in list {
        diesel::insert_into(task_categories::table)
            .values((
                task_categories::task_id.eq(task_id),
                task_categories::category_slug.eq(slug),
            ))
            .execute(conn)?;
    }
    Ok(())
}
