//! Copy, paste and duplicate: the selection as a fragment of saved JSON and back.

use leptos::prelude::*;

use super::Editor;
use crate::core::edit::copy_fragment;
use crate::core::format;
use crate::ui::session::{ItemKind, Selection};

impl Editor {
    /// The selection as a design fragment (saved JSON), for the clipboard.
    pub fn copy_selection(&self) -> Option<String> {
        let sel = self.session.selection.get_untracked();
        if sel.is_empty() {
            return None;
        }
        let ids: Vec<String> = sel.movable();
        let fragment = self.doc.design.with_untracked(|d| {
            let mut f = copy_fragment(d, &ids);
            // Selected links between copied blocks come along with them already;
            // keep the title out of fragments.
            f.title.clear();
            f
        });
        self.session.paste_offset.set_value(0.0);
        Some(format::save(&fragment))
    }

    /// Paste a fragment (saved JSON, e.g. from another tab) with fresh ids,
    /// offset so it does not sit exactly on the original; select what arrived.
    pub fn paste_text(&self, text: &str) -> bool {
        if self.refuse_read_only() {
            return false;
        }
        let fragment = match format::load(text) {
            Ok(f) => f,
            Err(errors) => {
                let first = errors
                    .first()
                    .map(|e| format!("{}: {}", e.at, e.message))
                    .unwrap_or_default();
                self.chrome.notice.set(Some(format!(
                    "The clipboard does not hold Envelope blocks ({first})."
                )));
                return false;
            }
        };
        let mut offset = 0.0;
        self.session.paste_offset.update_value(|o| {
            *o += 40.0;
            offset = *o;
        });
        let outcome = self.doc.apply(|h, d| h.paste(d, &fragment, offset, offset));
        match outcome {
            Ok(map) => {
                let mut sel = Selection::default();
                self.doc.design.with_untracked(|d| {
                    for new in map.values() {
                        let kind = if d.block(new).is_some() {
                            ItemKind::Block
                        } else if d.zone(new).is_some() {
                            ItemKind::Zone
                        } else {
                            ItemKind::Sticky
                        };
                        sel.set_mut(kind).insert(new.clone());
                    }
                });
                self.session.selection.set(sel);
                true
            }
            Err(e) => {
                self.chrome.notice.set(Some(e.to_string()));
                false
            }
        }
    }

    /// Duplicate the selection in place (offset), as one step.
    pub fn duplicate(&self) {
        if let Some(text) = self.copy_selection() {
            self.paste_text(&text);
        }
    }
}
