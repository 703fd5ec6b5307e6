//! The toolbar's "Export" group: the drawing as SVG or PNG, the report as
//! Markdown on the clipboard, and (under "Other tools") the design as Mermaid
//! on the clipboard or as an Excalidraw or draw.io file.

use leptos::prelude::*;

use super::actions::ToolButton;
use super::browser;
use super::chrome::{use_chrome, Chrome};
use super::document::{use_document, Document};
use super::evaluation::{use_evaluation, Evaluation};
use super::tool_icons::Tool;
use crate::core::render::{markdown, svg};

/// PNGs are drawn at twice the SVG's size, sharp on high-density screens and
/// slides.
const PNG_SCALE: f64 = 2.0;

#[component]
pub fn ExportActions() -> impl IntoView {
    let doc = use_document();
    let eval = use_evaluation();
    let chrome = use_chrome();
    view! {
        <div class="tool-group" role="group" aria-label="Export">
            <ToolButton label="Export SVG" title="Download the drawing as an SVG file"
                icon=Tool::ExportSvg text="SVG" on_click=move || export_svg(doc, eval, chrome) />
            <ToolButton label="Export PNG" title="Download the drawing as a PNG picture (2×)"
                icon=Tool::ExportPng text="PNG" on_click=move || export_png(doc, eval, chrome) />
            <ToolButton label="Copy report" title="Copy the evaluation as Markdown, to paste into a design doc"
                icon=Tool::CopyReport text="Report" on_click=move || copy_report(doc, eval, chrome) />
            <OtherTools />
        </div>
    }
}

/// "Other tools": a button that opens a short list of exports for the tools
/// people also draw in. Esc or a choice closes it.
#[component]
fn OtherTools() -> impl IntoView {
    let doc = use_document();
    let eval = use_evaluation();
    let chrome = use_chrome();
    let open = RwSignal::new(false);
    let pick = move |f: fn(Document, Evaluation, Chrome)| {
        move |_| {
            open.set(false);
            f(doc, eval, chrome);
        }
    };
    view! {
        <div class="other-tools" on:keydown=move |ev| {
            if ev.key() == "Escape" && open.get_untracked() {
                ev.stop_propagation();
                open.set(false);
                browser::focus(".other-tools > button");
            }
        }>
            <button
                aria-label="Other tools"
                title="Copy as Mermaid, or download for Excalidraw or draw.io"
                aria-haspopup="true"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <super::tool_icons::ToolIcon tool=Tool::OtherTools />
                <span class="label wider">"Other tools"</span>
            </button>
            <Show when=move || open.get()>
                <div class="other-tools-list" role="group" aria-label="Export for other tools">
                    <button on:click=pick(copy_mermaid)>"Copy as Mermaid"</button>
                    <button on:click=pick(export_excalidraw)>"Excalidraw file"</button>
                    <button on:click=pick(export_drawio)>"draw.io file"</button>
                </div>
            </Show>
        </div>
    }
}

/// The design as a Mermaid flowchart with its key numbers, on the clipboard.
fn copy_mermaid(doc: Document, eval: Evaluation, chrome: Chrome) {
    let text = eval.report.with_untracked(|r| {
        doc.design
            .with_untracked(|d| crate::core::mermaid::export(d, Some(r)))
    });
    browser::copy_text(&text, move |ok| {
        chrome.notice.set(Some(if ok {
            "Copied as Mermaid: paste it into Markdown (GitHub draws it) or back into Envelope."
                .to_string()
        } else {
            "The browser refused the clipboard; the diagram was not copied.".to_string()
        }))
    });
}

fn export_excalidraw(doc: Document, eval: Evaluation, chrome: Chrome) {
    let text = eval.report.with_untracked(|r| {
        doc.design
            .with_untracked(|d| crate::core::export::excalidraw(d, Some(r)))
    });
    download(doc, chrome, ".excalidraw", "application/json", &text);
}

fn export_drawio(doc: Document, eval: Evaluation, chrome: Chrome) {
    let text = eval.report.with_untracked(|r| {
        doc.design
            .with_untracked(|d| crate::core::export::drawio(d, Some(r)))
    });
    download(doc, chrome, ".drawio", "application/xml", &text);
}

fn download(doc: Document, chrome: Chrome, extension: &str, mime: &str, text: &str) {
    let name = file_name(doc, extension);
    if let Err(e) = browser::download(&name, mime, text) {
        chrome
            .notice
            .set(Some(format!("The file was not saved: {e}.")));
    }
}

/// The drawing of what is on screen, coloured by its report.
fn drawing(doc: Document, eval: Evaluation) -> String {
    eval.report
        .with_untracked(|r| doc.design.with_untracked(|d| svg::svg(d, Some(r))))
}

fn export_svg(doc: Document, eval: Evaluation, chrome: Chrome) {
    let name = file_name(doc, ".svg");
    if let Err(e) = browser::download(&name, "image/svg+xml", &drawing(doc, eval)) {
        chrome
            .notice
            .set(Some(format!("The SVG was not saved: {e}.")));
    }
}

fn export_png(doc: Document, eval: Evaluation, chrome: Chrome) {
    let name = file_name(doc, ".png");
    browser::svg_to_png(&drawing(doc, eval), PNG_SCALE, move |png| {
        let saved = png.and_then(|blob| browser::download_blob(&name, &blob));
        if let Err(e) = saved {
            chrome
                .notice
                .set(Some(format!("The PNG was not saved: {e}.")));
        }
    });
}

fn copy_report(doc: Document, eval: Evaluation, chrome: Chrome) {
    let report = eval.full_report();
    let text = doc
        .design
        .with_untracked(|d| markdown::for_design(d, &report));
    browser::copy_text(&text, move |ok| {
        chrome.notice.set(Some(if ok {
            "Report copied as Markdown.".to_string()
        } else {
            "The browser refused the clipboard; the report was not copied.".to_string()
        }))
    });
}

/// A download's name: the title made safe, with `extension`.
fn file_name(doc: Document, extension: &str) -> String {
    doc.design
        .with_untracked(|d| super::file_actions::file_name(&d.title, extension))
}
