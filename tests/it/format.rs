//! Tests: format (format.md §1): loading bad input, saving, round trips.

use envelope::core::format::{escape_pointer, load, save, validate, LoadError};
use envelope::core::model::{
    Block, Design, Extra, Kind, Link, Mode, Op, Route, Sticky, Targets, Zone,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The example of format.md §1, verbatim.
pub(crate) const SPEC_EXAMPLE: &str = r#"{
  "format": "envelope/design",
  "version": 1,
  "title": "URL shortener",
  "notes": "Assumptions: 100M new links/day, 10:1 reads...",
  "targets": { "availability": 0.999, "p99_ms": 200, "team_size": 4 },
  "blocks": [
    { "id": "users", "kind": "client", "label": "Users", "x": 80, "y": 200, "rps": 20000 },
    { "id": "lb", "kind": "load_balancer", "x": 260, "y": 200, "replicas": 2,
      "availability": 0.9999, "latency_ms": 1, "p99_ms": 5, "capacity_rps": 10000, "route": "failover" },
    { "id": "db", "kind": "relational_db", "x": 640, "y": 200, "replicas": 3,
      "availability": 0.9995, "latency_ms": 5, "p99_ms": 25,
      "capacity_rps": 50000, "write_capacity_rps": 5000, "single_writer": true }
  ],
  "links": [
    { "id": "l1", "from": "users", "to": "lb", "latency_ms": 30 },
    { "id": "l2", "from": "lb", "to": "db", "op": "write", "calls": 0.1, "latency_ms": 0.5,
      "timeout_ms": 300 }
  ],
  "zones": [ { "id": "az1", "label": "us-east-1a", "availability": 0.9999,
               "x": 40, "y": 40, "w": 800, "h": 400 } ],
  "stickies": [ { "id": "s1", "text": "What breaks first at 10x?", "x": 300, "y": 420 } ]
}"#;

/// A small valid document whose parts the tests below bend out of shape.
fn base() -> Value {
    json!({
        "format": "envelope/design",
        "version": 1,
        "blocks": [
            { "id": "users", "kind": "client", "x": 0, "y": 0, "rps": 100 },
            { "id": "api", "kind": "service", "x": 100, "y": 0, "replicas": 2,
              "latency_ms": 20, "p99_ms": 50, "zone": "az1" },
            { "id": "db", "kind": "relational_db", "x": 200, "y": 0 }
        ],
        "links": [
            { "id": "l1", "from": "users", "to": "api" },
            { "id": "l2", "from": "api", "to": "db" }
        ],
        "zones": [ { "id": "az1", "x": 0, "y": 0, "w": 10, "h": 10 } ],
        "stickies": [ { "id": "s1", "text": "hi", "x": 0, "y": 0 } ]
    })
}

fn errors_of(v: &Value) -> Vec<LoadError> {
    load(&v.to_string()).expect_err("the document should be refused")
}

/// The one error at `at`; fails if there is none.
fn error_at(errors: &[LoadError], at: &str) -> String {
    errors
        .iter()
        .find(|e| e.at == at)
        .map(|e| e.message.clone())
        .unwrap_or_else(|| panic!("no error at {at}; got {errors:?}"))
}

#[test]
fn base_document_loads() {
    let d = load(&base().to_string()).expect("base loads");
    assert_eq!(d.blocks.len(), 3);
    assert_eq!(d.blocks[1].zone.as_deref(), Some("az1"));
    // Format defaults are resolved on load.
    assert_eq!(d.blocks[2].replicas, 1);
    assert_eq!(d.blocks[2].availability, 1.0);
    assert_eq!(d.links[0].calls, 1.0);
    assert_eq!(d.links[0].mode, Mode::Sync);
}

#[test]
fn not_json_gives_line_and_column() {
    let errors = load("{\n  \"format\": \"envelope/design\",\n  \"version\": 1,,\n}").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].at, "line 3, column 16");
    assert!(
        errors[0].message.starts_with("not valid JSON"),
        "{errors:?}"
    );
    let empty = load("").unwrap_err();
    assert!(empty[0].at.starts_with("line 1, column"), "{empty:?}");
}

#[test]
fn top_level_must_be_an_object() {
    let errors = load("[1, 2]").unwrap_err();
    assert_eq!(errors[0].at, "");
    assert!(errors[0].message.contains("expected a JSON object"));
    assert!(errors[0].message.contains("found an array"));
}

