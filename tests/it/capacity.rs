//! Tests: the worksheet (model-2.md §1, §3): the new fields on load and save,
//! each formula by hand, the worked checks of §3.3 to the digits shown, the
//! two rules from both sides, and average × peak factor = peak on random chains.

use super::common::{design, eval};
use envelope::core::eval::{analyse, EvalOptions};
use envelope::core::format;
use envelope::core::model::{Block, Kind, Link, Op};
use envelope::core::render::units::{bytes, bytes_per_s, grouped};
use envelope::core::report::{BlockReport, Report};
use proptest::prelude::*;

fn entry(id: &str, users: f64, per_day: f64, peak: f64) -> Block {
    let mut b = Block::new(id, Kind::Client, 0.0, 0.0);
    b.users = Some(users);
    b.requests_per_user_day = per_day;
    b.peak_factor = peak;
    b
}

fn store(id: &str, record: f64, days: Option<f64>, replicas: u32) -> Block {
    let mut b = Block::new(id, Kind::RelationalDb, 0.0, 0.0);
    b.record_bytes = Some(record);
    b.retention_days = days;
    b.replicas = replicas;
    b.min_healthy = 1;
    b
}

fn link(id: &str, from: &str, to: &str, op: Op) -> Link {
    let mut l = Link::new(id, from, to);
    l.op = op;
    l
}

fn block<'r>(r: &'r Report, id: &str) -> &'r BlockReport {
    r.blocks.iter().find(|b| b.id == id).expect("block")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn has(r: &Report, rule: &str) -> bool {
    r.findings.iter().any(|f| f.rule == rule)
}

#[test]
fn seed_003_posts_and_timeline_reads() {
    // 003 §5.3: 500 M users post 0.2 a day and read 100 a day, peak ×5;
    // posts are 1,000-byte records kept 5 years (1,825 days) on 3 replicas.
    let d = design(
        vec![
            entry("posters", 500e6, 0.2, 5.0),
            entry("readers", 500e6, 100.0, 5.0),
            store("posts", 1000.0, Some(1825.0), 3),
        ],
        vec![
            link("w", "posters", "posts", Op::Write),
            link("r", "readers", "posts", Op::Read),
        ],
    );
    let r = eval(&d);
    let (w, rd) = (&r.entries[0], &r.entries[1]);
    assert_eq!(grouped(w.rps_avg), "1,157.4");
    assert_eq!(grouped(w.rps), "5,787");
    assert!(close(w.rps, 500e6 * 0.2 / 86_400.0 * 5.0));
    assert_eq!(grouped(rd.rps_avg), "578,703.7");
    assert_eq!(grouped(rd.rps), "2,893,518.5");
    let posts = block(&r, "posts");
    assert!(close(posts.storage_bytes.unwrap(), 5.475e14));
    assert_eq!(bytes(posts.storage_bytes.unwrap()), "548 TB");
    assert!(close(posts.storage_bytes_per_year.unwrap(), 5.475e14 / 5.0));
    assert!(close(r.storage_bytes.unwrap(), 5.475e14));
    // The peak write load is the peak rate; the stored bytes follow the average.
    assert!(close(posts.write_rps.unwrap(), 5787.037037037037));
}

#[test]
fn seed_001_url_shortener() {
    // 001 Phase 2: 100 M new URLs a day, 200-byte records kept 5 years;
    // 20,000 reads/s of 200 bytes each.
    let mut readers = Block::new("readers", Kind::Client, 0.0, 0.0);
    readers.rps = 20_000.0;
    let mut r_link = link("r", "readers", "urls", Op::Read);
    r_link.payload_bytes = Some(200.0);
    let d = design(
        vec![
            entry("writers", 100e6, 1.0, 1.0),
            readers,
            store("urls", 200.0, Some(1825.0), 1),
        ],
        vec![link("w", "writers", "urls", Op::Write), r_link],
    );
    let r = eval(&d);
    assert_eq!(grouped(r.entries[0].rps_avg), "1,157.4");
    let urls = block(&r, "urls");
    assert!(close(urls.storage_bytes.unwrap(), 3.65e13));
    assert_eq!(bytes(3.65e13), "36.5 TB");
    let rl = r.links.iter().find(|l| l.id == "r").unwrap();
    assert!(close(rl.bytes_per_s.unwrap(), 4e6));
    assert_eq!(bytes_per_s(rl.bytes_per_s.unwrap()), "4 MB/s");
    assert!(close(urls.bandwidth_bytes_per_s.unwrap(), 4e6));
    // An rps entry's average is rps / peak_factor (1 here).
    assert_eq!(r.entries[1].rps_avg, 20_000.0);
}

