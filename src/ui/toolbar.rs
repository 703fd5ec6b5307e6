//! The toolbar: title, undo/redo, zoom, view toggles, help.

use leptos::prelude::*;

use super::browser;
use super::editor::use_editor;
use super::keys::Toggles;
use super::tool_icons::{Tool, ToolIcon};

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
    // The `<header class="toolbar">` around this is `App`'s.
    view! {
            <span class="brand" aria-hidden="true">
                <ToolIcon tool=Tool::Brand size=20.0 />
            </span>
            <h1 class="brand-name">"Envelope"</h1>
            <span class="title" title="The design's title (edit it in the inspector)">
                {title}
            </span>
            <super::file_actions::FileActions />
            <div class="tool-group" role="group" aria-label="History">
                <button
                    aria-label="Undo"
                    title="Undo (Ctrl+Z)"
                    disabled=move || !ed.can_undo()
                    on:click=move |_| ed.undo()
                >
                    <ToolIcon tool=Tool::Undo />
                    <span class="label wide">"Undo"</span>
                </button>
                <button
                    aria-label="Redo"
                    title="Redo (Ctrl+Shift+Z)"
                    disabled=move || !ed.can_redo()
                    on:click=move |_| ed.redo()
                >
                    <ToolIcon tool=Tool::Redo />
                    <span class="label wide">"Redo"</span>
                </button>
            </div>
            <super::gallery::TemplatesButton />
            <div class="tool-group" role="group" aria-label="Share">
                <button
                    aria-label="Copy link"
                    title="Copy a link that holds the whole design (and the what-if scenario)"
                    on:click=move |_| copy_link(ed)
                >
                    <ToolIcon tool=Tool::CopyLink />
                    <span class="label">"Copy link"</span>
                </button>
            </div>
            <super::view_mode::ViewTools />
            <super::export_actions::ExportActions />
            <div class="tool-group" role="group" aria-label="Zoom">
                <button aria-label="Zoom out" title="Zoom out (Ctrl+-)" on:click=move |_| ed.zoom_by(0.8)>
                    <ToolIcon tool=Tool::ZoomOut />
                    <span class="label wider">"Zoom out"</span>
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
                    <ToolIcon tool=Tool::ZoomIn />
                    <span class="label wider">"Zoom in"</span>
                </button>
                <button aria-label="Fit design" title="Fit the whole design (Shift+1)" on:click=move |_| ed.fit()>
                    <ToolIcon tool=Tool::Fit />
                    <span class="label wider">"Fit"</span>
                </button>
            </div>
            <div class="tool-group" role="group" aria-label="View">
                <button
                    aria-label="Snap to grid"
                    title="Snap to grid (G)"
                    aria-pressed=move || ed.snap.get().to_string()
                    on:click=move |_| ed.snap.update(|s| *s = !*s)
                >
                    <ToolIcon tool=Tool::Snap />
                    <span class="label wider">"Snap"</span>
                </button>
                <button
                    aria-label="List view"
                    title="Show the design as a table (L)"
                    aria-pressed=move || toggles.list_view.get().to_string()
                    on:click=move |_| toggles.list_view.update(|v| *v = !*v)
                >
                    <ToolIcon tool=Tool::ListView />
                    <span class="label wider">"List"</span>
                </button>
                <button
                    aria-label="Dark theme"
                    title="Switch light/dark theme"
                    aria-pressed=move || dark.get().to_string()
                    on:click=move |_| dark.update(|d| *d = !*d)
                >
                    <ToolIcon tool=Tool::Theme />
                    <span class="label wider">"Theme"</span>
                </button>
                <button
                    aria-label="Keyboard shortcuts"
                    title="Keyboard shortcuts (?)"
                    on:click=move |_| toggles.help.set(true)
                >
                    <ToolIcon tool=Tool::Help />
                    <span class="label wider">"Help"</span>
                </button>
            </div>
    }
}

/// Links longer than this may be cut by chat tools and some hosts.
const LONG_LINK: usize = 8_000;

/// Copy a share link of the design, with the what-if scenario when one is set.
fn copy_link(ed: super::editor::Editor) {
    let (scale, fail) = ed.whatif.with_untracked(|w| {
        (
            (w.scale != 1.0).then_some(w.scale),
            w.fail.iter().cloned().collect::<Vec<_>>(),
        )
    });
    let link = ed.design.with_untracked(|d| {
        crate::core::share::link_with(d, &browser::page_base(), false, scale, &fail)
    });
    let len = link.len();
    browser::copy_text(&link, move |ok| {
        let message = match (ok, len > LONG_LINK) {
            (true, false) => format!("Link copied ({len} characters)."),
            (true, true) => format!(
                "Link copied, but it is {len} characters long: some chat tools and hosts cut links above {LONG_LINK}. Sharing the design as a file is safer."
            ),
            (false, _) => "The browser refused the clipboard; copy the address bar instead.".to_string(),
        };
        // A long link comes with the file download as the safer way to share.
        ed.notice_offers_save
            .set((len > LONG_LINK).then(|| message.clone()));
        ed.notice.set(Some(message));
    });
}
