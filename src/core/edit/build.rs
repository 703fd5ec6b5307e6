//! Commands the UI builds from a selection: a field set on many blocks, copy and
//! paste fragments with fresh ids.

use std::collections::{BTreeMap, BTreeSet};

use super::command::Command;
use super::field::{BlockField, FieldValue};
use crate::core::model::{Block, Design, IdGen, Kind, Link, Sticky, Zone};

/// Set `field` to `value` on every block of `ids`, as one step.
///
/// Spec choice: the fields that must agree follow along, so that the inspector
/// never deadlocks on format.md's relations:
/// - setting the median latency also sets p99 to it when p99 was equal to the old
///   median (the format's default, "= latency_ms"), or when the new median is 0
///   (p99 must then be 0 too);
/// - lowering `replicas` below `min_healthy` lowers `min_healthy` with it;
/// - giving a block `users` clears its `rps` (model-2.md §1: with `users` the
///   rate is derived, and `rps` must be absent), so a client's default rate
///   never refuses the first users typed.
///
/// Ids that name no block are passed on, so that `apply` refuses them by name.
pub fn set_blocks_field(
    design: &Design,
    ids: &[String],
    field: BlockField,
    value: FieldValue,
) -> Command {
    let mut cmds = Vec::new();
    for id in ids {
        let set = |field, value| Command::SetBlockField {
            id: id.clone(),
            field,
            value,
        };
        cmds.push(set(field, value.clone()));
        let Some(b) = design.block(id) else { continue };
        match (field, &value) {
            (BlockField::LatencyMs, FieldValue::Number(m))
                if (b.p99_ms == b.latency_ms || *m == 0.0) && b.p99_ms != *m =>
            {
                cmds.push(set(BlockField::P99Ms, FieldValue::Number(*m)));
            }
            (BlockField::Replicas, FieldValue::Int(r)) if b.min_healthy > *r => {
                cmds.push(set(BlockField::MinHealthy, FieldValue::Int(*r)));
            }
            (BlockField::Users, FieldValue::OptNumber(Some(_))) if b.rps != 0.0 => {
                cmds.push(set(BlockField::Rps, FieldValue::Number(0.0)));
            }
            _ => {}
        }
    }
    if cmds.len() == 1 {
        cmds.pop().unwrap_or(Command::Batch(Vec::new()))
    } else {
        Command::Batch(cmds)
    }
}

/// The part of `design` named by `ids` (blocks, zones, stickies, links), for the
/// clipboard. Links come along when both their ends do; a named link whose ends
/// are not both copied is left out (it could not be pasted).
pub fn copy_fragment(design: &Design, ids: &[String]) -> Design {
    let want: BTreeSet<&str> = crate::core::sort::set_of(ids.iter().map(String::as_str));
    let blocks: Vec<_> = design
        .blocks
        .iter()
        .filter(|b| want.contains(b.id.as_str()))
        .cloned()
        .collect();
    let copied: BTreeSet<&str> = crate::core::sort::set_of(blocks.iter().map(|b| b.id.as_str()));
    Design {
        links: design
            .links
            .iter()
            .filter(|l| copied.contains(l.from.as_str()) && copied.contains(l.to.as_str()))
            .cloned()
            .collect(),
        zones: design
            .zones
            .iter()
            .filter(|z| want.contains(z.id.as_str()))
            .cloned()
            .collect(),
        stickies: design
            .stickies
            .iter()
            .filter(|s| want.contains(s.id.as_str()))
            .cloned()
            .collect(),
        blocks,
        ..Design::default()
    }
}

/// The id prefix of new blocks of a kind ("cache7", "load_balancer8").
pub fn block_prefix(kind: Kind) -> &'static str {
    kind.as_str()
}

/// A copy of `fragment` with fresh ids from `ids`, ready to paste into `design`:
/// links are remapped to the new block ids (links whose ends are not in the
/// fragment are dropped); a block's zone is remapped when the zone is in the
/// fragment, kept when `design` has it, cleared otherwise. Returns the copy and
/// the map old node id → new node id (blocks, zones, stickies).
pub fn fresh_fragment(
    fragment: &Design,
    design: &Design,
    ids: &mut IdGen,
) -> (Design, BTreeMap<String, String>) {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    let mut fresh_node = |map: &BTreeMap<String, String>, prefix: &str| {
        ids.fresh(prefix, |id| {
            design.has_node_id(id) || map.values().any(|v| v == id)
        })
    };
    let mut out = Design::default();
    for z in &fragment.zones {
        let id = fresh_node(&map, "zone");
        map.insert(z.id.clone(), id.clone());
        out.zones.push(Zone { id, ..z.clone() });
    }
    let zone_map = map.clone();
    for s in &fragment.stickies {
        let id = fresh_node(&map, "note");
        map.insert(s.id.clone(), id.clone());
        out.stickies.push(Sticky { id, ..s.clone() });
    }
    for b in &fragment.blocks {
        let id = fresh_node(&map, block_prefix(b.kind));
        map.insert(b.id.clone(), id.clone());
        let zone = match &b.zone {
            Some(z) => match zone_map.get(z) {
                Some(nz) => Some(nz.clone()),
                None if design.zone(z).is_some() => Some(z.clone()),
                None => None,
            },
            None => None,
        };
        out.blocks.push(Block {
            id,
            zone,
            ..b.clone()
        });
    }
    let mut link_ids: BTreeSet<String> = BTreeSet::new();
    for l in &fragment.links {
        let (Some(from), Some(to)) = (
            block_id(&map, fragment, &l.from),
            block_id(&map, fragment, &l.to),
        ) else {
            continue;
        };
        let id = ids.fresh("link", |id| {
            design.link(id).is_some() || link_ids.contains(id)
        });
        link_ids.insert(id.clone());
        out.links.push(Link {
            id,
            from,
            to,
            ..l.clone()
        });
    }
    (out, map)
}

fn block_id(map: &BTreeMap<String, String>, fragment: &Design, old: &str) -> Option<String> {
    fragment.block(old)?;
    map.get(old).cloned()
}
