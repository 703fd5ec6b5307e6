//! The template gallery (public/templates/): every listed design loads, passes
//! `envelope check`, explains itself, and draws cleanly on the canvas.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use envelope::core::format;
use envelope::core::geometry::{zone_at, Point};
use envelope::core::model::Design;

/// Longest block label the canvas can show without crowding the block.
const MAX_LABEL: usize = 24;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/templates")
}

/// One row of index.json.
struct Entry {
    file: String,
    lesson: bool,
}

fn index() -> Vec<Entry> {
    let text = std::fs::read_to_string(dir().join("index.json")).expect("index.json is readable");
    let value: serde_json::Value = serde_json::from_str(&text).expect("index.json is JSON");
    let rows = value.as_array().expect("index.json is an array");
    rows.iter()
        .map(|row| {
            for key in ["file", "title", "summary", "source"] {
                let s = row[key].as_str().unwrap_or_default();
                assert!(!s.trim().is_empty(), "index.json row {row} needs a '{key}'");
            }
            let lesson = match &row["lesson"] {
                serde_json::Value::Null => false,
                v => v.as_bool().expect("'lesson' is a boolean"),
            };
            Entry {
                file: row["file"].as_str().unwrap_or_default().to_string(),
                lesson,
            }
        })
        .collect()
}

fn design(file: &str) -> Design {
    let text = std::fs::read_to_string(dir().join(file)).expect("template is readable");
    match format::load(&text) {
        Ok(d) => d,
        Err(errors) => {
            let list: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.at, e.message))
                .collect();
            panic!("{file} does not load: {}", list.join("; "))
        }
    }
}

#[test]
fn index_lists_exactly_the_template_files() {
    let listed: Vec<String> = index().into_iter().map(|e| e.file).collect();
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "index.json lists a file twice");
    assert!(
        listed.len() >= 7,
        "the gallery has {} templates",
        listed.len()
    );
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .expect("public/templates exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".envelope.json"))
        .collect();
    let listed: BTreeSet<String> = listed.into_iter().collect();
    assert_eq!(listed, on_disk, "index.json and the directory disagree");
}

#[test]
fn every_template_loads_and_explains_itself() {
    for entry in index() {
        let file = &entry.file;
        let d = design(file);
        assert!(!d.title.trim().is_empty(), "{file}: no title");
        assert!(!d.notes.trim().is_empty(), "{file}: no notes");
        // The notes must say what breaks first when traffic grows tenfold.
        assert!(d.notes.contains("10x"), "{file}: notes do not discuss 10x");
        let t = &d.targets;
        assert!(
            t.availability.is_some() && t.p99_ms.is_some() && t.team_size.is_some(),
            "{file}: targets incomplete: {t:?}"
        );
        assert!(
            d.blocks.iter().any(|b| b.is_entry()),
            "{file}: no entry block, nothing to evaluate"
        );
    }
}

#[test]
fn every_template_draws_cleanly() {
    for entry in index() {
        let file = &entry.file;
        let d = design(file);
        for b in &d.blocks {
            let label = if b.label.is_empty() {
                b.kind.name()
            } else {
                b.label.as_str()
            };
            assert!(
                label.chars().count() <= MAX_LABEL,
                "{file}: label '{label}' of '{}' is longer than {MAX_LABEL}",
                b.id
            );
            // The canvas reassigns a block's zone from where it sits, so the
            // rectangle a block is drawn in must be the zone it belongs to.
            let drawn_in = zone_at(&d, Point::new(b.x, b.y));
            assert_eq!(
                drawn_in,
                b.zone.as_deref(),
                "{file}: block '{}' is drawn in zone {drawn_in:?} but belongs to {:?}",
                b.id,
                b.zone
            );
        }
        // Blocks are 150 x 64 and centred on (x, y): no two may overlap.
        for (i, a) in d.blocks.iter().enumerate() {
            for b in &d.blocks[i + 1..] {
                let apart = (a.x - b.x).abs() >= 150.0 || (a.y - b.y).abs() >= 64.0;
                assert!(apart, "{file}: blocks '{}' and '{}' overlap", a.id, b.id);
            }
        }
    }
}

#[test]
fn every_template_passes_check_with_headroom() {
    let entries = index();
    // The checks are independent processes: run them side by side.
    let children: Vec<_> = entries
        .iter()
        .map(|e| {
            Command::new(env!("CARGO_BIN_EXE_envelope"))
                .args(["check", "--json"])
                .arg(dir().join(&e.file))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the CLI runs")
        })
        .collect();
    for (entry, child) in entries.iter().zip(children) {
        let file = &entry.file;
        let out = child.wait_with_output().expect("the CLI finishes");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{file}: no JSON report"));
        let errors: Vec<&serde_json::Value> = report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        let expected = if entry.lesson { 1 } else { 0 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "{file}: envelope check; error findings: {errors:?}"
        );
        if entry.lesson {
            assert!(!errors.is_empty(), "{file} is a lesson but has no error");
            continue;
        }
        // Today's traffic fits with room to grow.
        let scale = report["max_scale"].as_f64().expect("max_scale is a number");
        assert!(scale > 1.0, "{file}: max scale {scale}");
        assert!(
            report["latency"]["p99_ms"].as_f64().is_some(),
            "{file}: no latency"
        );
    }
}

