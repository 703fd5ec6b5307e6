//! The 24 rules of evaluation.md §4, through the public `evaluate`: for every rule
//! a design where it fires (rule, severity, exact `blocks` and `links`) and a near
//! miss where it does not; the sort order; the catalog; the spec examples.

use envelope::core::eval::rules::{catalog, rule_info};
use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::model::{Block, Design, Kind, Link, Mode, Op, Route, Zone};
use envelope::core::report::{Finding, Severity};

// ---------- builders ----------

fn b(id: &str, kind: Kind) -> Block {
    Block::new(id, kind, 0.0, 0.0)
}

fn client(id: &str, rps: f64) -> Block {
    let mut c = b(id, Kind::Client);
    c.rps = rps;
    c
}

fn svc(id: &str) -> Block {
    b(id, Kind::Service)
}

fn with(mut block: Block, f: impl FnOnce(&mut Block)) -> Block {
    f(&mut block);
    block
}

fn l(id: &str, from: &str, to: &str) -> Link {
    Link::new(id, from, to)
}

fn lw(id: &str, from: &str, to: &str, f: impl FnOnce(&mut Link)) -> Link {
    let mut link = l(id, from, to);
    f(&mut link);
    link
}

fn design(blocks: Vec<Block>, links: Vec<Link>) -> Design {
    Design {
        blocks,
        links,
        ..Design::default()
    }
}

fn findings(d: &Design) -> Vec<Finding> {
    let options = EvalOptions {
        ..EvalOptions::default()
    };
    evaluate(d, &options).findings
}

/// (severity, blocks, links) of every finding of `rule`.
fn of(d: &Design, rule: &str) -> Vec<(Severity, Vec<String>, Vec<String>)> {
    findings(d)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.severity, f.blocks, f.links))
        .collect()
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn one(
    sev: Severity,
    blocks: &[&str],
    links: &[&str],
) -> Vec<(Severity, Vec<String>, Vec<String>)> {
    vec![(sev, ids(blocks), ids(links))]
}

fn none() -> Vec<(Severity, Vec<String>, Vec<String>)> {
    Vec::new()
}

use Severity::{Error, Info, Warning};

/// users → svc, the smallest design with an entry.
fn users_svc(f: impl FnOnce(&mut Block)) -> Design {
    design(
        vec![client("users", 100.0), with(svc("svc"), f)],
        vec![l("l1", "users", "svc")],
    )
}

// ---------- targets ----------

#[test]
fn slo_availability_fires_below_target_only() {
    let mut d = users_svc(|s| s.availability = 0.99);
    d.targets.availability = Some(0.999);
    assert_eq!(of(&d, "slo-availability"), one(Error, &[], &[]));
    d.targets.availability = Some(0.98);
    assert_eq!(of(&d, "slo-availability"), none());
    // Without an entry there is no availability to miss.
    d.targets.availability = Some(0.999);
    d.blocks[0].rps = 0.0;
    assert_eq!(of(&d, "slo-availability"), none());
}

#[test]
fn slo_latency_fires_above_target() {
    let mut d = users_svc(|s| {
        s.latency_ms = 100.0;
        s.p99_ms = 100.0;
    });
    d.targets.p99_ms = Some(50.0);
    assert_eq!(of(&d, "slo-latency"), one(Error, &[], &[]));
    d.targets.p99_ms = Some(150.0);
    assert_eq!(of(&d, "slo-latency"), none());
}

/// Spec choice: an unbounded (null) p99 misses any target.
#[test]
fn slo_latency_fires_when_latency_is_null() {
    let mut d = users_svc(|s| {
        s.latency_ms = 1.0;
        s.p99_ms = 1.0;
        s.capacity_rps = Some(50.0);
    });
    d.targets.p99_ms = Some(1000.0);
    assert_eq!(of(&d, "slo-latency"), one(Error, &[], &[]));
}

// ---------- load ----------

#[test]
fn overloaded_at_rho_one_not_below() {
    let d = users_svc(|s| s.capacity_rps = Some(100.0));
    assert_eq!(of(&d, "overloaded"), one(Error, &["svc"], &[]));
    assert_eq!(of(&d, "hot-spot"), none());
    let d = users_svc(|s| s.capacity_rps = Some(101.0));
    assert_eq!(of(&d, "overloaded"), none());
}

#[test]
fn hot_spot_from_070_not_at_069() {
    let mut d = users_svc(|s| s.capacity_rps = Some(100.0));
    d.blocks[0].rps = 70.0;
    assert_eq!(of(&d, "hot-spot"), one(Warning, &["svc"], &[]));
    d.blocks[0].rps = 69.0;
    assert_eq!(of(&d, "hot-spot"), none());
}

#[test]
fn no_failover_headroom_when_one_down_reaches_one() {
    let mut d = users_svc(|s| {
        s.replicas = 2;
        s.capacity_rps = Some(100.0);
    });
    d.blocks[0].rps = 120.0; // ρ 0.6, one down 1.2
    assert_eq!(of(&d, "no-failover-headroom"), one(Warning, &["svc"], &[]));
    d.blocks[0].rps = 99.0; // one down 0.99
    assert_eq!(of(&d, "no-failover-headroom"), none());
    // Already overloaded with everything up: `overloaded`, not this rule.
    d.blocks[0].rps = 250.0;
    assert_eq!(of(&d, "no-failover-headroom"), none());
    assert_eq!(of(&d, "overloaded"), one(Error, &["svc"], &[]));
}

/// a → b sync and b → a with `calls` (mode chosen by the caller).
fn loop_design(mode: Mode, calls: f64) -> Design {
    design(
        vec![
            client("users", 100.0),
            with(svc("a"), |s| s.capacity_rps = Some(150.0)),
            svc("b"),
        ],
        vec![
            l("l1", "users", "a"),
            l("l2", "a", "b"),
            lw("l3", "b", "a", |k| {
                k.mode = mode;
                k.calls = calls;
            }),
        ],
    )
}

