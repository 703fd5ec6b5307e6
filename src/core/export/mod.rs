//! The design for other diagram tools: an Excalidraw scene (`excalidraw.rs`)
//! and a draw.io diagram (`drawio.rs`). Both draw one layout, [`Scene`]: each
//! block's box with its label and key numbers (the design's, and with a
//! report its load, utilization and entry p99), each link's path and label,
//! each zone's rectangle and the notes, at the design's positions. Output is
//! deterministic: the same design and report give the same bytes.

mod drawio;
mod excalidraw;
mod text;

pub use drawio::drawio;
pub use excalidraw::excalidraw;
pub(crate) use text::{colours, link_colour};

use std::collections::HashMap;

use crate::core::eval::heat::Heat;
use crate::core::geometry::{lane_bend, link_lanes, rect_exit, Point, Rect, BLOCK_H, BLOCK_W};
use crate::core::model::{Block, Design, Link, Sticky, Zone};
use crate::core::report::Report;
use text::{block_lines, link_label, text_size, wrap_lines, zone_name, Figures};

/// Room between a box's edge and its text.
const PAD: f64 = 8.0;
/// Room kept around a zone's member that sticks out of the zone.
const ZONE_PAD: f64 = 16.0;
/// Room between a block's box and a link's end.
const GAP: f64 = 6.0;
/// A note's box, as the SVG export draws it.
const STICKY_W: f64 = 160.0;
const STICKY_H: f64 = 80.0;

/// A block as drawn: its box (centred on the block's `x`, `y`, grown to hold
/// its text), the lines of text (and as wrapped to the box), how busy it is
/// and its zone (an index).
pub(crate) struct BlockBox<'a> {
    pub block: &'a Block,
    pub rect: Rect,
    pub lines: Vec<String>,
    pub wrapped: Vec<String>,
    pub heat: Heat,
    pub zone: Option<usize>,
}

/// A link as drawn: its ends (indices into the blocks), its points from the
/// caller's box to the callee's (a middle point when it is bent to keep apart
/// from other links between the same pair), its label, and the zone holding
/// both ends, if one does.
pub(crate) struct LinkPath<'a> {
    pub link: &'a Link,
    pub from: usize,
    pub to: usize,
    pub points: Vec<Point>,
    pub label: String,
    pub zone: Option<usize>,
}

/// A zone as drawn: its rectangle and its name.
pub(crate) struct ZoneBox<'a> {
    pub zone: &'a Zone,
    pub rect: Rect,
    pub name: String,
}

/// What both exports draw.
pub(crate) struct Scene<'a> {
    pub blocks: Vec<BlockBox<'a>>,
    pub links: Vec<LinkPath<'a>>,
    pub zones: Vec<ZoneBox<'a>>,
    pub stickies: Vec<(&'a Sticky, Rect, Vec<String>)>,
}

impl<'a> Scene<'a> {
    /// The layout of `design` with text of `font` px.
    pub(crate) fn new(design: &'a Design, report: Option<&Report>, font: f64) -> Scene<'a> {
        let zone_index: HashMap<&str, usize> = design
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| (z.id.as_str(), i))
            .collect();
        let figures = report.map(Figures::of).unwrap_or_default();
        let blocks: Vec<BlockBox> = design
            .blocks
            .iter()
            .map(|b| {
                let lines = block_lines(b, &figures);
                let wrapped = wrap_lines(&lines, font);
                let (w, h) = text_size(&wrapped, font);
                BlockBox {
                    block: b,
                    rect: Rect::centred(
                        Point::new(b.x, b.y),
                        (w + 2.0 * PAD).max(BLOCK_W).ceil(),
                        (h + 2.0 * PAD).max(BLOCK_H).ceil(),
                    ),
                    lines,
                    wrapped,
                    heat: Heat::of(figures.utilization.get(b.id.as_str()).copied().flatten()),
                    zone: b.zone.as_deref().and_then(|z| zone_index.get(z).copied()),
                }
            })
            .collect();
        let zones = design
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| ZoneBox {
                zone: z,
                rect: zone_rect(z, blocks.iter().filter(|b| b.zone == Some(i))),
                name: zone_name(z),
            })
            .collect();
        let links = links(design, &blocks, &figures);
        let stickies = design
            .stickies
            .iter()
            .map(|s| {
                let lines = wrap_lines(std::slice::from_ref(&s.text), font);
                let (w, h) = text_size(&lines, font);
                let size = (
                    (w + 2.0 * PAD).max(STICKY_W).ceil(),
                    (h + 2.0 * PAD).max(STICKY_H).ceil(),
                );
                (
                    s,
                    Rect::centred(Point::new(s.x, s.y), size.0, size.1),
                    lines,
                )
            })
            .collect();
        Scene {
            blocks,
            links,
            zones,
            stickies,
        }
    }
}

