//! The local library: every design this browser has had open, kept in
//! IndexedDB by a stable document id, each tab editing its own document.
//!
//! What it guarantees (README, "Files and autosave"; tested in
//! `tests/e2e/specs/library-*.spec.ts`):
//! - every change to the document is stored within a second of the last one,
//!   and at once when the page is hidden; when it closes or reloads, a journal
//!   written synchronously to `localStorage` keeps what IndexedDB may not finish
//!   writing, and the next start folds it in;
//! - a version is written only over the version it was made from, so tabs
//!   never overwrite each other: a tab that hears of a newer version shows it,
//!   or asks when it has edits of its own;
//! - when storage is full or refused, the app says so once, keeps the design in
//!   memory, offers Save as file, and tries again quietly.
//!
//! The decisions are the core's (`core::library`); this module runs them
//! against the browser (`ui::browser`).

mod failures;
mod opening;
mod other_tabs;
mod saving;
mod view_state;

use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;

use super::browser::{self, Channel, DesignsDb};
use super::debounce::Debounce;
use super::editor::Editor;
use super::load_errors::LoadProblems;
use crate::core::library::{self as lib, Record};

/// How long edits must pause before the design is stored, in ms.
const SAVE_MS: u32 = 1_000;
/// How long view changes must pause before they are kept for the tab, in ms.
///
/// Spec choice: the view and selection are kept per tab and beside each stored
/// version, but a view change is not a change of the design: it makes no new
/// version and never wakes the other tabs.
const VIEW_MS: u32 = 400;
/// How often a failed store is tried again, quietly, in ms.
///
/// Spec choice: every 5 s (the issue says "later"), and at the next change.
const RETRY_MS: u32 = 5_000;

/// `sessionStorage`: this tab's id, the document it edits, the view per document.
const TAB_ID: &str = "envelope.tab";
const TAB_DOC: &str = "envelope.doc";
const TAB_VIEW: &str = "envelope.view.";
/// Both storages: the design replaced last (per tab, and the newest of all tabs
/// for a new tab); `localStorage`: the document changed last.
const PREVIOUS: &str = "envelope.previous-doc";
const LAST_DOC: &str = "envelope.last-doc";
/// `localStorage`: journals (`envelope.journal.<doc>.<tab>`).
const JOURNAL: &str = "envelope.journal.";
/// `localStorage`: the one design and previous design kept before the library.
const OLD_SLOTS: [(&str, &str); 2] = [
    ("envelope.design", "envelope.design.view"),
    ("envelope.previous", "envelope.previous.view"),
];
/// The channel between this site's tabs.
const CHANNEL: &str = "envelope.library";

#[derive(Clone, Copy)]
pub struct Library {
    ed: Editor,
    problems: LoadProblems,
    tab: StoredValue<String>,
    /// The document open in this tab; `None` for a read-only (`&view`) design.
    doc: StoredValue<Option<String>>,
    /// Per document this tab has had open: the stored version its design is
    /// based on (0: never stored).
    bases: StoredValue<HashMap<String, u64>>,
    /// Changes made to the open document, counted; `clean` is the count the
    /// last finished store covered. Edits are unsaved while they differ.
    edits: StoredValue<u64>,
    clean: StoredValue<u64>,
    /// When the open document last changed (ms).
    updated: StoredValue<f64>,
    /// Stores waiting to run, one at a time (each is based on the one before).
    queue: StoredValue<Vec<saving::Pending>>,
    saving: StoredValue<bool>,
    /// Stores the open document once changes pause.
    save_timer: Debounce,
    /// Keeps the view for the tab once view changes pause.
    view_timer: Debounce,
    /// `Editor::doc_rev` when last seen: a replaced document is not an edit.
    seen_rev: StoredValue<u64>,
    db: StoredValue<Option<Rc<DesignsDb>>, LocalStorage>,
    channel: StoredValue<Option<Rc<Channel>>, LocalStorage>,
    listeners: StoredValue<Vec<gloo::events::EventListener>, LocalStorage>,
    /// Versions that could not be stored (storage full or refused): this
    /// session still lists and reopens them, and they are tried again.
    memory: StoredValue<HashMap<String, Record>>,
    /// The user was told storage does not work; say it only once.
    warned: StoredValue<bool>,
    failing: StoredValue<bool>,
    retry_set: StoredValue<bool>,
    /// The page is going away (`pagehide`): its journal must stay.
    closing: StoredValue<bool>,
    /// The edit count of the last version queued for storing.
    enqueued: StoredValue<u64>,
    /// The design replaced last: "Restore previous design" opens it.
    pub previous: RwSignal<Option<String>>,
    /// Start-up has opened what it opens (the tab's design, a link).
    pub ready: RwSignal<bool>,
    /// Another tab stored a newer version while this one has edits of its own.
    pub conflict: RwSignal<bool>,
    /// Bumped whenever the library's contents change (the dialog re-reads).
    pub changed: RwSignal<u64>,
    /// The Recent designs dialog is open.
    pub recent_open: RwSignal<bool>,
}

