//! Every document change, as a value that applies in one place and returns its
//! exact inverse.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use super::check;
use super::field::{
    set_block_field, set_link_field, set_zone_field, BlockField, FieldValue, LinkField, ZoneField,
};
use crate::core::format::{self, LoadError};
use crate::core::model::{is_valid_id, Acceptance, Block, Design, Link, Sticky, Targets, Zone};
use crate::core::sort::set_of;

/// Ids of things to remove: blocks (with every link that touches them), links,
/// zones and stickies.
///
/// Spec choice: removing a zone keeps the blocks in it, which leave the zone
/// (their `zone` becomes absent); undo puts them back in it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Selection {
    pub blocks: Vec<String>,
    pub links: Vec<String>,
    pub zones: Vec<String>,
    pub stickies: Vec<String>,
}

impl Selection {
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
}

/// A zone's rectangle: top-left corner and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// One change to a document. `apply` performs it and returns its inverse.
///
/// Spec choice: an insertion index past the end of its list appends.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Insert a block at `index` of `blocks`.
    AddBlock {
        index: usize,
        block: Block,
    },
    /// Insert a link at `index` of `links`.
    AddLink {
        index: usize,
        link: Link,
    },
    /// Insert a zone at `index` of `zones`.
    AddZone {
        index: usize,
        zone: Zone,
    },
    /// Insert a sticky at `index` of `stickies`.
    AddSticky {
        index: usize,
        sticky: Sticky,
    },
    /// Remove blocks (and the links touching them), links, zones, stickies.
    Remove(Selection),
    /// Put removed items back where they were.
    Restore(Box<Restore>),
    /// Move blocks, zones and stickies (by id) by a delta.
    Move {
        ids: Vec<String>,
        dx: f64,
        dy: f64,
    },
    /// Set the positions of blocks, zones and stickies (by id): `(id, x, y)`.
    SetPositions(Vec<(String, f64, f64)>),
    /// Move or resize a zone.
    SetZoneRect {
        id: String,
        rect: Rect,
    },
    SetZoneField {
        id: String,
        field: ZoneField,
        value: FieldValue,
    },
    SetStickyText {
        id: String,
        text: String,
    },
    SetBlockField {
        id: String,
        field: BlockField,
        value: FieldValue,
    },
    SetLinkField {
        id: String,
        field: LinkField,
        value: FieldValue,
    },
    SetTitle(String),
    SetNotes(String),
    SetTargets(Targets),
    /// Replace the review's accepted findings (accept, edit a reason, withdraw).
    SetAccepted(Vec<Acceptance>),
    /// Append a fragment's blocks, links, zones and stickies, offset by
    /// `(dx, dy)`. Its ids are used as they are: build it with
    /// `History::paste` (or `fresh_fragment`) to get fresh ones.
    Paste {
        fragment: Box<Design>,
        dx: f64,
        dy: f64,
    },
    /// Several commands as one step; checked once, at the end.
    Batch(Vec<Command>),
}

