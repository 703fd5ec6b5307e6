//! Latency (evaluation.md §3): sampled service times, queueing, budget.

use super::graph::{Graph, RequestPath};
use super::load::Load;
use super::EvalOptions;
use crate::core::report::{BudgetItem, Latency};

/// The latency figures of one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Latencies {
    /// Parallel to `g.entries`.
    pub entries: Vec<Option<Latency>>,
    pub mix: Option<Latency>,
    pub budget: Vec<BudgetItem>,
}

pub fn compute(
    g: &Graph,
    entry_rps: &[f64],
    load: Option<&Load>,
    share: &[f64],
    paths: &[RequestPath],
    options: &EvalOptions,
) -> Latencies {
    let _ = (entry_rps, load, share, paths, options);
    Latencies {
        entries: vec![None; g.entries.len()],
        mix: None,
        budget: Vec::new(),
    }
}
