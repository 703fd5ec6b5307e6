//! The toolbar's "Export" group: the drawing as SVG or PNG, and the report as
//! Markdown on the clipboard.

use leptos::prelude::*;

use super::actions::ToolButton;
use super::browser;
use super::editor::{use_editor, Editor};
use super::tool_icons::Tool;
use crate::core::render::{markdown, svg};

/// PNGs are drawn at twice the SVG's size, sharp on high-density screens and
/// slides.
const PNG_SCALE: f64 = 2.0;

#[component]
pub fn ExportActions() -> impl IntoView {
    let ed = use_editor();
    view! {
        <div class="tool-group" role="group" aria-label="Export">
            <ToolButton label="Export SVG" title="Download the drawing as an SVG file"
                icon=Tool::ExportSvg text="SVG" on_click=move || export_svg(ed) />
            <ToolButton label="Export PNG" title="Download the drawing as a PNG picture (2×)"
                icon=Tool::ExportPng text="PNG" on_click=move || export_png(ed) />
            <ToolButton label="Copy report" title="Copy the evaluation as Markdown, to paste into a design doc"
                icon=Tool::CopyReport text="Report" on_click=move || copy_report(ed) />
        </div>
    }
}

/// The drawing of what is on screen, coloured by its report.
fn drawing(ed: Editor) -> String {
    ed.eval
        .report
        .with_untracked(|r| ed.doc.design.with_untracked(|d| svg::svg(d, Some(r))))
}

fn export_svg(ed: Editor) {
    let name = file_name(&ed, ".svg");
    if let Err(e) = browser::download(&name, "image/svg+xml", &drawing(ed)) {
        ed.chrome
            .notice
            .set(Some(format!("The SVG was not saved: {e}.")));
    }
}

fn export_png(ed: Editor) {
    let name = file_name(&ed, ".png");
    browser::svg_to_png(&drawing(ed), PNG_SCALE, move |png| {
        let saved = png.and_then(|blob| browser::download_blob(&name, &blob));
        if let Err(e) = saved {
            ed.chrome
                .notice
                .set(Some(format!("The PNG was not saved: {e}.")));
        }
    });
}

fn copy_report(ed: Editor) {
    let text = ed
        .eval
        .report
        .with_untracked(|r| ed.doc.design.with_untracked(|d| markdown::for_design(d, r)));
    browser::copy_text(&text, move |ok| {
        ed.chrome.notice.set(Some(if ok {
            "Report copied as Markdown.".to_string()
        } else {
            "The browser refused the clipboard; the report was not copied.".to_string()
        }))
    });
}

/// A download's name: the title made safe, with `extension`.
fn file_name(ed: &Editor, extension: &str) -> String {
    ed.doc
        .design
        .with_untracked(|d| super::file_actions::file_name(&d.title, extension))
}
