//! JSON text → `Design`: the types, required fields and unknown fields.
//! Ranges and references are left to `check`, which runs on the result.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::number::{describe_int, Range};
use super::{escape_pointer, LoadError, FORMAT, VERSIONS};
use crate::core::model::{
    Acceptance, Block, Design, Extra, Kind, Link, Mode, Op, Route, Sticky, Targets, Zone,
};

/// What `read` found: the design (failed fields hold their defaults), the
/// errors, and the pointers of fields that failed to read.
pub(super) type Partial = (Design, Vec<LoadError>, BTreeSet<String>);

/// The fields the format knows, per object; `write` leaves them out of `extra`.
pub(super) const TOP_KEYS: &[&str] = &[
    "format", "version", "title", "notes", "targets", "blocks", "links", "zones", "stickies",
    "accepted",
];
pub(super) const ACCEPTED_KEYS: &[&str] = &["rule", "blocks", "links", "reason"];
pub(super) const TARGET_KEYS: &[&str] = &["availability", "p99_ms", "team_size"];
pub(super) const BLOCK_KEYS: &[&str] = &[
    "id",
    "kind",
    "label",
    "x",
    "y",
    "notes",
    "rps",
    "replicas",
    "min_healthy",
    "shards",
    "availability",
    "latency_ms",
    "p99_ms",
    "capacity_rps",
    "write_capacity_rps",
    "single_writer",
    "hit_ratio",
    "route",
    "zone",
    "ttl_s",
    "dead_letter",
];
pub(super) const LINK_KEYS: &[&str] = &[
    "id",
    "from",
    "to",
    "label",
    "mode",
    "op",
    "calls",
    "latency_ms",
    "parallel",
    "optional",
    "timeout_ms",
    "retries",
    "backoff",
    "idempotent",
];
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

/// An object being read, with its pointer and the keys the format knows.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    at: String,
    known: &'static [&'static str],
}

