//! Storing: the queue of versions to write (one at a time, each a
//! compare-and-swap on the version it was made from), the journal written
//! while a page closes and its folding back, the old slots' migration, reading
//! and listing. What happens when storage fails is in `failures.rs`.

use std::rc::Rc;

use leptos::prelude::*;

use super::{Library, JOURNAL, LAST_DOC, OLD_SLOTS};
use crate::core::format;
use crate::core::library::{self as lib, Fold, Journal, Record, Summary};
use crate::ui::browser::{self, DbError, DesignsDb, Put};

/// A version of a document captured for storing.
#[derive(Clone, Debug)]
pub struct Pending {
    pub id: String,
    pub(super) title: String,
    pub(super) updated: f64,
    pub(super) text: String,
    pub(super) view: String,
    /// The open document's edit count it covers (meaningless once left).
    pub(super) edits: u64,
}

/// What a tab tells the others after storing: `{"doc", "rev", "tab"}`.
fn news(doc: &str, rev: u64, tab: &str) -> String {
    serde_json::json!({ "doc": doc, "rev": rev, "tab": tab }).to_string()
}

pub fn parse_news(text: &str) -> Option<(String, u64, String)> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    Some((
        v.get("doc")?.as_str()?.to_string(),
        v.get("rev")?.as_u64()?,
        v.get("tab")?.as_str()?.to_string(),
    ))
}

impl Library {
    pub(super) fn database(&self) -> Option<Rc<DesignsDb>> {
        self.db.get_value()
    }

    /// Capture the open document now and store it (after any store already
    /// under way).
    pub(super) fn save_now(self) {
        if let Some(pending) = self.capture() {
            self.enqueue(pending);
        }
    }

    /// The open document as it is now (one `format::save`); nothing for a
    /// read-only design.
    pub(super) fn capture(&self) -> Option<Pending> {
        let id = self.doc.get_value()?;
        if self.ed.doc.read_only.get_untracked() {
            return None;
        }
        let (title, text) = self
            .ed
            .doc
            .design
            .with_untracked(|d| (d.title.clone(), format::save(d)));
        Some(Pending {
            id,
            title,
            updated: self.updated.get_value(),
            text,
            view: self.view_now(),
            edits: self.edits.get_value(),
        })
    }

    /// Store a captured version after any store already under way.
    pub(super) fn enqueue(self, pending: Pending) {
        self.save_timer.cancel();
        let id = pending.id.clone();
        self.enqueued.set_value(pending.edits);
        // A newer version of the same document replaces one still waiting.
        self.queue.update_value(|q| {
            q.retain(|p| p.id != id);
            q.push(pending);
        });
        let _ = browser::store(LAST_DOC, &id);
        if !self.saving.get_value() {
            self.saving.set_value(true);
            leptos::task::spawn_local(self.drain());
        }
    }

    pub(super) async fn drain(self) {
        loop {
            let next = self
                .queue
                .try_update_value(|q| (!q.is_empty()).then(|| q.remove(0)))
                .flatten();
            let Some(p) = next else { break };
            self.write(p).await;
        }
        self.saving.set_value(false);
    }

    /// Store one captured version.
    async fn write(self, p: Pending) {
        let base = self
            .bases
            .with_value(|b| b.get(&p.id).copied())
            .unwrap_or(0);
        let mut record = Record::new(&p.id, base + 1, &p.title, p.updated, p.text, p.view);
        let Some(db) = self.database() else {
            self.keep_in_memory(record, base);
            return;
        };
        match db
            .put_if(&mut record, |stored| lib::write(base, stored))
            .await
        {
            Ok(Put::Written) => {
                let rev = record.summary.rev;
                self.memory.update_value(|m| drop(m.remove(&p.id)));
                self.set_base(&p.id, rev);
                // A journal of this tab's is older than what was just stored,
                // unless the page is closing (then it was written for this).
                if !self.closing.get_value() {
                    browser::unstore(&self.journal_key(&p.id));
                }
                let open = self.doc.with_value(|d| d.as_deref() == Some(p.id.as_str()));
                if open && self.edits.get_value() == p.edits {
                    self.clean.set_value(p.edits);
                }
                self.tell_tabs(&p.id, rev);
                self.recovered();
            }
            Ok(Put::Conflict) => {
                let open = self.doc.with_value(|d| d.as_deref() == Some(p.id.as_str()));
                if open {
                    self.conflict.set(true);
                } else {
                    // A design this tab has left: keep its version as a copy.
                    let copy = lib::doc_id(browser::random_u64());
                    record.summary.id = copy;
                    record.summary.rev = 1;
                    record.summary.title = lib::copy_title(&p.title, "my copy");
                    let _ = db.put(&record).await;
                }
            }
            Err(e) => {
                self.keep_in_memory(record, base);
                self.failed(e);
            }
        }
    }

