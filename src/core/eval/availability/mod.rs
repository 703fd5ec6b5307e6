//! Availability (evaluation.md §2): exact by conditioning, Monte Carlo beyond 20.
//!
//! Per entry, the components that occur more than once in the unfolding of
//! `s(entry)` are conditioned on (their 0/1 states enumerated, or sampled beyond
//! `exact_limit`); every other component enters with its probability, which is the
//! exact conditional expectation because the sub-expressions it meets are
//! independent. Without cycles, independent parts are computed apart, and only
//! the conditioned components where parts meet are enumerated together
//! ([`plan::Plan`]): the limit applies to the largest such enumeration.

mod exact;
mod monte_carlo;
mod plan;
mod tree;

use super::graph::Graph;
use super::success::Env;
use super::EvalOptions;
use crate::core::report::Method;
use plan::Plan;
use tree::Tree;

/// The availability figures of one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Availability {
    /// Each block's own, zone included. Spec choice: 0 when forced down by a
    /// what-if failure (of the block or its zone).
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

/// Spec choice (what-if failures): failed blocks and zones are forced down in
/// availability; `split` keeps its weights (a request routed to a failed block
/// fails), while `failover` already survives through its alternatives.
pub fn compute(
    g: &Graph,
    entry_rps: &[f64],
    down: &[bool],
    zone_down: &[bool],
    options: &EvalOptions,
) -> Availability {
    let env = base_env(g, down, zone_down);
    let blocks = (0..g.block_count())
        .map(|b| env.block_up[b] * g.block_zone[b].map_or(1.0, |z| env.zone_up[z]))
        .collect();
    let mut entries = Vec::with_capacity(g.entries.len());
    let mut variances = Vec::with_capacity(g.entries.len());
    let mut sampled = false;
    for (i, &e) in g.entries.iter().enumerate() {
        let tree = Tree::new(g, e, &env);
        let (a, var) = tree.availability(g, &env, options, i as u64);
        sampled |= var.is_some();
        entries.push(a);
        variances.push(var.unwrap_or(0.0));
    }
    let design = weighted(&entries, entry_rps);
    let interval = match design {
        Some(d) if sampled => {
            let total: f64 = entry_rps.iter().sum();
            let var: f64 = variances
                .iter()
                .zip(entry_rps)
                .map(|(v, r)| v * (r / total) * (r / total))
                .sum();
            let half = 1.96 * var.sqrt();
            Some([(d - half).max(0.0), (d + half).min(1.0)])
        }
        _ => None,
    };
    Availability {
        blocks,
        design,
        entries,
        method: if sampled {
            Method::MonteCarlo
        } else {
            Method::Exact
        },
        interval,
    }
}

/// The design's availability under `env` (the same method as [`compute`]).
pub fn with_env(g: &Graph, entry_rps: &[f64], env: &Env, options: &EvalOptions) -> Option<f64> {
    let entries: Vec<f64> = g
        .entries
        .iter()
        .enumerate()
        .map(|(i, &e)| {
            Tree::new(g, e, env)
                .availability(g, env, options, i as u64)
                .0
        })
        .collect();
    weighted(&entries, entry_rps)
}

/// `Σ rps·A / Σ rps`; `None` without traffic.
fn weighted(values: &[f64], rps: &[f64]) -> Option<f64> {
    let total: f64 = rps.iter().sum();
    if values.is_empty() || total <= 0.0 {
        return None;
    }
    Some(values.iter().zip(rps).map(|(a, r)| a * r).sum::<f64>() / total)
}

impl Tree {
    /// `A(entry)` and, when sampled, the variance of the estimate.
    ///
    /// Spec choice: at most 30 conditioned components are enumerated together
    /// whatever `exact_limit` says. Without cycles the limit applies to the
    /// largest enumeration of the factored computation (evaluation.md requires
    /// exact up to 20 conditioned components and allows it beyond), so a large
    /// design of independent tiers is exact. The design's 95% interval is ±1.96
    /// standard errors of the rps-weighted estimate, entries sampled independently.
    fn availability(
        &self,
        g: &Graph,
        env: &Env,
        opts: &EvalOptions,
        salt: u64,
    ) -> (f64, Option<f64>) {
        let mut up: Vec<f64> = self.comps.iter().map(|&c| env.get(c)).collect();
        let mut scratch = vec![0.0; self.nodes.len()];
        let limit = opts.exact_limit.min(30);
        if self.cyclic {
            if self.conditioned.len() <= limit {
                let a = self.enumerate(g, env, &mut up, 0, &mut scratch);
                return (a.clamp(0.0, 1.0), None);
            }
        } else {
            let plan = Plan::new(self);
            if plan.largest <= limit {
                return (self.factored(&plan, &mut up).clamp(0.0, 1.0), None);
            }
        }
        self.monte_carlo(g, env, &mut up, opts, salt, &mut scratch)
    }
}
