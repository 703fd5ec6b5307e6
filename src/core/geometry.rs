//! Canvas geometry, pure and tested natively: the viewport transform, block and
//! link shapes (`links.rs`), hit tests, icon paths (`svg_path.rs`). SVG
//! components only place what these return.

use crate::core::model::Design;

mod links;
mod svg_path;

pub use links::{bend_for, lane_bend, link_lanes, rect_exit, route_link, LinkPath};
pub use svg_path::translate_path;

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

    /// The view that shows `bounds` as large as fits with a margin, with the
    /// zoom kept within `[min, max]`; centred on `bounds`. Presentation mode
    /// uses it with `min` high enough for legible labels: what does not fit
    /// at that zoom is cut at the screen's edges rather than shrunk.
    pub fn fit_within(bounds: Rect, w: f64, h: f64, margin: f64, min: f64, max: f64) -> Viewport {
        if w <= 0.0 || h <= 0.0 {
            return Viewport::default();
        }
        let zx = (w - 2.0 * margin).max(1.0) / bounds.w.max(1.0);
        let zy = (h - 2.0 * margin).max(1.0) / bounds.h.max(1.0);
        let zoom = zx.min(zy).min(max).max(min);
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
    fn fit_within_keeps_the_zoom_in_its_range_and_centres() {
        let small = Rect {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 50.0,
        };
        let v = Viewport::fit_within(small, 1000.0, 500.0, 20.0, 1.2, 1.8);
        assert_eq!(v.zoom, 1.8);
        let c = v.to_screen(small.centre());
        assert!((c.x - 500.0).abs() < 1e-9 && (c.y - 250.0).abs() < 1e-9);
        let wide = Rect {
            x: 0.0,
            y: 0.0,
            w: 5000.0,
            h: 100.0,
        };
        assert_eq!(
            Viewport::fit_within(wide, 1000.0, 500.0, 20.0, 1.2, 1.8).zoom,
            1.2
        );
        let mid = Rect {
            x: 0.0,
            y: 0.0,
            w: 700.0,
            h: 100.0,
        };
        let z = Viewport::fit_within(mid, 1000.0, 500.0, 20.0, 1.2, 1.8).zoom;
        assert!((z - 960.0 / 700.0).abs() < 1e-12);
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
}
