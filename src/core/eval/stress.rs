//! Timeouts and retries in the load (model-2.md §2.3–2.4): the fixed point of
//! loads, service times and each timed link's `q_l`, and what it implies.

use super::graph::Graph;
use super::latency::Times;
use super::load::{self, Load};

/// Rounds of the fixed point before reporting the last (model-2.md §2.4).
const MAX_ROUNDS: usize = 1000;
/// Relative change of every load under which the fixed point has converged.
const CONVERGED: f64 = 1e-9;

/// Per link, parallel to `design.links`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stress {
    /// `q_l`: the chance that one attempt times out (0 without a timeout).
    pub q: Vec<f64>,
    /// `E_l = Σ_{i=0..r} q^i`: attempts per call (1 on async and untimed links).
    pub attempts: Vec<f64>,
    /// `q^(1+r)`: the share of calls that fail by timing out.
    pub timeout_failure: Vec<f64>,
}

impl Stress {
    fn none(links: usize) -> Stress {
        Stress {
            q: vec![0.0; links],
            attempts: vec![1.0; links],
            timeout_failure: vec![0.0; links],
        }
    }

    /// `g_l = 1 − q^(1+r)`: some attempt finishes in time.
    pub fn ok(&self) -> Vec<f64> {
        self.timeout_failure.iter().map(|f| 1.0 - f).collect()
    }
}

/// Attempts per call and the share of calls that fail, from `q` and `r`.
pub fn attempts(q: f64, retries: u32) -> (f64, f64) {
    let mut e = 0.0;
    let mut p = 1.0;
    for _ in 0..=retries {
        e += p;
        p *= q;
    }
    (e, p)
}

/// The solved load, the times at it, and the stress figures; `Err` with the
/// amplifying sets when some round's equations have no finite solution.
pub fn solve<'g, 'a>(
    g: &'g Graph<'a>,
    entry_rps: &[f64],
    share: &'g [f64],
    down: &[bool],
) -> (Result<Load, Vec<Vec<usize>>>, Option<Times<'g, 'a>>, Stress) {
    let d = g.design;
    let links = d.links.len();
    let mut stress = Stress::none(links);
    let timed: Vec<usize> = (0..links)
        .filter(|&l| d.links[l].is_sync() && d.links[l].timeout_ms.is_some() && share[l] > 0.0)
        .collect();
    let load_at = |attempts: &[f64]| {
        let flow: Vec<f64> = share.iter().zip(attempts).map(|(s, e)| s * e).collect();
        load::compute(g, entry_rps, &flow, down)
    };
    let rho_of =
        |l: &Load| -> Vec<f64> { l.utilization.iter().map(|u| u.unwrap_or(0.0)).collect() };
    let mut load = match load_at(&stress.attempts) {
        Ok(l) => l,
        Err(loops) => return (Err(loops), None, stress),
    };
    // Times are computed once per load: the next load comes from the attempts
    // they imply, and when it equals this one the fixed point is reached.
    for _ in 0..MAX_ROUNDS {
        let times = Times::new(g, &rho_of(&load), share);
        for &l in &timed {
            let (e, fail) = attempts(times.q[l], d.links[l].retries);
            stress.q[l] = times.q[l];
            stress.attempts[l] = e;
            stress.timeout_failure[l] = fail;
        }
        if timed.is_empty() {
            return (Ok(load), Some(times), stress);
        }
        let next = match load_at(&stress.attempts) {
            Ok(l) => l,
            Err(loops) => return (Err(loops), None, stress),
        };
        if same(&load, &next) {
            return (Ok(next), Some(times), stress);
        }
        load = next;
    }
    // Spec choice: after the last round, report its load with the times at it.
    let times = Times::new(g, &rho_of(&load), share);
    (Ok(load), Some(times), stress)
}

/// No block's read or write load changed by more than `CONVERGED` relative.
fn same(a: &Load, b: &Load) -> bool {
    let close = |x: &f64, y: &f64| (x - y).abs() <= CONVERGED * x.abs().max(y.abs()).max(1e-300);
    a.read.iter().zip(&b.read).all(|(x, y)| close(x, y))
        && a.write.iter().zip(&b.write).all(|(x, y)| close(x, y))
}

/// Per block: the largest product of `(1 + retries)` over the timed sync links
/// of a path from an entry to it (1 when none; model-2.md §2.7).
///
/// Spec choice: with sync cycles, the paths are those of a depth-first walk
/// from the entries (a link closing a cycle on it is not followed).
pub fn retry_amplification(g: &Graph, share: &[f64]) -> Vec<f64> {
    let d = g.design;
    let walk = g.post_order(g.entries.iter().copied(), |l| share[l] > 0.0);
    let mut amp = vec![0.0f64; g.block_count()];
    for &e in &g.entries {
        amp[e] = 1.0;
    }
    for &b in walk.order.iter().rev() {
        if amp[b] == 0.0 {
            continue;
        }
        for &l in &g.sync_out[b] {
            if walk.closing[l] || share[l] <= 0.0 {
                continue;
            }
            let link = &d.links[l];
            let f = if link.timeout_ms.is_some() {
                1.0 + link.retries as f64
            } else {
                1.0
            };
            let t = g.link_to[l];
            amp[t] = amp[t].max(amp[b] * f);
        }
    }
    amp.iter().map(|&a| a.max(1.0)).collect()
}

/// The smallest share of retried attempts' timing out (`q`) that counts as a
/// storm: most attempts of some retried call time out.
const STORMING: f64 = 0.5;

/// The largest traffic multiple [`storm_scale`] tries.
pub const STORM_SEARCH_MAX: f64 = 1000.0;

/// Where a retry storm begins: the smallest traffic multiple (of today's
/// entry rates, `options.fail` down) at which the fixed point leaves the calm
/// state, i.e. some timed sync link with retries has `q ≥ 0.5` and its
/// attempts multiply. `None` when no link retries on a timeout, or when no
/// multiple up to 1,000 storms. Found by bisection to 0.1%.
///
/// Spec choice: the issue asks for "the traffic multiple at which the fixed
/// point jumps"; `q` crossing ½ is where the jump shows (below it attempts
/// stay near 1, past it they approach `1 + retries`).
pub fn storm_scale(design: &crate::core::model::Design, fail: &[String]) -> Option<f64> {
    let g = Graph::new(design);
    let retried: Vec<usize> = (0..design.links.len())
        .filter(|&l| {
            let link = &design.links[l];
            link.is_sync() && link.retries > 0 && link.timeout_ms.is_some()
        })
        .collect();
    if retried.is_empty() || g.entries.is_empty() {
        return None;
    }
    let (down, _) = super::failed(&g, fail);
    let share = load::effective_shares(&g, &down);
    let storms = |scale: f64| {
        let rps: Vec<f64> = g
            .entries
            .iter()
            .map(|&e| design.blocks[e].peak_rps() * scale)
            .collect();
        match solve(&g, &rps, &share, &down) {
            (Ok(_), _, stress) => retried.iter().any(|&l| stress.q[l] >= STORMING),
            // Past a load loop nothing is finite: not a retry storm.
            (Err(_), _, _) => false,
        }
    };
    let (mut lo, mut hi) = (1e-3f64, STORM_SEARCH_MAX);
    if !storms(hi) {
        return None;
    }
    if storms(lo) {
        return Some(lo);
    }
    while hi / lo > 1.001 {
        let mid = (lo * hi).sqrt();
        if storms(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}
