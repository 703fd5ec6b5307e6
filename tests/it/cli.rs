//! The `envelope` CLI end to end: exit codes, stdout and stderr on fixture files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/cli/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn envelope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_envelope"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn envelope_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_envelope"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("the CLI finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

#[test]
fn eval_prints_a_readable_summary() {
    let o = envelope(&["eval", &fixture("series5.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // The seed's worked example: 99.78% is about 19.3 hours of downtime a year.
    assert!(out.contains("Availability  99.78%"), "{out}");
    assert!(out.contains("19.3 h/year"), "{out}");
    assert!(
        out.contains("x10 today's traffic; 'lb' saturates first"),
        "{out}"
    );
    assert!(out.contains("p50 109 ms"), "{out}");
    // The block table lists every block with its load and utilization.
    let lb_row = out
        .lines()
        .find(|l| l.starts_with("lb "))
        .expect("a row for lb");
    assert!(
        lb_row.contains("1,000") && lb_row.contains("0.10"),
        "{lb_row}"
    );
    assert!(out.contains("warning spof"), "{out}");
}

#[test]
fn eval_json_is_the_report() {
    let o = envelope(&["eval", &fixture("series5.json"), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let r = json(&o);
    let a = r["availability"].as_f64().expect("availability");
    assert!((a - 0.99780166).abs() < 5e-9, "{a}");
    assert_eq!(r["bottleneck"], "lb");
    assert_eq!(r["blocks"].as_array().map(Vec::len), Some(6));
}

#[test]
fn eval_reads_standard_input() {
    let text = std::fs::read_to_string(fixture("series5.json")).expect("fixture");
    let o = envelope_stdin(&["eval", "-", "--json"], &text);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["bottleneck"], "lb");
}

#[test]
fn check_exits_1_on_an_error_finding_and_eval_does_not() {
    let path = fixture("overloaded.json");
    let check = envelope(&["check", &path]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).contains("overloaded"), "{}", stdout(&check));
    assert_eq!(envelope(&["eval", &path]).status.code(), Some(0));
    // Warnings alone do not fail a check.
    assert_eq!(
        envelope(&["check", &fixture("series5.json")]).status.code(),
        Some(0)
    );
}

#[test]
fn a_bad_design_exits_2_with_every_error_and_where() {
    let o = envelope(&["eval", &fixture("bad.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("/blocks/1/replicas"), "{err}");
    assert!(err.contains("/links/0/to"), "{err}");
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let o = envelope(&["check", &fixture("notjson.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
}

#[test]
fn a_missing_file_exits_2() {
    let o = envelope(&["eval", "/nonexistent/design.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
}

#[test]
fn what_if_scale_and_fail() {
    let base = json(&envelope(&["eval", &fixture("series5.json"), "--json"]));
    let scaled = json(&envelope(&[
        "eval",
        &fixture("series5.json"),
        "--json",
        "--scale",
        "4",
    ]));
    let m0 = base["max_scale"].as_f64().expect("max_scale");
    let m1 = scaled["max_scale"].as_f64().expect("max_scale");
    assert!((m0 / m1 - 4.0).abs() < 1e-9, "{m0} {m1}");
    let failed = json(&envelope(&[
        "eval",
        &fixture("series5.json"),
        "--json",
        "--fail",
        "db",
    ]));
    assert_eq!(failed["availability"].as_f64(), Some(0.0));
    let bad = envelope(&["eval", &fixture("series5.json"), "--scale", "-1"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn markdown_report() {
    let o = envelope(&["eval", &fixture("series5.json"), "--markdown"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("| Availability | 99.78%"), "{out}");
    assert!(out.contains("- warning `spof`"), "{out}");
}

#[test]
fn markdown_report_gives_accepted_reasons() {
    let report = envelope(&["eval", &fixture("series5.json"), "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("report JSON");
    let spof = report["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule"] == "spof"))
        .expect("series5 has a spof finding")
        .clone();
    let text = std::fs::read_to_string(fixture("series5.json")).expect("fixture");
    let mut design: serde_json::Value = serde_json::from_str(&text).expect("fixture JSON");
    design["accepted"] = serde_json::json!([{
        "rule": "spof",
        "blocks": spof["blocks"],
        "links": spof["links"],
        "reason": "One box is fine for the demo"
    }]);
    let o = envelope_stdin(&["eval", "-", "--markdown"], &design.to_string());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("- warning `spof`")
            && out.contains("*accepted: One box is fine for the demo*"),
        "{out}"
    );
}

#[test]
fn link_and_unlink_round_trip() {
    let o = envelope(&[
        "link",
        &fixture("series5.json"),
        "--base",
        "https://x.test/app/",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let url = stdout(&o).trim().to_string();
    assert!(url.starts_with("https://x.test/app/#v1="), "{url}");
    let back = envelope(&["unlink", &url]);
    assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
    let text = std::fs::read_to_string(fixture("series5.json")).expect("fixture");
    let original = envelope::core::format::load(&text).expect("fixture loads");
    let decoded = envelope::core::format::load(&stdout(&back)).expect("unlink prints a design");
    assert_eq!(decoded, original);
}

#[test]
fn a_link_opens_a_saved_scenario_and_an_unknown_one_is_refused() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/templates/quickbite.envelope.json"
    );
    let d = envelope::core::format::load(&std::fs::read_to_string(file).expect("template"))
        .expect("template loads");
    let id = d.scenarios[0].id.clone();
    let o = envelope(&["link", file, "--scenario", &id]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let url = stdout(&o).trim().to_string();
    assert!(url.ends_with(&format!("&scenario={id}")), "{url}");
    let bad = envelope(&["link", file, "--scenario", "no-such"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("no scenario 'no-such'"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn a_truncated_link_exits_2() {
    let o = envelope(&["link", &fixture("series5.json")]);
    let url = stdout(&o).trim().to_string();
    let cut = &url[..url.len() - 20];
    let back = envelope(&["unlink", cut]);
    assert_eq!(back.status.code(), Some(2));
    assert!(stderr(&back).contains("link"), "{}", stderr(&back));
}

#[test]
fn help_on_every_command() {
    for cmd in ["eval", "check", "link", "unlink", "svg"] {
        let o = envelope(&[cmd, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains(&format!("envelope {cmd}")), "{cmd}");
    }
    assert_eq!(envelope(&["--help"]).status.code(), Some(0));
    let o = envelope(&["eval", "--frobnicate", "x.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown option '--frobnicate'"));
    assert_eq!(envelope(&["explode"]).status.code(), Some(2));
}

#[test]
fn svg_export_escapes_labels() {
    let text = std::fs::read_to_string(fixture("series5.json"))
        .expect("fixture")
        .replace(
            "\"id\": \"app\"",
            "\"id\": \"app\", \"label\": \"<script>alert(1)</script>\"",
        );
    let o = envelope_stdin(&["svg", "-"], &text);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("<svg"), "{out}");
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{out}"
    );
    assert!(!out.contains("<script"));
}

fn spec_example(name: &str) -> String {
    format!(
        "{}/tests/fixtures/spec-examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn eval_prints_timeouts_retries_and_the_retry_storm() {
    let file = spec_example("m2_checkout_timeouts.json");
    let o = envelope(&["eval", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // l2 fails 0.0161% of its calls by timing out and makes 1.0574 attempts a call.
    assert!(
        out.contains(
            "Timeouts      0.0161% of calls over 'l2' fail; 1.06 attempts per call on 'l2'"
        ),
        "{out}"
    );
    // Two retries on l2: up to three attempts reach the payment provider.
    assert!(
        out.contains("Retries       up to x3 along the path to 'pay'"),
        "{out}"
    );
    let storm = out
        .lines()
        .find(|l| l.starts_with("Retry storm   "))
        .unwrap_or_else(|| panic!("no retry storm line: {out}"));
    // The same multiple the core finds, printed to three figures.
    let design = envelope::core::format::load(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let expected = match envelope::core::eval::stress::storm_scale(&design, &[]) {
        Some(s) => format!(
            "Retry storm   from x{} today's traffic",
            envelope::core::render::units::sig(s)
        ),
        None => "Retry storm   none up to x1000 today's traffic".to_string(),
    };
    assert_eq!(storm, expected);

    // --json carries the same figures.
    let r = json(&envelope(&["eval", &file, "--json"]));
    assert_eq!(r["model"], 2);
    let l2 = r["links"]
        .as_array()
        .expect("links")
        .iter()
        .find(|l| l["id"] == "l2")
        .expect("l2");
    let attempts = l2["attempts"].as_f64().expect("attempts");
    let failing = l2["timeout_failure"].as_f64().expect("timeout_failure");
    assert!((attempts - 1.0574).abs() < 1e-3, "{attempts}");
    assert!((failing - 0.000161).abs() < 5e-6, "{failing}");
    let pay = r["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .find(|b| b["id"] == "pay")
        .expect("pay");
    assert_eq!(pay["retry_amplification"].as_f64(), Some(3.0));
}

#[test]
fn no_timeout_lines_without_timeouts() {
    let o = envelope(&["eval", &fixture("series5.json")]);
    let out = stdout(&o);
    // series5 has no timeouts: model 1's summary, unchanged.
    assert!(!out.contains("Timeouts "), "{out}");
    assert!(!out.contains("Retries "), "{out}");
    assert!(!out.contains("Retry storm"), "{out}");
}

#[test]
fn eval_prints_the_scenarios_and_what_to_improve_first() {
    let file = spec_example("m2_scenarios_zones.json");
    let o = envelope(&["eval", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // Importance puts the database first: perfect it and the design gains a
    // little, lose it and nothing succeeds.
    assert!(
        out.contains("Improve first  'db': 99.9899% → 99.9900% if perfect; 0% if down"),
        "{out}"
    );
    let improve: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Improve first"))
        .take_while(|l| l.contains(" if perfect; "))
        .collect();
    assert_eq!(improve.len(), 5, "{out}");
    assert!(improve[3].contains("'az1': 99.99% → 99.9949% if perfect; 49.99% if down"));

    let row = |name: &str| {
        out.lines()
            .skip_while(|l| *l != "Scenarios")
            .find(|l| l.starts_with(&format!("{name}  ")))
            .unwrap_or_else(|| panic!("no row for {name}: {out}"))
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        row("A normal day"),
        [
            "A normal day",
            "x1",
            "–",
            "99.99%",
            "200 ms",
            "x1.6",
            "meets 99.9%",
            "meets 250 ms"
        ]
    );
    assert_eq!(
        row("Launch day"),
        [
            "Launch day",
            "x1.5",
            "–",
            "99.99%",
            "999 ms",
            "x1.07",
            "meets 99.9%",
            "MISSES 250 ms"
        ]
    );
    // Zone a down saturates app2: no p99.
    assert_eq!(
        row("Zone a down"),
        [
            "Zone a down",
            "x1",
            "az1",
            "99.99%",
            "–",
            "x0.8",
            "meets 99.9%",
            "MISSES 250 ms"
        ]
    );
    // Its own p99 target (500 ms) instead of the design's.
    assert_eq!(
        row("Zone a down on launch day")[7],
        "MISSES 500 ms",
        "{out}"
    );
    // eval lists no misses of its own (the findings carry them); check does.
    assert!(!out.contains("Scenarios that miss their targets"), "{out}");
}

#[test]
fn markdown_has_scenario_and_improve_first_tables() {
    let o = envelope(&[
        "eval",
        &spec_example("m2_scenarios_zones.json"),
        "--markdown",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(
        "### Scenarios\n\n| Scenario | Scale | Down | Availability | p99 | Max scale | Availability target | p99 target |\n|---|---|---|---|---|---|---|---|\n"
    ), "{out}");
    assert!(out.contains(
        "| A normal day | ×1 | – | 99.99% | 200 ms | ×1.6 (`app1`) | 99.9% ✅ met | p99 250 ms ✅ met |"
    ), "{out}");
    assert!(out.contains(
        "| Zone a down on launch day | ×1.5 | `az1` | 99.99% | – | ×0.533 (`app2`) | 99.9% ✅ met | p99 500 ms ❌ missed |"
    ), "{out}");
    assert!(out.contains(
        "### Improve first\n\n| Block or zone | Availability now | If perfect | If down |\n|---|---|---|---|\n| `db` | 99.9899% | 99.9900% | 0% |\n"
    ), "{out}");
    let rows = out
        .split("### Improve first")
        .nth(1)
        .unwrap()
        .lines()
        .skip(4)
        .take_while(|l| l.starts_with("| `"))
        .count();
    assert_eq!(rows, 5, "{out}");
}

#[test]
fn check_lists_the_scenarios_that_miss_and_exits_1() {
    let file = spec_example("m2_scenarios_zones.json");
    let o = envelope(&["check", &file]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let listing: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "Scenarios that miss their targets:")
        .skip(1)
        .collect();
    assert_eq!(
        listing,
        [
            "  'Launch day' [x1.5] misses p99 target 250 ms (found 999 ms)",
            "  'Zone a down' [x1, az1 down] misses p99 target 250 ms (none: saturated, or no request succeeds)",
            "  'Zone a down on launch day' [x1.5, az1 down] misses p99 target 500 ms (none: saturated, or no request succeeds)",
        ],
        "{out}"
    );
    // With --json stdout stays the report; the listing goes to stderr.
    let o = envelope(&["check", &file, "--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["scenarios"].as_array().map(Vec::len), Some(4));
    assert!(stderr(&o).starts_with("Scenarios that miss their targets:\n  'Launch day'"));
}

#[test]
fn check_exits_0_when_every_scenario_passes() {
    let text = std::fs::read_to_string(spec_example("m2_scenarios_zones.json")).unwrap();
    let mut design: serde_json::Value = serde_json::from_str(&text).unwrap();
    // A normal day meets the design's targets; zone a down on a quiet day
    // (half the traffic, which zone b carries alone) meets looser ones of its own.
    design["scenarios"] = serde_json::json!([
        {"id": "normal", "name": "A normal day"},
        {"id": "az1-down-quiet", "name": "Zone a down on a quiet day", "scale": 0.5,
         "fail": ["az1"], "targets": {"availability": 0.99, "p99_ms": 500}}
    ]);
    let o = envelope_stdin(&["check", "-"], &design.to_string());
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("Scenarios that miss"), "{out}");
    assert!(out.contains("Zone a down on a quiet day"), "{out}");
}

fn mermaid_fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/mermaid/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn import_prints_a_design_and_lists_guesses_and_skipped_lines() {
    let o = envelope(&["import", &mermaid_fixture("links.mmd")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let design = envelope::core::format::load(&stdout(&o)).expect("stdout is a valid design");
    assert_eq!(design.blocks.len(), 18);
    let err = stderr(&o);
    assert!(err.contains("Kinds guessed (18 blocks"), "{err}");
    assert!(err.contains("line 2: a 'a' is service"), "{err}");
    assert!(
        err.contains("line 18: q -> r (unknown arrow '->')"),
        "{err}"
    );
}

#[test]
fn import_reads_standard_input() {
    let o = envelope_stdin(
        &["import", "-"],
        "flowchart LR\n  u([Users]) --> c[(Redis)]\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d = json(&o);
    assert_eq!(d["blocks"][0]["kind"], "client");
    assert_eq!(d["blocks"][1]["kind"], "cache");
    assert!(
        stderr(&o).contains("cylinder shape; label says 'redis'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn import_refuses_text_that_is_not_a_flowchart() {
    let o = envelope(&["import", &mermaid_fixture("not-mermaid.mmd")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("not a Mermaid flowchart or architecture-beta diagram: line 2 starts with 'sequenceDiagram'"),
        "{err}"
    );
    let o = envelope(&["import", &fixture("series5.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("line 1 starts with '{'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn export_mermaid_reads_back_through_import() {
    let o = envelope(&["export", "--mermaid", &fixture("series5.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("flowchart LR\n"), "{text}");
    let back = envelope_stdin(&["import", "-"], &text);
    assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
    let original = json(&envelope(&[
        "unlink",
        &stdout(&envelope(&["link", &fixture("series5.json")])),
    ]));
    let imported = json(&back);
    let ids = |d: &serde_json::Value| -> Vec<(String, String)> {
        d["blocks"]
            .as_array()
            .expect("blocks")
            .iter()
            .map(|b| (b["id"].to_string(), b["kind"].to_string()))
            .collect()
    };
    assert_eq!(ids(&original), ids(&imported));
    assert!(
        !stderr(&back).contains("Not taken as written"),
        "{}",
        stderr(&back)
    );
}

#[test]
fn export_with_numbers_and_its_usage_errors() {
    let o = envelope(&["export", "--mermaid", "--numbers", &fixture("series5.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("req/s"), "{}", stdout(&o));
    assert!(stdout(&o).contains("%% envelope: numbers"));
    let o = envelope(&["export", &fixture("series5.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("needs a format: --mermaid"),
        "{}",
        stderr(&o)
    );
    let o = envelope(&["export", "--mermaid", "--mermaid", &fixture("series5.json")]);
    assert_eq!(o.status.code(), Some(2));
    let o = envelope(&["export", "--mermaid", &fixture("bad.json")]);
    assert_eq!(o.status.code(), Some(2));
    let help = envelope(&["help", "import"]);
    assert!(stdout(&help).contains("envelope import FILE|-"));
    let help = envelope(&["export", "--help"]);
    assert!(stdout(&help).contains("--mermaid"));
}
