//! The toolbar's File group: New design, Open…, Save, Recent designs, Restore
//! previous design; and opening files dropped anywhere on the window.

use leptos::prelude::*;

use super::actions::{ActionButton, ActionId};
use super::browser;
use super::chrome::{use_chrome, Chrome};
use super::document::Document;
use super::library::{use_library, Library};
use super::load_errors::{use_load_problems, LoadProblems};
use super::mermaid_review::{Landing, Review};
use super::tool_icons::{Tool, ToolIcon};
use crate::core::format;
use crate::core::incoming::{self, Incoming};
use crate::core::model::Design;

/// The id of the hidden file input behind "Open…" (Ctrl+O clicks it).
pub const OPEN_INPUT_ID: &str = "open-design-file";

#[component]
pub fn FileActions() -> impl IntoView {
    let chrome = use_chrome();
    let problems = use_load_problems();
    let library = use_library();
    let drops =
        browser::file_drop_listeners(move |file| open_file(chrome, library, problems, file));
    let drops = StoredValue::new_local(drops);
    on_cleanup(move || drops.dispose());
    let on_pick = move |ev: web_sys::Event| {
        if let Some(file) = browser::take_picked_file(&ev) {
            open_file(chrome, library, problems, file);
        }
    };
    view! {
        <div class="tool-group" role="group" aria-label="File">
            <button
                aria-label="New design"
                title="Start an empty design (the open one stays restorable)"
                on:click=move |_| new_design(chrome, library)
            >
                <ToolIcon tool=Tool::New />
                <span class="label wide">"New"</span>
            </button>
            <ActionButton id=ActionId::Open icon=Tool::Open text="Open…" class="label wide" />
            <input
                id=OPEN_INPUT_ID
                class="visually-hidden"
                type="file"
                accept=".json,application/json,.mmd,.mermaid,.md,text/markdown,text/plain"
                tabindex="-1"
                aria-hidden="true"
                on:change=on_pick
            />
            <ActionButton id=ActionId::Save icon=Tool::Save text="Save" class="label wide" />
            <ActionButton id=ActionId::Recent icon=Tool::Recent text="Recent" class="label wide" />
            // Always there (disabled until a previous design exists), so the
            // toolbar does not shift under the pointer when it appears.
            <button
                aria-label="Restore previous design"
                title="Swap back to the design that was open before this one"
                disabled=move || library.previous.with(Option::is_none)
                on:click=move |_| library.restore_previous()
            >
                <ToolIcon tool=Tool::Previous />
                <span class="label wide">"Previous"</span>
            </button>
        </div>
    }
}

/// Start an empty design; the one it replaces becomes the previous design.
pub fn new_design(chrome: Chrome, library: Library) {
    library.open_new(Design::default());
    chrome.notice.set(Some(
        "New design. \"Restore previous design\" brings the last one back.".into(),
    ));
}

/// Download the design as `<title>.envelope.json`.
pub fn save(doc: Document, chrome: Chrome) {
    let (name, text) = doc
        .design
        .with_untracked(|d| (file_name(&d.title, ".envelope.json"), format::save(d)));
    if let Err(why) = browser::download(&name, "application/json", &text) {
        chrome.notice.set(Some(format!("Could not save: {why}.")));
    }
}

/// Read a picked or dropped file and open it, or show why it cannot be.
fn open_file(chrome: Chrome, library: Library, problems: LoadProblems, file: web_sys::File) {
    browser::read_file(file, move |name, text| match text {
        Ok(text) => open_text(chrome, library, problems, name, &text),
        Err(why) => chrome
            .notice
            .set(Some(format!("Could not read “{name}”: {why}."))),
    });
}

/// Open a design file's text as a new document, or a Mermaid file through
/// its review. A bad file changes nothing and the dialog lists every error.
fn open_text(chrome: Chrome, library: Library, problems: LoadProblems, name: String, text: &str) {
    match incoming::read(text) {
        Ok(Incoming::Design(design)) => {
            library.open_new(design);
            chrome.notice.set(Some(format!("Opened “{name}”.")));
        }
        Ok(Incoming::Mermaid(imported)) => chrome.review.set(Some(Review {
            text: text.to_string(),
            imported,
            into: Landing::NewDesign { file: name },
        })),
        Err(errors) => problems.show("This file could not be opened", Some(name), errors),
    }
}

/// A download's file name: the design's title made safe for file systems, or
/// "untitled" when nothing is left, then `extension` (with its dot).
///
/// Characters that file systems or downloads refuse (`/ \\ : * ? " < > |` and
/// control characters) become `-`, one for a run; dots, spaces and dashes at
/// either end go. Letters of any script, digits and symbols such as `✓` stay.
///
/// Spec choice: at most 80 characters of the title are kept, so the name stays
/// well under file systems' 255-byte limit.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut safe = String::new();
    for c in title.trim().chars().take(80) {
        let refused =
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
        let c = if refused { '-' } else { c };
        // One dash for a run of unsafe characters.
        if !(c == '-' && safe.ends_with('-')) {
            safe.push(c);
        }
    }
    let safe = safe.trim_matches(|c: char| c == '.' || c == ' ' || c == '-');
    let stem = if safe.is_empty() { "untitled" } else { safe };
    format!("{stem}{extension}")
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe_and_never_empty() {
        let json = |t: &str| file_name(t, ".envelope.json");
        assert_eq!(json("URL shortener"), "URL shortener.envelope.json");
        assert_eq!(json(""), "untitled.envelope.json");
        assert_eq!(json("  ../..  "), "untitled.envelope.json");
        assert_eq!(json("a/b\\c:d*?"), "a-b-c-d.envelope.json");
        assert_eq!(json("Café ✓ v2"), "Café ✓ v2.envelope.json");
        assert_eq!(json("tab\there"), "tab-here.envelope.json");
        assert_eq!(file_name("a/b: c?", ".svg"), "a-b- c.svg");
        assert_eq!(file_name("...", ".png"), "untitled.png");
        assert!(json(&"x".repeat(500)).len() < 100);
    }
}
