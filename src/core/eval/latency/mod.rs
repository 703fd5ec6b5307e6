//! Latency (evaluation.md §3, model-2.md §2.2 and §2.6): each entry's time as a
//! distribution computed numerically ([`times`]), its figures, the mix, budget.

mod budget;
pub mod times;

use super::dist::{Dist, Grid};
use super::graph::Graph;
use crate::core::report::{BudgetItem, Latency};
pub use times::Times;

/// The latency figures of one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Latencies {
    /// Parallel to `g.entries`.
    pub entries: Vec<Option<Latency>>,
    pub mix: Option<Latency>,
    pub budget: Vec<BudgetItem>,
}

/// Per-entry and mix latency, and the budget of the mix. `None` for an entry
/// whose time is `+∞` with positive probability (model-2.md §2.5); the mix is
/// the rps-weighted mixture of the entries' distributions, `None` when any
/// entry's is.
pub fn compute(
    g: &Graph,
    entry_rps: &[f64],
    times: Option<&Times>,
    share: &[f64],
    attempts: &[f64],
) -> Latencies {
    let Some(times) = times else {
        return Latencies {
            entries: vec![None; g.entries.len()],
            mix: None,
            budget: Vec::new(),
        };
    };
    let grid = times.grid;
    let dists: Vec<Option<&Dist>> = g
        .entries
        .iter()
        .map(|&e| times.entry(e).filter(|d| d.infinite_mass() == 0.0))
        .collect();
    let entries: Vec<Option<Latency>> = dists
        .iter()
        .map(|d| d.and_then(|d| figures(d, grid)))
        .collect();
    let total: f64 = entry_rps.iter().sum();
    let mix = if entries.is_empty() || entries.iter().any(Option::is_none) {
        None
    } else if entries.len() == 1 {
        entries[0]
    } else if total > 0.0 {
        let mixed = grid.mix(
            dists
                .iter()
                .zip(entry_rps)
                .filter_map(|(d, r)| d.map(|d| (r / total, d))),
        );
        figures(&mixed, grid)
    } else {
        None
    };
    let budget = if mix.is_some() {
        budget::budget(g, times, share, attempts, entry_rps)
    } else {
        Vec::new()
    };
    Latencies {
        entries,
        mix,
        budget,
    }
}

/// Mean, p50, p99 and p999 of a distribution of total mass 1.
fn figures(d: &Dist, grid: Grid) -> Option<Latency> {
    Some(Latency {
        mean_ms: d.mean(grid)?,
        p50_ms: d.quantile(grid, 0.5),
        p99_ms: d.quantile(grid, 0.99),
        p999_ms: d.quantile(grid, 0.999),
    })
}
