//! Load (evaluation.md §1): traffic equations, utilization, max scale.
//!
//! The unknown of each block is its `base` (what it forwards per link share):
//! `base(b) = (1 − h_b)·R(b) + W(b)`, linear in the upstream bases. Strongly
//! connected sets (over links that carry base onward) are solved as one linear
//! system; the rest is propagated in topological order.

use super::graph::Graph;
use crate::core::model::{Block, Op, Route};

/// Per-block load figures, parallel to `design.blocks`.
#[derive(Clone, Debug, PartialEq)]
pub struct Load {
    pub read: Vec<f64>,
    pub write: Vec<f64>,
    /// ρ of the busiest instance; `None` when the block has no capacity.
    pub utilization: Vec<Option<f64>>,
    /// ρ with `replicas − 1`; `None` when `replicas` = 1 or no capacity.
    pub one_down: Vec<Option<f64>>,
    pub max_scale: Option<f64>,
    pub bottleneck: Option<usize>,
}

/// Largest strongly connected set solved by dense elimination; larger ones iterate.
const DENSE_LIMIT: usize = 400;

/// Per link: the fraction of `base(from)` it carries once the blocks in `down` are
/// removed.
///
/// Spec choice (what-if failures): a down block receives no traffic and forwards
/// none; the weighted links of a `split`/`failover` block renormalise over the
/// alternatives whose target is still up (the standby takes over, and the
/// equal-weights rule applies again when the remaining weights sum to 0). Under
/// route `all` and on async links, calls to a down block are simply lost.
pub fn effective_shares(g: &Graph, down: &[bool]) -> Vec<f64> {
    if !down.iter().any(|&d| d) {
        return g.share.clone();
    }
    let d = g.design;
    let mut share = g.share.clone();
    for (l, s) in share.iter_mut().enumerate() {
        let f = g.link_from[l];
        if f == usize::MAX || down[f] || down[g.link_to[l]] {
            *s = 0.0;
        }
    }
    for (b, block) in d.blocks.iter().enumerate() {
        if block.route == Route::All || down[b] {
            continue;
        }
        let up: Vec<usize> = g.sync_out[b]
            .iter()
            .copied()
            .filter(|&l| !down[g.link_to[l]])
            .collect();
        let total: f64 = up.iter().map(|&l| d.links[l].calls).sum();
        for &l in &up {
            share[l] = if total > 0.0 {
                d.links[l].calls / total
            } else {
                1.0 / up.len() as f64
            };
        }
    }
    share
}

