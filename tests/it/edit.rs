//! Tests: edit commands, their inverses, the undo history and field parsing.

use envelope::core::edit::{
    copy_fragment, parse_block_field, parse_field, set_blocks_field, BlockField, CoalesceKey,
    Command, EditError, Field, FieldValue, History, LinkField, Rect, Removal, Restore, TargetField,
    ZoneField,
};
use envelope::core::model::{
    Block, Design, Kind, Link, Mode, Op, Route, Scenario, Sticky, Targets, Zone,
};
use proptest::prelude::*;

fn block(id: &str, kind: Kind, x: f64, y: f64) -> Block {
    Block::new(id, kind, x, y)
}

/// A small valid design: users → lb → api → db, api → cache, one zone, a sticky.
fn sample() -> Design {
    let mut users = block("users", Kind::Client, 80.0, 200.0);
    users.rps = 1000.0;
    let mut lb = block("lb", Kind::LoadBalancer, 260.0, 200.0);
    lb.replicas = 2;
    lb.availability = 0.9999;
    lb.latency_ms = 1.0;
    lb.p99_ms = 5.0;
    lb.route = Route::Failover;
    let mut api = block("api", Kind::Service, 440.0, 200.0);
    api.replicas = 3;
    api.min_healthy = 2;
    api.latency_ms = 20.0;
    api.p99_ms = 50.0;
    api.capacity_rps = Some(10_000.0);
    api.zone = Some("az1".into());
    let mut db = block("db", Kind::RelationalDb, 640.0, 200.0);
    db.latency_ms = 5.0;
    db.p99_ms = 25.0;
    db.single_writer = true;
    db.zone = Some("az1".into());
    let mut cache = block("cache", Kind::Cache, 640.0, 320.0);
    cache.hit_ratio = 0.9;
    cache.ttl_s = Some(300.0);
    let mut l1 = Link::new("l1", "users", "lb");
    l1.latency_ms = 30.0;
    let l2 = Link::new("l2", "lb", "api");
    let mut l3 = Link::new("l3", "api", "db");
    l3.op = Op::Write;
    l3.calls = 0.1;
    let l4 = Link::new("l4", "api", "cache");
    let mut az1 = Zone::new("az1", 400.0, 100.0, 400.0, 200.0);
    az1.label = "us-east-1a".into();
    az1.availability = 0.9999;
    Design {
        title: "Shop".into(),
        notes: "Assumptions".into(),
        targets: Targets {
            availability: Some(0.999),
            ..Targets::default()
        },
        blocks: vec![users, lb, api, db, cache],
        links: vec![l1, l2, l3, l4],
        zones: vec![az1],
        stickies: vec![Sticky::new("s1", "What breaks first?", 300.0, 420.0)],
        scenarios: vec![az1_down()],
        ..Design::default()
    }
}

