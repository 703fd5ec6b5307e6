//! Copy, paste and duplicate: the selection as a fragment of saved JSON and back.

use leptos::prelude::*;

use super::Editor;
use crate::core::edit::{copy_fragment, Command};
use crate::core::format;
use crate::core::incoming::{self, Incoming};
use crate::core::model::Design;
use crate::ui::mermaid_review::{Landing, Review};
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

    /// Paste what the clipboard holds: a fragment (saved JSON, e.g. from
    /// another tab) lands with fresh ids, offset so it does not sit exactly on
    /// the original, and is selected; a Mermaid diagram opens its review
    /// first (`mermaid_review`).
    pub fn paste_text(&self, text: &str) -> bool {
        if self.refuse_read_only() {
            return false;
        }
        let fragment = match incoming::read(text) {
            Ok(Incoming::Design(f)) => f,
            Ok(Incoming::Mermaid(imported)) => {
                self.chrome.review.set(Some(Review {
                    text: text.to_string(),
                    imported,
                    into: Landing::Paste,
                }));
                return true;
            }
            Err(errors) => {
                let first = errors
                    .first()
                    .map(|e| {
                        if e.at.is_empty() {
                            e.message.clone()
                        } else {
                            format!("{}: {}", e.at, e.message)
                        }
                    })
                    .unwrap_or_default();
                self.chrome.notice.set(Some(format!(
                    "The clipboard holds neither Envelope blocks nor a Mermaid diagram ({first})."
                )));
                return false;
            }
        };
        let mut offset = 0.0;
        self.session.paste_offset.update_value(|o| {
            *o += 40.0;
            offset = *o;
        });
        self.paste_design(&fragment, offset, offset)
    }

    /// Paste `fragment` with fresh ids, moved by `(dx, dy)`, as one undo step,
    /// and select what arrived.
    pub fn paste_design(&self, fragment: &Design, dx: f64, dy: f64) -> bool {
        let outcome = self.doc.apply(|h, d| h.paste(d, fragment, dx, dy));
        match outcome {
            Ok(map) => {
                self.select_arrived(map.values());
                true
            }
            Err(e) => {
                self.chrome.notice.set(Some(e.to_string()));
                false
            }
        }
    }

    /// As [`Editor::paste_design`], but keeping the fragment's ids when none
    /// of them is taken in the open design.
    ///
    /// Spec choice: an imported diagram lands with the ids it was written
    /// with (so a design exported as Mermaid comes back the same); where one
    /// is taken, all get fresh ones, as a paste does.
    pub fn import_design(&self, fragment: &Design, dx: f64, dy: f64) -> bool {
        let free = self.doc.design.with_untracked(|d| {
            fragment
                .all_ids()
                .all(|id| !d.has_node_id(id) && d.link(id).is_none())
        });
        if !free {
            return self.paste_design(fragment, dx, dy);
        }
        self.doc.seal();
        let cmd = Command::Paste {
            fragment: Box::new(fragment.clone()),
            dx,
            dy,
        };
        if !self.dispatch_or_say(cmd, None) {
            return false;
        }
        let ids: Vec<String> = fragment
            .blocks
            .iter()
            .map(|b| b.id.clone())
            .chain(fragment.zones.iter().map(|z| z.id.clone()))
            .chain(fragment.stickies.iter().map(|s| s.id.clone()))
            .collect();
        self.select_arrived(ids.iter());
        true
    }

    /// Select the blocks, zones and stickies of these ids.
    fn select_arrived<'a>(&self, ids: impl Iterator<Item = &'a String>) {
        let mut sel = Selection::default();
        self.doc.design.with_untracked(|d| {
            for new in ids {
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
    }

    /// Duplicate the selection in place (offset), as one step.
    pub fn duplicate(&self) {
        if let Some(text) = self.copy_selection() {
            self.paste_text(&text);
        }
    }
}
