//! Associations made for a test: through the API, verified by an administrator, or
//! imported straight into the database; their services; their members.

use serde_json::{Value, json};

use super::{JsonExt, TestApp};

impl TestApp {
    /// Creates an association through the API and returns its card.
    pub async fn create_association(&self, token: &str, name: &str, municipality: &str) -> Value {
        let response = self
            .post_auth(
                "/api/v1/associations",
                token,
                &json!({ "name": name, "municipality_code": municipality }),
            )
            .await;
        assert_eq!(response.status(), 201);
        response.json().await.expect("card")
    }

    /// Creates an association, has an administrator verify it, and returns its id.
    pub async fn verified_association(
        &self,
        owner: &str,
        admin: &str,
        name: &str,
        municipality: &str,
    ) -> String {
        let id = self
            .create_association(owner, name, municipality)
            .await
            .id();
        let response = self
            .post_auth(
                &format!("/api/v1/admin/associations/{id}/verify"),
                admin,
                &json!({}),
            )
            .await;
        assert_eq!(response.status(), 200);
        response.json::<Value>().await.expect("card").id()
    }

    /// Inserts a verified, ownerless (imported) association straight into the database;
    /// returns its id.
    pub async fn imported_association(
        &self,
        name: &str,
        municipality: &str,
        extra: Value,
    ) -> String {
        let mut body = extra;
        body["name"] = json!(name);
        body["municipality_code"] = json!(municipality);
        let input: talkoot::associations::card::CardInput =
            serde_json::from_value(body).expect("card input");
        self.db(move |conn| {
            talkoot::db::write_tx(conn, |conn| {
                let changes = talkoot::associations::card::check(conn, input, None)?;
                talkoot::associations::card::insert(conn, changes, "verified", true)
            })
            .expect("insert association")
        })
        .await
    }
}

impl TestApp {
    /// Adds a service through the API as a member of the association (`token`); returns
    /// the service's id.
    pub async fn add_service(&self, token: &str, association: &str, body: Value) -> String {
        let response = self
            .post_auth(
                &format!("/api/v1/associations/{association}/services"),
                token,
                &body,
            )
            .await;
        assert_eq!(response.status(), 201, "adding the service {body}");
        response.json::<Value>().await.expect("service").id()
    }
}

impl TestApp {
    /// Makes the owner of a verified account a member the only way there is: the owner
    /// (`owner`'s token) invites `email` as `role`, and its holder (`invitee`'s token) accepts
    /// with the token of the emailed link. Returns the accepted membership.
    pub async fn add_member(
        &self,
        association: &str,
        owner: &str,
        email: &str,
        role: &str,
        invitee: &str,
    ) -> Value {
        let token = self.invite(association, owner, email, role).await;
        let accepted = self
            .post_auth(
                "/api/v1/invitations/accept",
                invitee,
                &json!({ "token": token }),
            )
            .await;
        assert_eq!(
            accepted.status(),
            200,
            "accepting the invitation to {email}"
        );
        accepted.json().await.expect("membership")
    }

    /// The owner invites `email` as `role`; returns the token of the link in the invitation
    /// email that this sends.
    pub async fn invite(&self, association: &str, owner: &str, email: &str, role: &str) -> String {
        let before = self.invitations_to(email).len();
        let response = self
            .post_auth(
                &format!("/api/v1/associations/{association}/members"),
                owner,
                &json!({ "email": email, "role": role }),
            )
            .await;
        assert_eq!(response.status(), 202, "inviting {email}");
        self.invitation_emails(email, before + 1)
            .await
            .pop()
            .expect("an invitation")
            .token()
    }

    /// The invitation emails delivered to `email` so far, oldest first.
    pub fn invitations_to(&self, email: &str) -> Vec<super::Email> {
        self.emails()
            .into_iter()
            .filter(|m| m.to == email && m.body.contains("/invitations?token="))
            .collect()
    }

    /// Waits (up to 15 s) until `count` invitation emails have reached `email`.
    pub async fn invitation_emails(&self, email: &str, count: usize) -> Vec<super::Email> {
        for _ in 0..150 {
            let mails = self.invitations_to(email);
            if mails.len() >= count {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!(
            "expected {count} invitation(s) to {email}, got {:?}",
            self.emails()
        );
    }
}