#[test]
fn load_loop_lists_the_amplifying_set() {
    let d = loop_design(Mode::Async, 1.0);
    assert_eq!(of(&d, "load-loop"), one(Error, &["a", "b"], &["l2", "l3"]));
    // Spec choice: no load figures, so no utilization findings.
    assert_eq!(of(&d, "overloaded"), none());
    assert_eq!(of(&d, "hot-spot"), none());
    assert_eq!(of(&d, "sync-cycle"), none());
    // Spec choice: a link inside the set that carries nothing is not listed.
    let mut d = loop_design(Mode::Async, 1.0);
    d.links.push(lw("l4", "b", "a", |k| {
        k.mode = Mode::Async;
        k.calls = 0.0;
    }));
    assert_eq!(of(&d, "load-loop"), one(Error, &["a", "b"], &["l2", "l3"]));
}

#[test]
fn load_loop_not_when_the_loop_damps() {
    let d = loop_design(Mode::Async, 0.5);
    assert_eq!(of(&d, "load-loop"), none());
    // a receives 100 / (1 − 0.5) = 200 > 150.
    assert_eq!(of(&d, "overloaded"), one(Error, &["a"], &[]));
}

// ---------- structure ----------

#[test]
fn sync_cycle_lists_blocks_and_sync_links_inside() {
    let mut d = loop_design(Mode::Sync, 0.5);
    d.blocks.push(svc("c"));
    d.links.push(l("l4", "b", "c"));
    assert_eq!(of(&d, "sync-cycle"), one(Error, &["a", "b"], &["l2", "l3"]));
    let d = loop_design(Mode::Async, 0.5);
    assert_eq!(of(&d, "sync-cycle"), none());
}

/// users → s1 → s2 → … → s{n}, every link sync and sequential.
fn chain(n: usize) -> Design {
    let mut blocks = vec![client("users", 10.0)];
    let mut links = Vec::new();
    let mut prev = "users".to_string();
    for i in 1..=n {
        let id = format!("s{i}");
        blocks.push(svc(&id));
        links.push(l(&format!("l{i}"), &prev, &id));
        prev = id;
    }
    design(blocks, links)
}

#[test]
fn long_sync_chain_of_four_not_three() {
    assert_eq!(
        of(&chain(4), "long-sync-chain"),
        one(Warning, &["users", "s1", "s2", "s3", "s4"], &[])
    );
    assert_eq!(of(&chain(3), "long-sync-chain"), none());
}

#[test]
fn long_sync_chain_lists_blocks_in_call_order() {
    // users → gw → zeta → mid, then gw → alpha → ext: 4 compute calls in a row.
    let d = design(
        vec![
            client("users", 10.0),
            b("gw", Kind::ApiGateway),
            svc("zeta"),
            b("mid", Kind::Function),
            svc("alpha"),
            b("db", Kind::RelationalDb),
            b("ext", Kind::ExternalApi),
        ],
        vec![
            l("l1", "users", "gw"),
            l("l2", "gw", "zeta"),
            l("l3", "zeta", "mid"),
            l("l4", "gw", "alpha"),
            l("l5", "alpha", "db"),
            l("l6", "db", "ext"),
        ],
    );
    assert_eq!(
        of(&d, "long-sync-chain"),
        one(Warning, &["users", "zeta", "mid", "alpha", "ext"], &[])
    );
}

#[test]
fn long_sync_chain_counts_ceil_calls_and_max_of_parallel() {
    // users → s1, s1 → s2 with calls 2.5: 1 + ⌈2.5⌉ = 4.
    let d = design(
        vec![client("users", 10.0), svc("s1"), svc("s2")],
        vec![
            l("l1", "users", "s1"),
            lw("l2", "s1", "s2", |k| k.calls = 2.5),
        ],
    );
    assert_eq!(
        of(&d, "long-sync-chain"),
        one(Warning, &["users", "s1", "s2"], &[])
    );
    // Parallel calls count as one step; calls = 0 counts nothing: 1 + 1 = 2.
    let d = design(
        vec![
            client("users", 10.0),
            svc("a"),
            svc("p"),
            svc("q"),
            svc("r"),
            svc("z"),
        ],
        vec![
            l("l1", "users", "a"),
            lw("l2", "a", "p", |k| k.parallel = true),
            lw("l3", "a", "q", |k| k.parallel = true),
            lw("l4", "a", "r", |k| k.parallel = true),
            lw("l5", "a", "z", |k| k.calls = 0.0),
            lw("l6", "z", "p", |k| k.calls = 3.0),
        ],
    );
    assert_eq!(of(&d, "long-sync-chain"), none());
}

#[test]
fn long_sync_chain_split_takes_the_longest_branch() {
    // users → lb (split) → {s1 → s2 → s3 → s4, t1}: max(4, 1) = 4.
    let mut d = chain(4);
    d.blocks.push(with(b("lb", Kind::LoadBalancer), |x| {
        x.route = Route::Split
    }));
    d.blocks.push(svc("t1"));
    d.links[0].to = "lb".into();
    d.links.push(l("m1", "lb", "s1"));
    d.links.push(l("m2", "lb", "t1"));
    assert_eq!(
        of(&d, "long-sync-chain"),
        one(Warning, &["users", "s1", "s2", "s3", "s4"], &[])
    );
    // The same with the long branch a standby of weight 0: it counts 0.
    d.link_mut("m1").unwrap().calls = 0.0;
    assert_eq!(of(&d, "long-sync-chain"), none());
}