/// Solve the traffic equations for entries originating `entry_rps` (parallel to
/// `g.entries`), links carrying `share`, blocks in `down` carrying nothing.
/// `Err` holds the amplifying strongly connected sets (sorted block positions).
pub fn compute(
    g: &Graph,
    entry_rps: &[f64],
    share: &[f64],
    down: &[bool],
) -> Result<Load, Vec<Vec<usize>>> {
    let d = g.design;
    let n = g.block_count();
    let mut rps = vec![0.0; n];
    for (i, &e) in g.entries.iter().enumerate() {
        if !down[e] {
            rps[e] = entry_rps.get(i).copied().unwrap_or(0.0);
        }
    }
    // Coefficient of base(from) in base(to) along each link.
    let coef: Vec<f64> = (0..d.links.len())
        .map(|l| {
            let f = g.link_from[l];
            if f == usize::MAX || share[l] <= 0.0 {
                return 0.0;
            }
            let t = g.link_to[l];
            match d.links[l].op {
                Op::Read => share[l] * (1.0 - d.blocks[t].hit_ratio),
                Op::Write => share[l],
            }
        })
        .collect();
    let sets = g.strongly_connected(|l| coef[l] > 0.0);
    let mut comp: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|b| vec![b]).collect();
    for set in &sets {
        let id = set[0];
        for &b in set {
            comp[b] = id;
        }
        members[id] = set.clone();
    }
    for set in &sets {
        for &b in &set[1..] {
            members[b].clear();
        }
    }
    // Kahn over the condensation.
    let mut indeg = vec![0usize; n];
    for l in 0..d.links.len() {
        if coef[l] > 0.0 && comp[g.link_from[l]] != comp[g.link_to[l]] {
            indeg[comp[g.link_to[l]]] += 1;
        }
    }
    let mut ready: Vec<usize> = (0..n)
        .rev()
        .filter(|&c| !members[c].is_empty() && indeg[c] == 0)
        .collect();
    let mut in_read = rps.clone();
    let mut in_write = vec![0.0; n];
    let mut base = vec![0.0; n];
    let mut loops = Vec::new();
    let mut local = vec![usize::MAX; n];
    while let Some(c) = ready.pop() {
        let set = &members[c];
        if set.len() == 1 {
            let b = set[0];
            base[b] = (1.0 - d.blocks[b].hit_ratio) * in_read[b] + in_write[b];
        } else {
            for (i, &b) in set.iter().enumerate() {
                local[b] = i;
            }
            let ext: Vec<f64> = set
                .iter()
                .map(|&b| (1.0 - d.blocks[b].hit_ratio) * in_read[b] + in_write[b])
                .collect();
            // Spec choice: a set fed by an amplifying loop upstream receives
            // unbounded traffic; it is listed only if it amplifies itself.
            let receives = ext.iter().any(|&x| x > 0.0);
            let infinite = ext.iter().any(|x| !x.is_finite());
            let rhs = if infinite { vec![1.0; set.len()] } else { ext };
            match solve_set(g, set, &local, &coef, &rhs) {
                Some(x) if !infinite => {
                    for (i, &b) in set.iter().enumerate() {
                        base[b] = x[i];
                    }
                }
                Some(_) => {
                    for &b in set {
                        base[b] = f64::INFINITY;
                    }
                }
                None => {
                    if receives || infinite {
                        loops.push(set.clone());
                        for &b in set {
                            base[b] = f64::INFINITY;
                        }
                    }
                }
            }
        }
        for &b in set {
            for &l in &g.out_links[b] {
                if share[l] <= 0.0 {
                    continue;
                }
                let t = g.link_to[l];
                let flow = base[b] * share[l];
                if flow > 0.0 {
                    match d.links[l].op {
                        Op::Read => in_read[t] += flow,
                        Op::Write => in_write[t] += flow,
                    }
                }
                if coef[l] > 0.0 && comp[t] != c {
                    indeg[comp[t]] -= 1;
                    if indeg[comp[t]] == 0 {
                        ready.push(comp[t]);
                    }
                }
            }
        }
    }
    if !loops.is_empty() {
        crate::core::sort::sort(&mut loops);
        return Err(loops);
    }
    let read = in_read;
    let write = in_write;
    let utilization: Vec<Option<f64>> = d
        .blocks
        .iter()
        .enumerate()
        .map(|(b, blk)| rho(blk, blk.replicas, read[b], write[b]))
        .collect();
    let one_down = d
        .blocks
        .iter()
        .enumerate()
        .map(|(b, blk)| {
            if blk.replicas <= 1 {
                None
            } else {
                rho(blk, blk.replicas - 1, read[b], write[b])
            }
        })
        .collect();
    let mut bottleneck = None;
    let mut max = 0.0;
    for (b, u) in utilization.iter().enumerate() {
        if let Some(u) = *u {
            if u > max {
                max = u;
                bottleneck = Some(b);
            }
        }
    }
    let max_scale = bottleneck.map(|_| 1.0 / max);
    Ok(Load {
        read,
        write,
        utilization,
        one_down,
        max_scale,
        bottleneck,
    })
}

