//! Targets: `slo-availability`, `slo-latency`.

use super::{finding, Ctx, Rule};
use crate::core::report::Finding;

/// `slo-availability`: the traffic-weighted availability is below the target.
pub(super) fn slo_availability(c: &Ctx) -> Vec<Finding> {
    let target = c.g.design.targets.availability;
    match (target, c.a.availability) {
        (Some(t), Some(a)) if !c.g.entries.is_empty() && a < t => vec![finding(
            Rule::SloAvailability,
            Vec::new(),
            Vec::new(),
            format!("Availability {a:.8} is below the target {t}."),
        )],
        _ => Vec::new(),
    }
}

/// `slo-latency`: the mix's p99 is above the target, or `null`.
///
/// Spec choice: a `null` mix latency (a visited block at ρ ≥ 1, or no load
/// figures under `load-loop`) misses any target, as the table says.
pub(super) fn slo_latency(c: &Ctx) -> Vec<Finding> {
    let Some(t) = c.g.design.targets.p99_ms else {
        return Vec::new();
    };
    if c.g.entries.is_empty() {
        return Vec::new();
    }
    let message = match &c.a.latency {
        Some(l) if l.p99_ms > t => {
            format!("p99 latency {:.1} ms is above the target {t} ms.", l.p99_ms)
        }
        Some(_) => return Vec::new(),
        None => format!(
            "p99 latency is unbounded (a visited block is at utilization ≥ 1 or the load \
             has no solution); the target is {t} ms."
        ),
    };
    vec![finding(Rule::SloLatency, Vec::new(), Vec::new(), message)]
}
