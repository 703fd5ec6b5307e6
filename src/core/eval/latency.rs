//! Latency (evaluation.md §3): sampled service times, queueing, budget.
//!
//! Each entry's requests are sampled one by one, walking the sync calls with an
//! explicit stack (deep designs cannot overflow it). Sub-trees whose time is
//! certain (no spread, whole calls, one possible route) are computed once and
//! not sampled, so deterministic paths cost one evaluation.

use std::collections::HashMap;

use rand::{Rng, RngCore, SeedableRng};
/// Xoshiro256++ by name: `SmallRng` is another algorithm on 32-bit targets
/// (WebAssembly), and the app must sample what the CLI samples.
use rand_xoshiro::Xoshiro256PlusPlus as SmallRng;

use super::fastwalk::Compiled;
use super::graph::{Graph, RequestPath};
use super::load::Load;
use super::lognormal::Spread;
use super::EvalOptions;
use crate::core::model::{Op, Route};
use crate::core::report::{BudgetItem, Latency};

/// The latency figures of one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Latencies {
    /// Parallel to `g.entries`.
    pub entries: Vec<Option<Latency>>,
    pub mix: Option<Latency>,
    pub budget: Vec<BudgetItem>,
}

/// z of the 99th percentile of the standard normal (evaluation.md §3).
const Z99: f64 = 2.3263;

/// The samples of one entry: one value when its time is certain.
enum Samples {
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

const NO_LINK: usize = usize::MAX;
const NO_TABLE: usize = usize::MAX;

/// One block being timed on the walker's stack.
struct Frame {
    b: usize,
    /// Service time plus the sequential calls finished so far.
    acc: f64,
    /// Longest parallel call so far.
    par: f64,
    /// Next sync link to consider (route `all`).
    next: usize,
    /// The link being called, its remaining calls and their time so far.
    link: usize,
    left: u32,
    x: f64,
    weighted: bool,
}

enum Entered {
    Done(f64),
    Open(Frame),
}

struct Walker<'g, 'a> {
    g: &'g Graph<'a>,
    share: &'g [f64],
    /// Median service time under load (queueing factor applied).
    median: Vec<f64>,
    sigma: Vec<f64>,
    /// Each block's table of `exp(σ·Z)` in `tables` (`NO_TABLE` when σ = 0);
    /// blocks of equal σ share one.
    spread: Vec<usize>,
    tables: Vec<Spread>,
    /// Certain time of `T(b, read)` / `T(b, write)` when it has no spread.
    fixed: Vec<[Option<f64>; 2]>,
    /// The one sync link with a positive share, when there is exactly one.
    single: Vec<usize>,
}

fn op_index(op: Op) -> usize {
    (op == Op::Write) as usize
}

impl<'g, 'a> Walker<'g, 'a> {
    fn new(g: &'g Graph<'a>, rho: &[f64], share: &'g [f64]) -> Self {
        let d = g.design;
        let median = d
            .blocks
            .iter()
            .enumerate()
            .map(|(b, blk)| {
                let r = rho[b];
                let q = if r < 1.0 {
                    1.0 / (1.0 - r)
                } else {
                    f64::INFINITY
                };
                blk.latency_ms * q
            })
            .collect();
        let sigma: Vec<f64> = d
            .blocks
            .iter()
            .map(|blk| {
                if blk.latency_ms > 0.0 && blk.p99_ms > blk.latency_ms {
                    (blk.p99_ms / blk.latency_ms).ln() / Z99
                } else {
                    0.0
                }
            })
            .collect();
        let mut by_sigma: HashMap<u64, usize> = HashMap::new();
        let mut tables = Vec::new();
        let spread = sigma
            .iter()
            .map(|&s: &f64| {
                if s > 0.0 {
                    *by_sigma.entry(s.to_bits()).or_insert_with(|| {
                        tables.push(Spread::new(s));
                        tables.len() - 1
                    })
                } else {
                    NO_TABLE
                }
            })
            .collect();
        let single = (0..g.block_count())
            .map(|b| {
                let mut used = g.sync_out[b].iter().filter(|&&l| share[l] > 0.0);
                match (used.next(), used.next()) {
                    (Some(&l), None) => l,
                    _ => NO_LINK,
                }
            })
            .collect();
        let mut w = Walker {
            g,
            share,
            median,
            sigma,
            spread,
            tables,
            single,
            fixed: vec![[None, None]; g.block_count()],
        };
        w.fill_fixed();
        w
    }

