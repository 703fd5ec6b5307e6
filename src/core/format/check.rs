//! The rules of format.md §1 checked on a design in memory: ranges, lengths,
//! ids, uniqueness, references and the limits on counts.

use std::collections::{HashMap, HashSet};

use super::number::{describe_int, show, Range};
use super::{LoadError, MAX_BLOCKS, MAX_LINKS};
use crate::core::model::{is_valid_id, Design};

/// Every rule broken by `d`. `failed(at)` is true for fields that could not be
/// read (they hold a stand-in value): rules that compare such a field with
/// another are skipped, so one mistake is reported once.
pub(super) fn check(d: &Design, failed: &dyn Fn(&str) -> bool) -> Vec<LoadError> {
    let mut c = Checker {
        out: Vec::new(),
        failed,
    };
    c.text("/title", &d.title, 200);
    c.text("/notes", &d.notes, 20_000);
    let t = &d.targets;
    if let Some(a) = t.availability {
        c.real("/targets/availability", a, Range::Probability);
    }
    if let Some(p) = t.p99_ms {
        c.real("/targets/p99_ms", p, Range::Positive);
    }
    if let Some(n) = t.team_size {
        c.int("/targets/team_size", n, 1, u32::MAX);
    }
    if d.blocks.len() > MAX_BLOCKS {
        c.push(
            "/blocks".into(),
            format!(
                "expected at most {MAX_BLOCKS} blocks, found {}",
                d.blocks.len()
            ),
        );
    }
    if d.links.len() > MAX_LINKS {
        c.push(
            "/links".into(),
            format!(
                "expected at most {MAX_LINKS} links, found {}",
                d.links.len()
            ),
        );
    }
    c.node_ids(d);
    c.blocks(d);
    c.links(d);
    for (i, z) in d.zones.iter().enumerate() {
        let at = format!("/zones/{i}");
        c.text(&format!("{at}/label"), &z.label, 200);
        c.real(
            &format!("{at}/availability"),
            z.availability,
            Range::Probability,
        );
        c.real(&format!("{at}/x"), z.x, Range::Finite);
        c.real(&format!("{at}/y"), z.y, Range::Finite);
        c.real(&format!("{at}/w"), z.w, Range::Positive);
        c.real(&format!("{at}/h"), z.h, Range::Positive);
    }
    for (i, s) in d.stickies.iter().enumerate() {
        let at = format!("/stickies/{i}");
        c.text(&format!("{at}/text"), &s.text, 2_000);
        c.real(&format!("{at}/x"), s.x, Range::Finite);
        c.real(&format!("{at}/y"), s.y, Range::Finite);
    }
    for (i, a) in d.accepted.iter().enumerate() {
        let at = format!("/accepted/{i}");
        c.text(&format!("{at}/rule"), &a.rule, 64);
        c.text(&format!("{at}/reason"), &a.reason, 1_000);
    }
    c.out
}

/// Order errors as they appear in a document: by top-level field (in save
/// order), then by array index; the order found is kept within one item.
pub(super) fn sort(errors: &mut [LoadError]) {
    const ORDER: &[&str] = &[
        "format", "version", "title", "notes", "targets", "blocks", "links", "zones", "stickies",
        "accepted",
    ];
    crate::core::sort::sort_by_key(errors, |e| {
        let mut parts = e.at.split('/').skip(1);
        let top = parts.next().unwrap_or("");
        let rank = ORDER.iter().position(|k| *k == top).unwrap_or(ORDER.len());
        let index = parts.next().and_then(|p| p.parse::<usize>().ok());
        (!e.at.is_empty() && e.at.starts_with('/'), rank, index)
    });
}

struct Checker<'f> {
    out: Vec<LoadError>,
    failed: &'f dyn Fn(&str) -> bool,
}

