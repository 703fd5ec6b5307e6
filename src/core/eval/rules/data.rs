//! Data: `shared-database`, `search-as-source-of-truth`, `cache-without-ttl`,
//! `queue-without-dlq`.

use super::{finding, Ctx, Rule};
use crate::core::model::{Kind, Op};
use crate::core::report::Finding;

/// `shared-database`: a data kind other than `cache` and `object_storage` with
/// links (any mode, any op) from 2 or more distinct `service` blocks.
pub(super) fn shared_database(c: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, block) in c.g.design.blocks.iter().enumerate() {
        if !block.kind.is_data() || matches!(block.kind, Kind::Cache | Kind::ObjectStorage) {
            continue;
        }
        let mut services: Vec<usize> = c.g.in_links[b]
            .iter()
            .map(|&l| c.g.link_from[l])
            .filter(|&f| c.g.design.blocks[f].kind == Kind::Service)
            .collect();
        crate::core::sort::sort(&mut services);
        services.dedup();
        if services.len() >= 2 {
            let count = services.len();
            services.push(b);
            out.push(finding(
                Rule::SharedDatabase,
                c.block_ids(services),
                Vec::new(),
                format!("'{}' is used by {count} services.", block.id),
            ));
        }
    }
    out
}

/// `search-as-source-of-truth`: a `search_index` receiving writes from a block
/// that writes to no other data kind (cache included, as the table defines data
/// kinds) and no `event_log`. Lists the index and those writers.
///
/// Spec choice: writes are links with `op` = write in either mode; when several
/// writers qualify, one finding per index lists them all.
pub(super) fn search_as_source_of_truth(c: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, block) in c.g.design.blocks.iter().enumerate() {
        if block.kind != Kind::SearchIndex {
            continue;
        }
        let mut writers: Vec<usize> = c.g.in_links[b]
            .iter()
            .filter(|&&l| c.g.design.links[l].op == Op::Write)
            .map(|&l| c.g.link_from[l])
            .filter(|&w| {
                !c.g.out_links[w].iter().any(|&l| {
                    let t = c.g.link_to[l];
                    let kind = c.g.design.blocks[t].kind;
                    c.g.design.links[l].op == Op::Write
                        && t != b
                        && (kind.is_data() || kind == Kind::EventLog)
                })
            })
            .collect();
        crate::core::sort::sort(&mut writers);
        writers.dedup();
        if writers.is_empty() {
            continue;
        }
        let names: Vec<String> = writers
            .iter()
            .map(|&w| format!("'{}'", c.block_id(w)))
            .collect();
        writers.push(b);
        out.push(finding(
            Rule::SearchAsSourceOfTruth,
            c.block_ids(writers),
            Vec::new(),
            format!(
                "Search index '{}' is written by {} that write(s) to no database or event log.",
                block.id,
                names.join(", ")
            ),
        ));
    }
    out
}

/// `cache-without-ttl`: a `cache` or `cdn` without `ttl_s`.
pub(super) fn cache_without_ttl(c: &Ctx) -> Vec<Finding> {
    c.g.design
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, Kind::Cache | Kind::Cdn) && b.ttl_s.is_none())
        .map(|b| {
            finding(
                Rule::CacheWithoutTtl,
                vec![b.id.clone()],
                Vec::new(),
                format!("'{}' has no TTL (hit ratio {}).", b.id, b.hit_ratio),
            )
        })
        .collect()
}

/// `queue-without-dlq`: a `queue` with outgoing links and no `dead_letter`.
pub(super) fn queue_without_dlq(c: &Ctx) -> Vec<Finding> {
    c.g.design
        .blocks
        .iter()
        .enumerate()
        .filter(|&(b, q)| q.kind == Kind::Queue && !q.dead_letter && !c.g.out_links[b].is_empty())
        .map(|(b, q)| {
            finding(
                Rule::QueueWithoutDlq,
                vec![q.id.clone()],
                Vec::new(),
                format!(
                    "Queue '{}' feeds {} link(s) and has no dead-letter queue.",
                    q.id,
                    c.g.out_links[b].len()
                ),
            )
        })
        .collect()
}
