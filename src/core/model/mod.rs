//! The document: what a saved file holds, and nothing of the session.
//!
//! Invariants (kept by `format::load` and by `edit::Command`):
//! - block, zone and sticky ids are unique among all three; link ids among links;
//! - every link joins two existing, different blocks; every `zone` names a zone;
//! - numbers are finite and within the ranges of format.md §1.
//!
//! Fields with a format default hold the resolved value (`replicas` is 1 when the
//! file omits it); fields whose absence means something (`capacity_rps`: unlimited)
//! are `Option`. Unknown fields ride along in `extra` and are written back on save.

mod ids;
mod kind;

pub use ids::{is_valid_id, IdGen};
pub use kind::{Group, Kind};

use serde_json::{Map, Value};

/// Unknown fields of an object, kept for forward compatibility (sorted by key).
pub type Extra = Map<String, Value>;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Design {
    pub title: String,
    pub notes: String,
    pub targets: Targets,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    pub zones: Vec<Zone>,
    pub stickies: Vec<Sticky>,
    /// Findings accepted in a design review (an addition to format.md v1: the
    /// optional top-level array `accepted`).
    pub accepted: Vec<Acceptance>,
    /// Saved what-ifs, each with its own targets (model-2.md §1, §4.1).
    pub scenarios: Vec<Scenario>,
    pub extra: Extra,
}

/// A saved what-if: every entry's rate × `scale`, the blocks and zones in `fail`
/// down, checked against its own targets (a missing one falls back to the
/// design's).
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Unique among scenarios (a namespace of their own).
    pub id: String,
    /// ≤ 200 characters.
    pub name: String,
    /// > 0, ≤ 1000.
    pub scale: f64,
    /// Block or zone ids.
    pub fail: Vec<String>,
    pub availability: Option<f64>,
    pub p99_ms: Option<f64>,
    pub extra: Extra,
}

impl Scenario {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Scenario {
        Scenario {
            id: id.into(),
            name: name.into(),
            scale: 1.0,
            fail: Vec::new(),
            availability: None,
            p99_ms: None,
            extra: Extra::new(),
        }
    }
}

/// A warning or info finding accepted with a written reason. It names the finding
/// as the report does (rule, blocks, links), so it applies while that exact finding
/// fires and is simply kept, unused, when the design changes so that it does not.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Acceptance {
    pub rule: String,
    pub blocks: Vec<String>,
    pub links: Vec<String>,
    /// ≤ 1,000 characters.
    pub reason: String,
    pub extra: Extra,
}

