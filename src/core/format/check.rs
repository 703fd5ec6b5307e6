//! The rules of format.md §1 checked on a design in memory: ranges, lengths,
//! ids, uniqueness, references and the limits on counts.
//!
//! Pointers are built only for the errors found: a valid design of thousands of
//! blocks (every link opened) costs no string per field.

mod pointer;

use std::collections::{BTreeSet, HashMap, HashSet};

use super::number::{describe_int, show, Range};
use super::{LoadError, MAX_BLOCKS, MAX_LINKS};
use crate::core::model::{is_valid_id, Design};
use crate::core::schema::{BlockField, FieldValue, Ty, BLOCK_FIELDS, LINK_FIELDS};
pub(super) use pointer::sort;
use pointer::At;

/// Every rule broken by `d`. Fields whose pointers are in `failed` could not be
/// read (they hold a stand-in value): rules that compare such a field with
/// another are skipped, so one mistake is reported once.
pub(super) fn check(d: &Design, failed: &BTreeSet<String>) -> Vec<LoadError> {
    let mut c = Checker {
        out: Vec::new(),
        failed,
    };
    c.text(At::top("/title"), &d.title, 200);
    c.text(At::top("/notes"), &d.notes, 20_000);
    let t = &d.targets;
    let targets = At::top("/targets");
    if let Some(a) = t.availability {
        c.real(targets.field("availability"), a, Range::Probability);
    }
    if let Some(p) = t.p99_ms {
        c.real(targets.field("p99_ms"), p, Range::Positive);
    }
    if let Some(n) = t.team_size {
        c.int(targets.field("team_size"), n, 1, u32::MAX);
    }
    let counts = [
        ("/blocks", "blocks", d.blocks.len(), MAX_BLOCKS),
        ("/links", "links", d.links.len(), MAX_LINKS),
    ];
    for (at, what, n, max) in counts {
        if n > max {
            c.push(
                At::top(at),
                format!("expected at most {max} {what}, found {n}"),
            );
        }
    }
    c.node_ids(d);
    c.blocks(d);
    c.links(d);
    for (i, z) in d.zones.iter().enumerate() {
        let at = At::item("/zones", i);
        c.text(at.field("label"), &z.label, 200);
        c.real(at.field("availability"), z.availability, Range::Probability);
        c.real(at.field("x"), z.x, Range::Finite);
        c.real(at.field("y"), z.y, Range::Finite);
        c.real(at.field("w"), z.w, Range::Positive);
        c.real(at.field("h"), z.h, Range::Positive);
    }
    for (i, s) in d.stickies.iter().enumerate() {
        let at = At::item("/stickies", i);
        c.text(at.field("text"), &s.text, 2_000);
        c.real(at.field("x"), s.x, Range::Finite);
        c.real(at.field("y"), s.y, Range::Finite);
    }
    for (i, a) in d.accepted.iter().enumerate() {
        let at = At::item("/accepted", i);
        c.text(at.field("rule"), &a.rule, 64);
        c.text(at.field("reason"), &a.reason, 1_000);
    }
    c.scenarios(d);
    c.out
}

struct Checker<'f> {
    out: Vec<LoadError>,
    failed: &'f BTreeSet<String>,
}

