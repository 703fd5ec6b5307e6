//! The SVG canvas: pan and zoom, selection, dragging, connecting, dropping kinds
//! from the palette. Each item is its own component keyed by id, so moving one
//! block re-renders that block and its links, not the canvas.

mod block;
mod gestures;
mod link;
pub mod overlay;
mod sticky;
mod zone;

use leptos::prelude::*;

use super::editor::use_editor;
use super::session::Gesture;
use crate::core::culling;
use crate::core::geometry::{self, Rect, Viewport};
use block::BlockView;
use link::LinkView;
use sticky::StickyView;
use zone::ZoneView;

pub use gestures::PALETTE_MIME;

use super::editor::Editor;
use super::session::{ItemKind, Selection, Session};

/// Keys on a focused canvas item: Enter or Space opens it in the inspector,
/// Delete or Backspace removes it (with the rest of the selection).
pub(crate) fn item_key(ed: Editor, kind: ItemKind, id: &str, ev: &web_sys::KeyboardEvent) {
    match ev.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            ed.session.selection.set(Selection::only(kind, id));
            ed.chrome.focus_inspector.set(true);
        }
        "Delete" | "Backspace" => {
            ev.prevent_default();
            ev.stop_propagation();
            ed.delete_item(kind, id);
        }
        _ => {}
    }
}

/// Keyboard focus on an item selects it. A click has already chosen the
/// selection (Shift+click may just have removed this item), so it is left alone.
pub(crate) fn item_focus(session: Session, kind: ItemKind, id: &str, ev: &leptos::ev::FocusEvent) {
    if super::browser::focus_from_keyboard(ev)
        && !session.selection.with_untracked(|s| s.contains(kind, id))
    {
        session.selection.set(Selection::only(kind, id));
    }
}

/// The printed canvas's size in CSS px (about 190 × 106 mm: fits A4 and Letter
/// with the results below it).
const PRINT_W: f64 = 700.0;
const PRINT_H: f64 = 400.0;