#[test]
fn wrong_format() {
    let mut v = base();
    v["format"] = json!("drawio/diagram");
    let msg = error_at(&errors_of(&v), "/format");
    assert_eq!(
        msg,
        "expected \"envelope/design\", found the string \"drawio/diagram\""
    );
}

#[test]
fn unsupported_version_names_the_versions_read() {
    let mut v = base();
    v["version"] = json!(2);
    let msg = error_at(&errors_of(&v), "/version");
    assert_eq!(msg, "unsupported version 2: this build reads version 1");
}

#[test]
fn missing_required_fields() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("links");
    v["blocks"][2].as_object_mut().unwrap().remove("kind");
    v["blocks"][0].as_object_mut().unwrap().remove("x");
    let errors = errors_of(&v);
    assert!(error_at(&errors, "/links").starts_with("missing required field \"links\""));
    let kind = error_at(&errors, "/blocks/2/kind");
    assert!(kind.starts_with("missing required field \"kind\": expected a block kind"));
    assert!(kind.contains("relational_db"));
    assert_eq!(
        error_at(&errors, "/blocks/0/x"),
        "missing required field \"x\": expected a finite number"
    );
    let mut v = base();
    v.as_object_mut().unwrap().remove("format");
    assert!(error_at(&errors_of(&v), "/format").starts_with("missing required field"));
}

#[test]
fn wrong_types() {
    let mut v = base();
    v["blocks"][1]["replicas"] = json!("3");
    v["links"][0]["parallel"] = json!(1);
    v["blocks"][0]["kind"] = json!("mainframe");
    v["links"][1]["mode"] = json!("sometimes");
    v["zones"] = json!({});
    let errors = errors_of(&v);
    assert_eq!(
        error_at(&errors, "/blocks/1/replicas"),
        "expected an integer from 1 to 10000, found the string \"3\""
    );
    assert_eq!(
        error_at(&errors, "/links/0/parallel"),
        "expected true or false, found 1"
    );
    assert!(error_at(&errors, "/blocks/0/kind").ends_with("found the string \"mainframe\""));
    assert_eq!(
        error_at(&errors, "/links/1/mode"),
        "expected one of \"sync\", \"async\", found the string \"sometimes\""
    );
    assert_eq!(
        error_at(&errors, "/zones"),
        "expected an array, found an object"
    );
}

#[test]
fn numbers_out_of_range() {
    let mut v = base();
    v["blocks"][1]["replicas"] = json!(0);
    v["blocks"][0]["availability"] = json!(1.5);
    v["blocks"][2]["shards"] = json!(2.5);
    v["links"][0]["calls"] = json!(1001);
    v["links"][1]["retries"] = json!(11);
    v["zones"][0]["w"] = json!(0);
    v["targets"] = json!({ "team_size": 0, "availability": 0 });
    let errors = errors_of(&v);
    assert_eq!(
        error_at(&errors, "/blocks/1/replicas"),
        "expected an integer from 1 to 10000, found 0"
    );
    assert_eq!(
        error_at(&errors, "/blocks/0/availability"),
        "expected a number in (0, 1], found 1.5"
    );
    assert_eq!(
        error_at(&errors, "/blocks/2/shards"),
        "expected an integer from 1 to 10000, found 2.5"
    );
    assert_eq!(
        error_at(&errors, "/links/0/calls"),
        "expected a number from 0 to 1000, found 1001"
    );
    assert_eq!(
        error_at(&errors, "/links/1/retries"),
        "expected an integer from 0 to 10, found 11"
    );
    assert_eq!(
        error_at(&errors, "/zones/0/w"),
        "expected a number > 0, found 0"
    );
    assert_eq!(
        error_at(&errors, "/targets/team_size"),
        "expected an integer ≥ 1, found 0"
    );
    assert_eq!(
        error_at(&errors, "/targets/availability"),
        "expected a number in (0, 1], found 0"
    );
}

#[test]
fn huge_numbers_are_refused() {
    // serde_json refuses 1e400 rather than reading infinity.
    let text = base().to_string().replace("\"rps\":100", "\"rps\":1e400");
    let errors = load(&text).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].at.starts_with("line 1, column"), "{errors:?}");
    assert!(errors[0].message.contains("too large"), "{errors:?}");
}

