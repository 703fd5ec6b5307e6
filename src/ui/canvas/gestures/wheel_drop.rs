//! Wheel pan and zoom, and palette items dragged over and dropped on the canvas.

use leptos::prelude::*;
use web_sys::{DragEvent, WheelEvent};

use super::{Gestures, PALETTE_MIME};
use crate::core::model::Kind;

impl Gestures {
    /// Wheel pans; Ctrl+wheel (and trackpad pinch, which arrives as it) zooms
    /// about the pointer.
    pub fn wheel(&self, ev: WheelEvent) {
        ev.prevent_default();
        let scale = match ev.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (ev.delta_x() * scale, ev.delta_y() * scale);
        if ev.ctrl_key() || ev.meta_key() {
            let p = self.screen(ev.client_x(), ev.client_y());
            let factor = (-dy * 0.002).exp();
            self.ed
                .session
                .viewport
                .update(|v| *v = v.zoom_at(p, factor));
        } else {
            self.ed.session.viewport.update(|v| *v = v.panned(-dx, -dy));
        }
    }

    pub fn drag_over(&self, ev: DragEvent) {
        let carries_kind = ev
            .data_transfer()
            .map(|dt| dt.types().includes(&PALETTE_MIME.into(), 0))
            .unwrap_or(false);
        if carries_kind {
            ev.prevent_default();
        }
    }

    /// A palette item dropped on the canvas: a block of that kind at the drop point.
    pub fn drop(&self, ev: DragEvent) {
        let Some(kind) = ev
            .data_transfer()
            .and_then(|dt| dt.get_data(PALETTE_MIME).ok())
        else {
            return;
        };
        ev.prevent_default();
        let at = self.world(self.screen(ev.client_x(), ev.client_y()));
        match kind.as_str() {
            "zone" => {
                self.ed.add_zone(at);
            }
            "sticky" => {
                self.ed.add_sticky(at);
            }
            k => {
                if let Some(kind) = Kind::parse(k) {
                    self.ed.add_block(kind, at);
                }
            }
        }
    }
}
