//! One block on the canvas: icon, label, key numbers, connection handle.

use leptos::prelude::*;

use super::gestures::Gestures;
use crate::core::geometry::{BLOCK_H, BLOCK_W};
use crate::core::model::{Block, Kind};
use crate::core::render::units::{grouped, sig};
use crate::ui::editor::use_editor;
use crate::ui::icons::KindIcon;
use crate::ui::session::{Gesture, ItemKind, Selection};

/// The line of key numbers under a block's label: "×3 · 10,000 req/s each".
pub fn key_numbers(b: &Block) -> String {
    let mut parts = Vec::new();
    if b.rps > 0.0 {
        parts.push(format!("{} req/s in", grouped(b.rps)));
    }
    if b.replicas > 1 || b.shards > 1 {
        let mut s = format!("×{}", b.replicas);
        if b.shards > 1 {
            s.push_str(&format!(" ×{} shards", b.shards));
        }
        parts.push(s);
    }
    if let Some(c) = b.capacity_rps {
        parts.push(format!("{} req/s each", grouped(c)));
    }
    if b.hit_ratio > 0.0 {
        parts.push(format!("hit {}%", sig(b.hit_ratio * 100.0)));
    }
    if parts.is_empty() && b.latency_ms > 0.0 {
        parts.push(format!("{} ms", sig(b.latency_ms)));
    }
    parts.join(" · ")
}

/// `s` cut to `n` characters with an ellipsis (the full text is in the tooltip).
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n - 1).collect();
        out.push('…');
        out
    }
}

/// What a screen reader says for a block.
pub fn block_label(b: &Block) -> String {
    let mut s = format!("{}: {}", b.kind.name(), b.display_label());
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
    facts.push(format!("availability {}", sig(b.availability * 100.0)));
    s.push_str(", ");
    s.push_str(&facts.join(", "));
    s
}

#[component]
pub fn BlockView(id: String, g: Gestures) -> impl IntoView {
    let ed = use_editor();
    let key = StoredValue::new(id);
    let block = Memo::new(move |_| {
        let i = ed
            .block_index
            .with(|m| key.with_value(|id| m.get(id).copied()))?;
        ed.design.with(|d| d.blocks.get(i).cloned())
    });
    let position = Memo::new(move |_| {
        block.with(|b| {
            b.as_ref().map(|b| {
                key.with_value(|id| {
                    ed.preview_offset(id, crate::core::geometry::Point::new(b.x, b.y))
                })
            })
        })
    });
    let selected = Memo::new(move |_| {
        ed.selection
            .with(|s| key.with_value(|id| s.blocks.contains(id)))
    });
    let target = Memo::new(move |_| {
        ed.gesture.with(|g| match g {
            Some(Gesture::Connect { over: Some(o), .. }) => key.with_value(|id| o == id),
            _ => false,
        })
    });

    let transform = move || {
        position
            .get()
            .map(|p| format!("translate({} {})", p.x, p.y))
            .unwrap_or_default()
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let id = key.get_value();
        match ev.key().as_str() {
            "Enter" | " " => {
                ev.prevent_default();
                ed.selection.set(Selection::only(ItemKind::Block, &id));
                ed.focus_inspector.set(true);
            }
            "Delete" | "Backspace" => {
                ev.prevent_default();
                ev.stop_propagation();
                ed.delete_item(ItemKind::Block, &id);
            }
            _ => {}
        }
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        // A click already chose the selection (Shift+click may have just
        // removed this item); only keyboard focus selects.
        if !crate::ui::browser::focus_from_keyboard(&ev) {
            return;
        }
        let id = key.get_value();
        if !ed.selection.with_untracked(|s| s.blocks.contains(&id)) {
            ed.selection.set(Selection::only(ItemKind::Block, &id));
        }
    };

    // What the block shows, apart from where: rebuilt text, never a rebuilt <g>,
    // so a focused block keeps focus while it is edited or nudged.
    let info = Memo::new(move |_| {
        block.with(|b| {
            b.as_ref()
                .map(|b| BlockInfo {
                    label: clip(b.display_label(), 16),
                    numbers: key_numbers(b),
                    aria: block_label(b),
                    kind: b.kind,
                })
                .unwrap_or_default()
        })
    });

    view! {
        <g
            class="block"
            class:selected=move || selected.get()
            class:connect-target=move || target.get()
            data-id=key.get_value()
            data-kind=move || info.with(|i| i.kind.as_str())
            transform=transform
            tabindex="0"
            role="button"
            aria-roledescription="block"
            aria-label=move || info.with(|i| i.aria.clone())
            aria-pressed=move || selected.get().to_string()
            on:pointerdown=move |ev| g.item_down(ItemKind::Block, &key.get_value(), ev)
            on:keydown=on_key
            on:focus=on_focus
        >
            <title>{move || info.with(|i| i.aria.clone())}</title>
            <rect
                class="block-body"
                x=-BLOCK_W / 2.0
                y=-BLOCK_H / 2.0
                width=BLOCK_W
                height=BLOCK_H
                rx="10"
            ></rect>
            <g transform=format!("translate({} {})", -BLOCK_W / 2.0 + 10.0, -12.0)>
                {move || {
                    let kind = info.with(|i| i.kind);
                    view! { <KindIcon kind=kind size=24.0 /> }
                }}
            </g>
            <text class="block-label" x=-BLOCK_W / 2.0 + 42.0 y="-4">
                {move || info.with(|i| i.label.clone())}
            </text>
            <text class="block-numbers" x=-BLOCK_W / 2.0 + 42.0 y="14">
                {move || info.with(|i| i.numbers.clone())}
            </text>
            <circle
                class="handle"
                cx=BLOCK_W / 2.0
                cy="0"
                r="7"
                aria-hidden="true"
                on:pointerdown=move |ev| g.handle_down(&key.get_value(), ev)
            >
                <title>"Drag to another block to connect"</title>
            </circle>
        </g>
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
