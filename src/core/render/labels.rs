//! The short texts drawn on blocks and links, shared by the canvas and the SVG
//! export so both say the same thing.

use super::units::{grouped, sig};
use crate::core::model::{Block, Kind, Link, Op};

/// Catalog defaults a link's latency is compared with before it is shown.
const LINK_MS: f64 = 0.5;
const CLIENT_LINK_MS: f64 = 30.0;

/// The line of key numbers under a block's label: "×3 · 10,000 req/s each".
pub fn key_numbers(b: &Block) -> String {
    let mut parts = Vec::new();
    if b.rps > 0.0 {
        parts.push(format!("{} req/s in", grouped(b.rps)));
    }
    if b.replicas > 1 || b.shards > 1 {
        let mut s = format!("×{}", b.replicas);
        if b.shards > 1 {
            s.push_str(&format!(" ×{} shards", b.shards));
        }
        parts.push(s);
    }
    if let Some(c) = b.capacity_rps {
        parts.push(format!("{} req/s each", grouped(c)));
    }
    if b.hit_ratio > 0.0 {
        parts.push(format!("hit {}%", sig(b.hit_ratio * 100.0)));
    }
    if parts.is_empty() && b.latency_ms > 0.0 {
        parts.push(format!("{} ms", sig(b.latency_ms)));
    }
    parts.join(" · ")
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
        CLIENT_LINK_MS
    } else {
        LINK_MS
    };
    if l.latency_ms != usual {
        parts.push(format!("{} ms", sig(l.latency_ms)));
    }
    if l.op == Op::Write {
        parts.push("write".into());
    }
    parts.join(" · ")
}

/// `s` cut to `n` characters with an ellipsis.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_numbers_show_what_matters() {
        let mut b = Block::new("db", Kind::RelationalDb, 0.0, 0.0);
        b.replicas = 3;
        b.capacity_rps = Some(50_000.0);
        assert_eq!(key_numbers(&b), "×3 · 50,000 req/s each");
        let mut c = Block::new("users", Kind::Client, 0.0, 0.0);
        c.rps = 20_000.0;
        assert_eq!(key_numbers(&c), "20,000 req/s in");
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
        assert_eq!(clip("Service (stateless app)", 10), "Service (…");
    }
}
