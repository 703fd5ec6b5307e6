//! The latency sampler's hot loop: the sync calls compiled into flat arrays, one
//! node per (block, op), walked recursively with one random `u64` per decision
//! (a table draw, a cache hit, a fractional call, a weighted pick). A long run
//! of links with the same fractional call count (a client calling each of 100
//! tiers with `calls` 0.01) is walked by geometric skips instead: one draw per
//! call made, not one per link.
//!
//! Recursion is used only when the longest call chain from the entry is short
//! (see [`Compiled::depth_ok`]); deeper designs use the explicit-stack walker.

use rand::RngCore;
/// Xoshiro256++ by name: `SmallRng` is another algorithm on 32-bit targets
/// (WebAssembly), and the app must sample what the CLI samples.
use rand_xoshiro::Xoshiro256PlusPlus as SmallRng;

use super::graph::Graph;
use super::lognormal::Spread;
use crate::core::model::{Op, Route};

/// Longest call chain walked recursively (frames are small: well under 100 KB).
const MAX_DEPTH: usize = 512;
/// Links in a run walked by geometric skips: at least this many, each called with
/// probability at most `SKIP_MAX_P` (for shorter runs or likelier calls one draw
/// per link is cheaper than a logarithm per call).
const SKIP_MIN_RUN: usize = 8;
const SKIP_MAX_P: f64 = 0.25;

/// A probability as a threshold on a random `u64` (`x < t` with probability p).
fn threshold(p: f64) -> u64 {
    if p >= 1.0 {
        u64::MAX
    } else if p > 0.0 {
        (p * 18_446_744_073_709_551_616.0) as u64
    } else {
        0
    }
}

struct Node {
    /// Certain time of the whole sub-tree, when it has no spread (else NaN).
    fixed: f64,
    median: f64,
    /// Index in `tables`, or `usize::MAX` without spread.
    table: usize,
    /// Always a hit (a read at `hit_ratio` 1), else hit when `u < hit`.
    always_hit: bool,
    hit: u64,
    weighted: bool,
    first: usize,
    end: usize,
}

struct Edge {
    to: usize,
    to_block: usize,
    latency: f64,
    whole: u32,
    /// One more call when `u < frac` (0: never).
    frac: u64,
    parallel: bool,
    /// Weighted links: picked when `u < cum` (the last one: always).
    cum: u64,
    /// The first of a run of this many links with no whole call and the same
    /// fractional one, walked by geometric skips (0: not such a first).
    run: usize,
    /// `ln(1 - p)` for the run's call probability `p`.
    log_miss: f64,
}

/// Mark the runs of `edges` (a node's links, called `calls` times each) that are
/// walked by geometric skips: at least `SKIP_MIN_RUN` consecutive links, each
/// called with the same probability `p ≤ SKIP_MAX_P` and never for sure.
fn mark_runs(edges: &mut [Edge], calls: impl Iterator<Item = f64>) {
    let calls: Vec<f64> = calls.collect();
    let mut i = 0;
    while i < calls.len() {
        let p = calls[i];
        let mut end = i + 1;
        while end < calls.len() && calls[end] == p {
            end += 1;
        }
        if p > 0.0 && p <= SKIP_MAX_P && end - i >= SKIP_MIN_RUN {
            edges[i].run = end - i;
            edges[i].log_miss = (-p).ln_1p();
        }
        i = end;
    }
}

/// Links passed over before the next call in a run: geometric, for a call
/// probability `p` with `log_miss = ln(1 - p)`.
fn misses(rng: &mut SmallRng, log_miss: f64) -> usize {
    // u in (0, 1]: the top 53 bits of a draw.
    let u = ((rng.next_u64() >> 11) + 1) as f64 * (1.0 / 9_007_199_254_740_992.0);
    let n = u.ln() / log_miss;
    if n < usize::MAX as f64 {
        n as usize
    } else {
        usize::MAX
    }
}

pub struct Compiled<'t> {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    tables: &'t [Spread],
    cyclic: Vec<bool>,
}

impl<'t> Compiled<'t> {
    /// `median`, `spread` (table per block), `fixed` (certain times per block
    /// and op) and `share` as the explicit-stack walker has them.
    pub fn new(
        g: &Graph,
        share: &[f64],
        median: &[f64],
        spread: &[usize],
        tables: &'t [Spread],
        fixed: &[[Option<f64>; 2]],
    ) -> Self {
        let d = g.design;
        let mut nodes = Vec::with_capacity(2 * g.block_count());
        let mut edges = Vec::new();
        for (b, blk) in d.blocks.iter().enumerate() {
            let weighted = blk.route != Route::All;
            let used: Vec<usize> = g.sync_out[b]
                .iter()
                .copied()
                .filter(|&l| share[l] > 0.0)
                .collect();
            let total: f64 = used.iter().map(|&l| share[l]).sum();
            for op in [Op::Read, Op::Write] {
                let h = if op == Op::Read { blk.hit_ratio } else { 0.0 };
                let first = edges.len();
                let mut acc = 0.0;
                for (i, &l) in used.iter().enumerate() {
                    let link = &d.links[l];
                    let t = g.link_to[l];
                    let c = share[l];
                    acc += c;
                    edges.push(Edge {
                        to: 2 * t + (link.op == Op::Write) as usize,
                        to_block: t,
                        latency: link.latency_ms,
                        whole: if weighted { 1 } else { c.floor() as u32 },
                        frac: if weighted {
                            0
                        } else {
                            threshold(c - c.floor())
                        },
                        parallel: !weighted && link.parallel,
                        cum: if i + 1 == used.len() {
                            u64::MAX
                        } else {
                            threshold(acc / total)
                        },
                        run: 0,
                        log_miss: 0.0,
                    });
                }
                if !weighted {
                    mark_runs(&mut edges[first..], used.iter().map(|&l| share[l]));
                }
                nodes.push(Node {
                    fixed: fixed[b][(op == Op::Write) as usize].unwrap_or(f64::NAN),
                    median: median[b],
                    table: spread[b],
                    always_hit: h >= 1.0,
                    hit: threshold(h),
                    weighted,
                    first,
                    end: edges.len(),
                });
            }
        }
        Compiled {
            nodes,
            edges,
            tables,
            cyclic: g.cyclic_below.clone(),
        }
    }

