//! Referrals (lähete, ohjaus): a service counsellor offers a client a volunteer task, or an
//! association and one of its services; the client accepts or declines, and decides whether
//! the counsellor may follow how it goes.
//!
//! Above signups in the feature order: accepting a task referral signs the client up
//! through [`crate::signups::join::sign_up`], the same code path and rules as any sign-up.
//!
//! Who sees what:
//! * the counsellor who made a referral sees its own status and history always, and the
//!   client's progress (the sign-up's state, hours, the association's reply) only while the
//!   client shares it; never the client's profile, birth date or other sign-ups;
//! * the client sees the offer, the counsellor's name, organisation and note;
//! * the association sees only that a sign-up came `via_referral`;
//! * nobody else sees anything (`404`), administrators included.

pub mod answers;
pub mod create;
pub mod expiry;
pub mod model;
pub mod notify;
pub mod routes;
pub mod summary;
pub mod views;
