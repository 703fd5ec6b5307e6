//! Latency (evaluation.md §3, model-2.md §2.2 and §2.6): each entry's time as a
//! distribution computed numerically ([`times`]), its figures, the mix, budget.

mod budget;
pub mod service;
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
/// the mixture of the entries' distributions weighted by `entry_rps` (0 for a
/// failed entry, which is left out), `None` when any weighted entry's is.
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
    let dists: Vec<Option<(&Dist, Grid)>> = (0..g.entries.len())
        .map(|i| times.entry(i).filter(|(d, _)| d.infinite_mass() == 0.0))
        .collect();
    let entries: Vec<Option<Latency>> = dists
        .iter()
        .map(|d| d.and_then(|(d, grid)| figures(d, grid)))
        .collect();
    let total: f64 = entry_rps.iter().sum();
    let weighted: Vec<usize> = (0..entries.len()).filter(|&i| entry_rps[i] > 0.0).collect();
    let mix = if weighted.is_empty() || weighted.iter().any(|&i| entries[i].is_none()) {
        None
    } else if weighted.len() == 1 {
        entries[weighted[0]]
    } else if total > 0.0 {
        let parts: Vec<(f64, &Dist, Grid)> = dists
            .iter()
            .zip(entry_rps)
            .filter_map(|(d, r)| d.map(|(d, grid)| (r / total, d, grid)))
            .filter(|p| p.0 > 0.0)
            .collect();
        mixture(&parts, &entries, entry_rps, total)
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

/// The rps-weighted mixture of the entries: the mean exactly, quantiles by
/// bisection on the mixed CDF (each entry read on its own lattice).
fn mixture(
    parts: &[(f64, &Dist, Grid)],
    entries: &[Option<Latency>],
    rps: &[f64],
    total: f64,
) -> Option<Latency> {
    let mean = entries
        .iter()
        .zip(rps)
        .map(|(e, r)| e.map_or(0.0, |e| e.mean_ms) * r / total)
        .sum();
    let cdf = |t: f64| -> f64 { parts.iter().map(|(w, d, grid)| w * d.cdf(*grid, t)).sum() };
    let quantile = |q: f64| -> f64 {
        let mut hi = parts
            .iter()
            .map(|(_, d, grid)| d.top(*grid))
            .fold(0.0, f64::max);
        let mut lo = 0.0;
        if cdf(lo) >= q {
            return lo;
        }
        // 60 halvings: far below every tolerance.
        for _ in 0..60 {
            let mid = (lo + hi) / 2.0;
            if cdf(mid) >= q {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    };
    Some(Latency {
        mean_ms: mean,
        p50_ms: quantile(0.5),
        p99_ms: quantile(0.99),
        p999_ms: quantile(0.999),
    })
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
