//! Inline SVG icons for the toolbar's buttons: drawn on the same 24×24 grid
//! and stroke style as the kind icons (no fill, round joins, the current text
//! colour), shown at 17 px so they sit beside a text label.

use leptos::prelude::*;

/// A toolbar action with an icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Brand,
    New,
    Open,
    Save,
    Previous,
    Recent,
    Undo,
    Redo,
    Templates,
    /// New from requirements: a calculator.
    Requirements,
    CopyLink,
    Present,
    Print,
    ExportSvg,
    ExportPng,
    CopyReport,
    /// Mermaid, Excalidraw, draw.io: an arrow out of a tray.
    OtherTools,
    ZoomOut,
    ZoomIn,
    Fit,
    Snap,
    ListView,
    Theme,
    Help,
}

/// The path data of a tool's icon (24×24 box).
pub fn tool_path(tool: Tool) -> &'static str {
    match tool {
        // An envelope.
        Tool::Brand => "M3 6h18v12H3zM3 6l9 7 9-7",
        // A page with a plus.
        Tool::New => "M6 3h8l4 4v14H6zM14 3v4h4M12 11v6M9 14h6",
        // An open folder.
        Tool::Open => "M3 19V5h6l2 2h7v3M3 19l3-9h15l-3 9z",
        // A floppy disk.
        Tool::Save => "M5 3h11l3 3v15H5zM8 3v5h7V3M8 21v-7h8v7",
        // A clock wound back.
        Tool::Previous => "M3 4v5h5M3.5 9A9 9 0 1 1 3.5 15M12 7v5l3 2",
        // Three stacked pages.
        Tool::Recent => "M8 3h12v14H8zM5 6v14h12M11 8h6M11 11h6M11 14h3",
        // A hooked arrow back, and forward.
        Tool::Undo => "M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3",
        Tool::Redo => "M15 14l5-5-5-5M20 9H9a5 5 0 0 0 0 10h3",
        // Four tiles.
        Tool::Templates => "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
        Tool::Requirements => "M6 3h12v18H6zM9 6h6v3H9zM9 13h1M12 13h1M15 13h1M9 17h1M12 17h1M15 17h1",
        // Two chain links.
        Tool::CopyLink => {
            "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"
        }
        // A screen on a stand, with a play mark.
        Tool::Present => "M3 4h18v12H3zM12 16v4M8 20h8M10 7.5v5l4-2.5z",
        // A printer.
        Tool::Print => "M7 9V3h10v6M7 17H4V9h16v8h-3M7 14h10v7H7z",
        // A Bézier curve between two anchors.
        Tool::ExportSvg => "M5.5 16.5C8 7 14 17 18.5 7.5M3 15h3v3H3zM18 4.5h3v3h-3zM3 21h18",
        // A framed picture: hills and a sun.
        Tool::ExportPng => "M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M16 7a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z",
        // A clipboard with lines of text.
        Tool::CopyReport => "M9 4H6v17h12V4h-3M9 3h6v3H9zM9 10h6M9 14h6M9 18h4",
        // A magnifier with minus, and with plus.
        Tool::OtherTools => "M12 15V3M7 8l5-5 5 5M5 13v8h14v-8",
        Tool::ZoomOut => "M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L20 20M7.5 10.5h6",
        Tool::ZoomIn => {
            "M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L20 20M7.5 10.5h6M10.5 7.5v6"
        }
        // Four corners pointing out.
        Tool::Fit => "M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5",
        // A three-by-three grid.
        Tool::Snap => "M4 4h16v16H4zM4 9.3h16M4 14.7h16M9.3 4v16M14.7 4v16",
        // Bulleted rows.
        Tool::ListView => "M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01",
        // A crescent moon.
        Tool::Theme => "M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z",
        // A question mark in a circle.
        Tool::Help => {
            "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.6v.6M12 17h.01"
        }
    }
}

/// A toolbar icon, hidden from assistive technology: the button around it
/// carries the name.
#[component]
pub fn ToolIcon(tool: Tool, #[prop(default = 17.0)] size: f64) -> impl IntoView {
    super::icons::stroke_icon("tool-icon", tool_path(tool), size, 1.8)
}
