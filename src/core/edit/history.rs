//! The undo history of an open design, and the id generator of its session.

use std::collections::{BTreeMap, BTreeSet};

use super::build::{block_prefix, fresh_fragment};
use super::command::{Command, EditError};
use super::field::Field;
use crate::core::model::{Design, IdGen, Kind};

/// Consecutive commands with the same key form one undo step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CoalesceKey {
    /// One pointer gesture (a drag of the selection, a zone resize), numbered by
    /// the UI.
    Gesture(u64),
    /// Typing into one field of one item (block, link or zone id; "" for targets).
    Field { id: String, field: Field },
    /// Anything else the UI wants to name.
    Named(String),
}

/// Undo and redo stacks (unlimited while the page is open) and the session's
/// [`IdGen`], so that an id is never handed out twice, even after an undo.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Inverses of the applied steps, oldest first.
    undo: Vec<Command>,
    /// Commands that redo undone steps, most recently undone last.
    redo: Vec<Command>,
    /// The key of the step on top of `undo` while its run is open.
    open: Option<CoalesceKey>,
    ids: IdGen,
}

impl History {
    /// A fresh history for a design just loaded; new ids start above its ids.
    pub fn new(design: &Design) -> History {
        History {
            ids: IdGen::after(
                design
                    .all_ids()
                    .chain(design.scenarios.iter().map(|s| s.id.as_str())),
            ),
            ..History::default()
        }
    }

    /// Apply `cmd` to `design` as a new undo step, or as part of the open step
    /// when `coalesce` equals its key (the step then undoes to the state before
    /// the run's first command). A refused command changes nothing, history
    /// included. Clears redo.
    pub fn dispatch(
        &mut self,
        design: &mut Design,
        cmd: Command,
        coalesce: Option<CoalesceKey>,
    ) -> Result<(), EditError> {
        let inverse = cmd.apply(design)?;
        self.ids.observe(added_ids(&cmd));
        if is_plain_set(&cmd) && inverse == cmd {
            // Nothing changed: no step, redo kept.
            return Ok(());
        }
        self.redo.clear();
        let joins = coalesce.is_some() && coalesce == self.open;
        match self.undo.pop() {
            Some(first) if joins => self.undo.push(compose(first, inverse)),
            top => {
                self.undo.extend(top);
                self.undo.push(inverse);
            }
        }
        self.open = coalesce;
        Ok(())
    }