/// ρ of the busiest instance with `replicas` instances per shard.
pub(crate) fn rho(b: &Block, replicas: u32, read: f64, write: f64) -> Option<f64> {
    let wcap = b.write_capacity_rps.or(b.capacity_rps);
    if b.capacity_rps.is_none() && wcap.is_none() {
        return None;
    }
    let shards = b.shards as f64;
    let readers = replicas as f64 * shards;
    let writers = if b.single_writer {
        1.0
    } else {
        replicas as f64
    } * shards;
    let r = b.capacity_rps.map_or(0.0, |c| read / (c * readers));
    let w = wcap.map_or(0.0, |c| write / (c * writers));
    Some(r + w)
}

/// Solve `x = rhs + M x` on one strongly connected set; `None` when no finite,
/// non-negative solution exists (the set amplifies the traffic it receives).
fn solve_set(
    g: &Graph,
    set: &[usize],
    local: &[usize],
    coef: &[f64],
    rhs: &[f64],
) -> Option<Vec<f64>> {
    let k = set.len();
    // Internal links as (to, from, coefficient) in local indices.
    let mut edges = Vec::new();
    for (i, &b) in set.iter().enumerate() {
        for &l in &g.out_links[b] {
            let t = g.link_to[l];
            if coef[l] > 0.0 && local[t] < k && set.get(local[t]) == Some(&t) {
                edges.push((local[t], i, coef[l]));
            }
        }
    }
    let x = if k <= DENSE_LIMIT {
        dense_solve(k, &edges, rhs)?
    } else {
        iterate(k, &edges, rhs)?
    };
    let scale = rhs.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(1e-300);
    if x.iter().any(|v| !v.is_finite() || *v < -1e-9 * scale) {
        return None;
    }
    Some(x.into_iter().map(|v| v.max(0.0)).collect())
}

/// Gaussian elimination with partial pivoting on `(I − M) x = rhs`.
fn dense_solve(k: usize, edges: &[(usize, usize, f64)], rhs: &[f64]) -> Option<Vec<f64>> {
    let mut a = vec![0.0; k * k];
    for i in 0..k {
        a[i * k + i] = 1.0;
    }
    for &(to, from, c) in edges {
        a[to * k + from] -= c;
    }
    let mut b = rhs.to_vec();
    for col in 0..k {
        let piv =
            (col..k).max_by(|&x, &y| a[x * k + col].abs().total_cmp(&a[y * k + col].abs()))?;
        if a[piv * k + col].abs() < 1e-12 {
            return None;
        }
        if piv != col {
            for j in 0..k {
                a.swap(piv * k + j, col * k + j);
            }
            b.swap(piv, col);
        }
        let p = a[col * k + col];
        for r in col + 1..k {
            let f = a[r * k + col] / p;
            if f == 0.0 {
                continue;
            }
            for j in col..k {
                a[r * k + j] -= f * a[col * k + j];
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = vec![0.0; k];
    for r in (0..k).rev() {
        let s: f64 = (r + 1..k).map(|j| a[r * k + j] * x[j]).sum();
        x[r] = (b[r] - s) / a[r * k + r];
    }
    Some(x)
}

/// Spec choice: strongly connected sets above [`DENSE_LIMIT`] blocks are solved by
/// fixed-point iteration `x ← rhs + M x` from `rhs` (monotone for non-negative `M`);
/// no convergence within the iteration budget counts as amplifying.
fn iterate(k: usize, edges: &[(usize, usize, f64)], rhs: &[f64]) -> Option<Vec<f64>> {
    let mut x = rhs.to_vec();
    for _ in 0..100_000 {
        let mut next = rhs.to_vec();
        for &(to, from, c) in edges {
            next[to] += c * x[from];
        }
        let mut diff = 0.0f64;
        let mut norm = 0.0f64;
        for i in 0..k {
            diff = diff.max((next[i] - x[i]).abs());
            norm = norm.max(next[i].abs());
        }
        x = next;
        if !norm.is_finite() || norm > 1e200 {
            return None;
        }
        if diff <= 1e-14 * norm.max(1e-300) {
            return Some(x);
        }
    }
    None
}
