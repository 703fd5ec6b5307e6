//! The editor: the open document, its history, and the session around it.
//!
//! Every change to the document goes through [`Editor::dispatch`], which applies a
//! core `Command` through the `History` (so it can be undone). Components read the
//! signals and call the actions here; they never write the design themselves.
//! The view (`view.rs`), adding items (`adding.rs`) and the clipboard
//! (`clipboard.rs`) are `impl Editor` blocks of their own.

mod adding;
mod clipboard;
mod view;

use std::collections::HashMap;

use leptos::prelude::*;

use super::debounce::Debounce;
use super::session::{Gesture, ItemKind, Menu, Motion, Selection, WhatIf};
use crate::core::edit::{CoalesceKey, Command, EditError, History, Removal};
use crate::core::eval::{evaluate, EvalOptions};
use crate::core::geometry::{self, Point, Viewport};
use crate::core::model::Design;
use crate::core::report::Report;

#[derive(Clone, Copy)]
pub struct Editor {
    pub design: RwSignal<Design>,
    history: StoredValue<History>,
    /// Bumped whenever the history changes, so undo/redo controls update.
    history_rev: RwSignal<u64>,
    pub selection: RwSignal<Selection>,
    pub viewport: RwSignal<Viewport>,
    pub gesture: RwSignal<Option<Gesture>>,
    /// The moving part of the gesture (offset, pointer); read only by what moves.
    pub motion: RwSignal<Motion>,
    /// The canvas's context menu, when open.
    pub menu: RwSignal<Option<Menu>>,
    /// While connecting: the block under the pointer that would be the callee.
    pub connect_over: RwSignal<Option<String>>,
    pub snap: RwSignal<bool>,
    /// Set to ask the inspector to take keyboard focus (Enter on a block).
    pub focus_inspector: RwSignal<bool>,
    /// Space is held: any drag pans.
    pub space_held: RwSignal<bool>,
    /// Opened from a `&view` link: the document cannot be edited until the user
    /// chooses "Edit a copy". Pan, zoom and what-if still work.
    pub read_only: RwSignal<bool>,
    /// Presentation mode: full-screen canvas and results, editing chrome hidden.
    pub presenting: RwSignal<bool>,
    /// Bumped by [`Editor::replace`]: a new document (file, link, template, new
    /// design) took the place of the open one. Autosave watches it.
    pub doc_rev: RwSignal<u64>,
    /// In presentation mode: the position of the finding on show, in the
    /// report's order of findings.
    pub present_at: RwSignal<usize>,
    /// The last thing the editor could not do, said to the user.
    pub notice: RwSignal<Option<String>>,
    /// The notice that comes with a "Save as file" button (a share link too long
    /// for some chat tools): shown while that notice is the one on screen.
    pub notice_offers_save: RwSignal<Option<String>>,
    /// The canvas's size on screen, for "add at the centre" and "fit". Set
    /// through [`Editor::set_canvas_size`].
    pub canvas_size: RwSignal<(f64, f64)>,
    /// The canvas has measured itself: until then `canvas_size` is a guess, and
    /// the canvas draws nothing (a frame drawn for a guess would never be seen).
    pub canvas_measured: RwSignal<bool>,
    /// A design opened before the first measure waits to be fitted to it.
    fit_on_measure: StoredValue<bool>,
    /// Block id → position in `design.blocks`, derived once per change.
    pub block_index: Memo<HashMap<String, usize>>,
    /// Link id → (lane, lanes): links joining the same two blocks fan out.
    pub link_lanes: Memo<HashMap<String, (usize, usize)>>,
    /// The what-if scenario: traffic multiplier and failed components. Part of
    /// the view, not of the document.
    pub whatif: RwSignal<WhatIf>,
    /// The design and scenario the report was last computed for. Edits land here
    /// after a short pause, so a burst of edits costs one evaluation.
    settled: RwSignal<Settled>,
    /// An edit is waiting to be evaluated: the results panel shows "updating".
    pub pending: RwSignal<bool>,
    /// The evaluation report of what is on screen, derived from `settled`.
    pub report: Memo<Report>,
    next_gesture: StoredValue<u64>,
    /// Where the last paste landed, so repeated pastes step down-right.
    paste_offset: StoredValue<f64>,
    /// Evaluates once edits pause; only the latest scheduled run happens.
    settle_timer: Debounce,
}

