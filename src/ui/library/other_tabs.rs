//! The other tabs: hearing of their versions, the version this tab's edits are based on, and the two-tab choice (take theirs, keep mine as a copy).

use leptos::prelude::*;

use super::{saving, Library, TAB_DOC};
use crate::core::edit::Command;
use crate::core::format;
use crate::core::library::{self as lib, Heard};
use crate::ui::browser;

impl Library {
    /// Another tab stored a version of some design, or changed the list.
    pub(super) fn heard(self, text: &str) {
        self.changed.update(|n| *n += 1);
        let Some((doc, rev, tab)) = saving::parse_news(text) else {
            return;
        };
        if tab == self.tab.get_value() || self.doc.get_value().as_deref() != Some(doc.as_str()) {
            return;
        }
        let base = self.base();
        let busy = self.dirty() || self.saving.get_value();
        match lib::heard(base, busy, rev) {
            Heard::Ignore => {}
            Heard::TakeTheirs => leptos::task::spawn_local(async move {
                self.take_theirs_now(false).await;
            }),
            Heard::Ask => self.conflict.set(true),
        }
    }

    pub(super) fn set_base(&self, id: &str, rev: u64) {
        self.bases.update_value(|b| {
            b.insert(id.to_string(), rev);
        });
    }

    pub(super) fn base(&self) -> u64 {
        let id = self.doc.get_value().unwrap_or_default();
        self.bases.with_value(|b| b.get(&id).copied()).unwrap_or(0)
    }

    /// "Take theirs": show the newest stored version; this tab's edits go.
    pub fn take_theirs(self) {
        leptos::task::spawn_local(async move {
            self.take_theirs_now(true).await;
        });
    }

    async fn take_theirs_now(self, chosen: bool) {
        let Some(id) = self.doc.get_value() else {
            return;
        };
        // The other tab's version, never this tab's own waiting one.
        let Some(Ok(record)) = self.read_stored(&id).await else {
            return;
        };
        let Ok(design) = format::load(&record.text) else {
            return;
        };
        // The pending store of the edits given up must not run.
        self.save_timer.cancel();
        self.queue.update_value(|q| q.retain(|p| p.id != id));
        let view = (
            self.ed.session.viewport.get_untracked(),
            self.ed.session.selection.get_untracked(),
        );
        self.ed.replace(design);
        self.ed.session.viewport.set(view.0);
        let mut selection = view.1;
        self.ed
            .doc
            .design
            .with_untracked(|d| selection.retain_existing(d));
        self.ed.session.selection.set(selection);
        self.set_base(&id, record.summary.rev);
        self.clean.set_value(self.edits.get_value());
        self.conflict.set(false);
        self.ed.chrome.notice.set(Some(if chosen {
            "Took the other tab's version of this design.".into()
        } else {
            "Updated with the changes made in another tab.".into()
        }));
    }

    /// "Keep mine as a copy": this tab's version becomes a design of its own,
    /// beside the other tab's.
    ///
    /// Spec choice: the copy is titled "… (my copy)" (an undoable title
    /// change), so the two are told apart in Recent designs.
    pub fn keep_mine_as_copy(&self) {
        // A store of this version under the old id, still waiting, would only
        // conflict again (and be kept as a second copy).
        if let Some(old) = self.doc.get_value() {
            self.queue.update_value(|q| q.retain(|p| p.id != old));
        }
        let id = lib::doc_id(browser::random_u64());
        self.doc.set_value(Some(id.clone()));
        self.set_base(&id, 0);
        browser::tab_store(TAB_DOC, &id);
        self.conflict.set(false);
        let title = self
            .ed
            .doc
            .design
            .with_untracked(|d| lib::copy_title(&d.title, "my copy"));
        // The title is plain text, never refused; a refusal would only keep the old one.
        let _ = self.ed.doc.dispatch(Command::SetTitle(title), None);
        self.edits.update_value(|n| *n += 1);
        self.save_now();
        self.ed.chrome.notice.set(Some(
            "Your version is now a design of its own; the other tab's is kept too.".into(),
        ));
    }
}