#[test]
fn long_sync_chain_link_closing_a_cycle_counts_zero() {
    // users → s1 → s2 → s3, s3 → s1 closes a cycle: 3 calls, not more.
    let mut d = chain(3);
    d.links.push(lw("back", "s3", "s1", |k| k.calls = 0.5));
    assert_eq!(of(&d, "long-sync-chain"), none());
    assert_eq!(of(&d, "sync-cycle").len(), 1);
}

fn fan_out(n: usize) -> Design {
    let mut blocks = vec![client("users", 10.0), svc("hub")];
    let mut links = vec![l("l0", "users", "hub")];
    for i in 1..=n {
        blocks.push(b(&format!("t{i}"), Kind::KvStore));
        links.push(l(&format!("l{i}"), "hub", &format!("t{i}")));
    }
    design(blocks, links)
}

#[test]
fn sync_fan_out_at_five_targets_not_four() {
    assert_eq!(
        of(&fan_out(5), "sync-fan-out"),
        one(Warning, &["hub", "t1", "t2", "t3", "t4", "t5"], &[])
    );
    assert_eq!(of(&fan_out(4), "sync-fan-out"), none());
}

#[test]
fn sync_fan_out_counts_distinct_called_targets_under_all() {
    // A second link to t1 and a calls-0 link to t5 do not make five.
    let mut d = fan_out(5);
    d.link_mut("l5").unwrap().calls = 0.0;
    d.links.push(lw("again", "hub", "t1", |k| k.op = Op::Write));
    assert_eq!(of(&d, "sync-fan-out"), none());
    // Route split sends each request to one target.
    let mut d = fan_out(6);
    d.block_mut("hub").unwrap().route = Route::Split;
    assert_eq!(of(&d, "sync-fan-out"), none());
    // Async links are not waited on.
    let mut d = fan_out(5);
    d.link_mut("l3").unwrap().mode = Mode::Async;
    assert_eq!(of(&d, "sync-fan-out"), none());
}

#[test]
fn unreachable_lists_blocks_no_link_path_reaches() {
    let d = design(
        vec![
            client("users", 10.0),
            svc("svc"),
            b("q", Kind::Queue),
            b("worker", Kind::Worker),
            b("orphan", Kind::RelationalDb),
            client("admin", 0.0),
            b("obs", Kind::Observability),
        ],
        vec![
            l("l1", "users", "svc"),
            lw("l2", "svc", "q", |k| k.mode = Mode::Async),
            lw("l3", "q", "worker", |k| k.mode = Mode::Async),
            l("l4", "admin", "orphan"),
        ],
    );
    // Spec choice: async links reach (worker); clients and observability never listed.
    assert_eq!(of(&d, "unreachable"), one(Info, &["orphan"], &[]));
    let mut d = d;
    d.links.push(l("l5", "worker", "orphan"));
    assert_eq!(of(&d, "unreachable"), none());
}

// ---------- resilience ----------

#[test]
fn spof_for_single_instances_on_the_request_path() {
    let d = design(
        vec![
            client("users", 10.0),
            b("lb", Kind::LoadBalancer),
            with(svc("svc"), |s| s.replicas = 2),
            b("ext", Kind::ExternalApi),
            b("analytics", Kind::DocumentDb),
            b("q", Kind::Queue),
            with(b("db", Kind::RelationalDb), |x| {
                x.replicas = 2;
                x.min_healthy = 2;
            }),
        ],
        vec![
            l("l1", "users", "lb"),
            l("l2", "lb", "svc"),
            l("l3", "svc", "ext"),
            lw("l4", "svc", "analytics", |k| k.optional = true),
            lw("l5", "svc", "q", |k| k.mode = Mode::Async),
            l("l6", "svc", "db"),
        ],
    );
    // lb: one instance; db: needs both of its 2. Not svc (2 of which 1 needed),
    // ext (external), analytics (optional), q (async), users (client).
    let got = of(&d, "spof");
    assert_eq!(
        got,
        vec![
            (Warning, ids(&["db"]), ids(&[])),
            (Warning, ids(&["lb"]), ids(&[])),
        ]
    );
}

#[test]
fn spof_not_behind_a_failover_alternative() {
    let d = design(
        vec![
            client("users", 10.0),
            with(svc("app"), |s| {
                s.replicas = 3;
                s.route = Route::Failover;
            }),
            b("primary", Kind::KvStore),
            b("standby", Kind::KvStore),
        ],
        vec![
            l("l1", "users", "app"),
            l("l2", "app", "primary"),
            lw("l3", "app", "standby", |k| k.calls = 0.0),
        ],
    );
    assert_eq!(of(&d, "spof"), none());
}

fn zoned(second_zone: bool) -> Design {
    let mut d = design(
        vec![
            client("users", 10.0),
            with(svc("app"), |s| {
                s.replicas = 2;
                s.route = Route::Failover;
            }),
            with(b("db1", Kind::RelationalDb), |x| {
                x.replicas = 2;
                x.zone = Some("az1".into());
            }),
            with(b("db2", Kind::RelationalDb), |x| {
                x.replicas = 2;
                x.zone = Some(if second_zone { "az2" } else { "az1" }.into());
            }),
        ],
        vec![
            l("l1", "users", "app"),
            l("l2", "app", "db1"),
            l("l3", "app", "db2"),
        ],
    );
    d.zones = vec![
        Zone::new("az1", 0.0, 0.0, 10.0, 10.0),
        Zone::new("az2", 20.0, 0.0, 10.0, 10.0),
    ];
    d
}

#[test]
fn zone_spof_when_every_alternative_shares_the_zone() {
    assert_eq!(of(&zoned(false), "zone-spof"), one(Warning, &["az1"], &[]));
    assert_eq!(of(&zoned(true), "zone-spof"), none());
}