    /// `fixed` for every block with no sync cycle below, children first.
    fn fill_fixed(&mut self) {
        for b in self.g.acyclic_post_order() {
            self.fixed[b] = [self.fixed_of(b, Op::Read), self.fixed_of(b, Op::Write)];
        }
    }

    fn fixed_of(&self, b: usize, op: Op) -> Option<f64> {
        let g = self.g;
        let blk = &g.design.blocks[b];
        if self.sigma[b] > 0.0 {
            return None;
        }
        let s = self.median[b];
        let h = if op == Op::Read { blk.hit_ratio } else { 0.0 };
        if h >= 1.0 {
            return Some(s);
        }
        if h > 0.0 {
            return None;
        }
        let used: Vec<usize> = g.sync_out[b]
            .iter()
            .copied()
            .filter(|&l| self.share[l] > 0.0)
            .collect();
        let child = |l: usize| {
            let link = &g.design.links[l];
            self.fixed[g.link_to[l]][op_index(link.op)].map(|t| link.latency_ms + t)
        };
        match blk.route {
            Route::All => {
                let (mut seq, mut par) = (0.0, 0.0f64);
                for &l in &used {
                    let c = self.share[l];
                    if c.fract() != 0.0 {
                        return None;
                    }
                    let x = c * child(l)?;
                    if g.design.links[l].parallel {
                        par = par.max(x);
                    } else {
                        seq += x;
                    }
                }
                Some(s + seq + par)
            }
            Route::Split | Route::Failover => match used.as_slice() {
                [] => Some(s),
                [l] => Some(s + child(*l)?),
                _ => None,
            },
        }
    }

    fn entry_samples(&self, e: usize, n: usize, seed: u64, salt: u64) -> Samples {
        if let Some(v) = self.fixed[e][0] {
            return Samples::Const(v);
        }
        let mut rng = SmallRng::seed_from_u64(seed ^ salt.wrapping_mul(0xA24B_AED4_963E_E407));
        let mut on_path = vec![false; self.g.block_count()];
        let fast = Compiled::new(
            self.g,
            self.share,
            &self.median,
            &self.spread,
            &self.tables,
            &self.fixed,
        );
        if fast.depth_ok(self.g, e) {
            let xs = (0..n)
                .map(|_| fast.sample(e, &mut rng, &mut on_path))
                .collect();
            return Samples::Many(xs);
        }
        let mut stack = Vec::new();
        let xs = (0..n)
            .map(|_| self.sample(e, &mut rng, &mut stack, &mut on_path))
            .collect();
        Samples::Many(xs)
    }

    /// Start timing a request of kind `op` at `b`.
    fn enter(&self, b: usize, op: Op, rng: &mut SmallRng) -> Entered {
        let g = self.g;
        if let Some(v) = self.fixed[b][op_index(op)] {
            return Entered::Done(v);
        }
        let blk = &g.design.blocks[b];
        let mut s = self.median[b];
        if let Some(t) = self.tables.get(self.spread[b]) {
            s *= t.draw(rng.next_u64());
        }
        let h = if op == Op::Read { blk.hit_ratio } else { 0.0 };
        if h > 0.0 && (h >= 1.0 || rng.random::<f64>() < h) {
            return Entered::Done(s);
        }
        let mut frame = Frame {
            b,
            acc: s,
            par: 0.0,
            next: 0,
            link: NO_LINK,
            left: 0,
            x: 0.0,
            weighted: blk.route != Route::All,
        };
        if frame.weighted {
            let mut pick = self.single[b];
            let mut u: f64 = if pick == NO_LINK {
                rng.random::<f64>()
            } else {
                -1.0
            };
            for &l in &g.sync_out[b] {
                if u < 0.0 {
                    break;
                }
                let w = self.share[l];
                if w > 0.0 {
                    pick = l;
                    if u < w {
                        break;
                    }
                    u -= w;
                }
            }
            if pick == NO_LINK {
                return Entered::Done(s);
            }
            frame.link = pick;
            frame.left = 1;
        } else if g.sync_out[b].is_empty() {
            return Entered::Done(s);
        }
        Entered::Open(frame)
    }

