//! The design document's JSON Schema (draft 2020-12), for editors and other
//! tools: generated from the tables the reader uses, so a field added there
//! appears here with no code of its own. Block and link fields come from
//! `core::schema` (type, range, default, label, unit); the other objects' keys
//! from the reader's own lists (`read::TOP_KEYS`, `ZONE_KEYS`, …).
//! `envelope schema` prints it; the app serves it as `design.schema.json`
//! (`public/design.schema.json`, tested to be current).
//!
//! A schema says less than the loader: unique ids, references (a link's
//! ends, a block's zone, a scenario's `fail`), `p99_ms ≥ latency_ms`,
//! `min_healthy ≤ replicas` and the 5 MiB limit are the loader's alone. Every
//! document that loads validates, and a field out of its own range fails both
//! (`tests/it/json_schema.rs` checks both directions field by field).

use serde_json::{json, Map, Value};

use super::read::{
    ACCEPTED_KEYS, BLOCK_KEYS, LINK_KEYS, SCENARIO_KEYS, SCENARIO_TARGET_KEYS, STICKY_KEYS,
    TARGET_KEYS, TOP_KEYS, ZONE_KEYS,
};
use super::{FORMAT, MAX_BLOCKS, MAX_LINKS, VERSIONS};
use crate::core::model::{Block, Kind, Link};
use crate::core::schema::{FieldSpec, FieldValue, Io, Range, Ty, BLOCK_FIELDS, LINK_FIELDS};

/// Spec choice: the schema's `$id`. The app has no canonical host, so the id
/// is a name under the reserved `.invalid` domain, as the CLI's default share
/// base (`envelope link`); editors find the schema by file name instead
/// (README, "JSON Schema").
pub const SCHEMA_ID: &str = "https://envelope.invalid/design.schema.json";
/// format.md §1's id alphabet, as `model::is_valid_id` checks it.
pub const ID_PATTERN: &str = "^[A-Za-z0-9_.-]{1,64}$";
const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";
/// The most scenarios a design holds (model-2.md §1).
const MAX_SCENARIOS: usize = 50;

/// The JSON Schema of the design document.
pub fn json_schema() -> Value {
    let mut properties = Map::new();
    // Spec choice: `$schema` is not a format field; a document may carry one
    // for its editor, kept as an unknown field like any other (so of any type:
    // the loader refuses none). The templates carry none: a design saved from
    // one would keep it, and a path relative to the site means nothing beside
    // a user's file; editors match `*.envelope.json` instead (README).
    properties.insert(
        "$schema".into(),
        json!({ "description": "The schema an editor checks this file against, such as \"./design.schema.json\" (kept as an unknown field)." }),
    );
    for key in TOP_KEYS {
        properties.insert(key.to_string(), top(key));
    }
    let mut block = item(
        "A building block (format.md §1, Block).",
        BLOCK_KEYS,
        |k| table_field(&BLOCK_FIELDS, k, probe_block),
    );
    // model-2.md §1: with `users` the rate is derived, so `rps` must be absent.
    block["if"] = json!({ "required": ["users"], "properties": { "users": { "type": "number" } } });
    block["then"] = json!({ "properties": { "rps": { "type": "null", "description": "Absent on a block with users: its rate is derived." } } });
    json!({
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "Envelope design document",
        "description": "A system design for Envelope (format.md §1, model-2.md §1). Unknown fields anywhere are kept on load and written back on save. Unique ids, references between items, p99_ms ≥ latency_ms, min_healthy ≤ replicas and the 5 MiB limit are checked by the loader (envelope check), not by this schema.",
        "type": "object",
        "required": ["format", "version", "blocks", "links"],
        "properties": properties,
        "$defs": {
            "block": block,
            "link": item("A call or message from one block to another (format.md §1, Link).", LINK_KEYS, |k| table_field(&LINK_FIELDS, k, probe_link)),
            "zone": item("A failure domain whose blocks fail together (format.md §1, Zone).", ZONE_KEYS, zone),
            "sticky": item("A note on the canvas (format.md §1, Sticky).", STICKY_KEYS, sticky),
            "accepted": item("A warning or info finding accepted in a design review, with its reason.", ACCEPTED_KEYS, accepted),
            "scenario": item("A saved what-if, checked against its own targets (model-2.md §1).", SCENARIO_KEYS, scenario),
        },
    })
}

/// [`json_schema`] as pretty JSON with a trailing newline: what `envelope
/// schema` prints and `public/design.schema.json` holds.
pub fn json_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&json_schema()).expect("a schema serialises");
    s.push('\n');
    s
}