/// Why a command was refused. The design is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    /// `what` is "block", "link", "zone", "sticky" or "block, zone or sticky".
    UnknownId {
        what: &'static str,
        id: String,
    },
    IdTaken {
        id: String,
    },
    BadId {
        id: String,
    },
    SelfLink {
        block: String,
    },
    /// A field or item rule, the message naming the item ("block 'db': p99 must
    /// be at least the median 20 ms").
    Refused(String),
    /// The whole-document check (`format::validate`) failed.
    Invalid(Vec<LoadError>),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownId { what, id } => write!(f, "there is no {what} '{id}'"),
            EditError::IdTaken { id } => write!(f, "the id '{id}' is already used"),
            EditError::BadId { id } => write!(
                f,
                "'{id}' is not a valid id (1 to 64 of the characters A-Z a-z 0-9 _ . -)"
            ),
            EditError::SelfLink { block } => {
                write!(f, "a link cannot join block '{block}' to itself")
            }
            EditError::Refused(m) => f.write_str(m),
            EditError::Invalid(errors) => {
                f.write_str("the design would be invalid")?;
                for (i, e) in errors.iter().enumerate() {
                    let sep = if i == 0 { ": " } else { "; " };
                    write!(f, "{sep}{} {}", e.at, e.message)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for EditError {}

/// What a command touched, to check afterwards.
#[derive(Default)]
struct Touched {
    blocks: Vec<String>,
    links: Vec<String>,
    zones: Vec<String>,
    stickies: Vec<String>,
    meta: bool,
    /// Run `format::validate` on the whole document (every command but geometry).
    full: bool,
}

impl Command {
    /// Remove blocks and every link that touches them.
    pub fn remove_blocks(ids: Vec<String>) -> Command {
        Command::Remove(Selection {
            blocks: ids,
            ..Selection::default()
        })
    }

    pub fn remove_link(id: impl Into<String>) -> Command {
        Command::Remove(Selection {
            links: vec![id.into()],
            ..Selection::default()
        })
    }

    pub fn remove_zone(id: impl Into<String>) -> Command {
        Command::Remove(Selection {
            zones: vec![id.into()],
            ..Selection::default()
        })
    }

    pub fn remove_sticky(id: impl Into<String>) -> Command {
        Command::Remove(Selection {
            stickies: vec![id.into()],
            ..Selection::default()
        })
    }

    /// Whether this only moves or resizes things.
    ///
    /// Spec choice: such commands (the ones a drag sends many times a second)
    /// check only the items they touch (finite numbers, a zone's size above 0),
    /// not the whole document.
    pub fn is_geometry(&self) -> bool {
        match self {
            Command::Move { .. } | Command::SetPositions(_) | Command::SetZoneRect { .. } => true,
            Command::Batch(cs) => cs.iter().all(Command::is_geometry),
            _ => false,
        }
    }

    /// Apply to `design` and return the inverse. A command that would make the
    /// document invalid is refused and leaves `design` exactly as it was.
    pub fn apply(&self, design: &mut Design) -> Result<Command, EditError> {
        let mut touched = Touched::default();
        let inverse = self.apply_raw(design, &mut touched)?;
        if let Err(e) = check_touched(design, &touched) {
            let _ = inverse.apply_raw(design, &mut Touched::default());
            return Err(e);
        }
        Ok(inverse)
    }

    /// Perform the change after its own preconditions; ranges are checked later.
    fn apply_raw(&self, d: &mut Design, t: &mut Touched) -> Result<Command, EditError> {
        match self {
            Command::AddBlock { index, block } => {
                let r = Restore {
                    blocks: vec![(*index, block.clone())],
                    ..Restore::default()
                };
                restore(d, &r, t)
            }
            Command::AddLink { index, link } => {
                if link.from == link.to {
                    return Err(EditError::SelfLink {
                        block: link.from.clone(),
                    });
                }
                for end in [&link.from, &link.to] {
                    if d.block(end).is_none() {
                        return Err(unknown("block", end));
                    }
                }
                let r = Restore {
                    links: vec![(*index, link.clone())],
                    ..Restore::default()
                };
                restore(d, &r, t)
            }
            Command::AddZone { index, zone } => {
                let r = Restore {
                    zones: vec![(*index, zone.clone())],
                    ..Restore::default()
                };
                restore(d, &r, t)
            }
            Command::AddSticky { index, sticky } => {
                let r = Restore {
                    stickies: vec![(*index, sticky.clone())],
                    ..Restore::default()
                };
                restore(d, &r, t)
            }
            Command::Remove(sel) => remove(d, sel, t),
            Command::Restore(r) => restore(d, r, t),
            Command::Move { ids, dx, dy } => move_by(d, ids, *dx, *dy),
            Command::SetPositions(moves) => set_positions(d, moves),
            Command::SetZoneRect { id, rect } => {
                let z = d.zone_mut(id).ok_or_else(|| unknown("zone", id))?;
                let old = Rect {
                    x: z.x,
                    y: z.y,
                    w: z.w,
                    h: z.h,
                };
                (z.x, z.y, z.w, z.h) = (rect.x, rect.y, rect.w, rect.h);
                t.zones.push(id.clone());
                Ok(Command::SetZoneRect {
                    id: id.clone(),
                    rect: old,
                })
            }
            Command::SetZoneField { id, field, value } => {
                let z = d.zone_mut(id).ok_or_else(|| unknown("zone", id))?;
                let old = set_zone_field(z, *field, value.clone()).map_err(EditError::Refused)?;
                t.zones.push(id.clone());
                t.full = true;
                Ok(Command::SetZoneField {
                    id: id.clone(),
                    field: *field,
                    value: old,
                })
            }
            Command::SetStickyText { id, text } => {
                let s = d.sticky_mut(id).ok_or_else(|| unknown("sticky", id))?;
                let old = std::mem::replace(&mut s.text, text.clone());
                t.stickies.push(id.clone());
                t.full = true;
                Ok(Command::SetStickyText {
                    id: id.clone(),
                    text: old,
                })
            }
            Command::SetBlockField { id, field, value } => {
                let b = d.block_mut(id).ok_or_else(|| unknown("block", id))?;
                let old = set_block_field(b, *field, value.clone()).map_err(EditError::Refused)?;
                t.blocks.push(id.clone());
                t.full = true;
                Ok(Command::SetBlockField {
                    id: id.clone(),
                    field: *field,
                    value: old,
                })
            }
            Command::SetLinkField { id, field, value } => {
                if let (LinkField::From | LinkField::To, FieldValue::Text(end)) = (field, value) {
                    if d.block(end).is_none() {
                        return Err(unknown("block", end));
                    }
                }
                let l = d.link_mut(id).ok_or_else(|| unknown("link", id))?;
                let old = set_link_field(l, *field, value.clone()).map_err(EditError::Refused)?;
                if l.from == l.to {
                    let block = l.from.clone();
                    let _ = set_link_field(l, *field, old);
                    return Err(EditError::SelfLink { block });
                }
                t.links.push(id.clone());
                t.full = true;
                Ok(Command::SetLinkField {
                    id: id.clone(),
                    field: *field,
                    value: old,
                })
            }
            Command::SetTitle(s) => {
                t.meta = true;
                t.full = true;
                Ok(Command::SetTitle(std::mem::replace(
                    &mut d.title,
                    s.clone(),
                )))
            }
            Command::SetNotes(s) => {
                t.meta = true;
                t.full = true;
                Ok(Command::SetNotes(std::mem::replace(
                    &mut d.notes,
                    s.clone(),
                )))
            }
            Command::SetTargets(tg) => {
                t.meta = true;
                t.full = true;
                Ok(Command::SetTargets(std::mem::replace(
                    &mut d.targets,
                    tg.clone(),
                )))
            }
            Command::SetAccepted(list) => {
                t.meta = true;
                t.full = true;
                Ok(Command::SetAccepted(std::mem::replace(
                    &mut d.accepted,
                    list.clone(),
                )))
            }
            Command::Paste { fragment, dx, dy } => {
                let r = Restore {
                    blocks: fragment
                        .blocks
                        .iter()
                        .enumerate()
                        .map(|(i, b)| {
                            let mut b = b.clone();
                            b.x += dx;
                            b.y += dy;
                            (d.blocks.len() + i, b)
                        })
                        .collect(),
                    links: fragment
                        .links
                        .iter()
                        .enumerate()
                        .map(|(i, l)| (d.links.len() + i, l.clone()))
                        .collect(),
                    zones: fragment
                        .zones
                        .iter()
                        .enumerate()
                        .map(|(i, z)| {
                            let mut z = z.clone();
                            z.x += dx;
                            z.y += dy;
                            (d.zones.len() + i, z)
                        })
                        .collect(),
                    stickies: fragment
                        .stickies
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let mut s = s.clone();
                            s.x += dx;
                            s.y += dy;
                            (d.stickies.len() + i, s)
                        })
                        .collect(),
                    zone_members: Vec::new(),
                };
                restore(d, &r, t)
            }
            Command::Batch(cmds) => {
                let mut inverses: Vec<Command> = Vec::with_capacity(cmds.len());
                for c in cmds {
                    match c.apply_raw(d, t) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            for inv in inverses.iter().rev() {
                                let _ = inv.apply_raw(d, &mut Touched::default());
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Command::Batch(inverses))
            }
        }
    }
}

fn unknown(what: &'static str, id: &str) -> EditError {
    EditError::UnknownId {
        what,
        id: id.to_string(),
    }
}

fn check_touched(d: &Design, t: &Touched) -> Result<(), EditError> {
    let refuse = EditError::Refused;
    for id in &t.blocks {
        if let Some(b) = d.block(id) {
            check::check_block(d, b).map_err(refuse)?;
        }
    }
    for id in &t.links {
        if let Some(l) = d.link(id) {
            check::check_link(d, l).map_err(refuse)?;
        }
    }
    for id in &t.zones {
        if let Some(z) = d.zone(id) {
            check::check_zone(z).map_err(refuse)?;
        }
    }
    for id in &t.stickies {
        if let Some(s) = d.sticky(id) {
            check::check_sticky(s).map_err(refuse)?;
        }
    }
    if t.meta {
        check::check_meta(d).map_err(refuse)?;
    }
    if t.full {
        format::validate(d).map_err(EditError::Invalid)?;
    }
    Ok(())
}

/// Where a movable item sits in its list.
#[derive(Clone, Copy)]
enum Node {
    Block(usize),
    Zone(usize),
    Sticky(usize),
}

/// Find the nodes named by `ids`, with an index when there are many of them.
fn find_nodes<'a>(
    d: &Design,
    ids: impl ExactSizeIterator<Item = &'a String>,
) -> Result<Vec<Node>, EditError> {
    let many = ids.len() > 8;
    let index: HashMap<&str, Node> = if many {
        let blocks = d
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.as_str(), Node::Block(i)));
        let zones = d
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| (z.id.as_str(), Node::Zone(i)));
        let stickies = d
            .stickies
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), Node::Sticky(i)));
        blocks.chain(zones).chain(stickies).collect()
    } else {
        HashMap::new()
    };
    ids.map(|id| {
        let found = if many {
            index.get(id.as_str()).copied()
        } else {
            let id = id.as_str();
            d.blocks
                .iter()
                .position(|b| b.id == id)
                .map(Node::Block)
                .or_else(|| d.zones.iter().position(|z| z.id == id).map(Node::Zone))
                .or_else(|| d.stickies.iter().position(|s| s.id == id).map(Node::Sticky))
        };
        found.ok_or_else(|| unknown("block, zone or sticky", id))
    })
    .collect()
}

