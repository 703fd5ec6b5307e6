//! `evaluate(&Design, &EvalOptions) -> Report` (evaluation.md).
//!
//! Each evaluation builds its own [`graph::Graph`] index, then [`analyse`] computes
//! load, availability and latency into an [`Analysis`] that the rules read. Nothing
//! here fails on a valid design; figures that do not exist are `None`.

pub mod availability;
pub mod graph;
pub mod latency;
pub mod load;
pub mod rules;
pub mod success;

use crate::core::model::Design;
use crate::core::report::{BudgetItem, Latency, Method, Report};
use graph::{Graph, RequestPath};

/// What-if and sampling settings. `Default` is the plain evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalOptions {
    /// Multiplies every entry's `rps` (what-if traffic).
    pub scale: f64,
    /// Ids of blocks or zones forced down (what-if failures).
    pub fail: Vec<String>,
    /// Seed of the latency and Monte Carlo samplers (repeatable results).
    pub seed: u64,
    /// Latency samples per entry (evaluation.md §3: at least 200,000).
    pub latency_samples: usize,
    /// Monte Carlo availability samples (evaluation.md §2: at least 10^6).
    pub mc_samples: usize,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            scale: 1.0,
            fail: Vec::new(),
            seed: 0x5EED_E17E,
            latency_samples: 200_000,
            mc_samples: 1_000_000,
        }
    }
}

/// Everything computed about a design, before the rules run. Indices are block
/// positions in `graph.design.blocks` (entries: positions in `graph.entries`).
pub struct Analysis<'a> {
    pub graph: Graph<'a>,
    pub options: &'a EvalOptions,
    /// Each entry's `rps` after the what-if scale, parallel to `graph.entries`.
    pub entry_rps: Vec<f64>,
    /// `None` when the load equations have no finite, non-negative solution.
    pub load: Option<load::Load>,
    /// The amplifying strongly connected sets behind a `load-loop` (block positions).
    pub load_loops: Vec<Vec<usize>>,
    /// Each block's own availability, zone included (`blocks[].availability`).
    pub block_availability: Vec<f64>,
    /// Parallel to `graph.entries`.
    pub entry_availability: Vec<f64>,
    /// Traffic-weighted over entries; `None` without an entry.
    pub availability: Option<f64>,
    pub availability_method: Method,
    pub availability_interval: Option<[f64; 2]>,
    /// Parallel to `graph.entries`; `None` when a visited block has ρ ≥ 1 or load is null.
    pub entry_latency: Vec<Option<Latency>>,
    /// The rps-weighted mix; `None` when any entry's is (or there is no entry).
    pub latency: Option<Latency>,
    pub budget: Vec<BudgetItem>,
    /// What each entry's requests visit, parallel to `graph.entries`.
    pub paths: Vec<RequestPath>,
    /// The union of `paths`: "on the request path" (evaluation.md §4).
    pub on_path: RequestPath,
}

/// Compute load, availability and latency (everything but the findings).
pub fn analyse<'a>(design: &'a Design, options: &'a EvalOptions) -> Analysis<'a> {
    let _ = (design, options);
    todo!("load, availability and latency")
}

pub fn evaluate(design: &Design, options: &EvalOptions) -> Report {
    let analysis = analyse(design, options);
    let findings = rules::run(&analysis);
    let _ = findings;
    todo!("assemble the report")
}
