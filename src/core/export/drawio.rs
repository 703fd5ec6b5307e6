//! The design as a draw.io diagram (`.drawio`): an uncompressed `mxfile`
//! whose cells are the zones (containers, `container=1`), the blocks (inside
//! their zone, at coordinates relative to it), the links (edges whose
//! `source` and `target` are blocks, so they follow when a block moves) and
//! the notes. Labels are HTML (`html=1`), escaped once as HTML and once as
//! XML, lines joined by `<br>`.
//!
//! Spec choice: an edge between two blocks of one zone belongs to that zone
//! (draw.io puts an edge in its ends' nearest common container), any other
//! to the diagram's layer; a bent edge keeps its middle point as a waypoint.

use std::fmt::Write;

use super::{colours, link_colour, r2, BlockBox, LinkPath, Scene};
use crate::core::format::format_number;
use crate::core::geometry::Rect;
use crate::core::model::{Design, Mode};
use crate::core::render::svg::escape;
use crate::core::report::Report;

/// draw.io's default font size.
const FONT: f64 = 12.0;
/// The diagram's default layer (cell "1", child of the root cell "0").
const LAYER: &str = "1";

/// The design as a draw.io diagram (XML, trailing newline). With a report,
/// blocks carry their load, utilization and entry p99, hot and saturated ones
/// coloured, links their rate.
pub fn drawio(design: &Design, report: Option<&Report>) -> String {
    let scene = Scene::new(design, report, FONT);
    let name = if design.title.is_empty() {
        "Envelope design"
    } else {
        &design.title
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<mxfile host=\"envelope\">\n  <diagram id=\"envelope\" name=\"{}\">\n    \
         <mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" \
         arrows=\"1\" fold=\"1\" page=\"0\" pageScale=\"1\" math=\"0\" shadow=\"0\">\n      \
         <root>\n        <mxCell id=\"0\"/>\n        <mxCell id=\"{LAYER}\" parent=\"0\"/>\n",
        attr(name)
    );
    let origin = |zone: Option<usize>| {
        zone.map_or((0.0, 0.0), |z| {
            (scene.zones[z].rect.x, scene.zones[z].rect.y)
        })
    };
    let parent = |zone: Option<usize>| {
        zone.map_or(LAYER.to_string(), |z| {
            format!("zone:{}", scene.zones[z].zone.id)
        })
    };
    for z in &scene.zones {
        let style = "rounded=1;arcSize=4;whiteSpace=wrap;html=1;container=1;collapsible=0;\
                     dashed=1;fillColor=#f5f8fe;strokeColor=#9fb4dc;verticalAlign=top;align=left;\
                     spacingLeft=8;fontStyle=1;";
        vertex(
            &mut out,
            &format!("zone:{}", z.zone.id),
            &html(&[&z.name]),
            style,
            LAYER,
            z.rect,
        );
    }
    for b in &scene.blocks {
        let (x0, y0) = origin(b.zone);
        let r = Rect {
            x: b.rect.x - x0,
            y: b.rect.y - y0,
            ..b.rect
        };
        let id = format!("block:{}", b.block.id);
        vertex(
            &mut out,
            &id,
            &block_html(b),
            &block_style(b),
            &parent(b.zone),
            r,
        );
    }
    for l in &scene.links {
        edge(&mut out, &scene, l, &parent(l.zone), origin(l.zone));
    }
    for (s, rect, _) in &scene.stickies {
        let lines: Vec<&str> = s.text.lines().collect();
        let style =
            "shape=note;size=12;whiteSpace=wrap;html=1;fillColor=#fff2cc;strokeColor=#d6b656;\
                     align=left;verticalAlign=top;spacingLeft=6;";
        vertex(
            &mut out,
            &format!("sticky:{}", s.id),
            &html(&lines),
            style,
            LAYER,
            *rect,
        );
    }
    if let (false, Some(b)) = (design.title.is_empty(), scene.bounds()) {
        let r = Rect {
            x: b.x,
            y: b.y - 48.0,
            w: b.w.max(200.0),
            h: 32.0,
        };
        let style = "text;html=1;align=left;verticalAlign=middle;fontSize=18;fontStyle=1;";
        vertex(&mut out, "title", &html(&[&design.title]), style, LAYER, r);
    }
    out.push_str("      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");
    out
}

fn vertex(out: &mut String, id: &str, value: &str, style: &str, parent: &str, r: Rect) {
    let _ = writeln!(
        out,
        "        <mxCell id=\"{}\" value=\"{}\" style=\"{style}\" vertex=\"1\" parent=\"{}\">\n          \
         <mxGeometry x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" as=\"geometry\"/>\n        </mxCell>",
        attr(id),
        attr(value),
        attr(parent),
        n(r.x),
        n(r.y),
        n(r.w),
        n(r.h)
    );
}

/// A link: an edge from its caller to its callee; a bent one through its
/// middle point (in its parent's coordinates).
fn edge(out: &mut String, scene: &Scene, l: &LinkPath, parent: &str, (x0, y0): (f64, f64)) {
    let mut style = format!(
        "edgeStyle=none;rounded=1;html=1;endArrow=classic;strokeWidth=1.5;strokeColor={};",
        link_colour(l.link)
    );
    if l.link.mode == Mode::Async {
        style.push_str("dashed=1;");
    }
    let _ = write!(
        out,
        "        <mxCell id=\"{}\" value=\"{}\" style=\"{style}\" edge=\"1\" parent=\"{}\" source=\"block:{}\" target=\"block:{}\">\n          \
         <mxGeometry relative=\"1\" as=\"geometry\">",
        attr(&format!("link:{}", l.link.id)),
        attr(&html(&[&l.label])),
        attr(parent),
        attr(&scene.blocks[l.from].block.id),
        attr(&scene.blocks[l.to].block.id),
    );
    if l.points.len() > 2 {
        out.push_str("<Array as=\"points\">");
        for p in &l.points[1..l.points.len() - 1] {
            let _ = write!(
                out,
                "<mxPoint x=\"{}\" y=\"{}\"/>",
                n(p.x - x0),
                n(p.y - y0)
            );
        }
        out.push_str("</Array>");
    }
    out.push_str("</mxGeometry>\n        </mxCell>\n");
}

/// A block's label: the first line bold, the numbers below.
fn block_html(b: &BlockBox) -> String {
    let mut s = format!("<b>{}</b>", escape(&b.lines[0]));
    for line in &b.lines[1..] {
        s.push_str("<br>");
        s.push_str(&escape(line));
    }
    s
}

fn block_style(b: &BlockBox) -> String {
    let (fill, stroke, dashed) = colours(b);
    let mut style = format!(
        "rounded=1;arcSize=12;whiteSpace=wrap;html=1;fillColor={fill};strokeColor={stroke};"
    );
    if dashed {
        style.push_str("dashed=1;");
    }
    style
}

/// A coordinate as written: to hundredths, integers without a fraction.
fn n(v: f64) -> String {
    format_number(r2(v))
}

/// Lines of text as an HTML label: each escaped, joined by `<br>`.
fn html(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// An XML attribute value: escaped, line breaks and tabs as character
/// references (an attribute's raw line break reads back as a space).
fn attr(s: &str) -> String {
    escape(s)
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}
