//! Tests: the Excalidraw and draw.io exports (`core::export`), read back the
//! way those tools read them: unique ids; every arrow bound to blocks that
//! list it back; text bound to its shape; every block, label, link and zone
//! present; zones as frames and containers holding their blocks; draw.io
//! edges between existing cells, children placed relative to their zone; XML
//! and HTML special characters surviving. On every template, a generated
//! design and a design made to be awkward.

use std::collections::{HashMap, HashSet};
use std::process::Command;

use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::export::{drawio, excalidraw};
use envelope::core::format::{load, save, validate};
use envelope::core::generate;
use envelope::core::model::{Block, Design, Kind, Link, Mode, Op, Sticky, Zone};
use envelope::core::report::Report;
use proptest::prelude::*;
use serde_json::Value;

fn templates() -> Vec<(String, Design)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/templates");
    let mut out: Vec<(String, Design)> = std::fs::read_dir(dir)
        .expect("templates")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".envelope.json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let d = load(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            (name, d)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 8, "the templates are there");
    out
}

/// Special characters everywhere, links both ways and in parallel between one
/// pair, a member standing outside its zone, a block in no zone, a note.
fn awkward() -> Design {
    let mut d = Design {
        title: "Title & <b>\"quoted\"</b>".into(),
        ..Design::default()
    };
    let mut a = Block::new("a", Kind::Service, 300.0, 200.0);
    a.label = "<script>alert('x')</script> & \"é ✓\"".into();
    a.zone = Some("z1".into());
    a.replicas = 3;
    a.capacity_rps = Some(100.0);
    let mut b = Block::new("b.2", Kind::RelationalDb, 900.0, 600.0);
    b.zone = Some("z1".into());
    let mut users = Block::new("users", Kind::Client, 0.0, 200.0);
    users.rps = 250.0;
    d.blocks = vec![users, a, b, Block::new("q", Kind::Queue, 300.0, 500.0)];
    let mut l1 = Link::new("l1", "users", "a");
    l1.label = "GET /{code} & <x>".into();
    let mut l2 = Link::new("l2", "a", "b.2");
    l2.op = Op::Write;
    let l3 = Link::new("l3", "a", "b.2");
    let mut l4 = Link::new("l4", "b.2", "a");
    l4.mode = Mode::Async;
    let mut l5 = Link::new("l5", "a", "q");
    l5.mode = Mode::Async;
    d.links = vec![l1, l2, l3, l4, l5];
    let mut z = Zone::new("z1", 150.0, 100.0, 400.0, 250.0);
    z.label = "Zone <1> & \"east\"".into();
    z.availability = 0.9995;
    d.zones = vec![z, Zone::new("empty", -400.0, -400.0, 100.0, 100.0)];
    d.stickies = vec![
        Sticky::new(
            "s1",
            "x < y & 'z'\nsecond line of a note that goes on for a while",
            0.0,
            700.0,
        ),
        Sticky::new("empty-note", "", 400.0, 700.0),
    ];
    validate(&d).expect("the awkward design is valid");
    d
}

fn designs() -> Vec<(String, Design)> {
    let mut out = templates();
    out.push(("generated".into(), generate::design(150, 5)));
    out.push(("awkward".into(), awkward()));
    out.push(("empty".into(), Design::default()));
    out
}

fn report(d: &Design) -> Report {
    evaluate(d, &EvalOptions::default())
}

#[test]
fn excalidraw_scenes_hold_together() {
    for (name, d) in designs() {
        let r = report(&d);
        for rep in [None, Some(&r)] {
            let out = excalidraw(&d, rep);
            assert_eq!(out, excalidraw(&d, rep), "{name}: deterministic");
            check_excalidraw(&name, &d, rep, &out);
        }
    }
}

#[test]
fn drawio_diagrams_hold_together() {
    for (name, d) in designs() {
        let r = report(&d);
        for rep in [None, Some(&r)] {
            let out = drawio(&d, rep);
            assert_eq!(out, drawio(&d, rep), "{name}: deterministic");
            check_drawio(&name, &d, &out);
        }
    }
}

