//! The design as an Excalidraw scene (`.excalidraw`, JSON): every element
//! with the fields Excalidraw's `restore` reads, blocks as rectangles with
//! their text bound inside, links as arrows bound to both blocks (so they
//! follow when a block moves), zones as frames, notes as yellow boxes.
//!
//! Spec choice: zones are frames (`type: "frame"`, members' `frameId`), which
//! Excalidraw reads since 0.15 and draws as named, movable containers; a
//! group would make clicking a block select its whole zone. A frame follows
//! its children in the element list, as Excalidraw orders them. A block's
//! text and an arrow between two blocks of one zone belong to that frame;
//! an arrow between zones to none.

use serde_json::{json, Map, Value};

use super::{colours, hash, link_colour, r2, BlockBox, LinkPath, Scene, GAP, PAD};
use crate::core::geometry::{Point, Rect};
use crate::core::model::{Design, Mode};
use crate::core::report::Report;

/// The blocks' and notes' text size (Excalidraw's small is 16; the canvas
/// writes 13 and 11).
const FONT: f64 = 12.0;
/// The links' labels.
const LABEL_FONT: f64 = 11.0;
/// Helvetica (2): drawn by every version of Excalidraw.
const FONT_FAMILY: u32 = 2;
/// Excalidraw's line height for Helvetica.
const LINE_HEIGHT: f64 = 1.15;
/// Spec choice: every element's `updated` time is this fixed instant (the
/// core has no clock, and a fixed value keeps exports stable for diffs).
const UPDATED: u64 = 1;

/// The design as an Excalidraw scene (pretty JSON, trailing newline). With a
/// report, blocks carry their load, utilization and entry p99, hot and
/// saturated ones coloured, links their rate.
pub fn excalidraw(design: &Design, report: Option<&Report>) -> String {
    let scene = Scene::new(design, report, FONT);
    let mut arrows: Vec<Vec<&str>> = vec![Vec::new(); scene.blocks.len()];
    for l in &scene.links {
        arrows[l.from].push(&l.link.id);
        if l.to != l.from {
            arrows[l.to].push(&l.link.id);
        }
    }
    let mut out = Vec::new();
    let zones = scene.zones.iter().map(|z| Some(z.zone.id.as_str()));
    for (i, zone) in zones
        .enumerate()
        .map(|(i, z)| (Some(i), z))
        .chain([(None, None)])
    {
        let frame = zone.map(|z| format!("zone:{z}"));
        for (b, arrows) in scene
            .blocks
            .iter()
            .zip(&arrows)
            .filter(|(b, _)| b.zone == i)
        {
            block(&mut out, b, arrows, frame.as_deref());
        }
        for l in scene.links.iter().filter(|l| l.zone == i) {
            link(&mut out, &scene, l, frame.as_deref());
        }
        if let (Some(i), Some(id)) = (i, &frame) {
            let z = &scene.zones[i];
            let mut f = element(id, "frame", z.rect, None);
            f.insert("name".into(), z.name.clone().into());
            f.insert("strokeColor".into(), "#9fb4dc".into());
            out.push(Value::Object(f));
        }
    }
    for (s, rect, lines) in &scene.stickies {
        let id = format!("sticky:{}", s.id);
        let text_id = format!("{id}:text");
        let mut e = element(&id, "rectangle", *rect, None);
        e.insert("backgroundColor".into(), "#fff3b0".into());
        e.insert("strokeColor".into(), "#d6b656".into());
        e.insert("roundness".into(), json!({ "type": 3 }));
        // Excalidraw deletes an empty text on load: an empty note has none.
        if s.text.trim().is_empty() {
            out.push(Value::Object(e));
            continue;
        }
        e.insert(
            "boundElements".into(),
            json!([{ "type": "text", "id": text_id }]),
        );
        out.push(Value::Object(e));
        let mut t = text(
            &text_id,
            Some(&id),
            &lines.join("\n"),
            &s.text,
            rect.centre(),
            FONT,
        );
        t.insert("textAlign".into(), "left".into());
        t.insert("verticalAlign".into(), "top".into());
        t.insert("x".into(), r2(rect.x + PAD).into());
        t.insert("y".into(), r2(rect.y + PAD).into());
        out.push(Value::Object(t));
    }
    if let (false, Some(b)) = (design.title.is_empty(), scene.bounds()) {
        let size = text_size(&design.title, 24.0);
        let centre = Point::new(b.x + size.0 / 2.0, b.y - 24.0 - size.1 / 2.0);
        let mut t = text("title", None, &design.title, &design.title, centre, 24.0);
        t.insert("textAlign".into(), "left".into());
        out.push(Value::Object(t));
    }
    let file = json!({
        "type": "excalidraw",
        "version": 2,
        "source": "envelope",
        "elements": out,
        "appState": { "viewBackgroundColor": "#ffffff", "gridSize": 20 },
        "files": {},
    });
    let mut s = serde_json::to_string_pretty(&file).expect("a scene serialises");
    s.push('\n');
    s
}

