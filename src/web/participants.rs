//! The participant list of a task, to print for a fixed event: who is coming (accepted),
//! with what a person at the door needs (name, age, email, the record check where one is
//! required) and an empty column to tick on the day. Only the association's members see
//! it; the print style sheet drops the site's header and footer.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::signups::model::Side;
use crate::signups::status::SignupStatus;
use crate::signups::views;
use crate::state::AppState;
use crate::tasks::lifecycle;
use crate::web::format;
use crate::web::page::{self, Page};
use crate::web::reference::Cache;

/// Sign-ups read a page at a time (the API's largest page).
const PAGE_SIZE: i64 = 100;

/// One person on the list.
pub struct Participant {
    pub name: String,
    pub age: String,
    pub email: String,
    pub record_checked: String,
}

/// `/{lang}/manage/tasks/{id}/participants`.
#[derive(Template, WebTemplate)]
#[template(path = "participants.html")]
pub struct Participants {
    pub page: Page,
    pub id: String,
    pub when: String,
    pub place: String,
    pub record_check: bool,
    pub count: i64,
    pub people: Vec<Participant>,
}

/// `GET /{lang}/manage/tasks/{id}/participants`.
pub async fn list(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id) = path.into_inner();
    let (task, accepted) = state
        .db
        .run(move |conn| {
            let (task, _) = lifecycle::editable(conn, &id, &user.user_id)?;
            // Every accepted volunteer, however many pages of the largest size that takes.
            let mut accepted = Vec::new();
            for number in 1.. {
                let page = views::page_of(
                    conn,
                    Side::Association,
                    &task.id,
                    Some(SignupStatus::Accepted),
                    number,
                    PAGE_SIZE,
                )?;
                let last = page.items.len() < usize::try_from(PAGE_SIZE).unwrap_or(0)
                    || i64::try_from(accepted.len() + page.items.len()).unwrap_or(i64::MAX)
                        >= page.total;
                accepted.extend(page.items);
                if last {
                    break;
                }
            }
            Ok((task, accepted))
        })
        .await?;
    let lists = cache.get(&state).await?;
    let mut place: Vec<String> = Vec::new();
    if let Some(address) = &task.address {
        place.push(address.clone());
    }
    if let Some(code) = &task.municipality_code {
        place.push(lists.municipality_name(code, page.lang));
    }
    let when = match (task.starts_at, task.ends_at) {
        (Some(start), Some(end)) => format!(
            "{} – {}",
            format::moment(page.lang, start),
            format::moment(page.lang, end)
        ),
        (Some(start), None) => format::moment(page.lang, start),
        _ => page.t(&format!("schedule-{}", task.schedule_type)),
    };
    let mut people: Vec<Participant> = accepted
        .into_iter()
        .map(|v| {
            let record_checked = v
                .record_check
                .as_ref()
                .and_then(|c| c.seen_on)
                .map(|d| format::date(page.lang, d))
                .unwrap_or_default();
            let contact = v.volunteer;
            Participant {
                name: contact
                    .as_ref()
                    .map(|c| c.display_name.clone())
                    .unwrap_or_default(),
                age: contact
                    .as_ref()
                    .and_then(|c| c.age)
                    .map(|a| a.to_string())
                    .unwrap_or_default(),
                email: contact.map(|c| c.email).unwrap_or_default(),
                record_checked,
            }
        })
        .collect();
    people.sort_by_key(|p| p.name.to_lowercase());
    Ok(page::ok(
        &req,
        Participants {
            id: task.id.clone(),
            when,
            place: place.join(", "),
            record_check: task.criminal_record_check,
            count: i64::try_from(people.len()).unwrap_or(i64::MAX),
            people,
            page: page.titled_as(&task.title),
        },
    ))
}
