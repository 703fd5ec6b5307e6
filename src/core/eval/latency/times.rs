//! `T(b, op)` as distributions (evaluation.md §3 with model-2.md §2.1–2.2 and
//! §2.5), computed children first, and each timed link's `q_l`.
//!
//! Every `exp`, `log`, `cos` and `sin` on this path is `libm`'s, in the CLI as
//! in the browser, so both print the same figures to the last digit (the
//! platform's own `f64::exp` differs in the last bits between them).

use super::super::dist::{normal_cdf, Dist, Grid};
use super::super::graph::Graph;
use super::service::{pow2, sigma};
use crate::core::model::{Op, Route};

/// Lattice points across the longest time an entry can take: the step `h` of
/// an evaluation. Measured on generated designs against 16,384 points: p50
/// within 0.4%, p99 0.2%, p999 0.05%, means exact (§2.6 asks 1% and 2%); the
/// cost grows with the points (512: 6 ms at 100 blocks, 1,024: 14 ms).
const POINTS: f64 = 512.0;
/// Spec choice: an entry whose median spans fewer than 16 steps is computed
/// again with 32 across it, at most 4,096 points in all: the Monte Carlo
/// check's p50 stays within 1% (64 and 16,384 cost 7× as much).
const MEDIAN_CELLS: f64 = 16.0;
const MAX_POINTS: f64 = 4096.0;
/// z of each service time in the estimate that sets an entry's step: about
/// its p999 (the lattice still extends as far as the tail goes).
const Z_BOUND: f64 = 3.0;

/// What one evaluation's times need: the graph, ρ, each link's share of calls.
pub struct Times<'g, 'a> {
    pub g: &'g Graph<'a>,
    /// The step of the times being computed.
    grid: Grid,
    share: &'g [f64],
    /// Median service time under load (`+∞` at ρ ≥ 1), and σ.
    pub median: Vec<f64>,
    pub sigma: Vec<f64>,
    /// Per link: `P(A > τ)` of one attempt (0 without a timeout or when unused).
    pub q: Vec<f64>,
    /// `q` already set by an entry of a finer step.
    q_set: Vec<bool>,
    /// `T(b, read)`, `T(b, write)` once computed (at `grid`).
    t: Vec<[Option<Dist>; 2]>,
    /// Each entry's `T(e, read)` and its step, parallel to `g.entries`.
    entries: Vec<(Dist, Grid)>,
}

fn oi(op: Op) -> usize {
    (op == Op::Write) as usize
}

impl<'g, 'a> Times<'g, 'a> {
    /// Every `T` the entries need, and every used timed link's `q`.
    ///
    /// Spec choice: with sync cycles, each entry's times are computed along one
    /// depth-first walk from it; a link closing a cycle on that walk adds 0 ms
    /// (the path rule, taken along the walk, as the budget does).
    pub fn new(g: &'g Graph<'a>, rho: &[f64], share: &'g [f64]) -> Self {
        let d = g.design;
        let median: Vec<f64> = d
            .blocks
            .iter()
            .zip(rho)
            .map(|(b, &r)| {
                if r < 1.0 {
                    b.latency_ms / (1.0 - r)
                } else {
                    f64::INFINITY
                }
            })
            .collect();
        let sigma: Vec<f64> = d
            .blocks
            .iter()
            .map(|b| sigma(b.latency_ms, b.p99_ms))
            .collect();
        let mut times = Times {
            g,
            grid: Grid { h: 1.0 },
            share,
            median,
            sigma,
            q: vec![0.0; d.links.len()],
            q_set: vec![false; d.links.len()],
            t: vec![[None, None]; g.block_count()],
            entries: Vec::new(),
        };
        // Spec choice: each entry gets its own step (an entry whose times run
        // to seconds must not coarsen one whose run to milliseconds), finest
        // first; a link reached from several entries keeps the `q` of the
        // finest.
        let bounds = times.bounds();
        let mut order: Vec<usize> = (0..g.entries.len()).collect();
        order.sort_by(|&a, &b| bounds[a].total_cmp(&bounds[b]));
        let mut dists: Vec<Option<(Dist, Grid)>> = vec![None; g.entries.len()];
        for i in order {
            let e = g.entries[i];
            let top = bounds[i];
            let grid = Grid {
                h: if top > 0.0 && top.is_finite() {
                    top / POINTS
                } else {
                    1.0
                },
            };
            if grid != times.grid || !g.sync_cycles.is_empty() {
                times.grid = grid;
                times.t = vec![[None, None]; g.block_count()];
            }
            times.fill([e]);
            let mut t = times.t[e][0].clone().unwrap_or_else(|| Dist::point(0.0));
            let mut grid = grid;
            // An entry whose median spans fewer than `MEDIAN_CELLS` steps (its
            // long times set the step, its typical ones are short) is computed
            // again on a finer lattice, so that p50 keeps §2.6's 1%.
            let p50 = t.quantile(grid, 0.5);
            if p50.is_finite() && p50 > 0.0 && grid.h * MEDIAN_CELLS > p50 {
                let fine = Grid {
                    h: (p50 / (2.0 * MEDIAN_CELLS)).max(top / MAX_POINTS),
                };
                if fine.h < grid.h {
                    grid = fine;
                    times.grid = fine;
                    times.t = vec![[None, None]; g.block_count()];
                    times.fill([e]);
                    t = times.t[e][0].clone().unwrap_or_else(|| Dist::point(0.0));
                }
            }
            dists[i] = Some((t, grid));
        }
        times.entries = dists.into_iter().flatten().collect();
        times
    }

