//! Service counsellors made the only way there is: the user asks, an administrator
//! approves; and the application's clock, moved forward to let referrals expire.

use serde_json::{Value, json};

use super::{JsonExt, TestApp};

impl TestApp {
    /// `POST /me/counsellor-request` for `token`, which must be accepted; returns the
    /// request.
    pub async fn request_counsellor_role(&self, token: &str, organisation: &str) -> Value {
        let response = self
            .post_auth(
                "/api/v1/me/counsellor-request",
                token,
                &json!({
                    "organisation": organisation,
                    "title": "Nuoriso-ohjaaja",
                    "municipality_code": "405",
                }),
            )
            .await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        response.json().await.unwrap()
    }

    /// A new verified account that asked for the counsellor role and was approved by the
    /// administrator `admin`; returns its access token.
    pub async fn counsellor(&self, admin: &str, email: &str, organisation: &str) -> String {
        let (token, _) = self.signed_in(email).await;
        let request = self.request_counsellor_role(&token, organisation).await;
        let approved = self
            .post_auth(
                &format!("/api/v1/admin/counsellor-requests/{}/approve", request.id()),
                admin,
                &json!({}),
            )
            .await;
        assert_eq!(approved.status(), 200, "{}", approved.text().await.unwrap());
        token
    }

    /// Moves the application's clock forward (the scheduler sees the new time at its next
    /// poll).
    pub fn advance_clock(&self, by: chrono::Duration) {
        self.config.clock.advance(by);
    }
}
