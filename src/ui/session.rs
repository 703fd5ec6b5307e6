//! The session: what is selected, where the view is, the gesture in progress,
//! the what-if scenario ([`Session`] holds them as signals). None of it is
//! saved with the document.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::core::edit::CoalesceKey;
use crate::core::eval::EvalOptions;
use crate::core::geometry::{self, Point, Viewport};
use crate::core::model::Design;

/// The selected items, by id.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Selection {
    pub blocks: BTreeSet<String>,
    pub links: BTreeSet<String>,
    pub zones: BTreeSet<String>,
    pub stickies: BTreeSet<String>,
}

/// What a selectable item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Block,
    Link,
    Zone,
    Sticky,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
            && self.links.is_empty()
            && self.zones.is_empty()
            && self.stickies.is_empty()
    }

    pub fn len(&self) -> usize {
        self.blocks.len() + self.links.len() + self.zones.len() + self.stickies.len()
    }

    pub fn only(kind: ItemKind, id: &str) -> Selection {
        let mut s = Selection::default();
        s.set_mut(kind).insert(id.to_string());
        s
    }

    pub fn set(&self, kind: ItemKind) -> &BTreeSet<String> {
        match kind {
            ItemKind::Block => &self.blocks,
            ItemKind::Link => &self.links,
            ItemKind::Zone => &self.zones,
            ItemKind::Sticky => &self.stickies,
        }
    }

    pub fn set_mut(&mut self, kind: ItemKind) -> &mut BTreeSet<String> {
        match kind {
            ItemKind::Block => &mut self.blocks,
            ItemKind::Link => &mut self.links,
            ItemKind::Zone => &mut self.zones,
            ItemKind::Sticky => &mut self.stickies,
        }
    }

    pub fn contains(&self, kind: ItemKind, id: &str) -> bool {
        self.set(kind).contains(id)
    }

    /// Add or remove one item (Shift+click).
    pub fn toggle(&mut self, kind: ItemKind, id: &str) {
        let set = self.set_mut(kind);
        if !set.remove(id) {
            set.insert(id.to_string());
        }
    }

    /// Everything that can move: blocks, zones, stickies.
    pub fn movable(&self) -> Vec<String> {
        self.blocks
            .iter()
            .chain(&self.zones)
            .chain(&self.stickies)
            .cloned()
            .collect()
    }

    /// Drop ids the design no longer has (after undo, delete, load).
    pub fn retain_existing(&mut self, d: &Design) {
        self.blocks.retain(|id| d.block(id).is_some());
        self.links.retain(|id| d.link(id).is_some());
        self.zones.retain(|id| d.zone(id).is_some());
        self.stickies.retain(|id| d.sticky(id).is_some());
    }

    /// Everything in the design.
    pub fn all(d: &Design) -> Selection {
        Selection {
            blocks: d.blocks.iter().map(|b| b.id.clone()).collect(),
            links: d.links.iter().map(|l| l.id.clone()).collect(),
            zones: d.zones.iter().map(|z| z.id.clone()).collect(),
            stickies: d.stickies.iter().map(|s| s.id.clone()).collect(),
        }
    }
}

/// The pointer gesture in progress on the canvas: what does not change while
/// the pointer moves. What does (offsets, the pointer) lives in [`Motion`], so
/// a move re-renders only what moves.
#[derive(Clone, Debug, PartialEq)]
pub enum Gesture {
    /// Dragging empty space (or space+drag): the view follows the pointer.
    Pan,
    /// Dragging the selection: previewed as `Motion`'s offset, committed on
    /// release as one move (one undo step).
    Move { ids: BTreeSet<String>, start: Point },
    /// Rubber-band selection from `start` (world) to `Motion::now`.
    Band { start: Point, additive: bool },
    /// Dragging from a block's handle to connect it.
    Connect { from: String },
    /// Resizing a zone by its corner handle; `Motion`'s offset is the growth.
    Resize {
        zone: String,
        start: Point,
        w: f64,
        h: f64,
    },
}

/// What changes on every pointer move during a gesture.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Motion {
    /// Offset of a move, or growth of a resize (world units).
    pub dx: f64,
    pub dy: f64,
    /// The pointer, in world coordinates.
    pub now: Point,
}

/// The what-if scenario: evaluated, never written into the document until the
/// user applies it.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// Multiplies every entry's traffic (×0.1 … ×100).
    pub scale: f64,
    /// Blocks and zones taken down.
    pub fail: BTreeSet<String>,
}

impl Default for WhatIf {
    fn default() -> Self {
        WhatIf {
            scale: 1.0,
            fail: BTreeSet::new(),
        }
    }
}

impl WhatIf {
    pub fn is_plain(&self) -> bool {
        self.scale == 1.0 && self.fail.is_empty()
    }

