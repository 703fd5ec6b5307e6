//! The template gallery: worked designs from `public/templates/`, shown on a
//! first visit and from the toolbar's "Templates" button. Choosing one opens it
//! as a new design (through the core's validating loader).

use leptos::prelude::*;
use serde::Deserialize;

use super::browser;
use super::dialog::ModalDialog;
use super::document::Document;
use super::editor::use_editor;
use super::library::use_library;
use super::session::WhatIf;
use super::tool_icons::{Tool, ToolIcon};
use crate::core::format;

/// Where the templates live, relative to the page (the site may be served
/// under a sub-path, so never a leading `/`).
const DIR: &str = "public/templates/";

/// Set in `localStorage` once the gallery has been shown, so a first visit
/// sees it and later visits do not.
pub const SEEN_KEY: &str = "envelope.gallery-seen";

/// One line of `index.json`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
struct Entry {
    file: String,
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    source: String,
}

/// Whether the gallery is open; provided by the app, read by the button and
/// the dialog.
#[derive(Clone, Copy)]
pub struct GalleryOpen(pub RwSignal<bool>);

/// Make the gallery's open/closed state available to the toolbar and the
/// dialog, and open it on a first visit: no design came with the page (no
/// link, nothing restored) and the gallery was never shown here before.
pub fn provide(doc: Document, ready: RwSignal<bool>) {
    let open = RwSignal::new(false);
    provide_context(GalleryOpen(open));
    // After start-up has opened whatever it opens (a link, the tab's design).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !ready.get() {
            return done.unwrap_or(false);
        }
        let opened_link = browser::location_hash().is_some_and(|h| h.contains("v1="));
        let empty = doc
            .design
            .with_untracked(|d| d.blocks.is_empty() && d.zones.is_empty() && d.stickies.is_empty());
        if !opened_link && empty && browser::stored(SEEN_KEY).is_none() {
            open.set(true);
        }
        true
    });
    Effect::new(move |_| {
        if open.get() {
            // Blocked or full storage only means the gallery may show again.
            let _ = browser::store(SEEN_KEY, "1");
        }
    });
}

/// The toolbar's button that opens the gallery.
#[component]
pub fn TemplatesButton() -> impl IntoView {
    let open = expect_context::<GalleryOpen>().0;
    view! {
        <div class="tool-group" role="group" aria-label="Gallery">
            <button
                aria-label="Templates"
                title="Open a worked design from the template gallery"
                aria-haspopup="dialog"
                on:click=move |_| open.set(true)
            >
                <ToolIcon tool=Tool::Templates />
                <span class="label">"Templates"</span>
            </button>
            <super::requirements::RequirementsButton />
        </div>
    }
}

/// What the dialog knows about the index.
#[derive(Clone)]
enum Index {
    Loading,
    Ready(Vec<Entry>),
    Failed(String),
}

#[component]
pub fn Gallery() -> impl IntoView {
    let open = expect_context::<GalleryOpen>().0;
    move || open.get().then(|| view! { <GalleryDialog open=open /> })
}

#[component]
fn GalleryDialog(open: RwSignal<bool>) -> impl IntoView {
    let ed = use_editor();
    let library = use_library();
    let index = RwSignal::new(Index::Loading);
    // What went wrong opening a template, said inside the dialog.
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let loaded = browser::fetch_text(&format!("{DIR}index.json"))
            .await
            .and_then(|text| {
                serde_json::from_str::<Vec<Entry>>(&text)
                    .map_err(|e| format!("the template list is not readable ({e})"))
            });
        index.set(match loaded {
            Ok(list) => Index::Ready(list),
            Err(e) => Index::Failed(e),
        });
    });
    let close = move || {
        open.set(false);
        browser::focus(".toolbar button[aria-label='Templates']");
    };
    let choose = move |entry: Entry| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let result = browser::fetch_text(&format!("{DIR}{}", entry.file))
                .await
                .and_then(|text| {
                    format::load(&text).map_err(|errors| {
                        errors
                            .iter()
                            .take(3)
                            .map(|e| format!("{}: {}", e.at, e.message))
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                });
            busy.set(false);
            match result {
                Ok(design) => {
                    ed.session.whatif.set(WhatIf::default());
                    library.open_new(design);
                    ed.fit();
                    ed.chrome
                        .notice
                        .set(Some(format!("Opened the template “{}”.", entry.title)));
                    open.set(false);
                }
                Err(e) => problem.set(Some(format!(
                    "“{}” could not be opened ({e}); your design is unchanged.",
                    entry.title
                ))),
            }
        });
    };
    let cards = move || match index.get() {
        Index::Loading => {
            view! { <p class="gallery-status">"Loading the templates…"</p> }.into_any()
        }
        Index::Failed(e) => view! {
            <p class="gallery-status" role="alert">
                {format!("The templates could not be listed: {e}.")}
            </p>
        }
        .into_any(),
        Index::Ready(list) => view! {
            <ul class="gallery-cards">
                {list
                    .into_iter()
                    .map(|entry| {
                        let title = entry.title.clone();
                        let summary = entry.summary.clone();
                        let source = entry.source.clone();
                        // The name holds all the card shows (WCAG 2.5.3), the
                        // words kept apart by the spaces between the parts.
                        let mut name = format!("Open template {title}");
                        if !summary.is_empty() {
                            name.push_str(&format!(": {summary}"));
                        }
                        if !source.is_empty() {
                            name.push_str(&format!(" ({source})"));
                        }
                        view! {
                            <li>
                                <button
                                    class="gallery-card"
                                    aria-label=name
                                    disabled=move || busy.get()
                                    on:click=move |_| choose(entry.clone())
                                >
                                    <span class="gallery-card-title">{title.clone()}</span>
                                    " "
                                    <span class="gallery-card-summary">{summary}</span>
                                    " "
                                    <span class="gallery-card-source">{source}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    };
    // Focus the first card once the list is there (or the Close button).
    Effect::new(move |_| {
        let ready = matches!(index.get(), Index::Ready(_));
        request_animation_frame(move || {
            browser::focus(if ready {
                ".gallery .gallery-card"
            } else {
                ".gallery .gallery-close"
            })
        });
    });
    view! {
        <ModalDialog class="gallery" title="Start from a template" close=close>
                <p class="gallery-intro">
                    "Worked designs with their numbers, targets and notes. Each opens as a new design; the one you have stays restorable."
                </p>
                {move || problem.get().map(|p| view! { <p class="gallery-problem" role="alert">{p}</p> })}
                {cards}
        </ModalDialog>
    }
}

#[cfg(test)]
mod tests {
    use super::Entry;

    #[test]
    fn the_shipped_index_lists_files_that_exist() {
        let text = include_str!("../../public/templates/index.json");
        let list: Vec<Entry> = serde_json::from_str(text).expect("index.json parses");
        assert!(list.len() >= 7);
        for e in list {
            let path = format!("{}/public/templates/{}", env!("CARGO_MANIFEST_DIR"), e.file);
            assert!(std::path::Path::new(&path).exists(), "{path}");
            assert!(!e.title.is_empty() && !e.summary.is_empty());
        }
    }
}