    /// Whether the longest call chain from `entry` is short enough to recurse.
    pub fn depth_ok(&self, g: &Graph, entry: usize) -> bool {
        if self.cyclic[entry] {
            // The path rule bounds the depth by the blocks below the entry.
            let p = g.request_path(entry);
            return p.blocks.iter().filter(|&&v| v).count() <= MAX_DEPTH;
        }
        // Longest path in the (acyclic) used sync graph below the entry.
        let n = g.block_count();
        let mut depth = vec![0usize; n];
        let mut state = vec![0u8; n];
        let mut work = vec![(entry, 0usize)];
        state[entry] = 1;
        while let Some(&mut (b, ref mut i)) = work.last_mut() {
            let node = &self.nodes[2 * b];
            if let Some(e) = self.edges[node.first..node.end].get(*i) {
                *i += 1;
                if state[e.to_block] == 0 {
                    state[e.to_block] = 1;
                    work.push((e.to_block, 0));
                }
            } else {
                let node = &self.nodes[2 * b];
                depth[b] = 1 + self.edges[node.first..node.end]
                    .iter()
                    .map(|e| depth[e.to_block])
                    .max()
                    .unwrap_or(0);
                state[b] = 2;
                work.pop();
            }
        }
        depth[entry] <= MAX_DEPTH
    }

    /// One sample of `T(entry, read)`.
    pub fn sample(&self, entry: usize, rng: &mut SmallRng, on_path: &mut [bool]) -> f64 {
        if self.cyclic[entry] {
            self.time::<true>(2 * entry, rng, on_path)
        } else {
            self.time::<false>(2 * entry, rng, on_path)
        }
    }

    fn time<const CYCLIC: bool>(&self, n: usize, rng: &mut SmallRng, on_path: &mut [bool]) -> f64 {
        let Some(node) = self.nodes.get(n) else {
            return 0.0;
        };
        if !node.fixed.is_nan() {
            return node.fixed;
        }
        let mut t = node.median;
        if let Some(tab) = self.tables.get(node.table) {
            t *= tab.draw(rng.next_u64());
        }
        if node.always_hit || (node.hit != 0 && rng.next_u64() < node.hit) {
            return t;
        }
        let edges = &self.edges[node.first..node.end];
        if edges.is_empty() {
            return t;
        }
        if CYCLIC {
            on_path[n / 2] = true;
        }
        if node.weighted {
            let pick = if edges.len() == 1 {
                &edges[0]
            } else {
                let u = rng.next_u64();
                edges
                    .iter()
                    .find(|e| u < e.cum)
                    .unwrap_or(&edges[edges.len() - 1])
            };
            if !(CYCLIC && on_path[pick.to_block]) {
                t += pick.latency + self.time::<CYCLIC>(pick.to, rng, on_path);
            }
        } else {
            let mut par = 0.0f64;
            let mut at = 0;
            while let Some(e) = edges.get(at) {
                if e.run > 0 {
                    // A run: jump from call to call; the links between are not called.
                    let (end, log_miss) = (at + e.run, e.log_miss);
                    let mut next = at.saturating_add(misses(rng, log_miss));
                    while next < end {
                        let e = &edges[next];
                        if !(CYCLIC && on_path[e.to_block]) {
                            let x = e.latency + self.time::<CYCLIC>(e.to, rng, on_path);
                            if e.parallel {
                                par = par.max(x);
                            } else {
                                t += x;
                            }
                        }
                        next = next.saturating_add(1).saturating_add(misses(rng, log_miss));
                    }
                    at = end;
                    continue;
                }
                at += 1;
                let k = e.whole + (e.frac != 0 && rng.next_u64() < e.frac) as u32;
                if k == 0 || (CYCLIC && on_path[e.to_block]) {
                    continue;
                }
                let mut x = 0.0;
                for _ in 0..k {
                    x += e.latency + self.time::<CYCLIC>(e.to, rng, on_path);
                }
                if e.parallel {
                    par = par.max(x);
                } else {
                    t += x;
                }
            }
            t += par;
        }
        if CYCLIC {
            on_path[n / 2] = false;
        }
        t
    }
}