#[test]
fn non_finite_numbers_in_memory_are_invalid() {
    let mut d = load(&base().to_string()).unwrap();
    d.blocks[0].x = f64::NAN;
    d.links[0].latency_ms = f64::INFINITY;
    let errors = validate(&d).unwrap_err();
    assert_eq!(
        error_at(&errors, "/blocks/0/x"),
        "expected a finite number, found NaN"
    );
    assert_eq!(
        error_at(&errors, "/links/0/latency_ms"),
        "expected a number ≥ 0, found infinity"
    );
}

#[test]
fn duplicate_ids() {
    let mut v = base();
    v["zones"][0]["id"] = json!("db");
    v["blocks"][1]["zone"] = json!("db");
    v["links"][1]["id"] = json!("l1");
    let errors = errors_of(&v);
    assert_eq!(
        error_at(&errors, "/zones/0/id"),
        "duplicate id \"db\" (already used at /blocks/2)"
    );
    assert_eq!(
        error_at(&errors, "/links/1/id"),
        "duplicate id \"l1\" (already used at /links/0)"
    );
    // A link may share an id with a block: links have their own id space.
    let mut v = base();
    v["links"][0]["id"] = json!("db");
    assert!(load(&v.to_string()).is_ok());
}

#[test]
fn invalid_id() {
    let mut v = base();
    v["stickies"][0]["id"] = json!("a b");
    assert_eq!(
        error_at(&errors_of(&v), "/stickies/0/id"),
        "expected an id of 1 to 64 characters from A-Z a-z 0-9 _ . -, found \"a b\""
    );
}

#[test]
fn unknown_block_and_zone_references() {
    let mut v = base();
    v["links"][1]["to"] = json!("nope");
    v["links"][0]["from"] = json!("az1"); // a zone is not a block
    v["blocks"][2]["zone"] = json!("az9");
    let errors = errors_of(&v);
    assert_eq!(
        error_at(&errors, "/links/1/to"),
        "expected the id of a block in /blocks, found unknown block \"nope\""
    );
    assert!(error_at(&errors, "/links/0/from").contains("unknown block \"az1\""));
    assert_eq!(
        error_at(&errors, "/blocks/2/zone"),
        "expected the id of a zone in /zones, found unknown zone \"az9\""
    );
}

#[test]
fn link_to_itself() {
    let mut v = base();
    v["links"][1]["to"] = json!("api");
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].at, "/links/1/to");
    assert!(errors[0].message.contains("cannot join a block to itself"));
}

#[test]
fn p99_and_min_healthy_rules() {
    let mut v = base();
    v["blocks"][1]["p99_ms"] = json!(10); // below latency 20
    v["blocks"][2]["p99_ms"] = json!(5); // latency 0
    v["blocks"][1]["min_healthy"] = json!(3); // replicas 2
    let errors = errors_of(&v);
    assert_eq!(
        error_at(&errors, "/blocks/1/p99_ms"),
        "expected a number ≥ latency_ms (20), found 10"
    );
    assert!(error_at(&errors, "/blocks/2/p99_ms").starts_with("expected 0"));
    assert_eq!(
        error_at(&errors, "/blocks/1/min_healthy"),
        "expected an integer from 1 to replicas (2), found 3"
    );
}

#[test]
fn a_field_that_fails_to_read_is_reported_once() {
    let mut v = base();
    v["blocks"][1]["latency_ms"] = json!("fast"); // p99 50 would exceed the stand-in 0
    v["blocks"][1]["replicas"] = json!(null); // null reads as absent
    v["blocks"][1]["min_healthy"] = json!(1);
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].at, "/blocks/1/latency_ms");
}

#[test]
fn long_strings() {
    let mut v = base();
    v["title"] = json!("é".repeat(201));
    v["blocks"][0]["label"] = json!("é".repeat(200)); // 200 characters is fine
    v["stickies"][0]["text"] = json!("x".repeat(2001));
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        error_at(&errors, "/title"),
        "expected a string of at most 200 characters, found 201 characters"
    );
    assert!(error_at(&errors, "/stickies/0/text").contains("found 2001 characters"));
}

#[test]
fn every_error_is_reported_in_document_order() {
    let mut v = base();
    v["blocks"][2]["replicas"] = json!(0);
    v["blocks"][0]["availability"] = json!(0);
    v["links"][0]["latency_ms"] = json!(-1);
    v["title"] = json!(5);
    let errors = errors_of(&v);
    let at: Vec<&str> = errors.iter().map(|e| e.at.as_str()).collect();
    assert_eq!(
        at,
        [
            "/title",
            "/blocks/0/availability",
            "/blocks/2/replicas",
            "/links/0/latency_ms"
        ]
    );
}