    fn tell_tabs(&self, doc: &str, rev: u64) {
        self.changed.update(|n| *n += 1);
        if let Some(c) = self.channel.get_value() {
            c.send(&news(doc, rev, &self.tab.get_value()));
        }
    }

    /// Keep a version storage would not take: this session lists and reopens
    /// it; the journal keeps it across a reload when `localStorage` works.
    fn keep_in_memory(&self, record: Record, base: u64) {
        let journal = Journal {
            id: record.summary.id.clone(),
            base,
            title: record.summary.title.clone(),
            updated: record.summary.updated,
            text: record.text.clone(),
            view: record.view.clone(),
        };
        let _ = browser::store(&self.journal_key(&journal.id), &journal.to_json());
        self.memory
            .update_value(|m| drop(m.insert(record.summary.id.clone(), record)));
        self.failing.set_value(true);
        self.changed.update(|n| *n += 1);
        self.retry_later();
    }

    fn journal_key(&self, doc: &str) -> String {
        format!("{JOURNAL}{doc}.{}", self.tab.get_value())
    }

    /// The page is closing: write `p`, the open document, synchronously,
    /// where the next start finds it whatever became of the last IndexedDB write.
    pub(super) fn write_journal(&self, p: &Pending) {
        let journal = Journal {
            base: self.base(),
            id: p.id.clone(),
            title: p.title.clone(),
            updated: p.updated,
            text: p.text.clone(),
            view: p.view.clone(),
        };
        let _ = browser::store(&self.journal_key(&p.id), &journal.to_json());
    }

    /// Move every journal into the library (see `core::library::fold`). Without
    /// IndexedDB they are read into memory and stay where they are.
    pub(super) async fn fold_journals(self) {
        for key in browser::stored_keys(JOURNAL) {
            let Some(text) = browser::stored(&key) else {
                continue;
            };
            let Some(j) = Journal::from_json(&text) else {
                browser::unstore(&key);
                self.ed.chrome.notice.set(Some(
                    "A damaged unsaved copy was found in this browser and skipped.".into(),
                ));
                continue;
            };
            let Some(db) = self.database() else {
                let record = j.record(&j.id, j.base + 1, &j.title);
                self.set_base(&j.id, j.base);
                self.memory
                    .update_value(|m| drop(m.insert(j.id.clone(), record)));
                continue;
            };
            let stored = match db.get(&j.id).await {
                Ok(s) => s.map(|r| match r {
                    Ok(r) => (r.summary.rev, r.text == j.text),
                    // A damaged stored version is newer than nothing: keep both.
                    Err(_) => (u64::MAX, false),
                }),
                Err(_) => continue,
            };
            let written = match lib::fold(&j, stored) {
                Fold::As(rev) => db.put(&j.record(&j.id, rev, &j.title)).await.is_ok(),
                Fold::Stored => true,
                Fold::Copy => {
                    // Spec choice: titled "… (unsaved edits)", beside the
                    // version the other tab stored.
                    let copy = lib::doc_id(browser::random_u64());
                    let title = lib::copy_title(&j.title, "unsaved edits");
                    db.put(&j.record(&copy, 1, &title)).await.is_ok()
                }
            };
            if written {
                browser::unstore(&key);
                self.changed.update(|n| *n += 1);
            }
        }
    }

