//! JSON text → `Design`: the types, required fields and unknown fields.
//! Ranges and references are left to `check`, which runs on the result.
//! Each kind of object (block, link, zone, sticky, …) is read in `items.rs`.

mod items;
mod obj;

use std::collections::BTreeSet;

use serde_json::Value;

use super::number::{describe_int, Range};
use super::{escape_pointer, LoadError, FORMAT, VERSIONS};
use crate::core::model::Design;
use crate::core::schema::{self, BLOCK_FIELDS, LINK_FIELDS};
use obj::Obj;

/// What `read` found: the design (failed fields hold their defaults), the
/// errors, and the pointers of fields that failed to read.
pub(super) type Partial = (Design, Vec<LoadError>, BTreeSet<String>);

/// The fields the format knows, per object; `write` leaves them out of `extra`.
pub(super) const TOP_KEYS: &[&str] = &[
    "format",
    "version",
    "title",
    "notes",
    "targets",
    "blocks",
    "links",
    "zones",
    "stickies",
    "accepted",
    "scenarios",
];
pub(super) const SCENARIO_KEYS: &[&str] = &["id", "name", "scale", "fail", "targets"];
pub(super) const SCENARIO_TARGET_KEYS: &[&str] = &["availability", "p99_ms"];
pub(super) const ACCEPTED_KEYS: &[&str] = &["rule", "blocks", "links", "reason"];
pub(super) const TARGET_KEYS: &[&str] = &["availability", "p99_ms", "team_size"];
/// `id` and the schema's keys, in save order.
pub(super) const BLOCK_KEYS: &[&str] = &schema::keys::<_, _, 26, 27>(&["id"], &BLOCK_FIELDS);
pub(super) const LINK_KEYS: &[&str] = &schema::keys::<_, _, 15, 16>(&["id"], &LINK_FIELDS);
pub(super) const ZONE_KEYS: &[&str] = &["id", "label", "availability", "x", "y", "w", "h"];
pub(super) const STICKY_KEYS: &[&str] = &["id", "text", "x", "y"];

const ID_RULE: &str = "1 to 64 characters from A-Z a-z 0-9 _ . -";

/// Parse and read a document. `Err` only for problems that stop reading
/// altogether: not JSON, not an object, wrong `format` or `version`.
///
/// Spec choice: a wrong `format` or unsupported `version` stops reading there,
/// since the rest of such a document follows rules this build does not know.
/// Spec choice: `null` for an optional field reads as the field being absent.
/// Spec choice: a leading UTF-8 byte order mark is skipped.
pub(super) fn read(text: &str) -> Result<Partial, Vec<LoadError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| vec![syntax_error(&e)])?;
    let Value::Object(map) = &root else {
        return Err(vec![LoadError::new(
            "",
            format!(
                "expected a JSON object (a design document), found {}",
                found(&root)
            ),
        )]);
    };
    let mut r = Reader::default();
    let top = Obj::new(map, String::new(), TOP_KEYS);
    r.header(&top);
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let mut d = Design {
        title: r.string(&top, "title", 200),
        notes: r.string(&top, "notes", 20_000),
        ..Design::default()
    };
    if let Some(t) = r.object(&top, "targets", "a targets object", TARGET_KEYS) {
        d.targets = r.targets(&t);
    }
    d.blocks = r.list(
        &top,
        "blocks",
        true,
        "a block object",
        BLOCK_KEYS,
        Reader::block,
    );
    d.links = r.list(
        &top,
        "links",
        true,
        "a link object",
        LINK_KEYS,
        Reader::link,
    );
    d.zones = r.list(
        &top,
        "zones",
        false,
        "a zone object",
        ZONE_KEYS,
        Reader::zone,
    );
    d.stickies = r.list(
        &top,
        "stickies",
        false,
        "a sticky object",
        STICKY_KEYS,
        Reader::sticky,
    );
    d.accepted = r.list(
        &top,
        "accepted",
        false,
        "an accepted-finding object",
        ACCEPTED_KEYS,
        Reader::acceptance,
    );
    d.scenarios = r.list(
        &top,
        "scenarios",
        false,
        "a scenario object",
        SCENARIO_KEYS,
        Reader::scenario,
    );
    d.extra = top.extra();
    Ok((d, r.errors, r.failed))
}

fn syntax_error(e: &serde_json::Error) -> LoadError {
    let full = e.to_string();
    let what = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    let message = if what == "number out of range" {
        "not valid JSON: a number too large to represent (expected a finite number)".to_string()
    } else {
        format!("not valid JSON: {what}")
    };
    LoadError::new(format!("line {}, column {}", e.line(), e.column()), message)
}

/// A short description of a JSON value, for "found …".
fn found(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let quoted = serde_json::to_string(&short).unwrap_or_default();
            if short.len() < s.len() {
                format!("the string {}…", quoted.trim_end_matches('"'))
            } else {
                format!("the string {quoted}")
            }
        }
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

#[derive(Default)]
struct Reader {
    errors: Vec<LoadError>,
    failed: BTreeSet<String>,
}