/// What a refused edit in a read-only view says.
pub const READ_ONLY_NOTICE: &str =
    "This is a read-only view: choose \"Edit a copy\" to change the design.";

/// How long edits must pause before the report is recomputed, in ms.
const SETTLE_MS: u32 = 40;

/// What the report was computed from.
#[derive(Clone, Debug, PartialEq)]
struct Settled {
    design: Design,
    options: EvalOptions,
}

impl Editor {
    pub fn new(design: Design) -> Editor {
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
        let whatif = RwSignal::new(WhatIf::default());
        let settled = RwSignal::new(Settled {
            design: design.get_untracked(),
            options: EvalOptions::default(),
        });
        let report = Memo::new(move |_| settled.with(|s| evaluate(&s.design, &s.options)));
        Editor {
            design,
            link_lanes,
            history,
            history_rev: RwSignal::new(0),
            selection: RwSignal::new(Selection::default()),
            viewport: RwSignal::new(Viewport::default()),
            gesture: RwSignal::new(None),
            motion: RwSignal::new(Motion::default()),
            connect_over: RwSignal::new(None),
            menu: RwSignal::new(None),
            snap: RwSignal::new(false),
            space_held: RwSignal::new(false),
            focus_inspector: RwSignal::new(false),
            read_only: RwSignal::new(false),
            presenting: RwSignal::new(false),
            doc_rev: RwSignal::new(0),
            present_at: RwSignal::new(0),
            notice: RwSignal::new(None),
            notice_offers_save: RwSignal::new(None),
            canvas_size: RwSignal::new((1000.0, 700.0)),
            canvas_measured: RwSignal::new(false),
            fit_on_measure: StoredValue::new(false),
            block_index,
            whatif,
            settled,
            pending: RwSignal::new(false),
            report,
            next_gesture: StoredValue::new(1),
            paste_offset: StoredValue::new(0.0),
            settle_timer: Debounce::new(SETTLE_MS),
        }
    }

    // ---- evaluation ------------------------------------------------------------

    /// Re-evaluate after edits settle: call once from `App`. Each change to the
    /// design or the scenario restarts a short timer; when it fires, the report
    /// memo sees one new (design, scenario) pair.
    pub fn evaluate_on_change(&self) {
        let ed = *self;
        Effect::new(move |first: Option<()>| {
            ed.design.track();
            ed.whatif.track();
            ed.pending.set(true);
            // A later edit drops this evaluation and schedules its own. The first
            // run (after the page's first turn, so a design opened by a link is
            // included) waits for a frame too: the design is drawn first, and a
            // large one is not held up by its evaluation.
            let settle = move || ed.settle();
            if first.is_none() {
                ed.settle_timer.call_after_frame(settle);
            } else {
                ed.settle_timer.call(settle);
            }
        });
    }

    /// Evaluate what is on screen now.
    pub fn settle(&self) {
        let options = self.whatif.with_untracked(WhatIf::options);
        let design = self.design.get_untracked();
        self.settled.set(Settled { design, options });
        self.pending.set(false);
    }

    // ---- history -------------------------------------------------------------

    /// In a read-only view nothing may change the document: say so and tell the
    /// caller to stop. The one guard every change passes (dispatch, undo/redo,
    /// paste).
    pub fn refuse_read_only(&self) -> bool {
        let refused = self.read_only.get_untracked();
        if refused {
            self.notice.set(Some(READ_ONLY_NOTICE.into()));
        }
        refused
    }

    /// Apply a command as an undo step (joined to the open step when `key`
    /// matches). A refused command changes nothing; the caller says why where
    /// it belongs (beside a field), or calls [`Editor::dispatch_or_say`].
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