/// "az1 down at 3×", failing the zone and the cache.
fn az1_down() -> Scenario {
    let mut s = Scenario::new("sc1", "az1 down at 3×");
    s.scale = 3.0;
    s.fail = ids(&["az1", "cache"]);
    s.p99_ms = Some(200.0);
    s
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn set_block(id: &str, field: BlockField, value: FieldValue) -> Command {
    Command::SetBlockField {
        id: id.into(),
        field,
        value,
    }
}

/// One command of every variant, each valid on `sample()`.
fn every_variant() -> Vec<Command> {
    let mut fragment = Design::default();
    let mut w = block("w1", Kind::Worker, 0.0, 0.0);
    w.zone = Some("zf".into());
    fragment.blocks = vec![w, block("q1", Kind::Queue, 50.0, 0.0)];
    let mut fl = Link::new("lf", "w1", "q1");
    fl.mode = Mode::Async;
    fragment.links = vec![fl];
    fragment.zones = vec![Zone::new("zf", -10.0, -10.0, 100.0, 50.0)];
    fragment.stickies = vec![Sticky::new("sf", "pasted", 5.0, 5.0)];
    vec![
        Command::AddBlock {
            index: 2,
            block: block("kv", Kind::KvStore, 10.0, 10.0),
        },
        Command::AddLink {
            index: 1,
            link: Link::new("l9", "lb", "cache"),
        },
        Command::AddZone {
            index: 0,
            zone: Zone::new("az0", 0.0, 0.0, 10.0, 10.0),
        },
        Command::AddSticky {
            index: 0,
            sticky: Sticky::new("s0", "hello", 1.0, 2.0),
        },
        Command::remove_blocks(ids(&["api"])),
        Command::remove_link("l2"),
        Command::remove_zone("az1"),
        Command::remove_sticky("s1"),
        Command::Remove(Removal {
            blocks: ids(&["lb", "cache"]),
            links: ids(&["l3"]),
            zones: ids(&["az1"]),
            stickies: ids(&["s1"]),
        }),
        Command::Restore(Box::new(Restore {
            blocks: vec![(1, block("extra", Kind::Dns, 0.0, 0.0))],
            links: vec![(0, Link::new("lx", "extra", "lb"))],
            zones: vec![],
            stickies: vec![],
            zone_members: vec![],
            scenarios: None,
        })),
        Command::Move {
            ids: ids(&["api", "az1", "s1"]),
            dx: 12.5,
            dy: -3.25,
        },
        Command::SetPositions(vec![("db".into(), 1.0, 2.0), ("s1".into(), 3.0, 4.0)]),
        Command::SetZoneRect {
            id: "az1".into(),
            rect: Rect {
                x: 1.0,
                y: 2.0,
                w: 30.0,
                h: 40.0,
            },
        },
        Command::SetZoneField {
            id: "az1".into(),
            field: ZoneField::Label,
            value: FieldValue::Text("eu-west".into()),
        },
        Command::SetStickyText {
            id: "s1".into(),
            text: "changed".into(),
        },
        set_block("api", BlockField::Replicas, FieldValue::Int(5)),
        set_block("api", BlockField::Kind, FieldValue::Kind(Kind::Function)),
        set_block(
            "cache",
            BlockField::Zone,
            FieldValue::OptText(Some("az1".into())),
        ),
        Command::SetLinkField {
            id: "l3".into(),
            field: LinkField::Retries,
            value: FieldValue::Int(3),
        },
        Command::SetLinkField {
            id: "l4".into(),
            field: LinkField::To,
            value: FieldValue::Text("db".into()),
        },
        Command::SetTitle("Shop v2".into()),
        Command::SetNotes("More notes".into()),
        Command::SetTargets(Targets {
            availability: Some(0.9999),
            p99_ms: Some(200.0),
            team_size: Some(4),
            ..Targets::default()
        }),
        Command::Paste {
            fragment: Box::new(fragment),
            dx: 100.0,
            dy: 50.0,
        },
        Command::SetAccepted(vec![envelope::core::model::Acceptance {
            rule: "spof".into(),
            blocks: vec!["db".into()],
            links: vec![],
            reason: "A managed database with automatic failover".into(),
            extra: Default::default(),
        }]),
        Command::SetScenarios(vec![Scenario::new("sc2", "Black Friday"), az1_down()]),
        Command::Batch(vec![
            set_block("api", BlockField::LatencyMs, FieldValue::Number(60.0)),
            set_block("api", BlockField::P99Ms, FieldValue::Number(90.0)),
            Command::remove_link("l1"),
        ]),
    ]
}

#[test]
fn every_command_is_undone_exactly_by_its_inverse() {
    for cmd in every_variant() {
        let original = sample();
        let mut d = original.clone();
        let inverse = cmd
            .apply(&mut d)
            .unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"));
        assert_ne!(d, original, "{cmd:?} changed nothing");
        let changed = d.clone();
        let redo = inverse
            .apply(&mut d)
            .unwrap_or_else(|e| panic!("inverse of {cmd:?} refused: {e}"));
        assert_eq!(d, original, "inverse of {cmd:?}");
        redo.apply(&mut d)
            .unwrap_or_else(|e| panic!("redo of {cmd:?} refused: {e}"));
        assert_eq!(d, changed, "redo of {cmd:?}");
    }
}

#[test]
fn removing_a_block_takes_its_links_and_undo_puts_them_back_in_place() {
    let original = sample();
    let mut d = original.clone();
    let mut h = History::new(&d);
    h.dispatch(&mut d, Command::remove_blocks(ids(&["api"])), None)
        .unwrap();
    assert!(d.block("api").is_none());
    let left: Vec<&str> = d.links.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(left, ["l1"]);
    assert_eq!(h.undo_len(), 1);
    assert!(h.undo(&mut d).unwrap());
    assert_eq!(d, original);
    assert!(h.redo(&mut d).unwrap());
    assert_eq!(d.links.len(), 1);
}

#[test]
fn removing_a_zone_frees_its_blocks_and_undo_puts_them_back() {
    let original = sample();
    let mut d = original.clone();
    Command::remove_zone("az1")
        .apply(&mut d)
        .and_then(|inv| {
            assert_eq!(d.block("api").unwrap().zone, None);
            assert_eq!(d.block("db").unwrap().zone, None);
            inv.apply(&mut d)
        })
        .unwrap();
    assert_eq!(d, original);
}

#[test]
fn removing_what_a_scenario_fails_takes_it_out_of_the_scenario_and_undo_puts_it_back() {
    let original = sample();
    let mut d = original.clone();
    let mut h = History::new(&d);
    let both = Removal {
        blocks: ids(&["cache"]),
        zones: ids(&["az1"]),
        ..Removal::default()
    };
    h.dispatch(&mut d, Command::Remove(both), None).unwrap();
    assert!(d.scenarios[0].fail.is_empty(), "{:?}", d.scenarios);
    assert_eq!(d.scenarios[0].scale, 3.0, "the rest of the scenario stays");
    assert!(h.undo(&mut d).unwrap());
    assert_eq!(d, original);
    assert!(h.redo(&mut d).unwrap());
    assert!(d.scenarios[0].fail.is_empty());
}

#[test]
fn scenario_edits_are_undoable_steps_and_bad_ones_are_refused() {
    let original = sample();
    let mut d = original.clone();
    let mut h = History::new(&d);
    let id = h.fresh_scenario_id(&d);
    assert_ne!(id, "sc1");
    let mut list = d.scenarios.clone();
    list.push(Scenario::new(id.clone(), "Black Friday ×5"));
    h.dispatch(&mut d, Command::SetScenarios(list), None)
        .unwrap();
    // Reorder, as the panel's "Move up" does.
    let mut list = d.scenarios.clone();
    list.swap(0, 1);
    h.dispatch(&mut d, Command::SetScenarios(list), None)
        .unwrap();
    assert_eq!(d.scenarios[0].id, id);
    // Delete it: its id is not handed out again.
    let list = d.scenarios[1..].to_vec();
    h.dispatch(&mut d, Command::SetScenarios(list), None)
        .unwrap();
    assert_ne!(h.fresh_scenario_id(&d), id);
    assert_eq!(h.undo_len(), 3);
    // A scenario failing a block that does not exist, or a scale of 0, is refused.
    let mut bad = az1_down();
    bad.id = "sc9".into();
    bad.fail = ids(&["nowhere"]);
    let before = d.clone();
    assert!(h
        .dispatch(&mut d, Command::SetScenarios(vec![bad]), None)
        .is_err());
    let mut zero = az1_down();
    zero.scale = 0.0;
    assert!(h
        .dispatch(&mut d, Command::SetScenarios(vec![zero]), None)
        .is_err());
    assert_eq!(d, before);
    while h.undo(&mut d).unwrap() {}
    assert_eq!(d, original);
}

#[test]
fn a_drag_of_fifty_moves_is_one_undo_step() {
    let original = sample();
    let mut d = original.clone();
    let mut h = History::new(&d);
    for _ in 0..50 {
        let cmd = Command::Move {
            ids: ids(&["api", "db", "az1"]),
            dx: 0.1,
            dy: 0.7,
        };
        h.dispatch(&mut d, cmd, Some(CoalesceKey::Gesture(7)))
            .unwrap();
    }
    h.seal();
    let dragged = d.clone();
    assert!(dragged.block("api").unwrap().x > 444.0);
    assert_eq!(h.undo_len(), 1);
    h.undo(&mut d).unwrap();
    assert_eq!(d, original);
    assert!(!h.can_undo());
    h.redo(&mut d).unwrap();
    assert_eq!(d, dragged);

    // After seal, the same key starts a new step.
    let mv = || Command::Move {
        ids: ids(&["s1"]),
        dx: 1.0,
        dy: 1.0,
    };
    h.dispatch(&mut d, mv(), Some(CoalesceKey::Gesture(8)))
        .unwrap();
    h.seal();
    h.dispatch(&mut d, mv(), Some(CoalesceKey::Gesture(8)))
        .unwrap();
    assert_eq!(h.undo_len(), 3);
}

#[test]
fn a_run_with_one_key_that_touches_different_things_still_undoes_exactly() {
    let original = sample();
    let mut d = original.clone();
    let mut h = History::new(&d);
    let key = Some(CoalesceKey::Named("nudge".into()));
    let mv = |list: &[&str]| Command::Move {
        ids: ids(list),
        dx: 3.0,
        dy: 0.0,
    };
    h.dispatch(&mut d, mv(&["api"]), key.clone()).unwrap();
    h.dispatch(&mut d, mv(&["db", "s1"]), key.clone()).unwrap();
    h.dispatch(&mut d, mv(&["api", "az1"]), key.clone())
        .unwrap();
    let label = set_block("db", BlockField::Label, FieldValue::Text("Primary".into()));
    h.dispatch(&mut d, label, key.clone()).unwrap();
    assert_eq!(h.undo_len(), 1);
    let end = d.clone();
    h.undo(&mut d).unwrap();
    assert_eq!(d, original);
    h.redo(&mut d).unwrap();
    assert_eq!(d, end);
}

#[test]
fn typing_in_one_field_is_one_step_and_a_new_command_clears_redo() {
    let original = sample();
    let mut d = original.clone();
    let mut h = History::new(&d);
    let key = CoalesceKey::Field {
        id: "api".into(),
        field: Field::Block(BlockField::Label),
    };
    for text in ["O", "Or", "Ord", "Orders"] {
        let cmd = set_block("api", BlockField::Label, FieldValue::Text(text.into()));
        h.dispatch(&mut d, cmd, Some(key.clone())).unwrap();
    }
    assert_eq!(d.block("api").unwrap().label, "Orders");
    assert_eq!(h.undo_len(), 1);
    h.undo(&mut d).unwrap();
    assert_eq!(d, original);
    assert!(h.can_redo());
    h.dispatch(&mut d, Command::SetTitle("New".into()), None)
        .unwrap();
    assert!(!h.can_redo());
    assert!(!h.redo(&mut d).unwrap());
}

#[test]
fn a_field_set_on_a_multi_selection_is_one_step() {
    let original = sample();
    let mut d = original.clone();
    let mut h = History::new(&d);
    let sel = ids(&["lb", "api", "db"]);
    let cmd = set_blocks_field(&d, &sel, BlockField::Replicas, FieldValue::Int(4));
    h.dispatch(&mut d, cmd, None).unwrap();
    for id in &sel {
        assert_eq!(d.block(id).unwrap().replicas, 4);
    }
    assert_eq!(h.undo_len(), 1);
    h.undo(&mut d).unwrap();
    assert_eq!(d, original);
}

#[test]
fn related_fields_follow_so_the_inspector_never_deadlocks() {
    let mut d = sample();
    // Lowering replicas below min healthy lowers min healthy too.
    let cmd = set_blocks_field(&d, &ids(&["api"]), BlockField::Replicas, FieldValue::Int(1));
    cmd.apply(&mut d).unwrap();
    assert_eq!(d.block("api").unwrap().min_healthy, 1);
    // A fresh block (median 0, p99 0): setting the median carries p99 along.
    let cmd = set_blocks_field(
        &d,
        &ids(&["users"]),
        BlockField::LatencyMs,
        FieldValue::Number(3.0),
    );
    cmd.apply(&mut d).unwrap();
    assert_eq!(d.block("users").unwrap().p99_ms, 3.0);
    // A median of 0 takes p99 to 0.
    let cmd = set_blocks_field(
        &d,
        &ids(&["api"]),
        BlockField::LatencyMs,
        FieldValue::Number(0.0),
    );
    cmd.apply(&mut d).unwrap();
    assert_eq!(d.block("api").unwrap().p99_ms, 0.0);
    // An explicit p99 above the median stays.
    let cmd = set_blocks_field(
        &d,
        &ids(&["db"]),
        BlockField::LatencyMs,
        FieldValue::Number(10.0),
    );
    cmd.apply(&mut d).unwrap();
    assert_eq!(d.block("db").unwrap().p99_ms, 25.0);
    // Users on a block with a rate: the rate is cleared (it is derived now).
    d.block_mut("lb").unwrap().rps = 100.0;
    let cmd = set_blocks_field(
        &d,
        &ids(&["lb"]),
        BlockField::Users,
        FieldValue::OptNumber(Some(5e8)),
    );
    cmd.apply(&mut d).unwrap();
    let lb = d.block("lb").unwrap();
    assert_eq!((lb.users, lb.rps), (Some(5e8), 0.0));
}

fn assert_refused(cmd: Command, expect: &str) {
    let original = sample();
    let mut d = original.clone();
    let err: EditError = match cmd.apply(&mut d) {
        Ok(_) => panic!("{cmd:?} was accepted"),
        Err(e) => e,
    };
    assert_eq!(d, original, "{cmd:?} changed the design");
    let msg = err.to_string();
    assert!(msg.contains(expect), "{cmd:?}: '{msg}' lacks '{expect}'");
}

#[test]
fn refused_commands_leave_the_design_unchanged_and_say_why() {
    assert_refused(
        Command::AddBlock {
            index: 0,
            block: block("db", Kind::Cache, 0.0, 0.0),
        },
        "the id 'db' is already used",
    );
    assert_refused(
        Command::AddBlock {
            index: 0,
            block: block("az1", Kind::Cache, 0.0, 0.0),
        },
        "already used",
    );
    assert_refused(
        Command::AddBlock {
            index: 0,
            block: block("a b", Kind::Cache, 0.0, 0.0),
        },
        "not a valid id",
    );
    assert_refused(
        Command::AddLink {
            index: 0,
            link: Link::new("l9", "api", "api"),
        },
        "cannot join block 'api' to itself",
    );
    assert_refused(
        Command::AddLink {
            index: 0,
            link: Link::new("l9", "api", "ghost"),
        },
        "there is no block 'ghost'",
    );
    assert_refused(
        Command::AddLink {
            index: 0,
            link: Link::new("l1", "api", "db"),
        },
        "the id 'l1' is already used",
    );
    assert_refused(Command::remove_blocks(ids(&["ghost"])), "no block 'ghost'");
    assert_refused(
        set_block("api", BlockField::Replicas, FieldValue::Int(0)),
        "replicas must be a whole number from 1 to 10,000",
    );
    assert_refused(
        set_block("api", BlockField::P99Ms, FieldValue::Number(10.0)),
        "block 'api': p99 must be at least the median 20 ms",
    );
    assert_refused(
        set_block("api", BlockField::MinHealthy, FieldValue::Int(4)),
        "min healthy must be at most the replicas (3)",
    );
    assert_refused(
        set_block("api", BlockField::Rps, FieldValue::Text("many".into())),
        "rps does not take text",
    );
    assert_refused(
        set_block(
            "api",
            BlockField::Zone,
            FieldValue::OptText(Some("az9".into())),
        ),
        "there is no zone 'az9'",
    );
    assert_refused(
        set_block("api", BlockField::Availability, FieldValue::Number(1.5)),
        "availability must be above 0 and at most 1",
    );
    assert_refused(
        Command::SetLinkField {
            id: "l3".into(),
            field: LinkField::To,
            value: FieldValue::Text("api".into()),
        },
        "cannot join block 'api' to itself",
    );
    assert_refused(
        Command::Move {
            ids: ids(&["api", "ghost"]),
            dx: 1.0,
            dy: 1.0,
        },
        "no block, zone or sticky 'ghost'",
    );
    assert_refused(
        Command::Move {
            ids: ids(&["api"]),
            dx: f64::NAN,
            dy: 1.0,
        },
        "finite",
    );
    assert_refused(
        Command::SetZoneRect {
            id: "az1".into(),
            rect: Rect {
                x: 0.0,
                y: 0.0,
                w: 0.0,
                h: 5.0,
            },
        },
        "width and height must be above 0",
    );
    assert_refused(Command::SetTitle("t".repeat(201)), "at most 200 characters");
    // A batch fails as a whole: the valid first part is rolled back too.
    assert_refused(
        Command::Batch(vec![
            Command::remove_link("l1"),
            set_block("db", BlockField::Label, FieldValue::Text("Primary".into())),
            set_block("db", BlockField::Shards, FieldValue::Int(20_000)),
        ]),
        "shards must be a whole number from 1 to 10,000",
    );
    assert_refused(
        Command::Batch(vec![Command::remove_link("l1"), Command::remove_link("l1")]),
        "there is no link 'l1'",
    );
}

#[test]
fn a_refused_dispatch_leaves_the_history_alone() {
    let mut d = sample();
    let mut h = History::new(&d);
    h.dispatch(&mut d, Command::SetTitle("A".into()), None)
        .unwrap();
    h.undo(&mut d).unwrap();
    let bad = set_block("api", BlockField::Shards, FieldValue::Int(0));
    assert!(h.dispatch(&mut d, bad, None).is_err());
    assert!(h.can_redo());
    assert!(!h.can_undo());
}

#[test]
fn ids_are_not_reused_after_undo() {
    let mut d = sample();
    let mut h = History::new(&d);
    let first = h.fresh_block_id(&d, Kind::Cache);
    let add = |id: &str| Command::AddBlock {
        index: usize::MAX,
        block: block(id, Kind::Cache, 0.0, 0.0),
    };
    h.dispatch(&mut d, add(&first), None).unwrap();
    h.undo(&mut d).unwrap();
    assert!(d.block(&first).is_none());
    let second = h.fresh_block_id(&d, Kind::Cache);
    assert_ne!(first, second);
    assert!(!d.has_node_id(&second));
    // An id the UI chose itself is also never handed out afterwards.
    h.dispatch(&mut d, add("cache900"), None).unwrap();
    let third = h.fresh_block_id(&d, Kind::Cache);
    assert_eq!(third, "cache901");
    // Fresh ids start above the loaded design's ids.
    let mut loaded = sample();
    loaded.blocks.push(block("svc41", Kind::Service, 0.0, 0.0));
    let mut h2 = History::new(&loaded);
    assert_eq!(h2.fresh_link_id(&loaded), "link42");
}

#[test]
fn paste_twice_gives_distinct_fresh_ids_and_remapped_links() {
    let mut d = sample();
    let mut h = History::new(&d);
    let clip = copy_fragment(&d, &ids(&["api", "db", "cache", "az1", "s1"]));
    // Links come along only when both ends are copied.
    let clip_links: Vec<&str> = clip.links.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(clip_links, ["l3", "l4"]);
    let before = d.clone();
    let m1 = h.paste(&mut d, &clip, 20.0, 20.0).unwrap();
    let m2 = h.paste(&mut d, &clip, 40.0, 40.0).unwrap();
    assert_eq!(d.blocks.len(), before.blocks.len() + 6);
    assert_eq!(d.links.len(), before.links.len() + 4);
    assert_eq!(d.zones.len(), 2 + 1);
    for old in ["api", "db", "cache", "az1", "s1"] {
        let (a, b) = (&m1[old], &m2[old]);
        assert_ne!(a, b);
        assert_ne!(a, old);
        assert!(!before.has_node_id(a) && !before.has_node_id(b));
    }
    // The pasted api→db write link joins the pasted copies.
    let pasted: Vec<&Link> = d.links[before.links.len()..].iter().collect();
    assert!(pasted
        .iter()
        .any(|l| l.from == m1["api"] && l.to == m1["db"] && l.op == Op::Write));
    assert!(pasted
        .iter()
        .any(|l| l.from == m2["api"] && l.to == m2["cache"]));
    let link_ids: std::collections::BTreeSet<&str> =
        d.links.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(link_ids.len(), d.links.len());
    // Positions are offset and zones remapped to the pasted zone.
    let api2 = d.block(&m2["api"]).unwrap();
    assert_eq!((api2.x, api2.y), (480.0, 240.0));
    assert_eq!(api2.zone.as_deref(), Some(m2["az1"].as_str()));
    // Each paste is one undo step.
    h.undo(&mut d).unwrap();
    h.undo(&mut d).unwrap();
    assert_eq!(d, before);
}

#[test]
fn paste_keeps_a_zone_that_exists_and_drops_one_that_does_not() {
    let mut d = sample();
    let mut h = History::new(&d);
    let clip = copy_fragment(&d, &ids(&["api"]));
    let m = h.paste(&mut d, &clip, 0.0, 0.0).unwrap();
    assert_eq!(d.block(&m["api"]).unwrap().zone.as_deref(), Some("az1"));
    let mut other = Design::default();
    let m = h.paste(&mut other, &clip, 0.0, 0.0).unwrap();
    assert_eq!(other.block(&m["api"]).unwrap().zone, None);
}

fn num(field: BlockField, text: &str) -> Result<f64, String> {
    match parse_field(Field::Block(field), text)? {
        FieldValue::Number(n) | FieldValue::OptNumber(Some(n)) => Ok(n),
        other => Err(format!("not a number: {other:?}")),
    }
}

fn close(a: Result<f64, String>, b: f64) -> bool {
    a.is_ok_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
}

#[test]
fn parse_field_accepts_the_documented_forms() {
    use BlockField as B;
    assert!(close(num(B::Availability, "0.9995"), 0.9995));
    assert!(close(num(B::Availability, "99.95%"), 0.9995));
    assert!(close(num(B::Availability, " 99.95 % "), 0.9995));
    assert!(close(num(B::Availability, "3 nines"), 0.999));
    assert!(close(num(B::Availability, "3n"), 0.999));
    assert!(close(num(B::Availability, "100%"), 1.0));
    assert!(close(num(B::LatencyMs, "200 ms"), 200.0));
    assert!(close(num(B::LatencyMs, "0.2s"), 200.0));
    assert!(close(num(B::LatencyMs, "150us"), 0.15));
    assert!(close(num(B::Rps, "1,000"), 1000.0));
    assert!(close(num(B::Rps, "20k"), 20_000.0));
    assert!(close(num(B::Rps, "1.5 M rps"), 1_500_000.0));
    assert!(close(num(B::CapacityRps, "12,500.5 rps"), 12_500.5));
    assert!(close(num(B::TtlS, "5 min"), 300.0));
    assert!(close(num(B::HitRatio, "90%"), 0.9));
    assert_eq!(
        parse_field(Field::Block(B::CapacityRps), "unlimited"),
        Ok(FieldValue::OptNumber(None))
    );
    assert_eq!(
        parse_field(Field::Block(B::Replicas), "1,000"),
        Ok(FieldValue::Int(1000))
    );
    assert_eq!(
        parse_field(Field::Block(B::Kind), "Load balancer"),
        Ok(FieldValue::Kind(Kind::LoadBalancer))
    );
    // Kinds and units are matched without regard to case.
    assert_eq!(
        parse_field(Field::Block(B::Kind), "LOAD Balancer"),
        Ok(FieldValue::Kind(Kind::LoadBalancer))
    );
    assert!(close(num(B::LatencyMs, "0.2 S"), 200.0));
    assert!(close(num(B::TtlS, "5 MIN"), 300.0));
    assert!(close(num(B::Rps, "2k RPS"), 2_000.0));
    assert_eq!(
        parse_field(Field::Block(B::Route), "Failover"),
        Ok(FieldValue::Route(Route::Failover))
    );
    assert_eq!(
        parse_field(Field::Block(B::SingleWriter), "yes"),
        Ok(FieldValue::Bool(true))
    );
    assert_eq!(
        parse_field(Field::Block(B::Zone), ""),
        Ok(FieldValue::OptText(None))
    );
    assert_eq!(
        parse_field(Field::Link(LinkField::Mode), "async"),
        Ok(FieldValue::Mode(Mode::Async))
    );
    assert_eq!(
        parse_field(Field::Link(LinkField::TimeoutMs), "1 s"),
        Ok(FieldValue::OptNumber(Some(1000.0)))
    );
    assert_eq!(
        parse_field(Field::Target(TargetField::TeamSize), "4"),
        Ok(FieldValue::OptInt(Some(4)))
    );
    assert_eq!(
        parse_field(Field::Zone(ZoneField::Availability), "4 nines"),
        Ok(FieldValue::Number(1.0 - 1e-4))
    );
}

fn refusal(field: Field, text: &str) -> String {
    match parse_field(field, text) {
        Ok(v) => panic!("'{text}' was accepted as {v:?}"),
        Err(e) => e,
    }
}

#[test]
fn parse_field_refuses_with_a_reason() {
    use BlockField as B;
    let b = |f| Field::Block(f);
    assert_eq!(
        refusal(b(B::Replicas), "0"),
        "replicas must be a whole number from 1 to 10,000"
    );
    assert_eq!(
        refusal(b(B::Replicas), "2.5"),
        "replicas must be a whole number from 1 to 10,000"
    );
    assert_eq!(
        refusal(b(B::Shards), "10,001"),
        "shards must be a whole number from 1 to 10,000"
    );
    assert!(refusal(b(B::Availability), "99.9").contains("did you mean 99.9%?"));
    assert!(refusal(b(B::Availability), "0").contains("above 0 and at most 1"));
    assert!(refusal(b(B::Availability), "101%").contains("at most 1"));
    assert!(refusal(b(B::LatencyMs), "200 parsecs").contains("use ms or s"));
    assert!(refusal(b(B::LatencyMs), "-1").contains("0 ms or more"));
    assert!(refusal(b(B::Rps), "1,5").contains("use a point for decimals"));
    assert!(refusal(b(B::Rps), "lots").contains("must be a number"));
    assert!(refusal(b(B::CapacityRps), "0").contains("above 0, or empty for unlimited"));
    assert!(refusal(b(B::HitRatio), "120%").contains("from 0 to 1"));
    assert!(refusal(b(B::Kind), "mainframe").contains("not a block kind"));
    assert!(refusal(b(B::Label), &"x".repeat(201)).contains("at most 200 characters"));
    assert!(refusal(Field::Link(LinkField::Retries), "11").contains("from 0 to 10"));
    assert!(refusal(Field::Link(LinkField::Calls), "2000").contains("from 0 to 1,000"));
    assert!(refusal(Field::Link(LinkField::Op), "delete").contains("read or write"));
}

#[test]
fn parse_block_field_checks_against_the_other_fields() {
    let d = sample();
    let api = d.block("api").unwrap();
    assert_eq!(
        parse_block_field(api, BlockField::P99Ms, "15 ms"),
        Err("p99 must be at least the median 20 ms".to_string())
    );
    assert_eq!(
        parse_block_field(api, BlockField::MinHealthy, "4"),
        Err("min healthy must be at most the replicas (3)".to_string())
    );
    assert!(parse_block_field(api, BlockField::LatencyMs, "60")
        .unwrap_err()
        .contains("at most the p99 50 ms"));
    assert_eq!(
        parse_block_field(api, BlockField::P99Ms, "80"),
        Ok(FieldValue::Number(80.0))
    );
}

/// One random edit, interpreted against the current design.
fn random_command(
    d: &Design,
    h: &mut History,
    op: u8,
    a: usize,
    b: usize,
    dx: i16,
    dy: i16,
) -> Command {
    let nb = d.blocks.len();
    let pick = |i: usize| d.blocks[i % nb].id.clone();
    let (dx, dy) = (dx as f64 / 4.0, dy as f64 / 8.0);
    match op % 12 {
        0 => {
            let kind = Kind::ALL[a % Kind::ALL.len()];
            Command::AddBlock {
                index: b % (nb + 1),
                block: block(&h.fresh_block_id(d, kind), kind, dx, dy),
            }
        }
        1 if nb > 0 => Command::remove_blocks(vec![pick(a)]),
        2 if nb > 0 => Command::Move {
            ids: vec![pick(a), pick(b)],
            dx,
            dy,
        },
        3 if nb > 1 => Command::AddLink {
            index: a,
            link: Link::new(h.fresh_link_id(d), pick(a), pick(b)),
        },
        4 if !d.links.is_empty() => Command::remove_link(d.links[a % d.links.len()].id.clone()),
        5 if nb > 0 => set_blocks_field(
            d,
            &[pick(a), pick(b)],
            BlockField::Replicas,
            FieldValue::Int((b % 4) as u32 + 1),
        ),
        6 if nb > 0 => set_blocks_field(
            d,
            &[pick(a)],
            BlockField::LatencyMs,
            FieldValue::Number((b % 50) as f64),
        ),
        7 => Command::AddZone {
            index: a,
            zone: Zone::new(h.fresh_zone_id(d), dx, dy, 100.0, 80.0),
        },
        8 if nb > 0 && !d.zones.is_empty() => set_block(
            &pick(a),
            BlockField::Zone,
            FieldValue::OptText(Some(d.zones[b % d.zones.len()].id.clone())),
        ),
        9 if !d.zones.is_empty() => Command::remove_zone(d.zones[a % d.zones.len()].id.clone()),
        // Sometimes invalid: replicas 0 must be refused.
        11 if nb > 0 => set_block(
            &pick(a),
            BlockField::Replicas,
            FieldValue::Int((b % 3) as u32),
        ),
        _ => Command::AddSticky {
            index: a,
            sticky: Sticky::new(h.fresh_sticky_id(d), "note", dx, dy),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_gives_the_original_and_redo_all_the_latest(
        ops in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<i16>(), any::<i16>(), 0u8..8), 1..40)
    ) {
        let original = sample();
        let mut d = original.clone();
        let mut h = History::new(&d);
        for (op, a, b, dx, dy, extra) in ops {
            let before = d.clone();
            if op % 12 == 10 && !d.blocks.is_empty() {
                // Paste a copy of one or two blocks (and the links between them).
                let n = d.blocks.len();
                let clip = copy_fragment(&d, &[d.blocks[a % n].id.clone(), d.blocks[b % n].id.clone()]);
                h.paste(&mut d, &clip, f64::from(dx), f64::from(dy)).unwrap();
                continue;
            }
            let cmd = random_command(&d, &mut h, op, a, b, dx, dy);
            let key = (op % 12 == 2).then_some(CoalesceKey::Gesture(u64::from(extra % 2)));
            if h.dispatch(&mut d, cmd, key).is_err() {
                prop_assert_eq!(&d, &before);
            }
            match extra {
                0 => h.seal(),
                1 => { h.undo(&mut d).unwrap(); }
                _ => {}
            }
        }
        // `now` has `done` steps behind it, and maybe undone steps ahead.
        let now = d.clone();
        let done = h.undo_len();
        while h.can_undo() {
            prop_assert!(h.undo(&mut d).unwrap());
        }
        prop_assert_eq!(&d, &original);
        for _ in 0..done {
            prop_assert!(h.redo(&mut d).unwrap());
        }
        prop_assert_eq!(&d, &now);
        let mut top = d.clone();
        while h.can_redo() {
            prop_assert!(h.redo(&mut d).unwrap());
            top = d.clone();
        }
        // And once more from the very start to the very end.
        while h.can_undo() {
            prop_assert!(h.undo(&mut d).unwrap());
        }
        prop_assert_eq!(&d, &original);
        while h.can_redo() {
            prop_assert!(h.redo(&mut d).unwrap());
        }
        prop_assert_eq!(&d, &top);
    }
}

#[test]
fn moving_a_large_selection_moves_each_item_once_and_undoes_exactly() {
    let mut original = sample();
    for i in 0..30 {
        original
            .blocks
            .push(block(&format!("w{i}"), Kind::Worker, i as f64 * 0.1, 7.3));
    }
    let mut d = original.clone();
    let mut sel: Vec<String> = d.blocks.iter().map(|b| b.id.clone()).collect();
    sel.extend(ids(&["az1", "s1"]));
    let inverse = Command::Move {
        ids: sel,
        dx: 0.3,
        dy: -0.7,
    }
    .apply(&mut d)
    .unwrap();
    for (a, b) in original.blocks.iter().zip(&d.blocks) {
        assert_eq!((b.x, b.y), (a.x + 0.3, a.y - 0.7));
    }
    assert_eq!(d.zones[0].x, original.zones[0].x + 0.3);
    assert_eq!(d.stickies[0].y, original.stickies[0].y - 0.7);
    inverse.apply(&mut d).unwrap();
    assert_eq!(d, original);
}

#[test]
fn percentages_save_as_the_decimal_typed() {
    use envelope::core::edit::{parse_field, BlockField, Field, FieldValue};
    for (typed, want) in [
        ("99.9%", 0.999),
        ("99.99%", 0.9999),
        ("99.95%", 0.9995),
        ("90%", 0.9),
    ] {
        assert_eq!(
            parse_field(Field::Block(BlockField::Availability), typed),
            Ok(FieldValue::Number(want)),
            "{typed}"
        );
    }
}
