//! The document: the open design and its undo history, and what is derived
//! from the design alone (block index, link lanes).
//!
//! Every change to the design goes through [`Document::dispatch`], which applies
//! a core `Command` through the `History` (so it can be undone). Components read
//! the signals and call the actions here; they never write the design themselves.

use std::collections::HashMap;

use leptos::prelude::*;

use super::session::Selection;
use crate::core::edit::{CoalesceKey, Command, EditError, History};
use crate::core::geometry;
use crate::core::model::Design;

#[derive(Clone, Copy)]
pub struct Document {
    pub design: RwSignal<Design>,
    history: StoredValue<History>,
    /// Bumped whenever the history changes, so undo/redo controls update.
    history_rev: RwSignal<u64>,
    /// Opened from a `&view` link: the document cannot be edited until the user
    /// chooses "Edit a copy". Pan, zoom and what-if still work.
    pub read_only: RwSignal<bool>,
    /// Bumped by [`Document::replace`]: a new document (file, link, template, new
    /// design) took the place of the open one. Autosave watches it.
    pub doc_rev: RwSignal<u64>,
    /// Block id → position in `design.blocks`, derived once per change.
    pub block_index: Memo<HashMap<String, usize>>,
    /// Link id → (lane, lanes): links joining the same two blocks fan out.
    pub link_lanes: Memo<HashMap<String, (usize, usize)>>,
    /// The session's selection: an edit that removes selected items drops them
    /// from it, and a new document clears it (in the same step as the change).
    selection: RwSignal<Selection>,
}

/// What a refused edit in a read-only view says.
pub const READ_ONLY_NOTICE: &str =
    "This is a read-only view: choose \"Edit a copy\" to change the design.";

impl Document {
    /// The document of `design`; `selection` is the session's, kept to what exists.
    pub fn new(design: Design, selection: RwSignal<Selection>) -> Document {
        let history = StoredValue::new(History::new(&design));
        let design = RwSignal::new(design);
        let block_index = Memo::new(move |_| {
            design.with(|d| {
                d.blocks
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (b.id.clone(), i))
                    .collect()
            })
        });
        let link_lanes = Memo::new(move |_| design.with(geometry::link_lanes));
        Document {
            design,
            link_lanes,
            history,
            history_rev: RwSignal::new(0),
            read_only: RwSignal::new(false),
            doc_rev: RwSignal::new(0),
            block_index,
            selection,
        }
    }

    /// Apply a command as an undo step (joined to the open step when `key`
    /// matches). A refused command changes nothing; the caller says why where
    /// it belongs (beside a field), or calls `Editor::dispatch_or_say`.
    pub fn dispatch(&self, cmd: Command, key: Option<CoalesceKey>) -> Result<(), EditError> {
        if self.read_only.get_untracked() {
            return Err(EditError::Refused(READ_ONLY_NOTICE.into()));
        }
        let mut outcome = Ok(());
        self.history.update_value(|h| {
            self.design.maybe_update(|d| {
                outcome = h.dispatch(d, cmd, key);
                outcome.is_ok()
            })
        });
        self.after_change();
        outcome
    }

    /// Apply `change` to the design through the history (a paste), as
    /// [`Document::dispatch`] does: the design's readers hear of it when
    /// `change` returns `Ok`. The caller checks `read_only` first.
    pub(crate) fn apply<T>(
        &self,
        change: impl FnOnce(&mut History, &mut Design) -> Result<T, EditError>,
    ) -> Result<T, EditError> {
        let mut outcome = None;
        self.history.update_value(|h| {
            self.design.maybe_update(|d| {
                let o = change(h, d);
                let changed = o.is_ok();
                outcome = Some(o);
                changed
            })
        });
        self.after_change();
        outcome.expect("maybe_update runs its closure")
    }

    /// End the open coalescing run (a field lost focus, a gesture ended).
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    /// Undo the last step (refused in a read-only view).
    pub fn undo(&self) -> Result<(), EditError> {
        self.step(true)
    }

    /// Redo the step undone last (refused in a read-only view).
    pub fn redo(&self) -> Result<(), EditError> {
        self.step(false)
    }

    fn step(&self, back: bool) -> Result<(), EditError> {
        if self.read_only.get_untracked() {
            return Err(EditError::Refused(READ_ONLY_NOTICE.into()));
        }
        let mut outcome = Ok(false);
        self.history.update_value(|h| {
            self.design.maybe_update(|d| {
                outcome = if back { h.undo(d) } else { h.redo(d) };
                matches!(outcome, Ok(true))
            })
        });
        self.after_change();
        outcome.map(|_| ())
    }

    fn after_change(&self) {
        self.history_rev.update(|r| *r += 1);
        let design = self.design;
        // Only tell the selection's readers when something in it went away.
        self.selection.maybe_update(|s| {
            let before = s.len();
            design.with_untracked(|d| s.retain_existing(d));
            s.len() != before
        });
    }

    pub fn can_undo(&self) -> bool {
        self.history_rev.track();
        self.history.with_value(History::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.history_rev.track();
        self.history.with_value(History::can_redo)
    }

    /// Replace the open document (a file, a link, a template): a fresh history,
    /// editable (a `&view` link sets `read_only` again after this), nothing
    /// selected.
    pub fn replace(&self, design: Design) {
        self.read_only.set(false);
        self.history.set_value(History::new(&design));
        self.design.set(design);
        self.selection.set(Selection::default());
        self.history_rev.update(|r| *r += 1);
        self.doc_rev.update(|r| *r += 1);
    }

    /// A fresh id for a new item, from the history's counters.
    pub fn fresh(&self, make: impl FnOnce(&mut History, &Design) -> String) -> String {
        let mut id = String::new();
        self.history
            .update_value(|h| self.design.with_untracked(|d| id = make(h, d)));
        id
    }
}

/// The document of the page, provided by `App`.
pub fn use_document() -> Document {
    expect_context::<Document>()
}
