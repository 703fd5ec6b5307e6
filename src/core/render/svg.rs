//! The design as a standalone SVG file (export, and the PNG drawn from it):
//! styles inlined, every text escaped, utilization colours from the report.

use std::fmt::Write;

use super::labels::{clip, key_numbers, link_text, LABEL_FIT};
use super::units::percent;
use crate::core::eval::heat::Heat;
use crate::core::geometry::{
    block_rect, design_bounds, lane_bend, link_lanes, route_link, Point, Rect, BLOCK_H, BLOCK_W,
};
use crate::core::model::{Design, Mode, Op};
use crate::core::report::Report;

const MARGIN: f64 = 40.0;
const STICKY_W: f64 = 160.0;
const STICKY_H: f64 = 80.0;

const STYLE: &str = "\
text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#1d2330}\
.block rect{fill:#fff;stroke:#8791a5;stroke-width:1.2}\
.block .label{font-size:13px;font-weight:600}\
.block .numbers{font-size:11px;fill:#566074}\
.block.hot rect{fill:#fff4d6;stroke:#b26a00;stroke-width:2}\
.block.saturated rect{fill:#fde0e0;stroke:#c62828;stroke-width:2.5;stroke-dasharray:6 3}\
.link path{fill:none;stroke:#5b6477;stroke-width:1.6}\
.link.async path{stroke-dasharray:6 4}\
.link.write path{stroke:#b26a00}\
.link text{font-size:11px;fill:#566074}\
.zone rect{fill:rgba(47,111,222,0.05);stroke:#9fb4dc;stroke-width:1.5;stroke-dasharray:8 5}\
.zone text{font-size:12px;font-weight:600;fill:#566074}\
.sticky rect{fill:#fff3b0;stroke:rgba(0,0,0,0.15)}\
.sticky text{font-size:12px;fill:#3b3300}\
.title{font-size:16px;font-weight:650}";