#[test]
fn an_rps_entry_averages_rps_over_its_peak_factor() {
    let mut c = Block::new("c", Kind::Client, 0.0, 0.0);
    c.rps = 1000.0;
    c.peak_factor = 4.0;
    let r = eval(&design(vec![c], vec![]));
    assert_eq!(r.entries[0].rps, 1000.0);
    assert_eq!(r.entries[0].rps_avg, 250.0);
}

#[test]
fn users_make_an_entry_only_when_their_rate_is_positive() {
    let d = design(
        vec![entry("a", 0.0, 5.0, 1.0), entry("b", 10.0, 0.0, 1.0)],
        vec![],
    );
    assert!(eval(&d).entries.is_empty());
    let d = design(vec![entry("a", 86_400.0, 1.0, 2.0)], vec![]);
    let r = eval(&d);
    assert_eq!(r.entries.len(), 1);
    assert_eq!(r.entries[0].rps_avg, 1.0);
    assert_eq!(r.entries[0].rps, 2.0);
}

#[test]
fn storage_counts_replicas_not_shards_and_needs_retention_for_a_steady_state() {
    // 86,400 users × 1/day = 1 write/s average (peak 3); 100-byte records.
    let mut s = store("s", 100.0, None, 2);
    s.shards = 4;
    let d = design(
        vec![entry("u", 86_400.0, 1.0, 3.0), s],
        vec![link("w", "u", "s", Op::Write)],
    );
    let r = eval(&d);
    let b = block(&r, "s");
    // 1 · 100 · 86,400 · 365 · 2 replicas.
    assert!(close(
        b.storage_bytes_per_year.unwrap(),
        100.0 * 86_400.0 * 365.0 * 2.0
    ));
    assert_eq!(b.storage_bytes, None);
    assert_eq!(r.storage_bytes, None);
    // With 10 days kept: 1 · 100 · 86,400 · 10 · 2.
    let mut d2 = d.clone();
    d2.blocks[1].retention_days = Some(10.0);
    let r2 = eval(&d2);
    assert!(close(
        block(&r2, "s").storage_bytes.unwrap(),
        100.0 * 86_400.0 * 10.0 * 2.0
    ));
    assert!(close(r2.storage_bytes.unwrap(), 1.728e8));
    // A block without record_bytes stores nothing; the client neither.
    assert_eq!(block(&r2, "u").storage_bytes_per_year, None);
}

#[test]
fn storage_follows_calls_and_attempts_of_the_average_load() {
    // 2 writes per request over the link: W_avg = 2 · 1/s.
    let mut w = link("w", "u", "s", Op::Write);
    w.calls = 2.0;
    let d = design(
        vec![
            entry("u", 86_400.0, 1.0, 5.0),
            store("s", 10.0, Some(1.0), 1),
        ],
        vec![w],
    );
    let r = eval(&d);
    assert!(close(
        block(&r, "s").storage_bytes.unwrap(),
        2.0 * 10.0 * 86_400.0
    ));
}

#[test]
fn bandwidth_sums_links_in_and_out_with_payloads() {
    // c (100/s) → api → db: api's bandwidth is both links' bytes, db's only its own.
    let mut c = Block::new("c", Kind::Client, 0.0, 0.0);
    c.rps = 100.0;
    let api = Block::new("api", Kind::Service, 0.0, 0.0);
    let db = Block::new("db", Kind::RelationalDb, 0.0, 0.0);
    let mut l1 = link("l1", "c", "api", Op::Read);
    l1.payload_bytes = Some(1000.0);
    let mut l2 = link("l2", "api", "db", Op::Read);
    l2.payload_bytes = Some(50.0);
    l2.calls = 3.0;
    let mut d = design(vec![c, api, db], vec![l1, l2]);
    let r = eval(&d);
    assert!(close(
        block(&r, "api").bandwidth_bytes_per_s.unwrap(),
        1e5 + 300.0 * 50.0
    ));
    assert!(close(block(&r, "db").bandwidth_bytes_per_s.unwrap(), 1.5e4));
    // No payload on any of its links: null.
    d.links[1].payload_bytes = None;
    let r = eval(&d);
    assert_eq!(block(&r, "db").bandwidth_bytes_per_s, None);
    assert!(close(block(&r, "api").bandwidth_bytes_per_s.unwrap(), 1e5));
}

