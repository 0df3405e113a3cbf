//! Who hears about each step of a sign-up, in their own language. Every function here only
//! queues rows in the outbox, inside the caller's transaction: the state change and its
//! email commit together or not at all.

use diesel::prelude::*;

use crate::associations::model::{Association, owner_contacts};
use crate::db::schema::users;
use crate::db::{DbConnection, json};
use crate::email::throttle::{self, Bound, Cause};
use crate::email::{Notifier, Template, outbox};
use crate::error::AppError;
use crate::i18n::Language;
use crate::signups::model::Signup;
use crate::signups::status::SignupStatus;
use crate::tasks::model::Task;

/// One addressee: the account (if any), the address, the greeting name and the language.
struct Recipient {
    user_id: Option<String>,
    email: String,
    name: String,
    language: Language,
}

fn volunteer(conn: &mut DbConnection, user_id: &str) -> Result<Recipient, AppError> {
    let (email, name, language): (String, String, String) = users::table
        .find(user_id)
        .select((users::email, users::display_name, users::language))
        .first(conn)?;
    Ok(Recipient {
        user_id: Some(user_id.to_owned()),
        email,
        name,
        language: Language::from_code(&language),
    })
}

/// The association's owners and its public contact address, each once.
fn association_side(
    conn: &mut DbConnection,
    association: &Association,
) -> Result<Vec<Recipient>, AppError> {
    let mut list: Vec<Recipient> = owner_contacts(conn, &association.id)?
        .into_iter()
        .map(|(id, email, name, language)| Recipient {
            user_id: Some(id),
            email,
            name,
            language: Language::from_code(&language),
        })
        .collect();
    if let Some(contact) = association.email.as_deref()
        && !list.iter().any(|r| r.email.eq_ignore_ascii_case(contact))
    {
        list.push(Recipient {
            user_id: None,
            email: contact.to_owned(),
            name: association.name.clone(),
            language: association_language(association)?,
        });
    }
    Ok(list)
}

/// The first of the association's languages that Talkoot writes in, else Finnish.
fn association_language(association: &Association) -> Result<Language, AppError> {
    let languages: Vec<String> = json::read("associations.languages", &association.languages)?;
    Ok(languages
        .iter()
        .find_map(|code| match code.as_str() {
            "fi" | "sv" | "en" => Some(Language::from_code(code)),
            _ => None,
        })
        .unwrap_or_default())
}

/// Queues one email: caused by a person (bounded, and coalesced by topic; see
/// [`crate::email::throttle`]) or, with no cause, by the service itself.
fn send(
    conn: &mut DbConnection,
    notifier: &Notifier,
    cause: Option<&Cause<'_>>,
    to: &Recipient,
    template: &Template,
) -> Result<(), AppError> {
    let email = template.render(to.language);
    match cause {
        Some(cause) => throttle::enqueue_caused(
            conn,
            notifier.limits(),
            cause,
            to.user_id.as_deref(),
            &to.email,
            &email,
        ),
        None => outbox::enqueue(conn, to.user_id.as_deref(), &to.email, &email).map(drop),
    }
}

/// The volunteer's own action on a sign-up: what the association hears of it is one topic,
/// so a sign-up withdrawn while its notice still waits becomes one email. Signing up is
/// bounded per person; withdrawing never is.
fn volunteer_acts<'a>(
    signup: &'a Signup,
    task: &Task,
    bound: Bound,
) -> Result<Cause<'a>, AppError> {
    let actor = signup.volunteer()?;
    Ok(Cause {
        actor,
        topic: Some(format!("signup:{}:{actor}", task.id)),
        bound,
    })
}

/// A member's decision, if a member made it (not the task's rules): it answers the
/// volunteer who asked, so it is recorded but never refused.
fn member_acts(member: Option<&str>) -> Option<Cause<'_>> {
    member.map(|actor| Cause {
        actor,
        topic: None,
        bound: Bound::Unbounded,
    })
}

/// A new sign-up: the association is told (pending, accepted or waitlisted), and so is the
/// volunteer, who hears what happens next.
pub fn received(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup: &Signup,
    task: &Task,
    association: &Association,
) -> Result<(), AppError> {
    let who = volunteer(conn, signup.volunteer()?)?;
    let cause = volunteer_acts(signup, task, Bound::PerPerson)?;
    tell_association(
        conn,
        notifier,
        Some(&cause),
        signup,
        task,
        association,
        &who.name,
    )?;
    let link = notifier.link(&format!("/tasks/{}", task.id));
    let template = match signup.status {
        SignupStatus::Accepted => accepted_template(&who, task, association, link),
        SignupStatus::Waitlisted => Template::SignupWaitlisted {
            name: who.name.clone(),
            task: task.title.clone(),
            association: association.name.clone(),
            link,
        },
        _ => Template::SignupPending {
            name: who.name.clone(),
            task: task.title.clone(),
            association: association.name.clone(),
            link,
        },
    };
    send(conn, notifier, Some(&cause), &who, &template)
}

/// The association hears of a sign-up in `signup.status` (new, or moved up to pending).
fn tell_association(
    conn: &mut DbConnection,
    notifier: &Notifier,
    cause: Option<&Cause<'_>>,
    signup: &Signup,
    task: &Task,
    association: &Association,
    volunteer_name: &str,
) -> Result<(), AppError> {
    let link = notifier.link(&format!("/tasks/{}/signups", task.id));
    for to in association_side(conn, association)? {
        let template = Template::SignupReceived {
            association: association.name.clone(),
            task: task.title.clone(),
            volunteer: volunteer_name.to_owned(),
            status: signup.status.as_str().to_owned(),
            link: link.clone(),
        };
        send(conn, notifier, cause, &to, &template)?;
    }
    Ok(())
}