#[component]
pub fn Canvas() -> impl IntoView {
    let ed = use_editor();
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let g = gestures::Gestures::new(ed, svg);
    provide_context(overlay::Overlay::new(ed.doc, ed.session, ed.eval));

    let ids = |pick: fn(&crate::core::model::Design) -> Vec<String>| {
        Memo::new(move |_| ed.doc.design.with(pick))
    };
    let zone_ids = ids(|d| d.zones.iter().map(|z| z.id.clone()).collect());
    let sticky_ids = ids(|d| d.stickies.iter().map(|s| s.id.clone()).collect());

    // A large design draws only what is near the view, and plain boxes when
    // zoomed out (core::culling); on paper it is drawn whole.
    let printing = RwSignal::new(false);
    let print_listeners =
        StoredValue::new_local(Some(super::browser::on_print(move |now| printing.set(now))));
    on_cleanup(move || print_listeners.set_value(None));
    let count = Memo::new(move |_| ed.doc.design.with(|d| d.blocks.len()));
    let detail = Memo::new(move |_| {
        let n = count.get();
        if printing.get() {
            n <= culling::LARGE_DESIGN
        } else {
            culling::detailed(n, ed.session.viewport.with(|v| v.zoom))
        }
    });
    let window = Memo::new(move |_| {
        if printing.get() {
            return None;
        }
        let (w, h) = ed.session.canvas_size.get();
        ed.session
            .viewport
            .with(|v| culling::window(count.get(), v, w, h))
    });
    let drawn = Memo::new(move |_| {
        if !ed.session.canvas_measured.get() {
            return culling::Drawn::default();
        }
        let win = window.get();
        ed.session.selection.with(|sel| {
            ed.session.gesture.with(|gst| {
                let moving =
                    |id: &str| matches!(gst, Some(Gesture::Move { ids, .. }) if ids.contains(id));
                ed.doc.design.with(|d| {
                    culling::drawn(
                        d,
                        win.as_ref(),
                        !detail.get(),
                        |id| sel.blocks.contains(id) || moving(id),
                        |id| sel.links.contains(id),
                    )
                })
            })
        })
    });
    // For tests and the benchmark: how many blocks the canvas means to draw now,
    // one by one and as plain boxes.
    super::browser::expose_getter("drawn", move || {
        drawn.with_untracked(|d| format!("{} {}", d.blocks.len(), d.plain_blocks.len()))
    });
    let link_ids = Memo::new(move |_| drawn.with(|d| d.links.clone()));
    let block_ids = Memo::new(move |_| drawn.with(|d| d.blocks.clone()));
    let overlay = expect_context::<overlay::Overlay>();
    let plain = Memo::new(move |_| {
        // One read of the statuses for all the boxes, no copy of any.
        overlay.blocks.with(|statuses| {
            let heat = |id: &str| match statuses.get(id) {
                Some(s) if s.failed => culling::Heat::Failed,
                Some(s) if s.level == overlay::Level::Saturated => culling::Heat::Saturated,
                Some(s) if s.level == overlay::Level::Hot => culling::Heat::Hot,
                _ => culling::Heat::Normal,
            };
            drawn.with(|dr| {
                ed.doc.design.with(|d| {
                    ed.doc
                        .link_lanes
                        .with(|lanes| culling::plain_paths(d, dr, lanes, heat))
                })
            })
        })
    });

    let transform = move || {
        let v = ed.session.viewport.get();
        format!("translate({} {}) scale({})", v.pan.x, v.pan.y, v.zoom)
    };
    // On paper the whole design is fitted into a canvas of this size
    // (style/print.css gives the printed canvas the same size, in px).
    let print_transform = move || {
        let v = ed
            .doc
            .design
            .with(geometry::design_bounds)
            .map_or_else(Viewport::default, |b| {
                Viewport::fit(b, PRINT_W, PRINT_H, 12.0)
            });
        format!("translate({}px, {}px) scale({})", v.pan.x, v.pan.y, v.zoom)
    };
    let grid = move || {
        let v = ed.session.viewport.get();
        let step = 20.0 * v.zoom;
        (step, v.pan.x.rem_euclid(step), v.pan.y.rem_euclid(step))
    };

    // The overlays of the gesture in progress: rubber band and connection line.
    let band = move || {
        ed.session.gesture.with(|gst| match gst {
            Some(Gesture::Band { start, .. }) => {
                Some(Rect::from_corners(*start, ed.session.motion.get().now))
            }
            _ => None,
        })
    };
    let connect_line = move || {
        ed.session.gesture.with(|gst| match gst {
            Some(Gesture::Connect { from, .. }) => ed
                .block_position(from)
                .map(|p| (p, ed.session.motion.get().now)),
            _ => None,
        })
    };

    Effect::new(move |_| g.measure());
    let resize = StoredValue::new_local(super::browser::on_resize(move || g.measure()));
    on_cleanup(move || resize.dispose());

    view! {
        <div class="canvas-wrap">
            <svg
                node_ref=svg
                class="canvas"
                class:panning=move || matches!(ed.session.gesture.get(), Some(Gesture::Pan))
                role="application"
                aria-label="Design canvas"
                aria-roledescription="canvas"
                on:pointerdown=move |ev| g.background_down(ev)
                on:pointermove=move |ev| g.pointer_move(ev)
                on:pointerup=move |ev| g.pointer_up(ev)
                on:pointercancel=move |_| g.cancel()
                on:wheel=move |ev| g.wheel(ev)
                on:dragover=move |ev| g.drag_over(ev)
                on:drop=move |ev| g.drop(ev)
            >
                <defs>
                    <pattern
                        id="grid"
                        patternUnits="userSpaceOnUse"
                        width=move || grid().0
                        height=move || grid().0
                        x=move || grid().1
                        y=move || grid().2
                    >
                        <circle cx="1" cy="1" r="1" class="grid-dot"></circle>
                    </pattern>
                    <pattern
                        id="hatch"
                        patternUnits="userSpaceOnUse"
                        width="8"
                        height="8"
                        patternTransform="rotate(45)"
                    >
                        <line x1="0" y1="0" x2="0" y2="8" class="hatch-line"></line>
                    </pattern>
                    <marker
                        id="arrow"
                        viewBox="0 0 10 10"
                        refX="9"
                        refY="5"
                        markerWidth="8"
                        markerHeight="8"
                        orient="auto-start-reverse"
                    >
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head"></path>
                    </marker>
                </defs>
                <rect class="canvas-bg" width="100%" height="100%" fill="url(#grid)"></rect>
                <g class="world" transform=transform style:--print-transform=print_transform>
                    <g class="zones">
                        <For each=move || zone_ids.get() key=|id| id.clone() let:id>
                            <ZoneView id=id g=g />
                        </For>
                    </g>
                    // A large design seen from far away: its blocks and links as a
                    // few plain paths (the list view names every one of them; a
                    // click on a plain block selects it: see gestures.rs).
                    <g class="plain" aria-hidden="true">
                        <path class="plain-link" d=move || plain.with(|p| p.sync.clone())></path>
                        <path
                            class="plain-link async"
                            d=move || plain.with(|p| p.asynchronous.clone())
                        ></path>
                        <path class="plain-block" d=move || plain.with(|p| p.blocks[0].clone())></path>
                        <path
                            class="plain-block hot"
                            d=move || plain.with(|p| p.blocks[1].clone())
                        ></path>
                        <path
                            class="plain-block saturated"
                            d=move || plain.with(|p| p.blocks[2].clone())
                        ></path>
                        <path
                            class="plain-block failed"
                            d=move || plain.with(|p| p.blocks[3].clone())
                        ></path>
                    </g>
                    <g class="links">
                        <For each=move || link_ids.get() key=|id| id.clone() let:id>
                            <LinkView id=id g=g detail=detail />
                        </For>
                    </g>
                    <g class="blocks">
                        <For each=move || block_ids.get() key=|id| id.clone() let:id>
                            <BlockView id=id g=g detail=detail />
                        </For>
                    </g>
                    <g class="stickies">
                        <For each=move || sticky_ids.get() key=|id| id.clone() let:id>
                            <StickyView id=id g=g />
                        </For>
                    </g>
                    {move || connect_line().map(|(a, b)| view! {
                        <line class="connect-preview" x1=a.x y1=a.y x2=b.x y2=b.y marker-end="url(#arrow)"></line>
                    })}
                    {move || band().map(|r| view! {
                        <rect class="rubber-band" x=r.x y=r.y width=r.w height=r.h></rect>
                    })}
                </g>
            </svg>
        </div>
    }
}