impl Acceptance {
    /// Whether this acceptance is about the finding `(rule, blocks, links)`.
    pub fn is_for(&self, rule: &str, blocks: &[String], links: &[String]) -> bool {
        self.rule == rule && self.blocks == blocks && self.links == links
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Targets {
    /// In (0, 1].
    pub availability: Option<f64>,
    /// > 0.
    pub p99_ms: Option<f64>,
    /// ≥ 1.
    pub team_size: Option<u32>,
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Route {
    #[default]
    All,
    Split,
    Failover,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    #[default]
    Sync,
    Async,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Op {
    #[default]
    Read,
    Write,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub id: String,
    pub kind: Kind,
    /// Empty means "the kind's name" is shown; saved only when non-empty.
    pub label: String,
    pub x: f64,
    pub y: f64,
    pub notes: String,
    pub rps: f64,
    pub replicas: u32,
    pub min_healthy: u32,
    pub shards: u32,
    pub availability: f64,
    pub latency_ms: f64,
    pub p99_ms: f64,
    pub capacity_rps: Option<f64>,
    pub write_capacity_rps: Option<f64>,
    pub single_writer: bool,
    pub hit_ratio: f64,
    pub route: Route,
    pub zone: Option<String>,
    pub ttl_s: Option<f64>,
    pub dead_letter: bool,
    /// Daily active users behind this entry (model-2.md §1); with it `rps` is
    /// derived ([`Block::peak_rps`]) and the saved `rps` is absent.
    pub users: Option<f64>,
    /// Requests each user sends through this entry a day (default 1).
    pub requests_per_user_day: f64,
    /// Peak rate ÷ average rate, in [1, 100] (default 1).
    pub peak_factor: f64,
    /// Bytes stored per write this block receives.
    pub record_bytes: Option<f64>,
    /// Days writes are kept; absent: forever.
    pub retention_days: Option<f64>,
    /// Cost of one instance a month.
    pub cost_month: Option<f64>,
    pub extra: Extra,
}

/// Seconds in a day: users' daily requests to a rate (model-2.md §3.1).
pub const DAY_S: f64 = 86_400.0;

impl Block {
    /// A block with the format's defaults (not the catalog's numbers).
    pub fn new(id: impl Into<String>, kind: Kind, x: f64, y: f64) -> Block {
        Block {
            id: id.into(),
            kind,
            label: String::new(),
            x,
            y,
            notes: String::new(),
            rps: 0.0,
            replicas: 1,
            min_healthy: 1,
            shards: 1,
            availability: 1.0,
            latency_ms: 0.0,
            p99_ms: 0.0,
            capacity_rps: None,
            write_capacity_rps: None,
            single_writer: false,
            hit_ratio: 0.0,
            route: Route::All,
            zone: None,
            ttl_s: None,
            dead_letter: false,
            users: None,
            requests_per_user_day: 1.0,
            peak_factor: 1.0,
            record_bytes: None,
            retention_days: None,
            cost_month: None,
            extra: Extra::new(),
        }
    }

    /// The label shown on the canvas: the written one, else the kind's name.
    pub fn display_label(&self) -> &str {
        if self.label.is_empty() {
            self.kind.name()
        } else {
            &self.label
        }
    }

    /// The peak rate this block sends as an entry (model-2.md §3.1): with
    /// `users`, `users · requests_per_user_day / 86,400 · peak_factor`; else `rps`.
    pub fn peak_rps(&self) -> f64 {
        match self.users {
            Some(_) => self.avg_rps() * self.peak_factor,
            None => self.rps,
        }
    }

    /// The average rate (model-2.md §3.1): `users · requests_per_user_day /
    /// 86,400`, or `rps / peak_factor`.
    pub fn avg_rps(&self) -> f64 {
        match self.users {
            Some(u) => u * self.requests_per_user_day / DAY_S,
            None => self.rps / self.peak_factor,
        }
    }

    pub fn is_entry(&self) -> bool {
        self.peak_rps() > 0.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub id: String,
    pub from: String,
    pub to: String,
    pub label: String,
    pub mode: Mode,
    pub op: Op,
    pub calls: f64,
    pub latency_ms: f64,
    pub parallel: bool,
    pub optional: bool,
    pub timeout_ms: Option<f64>,
    pub retries: u32,
    pub backoff: bool,
    /// Base delay of `backoff`: retry `i` waits up to `backoff_ms·2^(i−1)` (model 2).
    pub backoff_ms: f64,
    pub idempotent: bool,
    /// Bytes on the wire per call, request and response together (model-2.md §1);
    /// absent: unknown.
    pub payload_bytes: Option<f64>,
    pub extra: Extra,
}

impl Link {
    /// A link with the format's defaults.
    pub fn new(id: impl Into<String>, from: impl Into<String>, to: impl Into<String>) -> Link {
        Link {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            label: String::new(),
            mode: Mode::Sync,
            op: Op::Read,
            calls: 1.0,
            latency_ms: 0.0,
            parallel: false,
            optional: false,
            timeout_ms: None,
            retries: 0,
            backoff: false,
            backoff_ms: 100.0,
            idempotent: false,
            payload_bytes: None,
            extra: Extra::new(),
        }
    }

    pub fn is_sync(&self) -> bool {
        self.mode == Mode::Sync
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    pub id: String,
    pub label: String,
    pub availability: f64,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub extra: Extra,
}

impl Zone {
    pub fn new(id: impl Into<String>, x: f64, y: f64, w: f64, h: f64) -> Zone {
        Zone {
            id: id.into(),
            label: String::new(),
            availability: 1.0,
            x,
            y,
            w,
            h,
            extra: Extra::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sticky {
    pub id: String,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub extra: Extra,
}

impl Sticky {
    pub fn new(id: impl Into<String>, text: impl Into<String>, x: f64, y: f64) -> Sticky {
        Sticky {
            id: id.into(),
            text: text.into(),
            x,
            y,
            extra: Extra::new(),
        }
    }
}

impl Design {
    pub fn block(&self, id: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }

    pub fn block_mut(&mut self, id: &str) -> Option<&mut Block> {
        self.blocks.iter_mut().find(|b| b.id == id)
    }

    pub fn link(&self, id: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    pub fn link_mut(&mut self, id: &str) -> Option<&mut Link> {
        self.links.iter_mut().find(|l| l.id == id)
    }

    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    pub fn zone_mut(&mut self, id: &str) -> Option<&mut Zone> {
        self.zones.iter_mut().find(|z| z.id == id)
    }

    pub fn sticky(&self, id: &str) -> Option<&Sticky> {
        self.stickies.iter().find(|s| s.id == id)
    }

    pub fn sticky_mut(&mut self, id: &str) -> Option<&mut Sticky> {
        self.stickies.iter_mut().find(|s| s.id == id)
    }

    /// The acceptance recorded for a finding, if any.
    pub fn acceptance(
        &self,
        rule: &str,
        blocks: &[String],
        links: &[String],
    ) -> Option<&Acceptance> {
        self.accepted.iter().find(|a| a.is_for(rule, blocks, links))
    }

    /// Whether `id` names a block, zone or sticky (they share one id space).
    pub fn has_node_id(&self, id: &str) -> bool {
        self.block(id).is_some() || self.zone(id).is_some() || self.sticky(id).is_some()
    }

    /// Every id in the document, nodes and links, for seeding an [`IdGen`].
    pub fn all_ids(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .map(|b| b.id.as_str())
            .chain(self.links.iter().map(|l| l.id.as_str()))
            .chain(self.zones.iter().map(|z| z.id.as_str()))
            .chain(self.stickies.iter().map(|s| s.id.as_str()))
    }
}
