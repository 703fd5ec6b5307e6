//! Adding blocks, zones, stickies and links, each with a fresh id, selected once added.

use leptos::prelude::*;

use super::Editor;
use crate::core::catalog;
use crate::core::edit::Command;
use crate::core::geometry::{self, Point};
use crate::core::model::{Kind, Sticky, Zone};
use crate::ui::session::{ItemKind, Selection};

impl Editor {
    /// Add a block of `kind` with the catalog's numbers at `at` (world), inside
    /// the zone there if any, and select it.
    pub fn add_block(&self, kind: Kind, at: Point) -> Option<String> {
        let at = self.session.place(self.free_spot(at));
        let id = self.doc.fresh(|h, d| h.fresh_block_id(d, kind));
        let mut block = catalog::new_block(kind, id.clone(), at.x, at.y);
        block.zone = self
            .doc
            .design
            .with_untracked(|d| geometry::zone_at(d, at).map(String::from));
        let index = self.doc.design.with_untracked(|d| d.blocks.len());
        self.dispatch_or_say(Command::AddBlock { index, block }, None)
            .then(|| {
                self.session
                    .selection
                    .set(Selection::only(ItemKind::Block, &id));
                id
            })
    }

    pub fn add_zone(&self, at: Point) -> Option<String> {
        let at = self.session.place(at);
        let id = self.doc.fresh(|h, d| h.fresh_zone_id(d));
        let mut zone = Zone::new(id.clone(), at.x - 200.0, at.y - 150.0, 400.0, 300.0);
        zone.label = "Availability zone".into();
        let index = self.doc.design.with_untracked(|d| d.zones.len());
        self.dispatch_or_say(Command::AddZone { index, zone }, None)
            .then(|| {
                self.session
                    .selection
                    .set(Selection::only(ItemKind::Zone, &id));
                id
            })
    }

    pub fn add_sticky(&self, at: Point) -> Option<String> {
        let at = self.session.place(at);
        let id = self.doc.fresh(|h, d| h.fresh_sticky_id(d));
        let sticky = Sticky::new(id.clone(), "Note", at.x, at.y);
        let index = self.doc.design.with_untracked(|d| d.stickies.len());
        self.dispatch_or_say(Command::AddSticky { index, sticky }, None)
            .then(|| {
                self.session
                    .selection
                    .set(Selection::only(ItemKind::Sticky, &id));
                id
            })
    }

    /// Link `from` → `to` with the catalog's defaults. Self-links are refused.
    pub fn connect(&self, from: &str, to: &str) -> Option<String> {
        if from == to {
            self.chrome.notice.set(Some(
                "A block cannot call itself: pick another block.".into(),
            ));
            return None;
        }
        let pair = self.doc.design.with_untracked(|d| {
            Some((d.block(from)?.clone(), d.block(to)?.clone(), d.links.len()))
        });
        let (a, b, index) = pair?;
        let id = self.doc.fresh(|h, d| h.fresh_link_id(d));
        let link = catalog::new_link(&a, &b, id.clone());
        self.dispatch_or_say(Command::AddLink { index, link }, None)
            .then(|| {
                self.session
                    .selection
                    .set(Selection::only(ItemKind::Link, &id));
                id
            })
    }

    /// With exactly two blocks selected, link them (the first in document order
    /// calls the second).
    pub fn connect_selected(&self) {
        let blocks: Vec<String> = self
            .session
            .selection
            .with_untracked(|s| s.blocks.iter().cloned().collect());
        if blocks.len() != 2 {
            self.chrome
                .notice
                .set(Some("Select exactly two blocks to connect them.".into()));
            return;
        }
        let (a, b) = self.doc.design.with_untracked(|d| {
            let pos = |id: &str| d.blocks.iter().position(|b| b.id == id);
            if pos(&blocks[0]) <= pos(&blocks[1]) {
                (blocks[0].clone(), blocks[1].clone())
            } else {
                (blocks[1].clone(), blocks[0].clone())
            }
        });
        self.connect(&a, &b);
    }
}