fn accepted_template(
    who: &Recipient,
    task: &Task,
    association: &Association,
    link: String,
) -> Template {
    Template::SignupAccepted {
        name: who.name.clone(),
        task: task.title.clone(),
        association: association.name.clone(),
        starts: task
            .starts_at
            .filter(|_| task.schedule_type != "ongoing")
            .map(|s| format!("{} UTC", s.format("%Y-%m-%d %H:%M"))),
        contact: task
            .contact_person
            .clone()
            .or_else(|| association.contact_person.clone()),
        link,
    }
}

/// A member accepted or declined: the volunteer hears the answer.
pub fn decided(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup: &Signup,
    task: &Task,
    association: &Association,
) -> Result<(), AppError> {
    let who = volunteer(conn, signup.volunteer()?)?;
    let template = if signup.status == SignupStatus::Accepted {
        accepted_template(
            &who,
            task,
            association,
            notifier.link(&format!("/tasks/{}", task.id)),
        )
    } else {
        Template::SignupDeclined {
            name: who.name.clone(),
            task: task.title.clone(),
            association: association.name.clone(),
            link: notifier.link("/tasks"),
        }
    };
    let cause = member_acts(signup.decided_by.as_deref());
    send(conn, notifier, cause.as_ref(), &who, &template)
}

/// A waitlisted volunteer moved up (to accepted or to pending); when a member must now
/// decide, the association is asked to, as for a new sign-up.
pub fn moved_up(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup: &Signup,
    task: &Task,
) -> Result<(), AppError> {
    let who = volunteer(conn, signup.volunteer()?)?;
    let association =
        crate::associations::model::find(conn, &task.association_id)?.ok_or(AppError::NotFound)?;
    let template = Template::SignupMovedUp {
        name: who.name.clone(),
        task: task.title.clone(),
        association: association.name.clone(),
        accepted: signup.status == SignupStatus::Accepted,
        link: notifier.link(&format!("/tasks/{}", task.id)),
    };
    send(conn, notifier, None, &who, &template)?;
    if signup.status == SignupStatus::Accepted {
        Ok(())
    } else {
        // Moved up to pending: a member has a decision to make.
        tell_association(conn, notifier, None, signup, task, &association, &who.name)
    }
}

/// The volunteer withdrew: the association is told.
pub fn withdrawn(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup: &Signup,
    task: &Task,
    association: &Association,
) -> Result<(), AppError> {
    let name = volunteer(conn, signup.volunteer()?)?.name;
    let link = notifier.link(&format!("/tasks/{}/signups", task.id));
    let cause = volunteer_acts(signup, task, Bound::Unbounded)?;
    for to in association_side(conn, association)? {
        let template = Template::SignupWithdrawn {
            association: association.name.clone(),
            task: task.title.clone(),
            volunteer: name.clone(),
            link: link.clone(),
        };
        send(conn, notifier, Some(&cause), &to, &template)?;
    }
    Ok(())
}

/// The task was cancelled, and with it this sign-up.
pub fn task_cancelled(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup: &Signup,
    task: &Task,
    association: &Association,
) -> Result<(), AppError> {
    let who = volunteer(conn, signup.volunteer()?)?;
    let template = Template::SignupTaskCancelled {
        name: who.name.clone(),
        task: task.title.clone(),
        association: association.name.clone(),
        link: notifier.link("/tasks"),
    };
    send(conn, notifier, None, &who, &template)
}

/// The task was completed with hours: the volunteer's record grew.
pub fn completed(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup: &Signup,
    task: &Task,
    association: &Association,
) -> Result<(), AppError> {
    let who = volunteer(conn, signup.volunteer()?)?;
    let template = Template::SignupCompleted {
        name: who.name.clone(),
        task: task.title.clone(),
        association: association.name.clone(),
        hours: format_hours(signup.hours.unwrap_or_default()),
        link: notifier.link("/me/record"),
    };
    let cause = member_acts(signup.completed_by.as_deref());
    send(conn, notifier, cause.as_ref(), &who, &template)
}

/// The day-before reminder to one accepted volunteer of a fixed-time task.
pub fn reminder(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup: &Signup,
    task: &Task,
    association: &Association,
    starts: chrono::NaiveDateTime,
    place: Option<String>,
) -> Result<(), AppError> {
    let who = volunteer(conn, signup.volunteer()?)?;
    let template = Template::TaskReminder {
        name: who.name.clone(),
        task: task.title.clone(),
        association: association.name.clone(),
        starts,
        place,
        contact: task
            .contact_person
            .clone()
            .or_else(|| association.contact_person.clone()),
        link: notifier.link(&format!("/tasks/{}", task.id)),
    };
    send(conn, notifier, None, &who, &template)
}

/// The association's list of who is coming, the day before a fixed-time task.
pub fn roster(
    conn: &mut DbConnection,
    notifier: &Notifier,
    task: &Task,
    association: &Association,
    starts: chrono::NaiveDateTime,
    volunteers: Vec<String>,
) -> Result<(), AppError> {
    let template = Template::RosterSummary {
        association: association.name.clone(),
        task: task.title.clone(),
        starts,
        volunteers,
        link: notifier.link(&format!("/tasks/{}/signups", task.id)),
    };
    for to in association_side(conn, association)? {
        send(conn, notifier, None, &to, &template)?;
    }
    Ok(())
}

/// Hours as people write them: "3", "2.5", "1.25".
pub fn format_hours(hours: f64) -> String {
    let text = format!("{hours:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::format_hours;

    #[test]
    fn hours_are_written_without_trailing_zeros() {
        assert_eq!(format_hours(3.0), "3");
        assert_eq!(format_hours(2.5), "2.5");
        assert_eq!(format_hours(1.25), "1.25");
        assert_eq!(format_hours(10.0), "10");
    }
}
