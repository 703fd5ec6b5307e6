//! Tests: catalog (catalog.md): every kind, its numbers and their sources.

use envelope::core::catalog::{
    field_source, link_field_source, new_block, new_link, spec, Source, HINTS,
};
use envelope::core::format::validate;
use envelope::core::model::{Design, Kind, Mode, Op, Route};

const SEED_003: &str = "003_d2e8851c35a8764a.txt";
const SEED_001: &str = "001_e327e83ea62a3432.txt";

#[test]
fn every_kind_has_its_own_spec() {
    for k in Kind::ALL {
        assert_eq!(spec(k).kind, k);
    }
}

#[test]
fn new_blocks_of_every_kind_are_valid_in_a_design() {
    let mut d = Design::default();
    for (i, k) in Kind::ALL.into_iter().enumerate() {
        d.blocks
            .push(new_block(k, format!("b{i}"), i as f64 * 10.0, 0.0));
    }
    assert_eq!(validate(&d), Ok(()));
    // And they survive a save and load unchanged.
    let text = envelope::core::format::save(&d);
    assert_eq!(envelope::core::format::load(&text), Ok(d));
}

#[test]
fn numbers_from_the_table() {
    let c = new_block(Kind::Client, "u".into(), 0.0, 0.0);
    assert_eq!((c.rps, c.replicas, c.availability), (1000.0, 1, 1.0));
    assert!(c.is_entry());
    let db = new_block(Kind::RelationalDb, "db".into(), 0.0, 0.0);
    assert_eq!(db.capacity_rps, Some(50_000.0));
    assert_eq!(db.write_capacity_rps, Some(5_000.0));
    assert!(db.single_writer);
    assert_eq!(
        (db.availability, db.latency_ms, db.p99_ms),
        (0.9995, 5.0, 25.0)
    );
    let cdn = new_block(Kind::Cdn, "cdn".into(), 0.0, 0.0);
    assert_eq!((cdn.hit_ratio, cdn.ttl_s), (0.9, Some(3600.0)));
    let cache = new_block(Kind::Cache, "c".into(), 0.0, 0.0);
    assert_eq!((cache.hit_ratio, cache.ttl_s), (0.9, Some(300.0)));
    assert_eq!(cache.capacity_rps, Some(100_000.0));
    assert_eq!(
        new_block(Kind::Dns, "d".into(), 0.0, 0.0).route,
        Route::Failover
    );
    assert_eq!(
        new_block(Kind::LoadBalancer, "lb".into(), 0.0, 0.0).route,
        Route::Failover
    );
    assert_eq!(
        new_block(Kind::ApiGateway, "g".into(), 0.0, 0.0).route,
        Route::Split
    );
    let wc = new_block(Kind::WideColumn, "w".into(), 0.0, 0.0);
    assert_eq!((wc.replicas, wc.write_capacity_rps), (3, Some(50_000.0)));
    assert_eq!(new_block(Kind::EventLog, "e".into(), 0.0, 0.0).replicas, 3);
    let f = new_block(Kind::Function, "f".into(), 0.0, 0.0);
    assert_eq!((f.p99_ms, f.capacity_rps), (250.0, None));
    let o = new_block(Kind::Observability, "o".into(), 0.0, 0.0);
    assert_eq!(
        (o.availability, o.latency_ms, o.capacity_rps),
        (1.0, 0.0, None)
    );
    // New blocks show the kind's name.
    assert_eq!(db.label, "");
}

