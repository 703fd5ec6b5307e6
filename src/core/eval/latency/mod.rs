//! Latency (evaluation.md §3): sampled service times, queueing, budget.
//!
//! Each entry's requests are sampled one by one, walking the sync calls with an
//! explicit stack (deep designs cannot overflow it). Sub-trees whose time is
//! certain (no spread, whole calls, one possible route) are computed once and
//! not sampled, so deterministic paths cost one evaluation.

mod budget;
mod walker;

use rand::{Rng, SeedableRng};
/// Xoshiro256++ by name: `SmallRng` is another algorithm on 32-bit targets
/// (WebAssembly), and the app must sample what the CLI samples.
use rand_xoshiro::Xoshiro256PlusPlus as SmallRng;

use super::graph::{Graph, RequestPath};
use super::load::Load;
use super::EvalOptions;
use crate::core::report::{BudgetItem, Latency};
use walker::Walker;

/// The latency figures of one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Latencies {
    /// Parallel to `g.entries`.
    pub entries: Vec<Option<Latency>>,
    pub mix: Option<Latency>,
    pub budget: Vec<BudgetItem>,
}

/// The samples of one entry: one value when its time is certain.
pub(super) enum Samples {
    Const(f64),
    Many(Vec<f64>),
}

/// Per-entry and mix latency, and the budget of the mix.
///
/// Spec choices: the mean is the sample mean (the exact value when the path is
/// certain); the mix's mean is the rps-weighted mean of the entries' means and its
/// quantiles come from samples drawn from the entries in proportion to their rps.
/// Under what-if failures the walk uses the load's effective shares: a call to a
/// down block takes no time (it fails fast) and weighted links draw among the
/// alternatives still up.
pub fn compute(
    g: &Graph,
    entry_rps: &[f64],
    load: Option<&Load>,
    share: &[f64],
    paths: &[RequestPath],
    options: &EvalOptions,
) -> Latencies {
    let none = Latencies {
        entries: vec![None; g.entries.len()],
        mix: None,
        budget: Vec::new(),
    };
    let Some(load) = load else {
        return none;
    };
    let rho: Vec<f64> = load.utilization.iter().map(|u| u.unwrap_or(0.0)).collect();
    let walker = Walker::new(g, &rho, share);
    let n = options.latency_samples.max(1);
    let mut samples = Vec::with_capacity(g.entries.len());
    for (i, &e) in g.entries.iter().enumerate() {
        let saturated = paths[i]
            .blocks
            .iter()
            .enumerate()
            .any(|(b, &v)| v && rho[b] >= 1.0);
        if saturated {
            samples.push(None);
            continue;
        }
        samples.push(Some(walker.entry_samples(e, n, options.seed, i as u64)));
    }
    let mut entries: Vec<Option<Latency>> = samples
        .iter_mut()
        .map(|s| s.as_mut().map(summarise))
        .collect();
    let mix = mixture(&mut samples, &entries, entry_rps, n, options.seed);
    let budget = if mix.is_some() {
        walker.budget(entry_rps)
    } else {
        Vec::new()
    };
    if g.entries.is_empty() {
        entries.clear();
    }
    Latencies {
        entries,
        mix,
        budget,
    }
}

/// Mean and lower quantiles of one entry's samples (reorders them).
fn summarise(s: &mut Samples) -> Latency {
    match s {
        Samples::Const(v) => Latency {
            mean_ms: *v,
            p50_ms: *v,
            p99_ms: *v,
            p999_ms: *v,
        },
        Samples::Many(xs) => {
            let mean = xs.iter().sum::<f64>() / xs.len() as f64;
            let [p50, p99, p999] = quantiles(xs);
            Latency {
                mean_ms: mean,
                p50_ms: p50,
                p99_ms: p99,
                p999_ms: p999,
            }
        }
    }
}

/// Lower quantiles `inf{t : F(t) ≥ q}` of the empirical distribution for q =
/// 0.5, 0.99, 0.999, by nested selection (no full sort).
pub fn quantiles(xs: &mut [f64]) -> [f64; 3] {
    let n = xs.len();
    if n == 0 {
        return [f64::NAN; 3];
    }
    let index = |q: f64| (((q * n as f64) - 1e-9).ceil() as usize).clamp(1, n) - 1;
    let mut out = [0.0; 3];
    let mut lo = 0;
    for (slot, q) in [0.5, 0.99, 0.999].into_iter().enumerate() {
        let k = index(q).max(lo);
        let (_, v, _) = xs[lo..].select_nth_unstable_by(k - lo, f64::total_cmp);
        out[slot] = *v;
        lo = k;
    }
    out
}

/// The rps-weighted mix: the entries' means weighted exactly; quantiles from
/// samples drawn from the entries in proportion to their traffic.
fn mixture(
    samples: &mut [Option<Samples>],
    entries: &[Option<Latency>],
    rps: &[f64],
    n: usize,
    seed: u64,
) -> Option<Latency> {
    if entries.is_empty() || entries.iter().any(|e| e.is_none()) {
        return None;
    }
    if entries.len() == 1 {
        return entries[0];
    }
    let total: f64 = rps.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let mean = entries
        .iter()
        .zip(rps)
        .map(|(e, r)| e.map_or(0.0, |e| e.mean_ms) * r / total)
        .sum();
    let mut cumulative = Vec::with_capacity(rps.len());
    let mut acc = 0.0;
    for r in rps {
        acc += r / total;
        cumulative.push(acc);
    }
    let mut rng = SmallRng::seed_from_u64(seed ^ 0x4D49_5845_u64);
    let mut mixed = Vec::with_capacity(n);
    for _ in 0..n {
        let u: f64 = rng.random::<f64>() * acc;
        let e = cumulative.partition_point(|&c| c <= u).min(rps.len() - 1);
        let v = match &samples[e] {
            Some(Samples::Const(v)) => *v,
            Some(Samples::Many(xs)) => xs[rng.random_range(0..xs.len())],
            None => return None,
        };
        mixed.push(v);
    }
    let [p50, p99, p999] = quantiles(&mut mixed);
    Some(Latency {
        mean_ms: mean,
        p50_ms: p50,
        p99_ms: p99,
        p999_ms: p999,
    })
}
