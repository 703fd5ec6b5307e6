//! Inline SVG icons for the block kinds: 24×24, 1.6 px strokes, no fill, in the
//! current text colour, so they follow the theme.

use leptos::prelude::*;

use crate::core::model::Kind;

/// The path data of a kind's icon (24×24 box).
pub fn icon_path(kind: Kind) -> &'static str {
    match kind {
        // A person.
        Kind::Client => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6",
        // A globe.
        Kind::Dns => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18",
        // A globe with edge nodes.
        Kind::Cdn => "M12 5a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM5 12h14M12 5c2 2 2 12 0 14M3 4h3M18 4h3M3 20h3M18 20h3",
        // One in, three out.
        Kind::LoadBalancer => "M3 12h6M9 12l4-6h8M9 12h12M9 12l4 6h8M19 4l2 2-2 2M19 10l2 2-2 2M19 16l2 2-2 2",
        // A gate.
        Kind::ApiGateway => "M4 21V7l8-4 8 4v14M8 21v-8h8v8M4 11h16",
        // A gauge.
        Kind::RateLimiter => "M4 18a8 8 0 1 1 16 0M12 18l4-6M8 18h8",
        // A server box.
        Kind::Service => "M4 5h16v6H4zM4 13h16v6H4zM7 8h2M7 16h2",
        // A lambda.
        Kind::Function => "M6 4h3l8 16h3M12 12l-6 8",
        // A gear.
        Kind::Worker => "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2",
        // A plug.
        Kind::ExternalApi => "M9 3v5M15 3v5M6 8h12v4a6 6 0 0 1-12 0zM12 18v3",
        // A lightning bolt.
        Kind::Cache => "M13 2L5 13h6l-1 9 8-11h-6z",
        // A cylinder.
        Kind::RelationalDb => "M4 6c0-2 16-2 16 0v12c0 2-16 2-16 0zM4 6c0 2 16 2 16 0M4 12c0 2 16 2 16 0",
        // A document.
        Kind::DocumentDb => "M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7",
        // A key.
        Kind::KvStore => "M8 15a4 4 0 1 1 0-8 4 4 0 0 1 0 8zM12 11h9M18 11v3M21 11v3",
        // Columns.
        Kind::WideColumn => "M3 5h18v14H3zM9 5v14M15 5v14M3 10h18",
        // A magnifier.
        Kind::SearchIndex => "M10 4a6 6 0 1 0 0 12 6 6 0 0 0 0-12zM15 15l6 6",
        // A bucket.
        Kind::ObjectStorage => "M4 6h16l-2 14H6zM4 6c0-2 16-2 16 0",
        // A queue of messages.
        Kind::Queue => "M3 7h4v10H3zM10 7h4v10h-4zM17 7h4v10h-4z",
        // An append-only log.
        Kind::EventLog => "M4 5h16M4 10h16M4 15h10M4 20h6M18 15v6M15 18h6",
        // A chart.
        Kind::Observability => "M3 20h18M5 16l4-5 4 3 6-8",
    }
}

/// Icon of a zone (dashed square) and of a sticky note, for the palette.
pub const ZONE_ICON: &str =
    "M4 4h4M10 4h4M16 4h4v4M20 10v4M20 16v4h-4M14 20h-4M8 20H4v-4M4 14v-4M4 8V4";
pub const STICKY_ICON: &str = "M5 4h14v10l-6 6H5zM13 20v-6h6";

#[component]
pub fn PathIcon(d: &'static str, #[prop(default = 24.0)] size: f64) -> impl IntoView {
    stroke_icon("icon", d, size, 1.6)
}

/// A 24×24 stroked icon of one path, hidden from assistive technology (the
/// control around it carries the name).
pub fn stroke_icon(class: &'static str, d: &'static str, size: f64, stroke: f64) -> impl IntoView {
    view! {
        <svg
            class=class
            width=size
            height=size
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            stroke-width=stroke
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
            focusable="false"
        >
            <path d=d></path>
        </svg>
    }
}
