//! The local library of designs, as pure decisions: what a stored version is,
//! when a tab may write over it, what a tab does when another one changed the
//! design it has open, how a journal written while a page closed is folded back,
//! and how the dialog lists, searches and describes what is kept.
//!
//! The browser side (IndexedDB, `localStorage`, the tabs' channel) lives in
//! `ui::library` and `ui::browser`; it asks these functions what to do.
//!
//! Invariants (tested in `tests/it/library.rs`):
//! - a version is written only over the version it was made from (`rev` is a
//!   compare-and-swap counter), so two tabs never overwrite each other silently;
//! - a journal is folded exactly once: written as the next version, dropped when
//!   that version is already stored, or kept as a copy when another tab moved on.

use serde::{Deserialize, Serialize};

/// What the library lists of one design (the design's text is kept apart, so
/// listing never reads every design).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The document id: stable for the design's whole life, never reused.
    pub id: String,
    pub title: String,
    /// When the design last changed, in ms since 1970 (the browser's clock).
    pub updated: f64,
    /// The saved design's size in bytes.
    pub size: u64,
    /// The version: 1 for the first stored, one more for each later one.
    pub rev: u64,
}

/// A version about to be stored, or read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub summary: Summary,
    /// The design's saved JSON (format.md §1).
    pub text: String,
    /// Its view and selection, as the tab left them (free text to the library).
    pub view: String,
}

impl Record {
    /// A record of `text` (a saved design) titled `title`, changed at `updated`.
    pub fn new(
        id: &str,
        rev: u64,
        title: &str,
        updated: f64,
        text: String,
        view: String,
    ) -> Record {
        Record {
            summary: Summary {
                id: id.to_string(),
                title: title.to_string(),
                updated,
                size: text.len() as u64,
                rev,
            },
            text,
            view,
        }
    }
}

/// What a tab may do with a version it made from `base` (0: never stored),
/// given the version stored now (`None`: nothing stored under that id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    /// Store it as this version.
    As(u64),
    /// Another tab stored a newer version since: ask the user.
    Conflict,
}

/// Spec choice: a design deleted from the library while a tab still has it open
/// is written back by that tab's next change (it is still the user's work).
pub fn write(base: u64, stored: Option<u64>) -> Write {
    match stored {
        Some(rev) if rev != base => Write::Conflict,
        Some(rev) => Write::As(rev + 1),
        None => Write::As(base + 1),
    }
}

/// What a tab does when another tab stored version `theirs` of the design it
/// has open, based on `base`, with edits not yet stored (`dirty`) or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heard {
    /// Nothing: it is this tab's version or an older one.
    Ignore,
    /// Show the newer version (nothing of this tab's is lost).
    TakeTheirs,
    /// This tab has edits of its own: "Keep mine as a copy" or "Take theirs".
    Ask,
}

pub fn heard(base: u64, dirty: bool, theirs: u64) -> Heard {
    if theirs <= base {
        Heard::Ignore
    } else if dirty {
        Heard::Ask
    } else {
        Heard::TakeTheirs
    }
}

/// A version written synchronously while a page was closing (an IndexedDB
/// write may not finish then): `localStorage` keeps it until a tab folds it
/// into the library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub id: String,
    /// The stored version the edits were made from.
    pub base: u64,
    pub title: String,
    pub updated: f64,
    pub text: String,
    #[serde(default)]
    pub view: String,
}

impl Journal {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The journal in `text`, or `None` when it is not one (damaged).
    pub fn from_json(text: &str) -> Option<Journal> {
        serde_json::from_str(text).ok()
    }

    /// The record to store as version `rev`.
    pub fn record(&self, id: &str, rev: u64, title: &str) -> Record {
        Record::new(
            id,
            rev,
            title,
            self.updated,
            self.text.clone(),
            self.view.clone(),
        )
    }
}

/// How a journal goes into the library, given what is stored under its id:
/// the stored version and whether its text equals the journal's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Store it as this version.
    As(u64),
    /// It is stored already (the page's last write did finish): drop it.
    Stored,
    /// Another tab stored a different version since: keep the journal as a
    /// copy under a new id, so neither is lost.
    Copy,
}

pub fn fold(journal: &Journal, stored: Option<(u64, bool)>) -> Fold {
    match stored {
        None => Fold::As(journal.base + 1),
        Some((rev, _)) if rev == journal.base => Fold::As(rev + 1),
        Some((rev, true)) if rev > journal.base => Fold::Stored,
        Some(_) => Fold::Copy,
    }
}

/// The title shown for a design: its own, or "Untitled design".
pub fn shown_title(title: &str) -> &str {
    if title.trim().is_empty() {
        "Untitled design"
    } else {
        title
    }
}

/// The title of a copy: "Checkout (copy)"; "Untitled design (copy)" for none.
pub fn copy_title(title: &str, what: &str) -> String {
    format!("{} ({what})", shown_title(title))
}

/// The designs whose title contains `query` (any case; spaces at either end
/// ignored), newest first, ties by id.
pub fn search<'a>(list: &'a [Summary], query: &str) -> Vec<&'a Summary> {
    let query = query.trim().to_lowercase();
    let mut found: Vec<&Summary> = list
        .iter()
        .filter(|s| query.is_empty() || shown_title(&s.title).to_lowercase().contains(&query))
        .collect();
    found.sort_by(|a, b| {
        b.updated
            .total_cmp(&a.updated)
            .then_with(|| a.id.cmp(&b.id))
    });
    found
}

/// A size for people: "850 B", "12 KB", "3.4 MB" (powers of 1,024).
pub fn size_text(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// How long ago `then` was at `now` (both ms): "just now", "5 min ago",
/// "3 h ago", "yesterday", "12 days ago".
pub fn age_text(now: f64, then: f64) -> String {
    let s = ((now - then) / 1000.0).max(0.0);
    let (min, h, d) = (s / 60.0, s / 3600.0, s / 86_400.0);
    if s < 60.0 {
        "just now".into()
    } else if min < 60.0 {
        format!("{} min ago", min.floor())
    } else if h < 24.0 {
        format!("{} h ago", h.floor())
    } else if d < 2.0 {
        "yesterday".into()
    } else {
        format!("{} days ago", d.floor())
    }
}

/// A new document id from a random number: `d` and 13 base-36 digits.
pub fn doc_id(random: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n = random;
    let mut id = String::from("d");
    for _ in 0..13 {
        id.push(DIGITS[(n % 36) as usize] as char);
        n /= 36;
    }
    id
}

/// The title of a saved design's text, read without loading the whole design
/// (for records made from old slots and journals); "" when it has none.
pub fn title_of(text: &str) -> String {
    #[derive(Deserialize)]
    struct Titled {
        #[serde(default)]
        title: String,
    }
    serde_json::from_str::<Titled>(text)
        .map(|t| t.title)
        .unwrap_or_default()
}
