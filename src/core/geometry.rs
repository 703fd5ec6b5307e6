//! Canvas geometry, pure and tested natively: the viewport transform, block and
//! link shapes, hit tests. SVG components only place what these return.

use std::collections::HashMap;

use crate::core::model::Design;

/// Every block is drawn as a rectangle of this size centred on its `x`, `y`.
pub const BLOCK_W: f64 = 150.0;
pub const BLOCK_H: f64 = 64.0;
/// Grid step for snapping.
pub const GRID: f64 = 20.0;
pub const MIN_ZOOM: f64 = 0.1;
pub const MAX_ZOOM: f64 = 4.0;

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// The rectangle spanned by two corners, in any order.
    pub fn from_corners(a: Point, b: Point) -> Rect {
        Rect {
            x: a.x.min(b.x),
            y: a.y.min(b.y),
            w: (a.x - b.x).abs(),
            h: (a.y - b.y).abs(),
        }
    }

    pub fn centred(c: Point, w: f64, h: f64) -> Rect {
        Rect {
            x: c.x - w / 2.0,
            y: c.y - h / 2.0,
            w,
            h,
        }
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.x + self.w && p.y >= self.y && p.y <= self.y + self.h
    }

    pub fn intersects(&self, o: &Rect) -> bool {
        self.x <= o.x + o.w
            && o.x <= self.x + self.w
            && self.y <= o.y + o.h
            && o.y <= self.y + self.h
    }

    pub fn centre(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    pub fn union(&self, o: &Rect) -> Rect {
        let x = self.x.min(o.x);
        let y = self.y.min(o.y);
        Rect {
            x,
            y,
            w: (self.x + self.w).max(o.x + o.w) - x,
            h: (self.y + self.h).max(o.y + o.h) - y,
        }
    }
}

/// The rectangle a block occupies.
pub fn block_rect(x: f64, y: f64) -> Rect {
    Rect::centred(Point::new(x, y), BLOCK_W, BLOCK_H)
}

/// Screen = world · zoom + pan. `pan` is in screen pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub pan: Point,
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            pan: Point::default(),
            zoom: 1.0,
        }
    }
}

impl Viewport {
    pub fn to_world(&self, screen: Point) -> Point {
        Point::new(
            (screen.x - self.pan.x) / self.zoom,
            (screen.y - self.pan.y) / self.zoom,
        )
    }

    pub fn to_screen(&self, world: Point) -> Point {
        Point::new(
            world.x * self.zoom + self.pan.x,
            world.y * self.zoom + self.pan.y,
        )
    }

    /// Zoom by `factor` keeping the world point under `screen` where it is.
    pub fn zoom_at(&self, screen: Point, factor: f64) -> Viewport {
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let anchor = self.to_world(screen);
        Viewport {
            zoom,
            pan: Point::new(screen.x - anchor.x * zoom, screen.y - anchor.y * zoom),
        }
    }

    pub fn panned(&self, dx: f64, dy: f64) -> Viewport {
        Viewport {
            pan: Point::new(self.pan.x + dx, self.pan.y + dy),
            zoom: self.zoom,
        }
    }

    /// The view that shows `bounds` whole in a `w`×`h` screen with a margin,
    /// never zooming in past 100%.
    pub fn fit(bounds: Rect, w: f64, h: f64, margin: f64) -> Viewport {
        if bounds.w <= 0.0 && bounds.h <= 0.0 || w <= 0.0 || h <= 0.0 {
            return Viewport::default();
        }
        let zx = (w - 2.0 * margin).max(1.0) / bounds.w.max(1.0);
        let zy = (h - 2.0 * margin).max(1.0) / bounds.h.max(1.0);
        let zoom = zx.min(zy).clamp(MIN_ZOOM, 1.0);
        let c = bounds.centre();
        Viewport {
            zoom,
            pan: Point::new(w / 2.0 - c.x * zoom, h / 2.0 - c.y * zoom),
        }
    }

    /// The world rectangle a `w`×`h` screen shows.
    pub fn visible(&self, w: f64, h: f64) -> Rect {
        Rect::from_corners(
            self.to_world(Point::default()),
            self.to_world(Point::new(w, h)),
        )
    }
}

/// The bounds of everything drawn: blocks, zones, stickies (`None` when empty).
pub fn design_bounds(d: &Design) -> Option<Rect> {
    let blocks = d.blocks.iter().map(|b| block_rect(b.x, b.y));
    let zones = d.zones.iter().map(|z| Rect {
        x: z.x,
        y: z.y,
        w: z.w,
        h: z.h,
    });
    let stickies = d
        .stickies
        .iter()
        .map(|s| Rect::centred(Point::new(s.x, s.y), 160.0, 80.0));
    blocks
        .chain(zones)
        .chain(stickies)
        .reduce(|a, b| a.union(&b))
}

pub fn snap(v: f64) -> f64 {
    (v / GRID).round() * GRID
}

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

/// The zone whose rectangle holds `p`: the smallest one, when zones nest.
pub fn zone_at(d: &Design, p: Point) -> Option<&str> {
    d.zones
        .iter()
        .filter(|z| {
            Rect {
                x: z.x,
                y: z.y,
                w: z.w,
                h: z.h,
            }
            .contains(p)
        })
        .min_by(|a, b| (a.w * a.h).total_cmp(&(b.w * b.h)))
        .map(|z| z.id.as_str())
}

