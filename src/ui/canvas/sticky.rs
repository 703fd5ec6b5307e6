//! A sticky note on the canvas; its text is edited in the inspector (or by
//! double-clicking it).

use leptos::prelude::*;

use super::gestures::Gestures;
use crate::core::geometry::Point;
use crate::core::render::svg::wrap;
use crate::ui::editor::use_editor;
use crate::ui::session::{ItemKind, Selection};

pub const STICKY_W: f64 = 160.0;
pub const STICKY_H: f64 = 80.0;

#[component]
pub fn StickyView(id: String, g: Gestures) -> impl IntoView {
    let ed = use_editor();
    let key = StoredValue::new(id);
    let sticky = Memo::new(move |_| {
        ed.doc
            .design
            .with(|d| key.with_value(|id| d.sticky(id).cloned()))
    });
    let pos = Memo::new(move |_| {
        let s = sticky.get()?;
        Some(key.with_value(|id| ed.session.preview_offset(id, Point::new(s.x, s.y))))
    });
    let selected = Memo::new(move |_| {
        ed.session
            .selection
            .with(|s| key.with_value(|id| s.stickies.contains(id)))
    });
    let text = move || sticky.with(|s| s.as_ref().map(|s| s.text.clone()).unwrap_or_default());
    // Wrapped as the SVG export wraps it; the full text is in the inspector.
    let lines = move || {
        let mut lines = wrap(&text(), 22);
        lines.truncate(4);
        lines
    };
    let open = move || {
        ed.session
            .selection
            .set(Selection::only(ItemKind::Sticky, &key.get_value()));
        ed.chrome.focus_inspector.set(true);
    };

    view! {
        <g
            class="sticky"
            class:selected=move || selected.get()
            data-id=key.get_value()
            transform=move || {
                pos.get()
                    .map(|p| format!("translate({} {})", p.x - STICKY_W / 2.0, p.y - STICKY_H / 2.0))
                    .unwrap_or_default()
            }
            tabindex="0"
            role="button"
            aria-roledescription="sticky note"
            aria-label=move || format!("Note: {}", text())
            aria-pressed=move || selected.get().to_string()
            on:pointerdown=move |ev| g.item_down(ItemKind::Sticky, &key.get_value(), ev)
            on:dblclick=move |_| open()
            on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                "Enter" => {
                    ev.prevent_default();
                    open();
                }
                "Delete" | "Backspace" => {
                    ev.prevent_default();
                    ev.stop_propagation();
                    ed.delete_item(ItemKind::Sticky, &key.get_value());
                }
                _ => {}
            }
        >
            <rect class="sticky-body" width=STICKY_W height=STICKY_H rx="4"></rect>
            // A space between the lines (drawn by no one) keeps the words apart
            // in the note's text, so its name "Note: …" holds what it shows.
            {move || {
                lines()
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| {
                        view! {
                            <text class="sticky-text" x="10" y=22.0 + 16.0 * i as f64>
                                {l}
                            </text>
                            " "
                        }
                    })
                    .collect_view()
            }}
        </g>
    }
}