/// Fields Excalidraw's `restore` reads on every element, and per type.
const BASE: &[&str] = &[
    "id",
    "type",
    "x",
    "y",
    "width",
    "height",
    "angle",
    "strokeColor",
    "backgroundColor",
    "fillStyle",
    "strokeWidth",
    "strokeStyle",
    "roughness",
    "opacity",
    "groupIds",
    "frameId",
    "roundness",
    "seed",
    "version",
    "versionNonce",
    "isDeleted",
    "boundElements",
    "updated",
    "link",
    "locked",
];
const TEXT: &[&str] = &[
    "text",
    "fontSize",
    "fontFamily",
    "textAlign",
    "verticalAlign",
    "containerId",
    "originalText",
    "lineHeight",
];
const ARROW: &[&str] = &[
    "points",
    "startArrowhead",
    "endArrowhead",
    "startBinding",
    "endBinding",
];

fn check_excalidraw(name: &str, d: &Design, report: Option<&Report>, out: &str) {
    let scene: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(scene["type"], "excalidraw");
    assert_eq!(scene["version"], 2);
    assert!(scene["appState"].is_object() && scene["files"].is_object());
    let els = scene["elements"].as_array().expect("elements");
    let mut by_id: HashMap<&str, &Value> = HashMap::new();
    for e in els {
        let id = e["id"].as_str().expect("an id");
        assert!(by_id.insert(id, e).is_none(), "{name}: duplicate id {id}");
        let kind = e["type"].as_str().expect("a type");
        let extra = match kind {
            "text" => TEXT,
            "arrow" => ARROW,
            _ => &[],
        };
        for f in BASE.iter().chain(extra) {
            assert!(e.get(*f).is_some(), "{name}: {id} lacks {f}");
        }
        assert!(
            e["seed"].as_u64().is_some_and(|s| s >= 1),
            "{name}: {id} seed"
        );
    }
    let position: HashMap<&str, usize> = els
        .iter()
        .enumerate()
        .map(|(i, e)| (e["id"].as_str().unwrap_or_default(), i))
        .collect();
    let bound = |shape: &Value, kind: &str, id: &str| {
        shape["boundElements"]
            .as_array()
            .is_some_and(|b| b.iter().any(|x| x["type"] == kind && x["id"] == id))
    };
    for e in els {
        let id = e["id"].as_str().unwrap_or_default();
        if e["type"] == "arrow" {
            assert_eq!(
                e["points"][0],
                serde_json::json!([0.0, 0.0]),
                "{name}: {id}"
            );
            for end in ["startBinding", "endBinding"] {
                let target = e[end]["elementId"].as_str().expect("bound");
                let shape = by_id
                    .get(target)
                    .unwrap_or_else(|| panic!("{name}: {id} → {target}"));
                assert_eq!(shape["type"], "rectangle", "{name}: {id} {end}");
                assert!(
                    bound(shape, "arrow", id),
                    "{name}: {target} does not list {id}"
                );
                assert!(e[end]["gap"].is_number() && e[end]["focus"].is_number());
            }
        }
        if let Some(container) = e["containerId"].as_str() {
            let shape = by_id
                .get(container)
                .unwrap_or_else(|| panic!("{name}: {id}'s container"));
            assert!(
                bound(shape, "text", id),
                "{name}: {container} does not list {id}"
            );
            assert_eq!(
                e["frameId"], shape["frameId"],
                "{name}: {id} in its container's frame"
            );
        }
        for b in e["boundElements"].as_array().into_iter().flatten() {
            let other = by_id[b["id"].as_str().expect("an id")];
            match b["type"].as_str() {
                Some("text") => assert_eq!(other["containerId"], e["id"], "{name}: {id}"),
                _ => assert!(
                    other["startBinding"]["elementId"] == e["id"]
                        || other["endBinding"]["elementId"] == e["id"],
                    "{name}: {id} lists an arrow not bound to it"
                ),
            }
        }
        if let Some(frame) = e["frameId"].as_str() {
            let f = by_id
                .get(frame)
                .unwrap_or_else(|| panic!("{name}: {id}'s frame"));
            assert_eq!(f["type"], "frame");
            // Excalidraw keeps a frame after its children, and clips them to it.
            assert!(
                position[id] < position[frame],
                "{name}: {id} after its frame"
            );
            if e["type"] == "rectangle" {
                assert!(inside(e, f), "{name}: {id} sticks out of {frame}");
            }
        }
    }
    let figures: HashMap<&str, _> = report
        .map(|r| r.blocks.iter().map(|b| (b.id.as_str(), b)).collect())
        .unwrap_or_default();
    for b in &d.blocks {
        let id = format!("block:{}", b.id);
        let shape = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{name}: no {id}"));
        let text = by_id[format!("{id}:text").as_str()];
        let original = text["originalText"].as_str().expect("text");
        assert_eq!(
            original.lines().next(),
            Some(b.display_label()),
            "{name}: {id}"
        );
        let frame = b.zone.as_ref().map(|z| format!("zone:{z}"));
        assert_eq!(shape["frameId"].as_str(), frame.as_deref(), "{name}: {id}");
        let centre = (
            shape["x"].as_f64().unwrap_or_default()
                + shape["width"].as_f64().unwrap_or_default() / 2.0,
            shape["y"].as_f64().unwrap_or_default()
                + shape["height"].as_f64().unwrap_or_default() / 2.0,
        );
        assert!(
            (centre.0 - b.x).abs() < 0.02 && (centre.1 - b.y).abs() < 0.02,
            "{name}: {id}"
        );
        if let Some(u) = figures.get(b.id.as_str()).and_then(|f| f.utilization) {
            assert!(
                original.contains(&format!("util {u:.2}")),
                "{name}: {original}"
            );
        }
    }
    for l in &d.links {
        let id = format!("link:{}", l.id);
        let arrow = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{name}: no {id}"));
        assert_eq!(
            arrow["startBinding"]["elementId"],
            format!("block:{}", l.from)
        );
        assert_eq!(arrow["endBinding"]["elementId"], format!("block:{}", l.to));
        let dashed = arrow["strokeStyle"] == "dashed";
        assert_eq!(dashed, l.mode == Mode::Async, "{name}: {id}");
        if !l.label.is_empty() {
            let label = by_id[format!("{id}:text").as_str()];
            assert!(label["text"].as_str().is_some_and(|t| t.contains(&l.label)));
        }
    }
    for z in &d.zones {
        let frame = by_id[format!("zone:{}", z.id).as_str()];
        assert_eq!(frame["type"], "frame");
        let label = if z.label.is_empty() { &z.id } else { &z.label };
        assert!(frame["name"]
            .as_str()
            .is_some_and(|n| n.starts_with(label.as_str())));
    }
    for s in &d.stickies {
        assert!(by_id.contains_key(format!("sticky:{}", s.id).as_str()));
        if let Some(text) = by_id.get(format!("sticky:{}:text", s.id).as_str()) {
            assert_eq!(text["originalText"], s.text.as_str());
        } else {
            assert!(
                s.text.trim().is_empty(),
                "{name}: sticky {} lost its text",
                s.id
            );
        }
    }
}