/// Blocks whose rectangles meet the rubber band `r`, in document order.
pub fn blocks_in(d: &Design, r: &Rect) -> Vec<String> {
    d.blocks
        .iter()
        .filter(|b| block_rect(b.x, b.y).intersects(r))
        .map(|b| b.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Block, Kind, Zone};

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn viewport_round_trips_and_zooms_about_the_pointer() {
        let v = Viewport {
            pan: Point::new(30.0, -12.0),
            zoom: 1.5,
        };
        let p = Point::new(123.0, 456.0);
        assert!(close(v.to_screen(v.to_world(p)), p));
        let z = v.zoom_at(p, 2.0);
        assert_eq!(z.zoom, 3.0);
        assert!(close(z.to_world(p), v.to_world(p)));
        assert_eq!(v.zoom_at(p, 100.0).zoom, MAX_ZOOM);
        assert_eq!(v.zoom_at(p, 0.0001).zoom, MIN_ZOOM);
    }

    #[test]
    fn fit_shows_everything_and_never_magnifies() {
        let b = Rect {
            x: 0.0,
            y: 0.0,
            w: 2000.0,
            h: 500.0,
        };
        let v = Viewport::fit(b, 1000.0, 800.0, 20.0);
        let seen = v.visible(1000.0, 800.0);
        assert!(seen.x <= b.x && seen.x + seen.w >= b.x + b.w);
        assert!(seen.y <= b.y && seen.y + seen.h >= b.y + b.h);
        let small = Rect {
            x: 0.0,
            y: 0.0,
            w: 10.0,
            h: 10.0,
        };
        assert_eq!(Viewport::fit(small, 1000.0, 800.0, 20.0).zoom, 1.0);
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
    fn zones_and_rubber_band() {
        let mut d = Design::default();
        d.blocks.push(Block::new("a", Kind::Service, 100.0, 100.0));
        d.blocks.push(Block::new("b", Kind::Service, 600.0, 100.0));
        d.zones.push(Zone::new("big", 0.0, 0.0, 1000.0, 1000.0));
        d.zones.push(Zone::new("small", 50.0, 50.0, 200.0, 200.0));
        assert_eq!(zone_at(&d, Point::new(100.0, 100.0)), Some("small"));
        assert_eq!(zone_at(&d, Point::new(600.0, 100.0)), Some("big"));
        assert_eq!(zone_at(&d, Point::new(2000.0, 0.0)), None);
        let band = Rect::from_corners(Point::new(0.0, 0.0), Point::new(200.0, 200.0));
        assert_eq!(blocks_in(&d, &band), vec!["a".to_string()]);
        assert_eq!(snap(27.0), 20.0);
        let bounds = design_bounds(&d).expect("bounds");
        assert!(bounds.w >= 1000.0);
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

/// Move SVG path data by (`dx`, `dy`): absolute commands get the offset, relative
/// ones stay as they are. Lets a small icon be drawn in world coordinates
/// without a `transform`. Numbers it cannot read are left out.
pub fn translate_path(d: &str, dx: f64, dy: f64) -> String {
    let mut out = String::with_capacity(d.len() + 16);
    let mut command = ' ';
    let mut index = 0; // position of the number within its command's group
    let mut rest = d;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_alphabetic() {
            command = c;
            index = 0;
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c.is_whitespace() || c == ',' {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let len = number_len(rest);
        if len == 0 {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let Ok(mut v) = rest[..len].parse::<f64>() else {
            rest = &rest[len..];
            continue;
        };
        rest = &rest[len..];
        // Which numbers of each absolute command are x and which are y.
        let (group, xs, ys): (usize, &[usize], &[usize]) = match command {
            'M' | 'L' | 'T' => (2, &[0], &[1]),
            'H' => (1, &[0], &[]),
            'V' => (1, &[], &[0]),
            'C' => (6, &[0, 2, 4], &[1, 3, 5]),
            'S' | 'Q' => (4, &[0, 2], &[1, 3]),
            'A' => (7, &[5], &[6]),
            _ => (1, &[], &[]),
        };
        let at = index % group;
        if xs.contains(&at) {
            v += dx;
        } else if ys.contains(&at) {
            v += dy;
        }
        index += 1;
        if !out.ends_with(|c: char| c.is_ascii_alphabetic()) {
            out.push(' ');
        }
        out.push_str(&format!("{}", (v * 100.0).round() / 100.0));
    }
    out
}

/// Length of the number at the start of `s` (sign, digits, one point, exponent).
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let mut point = false;
    let mut digits = false;
    while i < b.len() && (b[i].is_ascii_digit() || (b[i] == b'.' && !point)) {
        point |= b[i] == b'.';
        digits |= b[i].is_ascii_digit();
        i += 1;
    }
    if digits && i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    if digits {
        i
    } else {
        0
    }
}

#[cfg(test)]
mod path_tests {
    use super::translate_path;

    #[test]
    fn absolute_commands_move_and_relative_ones_do_not() {
        assert_eq!(
            translate_path("M4 21V7l8-4 8 4v14", 10.0, 100.0),
            "M14 121V107l8 -4 8 4v14"
        );
        assert_eq!(translate_path("M13 2L5 13h6z", 1.0, 1.0), "M14 3L6 14h6z");
        assert_eq!(translate_path("M4 6H20", 2.0, 0.0), "M6 6H22");
        // The arc's end point moves, its radii and flags do not.
        assert_eq!(
            translate_path("A4 4 0 1 0 2 3", 10.0, 10.0),
            "A4 4 0 1 0 12 13"
        );
        assert_eq!(translate_path("", 1.0, 1.0), "");
        assert_eq!(translate_path("M1.5.5", 1.0, 1.0), "M2.5 1.5");
    }
}