/// A property of the top-level object.
fn top(key: &str) -> Value {
    let list = |def: &str, what: &str, max: Option<usize>, required: bool| {
        let mut v = json!({ "type": "array", "description": what, "items": { "$ref": format!("#/$defs/{def}") } });
        if let Some(max) = max {
            v["maxItems"] = max.into();
        }
        opt(v, required)
    };
    match key {
        "format" => json!({ "const": FORMAT, "description": "Always \"envelope/design\"." }),
        "version" => {
            json!({ "type": "integer", "enum": VERSIONS, "description": "The format version this document follows." })
        }
        "title" => opt(text(200, "The design's title."), false),
        "notes" => opt(
            text(20_000, "Assumptions, constraints, what breaks first."),
            false,
        ),
        "targets" => opt(
            object(
                "What the design must meet; scenarios fall back to these.",
                TARGET_KEYS,
                targets,
            ),
            false,
        ),
        "blocks" => list(
            "block",
            "The building blocks (may be empty).",
            Some(MAX_BLOCKS),
            true,
        ),
        "links" => list(
            "link",
            "The calls and messages between blocks (may be empty).",
            Some(MAX_LINKS),
            true,
        ),
        "zones" => list("zone", "Failure domains.", None, false),
        "stickies" => list("sticky", "Notes on the canvas.", None, false),
        "accepted" => list(
            "accepted",
            "Findings accepted in a design review.",
            None,
            false,
        ),
        "scenarios" => list(
            "scenario",
            "Saved what-ifs (model-2.md §1).",
            Some(MAX_SCENARIOS),
            false,
        ),
        _ => json!({}),
    }
}

/// An item kept in a list: an object with the reader's keys, each property
/// and whether it is required from `field`.
fn item(description: &str, keys: &[&str], field: impl Fn(&str) -> (Value, bool)) -> Value {
    let mut required = Vec::new();
    let mut properties = Map::new();
    for key in keys {
        let (schema, needed) = field(key);
        if needed {
            required.push(Value::from(*key));
        }
        properties.insert(key.to_string(), opt(schema, needed));
    }
    json!({ "type": "object", "description": description, "required": required, "properties": properties })
}

/// An object nested in another (targets): every key optional.
fn object(description: &str, keys: &[&str], field: fn(&str) -> Value) -> Value {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|k| (k.to_string(), opt(field(k), false)))
        .collect();
    json!({ "type": "object", "description": description, "properties": properties })
}

/// A field of a block or link, from its table entry (`id` from the id rule).
/// Io::Hand fields (kind, coordinates, a link's ends) are the required ones.
fn table_field<T: 'static, F>(
    table: &[FieldSpec<T, F>],
    key: &str,
    probe: fn() -> T,
) -> (Value, bool) {
    if key == "id" {
        return (id("Unique id (1–64 of A-Z a-z 0-9 _ . -)."), true);
    }
    let Some(spec) = table.iter().find(|s| s.key == key) else {
        return (json!({}), false);
    };
    let unit = match spec.shown_unit() {
        "" | "users" => String::new(),
        u => format!(", in {u}"),
    };
    let mut about = format!("{}{unit}.", spec.label);
    let mut v = match spec.ty {
        Ty::Num { range, default } => {
            let mut v = number(range);
            match spec
                .default_from
                .and_then(|_| source_of(table, spec, probe))
            {
                Some(from) => about.push_str(&format!(" Default: the value of {from}.")),
                None => v["default"] = num(default),
            }
            v
        }
        Ty::OptNum { range, none } => {
            about.push_str(&format!(" Absent: {none}."));
            number(range)
        }
        Ty::Int { lo, hi, default } => {
            json!({ "type": "integer", "minimum": lo, "maximum": hi, "default": default })
        }
        Ty::Bool => json!({ "type": "boolean", "default": false }),
        Ty::Text { max, .. } => json!({ "type": "string", "maxLength": max }),
        Ty::Choice { names, .. } => {
            json!({ "type": "string", "enum": names, "default": names[0] })
        }
        Ty::Ref { what, .. } => {
            about = format!("{}: {what}.", spec.label);
            id("")
        }
        Ty::Kind => {
            let names: Vec<String> = Kind::ALL
                .iter()
                .map(|k| format!("{} ({})", k.as_str(), k.name()))
                .collect();
            about.push_str(&format!(" One of {}.", names.join(", ")));
            json!({ "type": "string", "enum": Kind::ALL.map(Kind::as_str) })
        }
    };
    v["description"] = about.into();
    (v, spec.io == Io::Hand)
}

/// The key of the field `spec` takes its default from (p99_ms: latency_ms),
/// found by giving each other number field of a probe a value of its own.
fn source_of<T, F>(
    table: &[FieldSpec<T, F>],
    spec: &FieldSpec<T, F>,
    probe: fn() -> T,
) -> Option<&'static str> {
    let from = spec.default_from?;
    let mut item = probe();
    for (i, s) in table.iter().enumerate() {
        (s.set)(&mut item, FieldValue::Number(1_000.0 + i as f64));
    }
    let value = from(&item);
    table
        .iter()
        .find(|s| s.key != spec.key && (s.get)(&item) == FieldValue::Number(value))
        .map(|s| s.key)
}