#[test]
fn cost_multiplies_instances_and_divides_by_the_month_of_requests() {
    let mut c = Block::new("c", Kind::Client, 0.0, 0.0);
    c.rps = 10.0;
    c.peak_factor = 2.0; // average 5/s
    let mut api = Block::new("api", Kind::Service, 0.0, 0.0);
    api.replicas = 3;
    api.shards = 2;
    api.cost_month = Some(100.0);
    let mut db = Block::new("db", Kind::RelationalDb, 0.0, 0.0);
    db.cost_month = Some(400.0);
    let d = design(vec![c, api, db], vec![link("l", "c", "api", Op::Read)]);
    let r = eval(&d);
    assert_eq!(block(&r, "api").cost_month, Some(600.0));
    assert_eq!(block(&r, "c").cost_month, None);
    assert_eq!(r.cost_month, Some(1000.0));
    // 1,000 / (5 · 2,592,000) · 10^6.
    assert!(close(
        r.cost_per_million_requests.unwrap(),
        1000.0 / (5.0 * 2_592_000.0) * 1e6
    ));
    // Nothing costs anything: nulls.
    let mut plain = d.clone();
    for b in &mut plain.blocks {
        b.cost_month = None;
    }
    let r = eval(&plain);
    assert_eq!((r.cost_month, r.cost_per_million_requests), (None, None));
}

#[test]
fn network_bound_fires_past_a_10_gbps_interface_per_instance() {
    // 1,000 req/s × payload to api: 1.25e9 B/s exactly does not fire, above does.
    let mk = |payload: f64, replicas: u32| {
        let mut c = Block::new("c", Kind::Client, 0.0, 0.0);
        c.rps = 1000.0;
        let mut api = Block::new("api", Kind::Service, 0.0, 0.0);
        api.replicas = replicas;
        let mut l = link("l", "c", "api", Op::Read);
        l.payload_bytes = Some(payload);
        design(vec![c, api], vec![l])
    };
    assert!(!has(&eval(&mk(1.25e6, 1)), "network-bound"));
    let r = eval(&mk(1.26e6, 1));
    let f: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "network-bound")
        .collect();
    // The client moves the same bytes but is never flagged.
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].blocks, vec!["api".to_string()]);
    assert_eq!(f[0].severity.as_str(), "warning");
    // Two instances share it.
    assert!(!has(&eval(&mk(1.26e6, 2)), "network-bound"));
}

#[test]
fn storage_per_instance_fires_past_16_tb() {
    // 1 write/s × record bytes × 86,400 × 365 per year, 1 replica.
    let year = 86_400.0 * 365.0;
    let mk = |record: f64, shards: u32, days: Option<f64>| {
        let mut s = store("s", record, days, 1);
        s.shards = shards;
        design(
            vec![entry("u", 86_400.0, 1.0, 1.0), s],
            vec![link("w", "u", "s", Op::Write)],
        )
    };
    let at = 16e12 / year;
    assert!(!has(
        &eval(&mk(at * 0.999, 1, None)),
        "storage-per-instance"
    ));
    let r = eval(&mk(at * 1.001, 1, None));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "storage-per-instance")
        .unwrap();
    assert_eq!(f.severity.as_str(), "info");
    assert!(f.message.contains("after a year"), "{}", f.message);
    // Shards split the data.
    assert!(!has(
        &eval(&mk(at * 1.001, 2, None)),
        "storage-per-instance"
    ));
    // At retention: 2 years kept doubles it.
    let r = eval(&mk(at * 0.6, 1, Some(730.0)));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "storage-per-instance")
        .unwrap();
    assert!(f.message.contains("at retention"), "{}", f.message);
}

