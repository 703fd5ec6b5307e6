//! Opening designs: a new document, a `&view` link's (read-only) design and
//! its editable copy, a stored design (Recent designs, start-up, Restore
//! previous), and keeping the replaced one as the previous design.

use leptos::prelude::*;

use super::{Library, LAST_DOC, PREVIOUS, TAB_DOC, TAB_VIEW};
use crate::core::format::{self, LoadError};
use crate::core::library as lib;
use crate::core::model::Design;
use crate::ui::browser;

impl Library {
    /// Open `design` as a new document (New design, a file, a template): the
    /// open one is stored first and becomes the previous design.
    pub fn open_new(&self, design: Design) {
        self.leave();
        self.ed.replace(design);
        self.begin(true);
    }

    /// Open a `&view` link's design: read-only, never stored.
    pub fn open_view(&self, design: Design) {
        self.leave();
        self.ed.replace(design);
        self.ed.doc.read_only.set(true);
        self.doc.set_value(None);
    }

    /// "Edit a copy" of a read-only design: it becomes a document of its own.
    pub fn edit_a_copy(&self) {
        self.ed.doc.read_only.set(false);
        self.begin(true);
    }

    /// Swap the open design with the previous one (which then becomes the
    /// previous design itself, so neither is lost).
    pub fn restore_previous(self) {
        let Some(id) = self.previous.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if self.open_stored(&id, false).await {
                self.ed
                    .chrome
                    .notice
                    .set(Some("Restored the previous design.".into()));
            }
        });
    }

    /// Open the stored design `id` in this tab (from the Recent designs
    /// dialog). True when it opened.
    pub async fn open(self, id: &str) -> bool {
        if self.doc.with_value(|d| d.as_deref() == Some(id)) {
            return true;
        }
        self.open_stored(id, false).await
    }

    /// Open the stored design `id`; `at_start`: quietly, as this tab's design
    /// when the page opens. A missing or damaged one says why and changes nothing.
    pub(super) async fn open_stored(self, id: &str, at_start: bool) -> bool {
        let record = match self.read(id).await {
            Some(Ok(r)) => r,
            Some(Err(why)) => {
                self.problems.show(
                    "A design in the library could not be opened",
                    None,
                    vec![LoadError::new("", why)],
                );
                return false;
            }
            None => {
                if !at_start {
                    self.ed.chrome.notice.set(Some(
                        "That design is no longer in this browser's library.".into(),
                    ));
                }
                return false;
            }
        };
        let title = lib::shown_title(&record.summary.title).to_string();
        match format::load(&record.text) {
            Ok(design) => {
                if !at_start {
                    self.leave();
                }
                self.ed.replace(design);
                self.doc.set_value(Some(id.to_string()));
                self.set_base(id, record.summary.rev);
                self.clean.set_value(self.edits.get_value());
                self.updated.set_value(record.summary.updated);
                browser::tab_store(TAB_DOC, id);
                let _ = browser::store(LAST_DOC, id);
                let view = browser::tab_stored(&format!("{TAB_VIEW}{id}"));
                self.apply_view(view.or(Some(record.view)));
                true
            }
            Err(errors) => {
                self.problems
                    .show(&format!("“{title}” could not be opened"), None, errors);
                false
            }
        }
    }

    /// The open document is being replaced: store its last edits and keep it
    /// as the previous design.
    pub(super) fn leave(&self) {
        let Some(id) = self.doc.get_value() else {
            return;
        };
        // A first design never changed was never stored: nothing to go back to.
        let stored = self.bases.with_value(|b| b.get(&id).copied()).unwrap_or(0) > 0;
        if self.dirty() {
            self.save_now();
        } else if !stored {
            return;
        }
        self.set_previous(&id);
    }

    pub(super) fn set_previous(&self, id: &str) {
        browser::tab_store(PREVIOUS, id);
        let _ = browser::store(PREVIOUS, id);
        self.previous.set(Some(id.to_string()));
    }
}
