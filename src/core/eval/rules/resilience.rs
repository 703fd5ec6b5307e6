//! Resilience: `spof`, `zone-spof`, `cross-region-call`, `retry-without-backoff`,
//! `retry-not-idempotent`, `no-timeout`.

use super::super::graph::Component;
use super::super::success::{entries_success, Env};
use super::{finding, necessary, Ctx, Rule};
use crate::core::model::{Kind, Op};
use crate::core::report::Finding;

/// Spec choice: "below 1" is decided structurally, as in exact arithmetic
/// (`necessary`); where `success` must be asked instead (a failover above a
/// sync cycle) it allows for rounding: an entry's success alone-down must be
/// below 1 − 1e-9 (a split's shares may sum to 1 − ε with all up).
const BELOW_ONE: f64 = 1.0 - 1e-9;
/// Spec choice: "to 0" allows for rounding the same way.
const ZERO: f64 = 1e-12;

/// Each entry's success with every component up except `c`.
fn alone_down(c: &Ctx, comp: Component) -> Vec<f64> {
    let mut env = Env::all_up(c.g);
    env.set(comp, 0.0);
    entries_success(c.g, &env)
}

/// `spof`: a block on the request path, not a client or external API, with
/// `replicas` = `min_healthy`, whose failure alone drops some entry's success
/// below 1. (The what-if `fail` option plays no part: "alone down" is the rule.)
///
/// Decided structurally (see `necessary`): exactly "below 1" in exact
/// arithmetic. Only a design with a failover above a sync cycle (an error
/// anyway) asks `success` block by block, with the rounding allowance.
pub(super) fn spof(c: &Ctx) -> Vec<Finding> {
    let candidate: Vec<bool> =
        c.g.design
            .blocks
            .iter()
            .enumerate()
            .map(|(b, block)| {
                c.a.on_path.blocks.get(b).copied().unwrap_or(false)
                    && !matches!(block.kind, Kind::Client | Kind::ExternalApi)
                    && block.replicas == block.min_healthy
            })
            .collect();
    let falling = necessary::falling_blocks(c.g, &candidate);
    let mut out = Vec::new();
    for (b, block) in c.g.design.blocks.iter().enumerate() {
        if !candidate[b] {
            continue;
        }
        let fails = match &falling {
            Some(f) => f[b],
            None => {
                let success = alone_down(c, Component::Block(b));
                success.iter().any(|&s| s < BELOW_ONE)
            }
        };
        if fails {
            out.push(finding(
                Rule::Spof,
                vec![block.id.clone()],
                Vec::new(),
                format!(
                    "'{}' needs all of its {} instance(s); its failure fails requests.",
                    block.id, block.replicas
                ),
            ));
        }
    }
    out
}

/// `zone-spof`: a zone whose failure alone drops some entry's success to 0.
pub(super) fn zone_spof(c: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    if c.g.entries.is_empty() {
        return out;
    }
    // model-2.md §2.3: "to 0 from a positive value" (timeouts can hold an
    // entry at 0 with every component up).
    let all_up = entries_success(c.g, &Env::all_up(c.g));
    for (z, zone) in c.g.design.zones.iter().enumerate() {
        let success: Vec<f64> = alone_down(c, Component::Zone(z))
            .into_iter()
            .zip(&all_up)
            .map(|(s, &up)| if up > ZERO { s } else { 1.0 })
            .collect();
        let failed: Vec<&str> =
            c.g.entries
                .iter()
                .zip(&success)
                .filter(|&(_, &s)| s <= ZERO)
                .map(|(&e, _)| c.block_id(e))
                .collect();
        if let Some(first) = failed.first() {
            out.push(finding(
                Rule::ZoneSpof,
                vec![zone.id.clone()],
                Vec::new(),
                format!(
                    "Zone '{}' alone down fails every request of {} entr{} (first: '{first}').",
                    zone.id,
                    failed.len(),
                    if failed.len() == 1 { "y" } else { "ies" }
                ),
            ));
        }
    }
    out
}

/// `cross-region-call`: a sync link on the request path, not leaving a client,
/// with `latency_ms` ≥ 50.
///
/// Spec choice: as written, only links on the request path (some entry's
/// requests take them); a far call nobody makes costs nothing.
pub(super) fn cross_region_call(c: &Ctx) -> Vec<Finding> {
    c.links()
        .filter(|&l| {
            let link = &c.g.design.links[l];
            link.is_sync()
                && c.a.on_path.links.get(l).copied().unwrap_or(false)
                && c.g.design.blocks[c.g.link_from[l]].kind != Kind::Client
                && link.latency_ms >= 50.0
        })
        .map(|l| {
            let link = &c.g.design.links[l];
            finding(
                Rule::CrossRegionCall,
                c.link_ends(l),
                vec![link.id.clone()],
                format!(
                    "Sync link '{}' from '{}' to '{}' adds {} ms per call (≥ 50 ms).",
                    link.id, link.from, link.to, link.latency_ms
                ),
            )
        })
        .collect()
}

/// `retry-without-backoff`: `retries` > 0 and not `backoff` (any mode).
pub(super) fn retry_without_backoff(c: &Ctx) -> Vec<Finding> {
    c.links()
        .filter(|&l| {
            let link = &c.g.design.links[l];
            link.retries > 0 && !link.backoff
        })
        .map(|l| {
            let link = &c.g.design.links[l];
            finding(
                Rule::RetryWithoutBackoff,
                c.link_ends(l),
                vec![link.id.clone()],
                format!(
                    "Link '{}' retries {} time(s) without backoff.",
                    link.id, link.retries
                ),
            )
        })
        .collect()
}

/// `retry-not-idempotent`: `retries` > 0, `op` = write, not `idempotent`.
pub(super) fn retry_not_idempotent(c: &Ctx) -> Vec<Finding> {
    c.links()
        .filter(|&l| {
            let link = &c.g.design.links[l];
            link.retries > 0 && link.op == Op::Write && !link.idempotent
        })
        .map(|l| {
            let link = &c.g.design.links[l];
            finding(
                Rule::RetryNotIdempotent,
                c.link_ends(l),
                vec![link.id.clone()],
                format!(
                    "Link '{}' retries a write {} time(s) but is not idempotent.",
                    link.id, link.retries
                ),
            )
        })
        .collect()
}

/// `no-timeout`: one finding for the design, listing every sync link whose two
/// ends are not clients and that has no `timeout_ms`, and their blocks.
///
/// Spec choice: "between non-client blocks" means neither end is a `client`
/// (a client's own call is the user's browser, not a service we configure).
pub(super) fn no_timeout(c: &Ctx) -> Vec<Finding> {
    let links: Vec<usize> = c
        .links()
        .filter(|&l| {
            let link = &c.g.design.links[l];
            let blocks = &c.g.design.blocks;
            link.is_sync()
                && link.timeout_ms.is_none()
                && blocks[c.g.link_from[l]].kind != Kind::Client
                && blocks[c.g.link_to[l]].kind != Kind::Client
        })
        .collect();
    if links.is_empty() {
        return Vec::new();
    }
    let blocks = links
        .iter()
        .flat_map(|&l| [c.g.link_from[l], c.g.link_to[l]]);
    vec![finding(
        Rule::NoTimeout,
        c.block_ids(blocks),
        c.link_ids(links.iter().copied()),
        format!(
            "{} sync link(s) between blocks have no timeout.",
            links.len()
        ),
    )]
}
