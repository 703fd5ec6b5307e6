//! Mermaid in and out: what an import of each construct gives a user (kinds,
//! zones, async links, the lines listed as skipped), malformed input, limits,
//! and round trips `import(export(d))` over the templates, generated designs
//! and random ones.

use std::collections::BTreeMap;
use std::path::PathBuf;

use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::format;
use envelope::core::geometry::{zone_at, Point};
use envelope::core::mermaid::{export, import, import_with_kinds, Imported};
use envelope::core::model::{Block, Design, Kind, Link, Mode, Zone};
use envelope::core::render::markdown;
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mermaid")
        .join(name);
    std::fs::read_to_string(path).expect("fixture is readable")
}

fn ok(text: &str) -> Imported {
    match import(text) {
        Ok(i) => i,
        Err(errors) => panic!("import failed: {errors:?}"),
    }
}

fn block<'a>(i: &'a Imported, id: &str) -> &'a Block {
    i.design
        .block(id)
        .unwrap_or_else(|| panic!("no block '{id}'"))
}

fn kind(i: &Imported, id: &str) -> Kind {
    block(i, id).kind
}

/// The links as (from, to, async).
fn links(i: &Imported) -> Vec<(String, String, bool)> {
    i.design
        .links
        .iter()
        .map(|l| (l.from.clone(), l.to.clone(), l.mode == Mode::Async))
        .collect()
}

fn has_link(i: &Imported, from: &str, to: &str) -> bool {
    i.design.links.iter().any(|l| l.from == from && l.to == to)
}

fn skipped_on(i: &Imported, line: usize) -> Vec<String> {
    i.skipped
        .iter()
        .filter(|s| s.line == line)
        .map(|s| s.reason.clone())
        .collect()
}

/// Blocks never overlap, and each is drawn inside the zone it belongs to
/// (the canvas reassigns a block's zone from where it sits).
fn assert_drawn_cleanly(d: &Design) {
    for b in &d.blocks {
        let drawn_in = zone_at(d, Point::new(b.x, b.y));
        assert_eq!(
            drawn_in,
            b.zone.as_deref(),
            "block '{}' is drawn in another zone",
            b.id
        );
    }
    let mut sorted: Vec<&Block> = d.blocks.iter().collect();
    sorted.sort_by(|a, b| a.x.total_cmp(&b.x));
    for (k, a) in sorted.iter().enumerate() {
        for b in &sorted[k + 1..] {
            if b.x - a.x >= 150.0 {
                break;
            }
            assert!(
                (a.y - b.y).abs() >= 64.0,
                "blocks '{}' and '{}' overlap",
                a.id,
                b.id
            );
        }
    }
}

#[test]
fn every_shape_and_label_form_reads() {
    let i = ok(&fixture("shapes.mmd"));
    assert_eq!(i.design.blocks.len(), 20);
    let label = |id: &str| block(&i, id).label.clone();
    assert_eq!(label("quoted"), "Quoted: [brackets] (parens) {braces}");
    assert_eq!(label("coded"), "Say \"hi\" #1 & <b>");
    assert_eq!(label("broken"), "API Gateway");
    assert_eq!(label("md"), "**Markdown** label");
    assert_eq!(label("trap"), "Trapezoid");
    assert_eq!(label("spaced"), "Space before the bracket");
    assert_eq!(label("bare"), "bare");
    // A cylinder is a store, in either syntax.
    assert_eq!(kind(&i, "cyl"), Kind::RelationalDb);
    assert_eq!(kind(&i, "modern"), Kind::RelationalDb);
    assert_eq!(label("modern"), "Ledger");
    let g = i.guesses.iter().find(|g| g.id == "cyl").expect("a guess");
    assert_eq!((g.reason.as_str(), g.line), ("cylinder shape", 7));
    // The comment line and the header are not listed; nothing else is skipped.
    assert!(i.skipped.is_empty(), "{:?}", i.skipped);
    assert_drawn_cleanly(&i.design);
}

