//! The web front end: server-rendered pages in Finnish, Swedish and English, for the
//! people the API serves, in a browser and on a phone. It sits on top of every feature and
//! calls their functions directly, as the API handlers do (never the JSON API over HTTP);
//! nothing below imports it.
//!
//! Every page works without JavaScript: htmx (vendored, `static/`) only enhances real
//! forms and links. The language is the first segment of every path (`lang`); a browser
//! session is a cookie tied to the `sessions` table (`session`); every unsafe request is
//! checked for its origin and its form's token (`csrf`); failures become pages in the
//! reader's language (`errors`).

pub mod account;
pub mod account_pages;
pub mod admin;
pub mod admin_common;
pub mod admin_queues;
pub mod admin_reports;
pub mod admin_trail;
pub mod admin_users;
pub mod alerts_page;
pub mod assets;
pub mod card_edit;
pub mod card_form;
pub mod csrf;
pub mod errors;
pub mod format;
pub mod forms;
pub mod headers;
pub mod home;
pub mod landing;
pub mod lang;
pub mod manage;
pub mod me;
pub mod members_page;
pub mod page;
pub mod participants;
pub mod public;
pub mod record_sharing;
pub mod reference;
pub mod referrals;
pub mod register_check;
pub mod report;
pub mod role_requests;
pub mod search;
pub mod services_page;
pub mod services_search;
pub mod session;
pub mod signup_actions;
pub mod stale;
pub mod task;
pub mod task_edit;
pub mod task_form;

use actix_web::middleware::{Compress, from_fn};
use actix_web::{HttpResponse, guard, web};

use crate::api::get_or_head;
use crate::error::AppError;

/// Whether a path is under one of the three languages (`/fi/…`): the app-level
/// hidden-character check leaves exactly these to the scope.
fn in_a_language(path: &str) -> bool {
    crate::api::clean_request::is_a_page(path)
}