#[test]
fn too_many_blocks() {
    let blocks: Vec<Value> = (0..10_001)
        .map(|i| json!({ "id": format!("b{i}"), "kind": "service", "x": 0, "y": 0 }))
        .collect();
    let v = json!({ "format": "envelope/design", "version": 1, "blocks": blocks, "links": [] });
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        error_at(&errors, "/blocks"),
        "expected at most 10000 blocks, found 10001"
    );
}

#[test]
fn too_many_links() {
    let links: Vec<Value> = (0..50_001)
        .map(|i| json!({ "id": format!("l{i}"), "from": "a", "to": "b" }))
        .collect();
    let v = json!({
        "format": "envelope/design", "version": 1,
        "blocks": [
            { "id": "a", "kind": "service", "x": 0, "y": 0 },
            { "id": "b", "kind": "service", "x": 0, "y": 0 }
        ],
        "links": links
    });
    let errors = errors_of(&v);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        error_at(&errors, "/links"),
        "expected at most 50000 links, found 50001"
    );
}

#[test]
fn documents_over_5_mib_are_refused_before_parsing() {
    let mut text = base().to_string();
    text.push_str(&" ".repeat(5 * 1024 * 1024));
    let errors = load(&text).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].at, "");
    assert!(errors[0].message.contains("5 MiB"), "{errors:?}");
}

#[test]
fn pointer_segments_are_escaped() {
    assert_eq!(escape_pointer("a/b~c"), "a~1b~0c");
    assert_eq!(escape_pointer("replicas"), "replicas");
}

#[test]
fn label_equal_to_kind_name_is_the_default_label() {
    let mut v = base();
    v["blocks"][2]["label"] = json!("Relational DB");
    v["blocks"][1]["label"] = json!("Orders API");
    let d = load(&v.to_string()).unwrap();
    assert_eq!(d.blocks[2].label, "");
    assert_eq!(d.blocks[2].display_label(), "Relational DB");
    assert_eq!(d.blocks[1].label, "Orders API");
}

#[test]
fn absent_p99_is_the_median() {
    let mut v = base();
    v["blocks"][2]["latency_ms"] = json!(7);
    let d = load(&v.to_string()).unwrap();
    assert_eq!(d.blocks[2].p99_ms, 7.0);
    assert!(!save(&d).contains("p99_ms\": 7"));
}

#[test]
fn spec_example_loads() {
    let d = load(SPEC_EXAMPLE).expect("format.md's example loads");
    assert_eq!(d.title, "URL shortener");
    assert_eq!(d.targets.team_size, Some(4));
    let lb = d.block("lb").unwrap();
    assert_eq!(lb.route, Route::Failover);
    assert_eq!(lb.capacity_rps, Some(10_000.0));
    let db = d.block("db").unwrap();
    assert!(db.single_writer);
    assert_eq!(db.write_capacity_rps, Some(5_000.0));
    let l2 = d.link("l2").unwrap();
    assert_eq!(
        (l2.op, l2.calls, l2.timeout_ms),
        (Op::Write, 0.1, Some(300.0))
    );
    assert_eq!(d.zones[0].label, "us-east-1a");
    assert_eq!(d.stickies[0].text, "What breaks first at 10x?");
    assert_eq!(load(&save(&d)).unwrap(), d);
}

#[test]
fn example_designs_load() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spec-examples");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy().to_string();
        if !name.ends_with(".json") || name.ends_with(".report.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let d = load(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(!d.blocks.is_empty(), "{name}");
        assert_eq!(load(&save(&d)).unwrap(), d, "{name}");
        n += 1;
    }
    assert!(n >= 3, "expected the three example designs in {dir}");
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let mut v = base();
    v["x_top"] = json!({ "b": [1, 2.5, null], "a": "z" });
    v["targets"] = json!({ "availability": 0.99, "x_cost": 12 });
    v["blocks"][0]["x_color"] = json!("#ff0000");
    v["links"][0]["x_proto"] = json!("grpc");
    v["zones"][0]["x_region"] = json!("eu");
    v["stickies"][0]["x_pinned"] = json!(true);
    let d = load(&v.to_string()).unwrap();
    assert_eq!(d.extra.get("x_top"), Some(&v["x_top"]));
    assert_eq!(d.targets.extra.get("x_cost"), Some(&json!(12)));
    assert_eq!(d.blocks[0].extra.get("x_color"), Some(&json!("#ff0000")));
    let text = save(&d);
    let again: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(again["x_top"], v["x_top"]);
    assert_eq!(again["targets"]["x_cost"], json!(12));
    assert_eq!(again["blocks"][0]["x_color"], json!("#ff0000"));
    assert_eq!(again["links"][0]["x_proto"], json!("grpc"));
    assert_eq!(again["zones"][0]["x_region"], json!("eu"));
    assert_eq!(again["stickies"][0]["x_pinned"], json!(true));
    assert_eq!(load(&text).unwrap(), d);
}