    /// One sample of `T(e, read)`.
    fn sample(
        &self,
        e: usize,
        rng: &mut SmallRng,
        stack: &mut Vec<Frame>,
        on_path: &mut [bool],
    ) -> f64 {
        let g = self.g;
        let d = g.design;
        stack.clear();
        match self.enter(e, Op::Read, rng) {
            Entered::Done(v) => return v,
            Entered::Open(f) => {
                on_path[e] = true;
                stack.push(f);
            }
        }
        let mut ret: Option<f64> = None;
        loop {
            let Some(top) = stack.last_mut() else {
                return 0.0;
            };
            if let Some(v) = ret.take() {
                top.x += d.links[top.link].latency_ms + v;
            }
            if top.left > 0 {
                top.left -= 1;
                let l = top.link;
                let t = g.link_to[l];
                if on_path[t] {
                    // A link closing a sync cycle adds 0 ms.
                    top.left = 0;
                    top.x = 0.0;
                    continue;
                }
                match self.enter(t, d.links[l].op, rng) {
                    Entered::Done(v) => top.x += d.links[l].latency_ms + v,
                    Entered::Open(f) => {
                        on_path[t] = true;
                        stack.push(f);
                    }
                }
                continue;
            }
            if top.link != NO_LINK {
                let l = top.link;
                if top.weighted || !d.links[l].parallel {
                    top.acc += top.x;
                } else {
                    top.par = top.par.max(top.x);
                }
                top.link = NO_LINK;
                top.x = 0.0;
            }
            if !top.weighted {
                let links = &g.sync_out[top.b];
                let mut found = false;
                while let Some(&l) = links.get(top.next) {
                    top.next += 1;
                    let c = self.share[l];
                    if c <= 0.0 {
                        continue;
                    }
                    let whole = c.floor();
                    let frac = c - whole;
                    let k = whole as u32 + (frac > 0.0 && rng.random::<f64>() < frac) as u32;
                    if k > 0 {
                        top.link = l;
                        top.left = k;
                        top.x = 0.0;
                        found = true;
                        break;
                    }
                }
                if found {
                    continue;
                }
            }
            let v = top.acc + top.par;
            on_path[top.b] = false;
            stack.pop();
            if stack.is_empty() {
                return v;
            }
            ret = Some(v);
        }
    }

    /// Mean service time under load of one visit to `b`.
    fn mean_service(&self, b: usize) -> f64 {
        let s = self.sigma[b];
        self.median[b] * (s * s / 2.0).exp()
    }

    /// Where the mix's mean time goes: expected visits of each block (and calls
    /// of each link) per mix request, times its mean time.
    ///
    /// Spec choice: with sync cycles, the links that close a cycle on a
    /// depth-first walk from the entries carry no visits (the path rule, taken
    /// along the walk's order).
    fn budget(&self, entry_rps: &[f64]) -> Vec<BudgetItem> {
        let g = self.g;
        let d = g.design;
        let n = g.block_count();
        let total: f64 = entry_rps.iter().sum();
        if total <= 0.0 {
            return Vec::new();
        }
        // Used sync links, minus those closing a cycle; then topological order.
        let walk = g.post_order(g.entries.iter().copied(), |l| self.share[l] > 0.0);
        let closing = walk.closing;
        let mut order = walk.order;
        order.reverse();
        let mut visits = vec![[0.0f64; 2]; n];
        let mut seq = vec![false; n];
        for (i, &e) in g.entries.iter().enumerate() {
            visits[e][0] += entry_rps[i] / total;
            seq[e] = true;
        }
        let mut calls = vec![0.0f64; d.links.len()];
        let mut link_par = vec![false; d.links.len()];
        for &b in &order {
            let blk = &d.blocks[b];
            let fwd = visits[b][0] * (1.0 - blk.hit_ratio) + visits[b][1];
            for &l in &g.sync_out[b] {
                if closing[l] || self.share[l] <= 0.0 {
                    continue;
                }
                let link = &d.links[l];
                let t = g.link_to[l];
                calls[l] = fwd * self.share[l];
                visits[t][op_index(link.op)] += calls[l];
                let parallel = blk.route == Route::All && link.parallel;
                link_par[l] = parallel || !seq[b];
                if !link_par[l] {
                    seq[t] = true;
                }
            }
        }
        let mut items = Vec::new();
        for (b, blk) in d.blocks.iter().enumerate() {
            let v = visits[b][0] + visits[b][1];
            if v > 0.0 {
                items.push(BudgetItem {
                    kind: "block",
                    id: blk.id.clone(),
                    mean_ms: self.mean_service(b) * v,
                    parallel: !seq[b],
                });
            }
        }
        for (l, link) in d.links.iter().enumerate() {
            if calls[l] > 0.0 {
                items.push(BudgetItem {
                    kind: "link",
                    id: link.id.clone(),
                    mean_ms: link.latency_ms * calls[l],
                    parallel: link_par[l],
                });
            }
        }
        items
    }
}
