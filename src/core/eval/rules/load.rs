//! Load: `overloaded`, `hot-spot`, `no-failover-headroom`, `load-loop`.
//!
//! Spec choice: the utilization rules need load figures, so they are silent under
//! `load-loop` (every utilization is `null` then, evaluation.md §1).

use super::{finding, quoted_list, Ctx, Rule};
use crate::core::eval::heat::{Heat, HOT, SATURATED};
use crate::core::model::Op;
use crate::core::report::Finding;

/// Per block with a utilization, a finding when `fire(ρ, ρ one down)` says so.
fn per_block(
    c: &Ctx,
    rule: Rule,
    fire: impl Fn(f64, Option<f64>) -> Option<String>,
) -> Vec<Finding> {
    let Some(load) = &c.a.load else {
        return Vec::new();
    };
    load.utilization
        .iter()
        .zip(&load.one_down)
        .enumerate()
        .filter_map(|(b, (rho, down))| {
            let msg = fire((*rho)?, *down)?;
            Some(finding(
                rule,
                vec![c.block_id(b).to_owned()],
                Vec::new(),
                format!("'{}' {msg}", c.block_id(b)),
            ))
        })
        .collect()
}

/// `overloaded`: ρ(b) ≥ 1.
pub(super) fn overloaded(c: &Ctx) -> Vec<Finding> {
    per_block(c, Rule::Overloaded, |rho, _| {
        (Heat::of(Some(rho)) == Heat::Saturated).then(|| {
            format!("at utilization {rho:.3} (ρ ≥ {SATURATED}): its queue grows without bound.")
        })
    })
}

/// `hot-spot`: 0.7 ≤ ρ(b) < 1.
pub(super) fn hot_spot(c: &Ctx) -> Vec<Finding> {
    per_block(c, Rule::HotSpot, |rho, _| {
        (Heat::of(Some(rho)) == Heat::Hot)
            .then(|| format!("at utilization {rho:.3} ({HOT} ≤ ρ < {SATURATED})."))
    })
}

/// `no-failover-headroom`: ρ(b) < 1 but `utilization_one_down` ≥ 1.
pub(super) fn no_failover_headroom(c: &Ctx) -> Vec<Finding> {
    per_block(c, Rule::NoFailoverHeadroom, |rho, down| {
        let down = down?;
        (rho < SATURATED && down >= SATURATED)
            .then(|| format!("at {down:.3} with one instance down (ρ {rho:.3} with all up)."))
    })
}

/// `load-loop`: one finding per amplifying strongly connected set.
///
/// Spec choice: its links are the links inside the set that pass traffic on
/// (any mode, a positive share of the caller's load, and not a read that a
/// hit ratio of 1 stops): a link with `calls` = 0 takes no part in the loop.
pub(super) fn load_loop(c: &Ctx) -> Vec<Finding> {
    let d = c.g.design;
    let passes = |l: usize| {
        let share = c.a.share.get(l).copied().unwrap_or(c.g.share[l]);
        share > 0.0 && (d.links[l].op == Op::Write || d.blocks[c.g.link_to[l]].hit_ratio < 1.0)
    };
    c.a.load_loops
        .iter()
        .map(|set| {
            let links = c.g.links_inside(set, passes);
            let names: Vec<&str> = set.iter().map(|&b| c.block_id(b)).collect();
            finding(
                Rule::LoadLoop,
                c.block_ids(set.iter().copied()),
                c.link_ids(links),
                format!(
                    "Traffic around the loop through {} block(s) ({}) feeds itself without \
                     bound: the load has no finite solution.",
                    set.len(),
                    quoted_list(&names)
                ),
            )
        })
        .collect()
}