#[test]
fn chains_fan_outs_labels_and_arrow_styles() {
    let i = ok(&fixture("links.mmd"));
    for (from, to) in [
        ("a", "b"),
        ("b", "c"),
        ("a", "d"),
        ("a", "e"),
        ("b", "d"),
        ("b", "e"),
    ] {
        assert!(has_link(&i, from, to), "{from} -> {to}");
    }
    let link = |from: &str, to: &str| -> &Link {
        i.design
            .links
            .iter()
            .find(|l| l.from == from && l.to == to)
            .unwrap_or_else(|| panic!("no link {from} -> {to}"))
    };
    assert_eq!(link("c", "f").label, "reads");
    assert_eq!(link("c", "g").label, "writes to");
    assert_eq!(link("d", "h").mode, Mode::Async);
    assert_eq!(link("d", "i").mode, Mode::Async);
    assert_eq!(link("d", "i").label, "notifies");
    assert_eq!(link("e", "j").mode, Mode::Sync);
    assert_eq!(link("e", "k").label, "thick text");
    assert_eq!(link("l", "m").label, "long");
    assert!(
        has_link(&i, "n", "w") && has_link(&i, "w", "p"),
        "statements split at ';'"
    );
    // Read with a choice, and listed so.
    assert!(has_link(&i, "f", "g"));
    assert!(skipped_on(&i, 10)[0].contains("no arrow head"));
    assert!(has_link(&i, "g", "h"));
    assert!(skipped_on(&i, 11)[0].contains("two heads"));
    assert!(has_link(&i, "h", "i") && has_link(&i, "i", "j"));
    assert_eq!(link("u", "v").mode, Mode::Async, "'-.-' is a dotted link");
    // Not made, and listed with the line.
    assert!(!has_link(&i, "j", "k"));
    assert!(skipped_on(&i, 14)[0].contains("invisible"));
    assert!(!has_link(&i, "k", "k"));
    assert!(skipped_on(&i, 15)[0].contains("itself"));
    assert_eq!(skipped_on(&i, 18), vec!["unknown arrow '->'".to_string()]);
    assert_eq!(skipped_on(&i, 19), vec!["unknown arrow '-->>'".to_string()]);
    for id in ["q", "r", "s", "t"] {
        assert!(
            i.design.block(id).is_none(),
            "'{id}' comes from a skipped line"
        );
    }
    // Link ids are fresh.
    assert!(i
        .design
        .links
        .iter()
        .enumerate()
        .all(|(k, l)| l.id == format!("l{}", k + 1)));
}

#[test]
fn subgraphs_become_zones_nested_inside_each_other() {
    let i = ok(&fixture("subgraphs.mmd"));
    let zone = |id: &str| -> &Zone {
        i.design
            .zone(id)
            .unwrap_or_else(|| panic!("no zone '{id}'"))
    };
    assert_eq!(zone("region").label, "EU region");
    assert_eq!(zone("az1").label, "Zone A");
    assert_eq!(zone("az2").label, "Zone B");
    // A quoted title or a title of several words: an id made from the title.
    assert_eq!(zone("data_tier").label, "Data tier");
    assert_eq!(zone("shared_services_here").label, "Shared services here");
    // Each block is in its innermost subgraph.
    let in_zone = |b: &str| block(&i, b).zone.clone();
    assert_eq!(in_zone("lb").as_deref(), Some("region"));
    assert_eq!(in_zone("api1").as_deref(), Some("az1"));
    assert_eq!(in_zone("api2").as_deref(), Some("az2"));
    assert_eq!(in_zone("db").as_deref(), Some("data_tier"));
    assert_eq!(in_zone("users"), None);
    // Nested zones are drawn inside their parent.
    let (r, a) = (zone("region"), zone("az1"));
    assert!(a.x > r.x && a.y > r.y && a.x + a.w < r.x + r.w && a.y + a.h < r.y + r.h);
    assert_drawn_cleanly(&i.design);
    // Left to right along the calls.
    assert!(block(&i, "users").x < block(&i, "lb").x);
    assert!(block(&i, "lb").x < block(&i, "api1").x);
    assert!(block(&i, "api1").x < block(&i, "db").x);
    assert!(skipped_on(&i, 4)[0].contains("direction"));
    assert!(
        skipped_on(&i, 23)[0].contains("subgraph"),
        "a link to a subgraph"
    );
}

