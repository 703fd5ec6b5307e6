//! Tests: saved scenarios (model-2.md §4.1) and what to improve first (§4.2),
//! on the seed's availability examples worked by hand (003 §5: "Series vs
//! parallel").

use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::model::{Block, Design, Kind, Link, Route, Scenario, Targets};

use super::common::{design, eval};

fn block(id: &str, kind: Kind, availability: f64) -> Block {
    let mut b = Block::new(id, kind, 0.0, 0.0);
    b.availability = availability;
    b.latency_ms = 10.0;
    b.p99_ms = 10.0;
    b
}

fn users() -> Block {
    let mut b = Block::new("users", Kind::Client, 0.0, 0.0);
    b.rps = 1000.0;
    b.availability = 1.0;
    b
}

/// users → each of `path` in turn.
fn chain(path: Vec<Block>) -> Design {
    let mut blocks = vec![users()];
    let mut links = Vec::new();
    let mut prev = "users".to_string();
    for (i, b) in path.into_iter().enumerate() {
        links.push(Link::new(format!("l{i}"), prev.clone(), b.id.clone()));
        prev = b.id.clone();
        blocks.push(b);
    }
    design(blocks, links)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12
}

/// The seed's request path: LB 99.99% → App 99.95% → Cache 99.99% → DB 99.95%
/// → External API 99.9% is 99.78% in all. With every `if_down` 0 (a series),
/// a component's importance is the product of the others, so the least
/// available comes first: the external API, then the app and the database
/// (equal, by id), then the load balancer and the cache. The users' client is
/// on the path too, never fails (1), and so adds nothing if perfect: last.
#[test]
fn importance_on_the_seeds_series_path() {
    let path = vec![
        block("lb", Kind::LoadBalancer, 0.9999),
        block("app", Kind::Service, 0.9995),
        block("cache", Kind::Cache, 0.9999),
        block("db", Kind::RelationalDb, 0.9995),
        block("ext", Kind::ExternalApi, 0.999),
    ];
    let d = chain(path);
    let r = eval(&d);
    let total = 0.9999 * 0.9995 * 0.9999 * 0.9995 * 0.999;
    assert!(close(r.availability.unwrap(), total));
    assert!((total - 0.9978).abs() < 5e-5, "the seed's 99.78%: {total}");
    let order: Vec<&str> = r.importance.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(order, ["ext", "app", "db", "cache", "lb", "users"]);
    let own = [
        ("users", 1.0),
        ("lb", 0.9999),
        ("app", 0.9995),
        ("cache", 0.9999),
        ("db", 0.9995),
        ("ext", 0.999),
    ];
    for imp in &r.importance {
        let a = own.iter().find(|(id, _)| *id == imp.id).unwrap().1;
        assert!(
            close(imp.if_perfect, total / a),
            "{}: {}",
            imp.id,
            imp.if_perfect
        );
        assert_eq!(imp.if_down, 0.0, "{}", imp.id);
    }
}

/// The seed's composite: a 3-replica database of 99% instances (1 − 0.01³ =
/// 99.9999%) behind an LB (99.99%) behind an app tier (99.95%) is about
/// 99.94%, and "to improve this, you fix the weakest link (the app tier), not
/// by piling on more DB replicas": the ranking says the same.
#[test]
fn importance_on_the_seeds_replicated_database() {
    let mut db = block("db", Kind::RelationalDb, 0.99);
    db.replicas = 3;
    db.min_healthy = 1;
    let d = chain(vec![
        block("app", Kind::Service, 0.9995),
        block("lb", Kind::LoadBalancer, 0.9999),
        db,
    ]);
    let r = eval(&d);
    let db_a = 1.0 - 0.01f64.powi(3);
    let db_report = r.blocks.iter().find(|b| b.id == "db").unwrap();
    assert!(close(db_report.availability, db_a));
    let total = 0.9995 * 0.9999 * db_a;
    assert!(close(r.availability.unwrap(), total));
    assert!((total - 0.9994).abs() < 1e-4);
    let order: Vec<&str> = r.importance.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(order, ["app", "lb", "db", "users"]);
    let app = &r.importance[0];
    assert!(close(app.if_perfect, 0.9999 * db_a));
    let dbi = r.importance.iter().find(|i| i.id == "db").unwrap();
    assert!(close(dbi.if_perfect, 0.9995 * 0.9999));
    assert_eq!(dbi.if_down, 0.0);
}