/// The retry-storm template shows the problem and its fix side by side: the
/// storm path (3 immediate retries, a timeout at the dependency's p99) draws a
/// `retry-storm` warning; the fixed path (1 jittered retry, a roomier timeout)
/// draws none, and takes longer to storm on its own.
#[test]
fn the_retry_storm_template_fires_on_the_storm_path_only() {
    use envelope::core::eval::stress::storm_scale;
    use envelope::core::eval::{evaluate, EvalOptions};

    let d = design("retry-storm.envelope.json");
    let report = evaluate(&d, &EvalOptions::default());
    let storms: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "retry-storm")
        .collect();
    assert_eq!(storms.len(), 1, "{storms:?}");
    let f = storms[0];
    assert!(f.blocks.iter().any(|b| b == "stock"), "{f:?}");
    assert!(f.links.iter().any(|l| l == "reserve"), "{f:?}");
    assert!(
        report
            .findings
            .iter()
            .all(|f| !f.blocks.iter().any(|b| b.ends_with("-fixed")) || f.rule == "no-rate-limit"),
        "the fixed path draws only the entry's info: {:?}",
        report.findings
    );
    // Nothing is an error: the template is not a lesson.
    assert!(report
        .findings
        .iter()
        .all(|f| f.severity != envelope::core::report::Severity::Error));

    // Today is calm on both paths: almost every call succeeds first time.
    for l in &report.links {
        assert!(l.attempts < 1.01, "{}: {} attempts", l.id, l.attempts);
    }
    // The storm path storms first; alone, the fixed path lasts longer.
    let both = storm_scale(&d, &[]).expect("the storm path storms");
    let fixed_only = storm_scale(&d, &["orders".to_string()]).expect("the fixed path too, later");
    let storm_only = storm_scale(&d, &["orders-fixed".to_string()]).expect("the storm path");
    assert!(both > 1.0, "{both}");
    assert!(
        (both - storm_only).abs() < 0.01 * both,
        "{both} vs {storm_only}"
    );
    assert!(
        fixed_only > storm_only * 1.1,
        "{fixed_only} vs {storm_only}"
    );
}

/// Timeouts and retries in the templates are set as seed 003 §17.2-17.3 asks:
/// each caller's timeout covers its callee's retries, and no retried call can
/// storm its dependency. Only the retry-storm template shows a storm, on
/// purpose (and only that one warning of the four).
#[test]
fn model_2_stress_rules_stay_quiet_on_the_templates() {
    use envelope::core::eval::{evaluate, EvalOptions};

    const STRESS: [&str; 4] = [
        "timeout-budget",
        "retry-storm",
        "retry-amplification",
        "timeouts-fail-requests",
    ];
    for entry in index() {
        let file = &entry.file;
        let report = evaluate(&design(file), &EvalOptions::default());
        let fired: Vec<&str> = report
            .findings
            .iter()
            .map(|f| f.rule)
            .filter(|r| STRESS.contains(r))
            .collect();
        let expected: &[&str] = if file == "retry-storm.envelope.json" {
            &["retry-storm"]
        } else {
            &[]
        };
        assert_eq!(fired, expected, "{file}");
    }
}

/// Every template saves two or three what-ifs drawn from its notes, each with
/// targets of its own (the figure it shows is in its name), and none misses:
/// a scenario meant to show a failure carries targets loose enough to hold.
#[test]
fn every_template_has_two_or_three_scenarios_that_pass() {
    use envelope::core::eval::{evaluate, EvalOptions};
    for entry in index() {
        let file = &entry.file;
        let d = design(file);
        assert!(
            (2..=3).contains(&d.scenarios.len()),
            "{file}: {} scenarios",
            d.scenarios.len()
        );
        let report = evaluate(&d, &EvalOptions::default());
        assert_eq!(report.scenarios.len(), d.scenarios.len(), "{file}");
        for (s, r) in d.scenarios.iter().zip(&report.scenarios) {
            assert!(
                s.availability.is_some() && s.p99_ms.is_some(),
                "{file}: scenario '{}' needs targets of its own",
                s.id
            );
            assert!(
                s.scale != 1.0 || !s.fail.is_empty(),
                "{file}: scenario '{}' is today's design",
                s.id
            );
            assert_eq!(r.meets_availability, Some(true), "{file}: '{}'", s.name);
            assert_eq!(r.meets_p99, Some(true), "{file}: '{}'", s.name);
        }
        assert!(
            !report.findings.iter().any(|f| f.rule == "scenario-target"),
            "{file}: a scenario misses"
        );
    }
}