    /// End the open coalescing run (pointer up, field blur).
    pub fn seal(&mut self) {
        self.open = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undo the last step. `Ok(false)` when there is none. An error means the
    /// design was changed behind the history's back; the step is kept.
    pub fn undo(&mut self, design: &mut Design) -> Result<bool, EditError> {
        self.open = None;
        let Some(inverse) = self.undo.pop() else {
            return Ok(false);
        };
        match inverse.apply(design) {
            Ok(redo) => {
                self.redo.push(redo);
                Ok(true)
            }
            Err(e) => {
                self.undo.push(inverse);
                Err(e)
            }
        }
    }

    /// Redo the last undone step. `Ok(false)` when there is none.
    pub fn redo(&mut self, design: &mut Design) -> Result<bool, EditError> {
        self.open = None;
        let Some(cmd) = self.redo.pop() else {
            return Ok(false);
        };
        match cmd.apply(design) {
            Ok(inverse) => {
                self.undo.push(inverse);
                Ok(true)
            }
            Err(e) => {
                self.redo.push(cmd);
                Err(e)
            }
        }
    }

    /// Number of steps that can be undone / redone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// A new id `<prefix><n>` unused in `design` and never handed out before.
    pub fn fresh_id(&mut self, design: &Design, prefix: &str) -> String {
        self.ids.fresh(prefix, |id| {
            design.has_node_id(id) || design.link(id).is_some()
        })
    }

    /// A new block id such as "cache7".
    pub fn fresh_block_id(&mut self, design: &Design, kind: Kind) -> String {
        self.fresh_id(design, block_prefix(kind))
    }

    pub fn fresh_link_id(&mut self, design: &Design) -> String {
        self.fresh_id(design, "link")
    }

    pub fn fresh_zone_id(&mut self, design: &Design) -> String {
        self.fresh_id(design, "zone")
    }

    pub fn fresh_sticky_id(&mut self, design: &Design) -> String {
        self.fresh_id(design, "note")
    }

    /// A new scenario id ("scenario4"), unused by any scenario or item and never
    /// handed out before.
    pub fn fresh_scenario_id(&mut self, design: &Design) -> String {
        self.ids.fresh("scenario", |id| {
            design.has_node_id(id)
                || design.link(id).is_some()
                || design.scenarios.iter().any(|s| s.id == id)
        })
    }

    /// Paste `fragment` offset by `(dx, dy)` with fresh ids, as one sealed step.
    /// Returns the map old node id → new node id (to select what was pasted).
    pub fn paste(
        &mut self,
        design: &mut Design,
        fragment: &Design,
        dx: f64,
        dy: f64,
    ) -> Result<BTreeMap<String, String>, EditError> {
        let (fresh, map) = fresh_fragment(fragment, design, &mut self.ids);
        self.seal();
        let cmd = Command::Paste {
            fragment: Box::new(fresh),
            dx,
            dy,
        };
        self.dispatch(design, cmd, None)?;
        Ok(map)
    }
}

/// The inverse of a coalesced run: `first` undoes the run so far, `next` undoes
/// the command just joined (and is applied before `first`).
///
/// Spec choice: the first inverse is kept as it is when the new command changed
/// the same thing (the same field, the same positions); positions of other items
/// are merged in, and anything else is chained, so that a run whose commands
/// touch different things still undoes exactly.
fn compose(first: Command, next: Command) -> Command {
    use Command as C;
    match (first, next) {
        (C::SetPositions(old), C::SetPositions(new)) => {
            let known: BTreeSet<&str> =
                crate::core::sort::set_of(old.iter().map(|(id, _, _)| id.as_str()));
            let mut merged: Vec<(String, f64, f64)> = new
                .iter()
                .filter(|(id, _, _)| !known.contains(id.as_str()))
                .cloned()
                .collect();
            merged.extend(old.iter().cloned());
            C::SetPositions(merged)
        }
        (first, next) if same_target(&first, &next) => first,
        (C::Batch(mut steps), next) => {
            steps.insert(0, next);
            C::Batch(steps)
        }
        (first, next) => C::Batch(vec![next, first]),
    }
}

/// Whether two set commands write exactly the same place.
fn same_target(a: &Command, b: &Command) -> bool {
    use Command as C;
    match (a, b) {
        (
            C::SetBlockField { id, field, .. },
            C::SetBlockField {
                id: i2, field: f2, ..
            },
        ) => id == i2 && field == f2,
        (
            C::SetLinkField { id, field, .. },
            C::SetLinkField {
                id: i2, field: f2, ..
            },
        ) => id == i2 && field == f2,
        (
            C::SetZoneField { id, field, .. },
            C::SetZoneField {
                id: i2, field: f2, ..
            },
        ) => id == i2 && field == f2,
        (C::SetZoneRect { id, .. }, C::SetZoneRect { id: i2, .. }) => id == i2,
        (C::SetStickyText { id, .. }, C::SetStickyText { id: i2, .. }) => id == i2,
        (C::SetTitle(_), C::SetTitle(_))
        | (C::SetNotes(_), C::SetNotes(_))
        | (C::SetTargets(_), C::SetTargets(_))
        | (C::SetAccepted(_), C::SetAccepted(_))
        | (C::SetScenarios(_), C::SetScenarios(_)) => true,
        _ => false,
    }
}

/// A single field set, whose inverse equals it exactly when it changed nothing.
fn is_plain_set(cmd: &Command) -> bool {
    matches!(
        cmd,
        Command::SetBlockField { .. }
            | Command::SetLinkField { .. }
            | Command::SetZoneField { .. }
            | Command::SetZoneRect { .. }
            | Command::SetStickyText { .. }
            | Command::SetTitle(_)
            | Command::SetNotes(_)
            | Command::SetTargets(_)
            | Command::SetAccepted(_)
            | Command::SetScenarios(_)
            | Command::SetPositions(_)
    )
}

/// Ids a command brings into the document, so the generator moves past them.
fn added_ids(cmd: &Command) -> Vec<&str> {
    let mut out = Vec::new();
    collect_added(cmd, &mut out);
    out
}

fn collect_added<'a>(cmd: &'a Command, out: &mut Vec<&'a str>) {
    match cmd {
        Command::AddBlock { block, .. } => out.push(&block.id),
        Command::AddLink { link, .. } => out.push(&link.id),
        Command::AddZone { zone, .. } => out.push(&zone.id),
        Command::AddSticky { sticky, .. } => out.push(&sticky.id),
        Command::Restore(r) => {
            out.extend(r.blocks.iter().map(|(_, b)| b.id.as_str()));
            out.extend(r.links.iter().map(|(_, l)| l.id.as_str()));
            out.extend(r.zones.iter().map(|(_, z)| z.id.as_str()));
            out.extend(r.stickies.iter().map(|(_, s)| s.id.as_str()));
        }
        Command::Paste { fragment, .. } => out.extend(fragment.all_ids()),
        Command::Batch(cs) => cs.iter().for_each(|c| collect_added(c, out)),
        _ => {}
    }
}
