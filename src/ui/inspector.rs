//! The inspector: the fields of what is selected (placeholder until the full
//! inspector lands).

use leptos::prelude::*;

use super::editor::use_editor;

#[component]
pub fn Inspector() -> impl IntoView {
    let ed = use_editor();
    let summary = move || {
        ed.selection.with(|s| {
            if s.is_empty() {
                "Nothing selected".to_string()
            } else {
                format!("{} selected", s.len())
            }
        })
    };
    view! {
        <aside class="inspector" aria-label="Inspector">
            <h2>"Inspector"</h2>
            <p>{summary}</p>
        </aside>
    }
}