impl Scene<'_> {
    /// Everything drawn, in one rectangle (`None` for an empty design).
    pub(crate) fn bounds(&self) -> Option<Rect> {
        let blocks = self.blocks.iter().map(|b| b.rect);
        let zones = self.zones.iter().map(|z| z.rect);
        let stickies = self.stickies.iter().map(|s| s.1);
        blocks
            .chain(zones)
            .chain(stickies)
            .reduce(|a, b| a.union(&b))
    }
}

fn links<'a>(design: &'a Design, blocks: &[BlockBox], f: &Figures) -> Vec<LinkPath<'a>> {
    let index: HashMap<&str, usize> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.block.id.as_str(), i))
        .collect();
    let lanes = link_lanes(design);
    design
        .links
        .iter()
        .filter_map(|l| {
            let (from, to) = (*index.get(l.from.as_str())?, *index.get(l.to.as_str())?);
            let (a, b) = (&blocks[from], &blocks[to]);
            let (lane, n) = lanes.get(&l.id).copied().unwrap_or((0, 1));
            let bend = lane_bend(&l.from, &l.to, lane, n);
            let zone = a.zone.filter(|z| b.zone == Some(*z));
            Some(LinkPath {
                link: l,
                from,
                to,
                points: path(a.rect, b.rect, bend),
                label: link_label(l, a.block, f),
                zone,
            })
        })
        .collect()
}

/// From the edge of box `a` to the edge of box `b` (a `GAP` away from each),
/// through the middle of a curve bent sideways by `bend`, as the canvas draws
/// it (`geometry::route_link`).
fn path(a: Rect, b: Rect, bend: f64) -> Vec<Point> {
    let (ca, cb) = (a.centre(), b.centre());
    let (dx, dy) = (cb.x - ca.x, cb.y - ca.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let control = Point::new(
        (ca.x + cb.x) / 2.0 - dy / len * bend * 2.0,
        (ca.y + cb.y) / 2.0 + dx / len * bend * 2.0,
    );
    let start = rect_exit(ca, control, a.w + 2.0 * GAP, a.h + 2.0 * GAP);
    let end = rect_exit(cb, control, b.w + 2.0 * GAP, b.h + 2.0 * GAP);
    if bend == 0.0 {
        return vec![start, end];
    }
    let mid = Point::new(
        0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
        0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
    );
    vec![start, mid, end]
}

/// Spec choice: a zone is drawn at its own rectangle, grown to hold any member
/// block that sticks out of it (membership is the block's `zone` field, not
/// where it stands; Excalidraw clips a frame's children to the frame).
fn zone_rect<'b>(z: &Zone, members: impl Iterator<Item = &'b BlockBox<'b>>) -> Rect {
    let own = Rect {
        x: z.x,
        y: z.y,
        w: z.w,
        h: z.h,
    };
    members.fold(own, |r, b| {
        let inside = b.rect.x >= r.x
            && b.rect.y >= r.y
            && b.rect.x + b.rect.w <= r.x + r.w
            && b.rect.y + b.rect.h <= r.y + r.h;
        if inside {
            r
        } else {
            r.union(&Rect {
                x: b.rect.x - ZONE_PAD,
                y: b.rect.y - ZONE_PAD,
                w: b.rect.w + 2.0 * ZONE_PAD,
                h: b.rect.h + 2.0 * ZONE_PAD,
            })
        }
    })
}

/// A value rounded to hundredths, for coordinates in a file.
pub(crate) fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A 32-bit FNV-1a hash: stable seeds and nonces from ids.
pub(crate) fn hash(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
