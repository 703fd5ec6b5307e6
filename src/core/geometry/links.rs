//! Link routing: where a link is drawn between two blocks, and the lanes that fan out links joining one pair.

use std::collections::HashMap;

use super::{Point, BLOCK_H, BLOCK_W};
use crate::core::model::Design;

/// Where a link is drawn: from the edge of the caller's rectangle to the edge of
/// the callee's, bent sideways by `bend` (so several links between one pair stay
/// apart), with the point where its label goes and the arrow's direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkPath {
    pub start: Point,
    pub control: Point,
    pub end: Point,
    pub label: Point,
    /// Direction of the arrow head at `end`, radians.
    pub angle: f64,
}

/// Route a link between two block centres. `bend` is the sideways offset of the
/// curve's control point in world units (0 for a straight line).
pub fn route_link(from: Point, to: Point, bend: f64) -> LinkPath {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let normal = Point::new(-dy / len, dx / len);
    let mid = Point::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0);
    let control = Point::new(mid.x + normal.x * bend * 2.0, mid.y + normal.y * bend * 2.0);
    let start = rect_exit(from, control, BLOCK_W, BLOCK_H);
    let end = rect_exit(to, control, BLOCK_W, BLOCK_H);
    // The curve's midpoint (t = 1/2 of the quadratic Bézier).
    let label = Point::new(
        0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
        0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
    );
    LinkPath {
        start,
        control,
        end,
        label,
        angle: (end.y - control.y).atan2(end.x - control.x),
    }
}

/// The sideways offset of the `i`-th of `n` links joining one pair of blocks.
pub fn bend_for(i: usize, n: usize) -> f64 {
    if n <= 1 {
        0.0
    } else {
        (i as f64 - (n as f64 - 1.0) / 2.0) * 18.0
    }
}

/// Number the links joining each unordered pair of blocks: link id → (lane,
/// lanes), so links between the same two blocks fan out instead of overlapping.
pub fn link_lanes(d: &Design) -> HashMap<String, (usize, usize)> {
    let mut groups: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    for l in &d.links {
        let pair = if l.from <= l.to {
            (l.from.as_str(), l.to.as_str())
        } else {
            (l.to.as_str(), l.from.as_str())
        };
        groups.entry(pair).or_default().push(&l.id);
    }
    let mut out = HashMap::with_capacity(d.links.len());
    for ids in groups.values() {
        for (i, id) in ids.iter().enumerate() {
            out.insert(id.to_string(), (i, ids.len()));
        }
    }
    out
}

/// The bend of a link in lane `lane` of `lanes`, signed so that links running
/// the other way between the same pair land on distinct sides.
pub fn lane_bend(from: &str, to: &str, lane: usize, lanes: usize) -> f64 {
    let sign = if from <= to { 1.0 } else { -1.0 };
    sign * bend_for(lane, lanes)
}

/// Where the ray from the centre `c` of a `w`×`h` rectangle towards `toward`
/// leaves the rectangle.
pub fn rect_exit(c: Point, toward: Point, w: f64, h: f64) -> Point {
    let (dx, dy) = (toward.x - c.x, toward.y - c.y);
    if dx == 0.0 && dy == 0.0 {
        return c;
    }
    let tx = if dx != 0.0 {
        (w / 2.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy != 0.0 {
        (h / 2.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty).min(1.0);
    Point::new(c.x + dx * t, c.y + dy * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn links_leave_and_enter_at_block_edges() {
        let p = route_link(Point::new(0.0, 0.0), Point::new(400.0, 0.0), 0.0);
        assert!(close(p.start, Point::new(BLOCK_W / 2.0, 0.0)));
        assert!(close(p.end, Point::new(400.0 - BLOCK_W / 2.0, 0.0)));
        assert!(p.angle.abs() < 1e-9);
        let below = route_link(Point::new(0.0, 0.0), Point::new(0.0, 300.0), 0.0);
        assert!(close(below.start, Point::new(0.0, BLOCK_H / 2.0)));
    }

    #[test]
    fn parallel_links_bend_apart() {
        let a = route_link(Point::new(0.0, 0.0), Point::new(400.0, 0.0), bend_for(0, 2));
        let b = route_link(Point::new(0.0, 0.0), Point::new(400.0, 0.0), bend_for(1, 2));
        assert!((a.label.y - b.label.y).abs() > 10.0);
        assert_eq!(bend_for(0, 1), 0.0);
    }

    #[test]
    fn links_between_one_pair_get_distinct_lanes() {
        use crate::core::model::Link;
        let mut d = Design::default();
        d.links.push(Link::new("r", "a", "b"));
        d.links.push(Link::new("w", "a", "b"));
        d.links.push(Link::new("back", "b", "a"));
        d.links.push(Link::new("other", "a", "c"));
        let lanes = link_lanes(&d);
        assert_eq!(lanes["other"], (0, 1));
        let bends: Vec<f64> = ["r", "w", "back"]
            .iter()
            .map(|id| {
                let l = d.link(id).expect("link");
                let (i, n) = lanes[*id];
                // Bends are measured against each link's own direction: flip
                // the reverse one to compare sides.
                let b = lane_bend(&l.from, &l.to, i, n);
                if l.from <= l.to {
                    b
                } else {
                    -b
                }
            })
            .collect();
        assert!(bends[0] != bends[1] && bends[1] != bends[2] && bends[0] != bends[2]);
    }
}
