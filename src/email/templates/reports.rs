//! Emails about reports of abuse: the reporter hears how it ended.

use super::Template;
use crate::i18n::Language;

/// Subject and body (without the signature) of a report email, or `None` for the templates
/// this module does not own.
pub(super) fn render(template: &Template, lang: Language) -> Option<(String, String)> {
    use Language::{En, Fi, Sv};
    let Template::ReportClosed {
        name,
        target,
        acted,
    } = template
    else {
        return None;
    };
    Some(match (lang, acted) {
        (Fi, true) => (
            "Ilmoituksesi on käsitelty".to_owned(),
            format!(
                "Hei {name},\n\nkiitos ilmoituksestasi kohteesta {target}. Ylläpito on käsitellyt sen ja ryhtynyt toimiin."
            ),
        ),
        (Fi, false) => (
            "Ilmoituksesi on käsitelty".to_owned(),
            format!(
                "Hei {name},\n\nkiitos ilmoituksestasi kohteesta {target}. Ylläpito on käsitellyt sen eikä löytänyt syytä toimiin."
            ),
        ),
        (Sv, true) => (
            "Din anmälan har behandlats".to_owned(),
            format!(
                "Hej {name},\n\ntack för din anmälan om {target}. Administratören har behandlat den och vidtagit åtgärder."
            ),
        ),
        (Sv, false) => (
            "Din anmälan har behandlats".to_owned(),
            format!(
                "Hej {name},\n\ntack för din anmälan om {target}. Administratören har behandlat den och fann inget skäl att vidta åtgärder."
            ),
        ),
        (En, true) => (
            "Your report has been handled".to_owned(),
            format!(
                "Hi {name},\n\nthank you for reporting {target}. The administrators have looked into it and taken action."
            ),
        ),
        (En, false) => (
            "Your report has been handled".to_owned(),
            format!(
                "Hi {name},\n\nthank you for reporting {target}. The administrators have looked into it and found no reason to act."
            ),
        ),
    })
}
