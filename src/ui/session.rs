//! The session: what is selected, where the view is, the gesture in progress.
//! None of it is saved with the document.

use std::collections::BTreeSet;

use crate::core::eval::EvalOptions;
use crate::core::geometry::Point;
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
