//! Tests: the field schema (`core::schema`), the one table of block and link
//! fields that the format and editing read.

use envelope::core::catalog::{new_block, new_link};
use envelope::core::format::{load, save};
use envelope::core::model::{Kind, Mode, Route};
use envelope::core::schema::{
    block, link, BlockField, FieldValue, LinkField, Range, Ty, BLOCK_FIELDS, LINK_FIELDS,
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
    // Every block field away from its default: each key appears, in table order
    // (`rps` is left out: a block with `users` has its rate derived, model-2.md §1).
    let text = r#"{"format":"envelope/design","version":1,
      "zones":[{"id":"z","x":0,"y":0,"w":10,"h":10}],
      "blocks":[{"id":"a","kind":"cache","label":"A","x":1,"y":2,"notes":"n",
        "users":100,"requests_per_user_day":3,"peak_factor":2,
        "replicas":3,"min_healthy":2,"shards":2,"availability":0.9,"latency_ms":1,"p99_ms":4,
        "capacity_rps":10,"write_capacity_rps":5,"single_writer":true,"hit_ratio":0.5,
        "route":"split","zone":"z","ttl_s":60,"record_bytes":10,"retention_days":30,
        "dead_letter":true,"cost_month":5},
        {"id":"b","kind":"service","x":0,"y":0}],
      "links":[{"id":"l","from":"a","to":"b","label":"x","mode":"async","op":"write",
        "calls":2,"latency_ms":3,"parallel":true,"optional":true,"timeout_ms":100,
        "retries":2,"backoff":true,"backoff_ms":250,"idempotent":true,"payload_bytes":7}]}"#;
    let saved = save(&load(text).expect("loads"));
    let at = |key: &str, from: usize| {
        saved[from..]
            .find(&format!("\"{key}\""))
            .map(|i| i + from)
            .unwrap_or_else(|| panic!("{key} missing in {saved}"))
    };
    let mut pos = at("blocks", 0);
    for spec in BLOCK_FIELDS.iter().filter(|s| s.key != "rps") {
        pos = at(spec.key, pos);
    }
    let mut pos = at("links", pos);
    for spec in &LINK_FIELDS {
        pos = at(spec.key, pos);
    }
}

/// The text a box would hold for `value` (the plainest form the parser takes).
fn typed(ty: Ty, value: &FieldValue) -> String {
    match value {
        FieldValue::Number(n) | FieldValue::OptNumber(Some(n)) => n.to_string(),
        FieldValue::Int(n) => n.to_string(),
        FieldValue::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        FieldValue::Text(s) | FieldValue::OptText(Some(s)) => s.clone(),
        FieldValue::Kind(k) => k.as_str().to_string(),
        FieldValue::OptNumber(None) | FieldValue::OptText(None) => String::new(),
        v => ty.name_of(v).expect("a choice has a name").to_string(),
    }
}

#[test]
fn every_field_reads_back_what_it_holds() {
    let mut b = new_block(Kind::Cache, "cache".into(), 10.0, 20.0);
    b.zone = Some("z1".into());
    b.single_writer = true;
    b.route = Route::Failover;
    b.ttl_s = Some(60.0);
    for spec in &BLOCK_FIELDS {
        let value = (spec.get)(&b);
        let text = typed(spec.ty, &value);
        assert_eq!(spec.parse(&text), Ok(value), "{} from {text:?}", spec.key);
    }
    let users = new_block(Kind::Client, "users".into(), 0.0, 0.0);
    let mut l = new_link(&users, &b, "l1".into());
    l.mode = Mode::Async;
    l.timeout_ms = Some(250.0);
    for spec in &LINK_FIELDS {
        let value = (spec.get)(&l);
        let text = typed(spec.ty, &value);
        assert_eq!(spec.parse(&text), Ok(value), "{} from {text:?}", spec.key);
    }
}

#[test]
fn parsing_follows_each_type_and_unit() {
    use FieldValue as V;
    let b = |f| block(f);
    // Numbers, with the units their key names.
    assert_eq!(b(BlockField::Rps).parse("10k"), Ok(V::Number(10_000.0)));
    assert_eq!(
        b(BlockField::Rps).parse("1.5 M rps"),
        Ok(V::Number(1_500_000.0))
    );
    assert_eq!(
        b(BlockField::LatencyMs).parse(" 1 s "),
        Ok(V::Number(1000.0))
    );
    assert_eq!(
        b(BlockField::TtlS).parse("2 min"),
        Ok(V::OptNumber(Some(120.0)))
    );
    assert_eq!(
        link(LinkField::TimeoutMs).parse("1 s"),
        Ok(V::OptNumber(Some(1000.0)))
    );
    assert_eq!(b(BlockField::X).parse("-12.5"), Ok(V::Number(-12.5)));
    // Ranges that read fractions, percentages and nines.
    assert_eq!(
        b(BlockField::Availability).parse("99.9%"),
        Ok(V::Number(0.999))
    );
    assert_eq!(
        b(BlockField::Availability).parse("3 nines"),
        Ok(V::Number(0.999))
    );
    assert_eq!(b(BlockField::HitRatio).parse("80%"), Ok(V::Number(0.8)));
    // Optional numbers: empty and the words for none.
    assert_eq!(b(BlockField::CapacityRps).parse(""), Ok(V::OptNumber(None)));
    assert_eq!(
        b(BlockField::CapacityRps).parse("unlimited"),
        Ok(V::OptNumber(None))
    );
    // Whole numbers, yes/no, choices, kinds, text and references.
    assert_eq!(b(BlockField::Replicas).parse("1,000"), Ok(V::Int(1000)));
    assert_eq!(link(LinkField::Retries).parse("0"), Ok(V::Int(0)));
    assert_eq!(b(BlockField::DeadLetter).parse("on"), Ok(V::Bool(true)));
    assert_eq!(link(LinkField::Backoff).parse("N"), Ok(V::Bool(false)));
    assert_eq!(
        b(BlockField::Route).parse("Split"),
        Ok(V::Route(Route::Split))
    );
    assert_eq!(
        link(LinkField::Mode).parse("ASYNC"),
        Ok(V::Mode(Mode::Async))
    );
    assert_eq!(
        b(BlockField::Kind).parse("Load balancer"),
        Ok(V::Kind(Kind::LoadBalancer))
    );
    assert_eq!(
        b(BlockField::Label).parse("  API  "),
        Ok(V::Text("API".into()))
    );
    assert_eq!(
        b(BlockField::Notes).parse("  two\nlines "),
        Ok(V::Text("  two\nlines ".into()))
    );
    assert_eq!(b(BlockField::Zone).parse("none"), Ok(V::OptText(None)));
    assert_eq!(
        b(BlockField::Zone).parse("az1"),
        Ok(V::OptText(Some("az1".into())))
    );
    assert_eq!(
        link(LinkField::From).parse("api"),
        Ok(V::Text("api".into()))
    );
}

