//! Tests: the design document's JSON Schema (`format::json_schema`), checked
//! with a maintained validator (the `jsonschema` crate): it is current in
//! `public/`, names every field of the tables, accepts every design that
//! loads (templates, fixtures, the spec's examples, generated designs), and
//! refuses what the loader refuses field by field, at the same place.

use std::path::{Path, PathBuf};
use std::process::Command;

use envelope::core::format::{json_schema, json_schema_text, load, save, ID_PATTERN};
use envelope::core::generate;
use envelope::core::schema::{BLOCK_FIELDS, LINK_FIELDS};
use jsonschema::Validator;
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> Validator {
    jsonschema::draft202012::new(&json_schema()).expect("the schema is a valid 2020-12 schema")
}

/// The validator's complaints about `doc`: (instance path, message).
fn complaints(v: &Validator, doc: &Value) -> Vec<(String, String)> {
    v.iter_errors(doc)
        .map(|e| (e.instance_path().as_str().to_string(), e.to_string()))
        .collect()
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".json")
                && !name.ends_with(".report.json")
                && !name.ends_with("index.json")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_served_schema_is_current() {
    let path = root().join("public/design.schema.json");
    let served = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        served == json_schema_text(),
        "public/design.schema.json is not the schema this build generates: run \
         `cargo run --bin envelope -- schema > public/design.schema.json` and commit it"
    );
    // index.html copies it to the site's root, beside index.html.
    let index = std::fs::read_to_string(root().join("index.html")).expect("index.html");
    assert!(index.contains(r#"rel="copy-file" href="public/design.schema.json""#));
}

#[test]
fn the_cli_prints_the_schema() {
    let out = Command::new(env!("CARGO_BIN_EXE_envelope"))
        .arg("schema")
        .output()
        .expect("the CLI runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), json_schema_text());
    let extra = Command::new(env!("CARGO_BIN_EXE_envelope"))
        .args(["schema", "x.json"])
        .output()
        .expect("the CLI runs");
    assert_eq!(extra.status.code(), Some(2));
}

#[test]
fn every_table_field_is_in_the_schema_with_its_type_and_a_description() {
    let s = json_schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(s["$id"]
        .as_str()
        .is_some_and(|id| id.starts_with("https://")));
    let keys = BLOCK_FIELDS
        .iter()
        .map(|f| ("block", f.key))
        .chain(LINK_FIELDS.iter().map(|f| ("link", f.key)));
    for (def, key) in keys {
        let p = &s["$defs"][def]["properties"][key];
        assert!(
            p["type"].is_string() || p["type"].is_array(),
            "{def}.{key}: {p}"
        );
        assert!(
            p["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{def}.{key} has no description"
        );
    }
    for def in ["block", "link", "zone", "sticky", "accepted", "scenario"] {
        for (key, p) in s["$defs"][def]["properties"].as_object().expect(def) {
            assert!(p.get("type").is_some(), "{def}.{key} has no type");
        }
        // Unknown fields are kept by the loader: the schema never refuses them.
        assert!(s["$defs"][def].get("additionalProperties").is_none());
    }
    for (key, p) in s["properties"].as_object().expect("top-level properties") {
        assert!(p.get("description").is_some(), "{key} has no description");
    }
    // The ranges, as format.md §1 and model-2.md §1 give them.
    let block = &s["$defs"]["block"]["properties"];
    assert_eq!(block["replicas"]["minimum"], 1);
    assert_eq!(block["replicas"]["maximum"], 10_000);
    assert_eq!(block["availability"]["exclusiveMinimum"], 0);
    assert_eq!(block["availability"]["maximum"], 1);
    assert_eq!(block["capacity_rps"]["exclusiveMinimum"], 0);
    assert_eq!(block["peak_factor"]["minimum"], 1);
    assert_eq!(block["peak_factor"]["maximum"], 100);
    assert_eq!(block["label"]["maxLength"], 200);
    assert_eq!(
        block["route"]["enum"],
        json!(["all", "split", "failover", null])
    );
    assert_eq!(block["kind"]["enum"].as_array().map(Vec::len), Some(20));
    assert_eq!(block["zone"]["pattern"], ID_PATTERN);
    assert_eq!(
        s["$defs"]["block"]["required"],
        json!(["id", "kind", "x", "y"])
    );
    assert_eq!(s["$defs"]["link"]["required"], json!(["id", "from", "to"]));
    assert_eq!(s["$defs"]["link"]["properties"]["calls"]["maximum"], 1000);
    assert_eq!(
        s["$defs"]["link"]["properties"]["backoff_ms"]["default"],
        100
    );
    assert!(block["p99_ms"]["description"]
        .as_str()
        .is_some_and(|d| d.contains("latency_ms")));
}

#[test]
fn every_design_that_loads_validates() {
    let v = validator();
    let mut dirs = vec![
        root().join("public/templates"),
        root().join("tests/fixtures/spec-examples"),
        root().join("tests/fixtures/cli"),
    ];
    let mut checked = 0;
    for dir in dirs.drain(..) {
        for path in json_files(&dir) {
            let text = std::fs::read_to_string(&path).expect("readable");
            let loads = load(&text).is_ok();
            let Ok(doc) = serde_json::from_str::<Value>(&text) else {
                assert!(!loads);
                continue;
            };
            let found = complaints(&v, &doc);
            if loads {
                assert!(found.is_empty(), "{}: {found:?}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 8 + 6 + 2, "only {checked} designs checked");
    let spec: Value = serde_json::from_str(crate::format::SPEC_EXAMPLE).expect("JSON");
    assert!(v.is_valid(&spec), "{:?}", complaints(&v, &spec));
    for (n, seed) in [(30, 1), (200, 7), (1_000, 3)] {
        let d = generate::design(n, seed);
        let doc: Value = serde_json::from_str(&save(&d)).expect("JSON");
        assert!(v.is_valid(&doc), "{n} blocks: {:?}", complaints(&v, &doc));
    }
}

/// A small valid design with one of everything.
fn base() -> Value {
    json!({
        "format": "envelope/design",
        "version": 1,
        "title": "t",
        "targets": { "availability": 0.999, "p99_ms": 200, "team_size": 3 },
        "blocks": [
            { "id": "users", "kind": "client", "x": 0, "y": 0, "rps": 100 },
            { "id": "api", "kind": "service", "x": 200, "y": 0, "replicas": 2,
              "latency_ms": 20, "p99_ms": 50, "zone": "az1" },
            { "id": "db", "kind": "relational_db", "x": 400, "y": 0 }
        ],
        "links": [
            { "id": "l1", "from": "users", "to": "api" },
            { "id": "l2", "from": "api", "to": "db", "timeout_ms": 100 }
        ],
        "zones": [ { "id": "az1", "x": 100, "y": -100, "w": 300, "h": 200 } ],
        "stickies": [ { "id": "s1", "text": "hi", "x": 0, "y": 300 } ],
        "accepted": [ { "rule": "spof", "blocks": ["db"], "reason": "a test" } ],
        "scenarios": [ { "id": "sc", "name": "Twice", "scale": 2, "fail": ["db"],
                         "targets": { "p99_ms": 500 } } ]
    })
}

/// Values to put in every field: numbers at and past each range's ends,
/// whole and not, texts at and past each length, names, the wrong types.
fn candidates() -> Vec<Value> {
    let mut out: Vec<Value> = [
        -1.0,
        -0.5,
        0.0,
        0.5,
        1.0,
        1.5,
        2.0,
        3.0,
        10.0,
        11.0,
        99.5,
        100.0,
        101.0,
        1_000.0,
        1_000.5,
        10_000.0,
        10_001.0,
        4_294_967_296.0,
        1e300,
        -1e300,
    ]
    .into_iter()
    .map(|f| json!(f))
    .collect();
    out.extend([json!(0), json!(1), json!(2), json!(-3), json!(64)]);
    for n in [
        64, 65, 200, 201, 1_000, 1_001, 2_000, 2_001, 5_000, 5_001, 20_000, 20_001,
    ] {
        out.push(json!("x".repeat(n)));
    }
    out.push(json!("é".repeat(200)));
    out.push(json!("é".repeat(201)));
    for s in [
        "",
        "a b",
        "db",
        "az1",
        "users",
        "all",
        "split",
        "failover",
        "sync",
        "async",
        "read",
        "write",
        "client",
        "queue",
        "mainframe",
        "envelope/design",
        "1",
    ] {
        out.push(json!(s));
    }
    out.extend([
        json!(true),
        json!(false),
        Value::Null,
        json!([]),
        json!(["db"]),
        json!(["a b"]),
        json!([1]),
        json!({}),
        json!([{}]),
    ]);
    out
}

/// Fields whose loader errors depend on other fields (ids' uniqueness and
/// references, p99 against the median, min healthy against replicas), which
/// a JSON Schema cannot say; there the schema may accept what the loader
/// refuses, never the reverse. The whole document's `version`: JSON Schema
/// cannot tell `1.0` from `1`.
const RELATIONAL: &[(&str, &str)] = &[
    ("/blocks/0", "id"),
    ("/blocks/1", "id"),
    ("/blocks/1", "min_healthy"),
    ("/blocks/1", "latency_ms"),
    ("/blocks/1", "p99_ms"),
    ("/blocks/1", "zone"),
    ("/blocks/0", "zone"),
    ("/blocks/0", "p99_ms"),
    ("/blocks/0", "min_healthy"),
    ("/links/1", "id"),
    ("/links/1", "from"),
    ("/links/1", "to"),
    ("/zones/0", "id"),
    ("/stickies/0", "id"),
    ("/scenarios/0", "id"),
    ("/scenarios/0", "fail"),
    ("", "blocks"),
    ("", "zones"),
    ("", "version"),
];

#[test]
fn the_schema_and_the_loader_agree_field_by_field() {
    let v = validator();
    let base = base();
    assert!(load(&base.to_string()).is_ok(), "the base design loads");
    assert!(v.is_valid(&base), "{:?}", complaints(&v, &base));
    let s = json_schema();
    let keys = |def: &str| -> Vec<String> {
        let mut k: Vec<String> = s["$defs"][def]["properties"]
            .as_object()
            .expect(def)
            .keys()
            .cloned()
            .collect();
        k.push("unknown_field".into());
        k
    };
    let top: Vec<String> = s["properties"]
        .as_object()
        .expect("top")
        .keys()
        .cloned()
        .collect();
    let objects: Vec<(&str, Vec<String>)> = vec![
        ("", top),
        (
            "/targets",
            vec![
                "availability".into(),
                "p99_ms".into(),
                "team_size".into(),
                "x".into(),
            ],
        ),
        ("/blocks/0", keys("block")),
        ("/blocks/1", keys("block")),
        ("/links/1", keys("link")),
        ("/zones/0", keys("zone")),
        ("/stickies/0", keys("sticky")),
        ("/accepted/0", keys("accepted")),
        ("/scenarios/0", keys("scenario")),
        (
            "/scenarios/0/targets",
            vec!["availability".into(), "p99_ms".into(), "x".into()],
        ),
    ];
    let mut tried = 0;
    for (at, keys) in &objects {
        for key in keys {
            let relational = RELATIONAL.contains(&(*at, key.as_str()));
            let mut values: Vec<Option<Value>> = candidates().into_iter().map(Some).collect();
            values.push(None);
            for value in values {
                let mut doc = base.clone();
                let obj = doc
                    .pointer_mut(at)
                    .and_then(Value::as_object_mut)
                    .expect(at);
                match &value {
                    Some(x) => obj.insert(key.clone(), x.clone()),
                    None => obj.remove(key),
                };
                let loads = load(&doc.to_string()).is_ok();
                let valid = v.is_valid(&doc);
                let shown = value.as_ref().map_or("(absent)".to_string(), |x| {
                    x.to_string().chars().take(40).collect()
                });
                assert!(
                    valid || !loads,
                    "{at}/{key} = {shown} loads but the schema refuses it: {:?}",
                    complaints(&v, &doc)
                );
                assert!(
                    loads || !valid || relational,
                    "{at}/{key} = {shown} does not load but the schema accepts it"
                );
                tried += 1;
            }
        }
    }
    assert!(tried > 5_000, "{tried}");
}

#[test]
fn bad_documents_are_refused_where_the_loader_refuses_them() {
    let v = validator();
    let cases: Vec<(&str, Value, &str)> = vec![
        ("negative replicas", json!(-2), "/blocks/1/replicas"),
        ("an unknown kind", json!("mainframe"), "/blocks/1/kind"),
        ("availability 1.5", json!(1.5), "/blocks/1/availability"),
        ("a bad id", json!("a b"), "/blocks/1/id"),
        ("a mode that is none", json!("sometimes"), "/links/1/mode"),
        ("a scale of 0", json!(0), "/scenarios/0/scale"),
    ];
    for (what, value, at) in cases {
        let mut doc = base();
        let (parent, key) = at.rsplit_once('/').expect("a field");
        doc.pointer_mut(parent).expect(parent)[key] = value;
        let found = complaints(&v, &doc);
        assert!(
            found.iter().any(|(p, _)| p == at),
            "{what}: the schema should refuse {at}; it says {found:?}"
        );
        let errors = load(&doc.to_string()).expect_err(what);
        assert!(errors.iter().any(|e| e.at == at), "{what}: {errors:?}");
    }
    // model-2.md §1: `users` and `rps` on one block.
    let mut doc = base();
    doc["blocks"][0]["users"] = json!(1_000_000);
    let found = complaints(&v, &doc);
    assert!(found.iter().any(|(p, _)| p == "/blocks/0/rps"), "{found:?}");
    // A missing required list: the validator names the object that lacks it.
    let mut doc = base();
    doc.as_object_mut().expect("object").remove("blocks");
    let found = complaints(&v, &doc);
    assert!(
        found
            .iter()
            .any(|(p, m)| p.is_empty() && m.contains("blocks")),
        "{found:?}"
    );
}

#[test]
fn unknown_fields_and_nulls_are_accepted_as_the_loader_accepts_them() {
    let v = validator();
    let mut doc = base();
    doc["$schema"] = json!("./design.schema.json");
    doc["future"] = json!({ "anything": [1, 2] });
    doc["blocks"][1]["colour"] = json!("teal");
    doc["blocks"][1]["capacity_rps"] = Value::Null;
    doc["links"][0]["route_hint"] = json!(3);
    doc["targets"] = Value::Null;
    assert!(load(&doc.to_string()).is_ok());
    assert!(v.is_valid(&doc), "{:?}", complaints(&v, &doc));
}
