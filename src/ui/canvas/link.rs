//! One link on the canvas: an arrow from caller to callee. Sync links are solid,
//! async dashed, write links carry a "write" tag; calls and latency show when
//! they differ from the catalog's defaults.

use leptos::prelude::*;

use super::gestures::Gestures;
use super::overlay::{flow_width, Overlay};
use crate::core::geometry::{lane_bend, route_link, LinkPath, Point};
use crate::core::model::{Design, Link, Mode, Op};
use crate::core::render::labels::{compact, link_text};
use crate::core::render::units::grouped;
use crate::core::render::units::sig;
use crate::ui::editor::use_editor;
use crate::ui::session::ItemKind;

/// What a screen reader says for a link.
pub fn link_label(d: &Design, l: &Link) -> String {
    let name = |id: &str| {
        d.block(id)
            .map(|b| b.display_label().to_string())
            .unwrap_or_else(|| id.to_string())
    };
    // The label the canvas draws on the link comes first after the ends, so the
    // name holds the visible text (WCAG 2.5.3).
    let label = if l.label.is_empty() {
        String::new()
    } else {
        format!("{}, ", l.label)
    };
    format!(
        "Link from {} to {}: {label}{} {}, {} call{} per request, {} ms",
        name(&l.from),
        name(&l.to),
        if l.mode == Mode::Sync {
            "sync"
        } else {
            "async"
        },
        if l.op == Op::Read { "read" } else { "write" },
        sig(l.calls),
        if l.calls == 1.0 { "" } else { "s" },
        sig(l.latency_ms)
    )
}

#[derive(Clone, PartialEq)]
struct LinkInfo {
    text: String,
    aria: String,
    asynchronous: bool,
    write: bool,
    from: String,
    to: String,
}

/// `detail` false leaves out the label and the wide hit area (a large design
/// seen from far away).
#[component]
pub fn LinkView(id: String, g: Gestures, #[prop(into)] detail: Signal<bool>) -> impl IntoView {
    let ed = use_editor();
    let key = StoredValue::new(id);
    let info = Memo::new(move |_| {
        ed.doc.design.with(|d| {
            key.with_value(|id| {
                d.link(id).map(|l| LinkInfo {
                    text: link_text(l, d.block(&l.from).map(|b| b.kind)),
                    aria: link_label(d, l),
                    asynchronous: l.mode == Mode::Async,
                    write: l.op == Op::Write,
                    from: l.from.clone(),
                    to: l.to.clone(),
                })
            })
        })
    });
    let path = Memo::new(move |_| -> Option<LinkPath> {
        let (from, to) = info.with(|i| i.as_ref().map(|i| (i.from.clone(), i.to.clone())))?;
        let a: Point = ed.block_position(&from)?;
        let b: Point = ed.block_position(&to)?;
        let (lane, lanes) = ed
            .doc
            .link_lanes
            .with(|m| key.with_value(|id| m.get(id).copied()))
            .unwrap_or((0, 1));
        Some(route_link(a, b, lane_bend(&from, &to, lane, lanes)))
    });
    let selected = Memo::new(move |_| {
        ed.session
            .selection
            .with(|s| key.with_value(|id| s.links.contains(id)))
    });
    let d_attr = move || {
        path.get()
            .map(|p| {
                format!(
                    "M {} {} Q {} {} {} {}",
                    p.start.x, p.start.y, p.control.x, p.control.y, p.end.x, p.end.y
                )
            })
            .unwrap_or_default()
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        super::item_key(ed, ItemKind::Link, &key.get_value(), &ev)
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        super::item_focus(ed.session, ItemKind::Link, &key.get_value(), &ev)
    };

    let overlay = expect_context::<Overlay>();
    let flow = Memo::new(move |_| key.with_value(|id| overlay.flow(id)));
    let times_out = Memo::new(move |_| key.with_value(|id| overlay.times_out(id)));
    let arrow_d = move || {
        let width = flow.get().map_or(1.6, flow_width);
        path.get()
            .map(|p| arrow_head(p.end, p.angle, width))
            .unwrap_or_default()
    };
    let aria = move || {
        let base = info.with(|i| i.as_ref().map(|i| i.aria.clone()).unwrap_or_default());
        let base = match flow.get() {
            Some(f) => format!("{base}; carries {} requests per second", grouped(f)),
            None => base,
        };
        if times_out.get() {
            format!("{base}; fails calls by timing out")
        } else {
            base
        }
    };
    let text = move || {
        let mut parts = Vec::new();
        info.with(|i| {
            if let Some(i) = i.as_ref().filter(|i| !i.text.is_empty()) {
                parts.push(i.text.clone());
            }
        });
        if let Some(f) = flow.get().filter(|&f| f > 0.0) {
            parts.push(format!("{} req/s", compact(f)));
        }
        // A link that fails calls by timing out says so in its label (red, see
        // main.css).
        if times_out.get() {
            parts.push("⏱ timeouts".to_string());
        }
        parts.join(" · ")
    };

    view! {
        <g
            class="link"
            class:selected=move || selected.get()
            class:async=move || info.with(|i| i.as_ref().is_some_and(|i| i.asynchronous))
            class:write=move || info.with(|i| i.as_ref().is_some_and(|i| i.write))
            class:plain=move || !detail.get()
            class:times-out=move || times_out.get()
            data-id=key.get_value()
            tabindex="0"
            role="button"
            aria-roledescription="link"
            aria-label=aria
            aria-pressed=move || selected.get().to_string()
            on:pointerdown=move |ev| g.item_down(ItemKind::Link, &key.get_value(), ev)
            on:keydown=on_key
            on:focus=on_focus
        >
            {move || detail.get().then(|| view! { <path class="link-hit" d=d_attr></path> })}
            <path
                class="link-line"
                d=d_attr
                style:stroke-width=move || flow.get().map(|f| format!("{:.2}px", flow_width(f)))
            ></path>
            // The head is a path of its own rather than an SVG marker: a marker is
            // drawn under a transform of its own, which makes Chromium re-layerize
            // the drawing on every move (see the note in block.rs).
            <path class="link-arrow" d=arrow_d></path>
        </g>
        // The label and figures sit beside the link's button, not in it, as a
        // block's figures do (see block.rs): the name holds the label and says
        // the figures in words. Pressing on them is pressing on the link.
        {move || {
            detail
                .get()
                .then(|| {
                    view! {
                        <text
                            class="link-text"
                            class:times-out=move || times_out.get()
                            x=move || path.get().map_or(0.0, |p| p.label.x)
                            y=move || path.get().map_or(0.0, |p| p.label.y - 6.0)
                            text-anchor="middle"
                            aria-hidden="true"
                            on:pointerdown=move |ev| g.item_down(ItemKind::Link, &key.get_value(), ev)
                        >
                            {text}
                        </text>
                    }
                })
        }}
    }
}

/// An arrow head with its tip at `tip`, pointing along `angle` (radians), sized
/// for a line `width` wide.
fn arrow_head(tip: Point, angle: f64, width: f64) -> String {
    let len = 9.0 + 2.0 * width;
    let half = len * 0.42;
    let (c, s) = (angle.cos(), angle.sin());
    let back = Point::new(tip.x - c * len, tip.y - s * len);
    let (l, r) = (
        Point::new(back.x - s * half, back.y + c * half),
        Point::new(back.x + s * half, back.y - c * half),
    );
    format!(
        "M {:.1} {:.1} L {:.1} {:.1} L {:.1} {:.1} Z",
        tip.x, tip.y, l.x, l.y, r.x, r.y
    )
}
