//! The read-only view of a `&view` link and the toolbar's presenting tools: a
//! "Read-only view" badge with "Edit a copy", and the Present and Print buttons.
//! The read-only rule itself is enforced in `Editor::dispatch`.

use leptos::prelude::*;

use super::actions::{toggle_button, ActionId};
use super::browser;
use super::editor::{use_editor, Editor};
use super::library::{use_library, Library};
use super::tool_icons::{Tool, ToolIcon};

#[component]
pub fn ViewTools() -> impl IntoView {
    let ed = use_editor();
    let library = use_library();
    view! {
        <Show when=move || ed.doc.read_only.get()>
            <div class="read-only-badge" role="group" aria-label="Read-only view">
                <span class="badge-text">"Read-only view"</span>
                <button
                    class="primary"
                    title="Make this design your own, editable copy"
                    on:click=move |_| edit_a_copy(ed, library)
                >
                    "Edit a copy"
                </button>
            </div>
        </Show>
        <div class="tool-group" role="group" aria-label="Present">
            {toggle_button(ActionId::Present, Tool::Present, "Present", "label", move || ed.chrome.presenting.get())}
            <button
                aria-label="Print"
                title="Print the drawing and the results on one page"
                on:click=move |_| browser::print()
            >
                <ToolIcon tool=Tool::Print />
                <span class="label">"Print"</span>
            </button>
        </div>
    }
}

/// Leave the read-only view: the design becomes the user's own document, and
/// the address loses `&view` so a reload does not lock it again.
pub fn edit_a_copy(ed: Editor, library: Library) {
    library.edit_a_copy();
    ed.chrome.notice.set(Some(
        "This is now your own copy: edit away. The link's design is unchanged.".into(),
    ));
    // The copy is the user's document now, kept by autosave: the address no
    // longer carries the link, so a reload keeps the copy's edits (and the design
    // it replaced stays the previous one) instead of opening the link again.
    browser::replace_hash("");
    // The palette and inspector come back and narrow the canvas: once laid
    // out, let it measure itself and show the whole design again.
    request_animation_frame(move || {
        browser::notify_resize();
        ed.fit();
    });
}
