//! Emails about reports of abuse: the reporter hears how it ended (whether the
//! administrators acted, `{ $acted }` in `locales/*/email.ftl`, but not what they did).

use super::{Args, Template, yes_no};

/// The values of a report email, or `None` for the templates this module does not own.
pub(super) fn args(template: &Template) -> Option<Args<'_>> {
    let Template::ReportClosed {
        name,
        target,
        acted,
    } = template
    else {
        return None;
    };
    Some(vec![
        ("name", name.into()),
        ("target", target.into()),
        ("acted", yes_no(*acted)),
    ])
}