impl Library {
    /// Create the library's state and provide it to the components below.
    pub fn provide(ed: Editor, problems: LoadProblems) -> Library {
        let tab = browser::tab_stored(TAB_ID).unwrap_or_else(|| {
            let id = lib::doc_id(browser::random_u64());
            browser::tab_store(TAB_ID, &id);
            id
        });
        let previous = browser::tab_stored(PREVIOUS).or_else(|| browser::stored(PREVIOUS));
        let l = Library {
            ed,
            problems,
            tab: StoredValue::new(tab),
            doc: StoredValue::new(None),
            bases: StoredValue::new(HashMap::new()),
            edits: StoredValue::new(0),
            clean: StoredValue::new(0),
            updated: StoredValue::new(0.0),
            queue: StoredValue::new(Vec::new()),
            saving: StoredValue::new(false),
            save_timer: Debounce::new(SAVE_MS),
            view_timer: Debounce::new(VIEW_MS),
            seen_rev: StoredValue::new(ed.doc.doc_rev.get_untracked()),
            db: StoredValue::new_local(None),
            channel: StoredValue::new_local(None),
            listeners: StoredValue::new_local(Vec::new()),
            memory: StoredValue::new(HashMap::new()),
            warned: StoredValue::new(false),
            failing: StoredValue::new(false),
            retry_set: StoredValue::new(false),
            closing: StoredValue::new(false),
            enqueued: StoredValue::new(u64::MAX),
            previous: RwSignal::new(previous),
            ready: RwSignal::new(false),
            conflict: RwSignal::new(false),
            changed: RwSignal::new(0),
            recent_open: RwSignal::new(false),
        };
        provide_context(l);
        l
    }

    /// Open the library, move the old slots and any journals into it, open
    /// this tab's design (unless a link already opened one: `link_opened`),
    /// then store every change from here on.
    pub fn start(self, link_opened: bool) {
        let ed = self.ed;
        let channel = Channel::open(CHANNEL, move |text| self.heard(&text));
        self.channel.set_value(channel.map(Rc::new));
        let hidden = browser::on_page_hidden(move |closing| self.page_hidden(closing));
        self.listeners.update_value(|l| l.extend(hidden));
        leptos::task::spawn_local(async move {
            match browser::open_designs_db().await {
                Ok(db) => self.db.set_value(Some(Rc::new(db))),
                Err(e) => self.failed(e),
            }
            let migrated = self.migrate_old_slots().await;
            self.fold_journals().await;
            // Spec choice: a reloaded tab reopens its own document; a new tab
            // the one changed last in any tab (as a single slot did before).
            let last = browser::tab_stored(TAB_DOC)
                .or(migrated)
                .or_else(|| browser::stored(LAST_DOC));
            if link_opened {
                // The link's design replaced this tab's: that one is the previous.
                if let Some(last) = last {
                    self.set_previous(&last);
                }
                if !ed.doc.read_only.get_untracked() {
                    self.begin(true);
                }
            } else if let Some(id) = last {
                if !self.open_stored(&id, true).await {
                    self.begin(false);
                }
            } else {
                self.begin(false);
            }
            self.watch();
            self.ready.set(true);
        });
    }

    /// Store edits from now on: each change of the document restarts the
    /// pause before it is stored; view changes are kept for the tab.
    fn watch(self) {
        let ed = self.ed;
        self.seen_rev.set_value(ed.doc.doc_rev.get_untracked());
        Effect::new(move |first: Option<()>| {
            ed.doc.design.track();
            let rev = ed.doc.doc_rev.get_untracked();
            if first.is_none() || rev != self.seen_rev.get_value() {
                // A new document: whoever replaced it set up its state.
                self.seen_rev.set_value(rev);
                return;
            }
            if ed.doc.read_only.get_untracked() || self.doc.with_value(Option::is_none) {
                return;
            }
            self.edits.update_value(|n| *n += 1);
            self.updated.set_value(browser::now_ms());
            self.save_timer.call(move || self.save_now());
        });
        Effect::new(move |first: Option<()>| {
            ed.session.viewport.track();
            ed.session.selection.track();
            if first.is_none() {
                return;
            }
            self.view_timer.call(move || self.keep_view());
        });
    }

    /// This tab's document is a new one (a link, a new or first design): give
    /// it an id. `keep` stores it at once (after its first frame), else only
    /// once it changes.
    ///
    /// Spec choice: the empty design of a first visit enters the library only
    /// once it changes (it would fill Recent designs with empty entries); New
    /// design is a choice of the user's and is stored at once.
    fn begin(&self, keep: bool) {
        let id = lib::doc_id(browser::random_u64());
        self.doc.set_value(Some(id.clone()));
        self.set_base(&id, 0);
        self.clean.set_value(self.edits.get_value());
        self.updated.set_value(browser::now_ms());
        browser::tab_store(TAB_DOC, &id);
        if keep {
            self.edits.update_value(|n| *n += 1);
            // Stored right after the next frame: the new design is drawn first.
            let l = *self;
            request_animation_frame(move || browser::after(0, Box::new(move || l.save_now())));
        }
    }

    /// Edits of the open document not yet stored.
    fn dirty(&self) -> bool {
        self.edits.get_value() != self.clean.get_value()
    }

    /// Nothing waits to be stored (for tests and benchmarks).
    pub fn settled(&self) -> bool {
        !self.dirty() && !self.saving.get_value() && !self.failing.get_value()
    }

    /// The page is hidden (`closing`: it goes away): store now; when closing,
    /// also write the journal, the only write sure to finish.
    fn page_hidden(self, closing: bool) {
        self.keep_view();
        if self.doc.with_value(Option::is_none) || self.ed.doc.read_only.get_untracked() {
            return;
        }
        let unsaved = self.dirty() || self.saving.get_value() || self.failing.get_value();
        if !unsaved {
            return;
        }
        // One capture for both writes: a large design is saved to text once.
        let Some(p) = self.capture() else { return };
        if closing {
            self.closing.set_value(true);
            self.write_journal(&p);
        }
        // Hidden, then closing: the version the first call queued is this one.
        if self.dirty() && self.enqueued.get_value() != p.edits {
            self.enqueue(p);
        }
    }
}

pub fn use_library() -> Library {
    expect_context::<Library>()
}
