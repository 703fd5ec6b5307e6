//! Pointer gestures on the canvas as a small state machine over
//! `Editor::gesture`: pan, move (previewed, committed once), rubber band,
//! connect, zone resize; plus wheel zoom and drops from the palette
//! (`wheel_drop.rs`).

mod wheel_drop;

use leptos::prelude::*;
use web_sys::PointerEvent;

use crate::core::culling;
use crate::core::edit::{CoalesceKey, Command};
use crate::core::geometry::{self, block_rect, Point, Rect};
use crate::ui::editor::Editor;
use crate::ui::session::{Gesture, ItemKind, Motion, Selection};

/// The drag-and-drop type a palette item carries (its kind's file name).
pub const PALETTE_MIME: &str = "application/x-envelope-kind";

/// Pointer movement under this many screen pixels is a click, not a drag.
const CLICK_SLOP: f64 = 3.0;

#[derive(Clone, Copy)]
pub struct Gestures {
    ed: Editor,
    svg: NodeRef<leptos::svg::Svg>,
    /// Screen point where the gesture started, to tell clicks from drags.
    origin: StoredValue<Point>,
    /// The last screen point of a pan (kept out of signals: nothing draws it).
    last: StoredValue<Point>,
    /// The canvas's top-left corner in the page, measured at the start of each
    /// gesture: reading it on every move would force a layout of the page.
    corner: StoredValue<Point>,
}

impl Gestures {
    pub fn new(ed: Editor, svg: NodeRef<leptos::svg::Svg>) -> Gestures {
        Gestures {
            ed,
            svg,
            origin: StoredValue::new(Point::default()),
            last: StoredValue::new(Point::default()),
            corner: StoredValue::new(Point::default()),
        }
    }

    /// Record the canvas's size on screen.
    pub fn measure(&self) {
        if let Some(svg) = self.svg.get_untracked() {
            let r = svg.get_bounding_client_rect();
            self.ed.set_canvas_size((r.width(), r.height()));
        }
    }

    /// A client point in canvas coordinates, measuring the canvas afresh.
    fn screen(&self, x: i32, y: i32) -> Point {
        if let Some(svg) = self.svg.get_untracked() {
            let r = svg.get_bounding_client_rect();
            self.corner.set_value(Point::new(r.left(), r.top()));
        }
        self.screen_cached(x, y)
    }

    /// A client point in canvas coordinates, with the corner measured when the
    /// gesture began (for pointer moves).
    fn screen_cached(&self, x: i32, y: i32) -> Point {
        let c = self.corner.get_value();
        Point::new(x as f64 - c.x, y as f64 - c.y)
    }

    fn world(&self, screen: Point) -> Point {
        self.ed.session.viewport.get_untracked().to_world(screen)
    }

