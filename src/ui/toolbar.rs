//! The toolbar: title, undo/redo, zoom, view toggles, help.

use leptos::prelude::*;

use super::editor::use_editor;
use super::keys::Toggles;

#[component]
pub fn Toolbar(toggles: Toggles, dark: RwSignal<bool>) -> impl IntoView {
    let ed = use_editor();
    let title = move || {
        ed.design.with(|d| {
            if d.title.is_empty() {
                "Untitled design".to_string()
            } else {
                d.title.clone()
            }
        })
    };
    let zoom = move || format!("{:.0}%", ed.viewport.get().zoom * 100.0);
    view! {
        <header class="toolbar" role="toolbar" aria-label="Editor">
            <span class="brand" aria-hidden="true">
                "✉"
            </span>
            <h1 class="brand-name">"Envelope"</h1>
            <span class="title" title="The design's title (edit it in the inspector)">
                {title}
            </span>
            <div class="tool-group" role="group" aria-label="History">
                <button
                    aria-label="Undo"
                    title="Undo (Ctrl+Z)"
                    disabled=move || !ed.can_undo()
                    on:click=move |_| ed.undo()
                >
                    "↶"
                </button>
                <button
                    aria-label="Redo"
                    title="Redo (Ctrl+Shift+Z)"
                    disabled=move || !ed.can_redo()
                    on:click=move |_| ed.redo()
                >
                    "↷"
                </button>
            </div>
            <div class="tool-group" role="group" aria-label="Zoom">
                <button aria-label="Zoom out" title="Zoom out (Ctrl+-)" on:click=move |_| ed.zoom_by(0.8)>
                    "−"
                </button>
                <button
                    class="zoom-level"
                    aria-label="Zoom to 100%"
                    title="Zoom to 100% (Ctrl+0)"
                    on:click=move |_| ed.zoom_reset()
                >
                    {zoom}
                </button>
                <button aria-label="Zoom in" title="Zoom in (Ctrl+=)" on:click=move |_| ed.zoom_by(1.25)>
                    "+"
                </button>
                <button aria-label="Fit design" title="Fit the whole design (Shift+1)" on:click=move |_| ed.fit()>
                    "⤢"
                </button>
            </div>
            <div class="tool-group" role="group" aria-label="View">
                <button
                    aria-label="Snap to grid"
                    title="Snap to grid (G)"
                    aria-pressed=move || ed.snap.get().to_string()
                    on:click=move |_| ed.snap.update(|s| *s = !*s)
                >
                    "#"
                </button>
                <button
                    aria-label="List view"
                    title="Show the design as a table (L)"
                    aria-pressed=move || toggles.list_view.get().to_string()
                    on:click=move |_| toggles.list_view.update(|v| *v = !*v)
                >
                    "☰"
                </button>
                <button
                    aria-label="Dark theme"
                    title="Switch light/dark theme"
                    aria-pressed=move || dark.get().to_string()
                    on:click=move |_| dark.update(|d| *d = !*d)
                >
                    "◐"
                </button>
                <button
                    aria-label="Keyboard shortcuts"
                    title="Keyboard shortcuts (?)"
                    on:click=move |_| toggles.help.set(true)
                >
                    "?"
                </button>
            </div>
        </header>
    }
}
