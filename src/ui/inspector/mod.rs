//! The inspector: the fields of what is selected, or of the design when nothing
//! is. Every edit goes through `Editor::dispatch`, one undo step per field.

mod block;
mod design;
mod field;
mod link;
mod sticky;
mod zone;

use leptos::prelude::*;

use super::browser;
use super::editor::use_editor;
use super::session::Selection;
use crate::core::edit::fmt_num;
use crate::core::render::units;

/// The inspector's fields, the first in page order being the one focused.
const FIRST_FIELD: &str = ".inspector input, .inspector select, .inspector textarea";

/// Which panel the selection calls for.
#[derive(Clone, Debug, PartialEq)]
enum Panel {
    Design,
    Blocks(Vec<String>),
    Link(String),
    Zone(String),
    Sticky(String),
    /// Links, or items of different sorts: a summary and Delete.
    Summary(String),
}

fn panel_for(s: &Selection) -> Panel {
    let only = |set: &std::collections::BTreeSet<String>| set.len() == s.len();
    if s.is_empty() {
        Panel::Design
    } else if only(&s.blocks) {
        Panel::Blocks(s.blocks.iter().cloned().collect())
    } else if s.len() == 1 {
        let first = |set: &std::collections::BTreeSet<String>| set.iter().next().cloned();
        if let Some(id) = first(&s.links) {
            Panel::Link(id)
        } else if let Some(id) = first(&s.zones) {
            Panel::Zone(id)
        } else {
            Panel::Sticky(first(&s.stickies).unwrap_or_default())
        }
    } else {
        Panel::Summary(summary(s))
    }
}

/// "2 blocks, 3 links selected".
fn summary(s: &Selection) -> String {
    let parts: Vec<String> = [
        (s.blocks.len(), "block", "blocks"),
        (s.links.len(), "link", "links"),
        (s.zones.len(), "zone", "zones"),
        (s.stickies.len(), "sticky note", "sticky notes"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    format!("{} selected", parts.join(", "))
}

/// An availability as the text box shows it: "99.95%".
fn availability_text(a: f64) -> String {
    units::percent(a)
}

/// The same availability in nines, under the box: "3.3 nines".
fn availability_hint(a: f64) -> String {
    if a >= 1.0 {
        "never fails".into()
    } else if a <= 0.0 {
        "always down".into()
    } else {
        format!("{:.1} nines", units::nines(a))
    }
}

/// An optional number as text; absent is empty (the placeholder says what it means).
fn opt_text(v: Option<f64>) -> String {
    v.map(fmt_num).unwrap_or_default()
}

#[component]
pub fn Inspector() -> impl IntoView {
    let ed = use_editor();
    let panel = Memo::new(move |_| ed.session.selection.with(panel_for));

    // Enter on a canvas item: move keyboard focus to the first field.
    Effect::new(move |_| {
        if ed.chrome.focus_inspector.get() {
            ed.chrome.focus_inspector.set(false);
            request_animation_frame(|| browser::focus(FIRST_FIELD));
        }
    });

    let body = move || match panel.get() {
        Panel::Design => view! { <design::DesignPanel /> }.into_any(),
        Panel::Blocks(ids) => view! { <block::BlockPanel ids=ids /> }.into_any(),
        Panel::Link(id) => view! { <link::LinkPanel id=id /> }.into_any(),
        Panel::Zone(id) => view! { <zone::ZonePanel id=id /> }.into_any(),
        Panel::Sticky(id) => view! { <sticky::StickyPanel id=id /> }.into_any(),
        Panel::Summary(text) => view! {
            <h2>"Selection"</h2>
            <p class="panel-sub">{text}</p>
            <button class="danger" on:click=move |_| ed.delete_selection()>
                "Delete"
            </button>
        }
        .into_any(),
    };
    // The `<aside class="inspector">` around this is `App`'s.
    body
}