    fn capture(&self, ev: &PointerEvent) {
        if let Some(svg) = self.svg.get_untracked() {
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
        let p = self.screen(ev.client_x(), ev.client_y());
        self.origin.set_value(p);
    }

    fn wants_pan(&self, ev: &PointerEvent) -> bool {
        ev.button() == 1 || self.ed.session.space_held.get_untracked()
    }

    /// Pointer down on empty canvas: pan, or Shift+drag for a rubber band. A
    /// plain block (a large design seen from far away) is not an element of its
    /// own, so a press on one is found here and handled as on any block.
    pub fn background_down(&self, ev: PointerEvent) {
        if ev.button() != 0 && ev.button() != 1 {
            return;
        }
        let p = self.screen(ev.client_x(), ev.client_y());
        let w = self.world(p);
        if !self.wants_pan(&ev) {
            if let Some(id) = self.plain_block_at(w) {
                self.item_down(ItemKind::Block, &id, ev);
                return;
            }
        }
        self.capture(&ev);
        self.start_motion(w);
        let gesture = if ev.shift_key() && !self.wants_pan(&ev) {
            Gesture::Band {
                start: w,
                additive: true,
            }
        } else {
            self.last.set_value(p);
            Gesture::Pan
        };
        self.ed.session.gesture.set(Some(gesture));
    }

    fn plain_block_at(&self, w: Point) -> Option<String> {
        let zoom = self.ed.session.viewport.with_untracked(|v| v.zoom);
        self.ed.doc.design.with_untracked(|d| {
            if culling::detailed(d.blocks.len(), zoom) {
                return None;
            }
            culling::block_at(d, w).map(str::to_string)
        })
    }

    /// Pointer down on an item: select it (Shift toggles) and start moving the
    /// selection.
    pub fn item_down(&self, kind: ItemKind, id: &str, ev: PointerEvent) {
        if ev.button() != 0 && ev.button() != 1 {
            return;
        }
        ev.stop_propagation();
        if self.wants_pan(&ev) {
            self.background_down(ev);
            return;
        }
        self.capture(&ev);
        let ed = self.ed;
        ed.session.selection.update(|s| {
            if ev.shift_key() {
                s.toggle(kind, id);
            } else if !s.contains(kind, id) {
                *s = Selection::only(kind, id);
            }
        });
        // Links do not move; nothing moves in a read-only view.
        if kind == ItemKind::Link || ed.doc.read_only.get_untracked() {
            return;
        }
        let mut ids: std::collections::BTreeSet<String> = ed
            .session
            .selection
            .with_untracked(|s| crate::core::sort::set_of(s.movable()));
        // A zone carries the blocks that belong to it.
        ed.doc.design.with_untracked(|d| {
            let zones: Vec<String> = ed
                .session
                .selection
                .with_untracked(|s| s.zones.iter().cloned().collect());
            for b in &d.blocks {
                if b.zone.as_ref().is_some_and(|z| zones.contains(z)) {
                    ids.insert(b.id.clone());
                }
            }
        });
        if ids.is_empty() {
            return;
        }
        let start = self.world(self.screen(ev.client_x(), ev.client_y()));
        self.start_motion(start);
        ed.session.gesture.set(Some(Gesture::Move { ids, start }));
    }

    /// Pointer down on a block's connection handle.
    pub fn handle_down(&self, id: &str, ev: PointerEvent) {
        ev.stop_propagation();
        if self.ed.doc.read_only.get_untracked() {
            return;
        }
        self.capture(&ev);
        let now = self.world(self.screen(ev.client_x(), ev.client_y()));
        self.start_motion(now);
        self.ed.session.connect_over.set(None);
        self.ed.session.gesture.set(Some(Gesture::Connect {
            from: id.to_string(),
        }));
    }

    /// Pointer down on a zone's resize corner.
    pub fn resize_down(&self, zone: &str, ev: PointerEvent) {
        ev.stop_propagation();
        if self.ed.doc.read_only.get_untracked() {
            return;
        }
        self.capture(&ev);
        let Some((w, h)) = self
            .ed
            .doc
            .design
            .with_untracked(|d| d.zone(zone).map(|z| (z.w, z.h)))
        else {
            return;
        };
        let start = self.world(self.screen(ev.client_x(), ev.client_y()));
        self.ed
            .session
            .selection
            .set(Selection::only(ItemKind::Zone, zone));
        self.start_motion(start);
        self.ed.session.gesture.set(Some(Gesture::Resize {
            zone: zone.to_string(),
            start,
            w,
            h,
        }));
    }

    pub fn pointer_move(&self, ev: PointerEvent) {
        let ed = self.ed;
        if ed.session.gesture.with_untracked(Option::is_none) {
            return;
        }
        let p = self.screen_cached(ev.client_x(), ev.client_y());
        let w = self.world(p);
        let snap = ed.session.snap.get_untracked();
        let round = |v: f64| if snap { geometry::snap(v) } else { v };
        let gesture = ed.session.gesture.get_untracked();
        match gesture {
            Some(Gesture::Pan) => {
                let last = self.last.get_value();
                self.last.set_value(p);
                ed.session
                    .viewport
                    .update(|v| *v = v.panned(p.x - last.x, p.y - last.y));
            }
            Some(Gesture::Move { start, .. }) => ed.session.motion.set(Motion {
                dx: round(w.x - start.x),
                dy: round(w.y - start.y),
                now: w,
            }),
            Some(Gesture::Band { .. }) => ed.session.motion.update(|m| m.now = w),
            Some(Gesture::Connect { from }) => {
                ed.session.motion.update(|m| m.now = w);
                let over = ed.doc.design.with_untracked(|d| {
                    d.blocks
                        .iter()
                        .rev()
                        .find(|b| b.id != from && block_rect(b.x, b.y).contains(w))
                        .map(|b| b.id.clone())
                });
                if ed.session.connect_over.with_untracked(|o| *o != over) {
                    ed.session.connect_over.set(over);
                }
            }
            Some(Gesture::Resize {
                start,
                w: zw,
                h: zh,
                ..
            }) => ed.session.motion.set(Motion {
                dx: round(w.x - start.x).max(40.0 - zw),
                dy: round(w.y - start.y).max(40.0 - zh),
                now: w,
            }),
            None => {}
        }
    }

    /// Reset the moving part of a gesture at its start.
    fn start_motion(&self, at: Point) {
        self.ed.session.motion.set(Motion {
            dx: 0.0,
            dy: 0.0,
            now: at,
        });
    }

    pub fn pointer_up(&self, ev: PointerEvent) {
        let ed = self.ed;
        let Some(gesture) = ed.session.gesture.get_untracked() else {
            return;
        };
        let p = self.screen(ev.client_x(), ev.client_y());
        let o = self.origin.get_value();
        let clicked = (p.x - o.x).abs() < CLICK_SLOP && (p.y - o.y).abs() < CLICK_SLOP;
        let Motion { dx, dy, now } = ed.session.motion.get_untracked();
        let over = ed.session.connect_over.get_untracked();
        ed.session.gesture.set(None);
        ed.session.connect_over.set(None);
        match gesture {
            Gesture::Pan if clicked => ed.session.clear_selection(),
            Gesture::Pan => {}
            Gesture::Move { ids, .. } => {
                if !clicked && (dx != 0.0 || dy != 0.0) {
                    ed.doc.seal();
                    let key = ed.session.new_gesture_key();
                    let moved = ed.dispatch_or_say(
                        Command::Move {
                            ids: ids.into_iter().collect(),
                            dx,
                            dy,
                        },
                        Some(key.clone()),
                    );
                    if moved {
                        self.rezone_moved_blocks(key);
                    }
                    ed.doc.seal();
                }
            }
            Gesture::Band { start, additive } => {
                let r = Rect::from_corners(start, now);
                let hit = ed.doc.design.with_untracked(|d| geometry::blocks_in(d, &r));
                ed.session.selection.update(|s| {
                    if !additive {
                        *s = Selection::default();
                    }
                    s.blocks.extend(hit);
                });
            }
            Gesture::Connect { from } => {
                if let Some(to) = over {
                    ed.connect(&from, &to);
                }
            }
            Gesture::Resize { zone, w, h, .. } => {
                let (dw, dh) = (dx, dy);
                let rect = ed
                    .doc
                    .design
                    .with_untracked(|d| d.zone(&zone).map(|z| (z.x, z.y)));
                if let (Some((x, y)), false) = (rect, dw == 0.0 && dh == 0.0) {
                    ed.dispatch_or_say(
                        Command::SetZoneRect {
                            id: zone,
                            rect: Rect {
                                x,
                                y,
                                w: w + dw,
                                h: h + dh,
                            },
                        },
                        None,
                    );
                }
            }
        }
    }

    /// After a move, blocks dropped into (or out of) a zone follow it, in the
    /// same undo step as the move.
    fn rezone_moved_blocks(&self, key: CoalesceKey) {
        use crate::core::edit::{BlockField, FieldValue};
        let ed = self.ed;
        let changes: Vec<Command> = ed.doc.design.with_untracked(|d| {
            let moved = ed.session.selection.with_untracked(|s| s.blocks.clone());
            d.blocks
                .iter()
                .filter(|b| moved.contains(&b.id))
                .filter_map(|b| {
                    let now = geometry::zone_at(d, Point::new(b.x, b.y)).map(String::from);
                    (now != b.zone).then(|| Command::SetBlockField {
                        id: b.id.clone(),
                        field: BlockField::Zone,
                        value: FieldValue::OptText(now),
                    })
                })
                .collect()
        });
        if !changes.is_empty() {
            // Joins the move's step: undo puts blocks back with their old zones.
            ed.dispatch_or_say(Command::Batch(changes), Some(key));
        }
    }

    /// Right-click on a block or zone: select it and open its context menu.
    pub fn context_menu(&self, kind: ItemKind, id: &str, ev: web_sys::MouseEvent) {
        ev.prevent_default();
        ev.stop_propagation();
        let ed = self.ed;
        if !ed
            .session
            .selection
            .with_untracked(|s| s.contains(kind, id))
        {
            ed.session.selection.set(Selection::only(kind, id));
        }
        let at = self.screen(ev.client_x(), ev.client_y());
        ed.session.menu.set(Some(crate::ui::session::Menu {
            kind,
            id: id.to_string(),
            at,
        }));
    }

    pub fn cancel(&self) {
        self.ed.session.gesture.set(None);
    }
}