#[test]
fn styling_lines_are_listed_and_kind_classes_are_used() {
    let i = ok(&fixture("styling.mmd"));
    assert_eq!(i.design.title, "Checkout");
    assert!(i.design.notes.contains("drawn for the review"));
    assert_eq!(kind(&i, "web"), Kind::Client);
    assert_eq!(kind(&i, "pay"), Kind::ExternalApi);
    let lines: Vec<usize> = i.skipped.iter().map(|s| s.line).collect();
    // The directive, `:::fancy`, classDef fancy, `class api fancy`, style,
    // linkStyle and click; not the comment, not `classDef cache` (a kind's
    // style, as an export writes), not `class pay external_api`.
    assert_eq!(lines, vec![1, 9, 11, 14, 15, 16, 17]);
}

#[test]
fn kinds_are_guessed_from_words_with_a_reason() {
    let i = ok(&fixture("kinds.mmd"));
    let want = [
        ("u1", Kind::Client),
        ("u2", Kind::Client),
        ("dns1", Kind::Dns),
        ("cdn1", Kind::Cdn),
        ("lb1", Kind::LoadBalancer),
        ("gw1", Kind::ApiGateway),
        ("rl1", Kind::RateLimiter),
        ("svc1", Kind::Service),
        ("fn1", Kind::Function),
        ("wk1", Kind::Worker),
        ("ext1", Kind::ExternalApi),
        ("c1", Kind::Cache),
        ("c2", Kind::Cache),
        ("db1", Kind::RelationalDb),
        ("db2", Kind::DocumentDb),
        ("kv1", Kind::KvStore),
        ("wc1", Kind::WideColumn),
        ("s1", Kind::SearchIndex),
        ("o1", Kind::ObjectStorage),
        ("q1", Kind::Queue),
        ("e1", Kind::EventLog),
        ("m1", Kind::Observability),
        ("plain", Kind::Service),
        ("OrdersDB", Kind::RelationalDb),
        ("paymentsApi", Kind::Service),
    ];
    for (id, k) in want {
        assert_eq!(kind(&i, id), k, "{id}");
    }
    let g = |id: &str| i.guesses.iter().find(|g| g.id == id).expect("guess");
    assert_eq!(g("c1").reason, "label says 'cache'");
    assert_eq!(g("c1").line, 13);
    assert!(
        g("plain").reason.contains("nothing"),
        "{}",
        g("plain").reason
    );
    // Blocks carry the catalog's numbers for their kind.
    let cache = block(&i, "c1");
    assert_eq!(
        (cache.hit_ratio, cache.capacity_rps),
        (0.9, Some(100_000.0))
    );
    assert_eq!(block(&i, "u1").rps, 1000.0);
    assert_eq!(i.guesses.len(), i.design.blocks.len());
}

#[test]
fn a_review_can_change_the_kinds_and_ids_stay() {
    let text = "flowchart LR\n  a[Thing] --> b[Other thing]\n  b --> é[Café]\n";
    let first = ok(text);
    let ids: Vec<String> = first.design.blocks.iter().map(|b| b.id.clone()).collect();
    assert_eq!(ids, vec!["a", "b", "caf"]);
    let chosen = BTreeMap::from([
        ("b".to_string(), Kind::Queue),
        ("caf".to_string(), Kind::Worker),
    ]);
    let again = import_with_kinds(text, &chosen).expect("imports");
    assert_eq!(kind(&again, "b"), Kind::Queue);
    assert_eq!(kind(&again, "caf"), Kind::Worker);
    assert_eq!(block(&again, "caf").label, "Café");
    // Into and out of a queue, a plain arrow is async.
    assert!(again.design.links.iter().all(|l| l.mode == Mode::Async));
    assert_eq!(
        again.guesses[1].reason.split(';').next(),
        Some("chosen in review")
    );
}

#[test]
fn queues_make_plain_arrows_async_and_thick_ones_stay_sync() {
    let i = ok("flowchart LR\n  api --> q[Jobs queue] --> w[Worker]\n  api ==> k[(Kafka)]\n");
    assert_eq!(
        links(&i),
        vec![
            ("api".into(), "q".into(), true),
            ("q".into(), "w".into(), true),
            ("api".into(), "k".into(), false),
        ]
    );
    let g = i.guesses.iter().find(|g| g.id == "q").expect("guess");
    assert!(g.reason.contains("async"), "{}", g.reason);
    // The consumer sits right of its queue.
    assert!(block(&i, "w").x > block(&i, "q").x);
}