fn probe_block() -> Block {
    Block::new("probe", Kind::Service, 0.0, 0.0)
}

fn probe_link() -> Link {
    Link::new("probe", "a", "b")
}

fn zone(key: &str) -> (Value, bool) {
    match key {
        "id" => (id("Unique id among blocks, zones and stickies."), true),
        "label" => (text(200, "Label."), false),
        "availability" => (
            with(
                number(Range::Probability),
                "Availability of the zone itself.",
                num(1.0),
            ),
            false,
        ),
        "x" | "y" => (about(number(Range::Finite), "Top-left corner."), true),
        "w" | "h" => (about(number(Range::Positive), "Size."), true),
        _ => (json!({}), false),
    }
}

fn sticky(key: &str) -> (Value, bool) {
    match key {
        "id" => (id("Unique id among blocks, zones and stickies."), true),
        "text" => (text(2_000, "The note's text."), false),
        "x" | "y" => (about(number(Range::Finite), "Centre on the canvas."), true),
        _ => (json!({}), false),
    }
}

fn targets(key: &str) -> Value {
    match key {
        "availability" => about(number(Range::Probability), "Availability target."),
        "p99_ms" => about(number(Range::Positive), "p99 latency target, in ms."),
        "team_size" => {
            json!({ "type": "integer", "minimum": 1, "maximum": u32::MAX, "description": "People who run the design." })
        }
        _ => json!({}),
    }
}

fn accepted(key: &str) -> (Value, bool) {
    let ids =
        |what: &str| json!({ "type": "array", "items": { "type": "string" }, "description": what });
    match key {
        "rule" => (text(64, "The finding's rule id, such as \"spof\"."), true),
        "blocks" => (ids("The finding's blocks."), false),
        "links" => (ids("The finding's links."), false),
        "reason" => (text(1_000, "Why the finding is accepted."), true),
        _ => (json!({}), false),
    }
}

fn scenario(key: &str) -> (Value, bool) {
    match key {
        "id" => (id("Unique among scenarios."), true),
        "name" => (text(200, "What the scenario shows."), true),
        "scale" => (
            json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 1_000, "default": 1,
                    "description": "Every entry's rate × scale." }),
            false,
        ),
        "fail" => (
            json!({ "type": "array", "items": id(""), "default": [], "description": "Blocks and zones down." }),
            false,
        ),
        "targets" => (
            object(
                "This scenario's targets; an absent one is the design's.",
                SCENARIO_TARGET_KEYS,
                targets,
            ),
            false,
        ),
        _ => (json!({}), false),
    }
}

/// A number in `range`.
fn number(range: Range) -> Value {
    let mut v = json!({ "type": "number" });
    let (lo, lo_open, hi) = match range {
        Range::Finite => (None, false, None),
        Range::NonNegative => (Some(0.0), false, None),
        Range::Positive => (Some(0.0), true, None),
        Range::Probability => (Some(0.0), true, Some(1.0)),
        Range::Fraction => (Some(0.0), false, Some(1.0)),
        Range::UpTo(max) => (Some(0.0), false, Some(max)),
        Range::Between(lo, hi) => (Some(lo), false, Some(hi)),
    };
    if let Some(lo) = lo {
        v[if lo_open {
            "exclusiveMinimum"
        } else {
            "minimum"
        }] = num(lo);
    }
    if let Some(hi) = hi {
        v["maximum"] = num(hi);
    }
    v
}

fn text(max: usize, description: &str) -> Value {
    json!({ "type": "string", "maxLength": max, "description": description })
}

fn id(description: &str) -> Value {
    let mut v = json!({ "type": "string", "pattern": ID_PATTERN });
    if !description.is_empty() {
        v["description"] = description.into();
    }
    v
}

fn about(mut v: Value, description: &str) -> Value {
    v["description"] = description.into();
    v
}

fn with(v: Value, description: &str, default: Value) -> Value {
    let mut v = about(v, description);
    v["default"] = default;
    v
}

/// Spec choice: `null` on an optional field means absent (as the reader
/// reads it), so an optional property also accepts `null`.
fn opt(mut v: Value, required: bool) -> Value {
    if required {
        return v;
    }
    if let Some(t) = v.get("type").and_then(Value::as_str) {
        v["type"] = json!([t, "null"]);
    }
    if let Some(Value::Array(names)) = v.get_mut("enum") {
        names.push(Value::Null);
    }
    v
}

/// A number as JSON writes it: integral values without a fraction.
fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        Value::from(v as i64)
    } else {
        Value::from(v)
    }
}
