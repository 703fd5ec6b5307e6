//! What the report says about each item, in the shape the canvas draws it:
//! utilization level, finding badge, hover details, link flow. Derived once per
//! report and looked up by id, so each block re-renders only when its own status
//! changes.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

/// How busy a block is, as the canvas colours it (the core's levels).
pub use crate::core::eval::heat::{heat_colour, Heat as Level};
use crate::core::model::Design;
use crate::core::render::units::{grouped, percent};
use crate::core::report::{Report, Severity};
use crate::ui::document::Document;
use crate::ui::evaluation::Evaluation;
use crate::ui::session::Session;
use crate::ui::stress::FAILING_CALLS;

#[derive(Clone, Debug, PartialEq)]
pub struct BlockStatus {
    pub utilization: Option<f64>,
    pub level: Level,
    pub findings: usize,
    pub worst: Option<Severity>,
    /// Taken down by the what-if scenario.
    pub failed: bool,
    /// Its callers' retries would overload it (a `retry-storm` finding).
    pub storm: bool,
    /// Load in/out, utilization, one-down, availability: for hover and screen readers.
    pub detail: String,
}

#[derive(Clone, Copy)]
pub struct Overlay {
    pub blocks: Memo<HashMap<String, BlockStatus>>,
    /// Link id → requests per second it carries.
    pub flows: Memo<HashMap<String, f64>>,
    /// Links that fail calls by timing out (model-2.md §2.7) → the share of
    /// calls failing (a map of the same type as `flows`: one less in the wasm).
    pub timing_out: Memo<HashMap<String, f64>>,
}

impl Overlay {
    /// The overlay of `eval`'s report on `doc`'s design, with `session`'s failed items.
    pub fn new(doc: Document, session: Session, eval: Evaluation) -> Overlay {
        let blocks = Memo::new(move |_| {
            let mut failed = session.whatif.with(|w| w.fail.clone());
            // A failed zone takes its blocks down with it.
            doc.design.with(|d| {
                for b in &d.blocks {
                    if b.zone.as_ref().is_some_and(|z| failed.contains(z)) {
                        failed.insert(b.id.clone());
                    }
                }
            });
            let storming = doc.design.with(|d| eval.report.with(|r| storming(d, r)));
            eval.report.with(|r| statuses(r, &failed, &storming))
        });
        let flows = Memo::new(move |_| {
            eval.report.with(|r| {
                r.links
                    .iter()
                    .filter_map(|l| l.rps.map(|f| (l.id.clone(), f)))
                    .collect()
            })
        });
        let timing_out = Memo::new(move |_| eval.report.with(timing_out));
        Overlay {
            blocks,
            flows,
            timing_out,
        }
    }

    pub fn times_out(&self, link: &str) -> bool {
        self.timing_out.with(|s| s.contains_key(link))
    }

    pub fn block(&self, id: &str) -> Option<BlockStatus> {
        self.blocks.with(|m| m.get(id).cloned())
    }

    pub fn flow(&self, id: &str) -> Option<f64> {
        self.flows.with(|m| m.get(id).copied())
    }
}

/// The links of `timeouts-fail-requests` findings, and any carrying traffic
/// that fails more than 0.1% of its calls by timing out.
fn timing_out(r: &Report) -> HashMap<String, f64> {
    let flagged: HashSet<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "timeouts-fail-requests")
        .flat_map(|f| f.links.iter().map(String::as_str))
        .collect();
    r.links
        .iter()
        .filter(|l| {
            flagged.contains(l.id.as_str())
                || (l.rps.is_some_and(|f| f > 0.0) && l.timeout_failure > FAILING_CALLS)
        })
        .map(|l| (l.id.clone(), l.timeout_failure))
        .collect()
}

/// The blocks a `retry-storm` finding is about: the callees of its links (its
/// blocks also list the callers).
fn storming(d: &Design, r: &Report) -> HashSet<String> {
    r.findings
        .iter()
        .filter(|f| f.rule == "retry-storm")
        .flat_map(|f| f.links.iter())
        .filter_map(|l| d.link(l).map(|l| l.to.clone()))
        .collect()
}

fn statuses(
    r: &Report,
    failed: &std::collections::BTreeSet<String>,
    storming: &HashSet<String>,
) -> HashMap<String, BlockStatus> {
    let mut findings: HashMap<&str, (usize, Severity)> = HashMap::new();
    for f in &r.findings {
        for b in &f.blocks {
            let e = findings.entry(b.as_str()).or_insert((0, f.severity));
            e.0 += 1;
            e.1 = e.1.min(f.severity);
        }
    }
    r.blocks
        .iter()
        .map(|b| {
            let (count, worst) = findings
                .get(b.id.as_str())
                .map_or((0, None), |(n, s)| (*n, Some(*s)));
            let load = match (b.read_rps, b.write_rps) {
                (Some(rd), Some(wr)) => {
                    format!("load {} reads/s and {} writes/s", grouped(rd), grouped(wr))
                }
                _ => "load undefined (a load loop)".to_string(),
            };
            let mut detail = load;
            if let Some(u) = b.utilization {
                detail.push_str(&format!(", utilization {u:.2}"));
            }
            if let Some(u) = b.utilization_one_down {
                detail.push_str(&format!(", {u:.2} with one instance down"));
            }
            detail.push_str(&format!(", own availability {}", percent(b.availability)));
            if count > 0 {
                detail.push_str(&format!(
                    ", {count} finding{}",
                    if count == 1 { "" } else { "s" }
                ));
            }
            (
                b.id.clone(),
                BlockStatus {
                    utilization: b.utilization,
                    level: Level::of(b.utilization),
                    findings: count,
                    worst,
                    failed: failed.contains(&b.id),
                    storm: storming.contains(&b.id),
                    detail,
                },
            )
        })
        .collect()
}

/// A link's stroke width for a flow: thicker as flow grows, on a log scale.
pub fn flow_width(rps: f64) -> f64 {
    (1.2 + 0.9 * (1.0 + rps.max(0.0)).log10()).min(7.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_follow_the_thresholds() {
        assert_eq!(Level::of(None), Level::Unknown);
        assert_eq!(Level::of(Some(0.69)), Level::Cool);
        assert_eq!(Level::of(Some(0.7)), Level::Hot);
        assert_eq!(Level::of(Some(1.0)), Level::Saturated);
        assert!(flow_width(10_000.0) > flow_width(100.0));
        assert!(flow_width(1e12) <= 7.0);
        assert_eq!(heat_colour(0.7), "hsl(40 85% 48%)");
    }
}