impl Checker<'_> {
    fn push(&mut self, at: String, message: String) {
        self.out.push(LoadError { at, message });
    }

    fn real(&mut self, at: &str, v: f64, range: Range) {
        if !range.contains(v) {
            self.push(
                at.to_string(),
                format!("expected {}, found {}", range.describe(), show(v)),
            );
        }
    }

    fn opt_real(&mut self, at: &str, v: Option<f64>, range: Range) {
        if let Some(v) = v {
            self.real(at, v, range);
        }
    }

    fn int(&mut self, at: &str, v: u32, lo: u32, hi: u32) {
        if v < lo || v > hi {
            self.push(
                at.to_string(),
                format!("expected {}, found {v}", describe_int(lo, hi)),
            );
        }
    }

    /// Spec choice: lengths count Unicode characters, not bytes.
    fn text(&mut self, at: &str, s: &str, max: usize) {
        let n = s.chars().count();
        if n > max {
            self.push(
                at.to_string(),
                format!("expected a string of at most {max} characters, found {n} characters"),
            );
        }
    }

    fn id(&mut self, at: &str, id: &str) -> bool {
        let ok = is_valid_id(id);
        if !ok {
            let shown = serde_json::to_string(id).unwrap_or_default();
            self.push(
                at.to_string(),
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
            .map(|(i, b)| (format!("/blocks/{i}/id"), b.id.as_str()))
            .chain(
                d.zones
                    .iter()
                    .enumerate()
                    .map(|(i, z)| (format!("/zones/{i}/id"), z.id.as_str())),
            )
            .chain(
                d.stickies
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("/stickies/{i}/id"), s.id.as_str())),
            );
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (at, id) in nodes {
            self.unique(&mut seen, at, id);
        }
    }

    fn unique<'d>(&mut self, seen: &mut HashMap<&'d str, String>, at: String, id: &'d str) {
        if !self.id(&at, id) {
            return;
        }
        match seen.get(id) {
            Some(first) => {
                let message = format!("duplicate id \"{id}\" (already used at {first})");
                self.push(at, message);
            }
            None => {
                seen.insert(id, at.trim_end_matches("/id").to_string());
            }
        }
    }

    fn blocks(&mut self, d: &Design) {
        let zones: HashSet<&str> = d.zones.iter().map(|z| z.id.as_str()).collect();
        for (i, b) in d.blocks.iter().enumerate() {
            let at = format!("/blocks/{i}");
            let f = |name: &str| format!("{at}/{name}");
            self.text(&f("label"), &b.label, 200);
            self.text(&f("notes"), &b.notes, 5_000);
            self.real(&f("x"), b.x, Range::Finite);
            self.real(&f("y"), b.y, Range::Finite);
            self.real(&f("rps"), b.rps, Range::NonNegative);
            self.int(&f("replicas"), b.replicas, 1, 10_000);
            if (self.failed)(&f("replicas")) || !(1..=10_000).contains(&b.replicas) {
                self.int(&f("min_healthy"), b.min_healthy, 1, 10_000);
            } else if b.min_healthy < 1 || b.min_healthy > b.replicas {
                self.push(
                    f("min_healthy"),
                    format!(
                        "expected an integer from 1 to replicas ({}), found {}",
                        b.replicas, b.min_healthy
                    ),
                );
            }
            self.int(&f("shards"), b.shards, 1, 10_000);
            self.real(&f("availability"), b.availability, Range::Probability);
            self.real(&f("latency_ms"), b.latency_ms, Range::NonNegative);
            self.p99(&at, b.latency_ms, b.p99_ms);
            self.opt_real(&f("capacity_rps"), b.capacity_rps, Range::Positive);
            self.opt_real(
                &f("write_capacity_rps"),
                b.write_capacity_rps,
                Range::Positive,
            );
            self.real(&f("hit_ratio"), b.hit_ratio, Range::Fraction);
            if let Some(z) = &b.zone {
                if !zones.contains(z.as_str()) {
                    let shown = serde_json::to_string(z).unwrap_or_default();
                    self.push(
                        f("zone"),
                        format!("expected the id of a zone in /zones, found unknown zone {shown}"),
                    );
                }
            }
            self.opt_real(&f("ttl_s"), b.ttl_s, Range::Positive);
        }
    }

    /// `p99_ms ≥ latency_ms`, and above it only when `latency_ms > 0`.
    fn p99(&mut self, at: &str, latency: f64, p99: f64) {
        let p_at = format!("{at}/p99_ms");
        if !Range::NonNegative.contains(p99) {
            self.real(&p_at, p99, Range::NonNegative);
            return;
        }
        if (self.failed)(&format!("{at}/latency_ms")) || !Range::NonNegative.contains(latency) {
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
        let mut seen: HashMap<&str, String> = HashMap::new();
        let blocks: HashSet<&str> = d.blocks.iter().map(|b| b.id.as_str()).collect();
        for (i, l) in d.links.iter().enumerate() {
            let at = format!("/links/{i}");
            let f = |name: &str| format!("{at}/{name}");
            self.unique(&mut seen, f("id"), &l.id);
            for (end, id) in [("from", &l.from), ("to", &l.to)] {
                if !blocks.contains(id.as_str()) && !(self.failed)(&f(end)) {
                    let shown = serde_json::to_string(id).unwrap_or_default();
                    self.push(
                        f(end),
                        format!(
                            "expected the id of a block in /blocks, found unknown block {shown}"
                        ),
                    );
                }
            }
            if l.from == l.to && !(self.failed)(&f("from")) && !(self.failed)(&f("to")) {
                self.push(
                    f("to"),
                    format!(
                        "expected a block other than \"from\", found \"{}\" (a link cannot join a block to itself)",
                        l.to
                    ),
                );
            }
            self.text(&f("label"), &l.label, 200);
            self.real(&f("calls"), l.calls, Range::UpTo(1_000.0));
            self.real(&f("latency_ms"), l.latency_ms, Range::NonNegative);
            self.opt_real(&f("timeout_ms"), l.timeout_ms, Range::Positive);
            self.int(&f("retries"), l.retries, 0, 10);
        }
    }
}
