//! The toolbar's "Export" group: the drawing as SVG or PNG, and the report as
//! Markdown on the clipboard.

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
        </div>
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
