//! The view and selection a tab leaves a design with: kept per tab in
//! `sessionStorage` (so a reload of the tab finds them) and beside each stored
//! version (so another tab opens the design where it was last seen).

use leptos::prelude::*;

use super::{Library, TAB_VIEW};
use crate::core::geometry::{Point, Viewport};
use crate::ui::browser;
use crate::ui::session::{ItemKind, Selection};

const KINDS: [(&str, ItemKind); 4] = [
    ("blocks", ItemKind::Block),
    ("links", ItemKind::Link),
    ("zones", ItemKind::Zone),
    ("stickies", ItemKind::Sticky),
];

/// The view and selection as stored: `{"zoom", "pan": [x, y], "selection":
/// {"blocks": [ids], "links", "zones", "stickies"}}`.
pub fn view_text(view: &Viewport, selection: &Selection) -> String {
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
pub fn parse_view(text: &str) -> Option<(Viewport, Selection)> {
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

impl Library {
    /// Keep the view and selection for this tab's reload.
    pub(super) fn keep_view(&self) {
        if let Some(id) = self.doc.get_value() {
            browser::tab_store(&format!("{TAB_VIEW}{id}"), &self.view_now());
        }
    }

    pub(super) fn view_now(&self) -> String {
        view_text(
            &self.ed.session.viewport.get_untracked(),
            &self.ed.session.selection.get_untracked(),
        )
    }

    /// Set the view and selection stored beside a design (ids that no longer
    /// exist are left out).
    pub(super) fn apply_view(&self, text: Option<String>) {
        let Some((view, mut selection)) = text.as_deref().and_then(parse_view) else {
            return;
        };
        self.ed.session.viewport.set(view);
        self.ed
            .doc
            .design
            .with_untracked(|d| selection.retain_existing(d));
        self.ed.session.selection.set(selection);
    }
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
