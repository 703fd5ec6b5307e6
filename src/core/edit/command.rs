//! Every document change, as a value that applies in one place and returns its
//! exact inverse: the refusals (`error.rs`), the checks afterwards (`touched.rs`),
//! moving (`positions.rs`), removing and restoring (`removal.rs`).

mod error;
mod positions;
mod removal;
mod touched;

use super::field::{
    set_block_field, set_link_field, set_zone_field, BlockField, FieldValue, LinkField, ZoneField,
};
use crate::core::model::{Acceptance, Block, Design, Link, Scenario, Sticky, Targets, Zone};

pub use error::EditError;
use positions::{move_by, set_positions};
use removal::{remove, restore};
pub use removal::{Removal, Restore};
use touched::{check_touched, Touched};

/// A zone's rectangle: top-left corner and size (the geometry's own type).
pub use crate::core::geometry::Rect;

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
    Remove(Removal),
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
    /// Replace the saved scenarios (save, rename, edit, reorder, delete).
    SetScenarios(Vec<Scenario>),
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

impl Command {
    /// Remove blocks and every link that touches them.
    pub fn remove_blocks(ids: Vec<String>) -> Command {
        Command::Remove(Removal {
            blocks: ids,
            ..Removal::default()
        })
    }

    pub fn remove_link(id: impl Into<String>) -> Command {
        Command::Remove(Removal {
            links: vec![id.into()],
            ..Removal::default()
        })
    }

    pub fn remove_zone(id: impl Into<String>) -> Command {
        Command::Remove(Removal {
            zones: vec![id.into()],
            ..Removal::default()
        })
    }

    pub fn remove_sticky(id: impl Into<String>) -> Command {
        Command::Remove(Removal {
            stickies: vec![id.into()],
            ..Removal::default()
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
            Command::SetScenarios(list) => {
                t.meta = true;
                t.full = true;
                Ok(Command::SetScenarios(std::mem::replace(
                    &mut d.scenarios,
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
                    scenarios: None,
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
