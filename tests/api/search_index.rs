//! The search index behind `GET /tasks`: every kind of change shows up (and a withdrawn or
//! expired task disappears), Finnish inflection, prefixes and typos, the same answers on
//! both backends, catch-up after a restart, a rebuild from a deleted or broken index, two
//! instances that both stay current, and `/readyz`'s lag.

use chrono::Duration;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, spawn_app, task_body};

async fn search(app: &TestApp, query: &str) -> Value {
    let response = app.get(&format!("/api/v1/tasks?{query}")).await;
    assert_eq!(response.status(), 200, "{query}");
    response.json().await.unwrap()
}

async fn titles(app: &TestApp, query: &str) -> Vec<String> {
    search(app, query).await["items"].pluck("title")
}

/// An owner with a verified association in Lappeenranta; returns (owner, admin, association).
async fn association(app: &TestApp) -> (String, String, String) {
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let id = app
        .verified_association(&owner, &admin, "Saimaan Partiolaiset", "405")
        .await;
    (owner, admin, id)
}

async fn every_change_shows_up_in_search(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, admin, a) = association(&app).await;

    // A draft is not searchable; publishing makes it so at once.
    let id = app
        .draft_task(&owner, &a, task_body("Melontaretken huoltaja", 10))
        .await;
    assert!(titles(&app, "q=melontaretki").await.is_empty());
    let published = app
        .post_auth(&format!("/api/v1/tasks/{id}/publish"), &owner, &json!({}))
        .await;
    assert_eq!(published.status(), 200);
    assert_eq!(
        titles(&app, "q=melontaretki").await,
        ["Melontaretken huoltaja"]
    );

    // An edit replaces the old text.
    let edited = app
        .patch_auth(
            &format!("/api/v1/tasks/{id}"),
            &owner,
            &json!({ "title": "Kajakkiretken huoltaja" }),
        )
        .await;
    assert_eq!(edited.status(), 200);
    assert!(titles(&app, "q=melontaretki").await.is_empty());
    assert_eq!(
        titles(&app, "q=kajakkiretki").await,
        ["Kajakkiretken huoltaja"]
    );

    // The association's new name finds its tasks; suspending it hides them, and
    // verifying it again brings them back.
    let renamed = app
        .patch_auth(
            &format!("/api/v1/associations/{a}"),
            &owner,
            &json!({ "name": "Saimaan Melojat" }),
        )
        .await;
    assert_eq!(renamed.status(), 200, "{}", renamed.text().await.unwrap());
    assert_eq!(titles(&app, "q=melojat").await, ["Kajakkiretken huoltaja"]);
    let suspended = app
        .post_auth(
            &format!("/api/v1/admin/associations/{a}/suspend"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(suspended.status(), 200);
    assert!(titles(&app, "q=kajakkiretki").await.is_empty());
    let verified = app
        .post_auth(
            &format!("/api/v1/admin/associations/{a}/verify"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(verified.status(), 200, "{}", verified.text().await.unwrap());
    assert_eq!(
        titles(&app, "q=kajakkiretki").await,
        ["Kajakkiretken huoltaja"]
    );

    // Free spots follow the sign-ups: the only spot taken, the task has none.
    let small = {
        let mut body = task_body("Ainoa paikka kahvilassa", 5);
        body["spots"] = json!(1);
        app.published_task(&owner, &a, body).await
    };
    assert!(
        titles(&app, "has_spots=true")
            .await
            .contains(&"Ainoa paikka kahvilassa".to_owned())
    );
    let volunteer = &app.volunteers("vapaaehtoinen", 1, "2000-01-01").await[0];
    let signed = app
        .post_auth(
            &format!("/api/v1/tasks/{small}/signups"),
            &volunteer.token,
            &json!({}),
        )
        .await;
    assert_eq!(signed.status(), 201);
    let signup = signed.json::<Value>().await.unwrap().id();
    assert_eq!(
        titles(&app, "has_spots=false").await,
        ["Ainoa paikka kahvilassa"]
    );
    let withdrawn = app
        .post_auth(
            &format!("/api/v1/signups/{signup}/withdraw"),
            &volunteer.token,
            &json!({}),
        )
        .await;
    assert_eq!(
        withdrawn.status(),
        200,
        "{}",
        withdrawn.text().await.unwrap()
    );
    assert!(titles(&app, "has_spots=false").await.is_empty());

    // Closing and cancelling take tasks out.
    let closed = app
        .post_auth(&format!("/api/v1/tasks/{small}/close"), &owner, &json!({}))
        .await;
    assert_eq!(closed.status(), 200);
    let cancelled = app
        .post_auth(
            &format!("/api/v1/tasks/{id}/cancel"),
            &owner,
            &json!({ "reason": "Sää" }),
        )
        .await;
    assert_eq!(
        cancelled.status(),
        200,
        "{}",
        cancelled.text().await.unwrap()
    );
    let left = search(&app, "").await;
    assert_eq!(left["total"], 0);
    assert_eq!(search(&app, "include_past=true").await["total"], 0);
}

async fn a_task_leaves_the_listing_when_its_time_is_over(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _, a) = association(&app).await;
    let mut body = task_body("Joulutorin järjestäjä", 3);
    body["application_deadline"] = json!((chrono::Utc::now() + Duration::days(2)).to_rfc3339());
    app.published_task(&owner, &a, body).await;
    assert_eq!(titles(&app, "q=joulutori").await, ["Joulutorin järjestäjä"]);

    // Past the deadline it is no longer listed, and the total agrees with the items.
    app.advance_clock(Duration::days(2) + Duration::hours(1));
    let answer = search(&app, "q=joulutori").await;
    assert_eq!(answer["total"], 0);
    assert!(answer["items"].list().is_empty());
    let past = search(&app, "q=joulutori&include_past=true").await;
    assert_eq!(past["total"], 1);
    assert_eq!(past["items"].pluck("title"), ["Joulutorin järjestäjä"]);
}

async fn finnish_inflection_prefixes_and_typos(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _, a) = association(&app).await;
    let mut youth = task_body("Nuorten iltapäiväkerho", 5);
    youth["description"] = json!("Vapaaehtoisia tarvitaan ohjaamaan pelejä.");
    app.published_task(&owner, &a, youth).await;
    let mut elderly = task_body("Ikäihmisten ulkoiluystävä", 5);
    elderly["description"] =
        json!("Etsimme vapaaehtoista ulkoilemaan palvelutalon asukkaiden kanssa.");
    app.published_task(&owner, &a, elderly).await;

    // Inflected forms meet.
    for q in ["nuori%20", "nuoret%20", "nuorille%20"] {
        assert_eq!(
            titles(&app, &format!("q={q}")).await,
            ["Nuorten iltapäiväkerho"],
            "{q}"
        );
    }
    let mut both = titles(&app, "q=vapaaehtoinen%20").await;
    both.sort();
    assert_eq!(
        both,
        ["Ikäihmisten ulkoiluystävä", "Nuorten iltapäiväkerho"]
    );
    // Without the umlauts.
    assert_eq!(
        titles(&app, "q=ikaihmiset%20").await,
        ["Ikäihmisten ulkoiluystävä"]
    );

    // The last word is a prefix while it is being typed, not once a space follows it.
    assert_eq!(titles(&app, "q=iltap").await, ["Nuorten iltapäiväkerho"]);
    assert!(titles(&app, "q=iltap%20").await.is_empty());

    // A typo of a long word is forgiven, and the answer says so.
    let answer = search(&app, "q=palvelutaol%20").await;
    assert_eq!(
        answer["items"].pluck("title"),
        ["Ikäihmisten ulkoiluystävä"]
    );
    assert_eq!(
        answer["corrections"],
        json!([{ "word": "palvelutaol", "corrected_to": "palvelutalon" }])
    );
    // Short words are not guessed at, and an exact answer has no corrections.
    assert!(titles(&app, "q=pela%20").await.is_empty());
    assert!(search(&app, "q=pelejä").await.get("corrections").is_none());
}

/// The same writes on both backends, then the same queries: identical titles in identical
/// order, and identical totals and facets.
#[tokio::test]
async fn both_backends_give_the_same_answers() {
    let mut sqlite = spawn_app(Backend::Sqlite).await;
    let mut postgres = spawn_app(Backend::Postgres).await;
    for app in [&sqlite, &postgres] {
        let (owner, _, a) = association(app).await;
        // A search catches the index up on the association before its tasks exist: a
        // change to an association re-adds its tasks, and the documents that replaces
        // still count in BM25's document frequencies until a merge, so an association
        // change applied after some of the tasks (as timing allows on either backend)
        // would rank the two differently.
        search(app, "q=partio").await;
        let words = [
            "siivous",
            "ranta",
            "nuoret",
            "kirjasto",
            "leiri",
            "koira",
            "kahvila",
            "tapahtuma",
        ];
        for i in 0..24 {
            let title = format!(
                "{} {} {}",
                words[i % words.len()],
                words[(i * 3 + 1) % words.len()],
                i
            );
            let mut body = task_body(&title, 2 + (i as i64 % 9));
            body["description"] = json!(format!(
                "{} ja {} – tehtävä numero {i}",
                words[(i * 5 + 2) % words.len()],
                words[(i + 3) % words.len()]
            ));
            let category = ["environment", "children-youth", "animals"][i % 3];
            body["categories"] = json!([category]);
            if i % 4 == 0 {
                body["municipality_code"] = json!("285");
            }
            app.published_task(&owner, &a, body).await;
        }
    }
    // Replaced documents still count in BM25's document frequencies until a merge, and
    // which writes replace a document depends on how the feed's rows were batched (a
    // search and the background follower race for them). That timing is not the backend's,
    // so both indexes are rebuilt from their databases in one pass before comparing.
    for app in [&mut sqlite, &mut postgres] {
        app.stop_gracefully().await.unwrap();
        std::fs::remove_dir_all(&app.config.search_dir).unwrap();
    }
    let (sqlite_app, postgres_app) = (sqlite, postgres);
    let sqlite = second_start(&sqlite_app).await;
    let postgres = second_start(&postgres_app).await;
    for query in [
        "q=siivous",
        "q=nuorille",
        "q=kirjasto%20ranta",
        "q=lei",
        "q=tapahtumaan&facets=true",
        "sort=starts_at&per_page=7&page=2",
        "sort=deadline",
        "q=koira&sort=newest",
        "category=animals&facets=true",
        "municipality=285&q=ranta",
    ] {
        let a = search(&sqlite, query).await;
        let b = search(&postgres, query).await;
        assert_eq!(
            a["items"].pluck("title"),
            b["items"].pluck("title"),
            "{query}"
        );
        assert_eq!(a["total"], b["total"], "{query}");
        assert_eq!(a["facets"], b["facets"], "{query}");
    }
}

async fn the_index_catches_up_rebuilds_and_serves_two_instances(backend: Backend) {
    let mut app = spawn_app(backend).await;
    let (owner, _, a) = association(&app).await;
    app.published_task(&owner, &a, task_body("Ensimmäinen tehtävä", 4))
        .await;

    // A second instance with its own index sees what the first one writes, and the
    // first sees the second's writes.
    let second = app.another_instance().await;
    assert_eq!(titles(&second, "").await, ["Ensimmäinen tehtävä"]);
    second
        .published_task(&owner, &a, task_body("Toinen tehtävä", 4))
        .await;
    assert_eq!(titles(&app, "q=toinen").await, ["Toinen tehtävä"]);
    assert_eq!(titles(&second, "q=toinen").await, ["Toinen tehtävä"]);

    // The background follower keeps an idle instance current: /readyz's lag drops to 0
    // without any search.
    second
        .published_task(&owner, &a, task_body("Kolmas tehtävä", 4))
        .await;
    let mut lag = Value::Null;
    for _ in 0..50 {
        let ready = app.get_ok("/readyz").await;
        lag = ready["search_lag"].clone();
        if lag == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(lag, 0);

    // Changes made while the first instance is down are applied when it starts again;
    // an index of an older schema version is removed then.
    app.stop_gracefully().await.unwrap();
    let old_version = app.config.search_dir.join("index-v1").join("g-old");
    std::fs::create_dir_all(&old_version).unwrap();
    std::fs::write(old_version.join("meta.json"), b"{}").unwrap();
    second
        .published_task(&owner, &a, task_body("Neljäs tehtävä", 4))
        .await;
    let restarted = second_start(&app).await;
    assert_eq!(titles(&restarted, "q=neljäs").await, ["Neljäs tehtävä"]);
    let all = search(&restarted, "").await;
    assert_eq!(all["total"], 4);
    assert!(!app.config.search_dir.join("index-v1").exists());

    // A deleted index is rebuilt from the database at start-up; so is a broken one.
    drop(restarted);
    std::fs::remove_dir_all(&app.config.search_dir).unwrap();
    let rebuilt = second_start(&app).await;
    assert_eq!(search(&rebuilt, "").await["total"], 4);
    drop(rebuilt);
    for entry in walk(&app.config.search_dir) {
        if entry.file_name().is_some_and(|n| n == "meta.json") {
            std::fs::write(&entry, b"{ not json").unwrap();
        }
    }
    let repaired = second_start(&app).await;
    assert_eq!(search(&repaired, "").await["total"], 4);
    assert_eq!(titles(&repaired, "q=kolmas").await, ["Kolmas tehtävä"]);
}

/// `talkoot reindex` on the folder of a running server: the server keeps answering, then
/// switches to the new index, which it keeps current from there on.
async fn reindex_rebuilds_beside_a_running_server(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _, a) = association(&app).await;
    app.published_task(&owner, &a, task_body("Majakkaretken opas", 4))
        .await;
    let generation = |app: &TestApp| {
        let root = app
            .config
            .search_dir
            .join(format!("index-v{}", talkoot::search::schema::VERSION));
        std::fs::read_to_string(root.join("CURRENT")).unwrap()
    };
    let before = generation(&app);
    let output = tokio::task::spawn_blocking({
        let url = app.database_url.clone();
        let dir = app.config.search_dir.clone();
        move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_talkoot"))
                .arg("reindex")
                .env("DATABASE_URL", url)
                .env("SEARCH_DIR", dir)
                .env("JWT_SECRET", "x".repeat(40))
                .env("RUST_LOG", "warn")
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("search index rebuilt"));
    assert_ne!(generation(&app), before);
    // The server keeps answering meanwhile, and a change made now is kept: by the old
    // generation until the follower switches, by the new one from then on (within the
    // follower's interval of the switch).
    assert_eq!(titles(&app, "q=majakkaretki").await, ["Majakkaretken opas"]);
    app.published_task(&owner, &a, task_body("Kalastuskilpailun tuomari", 4))
        .await;
    let mut found = Vec::new();
    for _ in 0..50 {
        found = titles(&app, "q=kalastuskilpailu").await;
        if !found.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(found, ["Kalastuskilpailun tuomari"]);
    // The background follower switches to the new generation and removes the old one.
    let root = app
        .config
        .search_dir
        .join(format!("index-v{}", talkoot::search::schema::VERSION));
    let mut generations = 0;
    for _ in 0..100 {
        generations = std::fs::read_dir(&root)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("g-"))
            .count();
        if generations == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(generations, 1, "the old generation is removed");
    // The new generation holds both tasks: the one built in and the one followed since.
    assert_eq!(search(&app, "").await["total"], 2);
    assert_eq!(
        titles(&app, "q=kalastuskilpailu").await,
        ["Kalastuskilpailun tuomari"]
    );
}

/// Starts the app's configuration again (same database, same search folder).
async fn second_start(app: &TestApp) -> TestApp {
    let mut config = app.config.clone();
    config.bind_addr = "127.0.0.1:0".into();
    TestApp::start_with(app, config).await
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// The ids of every page of `query`, by page numbers and by following `next_after`.
async fn pages_both_ways(app: &TestApp, query: &str) -> (Vec<String>, Vec<String>) {
    let mut numbered = Vec::new();
    for page in 1..=20 {
        let body = search(app, &format!("{query}&per_page=5&page={page}")).await;
        let ids = body["items"].pluck("id");
        if ids.is_empty() {
            break;
        }
        numbered.extend(ids);
    }
    let mut followed = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..20 {
        let cursor = after
            .as_deref()
            .map(|a| format!("&after={}", urlencoding(a)))
            .unwrap_or_default();
        let body = search(app, &format!("{query}&per_page=5{cursor}")).await;
        followed.extend(body["items"].pluck("id"));
        match body.get("next_after").and_then(Value::as_str) {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
    }
    (numbered, followed)
}

fn urlencoding(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn a_cursor_pages_like_the_page_numbers(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _, a) = association(&app).await;
    for i in 0..23_i64 {
        // Starts and deadlines repeat (ties), scores vary and repeat.
        let mut body = task_body(&format!("Siivoustalkoot {}", i % 3), 2 + i % 4);
        let start = chrono::Utc::now() + Duration::days(2 + i % 4);
        body["application_deadline"] = json!((start - Duration::days(1)).to_rfc3339());
        body["description"] = json!(format!(
            "Tule mukaan talkoisiin: {}",
            "siivous ".repeat(1 + (i % 5) as usize)
        ));
        app.published_task(&owner, &a, body).await;
    }
    for query in [
        "q=siivous",
        "q=siivous&sort=deadline",
        "sort=newest",
        "sort=starts_at",
        "sort=deadline&include_past=true",
    ] {
        let (numbered, followed) = pages_both_ways(&app, query).await;
        assert_eq!(numbered.len(), 23, "{query}");
        assert_eq!(numbered, followed, "{query}");
    }
    // The last page has no cursor; a full last page neither.
    let last = search(&app, "q=siivous&per_page=23").await;
    assert!(last.get("next_after").is_none(), "{last}");
    let first = search(&app, "q=siivous&per_page=22").await;
    assert!(first["next_after"].is_string(), "{first}");

    // A task published after the cursor was taken does not shift the next page.
    let page_one = search(&app, "sort=newest&per_page=5").await;
    let page_two = search(&app, "sort=newest&per_page=5&page=2").await["items"].pluck("id");
    let cursor = urlencoding(page_one.str_at("next_after"));
    app.published_task(&owner, &a, task_body("Uusin siivous", 3))
        .await;
    let next = search(&app, &format!("sort=newest&per_page=5&after={cursor}")).await;
    assert_eq!(next["items"].pluck("id"), page_two);
    assert_eq!(next["total"], 24);

    // A page number beside a cursor is ignored: the answer is the page after the cursor.
    let with_page = search(
        &app,
        &format!("sort=newest&per_page=5&page=3&after={cursor}"),
    )
    .await;
    assert_eq!(with_page["items"].pluck("id"), page_two);
    assert_eq!(with_page["page"], 1);

    // A malformed cursor: 422 naming `after`.
    for bad in [
        "after=garbage",
        "after=00000000~1~abc",
        "after=00000000~1~0000000000000000~1",
    ] {
        let response = app.get(&format!("/api/v1/tasks?{bad}")).await;
        assert_eq!(response.status(), 422, "{bad}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["errors"][0]["field"], "after", "{bad}: {body}");
    }
}

both_backends!(
    a_cursor_pages_like_the_page_numbers,
    every_change_shows_up_in_search,
    a_task_leaves_the_listing_when_its_time_is_over,
    finnish_inflection_prefixes_and_typos,
    the_index_catches_up_rebuilds_and_serves_two_instances,
    reindex_rebuilds_beside_a_running_server
);
