//! The findings (evaluation.md §4): one function per rule, grouped by family,
//! each `fn(&Ctx) -> Vec<Finding>`. [`run`] gathers and sorts them; [`catalog`]
//! describes every rule for the UI (title, fix hint, principle).

mod capacity;
mod catalog;
mod chain;
mod data;
mod load;
mod necessary;
mod ops;
mod resilience;
mod slo;
pub mod stress;
mod structure;

pub use catalog::{catalog, rule_info, Rule, RuleInfo};
pub use chain::SyncChain;

use super::graph::Graph;
use super::Analysis;
use crate::core::report::Finding;

/// Every rule, in catalog order.
const RULES: [fn(&Ctx) -> Vec<Finding>; 30] = [
    slo::slo_availability,
    slo::slo_latency,
    load::overloaded,
    structure::sync_cycle,
    load::load_loop,
    load::hot_spot,
    load::no_failover_headroom,
    resilience::spof,
    resilience::zone_spof,
    structure::long_sync_chain,
    structure::sync_fan_out,
    data::shared_database,
    resilience::cross_region_call,
    resilience::retry_without_backoff,
    resilience::retry_not_idempotent,
    data::queue_without_dlq,
    data::search_as_source_of_truth,
    ops::too_many_services,
    data::cache_without_ttl,
    resilience::no_timeout,
    ops::no_rate_limit,
    ops::no_observability,
    structure::unreachable,
    ops::no_entry,
    stress::timeout_budget,
    stress::retry_storm,
    stress::retry_amplification,
    stress::timeouts_fail_requests,
    capacity::network_bound,
    capacity::storage_per_instance,
];

/// Every rule's findings, sorted as evaluation.md §4 says: severity (error,
/// warning, info), rule id, then the `blocks` lists element by element (an empty
/// list first), then `links`.
pub fn run(analysis: &Analysis) -> Vec<Finding> {
    let ctx = Ctx {
        a: analysis,
        g: &analysis.graph,
    };
    let mut findings: Vec<Finding> = RULES.iter().flat_map(|rule| rule(&ctx)).collect();
    sort(&mut findings);
    findings
}

/// `scenario-target` (model-2.md §4.1): one finding per scenario that misses
/// one of its targets; lists the scenario's failed blocks and zones.
pub fn scenario_target(
    design: &crate::core::model::Design,
    reports: &[crate::core::report::ScenarioReport],
) -> Vec<Finding> {
    design
        .scenarios
        .iter()
        .zip(reports)
        .filter_map(|(s, r)| {
            let mut missed = Vec::new();
            if r.meets_availability == Some(false) {
                missed.push("availability");
            }
            if r.meets_p99 == Some(false) {
                missed.push("p99");
            }
            if missed.is_empty() {
                return None;
            }
            let ids: Vec<&str> = s.fail.iter().map(String::as_str).collect();
            Some(finding(
                Rule::ScenarioTarget,
                sorted(ids.into_iter()),
                Vec::new(),
                format!(
                    "Scenario '{}' misses its {} target{}.",
                    s.name,
                    missed.join(" and "),
                    if missed.len() > 1 { "s" } else { "" }
                ),
            ))
        })
        .collect()
}

/// The order of evaluation.md §4 (ids compare by code point, as `String` does).
pub fn sort(findings: &mut [Finding]) {
    crate::core::sort::sort_by(findings, |x, y| {
        (x.severity, x.rule, &x.blocks, &x.links).cmp(&(y.severity, y.rule, &y.blocks, &y.links))
    });
}

/// What a rule reads: the analysis and its graph index.
pub(crate) struct Ctx<'x, 'a> {
    pub a: &'x Analysis<'a>,
    pub g: &'x Graph<'a>,
}

impl<'x, 'a> Ctx<'x, 'a> {
    pub fn block_id(&self, b: usize) -> &'a str {
        &self.g.design.blocks[b].id
    }

    pub fn link_id(&self, l: usize) -> &'a str {
        &self.g.design.links[l].id
    }

    /// Sorted (by code point), deduplicated ids of blocks.
    pub fn block_ids(&self, blocks: impl IntoIterator<Item = usize>) -> Vec<String> {
        sorted(blocks.into_iter().map(|b| self.block_id(b)))
    }

    /// Sorted, deduplicated ids of links.
    pub fn link_ids(&self, links: impl IntoIterator<Item = usize>) -> Vec<String> {
        sorted(links.into_iter().map(|l| self.link_id(l)))
    }

    /// The two ends of link `l` (a link joins two different blocks), sorted.
    pub fn link_ends(&self, l: usize) -> Vec<String> {
        self.block_ids([self.g.link_from[l], self.g.link_to[l]])
    }

    /// Links that join two known blocks (the graph skips any other).
    pub fn links(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.g.design.links.len()).filter(|&l| self.g.link_from[l] != usize::MAX)
    }
}

/// A finding of `rule`, with the severity its catalog entry gives.
pub(crate) fn finding(
    rule: Rule,
    blocks: Vec<String>,
    links: Vec<String>,
    message: String,
) -> Finding {
    Finding {
        rule: rule.id(),
        severity: rule.severity(),
        blocks,
        links,
        message,
    }
}

fn sorted<'s>(ids: impl Iterator<Item = &'s str>) -> Vec<String> {
    let mut v: Vec<String> = ids.map(str::to_owned).collect();
    crate::core::sort::sort(&mut v);
    v.dedup();
    v
}

/// "'a', 'b' and 'c'" for a message.
pub(crate) fn quoted_list(ids: &[&str]) -> String {
    let q: Vec<String> = ids.iter().map(|i| format!("'{i}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        n => format!("{} and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}
