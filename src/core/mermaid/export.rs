//! A design as a Mermaid `flowchart LR`: the title as front matter, every
//! block declared in document order with a shape for its kind and its kind as
//! a class (`:::cache`), then each zone as a `subgraph` listing its blocks, then
//! the links in document order (`-.->` async; `==>` a sync link into or out of
//! a queue or log, which a plain `-->` would make async on import).
//!
//! Ids that Mermaid could misread (not `letter (letter|digit|_)*`, or a word
//! of its syntax) are written as `n1`, `n2`, … with a `%% envelope: id` line
//! that gives the import the real id back.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::label::encode;
use crate::core::model::{Design, Group, Kind};
use crate::core::render::units::{compact, sig};
use crate::core::report::{BlockReport, Report};

/// Words of Mermaid's flowchart syntax that must not be node or subgraph ids.
const RESERVED: [&str; 21] = [
    "end",
    "subgraph",
    "graph",
    "flowchart",
    "direction",
    "style",
    "classdef",
    "class",
    "click",
    "linkstyle",
    "call",
    "href",
    "default",
    "interpolate",
    "acctitle",
    "accdescr",
    "lr",
    "rl",
    "tb",
    "td",
    "bt",
];

/// The design as Mermaid text. With a report, each block's label ends with
/// its key numbers after a `<br/>` ("120 req/s · 20 ms · 35% busy"), and a
/// `%% envelope: numbers` line tells the import to drop them.
pub fn export(design: &Design, report: Option<&Report>) -> String {
    let mut out = String::new();
    if !design.title.is_empty() {
        let title = serde_json::to_string(&design.title).unwrap_or_default();
        let _ = writeln!(out, "---\ntitle: {title}\n---");
    }
    out.push_str("flowchart LR\n");
    let names = Names::new(design);
    for (id, name) in &names.mapped {
        let _ = writeln!(out, "  %% envelope: id {name} {id}");
    }
    let loads: HashMap<&str, &BlockReport> = report
        .map(|r| r.blocks.iter().map(|b| (b.id.as_str(), b)).collect())
        .unwrap_or_default();
    if report.is_some() {
        out.push_str("  %% envelope: numbers\n");
    }
    for b in &design.blocks {
        let (open, close) = shape(b.kind);
        let mut label = encode(b.display_label());
        if let Some(numbers) = report.map(|_| numbers(b, loads.get(b.id.as_str()).copied())) {
            if !numbers.is_empty() {
                label.push_str("<br/>");
                label.push_str(&encode(&numbers));
            }
        }
        let _ = writeln!(
            out,
            "  {}{open}\"{label}\"{close}:::{}",
            names.get(&b.id),
            b.kind.as_str()
        );
    }
    for z in &design.zones {
        // Mermaid refuses an empty title; a bare id reads back as no title.
        let title = match z.label.as_str() {
            "" => String::new(),
            l => format!("[\"{}\"]", encode(l)),
        };
        let _ = writeln!(out, "  subgraph {}{title}", names.get(&z.id));
        for b in design
            .blocks
            .iter()
            .filter(|b| b.zone.as_deref() == Some(&z.id))
        {
            let _ = writeln!(out, "    {}", names.get(&b.id));
        }
        out.push_str("  end\n");
    }
    let kinds: HashMap<&str, Kind> = design
        .blocks
        .iter()
        .map(|b| (b.id.as_str(), b.kind))
        .collect();
    for l in &design.links {
        let messaging = [&l.from, &l.to]
            .iter()
            .any(|id| kinds.get(id.as_str()).is_some_and(|k| k.is_messaging()));
        let arrow = match (l.is_sync(), messaging) {
            (false, _) => "-.->",
            (true, true) => "==>",
            (true, false) => "-->",
        };
        let label = if l.label.is_empty() {
            String::new()
        } else {
            format!("|\"{}\"|", encode(&l.label))
        };
        let _ = writeln!(
            out,
            "  {} {arrow}{label} {}",
            names.get(&l.from),
            names.get(&l.to)
        );
    }
    let mut used: Vec<Kind> = Vec::new();
    for b in &design.blocks {
        if !used.contains(&b.kind) {
            used.push(b.kind);
        }
    }
    for k in Kind::ALL.into_iter().filter(|k| used.contains(k)) {
        let _ = writeln!(out, "  classDef {} {}", k.as_str(), colours(k.group()));
    }
    out
}

