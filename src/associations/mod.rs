//! Associations (yhdistys) and their public cards: creation and verification, card
//! editing, members and invitations (membership only by consent), services, search (of
//! associations and of their services), bulk import and claims.

pub mod access;
pub mod card;
pub mod claims;
pub mod hooks;
pub mod identifiers;
pub mod import;
pub mod invitation_answers;
pub mod invitation_routes;
pub mod invitations;
pub mod members;
pub mod model;
pub mod moderation;
pub mod routes;
pub mod search;
pub mod service_search;
pub mod services;