/// The rectangle of `e` lies within that of `f`.
fn inside(e: &Value, f: &Value) -> bool {
    let n = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    n(e, "x") >= n(f, "x")
        && n(e, "y") >= n(f, "y")
        && n(e, "x") + n(e, "width") <= n(f, "x") + n(f, "width")
        && n(e, "y") + n(e, "height") <= n(f, "y") + n(f, "height")
}

/// Text as an HTML label carries it.
fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn check_drawio(name: &str, d: &Design, out: &str) {
    let doc = roxmltree::Document::parse(out).unwrap_or_else(|e| panic!("{name}: {e}"));
    let file = doc.root_element();
    assert_eq!(file.tag_name().name(), "mxfile");
    let diagram = file.first_element_child().expect("a diagram");
    assert_eq!(diagram.tag_name().name(), "diagram");
    let expected = if d.title.is_empty() {
        "Envelope design"
    } else {
        &d.title
    };
    assert_eq!(diagram.attribute("name"), Some(expected), "{name}");
    let model = diagram.first_element_child().expect("a model");
    assert_eq!(model.tag_name().name(), "mxGraphModel");
    let root = model.first_element_child().expect("a root");
    let cells: Vec<roxmltree::Node> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(cells[0].attribute("id"), Some("0"));
    assert_eq!(
        (cells[1].attribute("id"), cells[1].attribute("parent")),
        (Some("1"), Some("0"))
    );
    let mut by_id: HashMap<&str, roxmltree::Node> = HashMap::new();
    for c in &cells {
        assert_eq!(c.tag_name().name(), "mxCell");
        let id = c.attribute("id").expect("an id");
        assert!(by_id.insert(id, *c).is_none(), "{name}: duplicate id {id}");
    }
    let geometry = |id: &str| -> [f64; 4] {
        let g = by_id[id]
            .children()
            .find(|n| n.has_tag_name("mxGeometry"))
            .unwrap_or_else(|| panic!("{name}: {id} has no geometry"));
        ["x", "y", "width", "height"].map(|k| g.attribute(k).map_or(0.0, |v| v.parse().expect(k)))
    };
    // Absolute: a child's geometry is relative to its container's.
    let absolute = |id: &str| -> [f64; 4] {
        let mut g = geometry(id);
        let parent = by_id[id].attribute("parent").unwrap_or("1");
        if parent != "1" {
            let p = geometry(parent);
            g[0] += p[0];
            g[1] += p[1];
        }
        g
    };
    for c in &cells[2..] {
        let id = c.attribute("id").unwrap_or_default();
        let parent = c.attribute("parent").expect("a parent");
        assert!(by_id.contains_key(parent), "{name}: {id}'s parent {parent}");
        if c.attribute("edge") == Some("1") {
            for end in ["source", "target"] {
                let other = c.attribute(end).expect(end);
                assert_eq!(
                    by_id.get(other).and_then(|o| o.attribute("vertex")),
                    Some("1")
                );
            }
        }
    }
    let zones: HashSet<String> = d.zones.iter().map(|z| format!("zone:{}", z.id)).collect();
    for z in &d.zones {
        let id = format!("zone:{}", z.id);
        let cell = by_id[id.as_str()];
        assert!(cell
            .attribute("style")
            .is_some_and(|s| s.contains("container=1;")));
        assert_eq!(cell.attribute("parent"), Some("1"));
        let label = if z.label.is_empty() { &z.id } else { &z.label };
        assert!(
            cell.attribute("value")
                .is_some_and(|v| v.starts_with(&html(label))),
            "{name}"
        );
    }
    for b in &d.blocks {
        let id = format!("block:{}", b.id);
        let cell = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{name}: no {id}"));
        let parent = b
            .zone
            .as_ref()
            .map_or("1".to_string(), |z| format!("zone:{z}"));
        assert_eq!(
            cell.attribute("parent"),
            Some(parent.as_str()),
            "{name}: {id}"
        );
        let value = cell.attribute("value").expect("a label");
        assert!(
            value.starts_with(&format!("<b>{}</b>", html(b.display_label()))),
            "{name}: {value}"
        );
        let g = absolute(&id);
        let centre = (g[0] + g[2] / 2.0, g[1] + g[3] / 2.0);
        assert!(
            (centre.0 - b.x).abs() < 0.02 && (centre.1 - b.y).abs() < 0.02,
            "{name}: {id} {centre:?}"
        );
        if zones.contains(&parent) {
            let z = geometry(&parent);
            let inside = g[0] >= z[0]
                && g[1] >= z[1]
                && g[0] + g[2] <= z[0] + z[2]
                && g[1] + g[3] <= z[1] + z[3];
            assert!(inside, "{name}: {id} outside its zone");
        }
    }
    for l in &d.links {
        let id = format!("link:{}", l.id);
        let cell = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{name}: no {id}"));
        assert_eq!(cell.attribute("edge"), Some("1"));
        assert_eq!(
            cell.attribute("source"),
            Some(format!("block:{}", l.from).as_str())
        );
        assert_eq!(
            cell.attribute("target"),
            Some(format!("block:{}", l.to).as_str())
        );
        let dashed = cell
            .attribute("style")
            .is_some_and(|s| s.contains("dashed=1;"));
        assert_eq!(dashed, l.mode == Mode::Async, "{name}: {id}");
        assert!(cell
            .attribute("value")
            .is_some_and(|v| v.contains(&html(&l.label))));
    }
    for s in &d.stickies {
        let value = by_id[format!("sticky:{}", s.id).as_str()].attribute("value");
        let lines: Vec<String> = s.text.lines().map(html).collect();
        assert_eq!(value, Some(lines.join("<br>").as_str()), "{name}");
    }
}

