//! What the canvas draws of a large design: only what is near the view, and
//! blocks without their text when zoomed out too far to read it.
//!
//! Invariants:
//! - A design of at most [`LARGE_DESIGN`] blocks is always drawn whole and in
//!   full detail, so every block and link is in the Tab order.
//! - Above it, the drawn window holds the visible area with at least a quarter
//!   of a view of margin on every side, and it is snapped to a grid of quarter
//!   views: a pan changes what is drawn only when it crosses a grid line.
//! - The blocks the caller keeps (the selection, a drag in progress) are drawn
//!   wherever they are, and so is every link touching a drawn block's window.
//! - Order is the design's order, so the Tab order does not depend on the view.

use std::collections::HashMap;

use crate::core::geometry::{block_rect, Rect, Viewport};
use crate::core::model::Design;

/// Above this many blocks the canvas culls and simplifies (see the module note).
///
/// Spec choice (the issue is silent): 300 blocks is well past any design drawn
/// by hand, and below it the canvas keeps every block in the Tab order. The list
/// view always shows every block and link.
pub const LARGE_DESIGN: usize = 300;

/// Below this zoom a large design's blocks are drawn as plain boxes: their
/// 13 px label would be under 6 px on screen.
pub const DETAIL_ZOOM: f64 = 0.45;

/// Whether a design of `blocks` blocks seen at `zoom` is drawn with text.
pub fn detailed(blocks: usize, zoom: f64) -> bool {
    blocks <= LARGE_DESIGN || zoom >= DETAIL_ZOOM
}

/// The world area to draw for a `w`×`h` px canvas, or `None` to draw everything
/// (a small design, or a canvas with no size yet).
pub fn window(blocks: usize, view: &Viewport, w: f64, h: f64) -> Option<Rect> {
    if blocks <= LARGE_DESIGN || w <= 0.0 || h <= 0.0 || view.zoom <= 0.0 {
        return None;
    }
    let seen = view.visible(w, h);
    let (cx, cy) = (w / view.zoom / 4.0, h / view.zoom / 4.0);
    let lo = |v: f64, cell: f64| ((v - cell) / cell).floor() * cell;
    let hi = |v: f64, cell: f64| ((v + cell) / cell).ceil() * cell;
    let (x0, y0) = (lo(seen.x, cx), lo(seen.y, cy));
    let (x1, y1) = (hi(seen.x + seen.w, cx), hi(seen.y + seen.h, cy));
    Some(Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    })
}

/// The ids the canvas draws, in the design's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    pub blocks: Vec<String>,
    pub links: Vec<String>,
}

/// The blocks and links of `d` to draw in `window` (everything when `None`),
/// plus the blocks `keep` names and the links touching them.
pub fn drawn(d: &Design, window: Option<&Rect>, keep: impl Fn(&str) -> bool) -> Drawn {
    let Some(win) = window else {
        return Drawn {
            blocks: d.blocks.iter().map(|b| b.id.clone()).collect(),
            links: d.links.iter().map(|l| l.id.clone()).collect(),
        };
    };
    let rects: HashMap<&str, Rect> = d
        .blocks
        .iter()
        .map(|b| (b.id.as_str(), block_rect(b.x, b.y)))
        .collect();
    let blocks = d
        .blocks
        .iter()
        .filter(|b| keep(&b.id) || block_rect(b.x, b.y).intersects(win))
        .map(|b| b.id.clone())
        .collect();
    let links = d
        .links
        .iter()
        .filter(|l| {
            keep(&l.from)
                || keep(&l.to)
                || match (rects.get(l.from.as_str()), rects.get(l.to.as_str())) {
                    (Some(a), Some(b)) => a.union(b).intersects(win),
                    _ => false,
                }
        })
        .map(|l| l.id.clone())
        .collect();
    Drawn { blocks, links }
}
