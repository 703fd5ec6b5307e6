//! What the exports write and how it looks: each block's lines (label, key
//! numbers, the report's figures), each link's label, a zone's name, text
//! wrapped and measured roughly, the colours of blocks and links.

use std::collections::HashMap;

use super::{BlockBox, PAD};
use crate::core::eval::heat::Heat;
use crate::core::model::{Block, Group, Link, Op, Zone};
use crate::core::render::labels::{compact, key_numbers_whole, link_text};
use crate::core::render::svg::wrap;
use crate::core::render::units::{percent, sig};
use crate::core::report::Report;

/// The widest a box grows to hold its text before the text wraps.
const MAX_W: f64 = 200.0;
/// Line height as a multiple of the font size, for sizing boxes.
const LINE: f64 = 1.25;
/// A character's width as a multiple of the font size (generous: a box may be
/// a little wide, never too narrow for its text).
const CHAR: f64 = 0.6;

/// The report's figures by block and link id.
#[derive(Default)]
pub(super) struct Figures<'r> {
    load: HashMap<&'r str, Option<f64>>,
    pub(super) utilization: HashMap<&'r str, Option<f64>>,
    /// An entry's p99 (`None`: saturated, or no request succeeds).
    p99: HashMap<&'r str, Option<f64>>,
    link_rps: HashMap<&'r str, Option<f64>>,
}

impl<'r> Figures<'r> {
    pub(super) fn of(r: &'r Report) -> Figures<'r> {
        Figures {
            load: r
                .blocks
                .iter()
                .map(|b| {
                    (
                        b.id.as_str(),
                        b.read_rps.zip(b.write_rps).map(|(r, w)| r + w),
                    )
                })
                .collect(),
            utilization: r
                .blocks
                .iter()
                .map(|b| (b.id.as_str(), b.utilization))
                .collect(),
            p99: r
                .entries
                .iter()
                .map(|e| (e.block.as_str(), e.latency.map(|l| l.p99_ms)))
                .collect(),
            link_rps: r.links.iter().map(|l| (l.id.as_str(), l.rps)).collect(),
        }
    }
}

/// A block's text: its label; the design's key numbers ("×3 · 50k/s each");
/// with a report, its load and utilization, and an entry's p99.
pub(super) fn block_lines(b: &Block, f: &Figures) -> Vec<String> {
    let mut lines = vec![b.display_label().to_string()];
    let numbers = key_numbers_whole(b);
    if !numbers.is_empty() {
        lines.push(numbers);
    }
    let mut load = Vec::new();
    // An entry's own rate is among its key numbers ("6,000 req/s in").
    if let Some(rps) = f.load.get(b.id.as_str()).copied().flatten() {
        if rps > 0.0 && !b.is_entry() {
            load.push(format!("{} req/s", compact(rps)));
        }
    }
    if let Some(u) = f.utilization.get(b.id.as_str()).copied().flatten() {
        load.push(format!("util {u:.2}"));
        if Heat::of(Some(u)) == Heat::Saturated {
            load.push("⚠ saturated".into());
        }
    }
    if !load.is_empty() {
        lines.push(load.join(" · "));
    }
    if let Some(p99) = f.p99.get(b.id.as_str()) {
        lines.push(match p99 {
            Some(ms) => format!("p99 {} ms", sig(*ms)),
            None => "p99 none (saturated or failing)".into(),
        });
    }
    lines
}

/// A link's text: what the canvas writes on it, and with a report its rate.
pub(super) fn link_label(l: &Link, from: &Block, f: &Figures) -> String {
    let mut parts = Vec::new();
    let text = link_text(l, Some(from.kind));
    if !text.is_empty() {
        parts.push(text);
    }
    if let Some(rps) = f.link_rps.get(l.id.as_str()).copied().flatten() {
        parts.push(format!("{}/s", compact(rps)));
    }
    parts.join(" · ")
}

/// A zone's name: its label (else its id), and its availability below 1.
pub(super) fn zone_name(z: &Zone) -> String {
    let mut name = if z.label.is_empty() {
        z.id.clone()
    } else {
        z.label.clone()
    };
    if z.availability < 1.0 {
        name.push_str(&format!(" · {}", percent(z.availability)));
    }
    name
}

/// `lines` wrapped at word breaks to fit a box of at most `MAX_W` (a word
/// longer than that keeps a line of its own).
pub(super) fn wrap_lines(lines: &[String], font: f64) -> Vec<String> {
    let fit = ((MAX_W - 2.0 * PAD) / (font * CHAR)).floor() as usize;
    lines
        .iter()
        .flat_map(|l| l.split('\n'))
        .flat_map(|l| {
            let w = wrap(l, fit);
            if w.is_empty() {
                vec![String::new()]
            } else {
                w
            }
        })
        .collect()
}

/// The rough size of `lines` of text of `font` px.
pub(super) fn text_size(lines: &[String], font: f64) -> (f64, f64) {
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    (
        widest as f64 * font * CHAR,
        lines.len().max(1) as f64 * font * LINE,
    )
}

/// A block's colours: fill and stroke by its palette group, amber when hot,
/// red and dashed when saturated (as the SVG export marks them).
pub(crate) fn colours(b: &BlockBox) -> (&'static str, &'static str, bool) {
    match b.heat {
        Heat::Saturated => ("#fde0e0", "#c62828", true),
        Heat::Hot => ("#fff4d6", "#b26a00", false),
        Heat::Unknown | Heat::Cool => {
            let fill = match b.block.kind.group() {
                Group::Edge => "#e7f5ff",
                Group::Compute => "#ebfbee",
                Group::Data => "#fff9db",
                Group::Messaging => "#f3f0ff",
                Group::Ops => "#f1f3f5",
            };
            (fill, "#1e1e1e", false)
        }
    }
}

/// A link's stroke: amber for a write (as the canvas draws it), else dark.
pub(crate) fn link_colour(l: &Link) -> &'static str {
    match l.op {
        Op::Write => "#b26a00",
        Op::Read => "#1e1e1e",
    }
}