#[test]
fn fields_load_and_save_only_when_set() {
    let text = r#"{"format":"envelope/design","version":1,
      "blocks":[{"id":"u","kind":"client","x":0,"y":0,"users":1000,"requests_per_user_day":3,"peak_factor":2},
                {"id":"s","kind":"relational_db","x":0,"y":0,"record_bytes":10,"retention_days":30,"cost_month":5}],
      "links":[{"id":"l","from":"u","to":"s","payload_bytes":100}]}"#;
    let d = format::load(text).unwrap();
    assert_eq!(d.blocks[0].users, Some(1000.0));
    assert_eq!(d.blocks[0].requests_per_user_day, 3.0);
    assert_eq!(d.blocks[0].peak_factor, 2.0);
    assert_eq!(d.blocks[1].record_bytes, Some(10.0));
    assert_eq!(d.blocks[1].retention_days, Some(30.0));
    assert_eq!(d.blocks[1].cost_month, Some(5.0));
    assert_eq!(d.links[0].payload_bytes, Some(100.0));
    let saved = format::save(&d);
    assert_eq!(format::load(&saved).unwrap(), d);
    for key in [
        "users",
        "requests_per_user_day",
        "peak_factor",
        "record_bytes",
        "retention_days",
        "cost_month",
        "payload_bytes",
    ] {
        assert!(saved.contains(&format!("\"{key}\"")), "{key} in {saved}");
    }
    assert!(!saved.contains("\"rps\""));
    // Defaults and absent fields are left out.
    let plain = format::save(&design(
        vec![Block::new("b", Kind::Service, 0.0, 0.0)],
        vec![],
    ));
    for key in [
        "users",
        "requests_per_user_day",
        "peak_factor",
        "record_bytes",
        "retention_days",
        "cost_month",
    ] {
        assert!(!plain.contains(key), "{key} in {plain}");
    }
}

fn load_errors(block: &str) -> Vec<(String, String)> {
    let text = format!(
        r#"{{"format":"envelope/design","version":1,"blocks":[{{"id":"b","kind":"client","x":0,"y":0,{block}}}],"links":[]}}"#
    );
    format::load(&text)
        .unwrap_err()
        .into_iter()
        .map(|e| (e.at, e.message))
        .collect()
}

