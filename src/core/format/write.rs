//! `Design` → pretty JSON with a fixed key order (see `format::save`).

use serde_json::Value;

use super::number::format_number;
use super::read::{
    ACCEPTED_KEYS, BLOCK_KEYS, LINK_KEYS, SCENARIO_KEYS, SCENARIO_TARGET_KEYS, STICKY_KEYS,
    TARGET_KEYS, TOP_KEYS, ZONE_KEYS,
};
use super::{FORMAT, VERSION};
use crate::core::model::{Acceptance, Block, Design, Extra, Link, Scenario, Sticky, Targets, Zone};
use crate::core::schema::{FieldSpec, FieldValue, Io, BLOCK_FIELDS, LINK_FIELDS};

/// A JSON value whose object keys keep the order they were added in.
enum J {
    /// A number or literal, already written.
    Raw(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

/// An object under construction: fields are added in save order.
#[derive(Default)]
struct Fields(Vec<(String, J)>);

impl Fields {
    fn put(&mut self, key: &str, v: J) {
        self.0.push((key.to_string(), v));
    }
    fn num(&mut self, key: &str, v: f64) {
        self.put(key, J::Raw(format_number(v)));
    }
    /// Written only when it differs from the default.
    fn num_unless(&mut self, key: &str, v: f64, default: f64) {
        if v != default {
            self.num(key, v);
        }
    }
    fn opt_num(&mut self, key: &str, v: Option<f64>) {
        if let Some(v) = v {
            self.num(key, v);
        }
    }
    fn text(&mut self, key: &str, v: &str) {
        self.put(key, J::Str(v.to_string()));
    }
    fn text_unless_empty(&mut self, key: &str, v: &str) {
        if !v.is_empty() {
            self.text(key, v);
        }
    }
    /// A field of the schema: always when the format writes it by hand
    /// (kind, coordinates, a link's ends), else only when not its default.
    fn field<T, F>(&mut self, spec: &FieldSpec<T, F>, item: &T) {
        let value = (spec.get)(item);
        if spec.io == Io::Table && spec.is_default_value(item, &value) {
            return;
        }
        let key = spec.key;
        match value {
            FieldValue::Number(n) | FieldValue::OptNumber(Some(n)) => self.num(key, n),
            FieldValue::Int(n) => self.put(key, J::Raw(n.to_string())),
            FieldValue::Bool(true) => self.put(key, J::Raw("true".into())),
            FieldValue::Text(s) | FieldValue::OptText(Some(s)) => self.text(key, &s),
            FieldValue::Kind(k) => self.text(key, k.as_str()),
            value => {
                if let Some(name) = spec.ty.name_of(&value) {
                    self.text(key, name);
                }
            }
        }
    }

    /// Unknown fields, sorted; a name the format already uses is skipped so
    /// the output stays a valid document.
    fn extra(mut self, extra: &Extra, known: &[&str]) -> J {
        let mut keys: Vec<&String> = extra.keys().collect();
        crate::core::sort::sort(&mut keys);
        for k in keys {
            if let Some(v) = extra.get(k) {
                if !known.contains(&k.as_str()) && !self.0.iter().any(|(name, _)| name == k) {
                    self.put(k, from_value(v));
                }
            }
        }
        J::Obj(self.0)
    }
}

fn from_value(v: &Value) -> J {
    match v {
        Value::Null => J::Raw("null".into()),
        Value::Bool(b) => J::Raw(b.to_string()),
        Value::Number(n) => J::Raw(n.to_string()),
        Value::String(s) => J::Str(s.clone()),
        Value::Array(items) => J::Arr(items.iter().map(from_value).collect()),
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            crate::core::sort::sort(&mut keys);
            J::Obj(
                keys.into_iter()
                    .filter_map(|k| m.get(k).map(|v| (k.clone(), from_value(v))))
                    .collect(),
            )
        }
    }
}

pub(super) fn write(d: &Design) -> String {
    let mut f = Fields::default();
    f.text("format", FORMAT);
    f.put("version", J::Raw(VERSION.to_string()));
    f.text_unless_empty("title", &d.title);
    f.text_unless_empty("notes", &d.notes);
    if d.targets != Targets::default() {
        f.put("targets", targets(&d.targets));
    }
    f.put("blocks", J::Arr(d.blocks.iter().map(block).collect()));
    f.put("links", J::Arr(d.links.iter().map(link).collect()));
    if !d.zones.is_empty() {
        f.put("zones", J::Arr(d.zones.iter().map(zone).collect()));
    }
    if !d.stickies.is_empty() {
        f.put("stickies", J::Arr(d.stickies.iter().map(sticky).collect()));
    }
    if !d.accepted.is_empty() {
        f.put(
            "accepted",
            J::Arr(d.accepted.iter().map(acceptance).collect()),
        );
    }
    if !d.scenarios.is_empty() {
        f.put(
            "scenarios",
            J::Arr(d.scenarios.iter().map(scenario).collect()),
        );
    }
    let mut out = String::new();
    emit(&f.extra(&d.extra, TOP_KEYS), 0, &mut out);
    out.push('\n');
    out
}

fn scenario(s: &Scenario) -> J {
    let mut f = Fields::default();
    f.put("id", J::Str(s.id.clone()));
    f.put("name", J::Str(s.name.clone()));
    if s.scale != 1.0 {
        f.opt_num("scale", Some(s.scale));
    }
    if !s.fail.is_empty() {
        f.put(
            "fail",
            J::Arr(s.fail.iter().map(|x| J::Str(x.clone())).collect()),
        );
    }
    if s.availability.is_some() || s.p99_ms.is_some() {
        let mut t = Fields::default();
        t.opt_num("availability", s.availability);
        t.opt_num("p99_ms", s.p99_ms);
        f.put("targets", t.extra(&Extra::new(), SCENARIO_TARGET_KEYS));
    }
    f.extra(&s.extra, SCENARIO_KEYS)
}

fn targets(t: &Targets) -> J {
    let mut f = Fields::default();
    f.opt_num("availability", t.availability);
    f.opt_num("p99_ms", t.p99_ms);
    if let Some(n) = t.team_size {
        f.put("team_size", J::Raw(n.to_string()));
    }
    f.extra(&t.extra, TARGET_KEYS)
}

fn block(b: &Block) -> J {
    let mut f = Fields::default();
    f.text("id", &b.id);
    for spec in &BLOCK_FIELDS {
        f.field(spec, b);
    }
    f.extra(&b.extra, BLOCK_KEYS)
}

fn link(l: &Link) -> J {
    let mut f = Fields::default();
    f.text("id", &l.id);
    for spec in &LINK_FIELDS {
        f.field(spec, l);
    }
    f.extra(&l.extra, LINK_KEYS)
}

fn zone(z: &Zone) -> J {
    let mut f = Fields::default();
    f.text("id", &z.id);
    f.text_unless_empty("label", &z.label);
    f.num("x", z.x);
    f.num("y", z.y);
    f.num_unless("availability", z.availability, 1.0);
    f.num("w", z.w);
    f.num("h", z.h);
    f.extra(&z.extra, ZONE_KEYS)
}

fn sticky(s: &Sticky) -> J {
    let mut f = Fields::default();
    f.text("id", &s.id);
    f.num("x", s.x);
    f.num("y", s.y);
    f.text_unless_empty("text", &s.text);
    f.extra(&s.extra, STICKY_KEYS)
}

fn acceptance(a: &Acceptance) -> J {
    let mut f = Fields::default();
    f.text("rule", &a.rule);
    let ids = |v: &[String]| J::Arr(v.iter().map(|s| J::Str(s.clone())).collect());
    f.put("blocks", ids(&a.blocks));
    f.put("links", ids(&a.links));
    f.text("reason", &a.reason);
    f.extra(&a.extra, ACCEPTED_KEYS)
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

fn emit(j: &J, indent: usize, out: &mut String) {
    match j {
        J::Raw(s) => out.push_str(s),
        J::Str(s) => out.push_str(&quote(s)),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Obj(fields) if fields.is_empty() => out.push_str("{}"),
        J::Arr(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                pad(indent + 2, out);
                emit(item, indent + 2, out);
            }
            out.push('\n');
            pad(indent, out);
            out.push(']');
        }
        J::Obj(fields) => {
            out.push_str("{\n");
            for (i, (k, v)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                pad(indent + 2, out);
                out.push_str(&quote(k));
                out.push_str(": ");
                emit(v, indent + 2, out);
            }
            out.push('\n');
            pad(indent, out);
            out.push('}');
        }
    }
}

fn pad(n: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', n));
}