#[test]
fn save_writes_a_fixed_order_and_plain_integers() {
    let d = load(SPEC_EXAMPLE).unwrap();
    let text = save(&d);
    let pos = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s} missing in {text}"))
    };
    assert!(pos("\"format\"") < pos("\"version\""));
    assert!(pos("\"version\"") < pos("\"title\""));
    assert!(pos("\"notes\"") < pos("\"targets\""));
    assert!(pos("\"targets\"") < pos("\"blocks\""));
    assert!(pos("\"blocks\"") < pos("\"links\""));
    assert!(pos("\"links\"") < pos("\"zones\""));
    assert!(pos("\"zones\"") < pos("\"stickies\""));
    assert!(text.starts_with("{\n  \"format\": \"envelope/design\",\n  \"version\": 1,\n"));
    assert!(text.contains("\"x\": 80,"), "{text}");
    assert!(!text.contains("80.0"));
    assert!(text.contains("\"calls\": 0.1,"));
    // One block, in order: id, kind, label, x, y, then the table's order.
    let lb = &text[pos("\"id\": \"lb\"")..pos("\"id\": \"db\"")];
    let order = [
        "\"id\"",
        "\"kind\"",
        "\"x\"",
        "\"y\"",
        "\"replicas\"",
        "\"availability\"",
        "\"latency_ms\"",
        "\"p99_ms\"",
        "\"capacity_rps\"",
        "\"route\"",
    ];
    let at: Vec<usize> = order.iter().map(|k| lb.find(k).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{lb}");
    // Defaults are left out: the load balancer has one shard, no notes.
    assert!(!lb.contains("shards") && !lb.contains("notes"));
}

#[test]
fn saving_twice_gives_the_same_bytes() {
    let d = load(SPEC_EXAMPLE).unwrap();
    let once = save(&d);
    assert_eq!(once, save(&d));
    assert_eq!(once, save(&load(&once).unwrap()));
}

#[test]
fn field_order_in_the_input_does_not_matter() {
    let a = r#"{"version":1,"links":[],"format":"envelope/design",
        "blocks":[{"y":2,"x":1,"kind":"cache","id":"c"}]}"#;
    let b = r#"{"format":"envelope/design","version":1,
        "blocks":[{"id":"c","kind":"cache","x":1,"y":2}],"links":[]}"#;
    assert_eq!(save(&load(a).unwrap()), save(&load(b).unwrap()));
}

// ---- generated designs ----

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        -1e4..1e4f64,
        (-100_000i64..100_000).prop_map(|n| n as f64),
        prop::num::f64::POSITIVE
            | prop::num::f64::NEGATIVE
            | prop::num::f64::NORMAL
            | prop::num::f64::SUBNORMAL
            | prop::num::f64::ZERO,
    ]
}

fn non_negative() -> impl Strategy<Value = f64> {
    finite().prop_map(f64::abs)
}

/// Below 1e9, so that sums such as `latency + spread` stay finite.
fn modest() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), 0.0..1e3f64, (0u32..100_000).prop_map(f64::from)]
}

fn positive() -> impl Strategy<Value = f64> {
    non_negative().prop_map(|v| if v > 0.0 { v } else { 1.0 })
}

fn probability() -> impl Strategy<Value = f64> {
    prop_oneof![Just(1.0), Just(0.999), 1e-9..=1.0f64]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        regex(&format!("[a-zA-Z0-9 \"\\\\/~\n\té😀{{}}]{{0,{max}}}")),
        regex(&format!("\\PC{{0,{max}}}")),
    ]
}

fn regex(re: &str) -> impl Strategy<Value = String> {
    proptest::string::string_regex(re).expect("a valid regex")
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        finite().prop_map(|f| json!(f)),
        text(8).prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z~/]{1,4}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Unknown fields: names the format does not use (they all start with `u_`).
