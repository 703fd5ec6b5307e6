//! Removing items and putting them back where they were.

use std::collections::BTreeSet;

use super::touched::Touched;
use super::{unknown, Command, EditError};
use crate::core::model::{is_valid_id, Block, Design, Link, Scenario, Sticky, Zone};
use crate::core::sort::set_of;

/// Ids of things to remove: blocks (with every link that touches them), links,
/// zones and stickies.
///
/// Spec choice: removing a zone keeps the blocks in it, which leave the zone
/// (their `zone` becomes absent); undo puts them back in it.
///
/// Spec choice: a removed block or zone also leaves every scenario's `fail`
/// list (a scenario may only name what exists); undo puts the lists back.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Removal {
    pub blocks: Vec<String>,
    pub links: Vec<String>,
    pub zones: Vec<String>,
    pub stickies: Vec<String>,
}

impl Removal {
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
            && self.links.is_empty()
            && self.zones.is_empty()
            && self.stickies.is_empty()
    }
}

/// Items put back at their list positions (the inverse of `Command::Remove`).
/// Each list is in ascending index order, the index being the item's position
/// once everything is back.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Restore {
    pub blocks: Vec<(usize, Block)>,
    pub links: Vec<(usize, Link)>,
    pub zones: Vec<(usize, Zone)>,
    pub stickies: Vec<(usize, Sticky)>,
    /// `(block id, zone id)`: blocks that stayed but were in a removed zone.
    pub zone_members: Vec<(String, String)>,
    /// The scenarios as they were, when the removal took ids out of a `fail`.
    pub scenarios: Option<Vec<Scenario>>,
}

pub(super) fn remove(d: &mut Design, sel: &Removal, t: &mut Touched) -> Result<Command, EditError> {
    for id in &sel.blocks {
        d.block(id).ok_or_else(|| unknown("block", id))?;
    }
    for id in &sel.links {
        d.link(id).ok_or_else(|| unknown("link", id))?;
    }
    for id in &sel.zones {
        d.zone(id).ok_or_else(|| unknown("zone", id))?;
    }
    for id in &sel.stickies {
        d.sticky(id).ok_or_else(|| unknown("sticky", id))?;
    }
    let blocks: BTreeSet<&str> = set_of(sel.blocks.iter().map(String::as_str));
    let links: BTreeSet<&str> = set_of(sel.links.iter().map(String::as_str));
    let zones: BTreeSet<&str> = set_of(sel.zones.iter().map(String::as_str));
    let stickies: BTreeSet<&str> = set_of(sel.stickies.iter().map(String::as_str));

    let link_gone = |l: &Link| {
        links.contains(l.id.as_str())
            || blocks.contains(l.from.as_str())
            || blocks.contains(l.to.as_str())
    };
    let mut r = Restore::default();
    for (i, b) in d.blocks.iter().enumerate() {
        if blocks.contains(b.id.as_str()) {
            r.blocks.push((i, b.clone()));
        } else if let Some(z) = &b.zone {
            if zones.contains(z.as_str()) {
                r.zone_members.push((b.id.clone(), z.clone()));
            }
        }
    }
    r.links = collect(&d.links, |l| link_gone(l));
    r.zones = collect(&d.zones, |z| zones.contains(z.id.as_str()));
    r.stickies = collect(&d.stickies, |s| stickies.contains(s.id.as_str()));

    d.links.retain(|l| !link_gone(l));
    d.blocks.retain(|b| !blocks.contains(b.id.as_str()));
    d.zones.retain(|z| !zones.contains(z.id.as_str()));
    d.stickies.retain(|s| !stickies.contains(s.id.as_str()));
    for (bid, _) in &r.zone_members {
        if let Some(b) = d.block_mut(bid) {
            b.zone = None;
        }
    }
    let gone = |id: &String| blocks.contains(id.as_str()) || zones.contains(id.as_str());
    if d.scenarios.iter().any(|s| s.fail.iter().any(gone)) {
        r.scenarios = Some(d.scenarios.clone());
        for s in &mut d.scenarios {
            s.fail.retain(|id| !gone(id));
        }
    }
    t.full = true;
    Ok(Command::Restore(Box::new(r)))
}

fn collect<T: Clone>(items: &[T], gone: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    items
        .iter()
        .enumerate()
        .filter(|(_, x)| gone(x))
        .map(|(i, x)| (i, x.clone()))
        .collect()
}

pub(super) fn restore(d: &mut Design, r: &Restore, t: &mut Touched) -> Result<Command, EditError> {
    // Preconditions first, so that nothing changes when one fails.
    let mut nodes: BTreeSet<&str> = BTreeSet::new();
    let node_ids = r
        .blocks
        .iter()
        .map(|(_, b)| &b.id)
        .chain(r.zones.iter().map(|(_, z)| &z.id))
        .chain(r.stickies.iter().map(|(_, s)| &s.id));
    for id in node_ids {
        if !is_valid_id(id) {
            return Err(EditError::BadId { id: id.clone() });
        }
        if d.has_node_id(id) || !nodes.insert(id) {
            return Err(EditError::IdTaken { id: id.clone() });
        }
    }
    let mut link_ids: BTreeSet<&str> = BTreeSet::new();
    for (_, l) in &r.links {
        if !is_valid_id(&l.id) {
            return Err(EditError::BadId { id: l.id.clone() });
        }
        if d.link(&l.id).is_some() || !link_ids.insert(&l.id) {
            return Err(EditError::IdTaken { id: l.id.clone() });
        }
        if l.from == l.to {
            return Err(EditError::SelfLink {
                block: l.from.clone(),
            });
        }
        for end in [&l.from, &l.to] {
            if d.block(end).is_none() && !r.blocks.iter().any(|(_, b)| &b.id == end) {
                return Err(unknown("block", end));
            }
        }
    }
    for (bid, _) in &r.zone_members {
        if d.block(bid).is_none() && !r.blocks.iter().any(|(_, b)| &b.id == bid) {
            return Err(unknown("block", bid));
        }
    }

    insert_sorted(&mut d.blocks, &r.blocks);
    insert_sorted(&mut d.links, &r.links);
    insert_sorted(&mut d.zones, &r.zones);
    insert_sorted(&mut d.stickies, &r.stickies);
    for (bid, zid) in &r.zone_members {
        if let Some(b) = d.block_mut(bid) {
            b.zone = Some(zid.clone());
        }
        t.blocks.push(bid.clone());
    }
    if let Some(scenarios) = &r.scenarios {
        d.scenarios = scenarios.clone();
        t.meta = true;
    }

    let sel = Removal {
        blocks: r.blocks.iter().map(|(_, b)| b.id.clone()).collect(),
        links: r.links.iter().map(|(_, l)| l.id.clone()).collect(),
        zones: r.zones.iter().map(|(_, z)| z.id.clone()).collect(),
        stickies: r.stickies.iter().map(|(_, s)| s.id.clone()).collect(),
    };
    t.blocks.extend(sel.blocks.iter().cloned());
    t.links.extend(sel.links.iter().cloned());
    t.zones.extend(sel.zones.iter().cloned());
    t.stickies.extend(sel.stickies.iter().cloned());
    t.full = true;
    Ok(Command::Remove(sel))
}

/// Insert items at their final positions, lowest index first (past the end
/// appends).
fn insert_sorted<T: Clone>(list: &mut Vec<T>, items: &[(usize, T)]) {
    let mut items: Vec<&(usize, T)> = items.iter().collect();
    crate::core::sort::sort_by_key(&mut items, |(i, _)| *i);
    for (i, x) in items {
        let at = (*i).min(list.len());
        list.insert(at, x.clone());
    }
}
