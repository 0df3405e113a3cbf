//! Associations made for a test: through the API, verified by an administrator, or
//! imported straight into the database.

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
