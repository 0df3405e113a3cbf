//! The search engine's own speed, for `scripts/bench-index`: the index part of
//! `GET /tasks` (`search::tasks::find`: words, prefixes, typos, the page, the total and
//! facets) run in-process, without HTTP or the database, with as many searches in flight as
//! the HTTP benchmark and the same bounded pool of search slots as the server.
//!
//! Usage: `search-bench --search-dir DIR --database-url URL --concurrency 8 --seconds 10
//! QUERY...` where each QUERY is a `GET /tasks` query string. The database is read once, to
//! open the index (stop the server first: the index takes one writer). Prints one JSON line
//! per query: requests/s, p50 and p99 in milliseconds, and the total the query found.
//! `--no-count-cache` counts every query afresh, as with `SEARCH_COUNT_CACHE=false`.
//! `--recommend` also times the index part of `GET /me/recommendations` for one full
//! profile (printed as the query `recommendations`).
//!
//! With `--recall` it measures instead how well Finnish analysis finds inflected forms on
//! the scale seed's listed tasks: for each lemma of the seed's vocabulary, how many tasks
//! contain one of its forms, how many a search for the base form finds, and how many plain
//! Snowball stemming would find (the tasks holding a form whose Snowball stem is the base
//! form's).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use talkoot::db::{self, DatabaseUrl};
use talkoot::matching::ranking::Wanted;
use talkoot::matching::recommend;
use talkoot::matching::volunteer::Volunteer;
use talkoot::search::SearchIndex;
use talkoot::search::tasks::find;
use talkoot::tasks::search::TaskQuery;

/// The server's search slots, one per core, taken first come first served like the
/// server's semaphore (a plain condition variable would let some threads starve).
struct Slots {
    /// (next ticket to hand out, next ticket to serve, free slots)
    state: Mutex<(u64, u64, usize)>,
    changed: Condvar,
}

impl Slots {
    fn take(&self) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let ticket = state.0;
        state.0 += 1;
        while !(state.1 == ticket && state.2 > 0) {
            state = self.changed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
        state.1 += 1;
        state.2 -= 1;
        self.changed.notify_all();
    }

    fn give(&self) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).2 += 1;
        self.changed.notify_all();
    }
}

struct Args {
    search_dir: String,
    database_url: String,
    concurrency: usize,
    seconds: u64,
    recall: bool,
    recommend: bool,
    count_cache: bool,
    queries: Vec<String>,
}

fn args() -> Result<Args, String> {
    let mut args = Args {
        search_dir: "data/search".into(),
        database_url: "sqlite://data/talkoot.db".into(),
        concurrency: 8,
        seconds: 10,
        recall: false,
        recommend: false,
        count_cache: true,
        queries: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--search-dir" => args.search_dir = value()?,
            "--database-url" => args.database_url = value()?,
            "--concurrency" => {
                args.concurrency = value()?.parse().map_err(|e| format!("{e}"))?;
            }
            "--seconds" => args.seconds = value()?.parse().map_err(|e| format!("{e}"))?,
            "--recall" => args.recall = true,
            "--no-count-cache" => args.count_cache = false,
            "--recommend" => args.recommend = true,
            _ => args.queries.push(arg),
        }
    }
    Ok(args)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn main() -> Result<(), String> {
    let args = args()?;
    let url = DatabaseUrl::parse(&args.database_url)?;
    let pool = db::build_pool(&url, 1).map_err(|e| e.to_string())?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let now = chrono::Utc::now().naive_utc();
    let index = Arc::new(
        SearchIndex::open(std::path::Path::new(&args.search_dir), &mut conn, now)
            .map_err(|e| e.to_string())?
            .with_count_cache(args.count_cache),
    );
    drop(conn);
    if args.recall {
        return recall(&index);
    }
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    if args.recommend {
        let now = chrono::Utc::now().naive_utc();
        let profiles = [
            ("recommendations", bench_volunteer()),
            // Nothing strong to narrow by: every joinable task is scored.
            (
                "recommendations, empty profile",
                Volunteer {
                    language: "fi".into(),
                    ..Volunteer::default()
                },
            ),
        ];
        for (label, volunteer) in profiles {
            let volunteer = Arc::new(volunteer);
            let total = recommend_once(&index, &volunteer, now)?;
            let (rps, p50, p99) = timed(&args, cores, {
                let index = index.clone();
                move || recommend_once(&index, &volunteer, now).is_ok()
            });
            print_row(label, total, rps, p50, p99);
        }
    }
    for raw in &args.queries {
        let query = TaskQuery::parse(raw).map_err(|e| format!("{raw}: {e:?}"))?;
        let total = find(&index, &query).map_err(|e| e.to_string())?.total;
        let query = Arc::new(query);
        let (rps, p50, p99) = timed(&args, cores, {
            let index = index.clone();
            move || find(&index, &query).is_ok()
        });
        print_row(raw, total, rps, p50, p99);
    }
    Ok(())
}

