//! Autosave: the open design, its view and its selection go to `localStorage`
//! shortly after every change, and come back when the site is opened again.
//!
//! When a new document takes the place of the open one (New design, a file, a
//! link, a template: anything that calls `Editor::replace`), the one it replaced
//! moves to a "previous" slot, so "Restore previous design" can bring it back.

use std::collections::HashMap;

use leptos::prelude::*;

use super::browser;
use super::editor::Editor;
use super::load_errors::LoadProblems;
use super::session::{ItemKind, Selection};
use crate::core::format;
use crate::core::geometry::{Point, Viewport};
use crate::core::model::Design;

const CURRENT: &str = "envelope.design";
const CURRENT_VIEW: &str = "envelope.design.view";
const PREVIOUS: &str = "envelope.previous";
const PREVIOUS_VIEW: &str = "envelope.previous.view";
const SLOTS: [&str; 4] = [CURRENT, CURRENT_VIEW, PREVIOUS, PREVIOUS_VIEW];

/// How long edits must pause before the design is stored, in ms.
const SAVE_MS: u32 = 400;

/// The open document as last seen: what goes to storage.
#[derive(Clone, Debug)]
struct Snapshot {
    design: Design,
    view: Viewport,
    selection: Selection,
}

#[derive(Clone, Copy)]
pub struct Autosave {
    ed: Editor,
    problems: LoadProblems,
    /// A previous design is stored: "Restore previous design" is offered.
    pub has_previous: RwSignal<bool>,
    /// What was written, also kept here so the previous design stays
    /// restorable in this session when storage is blocked.
    slots: StoredValue<HashMap<&'static str, String>>,
    /// The document generation (`Editor::doc_rev`) the snapshot belongs to.
    rev: StoredValue<u64>,
    latest: StoredValue<Option<Snapshot>>,
    ticket: StoredValue<u64>,
    /// The user was told storage does not work; say it only once.
    warned: StoredValue<bool>,
}

impl Autosave {
    /// Read what is stored and provide autosave to the components below.
    pub fn provide(ed: Editor, problems: LoadProblems) -> Autosave {
        let slots: HashMap<&'static str, String> = SLOTS
            .iter()
            .filter_map(|k| browser::stored(k).map(|v| (*k, v)))
            .collect();
        let a = Autosave {
            ed,
            problems,
            has_previous: RwSignal::new(slots.contains_key(PREVIOUS)),
            slots: StoredValue::new(slots),
            rev: StoredValue::new(ed.doc_rev.get_untracked()),
            latest: StoredValue::new(None),
            ticket: StoredValue::new(0),
            warned: StoredValue::new(false),
        };
        provide_context(a);
        a
    }

    /// Open the last autosaved design with its view and selection (at start,
    /// when no share link opened a design). Says so when it cannot be read.
    pub fn restore_last(&self) {
        let Some(text) = self.read(CURRENT) else {
            return;
        };
        match format::load(&text) {
            Ok(design) => {
                self.ed.replace(design);
                self.apply_view(self.read(CURRENT_VIEW));
                // Opening what was stored is not a new document.
                self.rev.set_value(self.ed.doc_rev.get_untracked());
            }
            Err(errors) => {
                self.problems
                    .show("The autosaved design could not be restored", None, errors)
            }
        }
    }

    /// Swap the open design with the previous one (which then becomes the
    /// previous design itself, so neither is lost).
    pub fn restore_previous(&self) {
        let Some(text) = self.read(PREVIOUS) else {
            return;
        };
        match format::load(&text) {
            Ok(design) => {
                self.ed.read_only.set(false);
                self.ed.replace(design);
                self.apply_view(self.read(PREVIOUS_VIEW));
                self.ed
                    .notice
                    .set(Some("Restored the previous design.".into()));
            }
            Err(errors) => {
                self.problems
                    .show("The previous design could not be restored", None, errors)
            }
        }
    }

    /// Watch the document and store it after every change. Call once, after
    /// `restore_last` (if called).
    pub fn start(&self) {
        let a = *self;
        let ed = self.ed;
        // Keep the latest design of the open document, so that when another
        // replaces it, it can be kept as the previous one even if its last
        // edits were not stored yet.
        Effect::new(move |_| {
            ed.design.track();
            if ed.read_only.get_untracked() || ed.doc_rev.get_untracked() != a.rev.get_value() {
                return;
            }
            let design = ed.design.get_untracked();
            a.latest.update_value(|l| {
                if let Some(s) = l {
                    s.design = design;
                }
            });
        });
        Effect::new(move |_| {
            let read_only = ed.read_only.get();
            let rev = ed.doc_rev.get();
            ed.viewport.track();
            ed.selection.track();
            // A read-only (`&view`) document must not replace the user's own.
            if read_only {
                return;
            }
            let now = || Snapshot {
                design: ed.design.get_untracked(),
                view: ed.viewport.get_untracked(),
                selection: ed.selection.get_untracked(),
            };
            if rev != a.rev.get_value() {
                a.rev.set_value(rev);
                a.keep_as_previous();
                a.latest.set_value(Some(now()));
                // Stored right after the next frame: the new design is drawn
                // first (saving a large one takes a while).
                request_animation_frame(move || browser::after(0, Box::new(move || a.flush())));
                return;
            }
            a.latest.update_value(|l| match l {
                Some(s) => {
                    s.view = ed.viewport.get_untracked();
                    s.selection = ed.selection.get_untracked();
                }
                None => *l = Some(now()),
            });
            let ticket = a.next_ticket();
            browser::after(
                SAVE_MS,
                Box::new(move || {
                    if a.ticket.try_get_value() == Some(ticket) {
                        a.flush();
                    }
                }),
            );
        });
    }

