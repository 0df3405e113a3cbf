//! Tasks made for a test: a valid body to vary, posted as a draft or published.

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use super::{JsonExt, TestApp};

/// A valid task body starting `days` from now.
pub fn task_body(title: &str, days: i64) -> Value {
    let start = Utc::now() + Duration::days(days);
    json!({
        "title": title,
        "description": "Tule mukaan auttamaan! Tehtävä sopii myös ensikertalaiselle.",
        "categories": ["environment"],
        "municipality_code": "405",
        "schedule_type": "fixed",
        "starts_at": start.to_rfc3339(),
        "ends_at": (start + Duration::hours(3)).to_rfc3339(),
        "spots": 5,
        "approval_mode": "automatic"
    })
}

impl TestApp {
    /// Posts a task to an association, which must accept it; returns the draft's id.
    pub async fn draft_task(&self, token: &str, association: &str, body: Value) -> String {
        let created = self
            .post_auth(
                &format!("/api/v1/associations/{association}/tasks"),
                token,
                &body,
            )
            .await;
        assert_eq!(created.status(), 201, "{}", created.text().await.unwrap());
        created.json::<Value>().await.unwrap().id()
    }

    /// Posts a task and publishes it; returns its id.
    pub async fn published_task(&self, token: &str, association: &str, body: Value) -> String {
        let id = self.draft_task(token, association, body).await;
        let published = self
            .post_auth(&format!("/api/v1/tasks/{id}/publish"), token, &json!({}))
            .await;
        assert_eq!(published.status(), 200);
        published.json::<Value>().await.unwrap().id()
    }
}
