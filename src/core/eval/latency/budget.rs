//! The latency budget: where the mix's mean time goes.

use super::super::graph::Graph;
use super::Times;
use crate::core::model::{Op, Route};
use crate::core::report::BudgetItem;

/// Where the mix's mean time goes: expected visits of each block (and calls
/// of each link) per mix request, times its mean time.
///
/// Spec choice: with sync cycles, the links that close a cycle on a
/// depth-first walk from the entries carry no visits (the path rule, taken
/// along the walk's order). Spec choice (model 2): a call over a link with
/// retries counts its attempts (`E_l` per call), so the callee's visits and
/// the link's time include them.
pub(super) fn budget(
    g: &Graph,
    times: &Times,
    share: &[f64],
    attempts: &[f64],
    entry_rps: &[f64],
) -> Vec<BudgetItem> {
    let d = g.design;
    let mean_service = |b: usize| {
        let s = times.sigma[b];
        times.median[b] * libm::exp(s * s / 2.0)
    };
    let n = g.block_count();
    let total: f64 = entry_rps.iter().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    // Used sync links, minus those closing a cycle; then topological order.
    let walk = g.post_order(g.entries.iter().copied(), |l| share[l] > 0.0);
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
            if closing[l] || share[l] <= 0.0 {
                continue;
            }
            let link = &d.links[l];
            let t = g.link_to[l];
            calls[l] = fwd * share[l] * attempts[l];
            visits[t][(link.op == Op::Write) as usize] += calls[l];
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
                mean_ms: mean_service(b) * v,
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