fn position(d: &Design, n: Node) -> (f64, f64) {
    match n {
        Node::Block(i) => d.blocks.get(i).map_or((0.0, 0.0), |b| (b.x, b.y)),
        Node::Zone(i) => d.zones.get(i).map_or((0.0, 0.0), |z| (z.x, z.y)),
        Node::Sticky(i) => d.stickies.get(i).map_or((0.0, 0.0), |s| (s.x, s.y)),
    }
}

fn put_position(d: &mut Design, n: Node, x: f64, y: f64) {
    match n {
        Node::Block(i) => {
            if let Some(b) = d.blocks.get_mut(i) {
                (b.x, b.y) = (x, y);
            }
        }
        Node::Zone(i) => {
            if let Some(z) = d.zones.get_mut(i) {
                (z.x, z.y) = (x, y);
            }
        }
        Node::Sticky(i) => {
            if let Some(s) = d.stickies.get_mut(i) {
                (s.x, s.y) = (x, y);
            }
        }
    }
}

/// Move nodes by a delta; the inverse sets their old positions (exact, unlike
/// moving back by the opposite delta in floating point).
fn move_by(d: &mut Design, ids: &[String], dx: f64, dy: f64) -> Result<Command, EditError> {
    let nodes = find_nodes(d, ids.iter())?;
    let moves: Vec<(String, f64, f64)> = ids
        .iter()
        .zip(&nodes)
        .map(|(id, n)| {
            let (x, y) = position(d, *n);
            (id.clone(), x + dx, y + dy)
        })
        .collect();
    set_positions_at(d, &moves, &nodes)
}