async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// Registers the pages (`/{lang}/…`) and the static files; the application's default
/// service is [`lang::elsewhere`].
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/static/{file}")
            .wrap(Compress::default())
            .route(get_or_head().to(assets::serve)),
    )
    .service(
        web::scope("/{lang}")
            .guard(guard::fn_guard(|ctx| in_a_language(ctx.head().uri.path())))
            .wrap(from_fn(crate::api::clean_request::refuse_on_pages))
            .wrap(from_fn(session::resolve))
            .wrap(from_fn(csrf::guard))
            .wrap(from_fn(errors::html_errors))
            .wrap(headers::page_headers())
            .wrap(Compress::default())
            .route("/", get_or_head().to(home::home))
            .route("/tasks", get_or_head().to(search::search))
            .route("/tasks/{id}", get_or_head().to(task::show))
            .route("/tasks/{id}/signup", web::post().to(task::sign_up))
            .route(
                "/{kind:tasks|associations}/{id}/report",
                web::post().to(report::send),
            )
            .route("/associations", get_or_head().to(public::directory))
            .route("/services", get_or_head().to(services_search::search))
            .route("/associations/{id}", get_or_head().to(public::card))
            .route("/record-check", get_or_head().to(public::record_check))
            .route("/register", get_or_head().to(account::register_form))
            .route("/register", web::post().to(account::register))
            .route("/register/check", web::post().to(register_check::check))
            .route("/verify-email", get_or_head().to(account::verify_form))
            .route("/verify-email", web::post().to(account::verify))
            .route("/verify-email/resend", web::post().to(account::resend))
            .route("/login", get_or_head().to(account::login_form))
            .route("/login", web::post().to(account::login))
            .route("/logout", web::post().to(account::logout))
            .route("/reset-password", get_or_head().to(account::reset_form))
            .route("/reset-password", web::post().to(account::reset_request))
            .route(
                "/reset-password/confirm",
                web::post().to(account::reset_confirm),
            )
            .route("/me", get_or_head().to(me::hub))
            .route("/me/profile", get_or_head().to(account_pages::profile_form))
            .route("/me/profile", web::post().to(account_pages::save_profile))
            .route("/me/for-you", get_or_head().to(account_pages::for_you))
            .route("/me/privacy", get_or_head().to(account_pages::privacy))
            .route("/me/export", get_or_head().to(account_pages::export_mine))
            .route("/me/delete", web::post().to(account_pages::delete))
            .route("/me/signups", get_or_head().to(me::signups))
            .route("/me/signups/{id}/withdraw", web::post().to(me::withdraw))
            .route("/me/record", get_or_head().to(me::record))
            .route("/me/record/sharing", web::post().to(record_sharing::save))
            .route("/me/record/code", web::post().to(record_sharing::new_code))
            .route("/me/associations", get_or_head().to(manage::mine))
            .route(
                "/manage/associations/{id}",
                get_or_head().to(manage::association),
            )
            .route(
                "/manage/associations/{id}/card",
                get_or_head().to(card_edit::form),
            )
            .route(
                "/manage/associations/{id}/card",
                web::post().to(card_edit::save),
            )
            .route(
                "/manage/associations/{id}/services",
                get_or_head().to(services_page::list),
            )
            .route(
                "/manage/associations/{id}/services",
                web::post().to(services_page::add),
            )
            .route(
                "/manage/associations/{id}/services/{service}/{action}",
                web::post().to(services_page::change),
            )
            .route(
                "/manage/associations/{id}/members",
                get_or_head().to(members_page::list),
            )
            .route(
                "/manage/associations/{id}/members",
                web::post().to(members_page::invite),
            )
            .route(
                "/manage/associations/{id}/members/{user}/{action}",
                web::post().to(members_page::change),
            )
            .route(
                "/manage/associations/{id}/tasks/new",
                get_or_head().to(manage::new_task),
            )
            .route(
                "/manage/associations/{id}/tasks/new",
                web::post().to(manage::create_task),
            )
            .route("/manage/tasks/{id}", get_or_head().to(manage::task))
            .route("/manage/tasks/{id}/edit", get_or_head().to(task_edit::form))
            .route("/manage/tasks/{id}/edit", web::post().to(task_edit::save))
            .route(
                "/manage/tasks/{id}/participants",
                get_or_head().to(participants::list),
            )
            .route(
                "/manage/signups/{id}/record-check",
                web::post().to(signup_actions::record_check),
            )
            .route(
                "/signups/{id}/feedback",
                web::post().to(signup_actions::give_feedback),
            )
            .route(
                "/manage/tasks/{id}/{action}",
                web::post().to(manage::move_task),
            )
            .route(
                "/manage/signups/{id}/{action}",
                web::post().to(manage::decide),
            )
            .route("/counsellor/referrals", get_or_head().to(referrals::sent))
            .route("/counsellor/referrals", web::post().to(referrals::refer))
            .route("/r/claim", web::post().to(referrals::claim))
            .route("/r/{code}", get_or_head().to(referrals::claim_page))
            .route("/me/referrals", get_or_head().to(referrals::received))
            .route("/me/referrals/{id}", get_or_head().to(referrals::one))
            .route(
                "/me/referrals/{id}/{action}",
                web::post().to(referrals::answer),
            )
            .route(
                "/tasks/{id}/signups",
                get_or_head().to(landing::task_signups),
            )
            .route("/referrals", get_or_head().to(landing::referrals))
            .route("/referrals/{id}", get_or_head().to(landing::referral))
            .route("/me/saved-searches", get_or_head().to(alerts_page::list))
            .route("/me/saved-searches", web::post().to(alerts_page::save))
            .route(
                "/me/saved-searches/{id}/{action}",
                web::post().to(alerts_page::change),
            )
            .route(
                "/associations/{id}/{action:follow|unfollow}",
                web::post().to(alerts_page::follow),
            )
            .route("/invitations", get_or_head().to(landing::invitation))
            .route(
                "/invitations/accept",
                web::post().to(landing::accept_invitation),
            )
            .route(
                "/invitations/decline",
                web::post().to(landing::decline_invitation),
            )
            .route("/admin/associations", get_or_head().to(admin::associations))
            .route(
                "/admin/associations/{id}/{action}",
                web::post().to(admin::set_status),
            )
            .route("/admin/users/{id}", get_or_head().to(admin_users::show))
            .route(
                "/admin/users/{id}/{action}",
                web::post().to(admin_users::set_suspended),
            )
            .route("/admin/figures", get_or_head().to(admin::figures))
            .route("/admin/figures.csv", get_or_head().to(admin::figures_csv))
            // The administrators' other queues, and what people ask them for.
            .route("/admin/claims", get_or_head().to(admin_queues::claims))
            .route(
                "/admin/claims/{id}/{action}",
                web::post().to(admin_queues::decide_claim),
            )
            .route(
                "/admin/counsellor-requests",
                get_or_head().to(admin_queues::counsellor_requests),
            )
            .route(
                "/admin/counsellor-requests/{id}/{action}",
                web::post().to(admin_queues::decide_counsellor),
            )
            .route("/admin/reports", get_or_head().to(admin_reports::reports))
            .route(
                "/admin/reports/{id}/close",
                web::post().to(admin_reports::close),
            )
            .route(
                "/admin/reports/suspend-association/{id}",
                web::post().to(admin_reports::suspend_association),
            )
            .route(
                "/admin/tasks/{id}/{action}",
                web::post().to(admin_reports::task_visibility),
            )
            .route("/admin/emails", get_or_head().to(admin_trail::emails))
            .route(
                "/admin/emails/{id}/retry",
                web::post().to(admin_trail::retry_email),
            )
            .route("/admin/audit", get_or_head().to(admin_trail::audit))
            .route(
                "/me/counsellor",
                get_or_head().to(role_requests::counsellor),
            )
            .route(
                "/me/counsellor",
                web::post().to(role_requests::ask_counsellor),
            )
            .route(
                "/associations/{id}/claim",
                get_or_head().to(role_requests::claim_form),
            )
            .route(
                "/associations/{id}/claim",
                web::post().to(role_requests::claim),
            )
            .default_service(web::to(not_found)),
    );
}