fn far_call(latency: f64) -> Design {
    design(
        vec![
            client("users", 10.0),
            svc("svc"),
            b("ext", Kind::ExternalApi),
        ],
        vec![
            lw("l1", "users", "svc", |k| k.latency_ms = 120.0),
            lw("l2", "svc", "ext", |k| k.latency_ms = latency),
        ],
    )
}

#[test]
fn cross_region_call_from_50_ms_not_from_a_client() {
    assert_eq!(
        of(&far_call(50.0), "cross-region-call"),
        one(Warning, &["ext", "svc"], &["l2"])
    );
    // l1 (120 ms) leaves a client: never reported.
    assert_eq!(of(&far_call(49.9), "cross-region-call"), none());
}

/// Spec choice: only links on the request path.
#[test]
fn cross_region_call_needs_the_request_path() {
    let mut d = far_call(80.0);
    d.link_mut("l2").unwrap().calls = 0.0;
    assert_eq!(of(&d, "cross-region-call"), none());
    let mut d = far_call(80.0);
    d.link_mut("l2").unwrap().mode = Mode::Async;
    assert_eq!(of(&d, "cross-region-call"), none());
}

fn retried(f: impl FnOnce(&mut Link)) -> Design {
    design(
        vec![
            client("users", 10.0),
            svc("svc"),
            b("db", Kind::RelationalDb),
        ],
        vec![l("l1", "users", "svc"), lw("l2", "svc", "db", f)],
    )
}

#[test]
fn retry_without_backoff_fires_until_backoff() {
    let d = retried(|k| k.retries = 3);
    assert_eq!(
        of(&d, "retry-without-backoff"),
        one(Warning, &["db", "svc"], &["l2"])
    );
    let d = retried(|k| {
        k.retries = 3;
        k.backoff = true;
    });
    assert_eq!(of(&d, "retry-without-backoff"), none());
    assert_eq!(of(&retried(|_| {}), "retry-without-backoff"), none());
}

#[test]
fn retry_not_idempotent_only_for_retried_writes() {
    let d = retried(|k| {
        k.retries = 2;
        k.backoff = true;
        k.op = Op::Write;
    });
    assert_eq!(
        of(&d, "retry-not-idempotent"),
        one(Warning, &["db", "svc"], &["l2"])
    );
    let d = retried(|k| {
        k.retries = 2;
        k.backoff = true;
        k.op = Op::Write;
        k.idempotent = true;
    });
    assert_eq!(of(&d, "retry-not-idempotent"), none());
    let d = retried(|k| {
        k.retries = 2;
        k.backoff = true;
    });
    assert_eq!(of(&d, "retry-not-idempotent"), none());
}

#[test]
fn no_timeout_lists_sync_links_between_non_clients() {
    let d = design(
        vec![
            client("users", 10.0),
            svc("svc"),
            b("db", Kind::RelationalDb),
            b("cache", Kind::Cache),
            b("q", Kind::Queue),
        ],
        vec![
            l("l1", "users", "svc"),
            l("l2", "svc", "db"),
            lw("l3", "svc", "cache", |k| k.timeout_ms = Some(50.0)),
            lw("l4", "svc", "q", |k| k.mode = Mode::Async),
        ],
    );
    assert_eq!(of(&d, "no-timeout"), one(Info, &["db", "svc"], &["l2"]));
    let mut d = d;
    d.link_mut("l2").unwrap().timeout_ms = Some(100.0);
    assert_eq!(of(&d, "no-timeout"), none());
}

// ---------- data ----------

#[test]
fn shared_database_with_two_services() {
    let d = design(
        vec![
            client("users", 10.0),
            svc("svcB"),
            svc("svcA"),
            b("db", Kind::RelationalDb),
        ],
        vec![
            l("l1", "users", "svcA"),
            l("l2", "users", "svcB"),
            l("l3", "svcA", "db"),
            lw("l4", "svcB", "db", |k| {
                k.mode = Mode::Async;
                k.op = Op::Write;
            }),
        ],
    );
    assert_eq!(
        of(&d, "shared-database"),
        one(Warning, &["db", "svcA", "svcB"], &[])
    );
}

#[test]
fn shared_database_not_for_caches_workers_or_one_service() {
    let d = design(
        vec![
            client("users", 10.0),
            svc("a"),
            svc("b"),
            b("w", Kind::Worker),
            b("cache", Kind::Cache),
            b("files", Kind::ObjectStorage),
            b("db", Kind::RelationalDb),
        ],
        vec![
            l("l1", "users", "a"),
            l("l2", "users", "b"),
            l("l3", "a", "cache"),
            l("l4", "b", "cache"),
            l("l5", "a", "files"),
            l("l6", "b", "files"),
            l("l7", "a", "db"),
            lw("l8", "a", "db", |k| k.op = Op::Write),
            l("l9", "a", "w"),
            l("l10", "w", "db"),
        ],
    );
    assert_eq!(of(&d, "shared-database"), none());
}

fn search_writer(also: Option<Kind>) -> Design {
    let mut blocks = vec![
        client("users", 10.0),
        svc("svc"),
        b("search", Kind::SearchIndex),
    ];
    let mut links = vec![
        l("l1", "users", "svc"),
        lw("l2", "svc", "search", |k| k.op = Op::Write),
    ];
    if let Some(kind) = also {
        blocks.push(b("store", kind));
        links.push(lw("l3", "svc", "store", |k| {
            k.op = Op::Write;
            k.mode = Mode::Async;
        }));
    }
    design(blocks, links)
}