    /// `T(entry, read)` of the `i`-th entry, and its step.
    pub fn entry(&self, i: usize) -> Option<(&Dist, Grid)> {
        self.entries.get(i).map(|(d, g)| (d, *g))
    }

    /// Per entry: an estimate of its long times (service times at `Z_BOUND`,
    /// summed along calls), whose `1 / POINTS` is the entry's step.
    fn bounds(&self) -> Vec<f64> {
        let g = self.g;
        let d = g.design;
        let walk = g.post_order(g.entries.iter().copied(), |l| self.share[l] > 0.0);
        let mut bound = vec![0.0f64; g.block_count()];
        for &b in &walk.order {
            let s = self.median[b];
            let s = if s.is_finite() {
                s * libm::exp(self.sigma[b] * Z_BOUND)
            } else {
                0.0
            };
            let mut seq = 0.0;
            let mut par = 0.0f64;
            let mut one = 0.0f64;
            for &l in &g.sync_out[b] {
                if walk.closing[l] || self.share[l] <= 0.0 {
                    continue;
                }
                let link = &d.links[l];
                let a = link.latency_ms + bound[g.link_to[l]];
                let c = match link.timeout_ms {
                    Some(tau) if a > tau => {
                        let r = link.retries as f64;
                        let waits = if link.backoff {
                            link.backoff_ms * (pow2(link.retries) - 1.0)
                        } else {
                            0.0
                        };
                        (1.0 + r) * tau + waits
                    }
                    _ => a,
                };
                let x = c * self.share[l].ceil();
                one = one.max(c);
                if link.parallel {
                    par = par.max(x);
                } else {
                    seq += x;
                }
            }
            bound[b] = s + match d.blocks[b].route {
                Route::All => seq + par,
                _ => one,
            };
        }
        g.entries.iter().map(|&e| bound[e]).collect()
    }

    /// Compute the `T`s reachable from `roots` (children first).
    fn fill(&mut self, roots: impl IntoIterator<Item = usize>) {
        let g = self.g;
        let roots: Vec<usize> = roots.into_iter().collect();
        let walk = g.post_order(roots.iter().copied(), |l| self.share[l] > 0.0);
        // Which ops each block is asked for.
        let mut need = vec![[false; 2]; g.block_count()];
        for &r in &roots {
            need[r][0] = true;
        }
        for &b in walk.order.iter().rev() {
            if !need[b][0] && !need[b][1] {
                continue;
            }
            let stops = need[b] == [true, false] && g.design.blocks[b].hit_ratio >= 1.0;
            if stops {
                continue;
            }
            for &l in &g.sync_out[b] {
                if !walk.closing[l] && self.share[l] > 0.0 {
                    need[g.link_to[l]][oi(g.design.links[l].op)] = true;
                }
            }
        }
        for &b in &walk.order {
            let done = |i: usize| !need[b][i] || self.t[b][i].is_some();
            if done(0) && done(1) {
                continue;
            }
            let s = self.service(b);
            let h = g.design.blocks[b].hit_ratio;
            let below = if need[b][1] || h < 1.0 {
                Some(self.below(b, &walk.closing))
            } else {
                None
            };
            for op in [Op::Read, Op::Write] {
                if !need[b][oi(op)] || self.t[b][oi(op)].is_some() {
                    continue;
                }
                let h = if op == Op::Read { h } else { 0.0 };
                let t = if h >= 1.0 {
                    s.clone()
                } else {
                    let below = below.as_ref().expect("computed when a miss is possible");
                    let d = if h > 0.0 {
                        self.grid.mix([(h, &Dist::point(0.0)), (1.0 - h, below)])
                    } else {
                        below.clone()
                    };
                    self.grid.sum(&s, &d)
                };
                self.t[b][oi(op)] = Some(t);
            }
        }
    }

