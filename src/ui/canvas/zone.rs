//! A zone (failure domain) on the canvas: a labelled rectangle that moves with
//! its blocks and resizes from its corner.

use leptos::prelude::*;

use super::gestures::Gestures;
use crate::core::geometry::Rect;
use crate::core::render::units::percent;
use crate::ui::editor::use_editor;
use crate::ui::session::{Gesture, ItemKind};

#[component]
pub fn ZoneView(id: String, g: Gestures) -> impl IntoView {
    let ed = use_editor();
    let key = StoredValue::new(id);
    let zone = Memo::new(move |_| {
        ed.doc
            .design
            .with(|d| key.with_value(|id| d.zone(id).cloned()))
    });
    let rect = Memo::new(move |_| {
        let z = zone.get()?;
        let id = key.get_value();
        let mut r = Rect {
            x: z.x,
            y: z.y,
            w: z.w,
            h: z.h,
        };
        let (moving, resizing) = ed.session.gesture.with(|gst| match gst {
            Some(Gesture::Move { ids, .. }) => (ids.contains(&id), false),
            Some(Gesture::Resize { zone, .. }) => (false, *zone == id),
            _ => (false, false),
        });
        // Only the zone that moves or grows follows the per-move offset.
        if moving || resizing {
            let m = ed.session.motion.get();
            if moving {
                r.x += m.dx;
                r.y += m.dy;
            } else {
                r.w += m.dx;
                r.h += m.dy;
            }
        }
        Some(r)
    });
    let selected = Memo::new(move |_| {
        ed.session
            .selection
            .with(|s| key.with_value(|id| s.zones.contains(id)))
    });
    let label = move || {
        zone.with(|z| {
            z.as_ref()
                .map(|z| {
                    let name = if z.label.is_empty() { &z.id } else { &z.label };
                    if z.availability < 1.0 {
                        format!("{name} · {}", percent(z.availability))
                    } else {
                        name.to_string()
                    }
                })
                .unwrap_or_default()
        })
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        super::item_key(ed, ItemKind::Zone, &key.get_value(), &ev)
    };
    let r = move || rect.get().unwrap_or_default();

    view! {
        <g
            class="zone"
            class:selected=move || selected.get()
            class:failed=move || ed.session.whatif.with(|w| key.with_value(|id| w.fail.contains(id)))
            data-id=key.get_value()
            tabindex="0"
            role="button"
            aria-roledescription="zone"
            aria-label=move || format!("Zone {}", label())
            aria-pressed=move || selected.get().to_string()
            on:pointerdown=move |ev| g.item_down(ItemKind::Zone, &key.get_value(), ev)
            on:keydown=on_key
            on:contextmenu=move |ev| g.context_menu(ItemKind::Zone, &key.get_value(), ev)
        >
            <rect class="zone-body" x=move || r().x y=move || r().y width=move || r().w height=move || r().h rx="14"></rect>
            <text class="zone-label" x=move || r().x + 12.0 y=move || r().y + 22.0>
                {label}
            </text>
            <rect
                class="zone-resize"
                x=move || r().x + r().w - 14.0
                y=move || r().y + r().h - 14.0
                width="14"
                height="14"
                aria-hidden="true"
                on:pointerdown=move |ev| g.resize_down(&key.get_value(), ev)
            >
                <title>"Drag to resize"</title>
            </rect>
        </g>
    }
}
