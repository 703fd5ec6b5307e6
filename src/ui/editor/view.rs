//! What the canvas shows of the design: fitting it, bringing items into view, and where new items land.

use leptos::prelude::*;

use super::Editor;
use crate::core::geometry::{self, Point, Viewport};

impl Editor {
    /// The canvas measured itself; a design opened before the first measure is
    /// fitted now, before the first frame, so that frame draws the final view.
    pub fn set_canvas_size(&self, size: (f64, f64)) {
        self.session.canvas_size.set(size);
        if self.session.fit_on_measure.get_value() {
            self.session.fit_on_measure.set_value(false);
            self.fit();
        }
        if !self.session.canvas_measured.get_untracked() {
            self.session.canvas_measured.set(true);
        }
    }

    /// Show the whole design: now, or once the canvas has its real size if it
    /// has not measured itself yet (a design opened at start-up).
    pub fn fit_when_measured(&self) {
        if self.session.canvas_measured.get_untracked() {
            self.fit();
        } else {
            self.session.fit_on_measure.set_value(true);
        }
    }

    /// Show the whole design.
    pub fn fit(&self) {
        let (w, h) = self.session.canvas_size.get_untracked();
        let bounds = self.doc.design.with_untracked(geometry::design_bounds);
        self.session.viewport.set(match bounds {
            Some(b) => Viewport::fit(b, w, h, 40.0),
            None => Viewport::default(),
        });
    }

    /// Bring blocks, and the blocks the links join, into view: the view moves
    /// only when some are off screen, and zooms out only as far as needed.
    pub fn show(&self, blocks: &[String], links: &[String]) {
        let (w, h) = self.session.canvas_size.get_untracked();
        let bounds = self.doc.design.with_untracked(|d| {
            let ends = links
                .iter()
                .filter_map(|id| d.link(id))
                .flat_map(|l| [l.from.as_str(), l.to.as_str()]);
            blocks
                .iter()
                .map(String::as_str)
                .chain(ends)
                .filter_map(|id| d.block(id))
                .map(|b| geometry::block_rect(b.x, b.y))
                .reduce(|a, b| a.union(&b))
        });
        let Some(b) = bounds else {
            return;
        };
        let v = self.session.viewport.get_untracked();
        let seen = v.visible(w, h);
        let inside = b.x >= seen.x
            && b.y >= seen.y
            && b.x + b.w <= seen.x + seen.w
            && b.y + b.h <= seen.y + seen.h;
        if inside {
            return;
        }
        let zoom = Viewport::fit(b, w, h, 60.0).zoom.min(v.zoom);
        let c = b.centre();
        self.session.viewport.set(Viewport {
            zoom,
            pan: Point::new(w / 2.0 - c.x * zoom, h / 2.0 - c.y * zoom),
        });
    }

    /// `p`, or the nearest point down-right of it where no block sits, so blocks
    /// added at the same place (keyboard path) do not hide each other.
    pub(super) fn free_spot(&self, p: Point) -> Point {
        self.doc.design.with_untracked(|d| {
            let mut at = p;
            for _ in 0..50 {
                let taken = d.blocks.iter().any(|b| {
                    (b.x - at.x).abs() < geometry::BLOCK_W * 0.5
                        && (b.y - at.y).abs() < geometry::BLOCK_H * 0.5
                });
                if !taken {
                    break;
                }
                at = Point::new(at.x + 40.0, at.y + geometry::BLOCK_H + 20.0);
            }
            at
        })
    }
}