fn extra() -> impl Strategy<Value = Extra> {
    prop::collection::btree_map("u_[a-z_]{0,6}", json_value(), 0..2)
        .prop_map(|m| m.into_iter().collect())
}

fn kind() -> impl Strategy<Value = Kind> {
    (0..Kind::ALL.len()).prop_map(|i| Kind::ALL[i])
}

/// A prefix for generated ids; the type letter and index that follow keep
/// them unique.
fn prefix() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_.-]{0,6}"
}

fn block(zones: usize) -> impl Strategy<Value = Block> {
    (
        (prefix(), kind(), text(12), finite(), finite(), text(12)),
        (
            non_negative(),
            1u32..=10_000,
            any::<u32>(),
            1u32..=10_000,
            probability(),
        ),
        (modest(), modest(), any::<bool>()),
        (
            prop::option::of(positive()),
            prop::option::of(positive()),
            any::<bool>(),
            0.0..=1.0f64,
        ),
        (
            0..3usize,
            prop::option::of(0..zones.max(1)),
            prop::option::of(positive()),
        ),
        (any::<bool>(), extra()),
    )
        .prop_map(move |(a, b, c, d, e, f)| {
            let (prefix, kind, label, x, y, notes) = a;
            let mut blk = Block::new(prefix, kind, x, y);
            blk.label = if label == kind.name() {
                String::new()
            } else {
                label
            };
            blk.notes = notes;
            (blk.rps, blk.replicas, blk.shards, blk.availability) = (b.0, b.1, b.3, b.4);
            blk.min_healthy = 1 + b.2 % blk.replicas;
            let (latency, spread, flat) = c;
            blk.latency_ms = latency;
            blk.p99_ms = if latency == 0.0 || flat {
                latency
            } else {
                latency + spread
            };
            (
                blk.capacity_rps,
                blk.write_capacity_rps,
                blk.single_writer,
                blk.hit_ratio,
            ) = d;
            blk.route = [Route::All, Route::Split, Route::Failover][e.0];
            blk.zone = e.1.filter(|_| zones > 0).map(|z| format!("z{z}"));
            blk.ttl_s = e.2;
            blk.dead_letter = f.0;
            blk.extra = f.1;
            blk
        })
}

fn link() -> impl Strategy<Value = (usize, usize, Link)> {
    (
        (
            prefix(),
            any::<usize>(),
            any::<usize>(),
            text(12),
            any::<bool>(),
            any::<bool>(),
        ),
        (0.0..=1_000.0f64, modest(), any::<bool>(), any::<bool>()),
        (
            prop::option::of(positive()),
            0u32..=10,
            any::<bool>(),
            any::<bool>(),
            extra(),
        ),
    )
        .prop_map(|(a, b, c)| {
            let mut l = Link::new(a.0, "", "");
            l.label = a.3;
            l.mode = if a.4 { Mode::Async } else { Mode::Sync };
            l.op = if a.5 { Op::Write } else { Op::Read };
            (l.calls, l.latency_ms, l.parallel, l.optional) = b;
            (l.timeout_ms, l.retries, l.backoff, l.idempotent, l.extra) = c;
            (a.1, a.2, l)
        })
}

fn zone() -> impl Strategy<Value = Zone> {
    (
        text(12),
        probability(),
        finite(),
        finite(),
        positive(),
        positive(),
        extra(),
    )
        .prop_map(|(label, availability, x, y, w, h, extra)| Zone {
            label,
            availability,
            extra,
            ..Zone::new("", x, y, w, h)
        })
}

fn sticky() -> impl Strategy<Value = Sticky> {
    (prefix(), text(30), finite(), finite(), extra()).prop_map(|(p, t, x, y, extra)| Sticky {
        extra,
        ..Sticky::new(p, t, x, y)
    })
}

fn targets() -> impl Strategy<Value = Targets> {
    (
        prop::option::of(probability()),
        prop::option::of(positive()),
        prop::option::of(1u32..1_000),
        extra(),
    )
        .prop_map(|(availability, p99_ms, team_size, extra)| Targets {
            availability,
            p99_ms,
            team_size,
            extra,
        })
}

