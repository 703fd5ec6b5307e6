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

/// `s(b, op) = up · (h + (1 − h) · inner(b))` (evaluation.md §2), with `up` the
/// probability that `b` and its zone are up and `h` the hit ratio for this op
/// (0 for a write). Exactly 0 when `up` is 0.
pub fn success(up: f64, h: f64, inner: f64) -> f64 {
    if up == 0.0 {
        0.0
    } else {
        up * (h + (1.0 - h) * inner)
    }
}

/// `inner(b)` under `route` from its sync links' terms `(w, s)`, in document
/// order: `s` the success of the link's target (1 for an optional link), `w`
/// its `p_l = min(calls, 1)` under `all`, its share under `split`, unused under
/// `failover`. `all`: `Π (1 − w + w·s)`; `split`: `Σ w·s`; `failover`:
/// `1 − Π (1 − s)`.
pub fn inner(route: Route, terms: impl IntoIterator<Item = (f64, f64)>) -> f64 {
    let terms = terms.into_iter();
    match route {
        Route::All => terms.map(|(w, s)| 1.0 - w + w * s).product(),
        Route::Split => terms.map(|(w, s)| w * s).sum(),
        Route::Failover => 1.0 - terms.map(|(_, s)| 1.0 - s).product::<f64>(),
    }
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

    /// The hit ratio of `b` for `op`.
    fn h(&self, b: usize, op: Op) -> f64 {
        if op == Op::Read {
            self.g.design.blocks[b].hit_ratio
        } else {
            0.0
        }
    }

    fn at(&self, b: usize, op: Op, on_path: &mut [bool]) -> f64 {
        let up = self.up(b);
        if up == 0.0 {
            return 0.0;
        }
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
        success(up, self.h(b, op), inner)
    }

    /// `inner(b)` from the successes of its sync links' targets.
    fn combine(&self, b: usize, mut s: impl FnMut(usize, Op) -> f64) -> f64 {
        let g = self.g;
        let links = &g.sync_out[b];
        if links.is_empty() {
            return 1.0;
        }
        let route = g.design.blocks[b].route;
        // A link that no request takes under `all` is a factor 1, left out.
        let terms = links.iter().filter_map(|&l| {
            let link = &g.design.links[l];
            let w = match route {
                Route::All => link.calls.min(1.0),
                Route::Split => g.share[l],
                Route::Failover => 1.0,
            };
            if route == Route::All && w == 0.0 {
                return None;
            }
            let v = if link.optional {
                1.0
            } else {
                g.link_ok[l] * s(g.link_to[l], link.op)
            };
            Some((w, v))
        });
        inner(route, terms)
    }

    /// Compute `inner` for every block with no sync cycle below, children first.
    fn fill_acyclic(&mut self) {
        let g = self.g;
        for b in g.acyclic_post_order() {
            let inner = self.combine(b, |t, o| success(self.up(t), self.h(t, o), self.inner[t]));
            self.inner[b] = inner;
        }
    }
}