#[test]
fn search_as_source_of_truth_when_the_writer_keeps_nothing_else() {
    assert_eq!(
        of(&search_writer(None), "search-as-source-of-truth"),
        one(Warning, &["search", "svc"], &[])
    );
    assert_eq!(
        of(
            &search_writer(Some(Kind::DocumentDb)),
            "search-as-source-of-truth"
        ),
        none()
    );
    assert_eq!(
        of(
            &search_writer(Some(Kind::EventLog)),
            "search-as-source-of-truth"
        ),
        none()
    );
    // A queue is not a store of record.
    assert_eq!(
        of(
            &search_writer(Some(Kind::Queue)),
            "search-as-source-of-truth"
        ),
        one(Warning, &["search", "svc"], &[])
    );
}

#[test]
fn cache_without_ttl_for_caches_and_cdns() {
    let d = design(
        vec![
            client("users", 10.0),
            b("edge", Kind::Cdn),
            b("redis", Kind::Cache),
            with(b("kept", Kind::Cache), |x| x.ttl_s = Some(60.0)),
        ],
        vec![
            l("l1", "users", "edge"),
            l("l2", "edge", "redis"),
            l("l3", "edge", "kept"),
        ],
    );
    assert_eq!(
        of(&d, "cache-without-ttl"),
        vec![
            (Info, ids(&["edge"]), ids(&[])),
            (Info, ids(&["redis"]), ids(&[]))
        ]
    );
}

fn queue(dead_letter: bool, consumer: bool) -> Design {
    let mut d = design(
        vec![
            client("users", 10.0),
            svc("svc"),
            with(b("q", Kind::Queue), |x| x.dead_letter = dead_letter),
            b("w", Kind::Worker),
        ],
        vec![
            l("l1", "users", "svc"),
            lw("l2", "svc", "q", |k| k.mode = Mode::Async),
        ],
    );
    if consumer {
        d.links.push(lw("l3", "q", "w", |k| k.mode = Mode::Async));
    }
    d
}

#[test]
fn queue_without_dlq_when_it_feeds_consumers() {
    assert_eq!(
        of(&queue(false, true), "queue-without-dlq"),
        one(Warning, &["q"], &[])
    );
    assert_eq!(of(&queue(true, true), "queue-without-dlq"), none());
    assert_eq!(of(&queue(false, false), "queue-without-dlq"), none());
}

// ---------- operations ----------

fn services(n: usize) -> Design {
    let mut blocks = vec![with(b("gw", Kind::ApiGateway), |x| x.rps = 10.0)];
    let mut links = Vec::new();
    for i in 1..=n {
        blocks.push(svc(&format!("s{i}")));
        links.push(l(&format!("l{i}"), "gw", &format!("s{i}")));
    }
    design(blocks, links)
}

#[test]
fn too_many_services_above_team_size() {
    let mut d = services(3);
    d.targets.team_size = Some(2);
    assert_eq!(
        of(&d, "too-many-services"),
        one(Warning, &["s1", "s2", "s3"], &[])
    );
    d.targets.team_size = Some(3);
    assert_eq!(of(&d, "too-many-services"), none());
}

#[test]
fn no_observability_from_three_services() {
    assert_eq!(of(&services(3), "no-observability"), one(Info, &[], &[]));
    assert_eq!(of(&services(2), "no-observability"), none());
    let mut d = services(3);
    d.blocks.push(b("obs", Kind::Observability));
    assert_eq!(of(&d, "no-observability"), none());
}

#[test]
fn no_rate_limit_unless_a_gateway_or_limiter_comes_first() {
    let d = design(
        vec![
            client("users", 10.0),
            b("lb", Kind::LoadBalancer),
            svc("svc"),
        ],
        vec![l("l1", "users", "lb"), l("l2", "lb", "svc")],
    );
    assert_eq!(of(&d, "no-rate-limit"), one(Info, &["users"], &[]));
    let d = design(
        vec![
            client("users", 10.0),
            b("lb", Kind::LoadBalancer),
            b("rl", Kind::RateLimiter),
            svc("svc"),
        ],
        vec![
            l("l1", "users", "lb"),
            l("l2", "lb", "rl"),
            l("l3", "rl", "svc"),
        ],
    );
    assert_eq!(of(&d, "no-rate-limit"), none());
    // Reaching compute only asynchronously is not a request path.
    let d = design(
        vec![
            client("users", 10.0),
            b("q", Kind::Queue),
            b("w", Kind::Worker),
        ],
        vec![
            l("l1", "users", "q"),
            lw("l2", "q", "w", |k| k.mode = Mode::Async),
        ],
    );
    assert_eq!(of(&d, "no-rate-limit"), none());
}

/// Spec choice: an entry that is itself compute is not "reached" by itself.
#[test]
fn no_rate_limit_not_for_a_compute_entry_alone() {
    let d = design(
        vec![
            with(b("cron", Kind::Worker), |x| x.rps = 1.0),
            b("db", Kind::KvStore),
        ],
        vec![l("l1", "cron", "db")],
    );
    assert_eq!(of(&d, "no-rate-limit"), none());
}

#[test]
fn no_entry_without_rps() {
    let d = design(
        vec![
            client("users", 0.0),
            svc("svc"),
            b("db", Kind::RelationalDb),
        ],
        vec![l("l1", "users", "svc"), l("l2", "svc", "db")],
    );
    assert_eq!(of(&d, "no-entry"), one(Info, &[], &[]));
    assert_eq!(of(&d, "unreachable"), none());
    assert_eq!(of(&d, "spof"), none());
    assert_eq!(of(&users_svc(|_| {}), "no-entry"), none());
}

// ---------- order, catalog, examples ----------

fn key(f: &Finding) -> (Severity, &str, &Vec<String>, &Vec<String>) {
    (f.severity, f.rule, &f.blocks, &f.links)
}

