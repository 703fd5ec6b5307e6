//! The toolbar: title, undo/redo, zoom, view toggles, help.

use leptos::prelude::*;

use crate::core::share::LinkView;

use super::actions::{self, toggle_button, use_actions, ActionButton, ActionId, ToolButton};
use super::browser;
use super::chrome::{use_chrome, Chrome};
use super::document::{use_document, Document};
use super::keys::Toggles;
use super::session::{use_session, Session};
use super::tool_icons::{Tool, ToolIcon};

#[component]
pub fn Toolbar(toggles: Toggles, dark: RwSignal<bool>) -> impl IntoView {
    let doc = use_document();
    let session = use_session();
    let chrome = use_chrome();
    let title = move || {
        doc.design.with(|d| {
            if d.title.is_empty() {
                "Untitled design".to_string()
            } else {
                d.title.clone()
            }
        })
    };
    let zoom = move || format!("{:.0}%", session.viewport.get().zoom * 100.0);
    let ctx = use_actions();
    let zoom_reset = actions::action(ActionId::ZoomReset);
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
                <ActionButton id=ActionId::Undo icon=Tool::Undo text="Undo" class="label wide" />
                <ActionButton id=ActionId::Redo icon=Tool::Redo text="Redo" class="label wide" />
            </div>
            <super::gallery::TemplatesButton />
            <div class="tool-group" role="group" aria-label="Share">
                <ToolButton label="Copy link" title="Copy a link that holds the whole design (and the what-if scenario)"
                    icon=Tool::CopyLink text="Copy link" on_click=move || copy_link(doc, session, chrome) />
            </div>
            <super::view_mode::ViewTools />
            <super::export_actions::ExportActions />
            <div class="tool-group" role="group" aria-label="Zoom">
                <ActionButton id=ActionId::ZoomOut icon=Tool::ZoomOut text="Zoom out" class="label wider" />
                // Named by the level it shows first (WCAG 2.5.3: the visible
                // text is part of the name), then what pressing it does.
                <button
                    class="zoom-level"
                    aria-label=move || format!("{} zoom, reset to 100%", zoom())
                    title=zoom_reset.title()
                    on:click=move |_| actions::run(ActionId::ZoomReset, &ctx)
                >
                    {zoom}
                </button>
                <ActionButton id=ActionId::ZoomIn icon=Tool::ZoomIn text="Zoom in" class="label wider" />
                <ActionButton id=ActionId::Fit icon=Tool::Fit text="Fit" class="label wider" />
            </div>
            <div class="tool-group" role="group" aria-label="View">
                {toggle_button(ActionId::Snap, Tool::Snap, "Snap", "label wider", move || session.snap.get())}
                {toggle_button(ActionId::ListView, Tool::ListView, "List", "label wider", move || {
                    toggles.list_view.get()
                })}
                <button
                    aria-label="Dark theme"
                    title="Switch light/dark theme"
                    aria-pressed=move || dark.get().to_string()
                    on:click=move |_| dark.update(|d| *d = !*d)
                >
                    <ToolIcon tool=Tool::Theme />
                    <span class="label wider">"Theme"</span>
                </button>
                <ActionButton id=ActionId::Help icon=Tool::Help text="Help" class="label wider" />
            </div>
    }
}

/// Links longer than this may be cut by chat tools and some hosts.
const LONG_LINK: usize = 8_000;

/// Copy a share link of the design, with the what-if scenario when one is set.
fn copy_link(doc: Document, session: Session, chrome: Chrome) {
    // Spec choice: a what-if that is a saved scenario travels as
    // `&scenario=ID`, any other as `&scale=` and `&fail=`.
    let link = doc.design.with_untracked(|d| {
        let how = session
            .whatif
            .with_untracked(|w| match crate::ui::scenarios::applied(d, w) {
                Some(s) if !w.is_plain() => LinkView {
                    scenario: Some(s.id.clone()),
                    ..LinkView::default()
                },
                _ => LinkView {
                    scale: (w.scale != 1.0).then_some(w.scale),
                    fail: w.fail.iter().cloned().collect(),
                    ..LinkView::default()
                },
            });
        crate::core::share::link_with(d, &browser::page_base(), &how)
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
        chrome
            .notice_offers_save
            .set((len > LONG_LINK).then(|| message.clone()));
        chrome.notice.set(Some(message));
    });
}
