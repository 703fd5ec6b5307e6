//! When storage fails: saying so once, keeping versions in memory, and trying again quietly.

use std::rc::Rc;

use leptos::prelude::*;

use super::saving::Pending;
use super::{Library, RETRY_MS};
use crate::core::library::Record;
use crate::ui::browser::{self, DbError};

impl Library {
    /// Say once, in plain words, that designs are not being stored, offer the
    /// file instead, and try again later.
    pub(super) fn failed(&self, e: DbError) {
        self.failing.set_value(true);
        self.retry_later();
        if self.warned.get_value() {
            return;
        }
        self.warned.set_value(true);
        let why = match e {
            DbError::Full => "the browser's storage for this site is full",
            DbError::Failed(_) => "this browser refuses to store designs here",
        };
        let message = format!(
            "Autosave is off: {why}. Keep working (the design stays open), and use Save to keep it as a file; Envelope will keep trying."
        );
        self.ed.chrome.notice_offers_save.set(Some(message.clone()));
        self.ed.chrome.notice.set(Some(message));
    }

    pub(super) fn recovered(&self) {
        let was_failing = self.failing.get_value() && self.memory.with_value(|m| m.is_empty());
        if was_failing {
            self.failing.set_value(false);
            if self.warned.get_value() {
                self.ed
                    .chrome
                    .notice
                    .set(Some("Autosave works again: every design is stored.".into()));
            }
        }
    }

    pub(super) fn retry_later(&self) {
        if self.retry_set.get_value() {
            return;
        }
        self.retry_set.set_value(true);
        let l = *self;
        browser::after(
            RETRY_MS,
            Box::new(move || {
                l.retry_set.set_value(false);
                leptos::task::spawn_local(l.retry());
            }),
        );
    }

    /// Try again: open the library if it was refused, then store every version
    /// kept in memory, and the open document's latest.
    async fn retry(self) {
        if self.database().is_none() {
            match browser::open_designs_db().await {
                Ok(db) => self.db.set_value(Some(Rc::new(db))),
                Err(_) => return self.retry_later(),
            }
        }
        let kept: Vec<Record> = self.memory.with_value(|m| m.values().cloned().collect());
        self.queue.update_value(|q| {
            for r in kept {
                if !q.iter().any(|p| p.id == r.summary.id) {
                    q.push(Pending {
                        id: r.summary.id,
                        title: r.summary.title,
                        updated: r.summary.updated,
                        text: r.text,
                        view: r.view,
                        // Never marks the open document clean: its own store does.
                        edits: u64::MAX,
                    });
                }
            }
        });
        if self.dirty() {
            self.save_now();
        } else if !self.saving.get_value() {
            self.saving.set_value(true);
            self.drain().await;
        }
    }
}