    /// [`Editor::dispatch`] for actions with no place of their own to say why
    /// a command was refused (the canvas, the toolbar): the notice says it.
    /// True when it was applied.
    pub fn dispatch_or_say(&self, cmd: Command, key: Option<CoalesceKey>) -> bool {
        self.dispatch(cmd, key)
            .map_err(|e| self.notice.set(Some(e.to_string())))
            .is_ok()
    }

    /// End the open coalescing run (a field lost focus, a gesture ended).
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        if self.refuse_read_only() {
            return;
        }
        let mut outcome = Ok(false);
        self.history.update_value(|h| {
            self.design.maybe_update(|d| {
                outcome = if back { h.undo(d) } else { h.redo(d) };
                matches!(outcome, Ok(true))
            })
        });
        if let Err(e) = outcome {
            self.notice.set(Some(e.to_string()));
        }
        self.after_change();
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
    /// editable (a `&view` link sets `read_only` again after this).
    pub fn replace(&self, design: Design) {
        self.read_only.set(false);
        self.history.set_value(History::new(&design));
        self.design.set(design);
        self.selection.set(Selection::default());
        self.history_rev.update(|r| *r += 1);
        self.doc_rev.update(|r| *r += 1);
        self.fit();
    }

    pub fn new_gesture_key(&self) -> CoalesceKey {
        let mut n = 0;
        self.next_gesture.update_value(|g| {
            n = *g;
            *g += 1;
        });
        CoalesceKey::Gesture(n)
    }

    /// Delete the selection; links of removed blocks go too. One undo step.
    pub fn delete_selection(&self) {
        let sel = self.selection.get_untracked();
        if sel.is_empty() {
            return;
        }
        let removal = Removal {
            blocks: sel.blocks.into_iter().collect(),
            links: sel.links.into_iter().collect(),
            zones: sel.zones.into_iter().collect(),
            stickies: sel.stickies.into_iter().collect(),
        };
        self.seal();
        self.dispatch_or_say(Command::Remove(removal), None);
        self.selection.set(Selection::default());
    }

    /// Delete key on a focused item: the whole selection when it holds the item,
    /// else the item alone.
    pub fn delete_item(&self, kind: ItemKind, id: &str) {
        if !self.selection.with_untracked(|s| s.contains(kind, id)) {
            self.selection.set(Selection::only(kind, id));
        }
        self.delete_selection();
    }

    /// Move the selection by a delta (arrow keys); consecutive nudges are one step.
    pub fn nudge(&self, dx: f64, dy: f64) {
        let ids = self.selection.with_untracked(Selection::movable);
        if ids.is_empty() {
            return;
        }
        self.dispatch_or_say(
            Command::Move { ids, dx, dy },
            Some(CoalesceKey::Named("nudge".into())),
        );
    }

    pub fn select_all(&self) {
        self.selection
            .set(self.design.with_untracked(Selection::all));
    }

    pub fn clear_selection(&self) {
        self.selection.set(Selection::default());
    }

    /// Where a block is drawn now: its position plus the drag preview if moving.
    pub fn block_position(&self, id: &str) -> Option<Point> {
        let i = self.block_index.with(|m| m.get(id).copied())?;
        let p = self
            .design
            .with(|d| d.blocks.get(i).map(|b| Point::new(b.x, b.y)))?;
        Some(self.preview_offset(id, p))
    }

    /// `p` shifted by the move in progress when `id` is being dragged.
    pub fn preview_offset(&self, id: &str, p: Point) -> Point {
        let moving = self
            .gesture
            .with(|g| matches!(g, Some(Gesture::Move { ids, .. }) if ids.contains(id)));
        if moving {
            // Only moving items subscribe to the per-move offset.
            let m = self.motion.get();
            Point::new(p.x + m.dx, p.y + m.dy)
        } else {
            p
        }
    }
}

/// The editor of the page, provided by `App`.
pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}