    /// The evaluation options for this scenario.
    pub fn options(&self) -> EvalOptions {
        EvalOptions {
            scale: self.scale,
            fail: self.fail.iter().cloned().collect(),
            // No view shows `importance[]` yet, and it costs two availabilities
            // per component on the path (a second at 1,000 blocks).
            importance: false,
            ..EvalOptions::default()
        }
    }
}

/// An open context menu: for which item, and where on the canvas (screen px).
#[derive(Clone, Debug, PartialEq)]
pub struct Menu {
    pub kind: ItemKind,
    pub id: String,
    pub at: Point,
}

/// The session of the page: selection, view, gesture and scenario as signals.
#[derive(Clone, Copy)]
pub struct Session {
    pub selection: RwSignal<Selection>,
    pub viewport: RwSignal<Viewport>,
    pub gesture: RwSignal<Option<Gesture>>,
    /// The moving part of the gesture (offset, pointer); read only by what moves.
    pub motion: RwSignal<Motion>,
    /// The canvas's context menu, when open.
    pub menu: RwSignal<Option<Menu>>,
    /// While connecting: the block under the pointer that would be the callee.
    pub connect_over: RwSignal<Option<String>>,
    pub snap: RwSignal<bool>,
    /// Space is held: any drag pans.
    pub space_held: RwSignal<bool>,
    /// The what-if scenario: traffic multiplier and failed components. Part of
    /// the view, not of the document.
    pub whatif: RwSignal<WhatIf>,
    /// The canvas's size on screen, for "add at the centre" and "fit". Set
    /// through `Editor::set_canvas_size`.
    pub canvas_size: RwSignal<(f64, f64)>,
    /// The canvas has measured itself: until then `canvas_size` is a guess, and
    /// the canvas draws nothing (a frame drawn for a guess would never be seen).
    pub canvas_measured: RwSignal<bool>,
    /// A design opened before the first measure waits to be fitted to it.
    pub fit_on_measure: StoredValue<bool>,
    /// Where the last paste landed, so repeated pastes step down-right.
    pub paste_offset: StoredValue<f64>,
    next_gesture: StoredValue<u64>,
}

impl Session {
    pub fn new() -> Session {
        Session {
            selection: RwSignal::new(Selection::default()),
            viewport: RwSignal::new(Viewport::default()),
            gesture: RwSignal::new(None),
            motion: RwSignal::new(Motion::default()),
            menu: RwSignal::new(None),
            connect_over: RwSignal::new(None),
            snap: RwSignal::new(false),
            space_held: RwSignal::new(false),
            whatif: RwSignal::new(WhatIf::default()),
            canvas_size: RwSignal::new((1000.0, 700.0)),
            canvas_measured: RwSignal::new(false),
            fit_on_measure: StoredValue::new(false),
            paste_offset: StoredValue::new(0.0),
            next_gesture: StoredValue::new(1),
        }
    }

    /// A key no other gesture has: the steps of one gesture join into one undo step.
    pub fn new_gesture_key(&self) -> CoalesceKey {
        let mut n = 0;
        self.next_gesture.update_value(|g| {
            n = *g;
            *g += 1;
        });
        CoalesceKey::Gesture(n)
    }

    pub fn clear_selection(&self) {
        self.selection.set(Selection::default());
    }

    /// `p` shifted by the move in progress when `id` is being dragged.
    pub fn preview_offset(&self, id: &str, p: Point) -> Point {
        let moving = self
            .gesture
            .with(|g| matches!(g, Some(Gesture::Move { ids, .. }) if ids.contains(id)));
        if moving {
            // Only moving items subscribe to the per-move offset.
            let m = self.motion.get();
            Point::new(p.x + m.dx, p.y + m.dy)
        } else {
            p
        }
    }

    /// The centre of what the canvas shows, in world coordinates.
    pub fn view_centre(&self) -> Point {
        let (w, h) = self.canvas_size.get_untracked();
        self.viewport
            .get_untracked()
            .to_world(Point::new(w / 2.0, h / 2.0))
    }

    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = self.canvas_size.get_untracked();
        self.viewport
            .update(|v| *v = v.zoom_at(Point::new(w / 2.0, h / 2.0), factor));
    }

    pub fn zoom_reset(&self) {
        let c = self.view_centre();
        let (w, h) = self.canvas_size.get_untracked();
        self.viewport.set(Viewport {
            zoom: 1.0,
            pan: Point::new(w / 2.0 - c.x, h / 2.0 - c.y),
        });
    }

    /// `p`, snapped to the grid when snapping is on.
    pub fn place(&self, p: Point) -> Point {
        if self.snap.get_untracked() {
            Point::new(geometry::snap(p.x), geometry::snap(p.y))
        } else {
            p
        }
    }
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}

/// The session of the page, provided by `App`.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
