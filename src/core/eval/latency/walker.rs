//! Sampling one request's time: the walker over sync calls, with the certain
//! sub-trees computed once.

use std::collections::HashMap;

use rand::{Rng, RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus as SmallRng;

use super::super::fastwalk::Compiled;
use super::super::graph::Graph;
use super::super::lognormal::Spread;
use super::Samples;
use crate::core::model::{Op, Route};

/// z of the 99th percentile of the standard normal (evaluation.md §3).
const Z99: f64 = 2.3263;

const NO_LINK: usize = usize::MAX;
const NO_TABLE: usize = usize::MAX;

/// One block being timed on the walker's stack.
struct Frame {
    pub(super) b: usize,
    /// Service time plus the sequential calls finished so far.
    pub(super) acc: f64,
    /// Longest parallel call so far.
    pub(super) par: f64,
    /// Next sync link to consider (route `all`).
    pub(super) next: usize,
    /// The link being called, its remaining calls and their time so far.
    pub(super) link: usize,
    pub(super) left: u32,
    pub(super) x: f64,
    pub(super) weighted: bool,
}

enum Entered {
    Done(f64),
    Open(Frame),
}

pub(super) struct Walker<'g, 'a> {
    pub(super) g: &'g Graph<'a>,
    pub(super) share: &'g [f64],
    /// Median service time under load (queueing factor applied).
    pub(super) median: Vec<f64>,
    pub(super) sigma: Vec<f64>,
    /// Each block's table of `exp(σ·Z)` in `tables` (`NO_TABLE` when σ = 0);
    /// blocks of equal σ share one.
    pub(super) spread: Vec<usize>,
    pub(super) tables: Vec<Spread>,
    /// Certain time of `T(b, read)` / `T(b, write)` when it has no spread.
    pub(super) fixed: Vec<[Option<f64>; 2]>,
    /// The one sync link with a positive share, when there is exactly one.
    pub(super) single: Vec<usize>,
}

pub(super) fn op_index(op: Op) -> usize {
    (op == Op::Write) as usize
}

impl<'g, 'a> Walker<'g, 'a> {
    pub(super) fn new(g: &'g Graph<'a>, rho: &[f64], share: &'g [f64]) -> Self {
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

    pub(super) fn entry_samples(&self, e: usize, n: usize, seed: u64, salt: u64) -> Samples {
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
}
