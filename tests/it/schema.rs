//! Tests: the field schema (`core::schema`), the one table of block and link
//! fields that the format and editing read.

use envelope::core::catalog::{new_block, new_link};
use envelope::core::format::{load, save};
use envelope::core::model::Kind;
use envelope::core::schema::{
    block, link, BlockField, LinkField, Range, Ty, BLOCK_FIELDS, LINK_FIELDS,
};

#[test]
fn every_field_has_one_entry_and_every_key_is_unique() {
    for f in BlockField::ALL {
        assert_eq!(
            BLOCK_FIELDS.iter().filter(|s| s.field == f).count(),
            1,
            "{f:?}"
        );
        assert_eq!(block(f).field, f);
    }
    for f in LinkField::ALL {
        assert_eq!(
            LINK_FIELDS.iter().filter(|s| s.field == f).count(),
            1,
            "{f:?}"
        );
        assert_eq!(link(f).field, f);
    }
    let mut keys: Vec<&str> = BLOCK_FIELDS.iter().map(|s| s.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), BLOCK_FIELDS.len());
    let mut keys: Vec<&str> = LINK_FIELDS.iter().map(|s| s.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), LINK_FIELDS.len());
}

#[test]
fn defaults_lie_in_their_ranges() {
    let tys = BLOCK_FIELDS
        .iter()
        .map(|s| s.ty)
        .chain(LINK_FIELDS.iter().map(|s| s.ty));
    for ty in tys {
        match ty {
            Ty::Num { range, default } => assert!(range.contains(default), "{ty:?}"),
            Ty::Int { lo, hi, default } => assert!((lo..=hi).contains(&default), "{ty:?}"),
            Ty::Choice { names, values } => assert_eq!(names.len(), values.len()),
            _ => {}
        }
    }
    assert!(!Range::Probability.contains(0.0) && Range::Probability.contains(1.0));
}

#[test]
fn get_then_set_changes_nothing_and_a_wrong_type_is_refused() {
    let mut b = new_block(Kind::RelationalDb, "db".into(), 10.0, 20.0);
    let before = b.clone();
    for spec in &BLOCK_FIELDS {
        let value = (spec.get)(&b);
        assert!((spec.set)(&mut b, value), "{}", spec.key);
    }
    assert_eq!(b, before);
    let users = new_block(Kind::Client, "users".into(), 0.0, 0.0);
    let mut l = new_link(&users, &b, "l1".into());
    let before = l.clone();
    for spec in &LINK_FIELDS {
        let value = (spec.get)(&l);
        assert!((spec.set)(&mut l, value), "{}", spec.key);
    }
    assert_eq!(l, before);
    // Replicas take a whole number, not text.
    let replicas = block(BlockField::Replicas);
    let label = (block(BlockField::Label).get)(&b);
    assert!(!(replicas.set)(&mut b, label));
}

#[test]
fn units_and_empty_meanings_come_from_the_keys_and_types() {
    assert_eq!(block(BlockField::LatencyMs).shown_unit(), "ms");
    assert_eq!(block(BlockField::CapacityRps).shown_unit(), "req/s");
    assert_eq!(block(BlockField::Rps).shown_unit(), "req/s");
    assert_eq!(block(BlockField::TtlS).shown_unit(), "s");
    assert_eq!(block(BlockField::Replicas).shown_unit(), "");
    assert_eq!(block(BlockField::CapacityRps).when_empty(), "unlimited");
    assert_eq!(link(LinkField::TimeoutMs).when_empty(), "none");
}

#[test]
fn the_saved_file_follows_the_schema_order() {
    // Every block field away from its default: each key appears, in table order.
    let text = r#"{"format":"envelope/design","version":1,
      "zones":[{"id":"z","x":0,"y":0,"w":10,"h":10}],
      "blocks":[{"id":"a","kind":"cache","label":"A","x":1,"y":2,"notes":"n","rps":5,
        "replicas":3,"min_healthy":2,"shards":2,"availability":0.9,"latency_ms":1,"p99_ms":4,
        "capacity_rps":10,"write_capacity_rps":5,"single_writer":true,"hit_ratio":0.5,
        "route":"split","zone":"z","ttl_s":60,"dead_letter":true},
        {"id":"b","kind":"service","x":0,"y":0}],
      "links":[{"id":"l","from":"a","to":"b","label":"x","mode":"async","op":"write",
        "calls":2,"latency_ms":3,"parallel":true,"optional":true,"timeout_ms":100,
        "retries":2,"backoff":true,"backoff_ms":250,"idempotent":true}]}"#;
    let saved = save(&load(text).expect("loads"));
    let at = |key: &str, from: usize| {
        saved[from..]
            .find(&format!("\"{key}\""))
            .map(|i| i + from)
            .unwrap_or_else(|| panic!("{key} missing in {saved}"))
    };
    let mut pos = at("blocks", 0);
    for spec in &BLOCK_FIELDS {
        pos = at(spec.key, pos);
    }
    let mut pos = at("links", pos);
    for spec in &LINK_FIELDS {
        pos = at(spec.key, pos);
    }
}
