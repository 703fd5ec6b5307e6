//! The worksheet (model-2.md §3.3): `network-bound`, `storage-per-instance`.

use super::super::capacity::{INSTANCE_STORAGE_BYTES, NETWORK_BYTES_PER_S};
use super::{finding, Ctx, Rule};
use crate::core::model::Kind;
use crate::core::render::units::{bytes, bytes_per_s};
use crate::core::report::Finding;

/// `network-bound`: a block other than a client whose peak bandwidth per
/// instance passes a 10 Gbps interface.
pub(super) fn network_bound(c: &Ctx) -> Vec<Finding> {
    let d = c.g.design;
    let cap = &c.a.capacity;
    let mut out = Vec::new();
    for (b, blk) in d.blocks.iter().enumerate() {
        if blk.kind == Kind::Client {
            continue;
        }
        let Some(total) = cap.bandwidth[b] else {
            continue;
        };
        let per = total / instances(blk.replicas, blk.shards);
        if per > NETWORK_BYTES_PER_S {
            out.push(finding(
                Rule::NetworkBound,
                vec![blk.id.clone()],
                vec![],
                format!(
                    "'{}' moves {} per instance at peak, more than a 10 Gbps interface ({}).",
                    blk.id,
                    bytes_per_s(per),
                    bytes_per_s(NETWORK_BYTES_PER_S)
                ),
            ));
        }
    }
    out
}

/// `storage-per-instance`: storage per instance (at retention, else after a
/// year) passes a large server's disks.
pub(super) fn storage_per_instance(c: &Ctx) -> Vec<Finding> {
    let d = c.g.design;
    let cap = &c.a.capacity;
    let mut out = Vec::new();
    for (b, blk) in d.blocks.iter().enumerate() {
        let Some(per) = cap.storage_per_instance(b, instances(blk.replicas, blk.shards)) else {
            continue;
        };
        if per > INSTANCE_STORAGE_BYTES {
            let when = if cap.storage[b].is_some() {
                "at retention"
            } else {
                "after a year"
            };
            out.push(finding(
                Rule::StoragePerInstance,
                vec![blk.id.clone()],
                vec![],
                format!(
                    "'{}' holds {} per instance {when}, more than one server's disks ({}).",
                    blk.id,
                    bytes(per),
                    bytes(INSTANCE_STORAGE_BYTES)
                ),
            ));
        }
    }
    out
}

fn instances(replicas: u32, shards: u32) -> f64 {
    replicas as f64 * shards as f64
}