impl Reader {
    fn fail(&mut self, at: String, message: String) {
        self.failed.insert(at.clone());
        self.errors.push(LoadError { at, message });
    }

    fn missing(&mut self, o: &Obj, key: &str, expected: &str) {
        self.fail(
            o.ptr(key),
            format!("missing required field \"{key}\": expected {expected}"),
        );
    }

    fn wrong(&mut self, o: &Obj, key: &str, expected: &str, v: &Value) {
        self.fail(
            o.ptr(key),
            format!("expected {expected}, found {}", found(v)),
        );
    }

    fn header(&mut self, top: &Obj) {
        match top.get("format") {
            None => self.missing(top, "format", "\"envelope/design\""),
            Some(Value::String(s)) if s == FORMAT => {}
            Some(v) => self.wrong(top, "format", "\"envelope/design\"", v),
        }
        let reads = VERSIONS
            .iter()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        match top.get("version") {
            None => self.missing(
                top,
                "version",
                &format!("a version number (this build reads version {reads})"),
            ),
            Some(Value::Number(n)) => {
                if !n.as_u64().is_some_and(|v| VERSIONS.contains(&v)) {
                    self.fail(
                        top.ptr("version"),
                        format!("unsupported version {n}: this build reads version {reads}"),
                    );
                }
            }
            Some(v) => self.wrong(
                top,
                "version",
                &format!("a version number (this build reads version {reads})"),
                v,
            ),
        }
    }

    fn num(&mut self, o: &Obj, key: &str, range: Range, default: f64) -> f64 {
        self.opt_num(o, key, range).unwrap_or(default)
    }

    fn opt_num(&mut self, o: &Obj, key: &str, range: Range) -> Option<f64> {
        match o.get(key)? {
            Value::Number(n) => n.as_f64(),
            v => {
                self.wrong(o, key, &range.describe(), v);
                None
            }
        }
    }

    fn req_num(&mut self, o: &Obj, key: &str, range: Range) -> f64 {
        if o.get(key).is_none() {
            self.missing(o, key, &range.describe());
            return 0.0;
        }
        self.num(o, key, range, 0.0)
    }

    /// An integer field. Spec choice: a number with a zero fraction (`3.0`)
    /// counts as an integer, since JSON does not tell them apart.
    fn int(&mut self, o: &Obj, key: &str, lo: u32, hi: u32, default: u32) -> u32 {
        let Some(v) = o.get(key) else {
            return default;
        };
        let as_int = v
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u32::MAX as f64);
        match as_int {
            Some(f) => f as u32,
            None => {
                self.wrong(o, key, &describe_int(lo, hi), v);
                default
            }
        }
    }

    fn boolean(&mut self, o: &Obj, key: &str) -> bool {
        match o.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => {
                self.wrong(o, key, "true or false", v);
                false
            }
        }
    }

    fn string(&mut self, o: &Obj, key: &str, max: usize) -> String {
        match o.get(key) {
            None => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => {
                self.wrong(o, key, &format!("a string of at most {max} characters"), v);
                String::new()
            }
        }
    }

    /// A required id (or a reference to one).
    fn id(&mut self, o: &Obj, key: &str, what: &str) -> String {
        let expected = format!("{what} ({ID_RULE})");
        match o.get(key) {
            None => {
                self.missing(o, key, &expected);
                String::new()
            }
            Some(Value::String(s)) => s.clone(),
            Some(v) => {
                self.wrong(o, key, &expected, v);
                String::new()
            }
        }
    }

    /// One of a few names; `None` when absent or wrong.
    fn choice(&mut self, o: &Obj, key: &str, names: &[&str]) -> Option<usize> {
        let v = o.get(key)?;
        let pos = v.as_str().and_then(|s| names.iter().position(|n| *n == s));
        if pos.is_none() {
            let list = names
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", ");
            self.wrong(o, key, &format!("one of {list}"), v);
        }
        pos
    }

    fn object<'a>(
        &mut self,
        o: &Obj<'a>,
        key: &str,
        what: &str,
        known: &'static [&'static str],
    ) -> Option<Obj<'a>> {
        match o.get(key)? {
            Value::Object(m) => Some(Obj::new(m, o.ptr(key), known)),
            v => {
                self.wrong(o, key, what, v);
                None
            }
        }
    }

    /// An array of objects, each read by `item`.
    fn list<T>(
        &mut self,
        o: &Obj,
        key: &str,
        required: bool,
        what: &str,
        known: &'static [&'static str],
        item: fn(&mut Reader, &Obj) -> T,
    ) -> Vec<T> {
        let items = match o.get(key) {
            None => {
                if required {
                    self.missing(o, key, "an array (it may be empty)");
                }
                return Vec::new();
            }
            Some(Value::Array(items)) => items,
            Some(v) => {
                self.wrong(o, key, "an array", v);
                return Vec::new();
            }
        };
        let base = o.ptr(key);
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let at = format!("{base}/{i}");
            match v {
                Value::Object(m) => out.push(item(self, &Obj::new(m, at, known))),
                v => self.fail(at, format!("expected {what}, found {}", found(v))),
            }
        }
        out
    }
}