/// The app evaluates a design first without its scenarios, then adds them one
/// at a time; the result is exactly `evaluate`'s, a missed target's finding
/// included (here each template's first scenario asks for a 1 ms p99).
#[test]
fn scenarios_added_one_at_a_time_give_the_same_report() {
    use envelope::core::eval::scenarios::{scenario, with_scenarios};
    use envelope::core::eval::{evaluate, EvalOptions};
    for entry in index() {
        let file = &entry.file;
        let mut d = design(file);
        d.scenarios[0].p99_ms = Some(1.0);
        let whole = evaluate(&d, &EvalOptions::default());
        let first = EvalOptions {
            scenarios: false,
            ..EvalOptions::default()
        };
        let base = evaluate(&d, &first);
        assert!(base.scenarios.is_empty(), "{file}");
        let rows = d
            .scenarios
            .iter()
            .map(|s| scenario(&d, s, &first))
            .collect();
        let staged = with_scenarios(&d, base, rows);
        assert!(
            staged.findings.iter().any(|f| f.rule == "scenario-target"),
            "{file}: the tight target is missed"
        );
        assert_eq!(staged, whole, "{file}");
    }
}

/// The two templates sized in the seeds state their users, not their rates, and
/// reproduce the seeds' worksheets (model-2.md §3.3's worked checks): seed 001
/// Phase 2 for the URL shortener, seed 003 §5.3 for the news feed. Every
/// template prices its blocks, so every report has a monthly cost.
#[test]
fn sized_templates_reproduce_the_seed_estimates_and_all_show_a_cost() {
    use envelope::core::eval::{evaluate, EvalOptions};

    fn close(got: f64, want: f64, rel: f64) -> bool {
        (got - want).abs() <= rel * want.abs()
    }
    fn entry(r: &envelope::core::report::Report, id: &str) -> (f64, f64) {
        let e = r.entries.iter().find(|e| e.block == id).expect("entry");
        (e.rps, e.rps_avg)
    }

    // Seed 001 Phase 2: 100M new URLs a day, 1,157.4/s, "call it 2,000"; 20,000
    // reads/s; 200-byte records for 5 years = 3.65e13 bytes raw (36 TB), held
    // by each of the store's replicas; 20,000 reads x 200 bytes = 4 MB/s.
    let d = design("url-shortener.envelope.json");
    assert!(d.blocks.iter().all(|b| b.users.is_some() || !b.is_entry()));
    let r = evaluate(&d, &EvalOptions::default());
    let (peak, avg) = entry(&r, "creators");
    assert!(
        close(avg, 1_157.407, 1e-6) && close(peak, 2_000.0, 1e-9),
        "{avg} {peak}"
    );
    let (peak, avg) = entry(&r, "visitors");
    assert!(
        close(avg, 11_574.07, 1e-6) && close(peak, 20_000.0, 1e-9),
        "{avg} {peak}"
    );
    let kv = r.blocks.iter().find(|b| b.id == "kv").expect("kv");
    let replicas = d.blocks.iter().find(|b| b.id == "kv").expect("kv").replicas as f64;
    let raw = kv.storage_bytes.expect("the store keeps 5 years") / replicas;
    // The hourly click totals add 0.1% to the URL records.
    assert!(close(raw, 3.65e13, 0.002), "{raw}");
    let redirect = r
        .blocks
        .iter()
        .find(|b| b.id == "redirect")
        .expect("redirect");
    let bandwidth = redirect
        .bandwidth_bytes_per_s
        .expect("visits carry 200 bytes");
    assert!(close(bandwidth, 4.0e6, 1e-9), "{bandwidth}");

    // Seed 003 §5.3: 500M users x 0.2 posts and 100 reads a day, peak 5x;
    // 1 KB posts, 3 replicas, 5 years = 5.475e14 bytes (about 550 TB).
    let d = design("news-feed.envelope.json");
    assert!(d.blocks.iter().all(|b| b.users.is_some() || !b.is_entry()));
    let r = evaluate(&d, &EvalOptions::default());
    let (peak, avg) = entry(&r, "posters");
    assert!(
        close(avg, 1_157.407, 1e-6) && close(peak, 5_787.037, 1e-6),
        "{avg} {peak}"
    );
    let (peak, avg) = entry(&r, "readers");
    assert!(
        close(avg, 578_703.7, 1e-6) && close(peak, 2_893_518.5, 1e-6),
        "{avg} {peak}"
    );
    let stored = r.storage_bytes.expect("the posts store keeps 5 years");
    assert!(close(stored, 5.475e14, 1e-9), "{stored}");

    for entry in index() {
        let file = &entry.file;
        let d = design(file);
        let r = evaluate(&d, &EvalOptions::default());
        let cost = r.cost_month.unwrap_or_default();
        assert!(cost > 0.0, "{file}: no cost a month");
        assert!(r.cost_per_million_requests.is_some(), "{file}");
        assert!(
            d.notes.contains("Assumed unit costs") || d.notes.contains("assumed unit costs"),
            "{file}: the notes must state the unit costs as assumptions"
        );
    }
}
