//! A sticky note's text.

use leptos::prelude::*;

use super::field::{apply, TextField};
use crate::core::edit::{CoalesceKey, Command};
use crate::ui::document::use_document;

#[component]
pub fn StickyPanel(id: String) -> impl IntoView {
    let doc = use_document();
    let id = StoredValue::new(id);
    let text = Signal::derive(move || {
        id.with_value(|id| doc.design.with(|d| d.sticky(id).map(|s| s.text.clone())))
            .unwrap_or_default()
    });
    let set = Callback::new(move |t: String| {
        id.with_value(|id| {
            let cmd = Command::SetStickyText {
                id: id.clone(),
                text: t,
            };
            apply(doc, cmd, CoalesceKey::Named(format!("sticky {id}")))
        })
    });
    view! {
        <h2>"Sticky note"</h2>
        <p class="panel-sub">"Ctrl+Enter or leaving the box saves the text"</p>
        <TextField id="insp-sticky-text" label="Text" value=text apply=set multiline=true />
    }
}
