//! Saved scenarios (model-2.md §4.1) and what to improve first (§4.2).

use super::availability;
use super::graph::Component;
use super::{analyse, EvalOptions};
use crate::core::model::{Design, Scenario};
use crate::core::report::{Importance, Latency, Report, ScenarioReport};

/// Availability 0 "within 1e-12" (§4.1: no request succeeds).
const NONE_SUCCEED: f64 = 1e-12;

/// Each scenario of the design, evaluated on its own (the what-if options of
/// the caller play no part), in document order.
pub fn scenarios(design: &Design, options: &EvalOptions) -> Vec<ScenarioReport> {
    design
        .scenarios
        .iter()
        .map(|s| scenario(design, s, options))
        .collect()
}

/// One scenario of the design, evaluated on its own: its scale and failures
/// replace the what-if of `options` (only the method's settings are kept).
pub fn scenario(design: &Design, s: &Scenario, options: &EvalOptions) -> ScenarioReport {
    let opts = EvalOptions {
        scale: s.scale,
        fail: s.fail.clone(),
        importance: false,
        scenarios: false,
        ..options.clone()
    };
    let a = analyse(design, &opts);
    let availability = a.availability;
    let latency: Option<Latency> = a.latency;
    let target_a = s.availability.or(design.targets.availability);
    let target_p99 = s.p99_ms.or(design.targets.p99_ms);
    let load = a.load.as_ref();
    ScenarioReport {
        id: s.id.clone(),
        availability,
        latency,
        max_scale: load.and_then(|l| l.max_scale),
        bottleneck: load
            .and_then(|l| l.bottleneck)
            .map(|b| design.blocks[b].id.clone()),
        meets_availability: target_a.map(|t| availability.is_some_and(|v| v >= t)),
        meets_p99: target_p99.map(|t| {
            let succeeds = availability.is_some_and(|v| v > NONE_SUCCEED);
            succeeds && latency.is_some_and(|l| l.p99_ms <= t)
        }),
    }
}

/// A report evaluated without its scenarios, completed with them: `scenarios[]`
/// and the `scenario-target` findings, in the report's finding order. With
/// `scenarios(design, …)` this gives exactly what `evaluate` gives.
pub fn with_scenarios(design: &Design, mut report: Report, list: Vec<ScenarioReport>) -> Report {
    report.findings.retain(|f| f.rule != "scenario-target");
    report
        .findings
        .extend(super::rules::scenario_target(design, &list));
    super::rules::sort(&mut report.findings);
    report.scenarios = list;
    report
}

/// `importance[]` of `design` under `options` (its what-if included), computed
/// on its own: for a view that asks for it after the report.
pub fn importance_of(design: &Design, options: &EvalOptions) -> Vec<Importance> {
    importance(&analyse(design, options))
}

/// For each block and zone on the request path: the design's availability with
/// it always up and always down (the rest as they are), sorted by Birnbaum
/// importance `if_perfect − if_down` descending, ties by id.
///
/// Spec choice: "as they are" includes the what-if failures of `options` and
/// each timed link's `g_l` at the evaluated load.
pub fn importance(a: &super::Analysis) -> Vec<Importance> {
    let g = &a.graph;
    let d = g.design;
    if g.entries.is_empty() || a.availability.is_none() {
        return Vec::new();
    }
    let (down, zone_down) = super::failed(g, &a.options.fail);
    let base = availability::base_env(g, &down, &zone_down);
    let mut comps: Vec<(Component, String)> = Vec::new();
    for (b, blk) in d.blocks.iter().enumerate() {
        if a.on_path.blocks[b] {
            comps.push((Component::Block(b), blk.id.clone()));
        }
    }
    for (z, zone) in d.zones.iter().enumerate() {
        let used = (0..d.blocks.len()).any(|b| a.on_path.blocks[b] && g.block_zone[b] == Some(z));
        if used {
            comps.push((Component::Zone(z), zone.id.clone()));
        }
    }
    let mut graph = g.clone();
    graph.share = a.share.clone();
    let mut out: Vec<Importance> = comps
        .into_iter()
        .map(|(c, id)| {
            let with = |p: f64| {
                let mut env = base.clone();
                env.set(c, p);
                availability::with_env(&graph, &a.entry_rps, &env, a.options).unwrap_or(0.0)
            };
            Importance {
                id,
                if_perfect: with(1.0),
                if_down: with(0.0),
            }
        })
        .collect();
    crate::core::sort::sort_by(&mut out, |x, y| {
        let (bx, by) = (x.if_perfect - x.if_down, y.if_perfect - y.if_down);
        by.total_cmp(&bx).then_with(|| x.id.cmp(&y.id))
    });
    out
}
