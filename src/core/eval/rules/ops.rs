//! Operations: `too-many-services`, `no-observability`, `no-rate-limit`, `no-entry`.

use super::{finding, Ctx, Rule};
use crate::core::model::Kind;
use crate::core::report::Finding;

fn services(c: &Ctx) -> Vec<usize> {
    (0..c.g.block_count())
        .filter(|&b| c.g.design.blocks[b].kind == Kind::Service)
        .collect()
}

/// `too-many-services`: more `service` blocks than `targets.team_size`.
pub(super) fn too_many_services(c: &Ctx) -> Vec<Finding> {
    let Some(team) = c.g.design.targets.team_size else {
        return Vec::new();
    };
    let s = services(c);
    if s.len() as u64 <= u64::from(team) {
        return Vec::new();
    }
    vec![finding(
        Rule::TooManyServices,
        c.block_ids(s.iter().copied()),
        Vec::new(),
        format!("{} services for {team} engineers.", s.len()),
    )]
}

/// `no-observability`: 3 or more `service` blocks and no `observability` block.
pub(super) fn no_observability(c: &Ctx) -> Vec<Finding> {
    let n = services(c).len();
    let has =
        c.g.design
            .blocks
            .iter()
            .any(|b| b.kind == Kind::Observability);
    if n < 3 || has {
        return Vec::new();
    }
    vec![finding(
        Rule::NoObservability,
        Vec::new(),
        Vec::new(),
        format!("{n} services and no observability block."),
    )]
}

/// `no-rate-limit`: an entry reaching a compute kind through sync links without
/// passing an `api_gateway` or `rate_limiter`.
///
/// Spec choice: the search follows sync links that some request takes
/// (`calls` > 0, positive weight), ignoring hit ratios (a cache still misses);
/// it stops at a gateway or rate limiter. The entry itself is not "reached": a
/// worker originating its own requests is not asked to rate-limit itself, and
/// an entry that is a gateway or limiter protects everything behind it.
pub(super) fn no_rate_limit(c: &Ctx) -> Vec<Finding> {
    let n = c.g.block_count();
    let guard = |b: usize| {
        matches!(
            c.g.design.blocks[b].kind,
            Kind::ApiGateway | Kind::RateLimiter
        )
    };
    let mut out = Vec::new();
    for &e in &c.g.entries {
        if guard(e) {
            continue;
        }
        let mut seen = vec![false; n];
        seen[e] = true;
        let mut todo = vec![e];
        let mut reached = None;
        'search: while let Some(b) = todo.pop() {
            for &l in &c.g.sync_out[b] {
                let t = c.g.link_to[l];
                if !c.g.sync_link_used(l) || seen[t] {
                    continue;
                }
                seen[t] = true;
                if guard(t) {
                    continue;
                }
                if c.g.design.blocks[t].kind.is_compute() {
                    reached = Some(t);
                    break 'search;
                }
                todo.push(t);
            }
        }
        if let Some(t) = reached {
            out.push(finding(
                Rule::NoRateLimit,
                vec![c.block_id(e).to_owned()],
                Vec::new(),
                format!(
                    "Entry '{}' reaches compute blocks (such as '{}') without an API gateway or rate limiter.",
                    c.block_id(e),
                    c.block_id(t)
                ),
            ));
        }
    }
    out
}

/// `no-entry`: no block has `rps` > 0.
pub(super) fn no_entry(c: &Ctx) -> Vec<Finding> {
    if !c.g.entries.is_empty() {
        return Vec::new();
    }
    vec![finding(
        Rule::NoEntry,
        Vec::new(),
        Vec::new(),
        format!(
            "None of the {} block(s) has rps > 0, so nothing is measured.",
            c.g.block_count()
        ),
    )]
}
