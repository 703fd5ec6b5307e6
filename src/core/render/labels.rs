//! The short texts drawn on blocks and links, shared by the canvas and the SVG
//! export so both say the same thing.

pub use super::units::compact;
use super::units::sig;
use crate::core::catalog;
use crate::core::model::{Block, Kind, Link, Op};

/// The line of key numbers under a block's label: "×3 · 10k/s each".
pub fn key_numbers(b: &Block) -> String {
    let full = numbers_line(b, false);
    // The short form only when the long one does not fit beside the icon.
    if width(&full) <= NUMBERS_FIT {
        full
    } else {
        clip(&numbers_line(b, true), NUMBERS_FIT)
    }
}

/// The key numbers in short units, never cut ("×2 · 100k/s each · hit 95%"),
/// for exports, whose boxes grow to hold them.
pub fn key_numbers_whole(b: &Block) -> String {
    numbers_line(b, true)
}

/// The key numbers, with rates written `10k req/s` or, when `short`, `10k/s`.
fn numbers_line(b: &Block, short: bool) -> String {
    let per_s = if short { "/s" } else { " req/s" };
    let many = b.replicas > 1 || b.shards > 1;
    let mut parts = Vec::new();
    if b.is_entry() {
        parts.push(format!("{}{per_s} in", compact(b.peak_rps())));
    }
    if many {
        let mut s = format!("×{}", b.replicas);
        if b.shards > 1 {
            s.push_str(&format!(" ×{} shards", b.shards));
        }
        parts.push(s);
    }
    if let Some(c) = b.capacity_rps {
        let each = if many { " each" } else { "" };
        parts.push(format!("{}{per_s}{each}", compact(c)));
    }
    if b.hit_ratio > 0.0 {
        parts.push(format!("hit {}%", sig(b.hit_ratio * 100.0)));
    }
    if parts.is_empty() && b.latency_ms > 0.0 {
        parts.push(format!("{} ms", sig(b.latency_ms)));
    }
    parts.join(" · ")
}

/// How much text fits beside a block's icon, in `width` units (a typical
/// lowercase letter is 1), for the bold label and the smaller numbers.
pub const LABEL_FIT: f64 = 12.4;
pub const NUMBERS_FIT: f64 = 15.0;

/// The rough drawn width of `s` in units of a typical lowercase letter, so that
/// text is cut before it runs out of the block (the block clips it anyway).
fn width(s: &str) -> f64 {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | ' ' | '.' | ',' | ':' | ';' | '\'' | '/'
        | '|' | '!' | '(' | ')' | '[' | ']' | '·' => 0.55,
        'm' | 'w' | 'M' | 'W' | '%' => 1.35,
        c if c.is_uppercase() => 1.3,
        _ => 1.0,
    }
}

/// `s` cut with an ellipsis to fit `fit` width units (the full text is in the
/// tooltip and the accessible name).
pub fn clip(s: &str, fit: f64) -> String {
    if width(s) <= fit {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 1.0; // the ellipsis
    for c in s.chars() {
        used += char_width(c);
        if used > fit {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// The text drawn on a link, empty when everything is at the catalog's default:
/// its label, calls when not 1, latency when not the usual, "write".
pub fn link_text(l: &Link, from_kind: Option<Kind>) -> String {
    let mut parts = Vec::new();
    if !l.label.is_empty() {
        parts.push(l.label.clone());
    }
    if l.calls != 1.0 {
        parts.push(format!("×{}", sig(l.calls)));
    }
    let usual = if from_kind == Some(Kind::Client) {
        catalog::CLIENT_LINK_LATENCY_MS.value
    } else {
        catalog::LINK_LATENCY_MS.value
    };
    if l.latency_ms != usual {
        parts.push(format!("{} ms", sig(l.latency_ms)));
    }
    if l.op == Op::Write {
        parts.push("write".into());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_numbers_show_what_matters() {
        let mut b = Block::new("db", Kind::RelationalDb, 0.0, 0.0);
        b.replicas = 3;
        b.capacity_rps = Some(50_000.0);
        // The long form does not fit beside the icon, so rates shorten to "/s".
        assert_eq!(key_numbers(&b), "×3 · 50k/s each");
        let mut c = Block::new("users", Kind::Client, 0.0, 0.0);
        c.rps = 20_000.0;
        assert_eq!(key_numbers(&c), "20k req/s in");
    }

    #[test]
    fn link_text_is_empty_at_defaults() {
        let mut l = Link::new("l", "a", "b");
        l.latency_ms = 0.5;
        assert_eq!(link_text(&l, Some(Kind::Service)), "");
        l.latency_ms = 30.0;
        assert_eq!(link_text(&l, Some(Kind::Client)), "");
        l.calls = 2.0;
        l.op = Op::Write;
        assert_eq!(link_text(&l, Some(Kind::Service)), "×2 · 30 ms · write");
        assert_eq!(clip("Service (stateless app)", LABEL_FIT), "Service (stat…");
    }
}