fn print_row(query: &str, total: usize, rps: f64, p50: f64, p99: f64) {
    println!(
        "{}",
        serde_json::json!({
            "query": query,
            "total": total,
            "requests_per_s": rps,
            "p50_ms": p50,
            "p99_ms": p99,
        })
    );
}

/// Runs `work` from `args.concurrency` threads through the server's search slots for
/// `args.seconds`: requests/s, p50 and p99 in milliseconds.
fn timed(
    args: &Args,
    cores: usize,
    work: impl Fn() -> bool + Send + Sync + 'static,
) -> (f64, f64, f64) {
    let work = Arc::new(work);
    let slots = Arc::new(Slots {
        state: Mutex::new((0, 0, cores)),
        changed: Condvar::new(),
    });
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let threads: Vec<_> = (0..args.concurrency)
        .map(|_| {
            let (work, slots, stop) = (work.clone(), slots.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    slots.take();
                    let ok = work();
                    slots.give();
                    if !ok {
                        break;
                    }
                    latencies.push(t.elapsed().as_secs_f64() * 1000.0);
                }
                latencies
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(args.seconds));
    stop.store(true, Ordering::Relaxed);
    let mut latencies: Vec<f64> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap_or_default())
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);
    (
        latencies.len() as f64 / elapsed,
        percentile(&latencies, 50.0),
        percentile(&latencies, 99.0),
    )
}

/// A volunteer with a full profile in the largest municipality (Helsinki): three
/// interests, two availability slots, asking for support, no history. The same profile
/// as `scripts/bench-index` gives its HTTP user.
fn bench_volunteer() -> Volunteer {
    Volunteer {
        birth_date: chrono::NaiveDate::from_ymd_opt(2008, 3, 1),
        municipality: Some("091".into()),
        region: Some("01".into()),
        language: "fi".into(),
        interests: vec![
            "children-youth".into(),
            "environment".into(),
            "sports".into(),
        ],
        availability: vec!["weekday_evenings".into(), "weekends".into()],
        wants_support: true,
        ..Volunteer::default()
    }
}

/// The index part of one page of recommendations (count and top 20): what
/// `matching::recommend::recommend` does before it loads the page from the database.
fn recommend_once(
    index: &SearchIndex,
    volunteer: &Volunteer,
    now: chrono::NaiveDateTime,
) -> Result<usize, String> {
    use talkoot::search::index::Kind;
    let (searcher, fields) = index.searcher(Kind::Listed);
    let wanted = Wanted::of(volunteer, index.categories(), now);
    let (_, total) = recommend::top(index, &searcher, &fields.tasks, volunteer, &wanted, 20)
        .map_err(|e| e.to_string())?;
    Ok(total)
}

/// Prints, per lemma of the seed's vocabulary, the tasks holding one of its forms, those a
/// search for the base form finds, and those plain Snowball would find; then the totals.
fn recall(index: &SearchIndex) -> Result<(), String> {
    use talkoot::search::index::Kind;
    use talkoot::seed::scale::words::COMMON;
    use tantivy::collector::Count;
    use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
    use tantivy::schema::IndexRecordOption;

    let (searcher, fields) = index.searcher(Kind::Listed);
    let f = fields.tasks;
    let snowball = frostem::Stemmer::new(frostem::Algorithm::Finnish);
    let any_of = |forms: &[&str]| -> Result<usize, String> {
        let clauses: Vec<(Occur, Box<dyn Query>)> = forms
            .iter()
            .map(|w| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    tantivy::Term::from_field_text(f.words, w),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect();
        searcher
            .search(&BooleanQuery::new(clauses), &Count)
            .map_err(|e| e.to_string())
    };
    let (mut all_sum, mut ours_sum, mut snowball_sum) = (0, 0, 0);
    for (lemma, forms) in COMMON {
        let all = any_of(forms)?;
        let query = TaskQuery::parse(&format!("q={lemma}%20")).map_err(|e| format!("{e:?}"))?;
        let ours = find(index, &query).map_err(|e| e.to_string())?.total;
        let base = snowball.stem(lemma);
        let same: Vec<&str> = forms
            .iter()
            .copied()
            .filter(|w| snowball.stem(w) == base)
            .collect();
        let plain = any_of(&same)?;
        all_sum += all;
        ours_sum += ours;
        snowball_sum += plain;
        println!(
            "{}",
            serde_json::json!({
                "lemma": lemma, "with_a_form": all, "found": ours, "snowball_alone": plain,
            })
        );
    }
    println!(
        "{}",
        serde_json::json!({
            "lemma": "(all)", "with_a_form": all_sum, "found": ours_sum,
            "snowball_alone": snowball_sum,
        })
    );
    Ok(())
}