#[test]
fn findings_are_sorted_by_severity_rule_blocks_links() {
    // "B" < "a" < "b" by code point.
    let mut d = design(
        vec![
            client("users", 10.0),
            svc("b"),
            svc("a"),
            svc("B"),
            b("c1", Kind::Cache),
        ],
        vec![
            l("l1", "users", "b"),
            l("l2", "users", "a"),
            lw("l3", "a", "B", |k| k.retries = 1),
            l("l4", "b", "c1"),
        ],
    );
    d.targets.availability = Some(1.0);
    d.blocks[1].availability = 0.9;
    let got: Vec<(&str, Vec<String>)> = findings(&d)
        .iter()
        .map(|f| (f.rule, f.blocks.clone()))
        .collect();
    let expect: Vec<(&str, Vec<String>)> = vec![
        ("slo-availability", ids(&[])),
        ("retry-without-backoff", ids(&["B", "a"])),
        ("spof", ids(&["B"])),
        ("spof", ids(&["a"])),
        ("spof", ids(&["b"])),
        ("spof", ids(&["c1"])),
        ("cache-without-ttl", ids(&["c1"])),
        ("no-observability", ids(&[])),
        ("no-rate-limit", ids(&["users"])),
        ("no-timeout", ids(&["B", "a", "b", "c1"])),
    ];
    assert_eq!(got, expect);
    let all = findings(&d);
    assert!(all.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
}

#[test]
fn empty_block_list_sorts_first_within_a_rule() {
    use envelope::core::eval::rules::sort;
    let f = |blocks: &[&str], links: &[&str]| Finding {
        rule: "spof",
        severity: Warning,
        blocks: ids(blocks),
        links: ids(links),
        message: String::new(),
    };
    let mut v = vec![
        f(&["a", "b"], &[]),
        f(&["a"], &["l2"]),
        f(&[], &[]),
        f(&["a"], &["l1"]),
    ];
    sort(&mut v);
    let got: Vec<_> = v
        .iter()
        .map(|x| (x.blocks.clone(), x.links.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ids(&[]), ids(&[])),
            (ids(&["a"]), ids(&["l1"])),
            (ids(&["a"]), ids(&["l2"])),
            (ids(&["a", "b"]), ids(&[])),
        ]
    );
}

#[test]
fn catalog_describes_all_31_rules_with_the_table_severities() {
    // evaluation.md §4's 24, then model-2.md §2.7's four, §3.3's two and §4.1's one.
    let want = [
        ("slo-availability", Error),
        ("slo-latency", Error),
        ("overloaded", Error),
        ("sync-cycle", Error),
        ("load-loop", Error),
        ("hot-spot", Warning),
        ("no-failover-headroom", Warning),
        ("spof", Warning),
        ("zone-spof", Warning),
        ("long-sync-chain", Warning),
        ("sync-fan-out", Warning),
        ("shared-database", Warning),
        ("cross-region-call", Warning),
        ("retry-without-backoff", Warning),
        ("retry-not-idempotent", Warning),
        ("queue-without-dlq", Warning),
        ("search-as-source-of-truth", Warning),
        ("too-many-services", Warning),
        ("cache-without-ttl", Info),
        ("no-timeout", Info),
        ("no-rate-limit", Info),
        ("no-observability", Info),
        ("unreachable", Info),
        ("no-entry", Info),
        ("timeout-budget", Warning),
        ("retry-storm", Warning),
        ("retry-amplification", Warning),
        ("timeouts-fail-requests", Warning),
        ("network-bound", Warning),
        ("storage-per-instance", Info),
        ("scenario-target", Error),
    ];
    let got: Vec<_> = catalog().iter().map(|r| (r.id, r.severity)).collect();
    assert_eq!(got, want.to_vec());
    for r in catalog() {
        assert!(
            !r.title.is_empty() && !r.fix.is_empty() && !r.principle.is_empty(),
            "{}",
            r.id
        );
    }
}

#[test]
fn messages_are_one_sentence_naming_the_block() {
    let d = users_svc(|s| s.capacity_rps = Some(100.0));
    let f = findings(&d);
    let over = f
        .iter()
        .find(|f| f.rule == "overloaded")
        .expect("overloaded");
    assert!(
        over.message.contains("'svc'") && over.message.contains("1.000"),
        "{}",
        over.message
    );
    for x in &f {
        assert!(x.message.ends_with('.'), "{}", x.message);
        assert_eq!(rule_info(x.rule).map(|r| r.severity), Some(x.severity));
    }
}

// The three spec examples, built by hand (format::load lives on another branch).

fn example_01() -> Design {
    let blk = |id: &str, kind: Kind, a: f64, lat: f64| {
        with(b(id, kind), |x| {
            x.availability = a;
            x.latency_ms = lat;
            x.p99_ms = lat;
        })
    };
    design(
        vec![
            client("users", 1000.0),
            with(blk("lb", Kind::LoadBalancer, 0.9999, 1.0), |x| {
                x.capacity_rps = Some(10000.0)
            }),
            blk("app", Kind::Service, 0.9995, 20.0),
            with(blk("cache", Kind::Cache, 0.9999, 0.5), |x| {
                x.ttl_s = Some(300.0)
            }),
            blk("db", Kind::RelationalDb, 0.9995, 5.0),
            blk("ext", Kind::ExternalApi, 0.999, 50.0),
        ],
        vec![
            lw("l1", "users", "lb", |k| k.latency_ms = 30.0),
            lw("l2", "lb", "app", |k| k.latency_ms = 0.5),
            lw("l3", "app", "cache", |k| k.latency_ms = 0.5),
            lw("l4", "app", "db", |k| k.latency_ms = 0.5),
            lw("l5", "app", "ext", |k| k.latency_ms = 0.5),
        ],
    )
}