/// A scenario is the design under its scale and failures, evaluated on its
/// own: the same figures as the what-if options, whatever the caller's.
#[test]
fn a_scenario_is_its_scale_and_failures() {
    let mut d = chain(vec![
        block("api", Kind::Service, 0.999),
        block("db", Kind::RelationalDb, 0.999),
    ]);
    d.blocks[1].capacity_rps = Some(4000.0);
    let mut peak = Scenario::new("peak", "Peak ×3");
    peak.scale = 3.0;
    let mut down = Scenario::new("down", "DB down");
    down.fail = vec!["db".into()];
    d.scenarios = vec![peak, down];
    // The caller's own what-if plays no part in the scenarios' rows.
    let r = evaluate(
        &d,
        &EvalOptions {
            scale: 0.5,
            ..EvalOptions::default()
        },
    );
    let at3 = evaluate(
        &d,
        &EvalOptions {
            scale: 3.0,
            ..EvalOptions::default()
        },
    );
    let row = &r.scenarios[0];
    assert_eq!(row.id, "peak");
    assert_eq!(row.availability, at3.availability);
    assert_eq!(row.latency, at3.latency);
    assert_eq!(row.max_scale, at3.max_scale);
    assert!(close(row.max_scale.unwrap(), 4000.0 / 3000.0));
    assert_eq!(row.bottleneck.as_deref(), Some("api"));
    // With the database down no request succeeds: availability 0.
    assert_eq!(r.scenarios[1].availability, Some(0.0));
}

/// Targets: a scenario's own, else the design's, else none (`null`); p99 is
/// missed when no request succeeds.
#[test]
fn scenario_targets_fall_back_to_the_designs() {
    let mut d = chain(vec![block("api", Kind::Service, 0.999)]);
    let mut own = Scenario::new("own", "Own targets");
    own.availability = Some(0.9999);
    own.p99_ms = Some(5.0);
    let mut down = Scenario::new("down", "API down");
    down.fail = vec!["api".into()];
    d.scenarios = vec![own, Scenario::new("plain", "As drawn"), down];

    let r = eval(&d);
    // Without design targets: only the scenario's own.
    assert_eq!(r.scenarios[0].meets_availability, Some(false));
    assert_eq!(r.scenarios[0].meets_p99, Some(false));
    assert_eq!(r.scenarios[1].meets_availability, None);
    assert_eq!(r.scenarios[1].meets_p99, None);
    let misses: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "scenario-target")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        misses,
        ["Scenario 'Own targets' misses its availability and p99 targets."]
    );

    d.targets = Targets {
        availability: Some(0.99),
        p99_ms: Some(100.0),
        ..Targets::default()
    };
    let r = eval(&d);
    assert_eq!(
        r.scenarios[0].meets_availability,
        Some(false),
        "its own wins"
    );
    assert_eq!(
        r.scenarios[1].meets_availability,
        Some(true),
        "the design's"
    );
    assert_eq!(r.scenarios[1].meets_p99, Some(true));
    // Nothing succeeds: both missed, though the latency of nothing is short.
    assert_eq!(r.scenarios[2].meets_availability, Some(false));
    assert_eq!(r.scenarios[2].meets_p99, Some(false));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "scenario-target" && f.message.contains("API down"))
        .expect("a finding for the failed scenario");
    assert_eq!(f.blocks, ["api"]);
}

/// Under `split` a failed target's weight re-spreads over the targets still
/// up (§4.1): a 50/50 split over two replicas of the API, one failed, sends
/// every request to the other, so availability is that one's (not half of
/// the requests lost) and the load on it doubles.
#[test]
fn a_failed_split_target_re_spreads_its_weight() {
    let mut lb = block("lb", Kind::LoadBalancer, 1.0);
    lb.route = Route::Split;
    let mut d = Design {
        blocks: vec![
            users(),
            lb,
            block("a", Kind::Service, 0.99),
            block("b", Kind::Service, 0.999),
        ],
        links: vec![
            Link::new("l0", "users", "lb"),
            Link::new("la", "lb", "a"),
            Link::new("lb2", "lb", "b"),
        ],
        ..Design::default()
    };
    let mut down = Scenario::new("a-down", "a down");
    down.fail = vec!["a".into()];
    d.scenarios = vec![down];
    let r = eval(&d);
    assert!(close(r.availability.unwrap(), 0.5 * 0.99 + 0.5 * 0.999));
    let row = &r.scenarios[0];
    assert!(
        close(row.availability.unwrap(), 0.999),
        "{:?}",
        row.availability
    );
    let under = evaluate(
        &d,
        &EvalOptions {
            fail: vec!["a".into()],
            ..EvalOptions::default()
        },
    );
    let b_load = under
        .blocks
        .iter()
        .find(|b| b.id == "b")
        .unwrap()
        .read_rps
        .unwrap();
    assert!(close(b_load, 1000.0));
}
