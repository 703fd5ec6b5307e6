//! Reading each kind of object of a design: targets, blocks, links, zones,
//! stickies and accepted findings.

use serde_json::Value;

use super::{found, Obj, Reader, ID_RULE, SCENARIO_TARGET_KEYS};
use crate::core::format::number::Range;
use crate::core::model::{Acceptance, Block, Kind, Link, Scenario, Sticky, Targets, Zone};
use crate::core::schema::{FieldValue, Io, Ty, BLOCK_FIELDS, LINK_FIELDS};

impl Reader {
    pub(super) fn targets(&mut self, o: &Obj) -> Targets {
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

    pub(super) fn block(&mut self, o: &Obj) -> Block {
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
        for spec in &BLOCK_FIELDS {
            if spec.io == Io::Table {
                let default = spec.default_from.map(|from| from(&b));
                let value = self.field(o, spec.key, spec.ty, default);
                (spec.set)(&mut b, value);
            }
        }
        // model-2.md §1: with `users` the rate is derived, so `rps` must be absent.
        if o.get("users").is_some() && o.get("rps").is_some() {
            self.fail(
                o.ptr("rps"),
                "expected no \"rps\" on a block with \"users\" (its rate is derived from users × requests_per_user_day × peak_factor); remove one of them".into(),
            );
        }
        // A label equal to the kind's name is the default label.
        if kind.is_some_and(|k| k.name() == b.label) {
            b.label.clear();
        }
        b.extra = o.extra();
        b
    }

    pub(super) fn link(&mut self, o: &Obj) -> Link {
        let id = self.id(o, "id", "a link id");
        let from = self.id(o, "from", "a block id");
        let to = self.id(o, "to", "a block id");
        let mut l = Link::new(id, from, to);
        for spec in &LINK_FIELDS {
            if spec.io == Io::Table {
                let value = self.field(o, spec.key, spec.ty, None);
                (spec.set)(&mut l, value);
            }
        }
        l.extra = o.extra();
        l
    }

    /// A field of the schema's type `ty`: its value, or its default when
    /// absent or wrong (`default`: taken from another field).
    fn field(&mut self, o: &Obj, key: &str, ty: Ty, default: Option<f64>) -> FieldValue {
        match ty {
            Ty::Num { range, default: d } => {
                let n = self.opt_num(o, key, range);
                FieldValue::Number(n.or(default).unwrap_or(d))
            }
            Ty::OptNum { range, .. } => FieldValue::OptNumber(self.opt_num(o, key, range)),
            Ty::Int { lo, hi, default } => FieldValue::Int(self.int(o, key, lo, hi, default)),
            Ty::Bool => FieldValue::Bool(self.boolean(o, key)),
            Ty::Text { max, .. } => FieldValue::Text(self.string(o, key, max)),
            Ty::Choice { names, values } => values[self.choice(o, key, names).unwrap_or(0)].clone(),
            Ty::Ref { what, .. } => FieldValue::OptText(match o.get(key) {
                None => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(v) => {
                    self.wrong(o, key, &format!("{what} ({ID_RULE})"), v);
                    None
                }
            }),
            Ty::Kind => FieldValue::Kind(Kind::Service),
        }
    }

    /// Spec choice: a zone needs `id, x, y, w, h`; `label` defaults to `""`.
    pub(super) fn zone(&mut self, o: &Obj) -> Zone {
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
    pub(super) fn sticky(&mut self, o: &Obj) -> Sticky {
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
    pub(super) fn acceptance(&mut self, o: &Obj) -> Acceptance {
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

    /// A scenario (model-2.md §1): ranges and references are `check`'s.
    pub(super) fn scenario(&mut self, o: &Obj) -> Scenario {
        let id = self.id(o, "id", "a scenario id");
        if o.get("name").is_none() {
            self.missing(o, "name", "a string of at most 200 characters");
        }
        let mut s = Scenario::new(id, self.string(o, "name", 200));
        if o.get("scale").is_some() {
            s.scale = self.opt_num(o, "scale", Range::Positive).unwrap_or(1.0);
        }
        s.fail = self.strings(o, "fail");
        if let Some(t) = self.object(o, "targets", "a targets object", SCENARIO_TARGET_KEYS) {
            s.availability = self.opt_num(&t, "availability", Range::Probability);
            s.p99_ms = self.opt_num(&t, "p99_ms", Range::Positive);
        }
        s.extra = o.extra();
        s
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