    /// A new document replaced the open one: keep that one as the previous
    /// design (from memory if it was open in this session, else as stored).
    fn keep_as_previous(&self) {
        let old = self
            .latest
            .get_value()
            .map(|s| (format::save(&s.design), view_text(&s.view, &s.selection)))
            .or_else(|| {
                Some((
                    self.read(CURRENT)?,
                    self.read(CURRENT_VIEW).unwrap_or_default(),
                ))
            });
        if let Some((design, view)) = old {
            self.write(PREVIOUS, &design);
            self.write(PREVIOUS_VIEW, &view);
            self.has_previous.set(true);
        }
    }

    /// Store the latest snapshot now.
    fn flush(&self) {
        if let Some(s) = self.latest.get_value() {
            self.write(CURRENT, &format::save(&s.design));
            self.write(CURRENT_VIEW, &view_text(&s.view, &s.selection));
        }
    }

    fn next_ticket(&self) -> u64 {
        let mut t = 0;
        self.ticket.update_value(|n| {
            *n += 1;
            t = *n;
        });
        t
    }

    fn read(&self, key: &'static str) -> Option<String> {
        self.slots.with_value(|s| s.get(key).cloned())
    }

    fn write(&self, key: &'static str, value: &str) {
        self.slots
            .update_value(|s| drop(s.insert(key, value.to_string())));
        if let Err(why) = browser::store(key, value) {
            if !self.warned.get_value() {
                self.warned.set_value(true);
                self.ed.notice.set(Some(format!(
                    "Autosave is off: the browser's {why}. Keep working and use Save to keep your design as a file."
                )));
            }
        }
    }

    /// Set the view and selection stored beside a design (ids that no longer
    /// exist are left out).
    fn apply_view(&self, text: Option<String>) {
        let Some((view, mut selection)) = text.as_deref().and_then(parse_view) else {
            return;
        };
        self.ed.viewport.set(view);
        self.ed
            .design
            .with_untracked(|d| selection.retain_existing(d));
        self.ed.selection.set(selection);
    }
}

pub fn use_autosave() -> Autosave {
    expect_context::<Autosave>()
}

const KINDS: [(&str, ItemKind); 4] = [
    ("blocks", ItemKind::Block),
    ("links", ItemKind::Link),
    ("zones", ItemKind::Zone),
    ("stickies", ItemKind::Sticky),
];

/// The view and selection as stored: `{"zoom", "pan": [x, y], "selection":
/// {"blocks": [ids], "links", "zones", "stickies"}}`.
fn view_text(view: &Viewport, selection: &Selection) -> String {
    let mut sel = serde_json::Map::new();
    for (name, kind) in KINDS {
        let ids: Vec<serde_json::Value> = selection
            .set(kind)
            .iter()
            .map(|id| id.as_str().into())
            .collect();
        sel.insert(name.into(), ids.into());
    }
    serde_json::json!({
        "zoom": view.zoom,
        "pan": [view.pan.x, view.pan.y],
        "selection": sel,
    })
    .to_string()
}

/// Read back what [`view_text`] wrote; nothing when it is not usable.
fn parse_view(text: &str) -> Option<(Viewport, Selection)> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let zoom = v
        .get("zoom")?
        .as_f64()
        .filter(|z| z.is_finite() && *z > 0.0)?;
    let pan = v.get("pan")?.as_array()?;
    let x = pan.first()?.as_f64().filter(|n| n.is_finite())?;
    let y = pan.get(1)?.as_f64().filter(|n| n.is_finite())?;
    let mut selection = Selection::default();
    if let Some(sel) = v.get("selection") {
        for (name, kind) in KINDS {
            let ids = sel.get(name).and_then(|a| a.as_array());
            for id in ids.into_iter().flatten().filter_map(|i| i.as_str()) {
                selection.set_mut(kind).insert(id.to_string());
            }
        }
    }
    Some((
        Viewport {
            zoom,
            pan: Point::new(x, y),
        },
        selection,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_and_selection_read_back_as_written() {
        let view = Viewport {
            zoom: 1.75,
            pan: Point::new(-120.5, 33.0),
        };
        let mut sel = Selection::default();
        sel.set_mut(ItemKind::Block).insert("api".into());
        sel.set_mut(ItemKind::Link).insert("l1".into());
        let (v, s) = parse_view(&view_text(&view, &sel)).expect("readable");
        assert_eq!(v, view);
        assert_eq!(s, sel);
    }

    #[test]
    fn damaged_view_text_is_ignored() {
        assert!(parse_view("{").is_none());
        assert!(parse_view(r#"{"zoom": 0, "pan": [0, 0]}"#).is_none());
        assert!(parse_view(r#"{"zoom": 1, "pan": ["a", 0]}"#).is_none());
    }
}
