//! Stress (model-2.md §2.7): `timeout-budget`, `retry-storm`,
//! `retry-amplification`, `timeouts-fail-requests`.

use super::super::load;
use super::{finding, quoted_list, Ctx, Rule};
use crate::core::model::{Link, Op};
use crate::core::render::units::ms;
use crate::core::report::Finding;

/// `retry-amplification` fires at this product of `1 + retries`.
pub const AMPLIFICATION: f64 = 10.0;
/// `timeouts-fail-requests` fires above this share of calls failing.
pub const FAILING_CALLS: f64 = 0.001;

/// The longest a call over `m` can take before it gives up: every attempt
/// timing out, with the longest waits.
pub fn longest_call(m: &Link) -> Option<f64> {
    let tau = m.timeout_ms?;
    let r = m.retries as f64;
    let waits = if m.backoff {
        m.backoff_ms * (crate::core::eval::latency::service::pow2(m.retries) - 1.0)
    } else {
        0.0
    };
    Some((1.0 + r) * tau + waits)
}

/// `timeout-budget`: `l = a → b` and `m = b → c` both timed, and `m`'s longest
/// call is at least `l`'s timeout: `a` gives up while `b` still retries.
pub(super) fn timeout_budget(c: &Ctx) -> Vec<Finding> {
    let d = c.g.design;
    let mut out = Vec::new();
    for l in c.links() {
        let outer = &d.links[l];
        let Some(tau) = outer.timeout_ms.filter(|_| outer.is_sync()) else {
            continue;
        };
        let b = c.g.link_to[l];
        for &m in &c.g.sync_out[b] {
            let inner = &d.links[m];
            let Some(longest) = longest_call(inner) else {
                continue;
            };
            if longest >= tau {
                let a = c.g.link_from[l];
                let cc = c.g.link_to[m];
                out.push(finding(
                    Rule::TimeoutBudget,
                    c.block_ids([a, b, cc]),
                    c.link_ids([l, m]),
                    format!(
                        "'{}' may take {} with its retries, but '{}' gives up after {}.",
                        inner.id,
                        ms(longest),
                        outer.id,
                        ms(tau)
                    ),
                ));
            }
        }
    }
    out
}

/// `retry-storm`: ρ(b) < 1 now, but ≥ 1 if every timed sync link into `b` with
/// retries made all `1 + retries` attempts per call (nothing else changing).
pub(super) fn retry_storm(c: &Ctx) -> Vec<Finding> {
    let Some(ld) = c.a.load.as_ref() else {
        return Vec::new();
    };
    let d = c.g.design;
    let mut out = Vec::new();
    for (b, block) in d.blocks.iter().enumerate() {
        let Some(now) = ld.utilization[b].filter(|&u| u < 1.0) else {
            continue;
        };
        let (mut read, mut write) = (ld.read[b], ld.write[b]);
        let mut links = Vec::new();
        for &l in &c.g.in_links[b] {
            let link = &d.links[l];
            if !link.is_sync() || link.retries == 0 || link.timeout_ms.is_none() {
                continue;
            }
            let f = c.g.link_from[l];
            if f == usize::MAX || c.a.share[l] <= 0.0 {
                continue;
            }
            let base = ld.read[f] * (1.0 - d.blocks[f].hit_ratio) + ld.write[f];
            let per_call = base * c.a.share[l];
            let extra = per_call * (1.0 + link.retries as f64 - c.a.stress.attempts[l]);
            match link.op {
                Op::Read => read += extra,
                Op::Write => write += extra,
            }
            links.push(l);
        }
        if links.is_empty() {
            continue;
        }
        let storm = load::rho(block, block.replicas, read, write).unwrap_or(0.0);
        if storm >= 1.0 {
            let callers: Vec<usize> = links.iter().map(|&l| c.g.link_from[l]).collect();
            out.push(finding(
                Rule::RetryStorm,
                c.block_ids(std::iter::once(b).chain(callers)),
                c.link_ids(links.iter().copied()),
                format!(
                    "'{}' runs at {:.0}% now; if its callers' retries all fire it reaches {:.0}% and stays down.",
                    block.id,
                    now * 100.0,
                    storm * 100.0
                ),
            ));
        }
    }
    out
}

/// `retry-amplification`: the largest product of `1 + retries` along a timed
/// sync path from an entry reaches `AMPLIFICATION`; lists where it is reached.
pub(super) fn retry_amplification(c: &Ctx) -> Vec<Finding> {
    let amp = &c.a.amplification;
    let top = amp.iter().copied().fold(1.0, f64::max);
    if top < AMPLIFICATION {
        return Vec::new();
    }
    let at: Vec<usize> = (0..amp.len()).filter(|&b| amp[b] == top).collect();
    let ids: Vec<&str> = at.iter().map(|&b| c.block_id(b)).collect();
    vec![finding(
        Rule::RetryAmplification,
        c.block_ids(at.iter().copied()),
        Vec::new(),
        format!(
            "Retries multiply up to {top:.0}× along the path to {}.",
            quoted_list(&ids)
        ),
    )]
}

/// `timeouts-fail-requests`: a link on the request path fails more than 0.1%
/// of its calls by timing out.
pub(super) fn timeouts_fail_requests(c: &Ctx) -> Vec<Finding> {
    c.links()
        .filter(|&l| c.a.on_path.links.get(l).copied().unwrap_or(false))
        .filter(|&l| c.a.stress.timeout_failure[l] > FAILING_CALLS)
        .map(|l| {
            let f = c.a.stress.timeout_failure[l];
            finding(
                Rule::TimeoutsFailRequests,
                c.link_ends(l),
                vec![c.link_id(l).to_owned()],
                format!(
                    "{} of calls over '{}' fail by timing out.",
                    crate::core::render::units::percent(f),
                    c.link_id(l)
                ),
            )
        })
        .collect()
}
