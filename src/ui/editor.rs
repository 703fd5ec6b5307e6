//! The editor: the actions that span the kinds of UI state (the document, the
//! session, the chrome), such as adding a block and selecting it, or deleting
//! the selection. Each kind is a context of its own ([`Document`], [`Session`],
//! [`Chrome`], [`Evaluation`]); a component that needs one of them alone takes
//! that one, and takes the `Editor` only for these actions.
//!
//! The view (`view.rs`), adding items (`adding.rs`) and the clipboard
//! (`clipboard.rs`) are `impl Editor` blocks of their own.

mod adding;
mod clipboard;
mod view;

use leptos::prelude::*;

use super::chrome::Chrome;
use super::document::{Document, READ_ONLY_NOTICE};
use super::evaluation::Evaluation;
use super::session::{ItemKind, Selection, Session};
use crate::core::edit::{CoalesceKey, Command, Removal};
use crate::core::geometry::Point;
use crate::core::model::Design;

/// The four kinds of UI state together, for actions that span them.
///
/// That is its whole purpose: the keyboard's dispatchers (`keys.rs`, the
/// actions registry's `run`, a focused canvas item's keys), the gestures that
/// move, connect and drop items, the palette and the list view's add and
/// delete, presentation mode and the library (which replaces the design and
/// its view together) take an `Editor` because what they run reads or writes
/// more than one kind (a refused edit says why in the chrome's notice). A
/// component that only reads one or two kinds takes those kinds' contexts
/// (`use_document`, `use_session`, `use_chrome`, `use_evaluation`) or props.
#[derive(Clone, Copy)]
pub struct Editor {
    pub doc: Document,
    pub session: Session,
    pub chrome: Chrome,
    pub eval: Evaluation,
}

impl Editor {
    /// The UI state of a page opening `design`.
    pub fn new(design: Design) -> Editor {
        let session = Session::new();
        let doc = Document::new(design, session.selection);
        let eval = Evaluation::new(doc.design, session.whatif);
        Editor {
            doc,
            session,
            chrome: Chrome::new(),
            eval,
        }
    }

    /// Make each kind of state a context of its own, and the editor one too.
    pub fn provide(self) {
        provide_context(self.doc);
        provide_context(self.session);
        provide_context(self.chrome);
        provide_context(self.eval);
        provide_context(self);
    }

    // ---- history -------------------------------------------------------------

    /// In a read-only view nothing may change the document: say so and tell the
    /// caller to stop. The one guard every change passes (dispatch, undo/redo,
    /// paste).
    pub fn refuse_read_only(&self) -> bool {
        let refused = self.doc.read_only.get_untracked();
        if refused {
            self.chrome.notice.set(Some(READ_ONLY_NOTICE.into()));
        }
        refused
    }

    /// [`Document::dispatch`] for actions with no place of their own to say why
    /// a command was refused (the canvas, the toolbar): the notice says it.
    /// True when it was applied.
    pub fn dispatch_or_say(&self, cmd: Command, key: Option<CoalesceKey>) -> bool {
        self.doc
            .dispatch(cmd, key)
            .map_err(|e| self.chrome.notice.set(Some(e.to_string())))
            .is_ok()
    }

    pub fn undo(&self) {
        if self.refuse_read_only() {
            return;
        }
        if let Err(e) = self.doc.undo() {
            self.chrome.notice.set(Some(e.to_string()));
        }
    }

    pub fn redo(&self) {
        if self.refuse_read_only() {
            return;
        }
        if let Err(e) = self.doc.redo() {
            self.chrome.notice.set(Some(e.to_string()));
        }
    }

    /// Replace the open document (a file, a link, a template) and show it whole.
    pub fn replace(&self, design: Design) {
        self.doc.replace(design);
        self.fit();
    }

    /// Delete the selection; links of removed blocks go too. One undo step.
    pub fn delete_selection(&self) {
        let sel = self.session.selection.get_untracked();
        if sel.is_empty() {
            return;
        }
        let removal = Removal {
            blocks: sel.blocks.into_iter().collect(),
            links: sel.links.into_iter().collect(),
            zones: sel.zones.into_iter().collect(),
            stickies: sel.stickies.into_iter().collect(),
        };
        self.doc.seal();
        self.dispatch_or_say(Command::Remove(removal), None);
        self.session.selection.set(Selection::default());
    }

    /// Delete key on a focused item: the whole selection when it holds the item,
    /// else the item alone.
    pub fn delete_item(&self, kind: ItemKind, id: &str) {
        if !self
            .session
            .selection
            .with_untracked(|s| s.contains(kind, id))
        {
            self.session.selection.set(Selection::only(kind, id));
        }
        self.delete_selection();
    }

    /// Move the selection by a delta (arrow keys); consecutive nudges are one step.
    pub fn nudge(&self, dx: f64, dy: f64) {
        let ids = self.session.selection.with_untracked(Selection::movable);
        if ids.is_empty() {
            return;
        }
        self.dispatch_or_say(
            Command::Move { ids, dx, dy },
            Some(CoalesceKey::Named("nudge".into())),
        );
    }

    pub fn select_all(&self) {
        self.session
            .selection
            .set(self.doc.design.with_untracked(Selection::all));
    }

    /// Where a block is drawn now: its position plus the drag preview if moving.
    pub fn block_position(&self, id: &str) -> Option<Point> {
        let i = self.doc.block_index.with(|m| m.get(id).copied())?;
        let p = self
            .doc
            .design
            .with(|d| d.blocks.get(i).map(|b| Point::new(b.x, b.y)))?;
        Some(self.session.preview_offset(id, p))
    }
}

/// The editor of the page, provided by `App`.
pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}