fn example_03() -> Design {
    let blk = |id: &str, kind: Kind, a: f64, lat: f64| {
        with(b(id, kind), |x| {
            x.availability = a;
            x.latency_ms = lat;
            x.p99_ms = lat;
        })
    };
    let mut d = design(
        vec![
            client("users", 1000.0),
            blk("gw", Kind::ApiGateway, 0.9995, 5.0),
            blk("svcA", Kind::Service, 0.9995, 20.0),
            blk("svcB", Kind::Service, 0.999, 10.0),
            with(blk("db", Kind::RelationalDb, 0.9995, 5.0), |x| {
                x.replicas = 2;
                x.capacity_rps = Some(10000.0);
                x.write_capacity_rps = Some(1250.0);
                x.single_writer = true;
            }),
        ],
        vec![
            lw("l1", "users", "gw", |k| k.latency_ms = 30.0),
            lw("l2", "gw", "svcA", |k| {
                k.latency_ms = 0.5;
                k.parallel = true;
            }),
            lw("l3", "gw", "svcB", |k| {
                k.latency_ms = 0.5;
                k.parallel = true;
            }),
            lw("l4", "svcA", "db", |k| {
                k.latency_ms = 0.5;
                k.calls = 2.0;
            }),
            lw("l5", "svcB", "db", |k| {
                k.latency_ms = 0.5;
                k.op = Op::Write;
                k.calls = 0.5;
            }),
        ],
    );
    d.targets.availability = Some(0.999);
    d.targets.team_size = Some(1);
    d
}

fn example_07() -> Design {
    design(
        vec![
            client("users", 800.0),
            with(svc("svc"), |x| {
                x.replicas = 2;
                x.availability = 0.9995;
                x.latency_ms = 10.0;
                x.p99_ms = 40.0;
                x.capacity_rps = Some(500.0);
            }),
        ],
        vec![l("l1", "users", "svc")],
    )
}

type Key = (String, String, Vec<String>, Vec<String>);

fn expected(name: &str) -> Vec<Key> {
    let path = format!(
        "{}/tests/fixtures/spec-examples/{name}.report.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("example report");
    let v: serde_json::Value = serde_json::from_str(&text).expect("report JSON");
    let strs = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_owned(),
                f["severity"].as_str().unwrap_or_default().to_owned(),
                strs(&f["blocks"]),
                strs(&f["links"]),
            )
        })
        .collect()
}

fn keys(d: &Design) -> Vec<Key> {
    findings(d)
        .into_iter()
        .map(|f| {
            (
                f.rule.to_owned(),
                f.severity.as_str().to_owned(),
                f.blocks,
                f.links,
            )
        })
        .collect()
}

#[test]
fn example_findings_match_the_reference_reports() {
    assert_eq!(keys(&example_01()), expected("01_series5"));
    assert_eq!(keys(&example_03()), expected("03_shared_db"));
    assert_eq!(keys(&example_07()), expected("07_rho08"));
}

/// Spec choice: under `split`, weights that sum to 0 count as equal, so both
/// branches are taken and the longer one counts.
#[test]
fn long_sync_chain_split_with_zero_weights_counts_equal_branches() {
    let mut d = chain(4);
    d.blocks.push(with(b("lb", Kind::LoadBalancer), |x| {
        x.route = Route::Split
    }));
    d.blocks.push(svc("t1"));
    d.links[0].to = "lb".into();
    d.links.push(lw("m1", "lb", "s1", |k| k.calls = 0.0));
    d.links.push(lw("m2", "lb", "t1", |k| k.calls = 0.0));
    assert_eq!(
        of(&d, "long-sync-chain"),
        one(Warning, &["users", "s1", "s2", "s3", "s4"], &[])
    );
}

/// Spec choice: one finding per index lists every writer keeping nothing else.
#[test]
fn search_as_source_of_truth_lists_all_such_writers_once() {
    let mut d = search_writer(None);
    d.blocks.push(b("w", Kind::Worker));
    d.links.push(lw("l9", "svc", "w", |k| k.mode = Mode::Async));
    d.links.push(lw("l10", "w", "search", |k| k.op = Op::Write));
    assert_eq!(
        of(&d, "search-as-source-of-truth"),
        one(Warning, &["search", "svc", "w"], &[])
    );
}

/// Spec choice: the retry rules look at every link, async ones included (a
/// consumer's redelivery is a retry too).
#[test]
fn retry_rules_apply_to_async_links() {
    let d = retried(|k| {
        k.mode = Mode::Async;
        k.op = Op::Write;
        k.retries = 5;
    });
    assert_eq!(
        of(&d, "retry-without-backoff"),
        one(Warning, &["db", "svc"], &["l2"])
    );
    assert_eq!(
        of(&d, "retry-not-idempotent"),
        one(Warning, &["db", "svc"], &["l2"])
    );
}

/// A dense sync mesh has exponentially many call paths: the rules still finish
/// quickly (the chain count stops after a step limit inside cycles).
#[test]
fn dense_sync_mesh_evaluates_quickly() {
    let n = 11;
    let mut blocks = vec![client("users", 1.0)];
    let mut links = vec![l("l0", "users", "s0")];
    for i in 0..n {
        blocks.push(svc(&format!("s{i}")));
    }
    for i in 0..n {
        for j in 0..n {
            if i != j {
                let id = format!("m{i}_{j}");
                links.push(lw(&id, &format!("s{i}"), &format!("s{j}"), |k| {
                    k.calls = 0.01
                }));
            }
        }
    }
    let d = design(blocks, links);
    let options = EvalOptions {
        ..EvalOptions::default()
    };
    let analysis = envelope::core::eval::analyse(&d, &options);
    let start = std::time::Instant::now();
    let found = envelope::core::eval::rules::run(&analysis);
    // Not a speed target (those are benchmarks): a guard against the
    // exponential walk, which would take hours, with room for a busy machine.
    assert!(
        start.elapsed().as_secs_f64() < 20.0,
        "{:?}",
        start.elapsed()
    );
    assert!(found.iter().any(|f| f.rule == "sync-cycle"));
    assert!(found.iter().any(|f| f.rule == "long-sync-chain"));
}