    /// Move the design and previous design kept before the library into it,
    /// each as a design of its own; the old slots go only once both are stored.
    /// Returns the id of the design that was open.
    pub(super) async fn migrate_old_slots(self) -> Option<String> {
        let db = self.database()?;
        let now = browser::now_ms();
        let mut ids = Vec::new();
        for (i, (slot, view_slot)) in OLD_SLOTS.iter().enumerate() {
            let Some(text) = browser::stored(slot) else {
                ids.push(None);
                continue;
            };
            let view = browser::stored(view_slot).unwrap_or_default();
            let id = lib::doc_id(browser::random_u64());
            // Kept whole even when it does not load: opening it will say why.
            let title = lib::title_of(&text);
            // The previous design is older than the open one.
            let updated = now - i as f64;
            let record = Record::new(&id, 1, &title, updated, text, view);
            if db.put(&record).await.is_err() {
                return None;
            }
            ids.push(Some(id));
        }
        for (slot, view_slot) in OLD_SLOTS {
            browser::unstore(slot);
            browser::unstore(view_slot);
        }
        if let Some(Some(previous)) = ids.get(1) {
            self.set_previous(previous);
        }
        ids.into_iter().next().flatten()
    }

    /// The newest version of `id`: one waiting to be stored, or this
    /// session's unstored one, else the library's.
    pub(super) async fn read(&self, id: &str) -> Option<Result<Record, String>> {
        let waiting = self.queue.with_value(|q| {
            q.iter().find(|p| p.id == id).map(|p| {
                let base = self.bases.with_value(|b| b.get(id).copied()).unwrap_or(0);
                Record::new(
                    id,
                    base,
                    &p.title,
                    p.updated,
                    p.text.clone(),
                    p.view.clone(),
                )
            })
        });
        if let Some(r) = waiting.or_else(|| self.memory.with_value(|m| m.get(id).cloned())) {
            return Some(Ok(r));
        }
        self.read_stored(id).await
    }

    /// The version of `id` in the library itself (another tab's, perhaps).
    pub(super) async fn read_stored(&self, id: &str) -> Option<Result<Record, String>> {
        match self.database()?.get(id).await {
            Ok(r) => r,
            Err(_) => Some(Err("the browser's storage could not be read".into())),
        }
    }

    /// Every design kept, newest first, and how many entries were damaged.
    pub async fn list(self) -> (Vec<Summary>, usize) {
        self.fold_journals().await;
        let (mut list, damaged) = match self.database() {
            Some(db) => db.list().await.unwrap_or_default(),
            None => (Vec::new(), 0),
        };
        self.memory.with_value(|m| {
            for r in m.values() {
                list.retain(|s| s.id != r.summary.id);
                list.push(r.summary.clone());
            }
        });
        (list, damaged)
    }

    /// Store a copy of `id` as a new design; its id.
    pub async fn duplicate(self, id: &str) -> Result<String, String> {
        let record = match self.read(id).await {
            Some(Ok(r)) => r,
            Some(Err(why)) => return Err(why),
            None => return Err("it is no longer in the library".into()),
        };
        let copy = lib::doc_id(browser::random_u64());
        let title = lib::copy_title(&record.summary.title, "copy");
        let record = Record::new(
            &copy,
            1,
            &title,
            browser::now_ms(),
            record.text,
            record.view,
        );
        self.put_record(record).await?;
        Ok(copy)
    }

    /// Remove `id` from the library; what was removed, for an undo.
    pub async fn delete(self, id: &str) -> Result<Record, String> {
        let record = match self.read(id).await {
            Some(Ok(r)) => r,
            Some(Err(_)) | None => Record::new(id, 0, "", 0.0, String::new(), String::new()),
        };
        self.memory.update_value(|m| drop(m.remove(id)));
        if let Some(db) = self.database() {
            db.delete(id).await.map_err(|e| describe(&e))?;
        }
        self.tell_tabs(id, 0);
        Ok(record)
    }

    /// Put a record back as it was (undoing a delete), or store a new one.
    pub async fn put_record(self, record: Record) -> Result<(), String> {
        match self.database() {
            Some(db) => db.put(&record).await.map_err(|e| describe(&e))?,
            None => self
                .memory
                .update_value(|m| drop(m.insert(record.summary.id.clone(), record.clone()))),
        }
        self.tell_tabs(&record.summary.id, 0);
        Ok(())
    }

    /// The id of the design open in this tab, if it has one.
    pub fn open_id(&self) -> Option<String> {
        self.doc.get_value()
    }
}

fn describe(e: &DbError) -> String {
    match e {
        DbError::Full => "the browser's storage is full".into(),
        DbError::Failed(why) => why.clone(),
    }
}
