//! Emails about associations: verification, suspension, membership, invitations, claims.
//! Their texts are in `locales/*/email.ftl`; `{ $role }` is the member's role as stored
//! ("owner", or an editor's), chosen between in the texts.

use super::{Args, Template};

/// The values of an association email, or `None` for the templates this module does not
/// own.
pub(super) fn args(template: &Template) -> Option<Args<'_>> {
    Some(match template {
        Template::AssociationVerified {
            name,
            association,
            link,
        }
        | Template::ClaimApproved {
            name,
            association,
            link,
        } => vec![
            ("name", name.into()),
            ("association", association.into()),
            ("link", link.into()),
        ],
        Template::AssociationSuspended { name, association }
        | Template::ClaimRejected { name, association } => {
            vec![("name", name.into()), ("association", association.into())]
        }
        Template::MemberInvited {
            association,
            inviter,
            role,
            link,
            register_link,
        } => vec![
            ("association", association.into()),
            ("inviter", inviter.into()),
            ("role", role.into()),
            ("link", link.into()),
            ("register-link", register_link.into()),
        ],
        Template::InvitationAccepted {
            name,
            association,
            member,
            role,
            link,
        } => vec![
            ("name", name.into()),
            ("association", association.into()),
            ("member", member.into()),
            ("role", role.into()),
            ("link", link.into()),
        ],
        _ => return None,
    })
}