/// `spof` against its definition, computed directly with `success` on small
/// pseudo-random designs: routes all, split and failover (several
/// alternatives, nested); hit ratios; optional, async, calls-0 and calls < 1
/// links; reads and writes; one or two entries; half of them acyclic so that
/// failovers are judged without `success`, half with sync cycles.
#[test]
fn spof_matches_its_definition_on_random_designs() {
    use envelope::core::eval::graph::{Component, Graph};
    use envelope::core::eval::success::{entries_success, Env};
    let mut seed: u64 = 0x1234_5678;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let kinds = [
        Kind::Service,
        Kind::KvStore,
        Kind::Cache,
        Kind::LoadBalancer,
        Kind::Worker,
        Kind::ExternalApi,
    ];
    // Designs where some failover with two or more sync alternatives is on the
    // request path of an acyclic design and some block is a spof.
    let mut acyclic_failover_spofs = 0;
    for round in 0..400 {
        let acyclic = round % 2 == 0;
        let n = 2 + next(8) as usize;
        let mut blocks = vec![client("u", 10.0)];
        let two_entries = next(3) == 0;
        if two_entries {
            blocks.push(client("v", 5.0));
        }
        for i in 0..n {
            let mut x = b(&format!("b{i}"), kinds[next(6) as usize]);
            x.route = [
                Route::All,
                Route::All,
                Route::Split,
                Route::Failover,
                Route::Failover,
            ][next(5) as usize];
            x.hit_ratio = [0.0, 0.0, 0.0, 0.5, 0.75, 1.0][next(6) as usize];
            x.replicas = 1 + (next(4) == 0) as u32;
            if next(8) == 0 {
                x.min_healthy = x.replicas;
            }
            blocks.push(x);
        }
        let mut links = vec![l("l0", "u", "b0")];
        if two_entries {
            let t = next(n as u64);
            links.push(lw("l00", "v", &format!("b{t}"), |x| {
                x.op = if next(3) == 0 { Op::Write } else { Op::Read };
            }));
        }
        for k in 0..(n * 2 + next(n as u64) as usize) {
            let (mut f, mut t) = (next(n as u64), next(n as u64));
            if f == t {
                continue;
            }
            if acyclic && f > t {
                std::mem::swap(&mut f, &mut t);
            }
            links.push(lw(
                &format!("l{}", k + 1),
                &format!("b{f}"),
                &format!("b{t}"),
                |x| {
                    x.calls = [0.0, 0.25, 0.5, 1.0, 1.0, 2.0][next(6) as usize];
                    x.optional = next(6) == 0;
                    x.mode = if next(6) == 0 {
                        Mode::Async
                    } else {
                        Mode::Sync
                    };
                    x.op = if next(3) == 0 { Op::Write } else { Op::Read };
                },
            ));
        }
        let d = design(blocks, links);
        let g = Graph::new(&d);
        let mut on_path = vec![false; d.blocks.len()];
        for &e in &g.entries {
            for (p, &v) in on_path.iter_mut().zip(&g.request_path(e).blocks) {
                *p |= v;
            }
        }
        let mut want: Vec<String> = Vec::new();
        for (i, x) in d.blocks.iter().enumerate() {
            if !on_path[i]
                || matches!(x.kind, Kind::Client | Kind::ExternalApi)
                || x.replicas != x.min_healthy
            {
                continue;
            }
            let mut env = Env::all_up(&g);
            env.set(Component::Block(i), 0.0);
            if entries_success(&g, &env).iter().any(|&s| s < 1.0 - 1e-9) {
                want.push(x.id.clone());
            }
        }
        want.sort();
        let got: Vec<String> = of(&d, "spof").into_iter().flat_map(|(_, b, _)| b).collect();
        assert_eq!(got, want, "{d:?}");
        let failover_on_path = (0..d.blocks.len()).any(|i| {
            on_path[i] && d.blocks[i].route == Route::Failover && g.sync_out[i].len() >= 2
        });
        if acyclic && failover_on_path && !want.is_empty() {
            acyclic_failover_spofs += 1;
        }
    }
    assert!(acyclic_failover_spofs >= 40, "{acyclic_failover_spofs}");
}

/// A failover block's single alternatives: a block reached through every
/// alternative is a spof, one reached through only some is not.
#[test]
fn spof_common_to_every_failover_alternative() {
    let d = design(
        vec![
            client("users", 10.0),
            with(b("lb", Kind::LoadBalancer), |x| x.route = Route::Failover),
            svc("a1"),
            svc("a2"),
            b("db", Kind::RelationalDb),
            b("only1", Kind::KvStore),
        ],
        vec![
            l("l1", "users", "lb"),
            l("l2", "lb", "a1"),
            l("l3", "lb", "a2"),
            l("l4", "a1", "db"),
            l("l5", "a2", "db"),
            l("l6", "a1", "only1"),
        ],
    );
    assert_eq!(
        of(&d, "spof"),
        vec![
            (Warning, ids(&["db"]), vec![]),
            (Warning, ids(&["lb"]), vec![]),
        ]
    );
}

#[test]
fn equal_blocks_sort_by_links_by_code_point() {
    // Two retried links between the same blocks: "l10" < "l9" by code point.
    let mut d = retried(|k| k.retries = 1);
    d.link_mut("l2").unwrap().id = "l9".into();
    d.links.push(lw("l10", "svc", "db", |k| {
        k.retries = 1;
        k.op = Op::Write;
    }));
    assert_eq!(
        of(&d, "retry-without-backoff"),
        vec![
            (Warning, ids(&["db", "svc"]), ids(&["l10"])),
            (Warning, ids(&["db", "svc"]), ids(&["l9"])),
        ]
    );
}