#[test]
fn architecture_groups_services_icons_and_junctions() {
    let i = ok(&fixture("architecture.mmd"));
    assert_eq!(
        i.design.zone("cloud").map(|z| z.label.as_str()),
        Some("AWS")
    );
    assert_eq!(
        i.design.zone("vpc").map(|z| z.label.as_str()),
        Some("Private network")
    );
    assert_eq!(block(&i, "api").zone.as_deref(), Some("vpc"));
    assert_eq!(block(&i, "edge").zone.as_deref(), Some("cloud"));
    assert_eq!(block(&i, "web").zone, None);
    assert_eq!(kind(&i, "web"), Kind::Client);
    assert_eq!(kind(&i, "db"), Kind::RelationalDb);
    assert_eq!(kind(&i, "blobs"), Kind::ObjectStorage);
    assert_eq!(kind(&i, "mail"), Kind::ExternalApi);
    assert_eq!(kind(&i, "cache"), Kind::Cache);
    assert!(i.design.block("fan").is_none(), "a junction is not a block");
    assert!(
        has_link(&i, "api", "blobs") && has_link(&i, "api", "cache"),
        "through the junction"
    );
    assert!(has_link(&i, "api", "mail"), "'<--' points back");
    assert!(has_link(&i, "web", "edge") && has_link(&i, "api", "db"));
    assert!(skipped_on(&i, 17)[0].contains("no arrow head"));
    assert!(skipped_on(&i, 23)[0].contains("ghost"));
    assert!(skipped_on(&i, 24)[0].contains("not an architecture-beta statement"));
    assert!(skipped_on(&i, 13)[0].contains("junction"));
    assert_drawn_cleanly(&i.design);
}

#[test]
fn an_unclosed_subgraph_closes_at_the_end_with_a_note() {
    let i = ok(&fixture("unclosed.mmd"));
    assert_eq!(block(&i, "c").zone.as_deref(), Some("never"));
    assert_eq!(block(&i, "b").zone.as_deref(), Some("inner"));
    assert!(skipped_on(&i, 9)[0].contains("no subgraph open"));
    assert!(skipped_on(&i, 10)[0].contains("not closed"));
}

#[test]
fn unknown_arrows_and_unclosed_labels_skip_their_line() {
    let i = ok(&fixture("unknown-arrow.mmd"));
    assert!(has_link(&i, "a", "b") && has_link(&i, "c", "d"));
    assert_eq!(i.design.links.len(), 2);
    assert_eq!(skipped_on(&i, 3), vec!["unknown arrow '->'".to_string()]);
    assert_eq!(skipped_on(&i, 5), vec!["unknown arrow '==>>'".to_string()]);
    assert!(skipped_on(&i, 6)[0].contains("not closed"));
}

#[test]
fn text_that_is_not_a_flowchart_is_refused_with_its_first_word() {
    let e = import(&fixture("not-mermaid.mmd")).expect_err("a sequence diagram");
    assert_eq!(
        e[0].message,
        "not a Mermaid flowchart or architecture-beta diagram: line 2 starts with 'sequenceDiagram'"
    );
    let e = import("{\"format\": \"envelope/design\"}").expect_err("JSON");
    assert!(
        e[0].message.ends_with("line 1 starts with '{\"format\":'"),
        "{}",
        e[0].message
    );
    let e = import("\n\n%% only a comment\n").expect_err("empty");
    assert!(e[0].message.contains("no diagram line"), "{}", e[0].message);
    let e = import("---\ntitle: x\nflowchart LR\n").expect_err("open front matter");
    assert!(e[0].message.contains("front matter"), "{}", e[0].message);
}

#[test]
fn front_matter_semicolons_and_a_markdown_fence() {
    let i = ok(&fixture("front-matter.mmd"));
    assert_eq!(i.design.title, "Front: matter");
    assert!(has_link(&i, "users", "api") && has_link(&i, "api", "db"));
    assert_eq!(kind(&i, "db"), Kind::RelationalDb);
    let md = "# Design\n\nSome prose.\n\n```mermaid\nflowchart LR\n  a --> b\n  b -> c\n```\n";
    let i = ok(md);
    assert_eq!(i.design.blocks.len(), 2);
    assert_eq!(
        i.skipped[0].line, 8,
        "lines count from the top of the Markdown"
    );
}