/// Escape text for SVG/XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The whole design as one SVG document. With a report, blocks at utilization
/// ≥ 0.7 are drawn amber and saturated ones red and dashed.
pub fn svg(design: &Design, report: Option<&Report>) -> String {
    let bounds = design_bounds(design).unwrap_or(Rect {
        x: 0.0,
        y: 0.0,
        w: 400.0,
        h: 200.0,
    });
    let title_h = if design.title.is_empty() { 0.0 } else { 32.0 };
    let (x0, y0) = (bounds.x - MARGIN, bounds.y - MARGIN - title_h);
    let (w, h) = (bounds.w + 2.0 * MARGIN, bounds.h + 2.0 * MARGIN + title_h);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x0} {y0} {w} {h}\" width=\"{w}\" height=\"{h}\">\
         <title>{}</title><style>{STYLE}</style>\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
         <path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#5b6477\"/></marker></defs>\
         <rect x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" fill=\"#f7f8fa\"/>",
        escape(if design.title.is_empty() { "Envelope design" } else { &design.title })
    );
    if !design.title.is_empty() {
        let _ = write!(
            out,
            "<text class=\"title\" x=\"{}\" y=\"{}\">{}</text>",
            x0 + MARGIN,
            y0 + MARGIN,
            escape(&design.title)
        );
    }
    for z in &design.zones {
        let label = if z.label.is_empty() { &z.id } else { &z.label };
        let mut text = escape(label);
        if z.availability < 1.0 {
            text.push_str(&format!(" · {}", percent(z.availability)));
        }
        let _ = write!(
            out,
            "<g class=\"zone\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"14\"/>\
             <text x=\"{}\" y=\"{}\">{text}</text></g>",
            z.x,
            z.y,
            z.w,
            z.h,
            z.x + 12.0,
            z.y + 22.0
        );
    }
    let lanes = link_lanes(design);
    for l in &design.links {
        let (Some(a), Some(b)) = (design.block(&l.from), design.block(&l.to)) else {
            continue;
        };
        let (lane, n) = lanes.get(&l.id).copied().unwrap_or((0, 1));
        let p = route_link(
            Point::new(a.x, a.y),
            Point::new(b.x, b.y),
            lane_bend(&l.from, &l.to, lane, n),
        );
        let class = match (l.mode, l.op) {
            (Mode::Async, _) => "link async",
            (_, Op::Write) => "link write",
            _ => "link",
        };
        let _ = write!(
            out,
            "<g class=\"{class}\"><path d=\"M {} {} Q {} {} {} {}\" marker-end=\"url(#arrow)\"/>",
            p.start.x, p.start.y, p.control.x, p.control.y, p.end.x, p.end.y
        );
        let text = link_text(l, Some(a.kind));
        if !text.is_empty() {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                p.label.x,
                p.label.y - 6.0,
                escape(&text)
            );
        }
        out.push_str("</g>");
    }
    for (i, b) in design.blocks.iter().enumerate() {
        let rho = report
            .and_then(|r| r.blocks.get(i))
            .and_then(|r| r.utilization);
        let class = match Heat::of(rho) {
            Heat::Saturated => "block saturated",
            Heat::Hot => "block hot",
            Heat::Unknown | Heat::Cool => "block",
        };
        let r = block_rect(b.x, b.y);
        let _ = write!(
            out,
            "<g class=\"{class}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{BLOCK_W}\" height=\"{BLOCK_H}\" rx=\"10\"/>\
             <text class=\"label\" x=\"{}\" y=\"{}\">{}</text>\
             <text class=\"numbers\" x=\"{}\" y=\"{}\">{}</text></g>",
            escape(b.display_label()),
            r.x,
            r.y,
            r.x + 12.0,
            b.y - 4.0,
            escape(&clip(b.display_label(), LABEL_FIT)),
            r.x + 12.0,
            b.y + 14.0,
            escape(&key_numbers(b)),
        );
    }
    for s in &design.stickies {
        let (x, y) = (s.x - STICKY_W / 2.0, s.y - STICKY_H / 2.0);
        let _ = write!(
            out,
            "<g class=\"sticky\"><rect x=\"{x}\" y=\"{y}\" width=\"{STICKY_W}\" height=\"{STICKY_H}\" rx=\"4\"/>"
        );
        for (i, line) in wrap(&s.text, 22).iter().take(4).enumerate() {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                x + 10.0,
                y + 22.0 + 16.0 * i as f64,
                escape(line)
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>\n");
    out
}

/// Greedy word wrap to lines of about `width` characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + word.chars().count() < width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Block, Kind, Link, Sticky, Zone};

    #[test]
    fn labels_stay_text() {
        let mut d = Design {
            title: "<script>alert(1)</script>".into(),
            ..Design::default()
        };
        let mut b = Block::new("a", Kind::Service, 0.0, 0.0);
        b.label = "<script>alert(1)</script>".into();
        d.blocks.push(b);
        d.blocks.push(Block::new("b", Kind::Cache, 300.0, 0.0));
        let mut l = Link::new("l", "a", "b");
        l.label = "\"quoted\" & <b>".into();
        d.links.push(l);
        d.zones.push(Zone::new("z", -100.0, -100.0, 600.0, 300.0));
        d.stickies.push(Sticky::new("s", "x < y & 'z'", 0.0, 200.0));
        let out = svg(&d, None);
        assert!(!out.contains("<script"));
        assert!(out.contains("&lt;script&gt;"));
        assert!(out.contains("&quot;quoted&quot; &amp; &lt;b&gt;"));
        assert!(out.contains("x &lt; y &amp; &#39;z&#39;"));
        assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        // Every element opened is closed: a cheap well-formedness check.
        assert_eq!(out.matches("<g ").count(), out.matches("</g>").count());
    }

    #[test]
    fn an_empty_design_is_still_an_image() {
        let out = svg(&Design::default(), None);
        assert!(out.contains("viewBox"));
        assert!(out.ends_with("</svg>\n"));
    }
}