#[test]
fn a_zone_grows_to_hold_a_member_standing_outside_it() {
    let d = awkward();
    let scene: Value = serde_json::from_str(&excalidraw(&d, None)).expect("JSON");
    let els = scene["elements"].as_array().expect("elements");
    let frame = els
        .iter()
        .find(|e| e["id"] == "zone:z1")
        .expect("the frame");
    // z1 is 400 × 250 at (150, 100); "b.2" stands at (900, 600).
    assert_eq!(
        (frame["x"].as_f64(), frame["y"].as_f64()),
        (Some(150.0), Some(100.0))
    );
    assert!(frame["width"].as_f64().is_some_and(|w| w > 800.0));
    assert!(frame["height"].as_f64().is_some_and(|h| h > 500.0));
    // The three links between "a" and "b.2" keep apart: the outer two bend
    // through a middle point, the middle one runs straight.
    for (id, points) in [("link:l2", 3), ("link:l3", 2), ("link:l4", 3)] {
        let arrow = els.iter().find(|e| e["id"] == id).expect(id);
        assert_eq!(
            arrow["points"].as_array().map(Vec::len),
            Some(points),
            "{id}"
        );
    }
    let empty = els
        .iter()
        .find(|e| e["id"] == "zone:empty")
        .expect("an empty zone");
    assert_eq!(empty["width"], 100.0);
}