#[test]
fn ten_thousand_nodes_import_quickly_and_one_more_is_refused() {
    let mut text = String::from("flowchart LR\n");
    for k in 0..10_000 {
        // A wide tree of services, some in zones, with a cache at each leaf.
        match k {
            0 => text.push_str("  n0([Users])\n"),
            k if k % 500 == 1 => text.push_str(&format!(
                "  subgraph z{k} [Zone {k}]\n  n{k}\n  end\n  n0 --> n{k}\n"
            )),
            k => text.push_str(&format!("  n{} --> n{k}[Node {k}]\n", (k - 1) / 3)),
        }
    }
    let start = std::time::Instant::now();
    let i = ok(&text);
    let took = start.elapsed();
    assert_eq!(i.design.blocks.len(), 10_000);
    assert!(took.as_secs_f64() < 1.0, "took {took:?}");
    assert_drawn_cleanly(&i.design);
    text.push_str("  extra\n");
    let e = import(&text).expect_err("10,001 blocks");
    assert_eq!(
        e[0].message,
        "the diagram has 10001 nodes; a design holds at most 10000"
    );
}

#[test]
fn deep_nesting_and_long_labels_are_bounded() {
    let mut text = String::from("flowchart LR\n");
    for k in 0..100 {
        text.push_str(&format!("subgraph s{k}\n"));
    }
    text.push_str(&format!("a[{}]\n", "x".repeat(300)));
    for _ in 0..100 {
        text.push_str("end\n");
    }
    let i = ok(&text);
    assert_eq!(i.design.zones.len(), 32);
    assert_eq!(block(&i, "a").zone.as_deref(), Some("s31"));
    assert_eq!(block(&i, "a").label.chars().count(), 200);
    assert!(i.skipped.iter().any(|s| s.reason.contains("cut")));
    assert!(i
        .skipped
        .iter()
        .any(|s| s.line == 34 && s.reason.contains("deep")));
}

fn same_drawing(a: &Design, b: &Design) {
    let blocks = |d: &Design| -> Vec<(String, String, Kind, Option<String>)> {
        d.blocks
            .iter()
            .map(|b| (b.id.clone(), b.label.clone(), b.kind, b.zone.clone()))
            .collect()
    };
    let links = |d: &Design| -> Vec<(String, String, Mode, String)> {
        d.links
            .iter()
            .map(|l| (l.from.clone(), l.to.clone(), l.mode, l.label.clone()))
            .collect()
    };
    let zones = |d: &Design| -> Vec<(String, String)> {
        d.zones
            .iter()
            .map(|z| (z.id.clone(), z.label.clone()))
            .collect()
    };
    assert_eq!(blocks(a), blocks(b));
    assert_eq!(links(a), links(b));
    assert_eq!(zones(a), zones(b));
    assert_eq!(a.title, b.title);
}

fn round_trip(d: &Design) {
    let text = export(d, None);
    let back = import(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    same_drawing(d, &back.design);
    assert!(back.skipped.is_empty(), "{:?}\n{text}", back.skipped);
    let report = evaluate(d, &EvalOptions::default());
    let with_numbers = import(&export(d, Some(&report))).expect("imports");
    same_drawing(d, &with_numbers.design);
}

#[test]
fn every_template_survives_a_round_trip() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/templates");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("templates") {
        let path = entry.expect("entry").path();
        if !path.to_string_lossy().ends_with(".envelope.json") {
            continue;
        }
        let d = format::load(&std::fs::read_to_string(&path).expect("readable")).expect("loads");
        round_trip(&d);
        let again = import(&export(&d, None)).expect("imports").design;
        assert_drawn_cleanly(&again);
        seen += 1;
    }
    assert!(seen >= 7);
}

#[test]
fn generated_designs_survive_a_round_trip() {
    for (n, seed) in [(30, 1), (250, 2), (1200, 3)] {
        round_trip(&envelope::core::generate::design(n, seed));
    }
}

#[test]
fn the_export_is_a_flowchart_with_shapes_classes_and_escapes() {
    let mut d = Design::default();
    let mut b = envelope::core::catalog::new_block(Kind::RelationalDb, "db-1".into(), 0.0, 0.0);
    b.label = "Orders \"main\" <#1> | [x]".into();
    d.blocks.push(b);
    d.blocks.push(envelope::core::catalog::new_block(
        Kind::Queue,
        "end".into(),
        0.0,
        0.0,
    ));
    let mut l = Link::new("l1", "db-1", "end");
    l.label = "a|b".into();
    d.links.push(l);
    let text = export(&d, None);
    assert!(text.starts_with("flowchart LR\n"), "{text}");
    assert!(text.contains("%% envelope: id n1 db-1"), "{text}");
    assert!(text.contains("%% envelope: id n2 end"), "{text}");
    assert!(
        text.contains("n1[(\"Orders #34;main#34; #60;#35;1#62; #124; [x]\")]:::relational_db"),
        "{text}"
    );
    assert!(
        text.contains("n1 ==>|\"a#124;b\"| n2"),
        "a sync link into a queue is thick: {text}"
    );
    round_trip(&d);
}

