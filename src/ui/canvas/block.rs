//! One block on the canvas: icon, label, key numbers, connection handle.

use leptos::prelude::*;

use super::gestures::Gestures;
use super::overlay::{heat_colour, Level, Overlay};
use crate::core::geometry::{translate_path, BLOCK_H, BLOCK_W};
use crate::core::model::{Block, Kind};
use crate::core::render::labels::{clip, key_numbers, LABEL_FIT};
use crate::core::render::units::{grouped, percent, sig};
use crate::core::report::Severity;
use crate::ui::editor::use_editor;
use crate::ui::icons::icon_path;
use crate::ui::session::ItemKind;

/// What a screen reader says for a block: kind, label (when it has its own),
/// then the key numbers.
pub fn block_label(b: &Block) -> String {
    let mut s = if b.label.is_empty() {
        b.kind.name().to_string()
    } else {
        format!("{}: {}", b.kind.name(), b.label)
    };
    let mut facts = vec![format!(
        "{} replica{}",
        b.replicas,
        if b.replicas == 1 { "" } else { "s" }
    )];
    if b.rps > 0.0 {
        facts.push(format!("{} requests per second in", grouped(b.rps)));
    }
    if let Some(c) = b.capacity_rps {
        facts.push(format!("capacity {} per second each", grouped(c)));
    }
    facts.push(format!("availability {}", percent(b.availability)));
    if b.latency_ms > 0.0 {
        facts.push(format!("median latency {} ms", sig(b.latency_ms)));
    }
    s.push_str(", ");
    s.push_str(&facts.join(", "));
    s
}