/// A block: its rectangle (with its text and every arrow of its links bound
/// to it) and its text.
fn block(out: &mut Vec<Value>, b: &BlockBox, arrows: &[&str], frame: Option<&str>) {
    let id = format!("block:{}", b.block.id);
    let text_id = format!("{id}:text");
    let (fill, stroke, dashed) = colours(b);
    let mut e = element(&id, "rectangle", b.rect, frame);
    e.insert("backgroundColor".into(), fill.into());
    e.insert("strokeColor".into(), stroke.into());
    if dashed {
        e.insert("strokeStyle".into(), "dashed".into());
    }
    e.insert("roundness".into(), json!({ "type": 3 }));
    let mut bound = vec![json!({ "type": "text", "id": text_id })];
    bound.extend(
        arrows
            .iter()
            .map(|a| json!({ "type": "arrow", "id": format!("link:{a}") })),
    );
    e.insert("boundElements".into(), bound.into());
    out.push(Value::Object(e));
    let body = b.wrapped.join("\n");
    let t = text(
        &text_id,
        Some(&id),
        &body,
        &b.lines.join("\n"),
        b.rect.centre(),
        FONT,
    );
    out.push(Value::Object(with_frame(t, frame)));
}

/// A link: an arrow bound to both blocks, and its label bound to the arrow.
fn link(out: &mut Vec<Value>, scene: &Scene, l: &LinkPath, frame: Option<&str>) {
    let id = format!("link:{}", l.link.id);
    let text_id = format!("{id}:text");
    let start = l.points[0];
    let points: Vec<Point> = l
        .points
        .iter()
        .map(|p| Point::new(r2(p.x - start.x), r2(p.y - start.y)))
        .collect();
    let span = |f: fn(&Point) -> f64| {
        let (lo, hi) = points
            .iter()
            .map(f)
            .fold((0.0, 0.0), |(lo, hi): (f64, f64), v| (lo.min(v), hi.max(v)));
        hi - lo
    };
    let rect = Rect {
        x: start.x,
        y: start.y,
        w: span(|p| p.x),
        h: span(|p| p.y),
    };
    let mut e = element(&id, "arrow", rect, frame);
    e.insert("strokeColor".into(), link_colour(l.link).into());
    if l.link.mode == Mode::Async {
        e.insert("strokeStyle".into(), "dashed".into());
    }
    e.insert("roundness".into(), json!({ "type": 2 }));
    let points: Vec<Value> = points.iter().map(|p| json!([p.x, p.y])).collect();
    e.insert("points".into(), points.into());
    e.insert("lastCommittedPoint".into(), Value::Null);
    e.insert("startArrowhead".into(), Value::Null);
    e.insert("endArrowhead".into(), "arrow".into());
    let binding = |b: usize| json!({ "elementId": format!("block:{}", scene.blocks[b].block.id), "focus": 0, "gap": GAP });
    e.insert("startBinding".into(), binding(l.from));
    e.insert("endBinding".into(), binding(l.to));
    e.insert("elbowed".into(), false.into());
    if !l.label.is_empty() {
        e.insert(
            "boundElements".into(),
            json!([{ "type": "text", "id": text_id }]),
        );
    }
    out.push(Value::Object(e));
    if !l.label.is_empty() {
        let mid = l.points[l.points.len() / 2];
        let centre = if l.points.len() == 2 {
            Point::new((start.x + mid.x) / 2.0, (start.y + mid.y) / 2.0)
        } else {
            mid
        };
        let mut t = text(&text_id, Some(&id), &l.label, &l.label, centre, LABEL_FONT);
        t.insert("backgroundColor".into(), "#ffffff".into());
        out.push(Value::Object(with_frame(t, frame)));
    }
}

/// The fields every element carries, as Excalidraw writes them.
fn element(id: &str, kind: &str, r: Rect, frame: Option<&str>) -> Map<String, Value> {
    let v = json!({
        "id": id,
        "type": kind,
        "x": r2(r.x),
        "y": r2(r.y),
        "width": r2(r.w),
        "height": r2(r.h),
        "angle": 0,
        "strokeColor": "#1e1e1e",
        "backgroundColor": "transparent",
        "fillStyle": "solid",
        "strokeWidth": 2,
        "strokeStyle": "solid",
        "roughness": 0,
        "opacity": 100,
        "groupIds": [],
        "frameId": frame,
        "roundness": null,
        "seed": seed(id),
        "version": 1,
        "versionNonce": seed(&format!("{id}#nonce")),
        "isDeleted": false,
        "boundElements": null,
        "updated": UPDATED,
        "link": null,
        "locked": false,
    });
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// A text element centred on `centre`; `container` is the shape it is bound to.
fn text(
    id: &str,
    container: Option<&str>,
    body: &str,
    original: &str,
    centre: Point,
    font: f64,
) -> Map<String, Value> {
    let (w, h) = text_size(body, font);
    let rect = Rect::centred(centre, w, h);
    let mut t = element(id, "text", rect, None);
    t.insert("strokeWidth".into(), 1.into());
    for (k, v) in [
        ("text", json!(body)),
        ("originalText", json!(original)),
        ("fontSize", json!(font)),
        ("fontFamily", json!(FONT_FAMILY)),
        ("textAlign", json!("center")),
        ("verticalAlign", json!("middle")),
        ("containerId", json!(container)),
        ("lineHeight", json!(LINE_HEIGHT)),
        ("autoResize", json!(true)),
    ] {
        t.insert(k.into(), v);
    }
    t
}

fn with_frame(mut e: Map<String, Value>, frame: Option<&str>) -> Map<String, Value> {
    e.insert("frameId".into(), json!(frame));
    e
}

/// The size Excalidraw gives `body` at `font` px, roughly.
fn text_size(body: &str, font: f64) -> (f64, f64) {
    let lines: Vec<&str> = body.split('\n').collect();
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    (
        (widest as f64 * font * 0.55).ceil(),
        lines.len() as f64 * font * LINE_HEIGHT,
    )
}

/// A seed in Excalidraw's range (1 to 2^31 − 1), from an id: stable across
/// exports.
fn seed(id: &str) -> u32 {
    1 + hash(id) % 0x7fff_fffe
}