#[test]
fn the_report_s_figures_are_on_the_blocks() {
    let mut d = awkward();
    // Without the message back from "b.2" to "a", which makes a load loop.
    d.links.retain(|l| l.id != "l4");
    let r = report(&d);
    let out = excalidraw(&d, Some(&r));
    // users → a: 250 req/s against 3 × 100 req/s: utilization 0.83, hot.
    assert!(out.contains("250 req/s · util 0.83"), "{out}");
    assert!(out.contains("\"backgroundColor\": \"#fff4d6\""));
    assert!(out.contains("p99 "), "the entry's p99");
    let xml = drawio(&d, Some(&r));
    assert!(xml.contains("250 req/s · util 0.83"));
    assert!(xml.contains("fillColor=#fff4d6;"));
}

fn envelope(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_envelope"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

#[test]
fn the_cli_exports_both() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/spec-examples/m2_scenarios_zones.json"
    );
    let d = load(&std::fs::read_to_string(file).expect("fixture")).expect("loads");
    let r = report(&d);
    let o = envelope(&["export", "--excalidraw", file]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), excalidraw(&d, Some(&r)));
    let o = envelope(&["export", file, "--drawio", "--scale", "2"]);
    assert_eq!(o.status.code(), Some(0));
    let scaled = evaluate(
        &d,
        &EvalOptions {
            scale: 2.0,
            ..EvalOptions::default()
        },
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        drawio(&d, Some(&scaled))
    );
    for bad in [
        vec!["export", file],
        vec!["export", "--drawio", "--excalidraw", file],
    ] {
        let o = envelope(&bad);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
    }
    let help = envelope(&["export", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--excalidraw"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the labels hold, both exports read back and carry them.
    #[test]
    fn any_label_survives(
        block in "[a-zA-Z0-9 <>&\"'/{}é✓€-]{1,40}",
        link in "[a-zA-Z0-9 <>&\"'/{}é✓€-]{0,40}",
        zone in "[a-zA-Z0-9 <>&\"'é-]{0,20}",
    ) {
        let mut d = awkward();
        d.blocks[1].label = block.trim().to_string();
        d.links[0].label = link.trim().to_string();
        d.zones[0].label = zone.trim().to_string();
        let d = load(&save(&d)).expect("still valid");
        check_excalidraw("labels", &d, None, &excalidraw(&d, None));
        check_drawio("labels", &d, &drawio(&d, None));
    }
}