/// Set positions in order; the inverse sets the old ones in reverse order, so a
/// repeated id also comes back exactly.
fn set_positions(d: &mut Design, moves: &[(String, f64, f64)]) -> Result<Command, EditError> {
    let nodes = find_nodes(d, moves.iter().map(|(id, _, _)| id))?;
    set_positions_at(d, moves, &nodes)
}

fn set_positions_at(
    d: &mut Design,
    moves: &[(String, f64, f64)],
    nodes: &[Node],
) -> Result<Command, EditError> {
    let mut old = Vec::with_capacity(moves.len());
    for ((id, x, y), n) in moves.iter().zip(nodes) {
        if !(x.is_finite() && y.is_finite()) {
            return Err(EditError::Refused(format!(
                "cannot move '{id}' to a position that is not a finite number"
            )));
        }
        let (ox, oy) = position(d, *n);
        old.push((id.clone(), ox, oy));
    }
    for ((_, x, y), n) in moves.iter().zip(nodes) {
        put_position(d, *n, *x, *y);
    }
    old.reverse();
    Ok(Command::SetPositions(old))
}

fn remove(d: &mut Design, sel: &Selection, t: &mut Touched) -> Result<Command, EditError> {
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

fn restore(d: &mut Design, r: &Restore, t: &mut Touched) -> Result<Command, EditError> {
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

    let sel = Selection {
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
