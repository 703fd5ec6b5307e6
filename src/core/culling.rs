//! What the canvas draws of a large design: only what is near the view, and
//! plain boxes and lines (a few paths) when zoomed out too far to read text.
//!
//! Invariants:
//! - A design of at most [`LARGE_DESIGN`] blocks is always drawn whole and in
//!   full detail, so every block and link is in the Tab order.
//! - Above it, the drawn window holds the visible area with at least a quarter
//!   of a view of margin on every side, and it is snapped to a grid of quarter
//!   views: a pan changes what is drawn only when it crosses a grid line.
//! - The blocks the caller keeps (the selection, a drag in progress) are drawn
//!   wherever they are, with their links, and so is every link crossing the
//!   window. Zoomed out, links that are not kept are drawn together as plain
//!   lines, and blocks that are not kept as plain boxes: each is drawn exactly
//!   once.
//! - Order is the design's order, so the Tab order does not depend on the view.

use std::collections::HashMap;

use crate::core::geometry::{
    block_rect, lane_bend, route_link, Point, Rect, Viewport, BLOCK_H, BLOCK_W,
};
use crate::core::model::{Design, Link, Mode};

/// Above this many blocks the canvas culls and simplifies (see the module note).
///
/// Spec choice (the issue is silent): 300 blocks is well past any design drawn
/// by hand, and below it the canvas keeps every block in the Tab order. The list
/// view always shows every block and link.
pub const LARGE_DESIGN: usize = 300;

/// Below this zoom a large design is drawn plain: a block's 13 px label would
/// be under 6 px on screen.
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
    /// Blocks drawn one by one (focusable, labelled).
    pub blocks: Vec<String>,
    /// Blocks drawn together as plain boxes ([`plain_paths`]).
    pub plain_blocks: Vec<String>,
    /// Links drawn one by one (focusable, labelled).
    pub links: Vec<String>,
    /// Links drawn together as plain lines ([`plain_paths`]).
    pub plain_links: Vec<String>,
}

/// What the canvas draws of `d` in `window` (everything when `None`): the
/// blocks in it, plus those `keep_block` names; the links in it, plus those
/// `keep_link` names and those touching a kept block. When `plain`, the blocks
/// and links that are not kept (nor touch a kept block) go to `plain_blocks`
/// and `plain_links`.
pub fn drawn(
    d: &Design,
    window: Option<&Rect>,
    plain: bool,
    keep_block: impl Fn(&str) -> bool,
    keep_link: impl Fn(&str) -> bool,
) -> Drawn {
    // The usual case, on every edit of a design drawn whole: no geometry needed.
    if window.is_none() && !plain {
        return Drawn {
            blocks: d.blocks.iter().map(|b| b.id.clone()).collect(),
            links: d.links.iter().map(|l| l.id.clone()).collect(),
            ..Drawn::default()
        };
    }
    let rects: HashMap<&str, Rect> = d
        .blocks
        .iter()
        .map(|b| (b.id.as_str(), block_rect(b.x, b.y)))
        .collect();
    let seen = |r: &Rect| window.is_none_or(|w| r.intersects(w));
    let (mut blocks, mut plain_blocks) = (Vec::new(), Vec::new());
    for b in &d.blocks {
        if keep_block(&b.id) {
            blocks.push(b.id.clone());
        } else if seen(&block_rect(b.x, b.y)) {
            if plain {
                plain_blocks.push(b.id.clone());
            } else {
                blocks.push(b.id.clone());
            }
        }
    }
    let (mut links, mut plain_links) = (Vec::new(), Vec::new());
    for l in &d.links {
        let kept = keep_link(&l.id) || keep_block(&l.from) || keep_block(&l.to);
        let in_view = match (rects.get(l.from.as_str()), rects.get(l.to.as_str())) {
            (Some(a), Some(b)) => seen(&a.union(b)),
            _ => false,
        };
        if kept || in_view && !plain {
            links.push(l.id.clone());
        } else if in_view {
            plain_links.push(l.id.clone());
        }
    }
    Drawn {
        blocks,
        plain_blocks,
        links,
        plain_links,
    }
}

/// How a plain block is drawn: by its heat, or as down in the what-if scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heat {
    Normal = 0,
    Hot = 1,
    Saturated = 2,
    Failed = 3,
}

/// Plain blocks and links as a few path strings: blocks as boxes by [`Heat`]
/// (indexed by its value),
/// links (sync and async) routed as the canvas routes each link (see
/// `geometry::route_link`), without heads or labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlainPaths {
    pub blocks: [String; 4],
    pub sync: String,
    pub asynchronous: String,
}

pub fn plain_paths(
    d: &Design,
    drawn: &Drawn,
    lanes: &HashMap<String, (usize, usize)>,
    heat: impl Fn(&str) -> Heat,
) -> PlainPaths {
    let centres: HashMap<&str, Point> = d
        .blocks
        .iter()
        .map(|b| (b.id.as_str(), Point::new(b.x, b.y)))
        .collect();
    let mut out = PlainPaths::default();
    let outline = format!("h{BLOCK_W}v{BLOCK_H}h-{BLOCK_W}z");
    for id in &drawn.plain_blocks {
        if let Some(c) = centres.get(id.as_str()) {
            let r = block_rect(c.x, c.y);
            let path = &mut out.blocks[heat(id) as usize];
            path.push('M');
            push_px(path, r.x);
            path.push(' ');
            push_px(path, r.y);
            path.push_str(&outline);
        }
    }
    let links: HashMap<&str, &Link> = d.links.iter().map(|l| (l.id.as_str(), l)).collect();
    for id in &drawn.plain_links {
        let Some(l) = links.get(id.as_str()) else {
            continue;
        };
        let (Some(&a), Some(&b)) = (centres.get(l.from.as_str()), centres.get(l.to.as_str()))
        else {
            continue;
        };
        let (lane, n) = lanes.get(id).copied().unwrap_or((0, 1));
        let p = route_link(a, b, lane_bend(&l.from, &l.to, lane, n));
        let path = if l.mode == Mode::Async {
            &mut out.asynchronous
        } else {
            &mut out.sync
        };
        let points = [p.start, p.control, p.end];
        for (i, q) in points.iter().enumerate() {
            path.push(match i {
                0 => 'M',
                1 => 'Q',
                _ => ' ',
            });
            push_px(path, q.x);
            path.push(' ');
            push_px(path, q.y);
        }
    }
    out
}

/// Append a coordinate rounded to a whole world unit (a plain drawing is seen
/// from far away), in decimal. Written by hand: `write!` costs several times
/// more for the thousands of numbers of a large design.
fn push_px(out: &mut String, v: f64) {
    let v = v.round() as i64;
    if v < 0 {
        out.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| d as char));
}

/// The topmost block under the world point `p` (the last drawn), for clicks on
/// plain blocks, which are not elements of their own.
pub fn block_at(d: &Design, p: Point) -> Option<&str> {
    d.blocks
        .iter()
        .rev()
        .find(|b| block_rect(b.x, b.y).contains(p))
        .map(|b| b.id.as_str())
}