impl<'a> Obj<'a> {
    fn new(map: &'a Map<String, Value>, at: String, known: &'static [&'static str]) -> Self {
        Obj { map, at, known }
    }

    fn ptr(&self, key: &str) -> String {
        format!("{}/{}", self.at, escape_pointer(key))
    }

    /// The value of a field; `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn extra(&self) -> Extra {
        // Inserted one by one: `collect` would sort first (the source is sorted).
        let mut out = Extra::new();
        out.extend(
            self.map
                .iter()
                .filter(|(k, _)| !self.known.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        out
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

    fn targets(&mut self, o: &Obj) -> Targets {
        let availability = self.opt_num(o, "availability", Range::Probability);
        let p99_ms = self.opt_num(o, "p99_ms", Range::Positive);
        let team_size = o
            .get("team_size")
            .map(|_| self.int(o, "team_size", 1, u32::MAX, 1));
        Targets {
            availability,
            p99_ms,
            team_size,
            extra: o.extra(),
        }
    }

    fn block(&mut self, o: &Obj) -> Block {
        let id = self.id(o, "id", "a block id");
        let kind = match o.get("kind") {
            None => {
                self.missing(o, "kind", &kinds_list());
                None
            }
            Some(v) => {
                let k = v.as_str().and_then(Kind::parse);
                if k.is_none() {
                    self.wrong(o, "kind", &kinds_list(), v);
                }
                k
            }
        };
        let x = self.req_num(o, "x", Range::Finite);
        let y = self.req_num(o, "y", Range::Finite);
        let mut b = Block::new(id, kind.unwrap_or(Kind::Service), x, y);
        b.label = self.string(o, "label", 200);
        if kind.is_some_and(|k| k.name() == b.label) {
            b.label.clear();
        }
        b.notes = self.string(o, "notes", 5_000);
        b.rps = self.num(o, "rps", Range::NonNegative, 0.0);
        b.replicas = self.int(o, "replicas", 1, 10_000, 1);
        b.min_healthy = self.int(o, "min_healthy", 1, 10_000, 1);
        b.shards = self.int(o, "shards", 1, 10_000, 1);
        b.availability = self.num(o, "availability", Range::Probability, 1.0);
        b.latency_ms = self.num(o, "latency_ms", Range::NonNegative, 0.0);
        b.p99_ms = self
            .opt_num(o, "p99_ms", Range::NonNegative)
            .unwrap_or(b.latency_ms);
        b.capacity_rps = self.opt_num(o, "capacity_rps", Range::Positive);
        b.write_capacity_rps = self.opt_num(o, "write_capacity_rps", Range::Positive);
        b.single_writer = self.boolean(o, "single_writer");
        b.hit_ratio = self.num(o, "hit_ratio", Range::Fraction, 0.0);
        b.route = match self.choice(o, "route", &["all", "split", "failover"]) {
            Some(1) => Route::Split,
            Some(2) => Route::Failover,
            _ => Route::All,
        };
        b.zone = match o.get("zone") {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(v) => {
                self.wrong(o, "zone", &format!("a zone id ({ID_RULE})"), v);
                None
            }
        };
        b.ttl_s = self.opt_num(o, "ttl_s", Range::Positive);
        b.dead_letter = self.boolean(o, "dead_letter");
        b.extra = o.extra();
        b
    }

    fn link(&mut self, o: &Obj) -> Link {
        let id = self.id(o, "id", "a link id");
        let from = self.id(o, "from", "a block id");
        let to = self.id(o, "to", "a block id");
        let mut l = Link::new(id, from, to);
        l.label = self.string(o, "label", 200);
        l.mode = match self.choice(o, "mode", &["sync", "async"]) {
            Some(1) => Mode::Async,
            _ => Mode::Sync,
        };
        l.op = match self.choice(o, "op", &["read", "write"]) {
            Some(1) => Op::Write,
            _ => Op::Read,
        };
        l.calls = self.num(o, "calls", Range::UpTo(1_000.0), 1.0);
        l.latency_ms = self.num(o, "latency_ms", Range::NonNegative, 0.0);
        l.parallel = self.boolean(o, "parallel");
        l.optional = self.boolean(o, "optional");
        l.timeout_ms = self.opt_num(o, "timeout_ms", Range::Positive);
        l.retries = self.int(o, "retries", 0, 10, 0);
        l.backoff = self.boolean(o, "backoff");
        l.idempotent = self.boolean(o, "idempotent");
        l.extra = o.extra();
        l
    }

    /// Spec choice: a zone needs `id, x, y, w, h`; `label` defaults to `""`.
    fn zone(&mut self, o: &Obj) -> Zone {
        let id = self.id(o, "id", "a zone id");
        let x = self.req_num(o, "x", Range::Finite);
        let y = self.req_num(o, "y", Range::Finite);
        let w = self.req_num(o, "w", Range::Positive);
        let h = self.req_num(o, "h", Range::Positive);
        let mut z = Zone::new(id, x, y, w, h);
        z.label = self.string(o, "label", 200);
        z.availability = self.num(o, "availability", Range::Probability, 1.0);
        z.extra = o.extra();
        z
    }

    /// Spec choice: a sticky needs `id, x, y`; `text` defaults to `""`.
    fn sticky(&mut self, o: &Obj) -> Sticky {
        let id = self.id(o, "id", "a sticky id");
        let x = self.req_num(o, "x", Range::Finite);
        let y = self.req_num(o, "y", Range::Finite);
        let mut s = Sticky::new(id, String::new(), x, y);
        s.text = self.string(o, "text", 2_000);
        s.extra = o.extra();
        s
    }
}

impl Reader {
    /// An accepted finding: `rule` and `reason` required, `blocks` and `links`
    /// optional arrays of ids (they may name things since deleted).
    fn acceptance(&mut self, o: &Obj) -> Acceptance {
        let rule = match o.get("rule") {
            None => {
                self.missing(o, "rule", "a rule id such as \"spof\"");
                String::new()
            }
            Some(_) => self.string(o, "rule", 64),
        };
        if o.get("reason").is_none() {
            self.missing(o, "reason", "a string of at most 1000 characters");
        }
        Acceptance {
            rule,
            blocks: self.strings(o, "blocks"),
            links: self.strings(o, "links"),
            reason: self.string(o, "reason", 1_000),
            extra: o.extra(),
        }
    }

    /// An optional array of strings.
    fn strings(&mut self, o: &Obj, key: &str) -> Vec<String> {
        match o.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, v) in items.iter().enumerate() {
                    match v {
                        Value::String(s) => out.push(s.clone()),
                        v => self.fail(
                            format!("{}/{i}", o.ptr(key)),
                            format!("expected an id (a string), found {}", found(v)),
                        ),
                    }
                }
                out
            }
            Some(v) => {
                self.wrong(o, key, "an array of ids", v);
                Vec::new()
            }
        }
    }
}

fn kinds_list() -> String {
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    format!("a block kind (one of {})", names.join(", "))
}