/// Each block's and zone's Mermaid id: its own when safe, else a fresh `n…`.
struct Names<'d> {
    mapped: Vec<(&'d str, String)>,
    by_id: HashMap<&'d str, String>,
}

impl<'d> Names<'d> {
    fn new(design: &'d Design) -> Names<'d> {
        let ids: Vec<&str> = design
            .blocks
            .iter()
            .map(|b| b.id.as_str())
            .chain(design.zones.iter().map(|z| z.id.as_str()))
            .collect();
        let taken: HashSet<String> = ids.iter().map(|id| id.to_ascii_lowercase()).collect();
        let mut names = Names {
            mapped: Vec::new(),
            by_id: HashMap::new(),
        };
        let mut next = 1;
        for id in ids {
            if safe(id) {
                continue;
            }
            let name = loop {
                let n = format!("n{next}");
                next += 1;
                if !taken.contains(&n) {
                    break n;
                }
            };
            names.by_id.insert(id, name.clone());
            names.mapped.push((id, name));
        }
        names
    }

    fn get<'a>(&'a self, id: &'a str) -> &'a str {
        self.by_id.get(id).map_or(id, String::as_str)
    }
}

/// A letter, then letters, digits and `_`; no word of Mermaid's syntax.
fn safe(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !RESERVED.contains(&id.to_ascii_lowercase().as_str())
}

/// The shape of a kind: users a stadium, the edge a hexagon, services a
/// rectangle, functions a parallelogram, workers a subroutine, external APIs
/// the other parallelogram, stores a cylinder, messaging a flag, ops rounded.
fn shape(kind: Kind) -> (&'static str, &'static str) {
    use Kind::*;
    match kind {
        Client => ("([", "])"),
        Dns | Cdn | LoadBalancer | ApiGateway | RateLimiter => ("{{", "}}"),
        Service => ("[", "]"),
        Function => ("[/", "/]"),
        Worker => ("[[", "]]"),
        ExternalApi => ("[\\", "\\]"),
        Cache | RelationalDb | DocumentDb | KvStore | WideColumn | SearchIndex | ObjectStorage => {
            ("[(", ")]")
        }
        Queue | EventLog => (">", "]"),
        Observability => ("(", ")"),
    }
}

fn colours(group: Group) -> &'static str {
    match group {
        Group::Edge => "fill:#eef3fb,stroke:#4a6fa5",
        Group::Compute => "fill:#eef7ee,stroke:#4b8b50",
        Group::Data => "fill:#fdf3e6,stroke:#b7791f",
        Group::Messaging => "fill:#f4eefb,stroke:#7b5ea7",
        Group::Ops => "fill:#f2f2f2,stroke:#777777",
    }
}

/// "120 req/s · 20 ms · 35% busy": the block's rate (its own rate for an
/// entry), its median service time and its utilization, each when known.
fn numbers(b: &crate::core::model::Block, load: Option<&BlockReport>) -> String {
    let mut parts = Vec::new();
    let through = load.map_or(0.0, |l| {
        l.read_rps.unwrap_or(0.0) + l.write_rps.unwrap_or(0.0)
    });
    let rate = if through > 0.0 { through } else { b.peak_rps() };
    if rate > 0.0 {
        parts.push(format!("{} req/s", compact(rate)));
    }
    if b.latency_ms > 0.0 {
        parts.push(format!("{} ms", sig(b.latency_ms)));
    }
    if let Some(u) = load.and_then(|l| l.utilization).filter(|_| through > 0.0) {
        parts.push(format!("{}% busy", sig(u * 100.0)));
    }
    parts.join(" · ")
}
