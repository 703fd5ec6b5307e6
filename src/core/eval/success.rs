//! The success `s(b, op)` of a request (evaluation.md §2) for one assignment of
//! "probability up" to every component.
//!
//! With every component 0 or 1 this is the success in one state ω (used by the
//! `spof` rules and by what-if failures). With probabilities plugged in it is the
//! expectation over the components that occur once in the expansion, which is how
//! the exact availability conditions only on the shared ones.

use super::graph::{Component, Graph};
use crate::core::model::{Op, Route};

/// Probability that each block's instances, and each zone, are up.
#[derive(Clone, Debug, PartialEq)]
pub struct Env {
    pub block_up: Vec<f64>,
    pub zone_up: Vec<f64>,
}

impl Env {
    /// Every component certainly up.
    pub fn all_up(g: &Graph) -> Env {
        Env {
            block_up: vec![1.0; g.block_count()],
            zone_up: vec![1.0; g.design.zones.len()],
        }
    }

    /// Every component at its own availability (`A_block` and zone availability).
    pub fn nominal(g: &Graph) -> Env {
        Env {
            block_up: g
                .design
                .blocks
                .iter()
                .map(|b| block_availability(b.replicas, b.min_healthy, b.availability))
                .collect(),
            zone_up: g.design.zones.iter().map(|z| z.availability).collect(),
        }
    }

    pub fn set(&mut self, c: Component, p: f64) {
        match c {
            Component::Block(b) => self.block_up[b] = p,
            Component::Zone(z) => self.zone_up[z] = p,
        }
    }

    pub fn get(&self, c: Component) -> f64 {
        match c {
            Component::Block(b) => self.block_up[b],
            Component::Zone(z) => self.zone_up[z],
        }
    }
}

/// `A_block`: at least `k` of `n` instances up, each up with probability `a`.
pub fn block_availability(n: u32, k: u32, a: f64) -> f64 {
    if k > n {
        return 0.0;
    }
    // Sum the smaller tail for accuracy: P(up ≥ k) = 1 − P(up ≤ k − 1).
    let q = 1.0 - a;
    let term = |i: u32| binomial(n, i) * a.powi(i as i32) * q.powi((n - i) as i32);
    if k > n / 2 {
        (k..=n).map(term).sum::<f64>().min(1.0)
    } else {
        (1.0 - (0..k).map(term).sum::<f64>()).clamp(0.0, 1.0)
    }
}

fn binomial(n: u32, k: u32) -> f64 {
    let k = k.min(n - k);
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// Success of a request that `entry` originates (a read), under `env`.
pub fn entry_success(g: &Graph, entry: usize, env: &Env) -> f64 {
    Success::new(g, env).of(entry, Op::Read)
}

/// Success of every entry under one `env`, sharing the work between entries.
pub fn entries_success(g: &Graph, env: &Env) -> Vec<f64> {
    let s = Success::new(g, env);
    g.entries.iter().map(|&e| s.of(e, Op::Read)).collect()
}

struct Success<'g, 'a> {
    g: &'g Graph<'a>,
    env: &'g Env,
    /// `inner(b)` for blocks with no sync cycle below them.
    inner: Vec<f64>,
}

impl<'g, 'a> Success<'g, 'a> {
    fn new(g: &'g Graph<'a>, env: &'g Env) -> Self {
        let mut s = Success {
            g,
            env,
            inner: vec![f64::NAN; g.block_count()],
        };
        s.fill_acyclic();
        s
    }

    fn up(&self, b: usize) -> f64 {
        let zone = self.g.block_zone[b].map_or(1.0, |z| self.env.zone_up[z]);
        self.env.block_up[b] * zone
    }

    fn of(&self, b: usize, op: Op) -> f64 {
        let mut on_path = vec![false; self.g.block_count()];
        self.at(b, op, &mut on_path)
    }

    fn at(&self, b: usize, op: Op, on_path: &mut [bool]) -> f64 {
        let up = self.up(b);
        if up == 0.0 {
            return 0.0;
        }
        let h = if op == Op::Read {
            self.g.design.blocks[b].hit_ratio
        } else {
            0.0
        };
        let inner = if self.g.cyclic_below[b] {
            on_path[b] = true;
            let v = self.combine(b, |t, o| {
                if on_path[t] {
                    1.0
                } else {
                    self.at(t, o, on_path)
                }
            });
            on_path[b] = false;
            v
        } else {
            self.inner[b]
        };
        up * (h + (1.0 - h) * inner)
    }

    /// `inner(b)` from the successes of its sync links' targets.
    fn combine(&self, b: usize, mut s: impl FnMut(usize, Op) -> f64) -> f64 {
        let g = self.g;
        let links = &g.sync_out[b];
        if links.is_empty() {
            return 1.0;
        }
        let mut term = |l: usize| {
            let link = &g.design.links[l];
            if link.optional {
                1.0
            } else {
                s(g.link_to[l], link.op)
            }
        };
        match g.design.blocks[b].route {
            Route::All => links
                .iter()
                .map(|&l| {
                    let p = g.design.links[l].calls.min(1.0);
                    if p == 0.0 {
                        1.0
                    } else {
                        1.0 - p + p * term(l)
                    }
                })
                .product(),
            Route::Split => links.iter().map(|&l| g.share[l] * term(l)).sum(),
            Route::Failover => 1.0 - links.iter().map(|&l| 1.0 - term(l)).product::<f64>(),
        }
    }

    /// Compute `inner` for every block with no sync cycle below, children first.
    fn fill_acyclic(&mut self) {
        let g = self.g;
        let n = g.block_count();
        let mut state = vec![0u8; n]; // 0 new, 1 open, 2 done
        for root in 0..n {
            if g.cyclic_below[root] || state[root] != 0 {
                continue;
            }
            let mut work = vec![(root, 0usize)];
            state[root] = 1;
            while let Some(&mut (b, ref mut i)) = work.last_mut() {
                if let Some(&l) = g.sync_out[b].get(*i) {
                    *i += 1;
                    let t = g.link_to[l];
                    if state[t] == 0 {
                        state[t] = 1;
                        work.push((t, 0));
                    }
                } else {
                    work.pop();
                    let inner = self.combine(b, |t, o| {
                        let h = if o == Op::Read {
                            g.design.blocks[t].hit_ratio
                        } else {
                            0.0
                        };
                        let up = self.up(t);
                        if up == 0.0 {
                            0.0
                        } else {
                            up * (h + (1.0 - h) * self.inner[t])
                        }
                    });
                    self.inner[b] = inner;
                    state[b] = 2;
                }
            }
        }
    }
}