#[test]
fn load_errors_name_the_field_and_the_range() {
    let e = load_errors(r#""users":10,"rps":5"#);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, "/blocks/0/rps");
    assert!(e[0].1.contains("\"users\""), "{}", e[0].1);
    assert_eq!(
        load_errors(r#""peak_factor":0.5"#),
        vec![(
            "/blocks/0/peak_factor".into(),
            "expected a number from 1 to 100, found 0.5".into()
        )]
    );
    assert_eq!(
        load_errors(r#""peak_factor":101"#)[0].1,
        "expected a number from 1 to 100, found 101"
    );
    assert_eq!(
        load_errors(r#""users":-1"#),
        vec![(
            "/blocks/0/users".into(),
            "expected a number ≥ 0, found -1".into()
        )]
    );
    assert_eq!(
        load_errors(r#""requests_per_user_day":-1"#)[0].0,
        "/blocks/0/requests_per_user_day"
    );
    assert_eq!(
        load_errors(r#""record_bytes":-1"#)[0].0,
        "/blocks/0/record_bytes"
    );
    assert_eq!(
        load_errors(r#""retention_days":0"#),
        vec![(
            "/blocks/0/retention_days".into(),
            "expected a number > 0, found 0".into()
        )]
    );
    assert_eq!(
        load_errors(r#""cost_month":-3"#)[0].0,
        "/blocks/0/cost_month"
    );
    // users 0 with rps is still both.
    assert_eq!(
        load_errors(r#""users":0,"rps":0"#).len(),
        1,
        "{:?}",
        load_errors(r#""users":0,"rps":0"#)
    );
    let link = r#"{"format":"envelope/design","version":1,"blocks":[{"id":"a","kind":"client","x":0,"y":0},{"id":"b","kind":"service","x":0,"y":0}],"links":[{"id":"l","from":"a","to":"b","payload_bytes":-1}]}"#;
    let e = format::load(link).unwrap_err();
    assert_eq!(e[0].at, "/links/0/payload_bytes");
}

#[test]
fn what_users_type_reads_counts_sizes_and_days() {
    use envelope::core::schema::{block, link, BlockField, FieldValue, LinkField};
    let users = block(BlockField::Users);
    assert_eq!(users.parse("500M"), Ok(FieldValue::OptNumber(Some(500e6))));
    assert_eq!(users.parse(""), Ok(FieldValue::OptNumber(None)));
    assert_eq!(
        block(BlockField::RecordBytes).parse("1.5 KB"),
        Ok(FieldValue::OptNumber(Some(1500.0)))
    );
    assert_eq!(
        block(BlockField::RetentionDays).parse("5 years"),
        Ok(FieldValue::OptNumber(Some(1825.0)))
    );
    assert!(block(BlockField::RetentionDays)
        .parse("5 parsecs")
        .unwrap_err()
        .starts_with("retention: 'parsecs' is not a unit"));
    assert_eq!(
        block(BlockField::PeakFactor).parse("200"),
        Err("peak factor must be from 1 to 100".into())
    );
    assert_eq!(
        link(LinkField::PayloadBytes).parse("2 MB"),
        Ok(FieldValue::OptNumber(Some(2e6)))
    );
    assert!(link(LinkField::PayloadBytes).parse("-1 KB").is_err());
}

#[test]
fn the_summary_and_markdown_show_the_worksheet_only_when_fed() {
    use envelope::core::render::{markdown, text};
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text_of = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();
    let d = format::load(&text_of("spec-examples/m2_sizing_pastebin.json")).unwrap();
    let r = eval(&d);
    let s = text::summary(&d, &r, None);
    assert!(
        s.contains("Capacity      storage 11.5 TB at retention, all copies; largest 'blobs' 10.9 TB, 'meta' 548 GB"),
        "{s}"
    );
    assert!(s.contains("peak bandwidth 'web' 63.7 MB/s, 'readers' 34.7 MB/s, 'blobs' 29.5 MB/s"));
    assert!(s.contains("cost 4,500/month, 2.94 per million requests"));
    let m = markdown::for_design(&d, &r);
    assert!(m.contains("### Capacity"), "{m}");
    assert!(m.contains("| `blobs` | 10.9 TB | 29.5 MB/s | 900 |"), "{m}");
    assert!(
        m.contains("| **Total** | 11.5 TB | | 4,500 (2.94 per million requests) |"),
        "{m}"
    );
    // A design without any sizing field prints no Capacity at all.
    let plain = format::load(&text_of("cli/series5.json")).unwrap();
    let pr = eval(&plain);
    assert!(!text::summary(&plain, &pr, None).contains("Capacity"));
    assert!(!markdown::for_design(&plain, &pr).contains("### Capacity"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One entry: the average load times the peak factor is the peak load,
    /// block by block, reads and writes (no timeouts: the load is linear).
    #[test]
    fn average_load_times_peak_factor_is_the_peak_load(
        users in 1.0f64..1e9,
        per_day in 0.01f64..1000.0,
        peak in 1.0f64..100.0,
        calls in 0.1f64..10.0,
        hit in 0.0f64..1.0,
        write in any::<bool>(),
    ) {
        let mut cache = Block::new("cache", Kind::Cache, 0.0, 0.0);
        cache.hit_ratio = hit;
        let mut l2 = link("l2", "cache", "db", if write { Op::Write } else { Op::Read });
        l2.calls = calls;
        let d = design(
            vec![entry("u", users, per_day, peak), cache, store("db", 100.0, Some(30.0), 3)],
            vec![link("l1", "u", "cache", Op::Read), l2],
        );
        let opts = EvalOptions::default();
        let a = analyse(&d, &opts);
        let avg = a.capacity.avg_load.as_ref().unwrap();
        let pk = a.load.as_ref().unwrap();
        for b in 0..d.blocks.len() {
            prop_assert!((avg.read[b] * peak - pk.read[b]).abs() <= 1e-9 * pk.read[b].max(1.0));
            prop_assert!((avg.write[b] * peak - pk.write[b]).abs() <= 1e-9 * pk.write[b].max(1.0));
        }
    }
}