impl Checker<'_> {
    fn push(&mut self, at: At, message: String) {
        self.out.push(LoadError {
            at: at.pointer(),
            message,
        });
    }

    /// The field could not be read (it holds a stand-in value).
    fn failed(&self, at: At) -> bool {
        !self.failed.is_empty() && self.failed.contains(&at.pointer())
    }

    fn real(&mut self, at: At, v: f64, range: Range) {
        if !range.contains(v) {
            self.push(
                at,
                format!("expected {}, found {}", range.describe(), show(v)),
            );
        }
    }

    fn opt_real(&mut self, at: At, v: Option<f64>, range: Range) {
        if let Some(v) = v {
            self.real(at, v, range);
        }
    }

    fn int(&mut self, at: At, v: u32, lo: u32, hi: u32) {
        if v < lo || v > hi {
            self.push(at, format!("expected {}, found {v}", describe_int(lo, hi)));
        }
    }

    /// Spec choice: lengths count Unicode characters, not bytes.
    fn text(&mut self, at: At, s: &str, max: usize) {
        // At most 4 bytes a character: a short string needs no counting.
        if s.len() <= max {
            return;
        }
        let n = s.chars().count();
        if n > max {
            self.push(
                at,
                format!("expected a string of at most {max} characters, found {n} characters"),
            );
        }
    }

    fn id(&mut self, at: At, id: &str) -> bool {
        let ok = is_valid_id(id);
        if !ok {
            let shown = serde_json::to_string(id).unwrap_or_default();
            self.push(
                at,
                format!(
                    "expected an id of 1 to 64 characters from A-Z a-z 0-9 _ . -, found {shown}"
                ),
            );
        }
        ok
    }

    /// Block, zone and sticky ids: valid and unique among all three.
    fn node_ids(&mut self, d: &Design) {
        let nodes = d
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (At::item("/blocks", i), b.id.as_str()))
            .chain(
                d.zones
                    .iter()
                    .enumerate()
                    .map(|(i, z)| (At::item("/zones", i), z.id.as_str())),
            )
            .chain(
                d.stickies
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (At::item("/stickies", i), s.id.as_str())),
            );
        let mut seen: HashMap<&str, At> = HashMap::new();
        for (item, id) in nodes {
            self.unique(&mut seen, item, id);
        }
    }

    /// `item`'s id is valid and not used by an item seen before.
    fn unique<'d>(&mut self, seen: &mut HashMap<&'d str, At>, item: At, id: &'d str) {
        let at = item.field("id");
        if !self.id(at, id) {
            return;
        }
        match seen.get(id) {
            Some(first) => {
                let message = format!(
                    "duplicate id \"{id}\" (already used at {})",
                    first.pointer()
                );
                self.push(at, message);
            }
            None => {
                seen.insert(id, item);
            }
        }
    }

    /// model-2.md §1: at most 50; ids unique among scenarios; ranges; each
    /// `fail` id names a block or a zone.
    fn scenarios(&mut self, d: &Design) {
        const MAX_SCENARIOS: usize = 50;
        if d.scenarios.len() > MAX_SCENARIOS {
            self.push(
                At::top("/scenarios"),
                format!(
                    "expected at most {MAX_SCENARIOS} scenarios, found {}",
                    d.scenarios.len()
                ),
            );
        }
        let nodes: HashSet<&str> = d
            .blocks
            .iter()
            .map(|b| b.id.as_str())
            .chain(d.zones.iter().map(|z| z.id.as_str()))
            .collect();
        let mut seen: HashMap<&str, At> = HashMap::new();
        for (i, s) in d.scenarios.iter().enumerate() {
            let at = At::item("/scenarios", i);
            self.unique(&mut seen, at, &s.id);
            self.text(at.field("name"), &s.name, 200);
            let in_range = s.scale > 0.0 && s.scale <= 1000.0;
            if !in_range && !self.failed(at.field("scale")) {
                self.push(
                    at.field("scale"),
                    format!("expected a number > 0 and ≤ 1000, found {}", s.scale),
                );
            }
            if let Some(a) = s.availability {
                self.real(at.field("targets"), a, Range::Probability);
            }
            if let Some(p) = s.p99_ms {
                self.real(at.field("targets"), p, Range::Positive);
            }
            for id in &s.fail {
                if !nodes.contains(id.as_str()) {
                    self.push(
                        at.field("fail"),
                        format!("\"{id}\" names no block or zone of this design"),
                    );
                }
            }
        }
    }

    fn blocks(&mut self, d: &Design) {
        let zones: HashSet<&str> = d.zones.iter().map(|z| z.id.as_str()).collect();
        for (i, b) in d.blocks.iter().enumerate() {
            let at = At::item("/blocks", i);
            for spec in &BLOCK_FIELDS {
                let field = at.field(spec.key);
                match spec.field {
                    BlockField::MinHealthy => self.min_healthy(at, b.replicas, b.min_healthy),
                    BlockField::P99Ms => self.p99(at, b.latency_ms, b.p99_ms),
                    BlockField::Zone => {
                        if let Some(z) = &b.zone {
                            if !zones.contains(z.as_str()) {
                                let shown = serde_json::to_string(z).unwrap_or_default();
                                self.push(
                                    field,
                                    format!("expected the id of a zone in /zones, found unknown zone {shown}"),
                                );
                            }
                        }
                    }
                    _ => self.value(field, spec.ty, (spec.get)(b)),
                }
            }
        }
    }

    /// `1 ≤ min_healthy ≤ replicas` (replicas' own range when it is wrong).
    fn min_healthy(&mut self, block: At, replicas: u32, min_healthy: u32) {
        let at = block.field("min_healthy");
        if self.failed(block.field("replicas")) || !(1..=10_000).contains(&replicas) {
            self.int(at, min_healthy, 1, 10_000);
        } else if min_healthy < 1 || min_healthy > replicas {
            self.push(
                at,
                format!("expected an integer from 1 to replicas ({replicas}), found {min_healthy}"),
            );
        }
    }

    /// A field's own type and range, from the schema.
    fn value(&mut self, at: At, ty: Ty, v: FieldValue) {
        match (ty, v) {
            (Ty::Num { range, .. }, FieldValue::Number(n)) => self.real(at, n, range),
            (Ty::OptNum { range, .. }, FieldValue::OptNumber(n)) => self.opt_real(at, n, range),
            (Ty::Int { lo, hi, .. }, FieldValue::Int(n)) => self.int(at, n, lo, hi),
            (Ty::Text { max, .. }, FieldValue::Text(s)) => self.text(at, &s, max),
            _ => {}
        }
    }

    /// `p99_ms ≥ latency_ms`, and above it only when `latency_ms > 0`.
    fn p99(&mut self, block: At, latency: f64, p99: f64) {
        let p_at = block.field("p99_ms");
        if !Range::NonNegative.contains(p99) {
            self.real(p_at, p99, Range::NonNegative);
            return;
        }
        if self.failed(block.field("latency_ms")) || !Range::NonNegative.contains(latency) {
            return;
        }
        if latency == 0.0 && p99 > 0.0 {
            self.push(
                p_at,
                format!(
                    "expected 0 (p99_ms may exceed latency_ms only when latency_ms > 0), found {}",
                    show(p99)
                ),
            );
        } else if p99 < latency {
            self.push(
                p_at,
                format!(
                    "expected a number ≥ latency_ms ({}), found {}",
                    show(latency),
                    show(p99)
                ),
            );
        }
    }

    fn links(&mut self, d: &Design) {
        let mut seen: HashMap<&str, At> = HashMap::new();
        let blocks: HashSet<&str> = d.blocks.iter().map(|b| b.id.as_str()).collect();
        for (i, l) in d.links.iter().enumerate() {
            let at = At::item("/links", i);
            self.unique(&mut seen, at, &l.id);
            for (end, id) in [("from", &l.from), ("to", &l.to)] {
                if !blocks.contains(id.as_str()) && !self.failed(at.field(end)) {
                    let shown = serde_json::to_string(id).unwrap_or_default();
                    self.push(
                        at.field(end),
                        format!(
                            "expected the id of a block in /blocks, found unknown block {shown}"
                        ),
                    );
                }
            }
            if l.from == l.to && !self.failed(at.field("from")) && !self.failed(at.field("to")) {
                self.push(
                    at.field("to"),
                    format!(
                        "expected a block other than \"from\", found \"{}\" (a link cannot join a block to itself)",
                        l.to
                    ),
                );
            }
            for spec in &LINK_FIELDS {
                self.value(at.field(spec.key), spec.ty, (spec.get)(l));
            }
        }
    }
}
