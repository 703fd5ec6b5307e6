//! Structure: `sync-cycle`, `long-sync-chain`, `sync-fan-out`, `unreachable`.

use super::chain::SyncChain;
use super::{finding, quoted_list, Ctx, Rule};
use crate::core::model::{Kind, Route};
use crate::core::report::Finding;

/// `sync-cycle`: one finding per strongly connected set of sync links, listing
/// its blocks and the sync links inside it.
pub(super) fn sync_cycle(c: &Ctx) -> Vec<Finding> {
    c.g.sync_cycles
        .iter()
        .map(|set| {
            let links = c.g.links_inside(set, |l| c.g.design.links[l].is_sync());
            let names: Vec<&str> = set.iter().map(|&b| c.block_id(b)).collect();
            finding(
                Rule::SyncCycle,
                c.block_ids(set.iter().copied()),
                c.link_ids(links.iter().copied()),
                format!(
                    "{} block(s) call each other synchronously in a cycle ({}, over {} link(s)).",
                    set.len(),
                    quoted_list(&names),
                    links.len()
                ),
            )
        })
        .collect()
}

/// `long-sync-chain`: an entry whose chain count `n(entry)` is above 3. Its
/// `blocks` are the entry, then the counted compute blocks in call order.
///
/// Spec choice: a block called several times (⌈calls⌉ > 1, or from two places)
/// is listed once, at its first call; the parallel or weighted branch listed is
/// the first in document order reaching the maximum.
pub(super) fn long_sync_chain(c: &Ctx) -> Vec<Finding> {
    let chain = SyncChain::new(c.g);
    c.g.entries
        .iter()
        .filter_map(|&e| {
            let n = chain.count(e);
            if n.is_nan() || n <= 3.0 {
                return None;
            }
            let mut blocks = vec![c.block_id(e).to_owned()];
            blocks.extend(
                chain
                    .counted_blocks(e)
                    .into_iter()
                    .map(|b| c.block_id(b).to_owned()),
            );
            Some(finding(
                Rule::LongSyncChain,
                blocks,
                Vec::new(),
                format!(
                    "Requests from '{}' make {n} sync calls to compute blocks one after another (more than 3).",
                    c.block_id(e)
                ),
            ))
        })
        .collect()
}

/// `sync-fan-out`: a block with route `all` whose sync links with `calls` > 0
/// reach 5 or more distinct blocks. Lists it and its targets.
///
/// Spec choice: the table lists blocks only ("it and its targets"), so `links`
/// stays empty.
pub(super) fn sync_fan_out(c: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, block) in c.g.design.blocks.iter().enumerate() {
        if block.route != Route::All {
            continue;
        }
        let mut targets: Vec<usize> = c.g.sync_out[b]
            .iter()
            .filter(|&&l| c.g.design.links[l].calls > 0.0)
            .map(|&l| c.g.link_to[l])
            .collect();
        crate::core::sort::sort(&mut targets);
        targets.dedup();
        if targets.len() >= 5 {
            let count = targets.len();
            targets.push(b);
            out.push(finding(
                Rule::SyncFanOut,
                c.block_ids(targets),
                Vec::new(),
                format!(
                    "'{}' calls {count} blocks synchronously for each request (5 or more).",
                    block.id
                ),
            ));
        }
    }
    out
}

/// `unreachable`: with an entry, a block (not a client or observability) that no
/// link path from any entry reaches.
///
/// Spec choice: "link path" follows every link, sync or async, whatever its
/// `calls`: a consumer fed by a queue is reached.
pub(super) fn unreachable(c: &Ctx) -> Vec<Finding> {
    if c.g.entries.is_empty() {
        return Vec::new();
    }
    let n = c.g.block_count();
    let mut seen = vec![false; n];
    let mut todo: Vec<usize> = c.g.entries.clone();
    for &e in &todo {
        seen[e] = true;
    }
    while let Some(b) = todo.pop() {
        for &l in &c.g.out_links[b] {
            let t = c.g.link_to[l];
            if !seen[t] {
                seen[t] = true;
                todo.push(t);
            }
        }
    }
    (0..n)
        .filter(|&b| {
            !seen[b]
                && !matches!(
                    c.g.design.blocks[b].kind,
                    Kind::Client | Kind::Observability
                )
        })
        .map(|b| {
            finding(
                Rule::Unreachable,
                vec![c.block_id(b).to_owned()],
                Vec::new(),
                format!(
                    "'{}' is reached by no link path from any of the {} entr{}.",
                    c.block_id(b),
                    c.g.entries.len(),
                    if c.g.entries.len() == 1 { "y" } else { "ies" }
                ),
            )
        })
        .collect()
}