#[test]
fn parsing_refuses_what_is_out_of_range_with_a_reason() {
    let refused = |r: Result<FieldValue, String>| r.expect_err("refused");
    assert_eq!(
        refused(block(BlockField::Replicas).parse("0")),
        "replicas must be a whole number from 1 to 10,000"
    );
    assert_eq!(
        refused(link(LinkField::Retries).parse("11")),
        "retries must be a whole number from 0 to 10"
    );
    assert_eq!(
        refused(block(BlockField::LatencyMs).parse("-1")),
        "median latency must be 0 ms or more"
    );
    assert_eq!(
        refused(block(BlockField::HitRatio).parse("150%")),
        "hit ratio must be from 0 to 1 (or 0% to 100%)"
    );
    assert_eq!(
        refused(link(LinkField::Calls).parse("2000")),
        "calls must be from 0 to 1,000"
    );
    assert_eq!(
        refused(block(BlockField::CapacityRps).parse("0")),
        "capacity must be above 0, or empty for unlimited"
    );
    assert_eq!(
        refused(link(LinkField::TimeoutMs).parse("0")),
        "timeout must be above 0 ms, or empty for none"
    );
    assert!(refused(block(BlockField::Availability).parse("0%"))
        .starts_with("availability must be above 0 and at most 1"));
    assert_eq!(
        refused(block(BlockField::Availability).parse("99.9")),
        "availability is a fraction from 0 to 1: did you mean 99.9%?"
    );
    let long = "x".repeat(201);
    assert!(refused(block(BlockField::Label).parse(&long)).starts_with("label must be at most 200"));
    assert!(refused(block(BlockField::Zone).parse("a zone")).contains("is not a valid id"));
}

#[test]
fn parsing_refuses_what_is_not_a_value_of_the_type() {
    let refused = |r: Result<FieldValue, String>| r.expect_err("refused");
    assert_eq!(
        refused(block(BlockField::Rps).parse("lots")),
        "rps must be a number, not 'lots'"
    );
    assert_eq!(
        refused(block(BlockField::Rps).parse("")),
        "rps needs a number"
    );
    assert_eq!(
        refused(block(BlockField::Replicas).parse("two")),
        "replicas must be a whole number from 1 to 10,000"
    );
    assert_eq!(
        refused(block(BlockField::Replicas).parse("2.5")),
        "replicas must be a whole number from 1 to 10,000"
    );
    assert!(refused(block(BlockField::LatencyMs).parse("5 parsecs"))
        .starts_with("median latency does not take the unit 'parsecs'"));
    assert_eq!(
        refused(link(LinkField::Calls).parse("3 ms")),
        "calls is a plain number, without a unit"
    );
    assert_eq!(
        refused(block(BlockField::SingleWriter).parse("maybe")),
        "single writer must be yes or no"
    );
    assert_eq!(
        refused(block(BlockField::Route).parse("random")),
        "route must be all, split or failover"
    );
    assert_eq!(
        refused(link(LinkField::Op).parse("delete")),
        "operation must be read or write"
    );
    assert_eq!(
        refused(block(BlockField::Kind).parse("toaster")),
        "'toaster' is not a block kind"
    );
    assert!(refused(block(BlockField::Rps).parse("1,5")).contains("use a point for decimals"));
}

#[test]
fn labels_and_columns_come_from_the_table() {
    assert_eq!(block(BlockField::P99Ms).label, "p99 latency");
    assert_eq!(block(BlockField::P99Ms).column, "p99");
    assert_eq!(block(BlockField::Rps).label, "Requests per second");
    assert_eq!(block(BlockField::Replicas).column, "Replicas");
    assert_eq!(link(LinkField::Calls).label, "Calls per request");
    assert_eq!(link(LinkField::Calls).column, "Calls");
    for spec in &BLOCK_FIELDS {
        assert!(
            !spec.label.is_empty() && !spec.column.is_empty(),
            "{}",
            spec.key
        );
    }
    for spec in &LINK_FIELDS {
        assert!(
            !spec.label.is_empty() && !spec.column.is_empty(),
            "{}",
            spec.key
        );
    }
}