/// `detail` false draws a plain box (a large design seen from far away): no
/// icon, text, badge or handle, the same name for screen readers.
#[component]
pub fn BlockView(id: String, g: Gestures, #[prop(into)] detail: Signal<bool>) -> impl IntoView {
    let ed = use_editor();
    let key = StoredValue::new(id);
    let block = Memo::new(move |_| {
        let i = ed
            .doc
            .block_index
            .with(|m| key.with_value(|id| m.get(id).copied()))?;
        ed.doc.design.with(|d| d.blocks.get(i).cloned())
    });
    let position = Memo::new(move |_| {
        block.with(|b| {
            b.as_ref().map(|b| {
                key.with_value(|id| {
                    ed.session
                        .preview_offset(id, crate::core::geometry::Point::new(b.x, b.y))
                })
            })
        })
    });
    let selected = Memo::new(move |_| {
        ed.session
            .selection
            .with(|s| key.with_value(|id| s.blocks.contains(id)))
    });
    let target = Memo::new(move |_| {
        ed.session
            .connect_over
            .with(|o| o.as_ref().is_some_and(|o| key.with_value(|id| o == id)))
    });

    // Every part is placed in world coordinates, not under a per-block
    // `transform`: a transform is a property node of its own in Chromium, and
    // changing one makes it re-layerize the whole drawing on every move, while
    // changed coordinates only repaint what moved.
    let x = move |dx: f64| move || position.get().map_or(0.0, |p| p.x + dx);
    let y = move |dy: f64| move || position.get().map_or(0.0, |p| p.y + dy);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        super::item_key(ed, ItemKind::Block, &key.get_value(), &ev)
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        super::item_focus(ed.session, ItemKind::Block, &key.get_value(), &ev)
    };

    // What the block shows, apart from where: rebuilt text, never a rebuilt <g>,
    // so a focused block keeps focus while it is edited or nudged.
    let info = Memo::new(move |_| {
        block.with(|b| {
            b.as_ref()
                .map(|b| BlockInfo {
                    label: clip(b.display_label(), LABEL_FIT),
                    numbers: key_numbers(b),
                    aria: block_label(b),
                    kind: b.kind,
                })
                .unwrap_or_default()
        })
    });

    let overlay = expect_context::<Overlay>();
    let status = Memo::new(move |_| key.with_value(|id| overlay.block(id)));
    let storm = move || status.with(|s| s.as_ref().is_some_and(|s| s.storm));
    let level = move || status.with(|s| s.as_ref().map_or(Level::Unknown, |s| s.level));
    let aria = move || {
        let mut base = info.with(|i| i.aria.clone());
        if storm() {
            base.push_str("; a retry storm would overload it");
        }
        match status.with(|s| s.as_ref().map(|s| (s.detail.clone(), s.failed))) {
            Some((detail, failed)) => format!(
                "{base}; {detail}{}",
                if failed {
                    "; failed in the what-if scenario"
                } else {
                    ""
                }
            ),
            None => base,
        }
    };
    let util_bar = move || {
        status.with(|s| {
            s.as_ref().and_then(|s| s.utilization).map(|u| {
                view! {
                    <rect
                        class="util-bar"
                        x=x(-BLOCK_W / 2.0 + 6.0)
                        y=y(BLOCK_H / 2.0 - 7.0)
                        width=(BLOCK_W - 12.0) * u.clamp(0.02, 1.0)
                        height="3.5"
                        rx="1.5"
                        fill=heat_colour(u)
                    ></rect>
                }
            })
        })
    };
    let badge = move || {
        status.with(|s| {
            let s = s.as_ref()?;
            let worst = s.worst?;
            let (class, letter) = match worst {
                Severity::Error => ("badge error", "!"),
                Severity::Warning => ("badge warning", "▲"),
                Severity::Info => ("badge info", "i"),
            };
            let n = s.findings;
            Some(view! {
                <g class=class>
                    <rect
                        x=x(BLOCK_W / 2.0 - 30.0)
                        y=y(-BLOCK_H / 2.0 - 7.0)
                        width="30"
                        height="18"
                        rx="9"
                    ></rect>
                    <text x=x(BLOCK_W / 2.0 - 15.0) y=y(-BLOCK_H / 2.0 + 6.0) text-anchor="middle">
                        {format!("{letter}{n}")}
                    </text>
                </g>
            })
        })
    };

    // Marks for states most blocks are not in are drawn only while they apply:
    // every node a block does not have is one less to create and lay out.
    let saturated = move || level() == Level::Saturated;
    let failed = move || status.with(|s| s.as_ref().is_some_and(|s| s.failed));
    // The block's rectangle: its body, or the hatching over a saturated one.
    let rect = move |class: &'static str, fill: Option<&'static str>| {
        view! {
            <rect class=class x=x(-BLOCK_W / 2.0) y=y(-BLOCK_H / 2.0) width=BLOCK_W height=BLOCK_H rx="10" fill=fill />
        }
    };
    let hatch = move || saturated().then(|| rect("saturated-hatch", Some("url(#hatch)")));
    // A saturated block, or one its callers' retries would overload (never
    // both: a retry storm is found only below saturation), says so over its
    // top left corner.
    let state_mark = move || {
        let (class, text) = if saturated() {
            ("saturated-mark", "⚠ saturated")
        } else if storm() {
            ("storm-mark", "↻ retry storm")
        } else {
            return None;
        };
        Some(view! {
            <text class=class x=x(-BLOCK_W / 2.0 + 10.0) y=y(-BLOCK_H / 2.0 - 6.0)>
                {text}
            </text>
        })
    };
    let failed_mark = move || {
        failed().then(|| {
            view! {
                <text
                    class="failed-mark"
                    x=x(0.0)
                    y=y(5.0)
                    text-anchor="middle"
                >
                    "✕ down"
                </text>
            }
        })
    };

    view! {
        <g
            class="block"
            class:selected=move || selected.get()
            class:hot=move || level() == Level::Hot
            class:saturated=saturated
            class:failed=failed
            class:storm=storm
            class:connect-target=move || target.get()
            class:plain=move || !detail.get()
            data-id=key.get_value()
            data-kind=move || info.with(|i| i.kind.as_str())
            tabindex="0"
            role="button"
            aria-roledescription="block"
            aria-label=aria
            aria-pressed=move || selected.get().to_string()
            on:pointerdown=move |ev| g.item_down(ItemKind::Block, &key.get_value(), ev)
            on:keydown=on_key
            on:contextmenu=move |ev| g.context_menu(ItemKind::Block, &key.get_value(), ev)
            on:focus=on_focus
        >
            {rect("block-body", None)}
            {hatch}
            {util_bar}
            {move || detail.get().then(|| view! {
                <title>{aria}</title>
                // Drawn only while the block has keyboard focus (see main.css; a
                // plain block shows focus on its body).
                <rect
                    class="focus-ring"
                    x=x(-BLOCK_W / 2.0 - 5.0)
                    y=y(-BLOCK_H / 2.0 - 5.0)
                    width=BLOCK_W + 10.0
                    height=BLOCK_H + 10.0
                    rx="14"
                />
                // The kind's 24×24 icon as one path (no nested <svg> viewport per block).
                <path
                    class="block-icon"
                    d=move || {
                        let at = position.get().unwrap_or_default();
                        let kind = info.with(|i| i.kind);
                        translate_path(icon_path(kind), at.x - BLOCK_W / 2.0 + 10.0, at.y - 12.0)
                    }
                />
                // The text is cut to fit by `clip` (no clip-path: see the note on `x`).
                <text class="block-label" x=x(-BLOCK_W / 2.0 + 42.0) y=y(-4.0)>
                    {move || info.with(|i| i.label.clone())}
                </text>
                <circle
                    class="handle"
                    cx=x(BLOCK_W / 2.0)
                    cy=y(0.0)
                    r="7"
                    aria-hidden="true"
                    on:pointerdown=move |ev| g.handle_down(&key.get_value(), ev)
                />
            })}
        </g>
        // The figures and marks drawn over the block sit beside its button, not
        // in it: the button's visible text is then its label alone, which its
        // accessible name contains (WCAG 2.5.3, label in name), and the name says
        // these figures in words. They let the pointer through to the block.
        {move || detail.get().then(|| view! {
            <g class="block-marks" class:failed=failed aria-hidden="true">
                <text class="block-numbers" x=x(-BLOCK_W / 2.0 + 42.0) y=y(14.0)>
                    {move || info.with(|i| i.numbers.clone())}
                </text>
                {badge}
                {state_mark}
                {failed_mark}
            </g>
        })}
    }
}

#[derive(Clone, PartialEq)]
struct BlockInfo {
    label: String,
    numbers: String,
    aria: String,
    kind: Kind,
}

impl Default for BlockInfo {
    fn default() -> Self {
        BlockInfo {
            label: String::new(),
            numbers: String::new(),
            aria: String::new(),
            kind: Kind::Service,
        }
    }
}