#[test]
fn sources_follow_the_tables_marks() {
    let seed = |file: &'static str, section: &'static str| Some(Source::Seed { file, section });
    assert_eq!(
        field_source(Kind::LoadBalancer, "availability"),
        seed(SEED_003, "§5.4")
    );
    assert_eq!(
        field_source(Kind::LoadBalancer, "p99_ms"),
        seed(SEED_003, "§5.2")
    );
    assert_eq!(
        field_source(Kind::LoadBalancer, "latency_ms"),
        Some(Source::Assumption)
    );
    assert_eq!(
        field_source(Kind::Service, "capacity_rps"),
        seed(SEED_003, "§20.3")
    );
    assert_eq!(
        field_source(Kind::Cache, "hit_ratio"),
        seed(SEED_003, "§20.2")
    );
    assert_eq!(field_source(Kind::Cache, "ttl_s"), Some(Source::Assumption));
    assert_eq!(
        field_source(Kind::ObjectStorage, "availability"),
        seed(SEED_001, "Phase 9")
    );
    assert_eq!(
        field_source(Kind::Queue, "capacity_rps"),
        seed(SEED_003, "§13.2")
    );
    assert_eq!(
        field_source(Kind::KvStore, "capacity_rps"),
        Some(Source::Assumption)
    );
    assert_eq!(
        field_source(Kind::ApiGateway, "availability"),
        Some(Source::Assumption)
    );
    match field_source(Kind::RelationalDb, "capacity_rps") {
        Some(Source::Seed { file, section }) => {
            assert_eq!(file, SEED_001);
            assert!(section.contains("003"), "both seeds named: {section}");
        }
        other => panic!("relational_db capacity should be seed, got {other:?}"),
    }
    assert!(matches!(
        field_source(Kind::RelationalDb, "write_capacity_rps"),
        Some(Source::Seed { .. })
    ));
    // Fields the catalog does not set have no source.
    assert_eq!(field_source(Kind::Client, "replicas"), None);
    assert_eq!(field_source(Kind::Service, "hit_ratio"), None);
    assert_eq!(field_source(Kind::Service, "no_such_field"), None);
}

/// The seeds live beside the repository (`../shared/seeds`), as on every
/// machine of the project and in CI; their absence is a failure, not a pass.
#[test]
fn every_seed_file_named_exists() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    assert!(
        dir.is_dir(),
        "the seeds are not beside the repository: {}",
        dir.display()
    );
    for k in Kind::ALL {
        for field in [
            "availability",
            "latency_ms",
            "p99_ms",
            "capacity_rps",
            "hit_ratio",
        ] {
            if let Some(Source::Seed { file, .. }) = field_source(k, field) {
                assert!(dir.join(file).is_file(), "{file}");
            }
        }
    }
}

#[test]
fn new_link_modes_and_latency() {
    let users = new_block(Kind::Client, "users".into(), 0.0, 0.0);
    let api = new_block(Kind::Service, "api".into(), 0.0, 0.0);
    let q = new_block(Kind::Queue, "q".into(), 0.0, 0.0);
    let log = new_block(Kind::EventLog, "log".into(), 0.0, 0.0);
    let worker = new_block(Kind::Worker, "w".into(), 0.0, 0.0);

    let l = new_link(&users, &api, "l1".into());
    assert_eq!(
        (l.from.as_str(), l.to.as_str(), l.id.as_str()),
        ("users", "api", "l1")
    );
    assert_eq!(
        (l.mode, l.op, l.calls, l.latency_ms),
        (Mode::Sync, Op::Read, 1.0, 30.0)
    );
    let l = new_link(&api, &worker, "l2".into());
    assert_eq!((l.mode, l.latency_ms), (Mode::Sync, 0.5));
    assert_eq!(new_link(&api, &q, "l3".into()).mode, Mode::Async);
    assert_eq!(new_link(&q, &worker, "l4".into()).mode, Mode::Async);
    assert_eq!(new_link(&api, &log, "l5".into()).mode, Mode::Async);
    assert_eq!(
        link_field_source(Kind::Service, "latency_ms"),
        Some(Source::Seed {
            file: SEED_003,
            section: "§5.2"
        })
    );
    assert_eq!(
        link_field_source(Kind::Client, "latency_ms"),
        Some(Source::Assumption)
    );
}

#[test]
fn hints_carry_the_reference_numbers() {
    let all: String = HINTS.iter().map(|(a, b)| format!("{a} {b}\n")).collect();
    for needle in [
        "0.5 ms",
        "150 ms",
        "150 µs",
        "50,000 reads",
        "Redis",
        "Kafka",
        "Nginx",
    ] {
        assert!(all.contains(needle), "hint about {needle} missing:\n{all}");
    }
}