    /// `S(b)`: log-normal service time under load, `+∞` at ρ ≥ 1.
    fn service(&self, b: usize) -> Dist {
        let m = self.median[b];
        if m.is_infinite() {
            return Dist::point(f64::INFINITY);
        }
        self.grid.lognormal(m, self.sigma[b])
    }

    /// `D(b)`: the time of the calls `b` makes on a miss.
    fn below(&mut self, b: usize, closing: &[bool]) -> Dist {
        let g = self.g;
        let d = g.design;
        let grid = self.grid;
        let used: Vec<usize> = g.sync_out[b]
            .iter()
            .copied()
            .filter(|&l| self.share[l] > 0.0)
            .collect();
        match d.blocks[b].route {
            Route::All => {
                let mut seq = Dist::point(0.0);
                let mut par: Option<Dist> = None;
                for &l in &used {
                    if closing[l] {
                        continue;
                    }
                    let c = self.call(l);
                    let k = self.share[l];
                    let whole = k.floor();
                    let frac = k - whole;
                    let lo = grid.times(&c, whole as u32);
                    let x = if frac > 0.0 {
                        let hi = grid.sum(&lo, &c);
                        grid.mix([(1.0 - frac, &lo), (frac, &hi)])
                    } else {
                        lo
                    };
                    if d.links[l].parallel {
                        par = Some(match par {
                            None => x,
                            Some(p) => grid.max(&p, &x),
                        });
                    } else {
                        seq = grid.sum(&seq, &x);
                    }
                }
                match par {
                    Some(p) => grid.sum(&seq, &p),
                    None => seq,
                }
            }
            Route::Split | Route::Failover => {
                if used.is_empty() {
                    return Dist::point(0.0);
                }
                let zero = Dist::point(0.0);
                let calls: Vec<(f64, Dist)> = used
                    .iter()
                    .map(|&l| {
                        let c = if closing[l] {
                            zero.clone()
                        } else {
                            self.call(l)
                        };
                        (self.share[l], c)
                    })
                    .collect();
                grid.mix(calls.iter().map(|(w, c)| (*w, c)))
            }
        }
    }

    /// `C(l)`: one call over sync link `l`, its attempts and waits (§2.1–2.2).
    fn call(&mut self, l: usize) -> Dist {
        let g = self.g;
        let link = &g.design.links[l];
        let to = g.link_to[l];
        let grid = self.grid;
        let t = self.t[to][oi(link.op)]
            .clone()
            .unwrap_or_else(|| Dist::point(0.0));
        let attempt = grid.shift(&t, link.latency_ms);
        let Some(tau) = link.timeout_ms else {
            return attempt;
        };
        let q = self
            .exact_q(to, link.op, tau - link.latency_ms)
            .unwrap_or_else(|| (1.0 - attempt.cdf(grid, tau)).clamp(0.0, 1.0));
        if !self.q_set[l] {
            self.q[l] = q;
            self.q_set[l] = true;
        }
        let mut ok = attempt.below(grid, tau);
        let kept = ok.finite_mass();
        if kept > 0.0 {
            ok = ok.scaled((1.0 - q) / kept);
        }
        let r = link.retries;
        let mut parts: Vec<(f64, Dist)> = Vec::with_capacity(r as usize + 2);
        let mut waits = Dist::point(0.0);
        let mut reach = 1.0; // q^(k−1)
        for k in 0..=r {
            if reach <= 0.0 {
                break;
            }
            if k > 0 && link.backoff {
                let w = grid.uniform(link.backoff_ms * pow2(k - 1));
                waits = grid.sum(&waits, &w);
            }
            let before = grid.shift(&waits, k as f64 * tau);
            parts.push((reach, grid.sum(&before, &ok)));
            reach *= q;
        }
        if reach > 0.0 {
            parts.push((reach, grid.shift(&waits, (1.0 + r as f64) * tau)));
        }
        grid.mix(parts.iter().map(|(w, d)| (*w, d)))
    }

    /// `P(T(b, op) > t)` in closed form when `b` makes no call (its service
    /// time alone): exact where the lattice would be approximate.
    fn exact_q(&self, b: usize, op: Op, t: f64) -> Option<f64> {
        let g = self.g;
        let leaf = (op == Op::Read && g.design.blocks[b].hit_ratio >= 1.0)
            || g.sync_out[b].iter().all(|&l| self.share[l] <= 0.0);
        if !leaf {
            return None;
        }
        let m = self.median[b];
        if m.is_infinite() {
            return Some(1.0);
        }
        if t < 0.0 {
            return Some(1.0);
        }
        let s = self.sigma[b];
        if s == 0.0 || m == 0.0 {
            return Some(if m > t { 1.0 } else { 0.0 });
        }
        if t == 0.0 {
            return Some(1.0);
        }
        Some(normal_cdf(-(libm::log(t) - libm::log(m)) / s))
    }
}
