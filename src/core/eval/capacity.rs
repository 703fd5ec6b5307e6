//! The worksheet (model-2.md §3): average rates and the average load, storage
//! per year and at retention, bandwidth per link and per block, cost.
//!
//! Everything here follows from the solved loads: the peak load of
//! [`super::analyse`] and an average load solved the same way
//! ([`super::stress::solve`], with §2.4's fixed point) with every entry at its
//! average rate.

use super::graph::Graph;
use super::load::Load;
use super::stress;
use crate::core::model::DAY_S;

/// Days in a year, for the year's growth of storage (model-2.md §3.2).
pub const YEAR_DAYS: f64 = 365.0;
/// Seconds in the 30-day month of `cost_per_million_requests`.
pub const MONTH_S: f64 = 2_592_000.0;
/// `network-bound`: bytes/s per instance of a 10 Gbps interface (seed 001 Phase 2).
pub const NETWORK_BYTES_PER_S: f64 = 1.25e9;
/// `storage-per-instance`: bytes on one large server's disks (an assumption).
pub const INSTANCE_STORAGE_BYTES: f64 = 16e12;

/// The worksheet's figures. Block vectors are parallel to `design.blocks`,
/// link vectors to `design.links`, entry vectors to `graph.entries`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Capacity {
    /// Each entry's average rate (after the what-if scale).
    pub entry_avg: Vec<f64>,
    /// The average load (its `write` is `W_avg`); `None` when no block
    /// stores anything (not solved) or the load has no solution.
    pub avg_load: Option<Load>,
    /// `flow(l)` at peak, attempts included (`null` under a load loop).
    pub link_rps: Vec<Option<f64>>,
    /// `flow(l) · payload_bytes` at peak; `None` without `payload_bytes`.
    pub link_bytes_per_s: Vec<Option<f64>>,
    /// New bytes a year, all copies (× replicas).
    pub storage_year: Vec<Option<f64>>,
    /// Bytes held at retention, all copies; `None` without `retention_days`.
    pub storage: Vec<Option<f64>>,
    /// Peak bytes/s over the block's links in and out with `payload_bytes`.
    pub bandwidth: Vec<Option<f64>>,
    /// `cost_month · replicas · shards`.
    pub cost: Vec<Option<f64>>,
    /// Σ `storage` over blocks with a steady state.
    pub total_storage: Option<f64>,
    /// Σ `cost`.
    pub total_cost: Option<f64>,
    pub cost_per_million_requests: Option<f64>,
}

/// The worksheet for `g`: `entry_avg` the entries' average rates, `peak` the
/// solved peak load, `share` and `attempts` per link as the peak load used.
pub fn compute(
    g: &Graph,
    entry_avg: Vec<f64>,
    peak: Option<&Load>,
    share: &[f64],
    attempts: &[f64],
    down: &[bool],
) -> Capacity {
    let d = g.design;
    let link_rps: Vec<Option<f64>> = (0..d.links.len())
        .map(|l| {
            peak.map(|ld| {
                let f = g.link_from[l];
                if f == usize::MAX {
                    return 0.0;
                }
                // flow(l) = base(from) · share(l) · E_l, base = R·(1 − hit) + W.
                let hit = d.blocks[f].hit_ratio;
                (ld.read[f] * (1.0 - hit) + ld.write[f]) * share[l] * attempts[l]
            })
        })
        .collect();
    let link_bytes_per_s: Vec<Option<f64>> = d
        .links
        .iter()
        .zip(&link_rps)
        .map(|(link, rps)| Some(rps.as_ref()? * link.payload_bytes?))
        .collect();
    let mut bandwidth: Vec<Option<f64>> = vec![None; d.blocks.len()];
    for (l, bytes) in link_bytes_per_s.iter().enumerate() {
        let Some(bytes) = bytes else { continue };
        for b in [g.link_from[l], g.link_to[l]] {
            if b != usize::MAX {
                *bandwidth[b].get_or_insert(0.0) += bytes;
            }
        }
    }

    // The average load only matters for storage: solve it when a block stores.
    let stores = d.blocks.iter().any(|b| b.record_bytes.is_some());
    let avg_load = if stores {
        let (load, _, _) = stress::solve(g, &entry_avg, share, down);
        load.ok()
    } else {
        None
    };
    let mut storage_year = vec![None; d.blocks.len()];
    let mut storage = vec![None; d.blocks.len()];
    if let Some(w) = avg_load.as_ref().map(|l| &l.write) {
        for (b, blk) in d.blocks.iter().enumerate() {
            let Some(record) = blk.record_bytes else {
                continue;
            };
            // Every replica holds a copy; shards split the data, they do not copy it.
            let per_day = w[b] * record * DAY_S * blk.replicas as f64;
            storage_year[b] = Some(per_day * YEAR_DAYS);
            storage[b] = blk.retention_days.map(|days| per_day * days);
        }
    }
    let cost: Vec<Option<f64>> = d
        .blocks
        .iter()
        .map(|b| {
            b.cost_month
                .map(|c| c * b.replicas as f64 * b.shards as f64)
        })
        .collect();
    let total_storage = sum(&storage);
    let total_cost = sum(&cost);
    let avg_total: f64 = entry_avg.iter().sum();
    let cost_per_million_requests = total_cost
        .filter(|_| avg_total > 0.0)
        .map(|c| c / (avg_total * MONTH_S) * 1e6);
    Capacity {
        entry_avg,
        avg_load,
        link_rps,
        link_bytes_per_s,
        storage_year,
        storage,
        bandwidth,
        cost,
        total_storage,
        total_cost,
        cost_per_million_requests,
    }
}

/// The sum of the present values; `None` when none is.
fn sum(values: &[Option<f64>]) -> Option<f64> {
    values
        .iter()
        .flatten()
        .fold(None, |acc, v| Some(acc.unwrap_or(0.0) + v))
}

impl Capacity {
    /// Storage per instance of block `b` (`blk` its block): at retention, else
    /// after a year, over `replicas · shards`.
    pub fn storage_per_instance(&self, b: usize, instances: f64) -> Option<f64> {
        self.storage[b]
            .or(self.storage_year[b])
            .map(|s| s / instances)
    }
}