/// Valid designs of every shape the format allows (small ones).
pub(crate) fn design() -> impl Strategy<Value = Design> {
    (0..3usize)
        .prop_flat_map(|zones| {
            (
                (text(20), text(40), targets(), extra()),
                prop::collection::vec(block(zones), 0..8),
                prop::collection::vec(link(), 0..12),
                prop::collection::vec(zone(), zones..=zones),
                prop::collection::vec(sticky(), 0..3),
            )
        })
        .prop_map(|(top, mut blocks, links, mut zones, mut stickies)| {
            for (i, b) in blocks.iter_mut().enumerate() {
                b.id = format!("{}b{i}", b.id);
            }
            for (i, z) in zones.iter_mut().enumerate() {
                z.id = format!("z{i}");
            }
            for (i, s) in stickies.iter_mut().enumerate() {
                s.id = format!("{}s{i}", s.id);
            }
            let n = blocks.len();
            let links = if n < 2 {
                Vec::new()
            } else {
                links
                    .into_iter()
                    .enumerate()
                    .map(|(i, (from, step, mut l))| {
                        let f = from % n;
                        l.id = format!("{}l{i}", l.id);
                        l.from = blocks[f].id.clone();
                        l.to = blocks[(f + 1 + step % (n - 1)) % n].id.clone();
                        l
                    })
                    .collect()
            };
            Design {
                title: top.0,
                notes: top.1,
                targets: top.2,
                blocks,
                links,
                zones,
                stickies,
                accepted: Vec::new(),
                scenarios: Vec::new(),
                extra: top.3,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn generated_designs_are_valid(d in design()) {
        prop_assert_eq!(validate(&d), Ok(()));
    }

    #[test]
    fn load_of_save_is_the_design(d in design()) {
        let text = save(&d);
        let back = load(&text);
        prop_assert_eq!(back.as_ref(), Ok(&d), "saved text:\n{}", text);
        prop_assert_eq!(save(&d), text);
    }
}

#[test]
fn a_large_design_loads_quickly() {
    // 10,000 blocks and 50,000 links: the limits themselves.
    let blocks: Vec<Value> = (0..10_000)
        .map(|i| json!({ "id": format!("b{i}"), "kind": "service", "x": i, "y": 0 }))
        .collect();
    let links: Vec<Value> = (0..50_000)
        .map(|i| {
            json!({ "id": format!("l{i}"), "from": format!("b{}", i % 10_000),
                         "to": format!("b{}", (i * 7 + 1) % 10_000) })
        })
        .collect();
    let v = json!({ "format": "envelope/design", "version": 1, "blocks": blocks, "links": links });
    let text = v.to_string();
    let start = std::time::Instant::now();
    let d = load(&text).expect("a design at the limits loads");
    assert_eq!((d.blocks.len(), d.links.len()), (10_000, 50_000));
    assert!(load(&save(&d)).is_ok());
    assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}", start.elapsed());
}

/// Accepted findings (an addition to the format for design reviews) load, save
/// and round-trip; old files without them load as before.
#[test]
fn accepted_findings_round_trip() {
    let mut v = base();
    v["accepted"] = json!([
        { "rule": "spof", "blocks": ["db"], "links": [], "reason": "Managed DB with failover" }
    ]);
    let d = load(&v.to_string()).expect("loads");
    assert_eq!(d.accepted.len(), 1);
    assert_eq!(d.accepted[0].reason, "Managed DB with failover");
    assert!(d.acceptance("spof", &["db".to_string()], &[]).is_some());
    assert!(d.acceptance("spof", &["api".to_string()], &[]).is_none());
    let text = save(&d);
    assert!(text.contains("\"accepted\""));
    assert_eq!(load(&text).expect("reloads"), d);
    assert!(load(&base().to_string())
        .expect("loads")
        .accepted
        .is_empty());
    assert!(!save(&load(&base().to_string()).expect("loads")).contains("accepted"));
}

#[test]
fn a_bad_accepted_entry_names_where() {
    let mut v = base();
    v["accepted"] = json!([{ "rule": "spof", "blocks": ["db", 3] }]);
    let errors = errors_of(&v);
    assert!(error_at(&errors, "/accepted/0/blocks/1").contains("expected an id"));
    assert!(error_at(&errors, "/accepted/0/reason").contains("missing required field"));
    let mut v = base();
    v["accepted"] = json!([{ "rule": "spof", "reason": "x".repeat(1001) }]);
    assert!(error_at(&errors_of(&v), "/accepted/0/reason").contains("1000"));
}