#[test]
fn the_markdown_report_embeds_the_diagram_with_numbers() {
    let d = format::load(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli/series5.json"),
        )
        .expect("fixture"),
    )
    .expect("loads");
    let r = evaluate(&d, &EvalOptions::default());
    let md = markdown::for_design(&d, &r);
    let start = md.find("```mermaid\n").expect("a mermaid block");
    let body = &md[start + 11..];
    let body = &body[..body.find("```").expect("closed")];
    assert!(body.contains("req/s"), "{body}");
    // The block reads back to the design's drawing.
    let back = import(&md).expect("the report's diagram imports");
    same_drawing(&d, &back.design);
}

fn arb_design() -> impl Strategy<Value = Design> {
    let id = "[A-Za-z0-9_.-]{1,10}";
    let label = prop_oneof![Just(String::new()), "[ -~]{0,20}", "\\PC{0,12}"];
    let kinds = prop::sample::select(Kind::ALL.to_vec());
    (
        prop::collection::btree_set(id, 2..12),
        prop::collection::vec((label.clone(), kinds, 0usize..4), 12),
        prop::collection::vec(
            (0usize..12, 0usize..12, any::<bool>(), label.clone()),
            0..16,
        ),
        prop::collection::vec(label, 0..3),
        "[ -~]{0,30}",
    )
        .prop_map(|(ids, attrs, links, zones, title)| {
            let ids: Vec<String> = ids.into_iter().collect();
            let zone_count = zones.len().min(ids.len() - 1);
            let mut d = Design {
                title: title.trim().to_string(),
                ..Design::default()
            };
            for (k, label) in zones.into_iter().take(zone_count).enumerate() {
                let mut z = Zone::new(ids[k].clone(), 0.0, 0.0, 10.0, 10.0);
                z.label = label;
                d.zones.push(z);
            }
            for (k, id) in ids.iter().enumerate().skip(zone_count) {
                let (label, kind, zone) = attrs[k].clone();
                let mut b = envelope::core::catalog::new_block(kind, id.clone(), 0.0, 0.0);
                b.label = if label == kind.name() {
                    String::new()
                } else {
                    label
                };
                b.zone = (zone < zone_count).then(|| ids[zone].clone());
                d.blocks.push(b);
            }
            let n = d.blocks.len();
            for (k, (a, b, sync, label)) in links.into_iter().enumerate() {
                let (a, b) = (a % n, b % n);
                if a != b {
                    let mut l = Link::new(
                        format!("l{}", k + 1),
                        d.blocks[a].id.clone(),
                        d.blocks[b].id.clone(),
                    );
                    l.mode = if sync { Mode::Sync } else { Mode::Async };
                    l.label = label;
                    d.links.push(l);
                }
            }
            for (k, l) in d.links.iter_mut().enumerate() {
                l.id = format!("l{}", k + 1);
            }
            d
        })
        .prop_filter("valid", |d| format::validate(d).is_ok())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_design_survives_a_round_trip(d in arb_design()) {
        round_trip(&d);
    }

    #[test]
    fn import_never_panics(text in "(flowchart LR|graph TD|architecture-beta)\n[ -~\n]{0,200}") {
        if let Ok(i) = import(&text) {
            prop_assert!(format::validate(&i.design).is_ok());
        }
    }

    #[test]
    fn import_never_panics_on_cut_fixtures(cut in 0usize..600, junk in "[\\[\\](){}<>|:;\"#&.=~-]{0,6}") {
        for name in ["shapes.mmd", "links.mmd", "architecture.mmd", "subgraphs.mmd"] {
            let text = fixture(name);
            let at = (0..=cut.min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
            let mangled = format!("{}{junk}{}", &text[..at], &text[at..]);
            if let Ok(i) = import(&mangled) {
                prop_assert!(format::validate(&i.design).is_ok());
            }
        }
    }
}
