//! Tests: examples. Each design of the spec's `examples/` evaluates to the report
//! an independent implementation gives: availability, load, utilization and
//! `max_scale` to 1e-9, latency within evaluation.md §3's tolerances, findings by
//! rule, severity, blocks and links.

use std::path::PathBuf;

use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::format;
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec-examples")
}

fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.ends_with(".report.json"))
        .map(|n| n.trim_end_matches(".json").to_string())
        .collect();
    names.sort();
    names
}

/// Two optional numbers agree within `tol` (absolute) or are both null.
fn same(name: &str, what: &str, got: &Value, want: &Value, tol: f64) {
    match (got.as_f64(), want.as_f64()) {
        (Some(g), Some(w)) => assert!(
            (g - w).abs() <= tol * w.abs().max(1.0),
            "{name}: {what}: got {g}, want {w}"
        ),
        _ => assert_eq!(got, want, "{name}: {what}"),
    }
}

/// Latency objects agree within 2% (mean, p50, p99) and 5% (p999), or both null.
fn same_latency(name: &str, what: &str, got: &Value, want: &Value) {
    if want.is_null() || got.is_null() {
        assert_eq!(got, want, "{name}: {what}");
        return;
    }
    for (key, tol) in [
        ("mean_ms", 0.02),
        ("p50_ms", 0.02),
        ("p99_ms", 0.02),
        ("p999_ms", 0.05),
    ] {
        let (g, w) = (got[key].as_f64().unwrap(), want[key].as_f64().unwrap());
        assert!(
            (g - w).abs() <= tol * w.abs(),
            "{name}: {what}.{key}: got {g}, want {w}"
        );
    }
}

fn finding_keys(v: &Value) -> Vec<(Value, Value, Value, Value)> {
    v.as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].clone(),
                f["severity"].clone(),
                f["blocks"].clone(),
                f["links"].clone(),
            )
        })
        .collect()
}

#[test]
fn every_example_evaluates_as_the_reference() {
    let names = names();
    assert!(!names.is_empty());
    // Numbers of every example first, then the findings.
    let mut findings = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap();
        let want: Value = serde_json::from_str(
            &std::fs::read_to_string(dir().join(format!("{name}.report.json"))).unwrap(),
        )
        .unwrap();
        let design = format::load(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let report = evaluate(&design, &EvalOptions::default());
        let got: Value = serde_json::from_str(&report.to_json()).unwrap();
        // model-2.md §5: availability within 1e-5 once a timeout is on the path.
        let tol = if want["model"] == 2 { 1e-5 } else { 1e-9 };
        for key in ["availability", "downtime_min_per_year", "max_scale"] {
            let t = if key == "downtime_min_per_year" {
                tol * 525_600.0
            } else {
                tol
            };
            same(&name, key, &got[key], &want[key], t);
        }
        for key in ["bottleneck", "availability_method", "availability_interval"] {
            assert_eq!(got[key], want[key], "{name}: {key}");
        }
        same_latency(&name, "latency", &got["latency"], &want["latency"]);
        let (ge, we) = (&got["entries"], &want["entries"]);
        assert_eq!(ge.as_array().unwrap().len(), we.as_array().unwrap().len());
        for (g, w) in ge.as_array().unwrap().iter().zip(we.as_array().unwrap()) {
            assert_eq!(g["block"], w["block"], "{name}");
            same(&name, "entry rps", &g["rps"], &w["rps"], 1e-9);
            same(
                &name,
                "entry availability",
                &g["availability"],
                &w["availability"],
                1e-9,
            );
            same_latency(&name, "entry latency", &g["latency"], &w["latency"]);
            // model-2.md §3.1: the average rate.
            if w.get("rps_avg").is_some() {
                same(&name, "entry rps_avg", &g["rps_avg"], &w["rps_avg"], 1e-9);
            }
        }
        // model-2.md §3.3: the worksheet's totals, within 1e-9 relative (§5).
        for key in ["storage_bytes", "cost_month", "cost_per_million_requests"] {
            if want.get(key).is_some() {
                same(&name, key, &got[key], &want[key], 1e-9);
            }
        }
        let (gb, wb) = (&got["blocks"], &want["blocks"]);
        assert_eq!(gb.as_array().unwrap().len(), wb.as_array().unwrap().len());
        for (g, w) in gb.as_array().unwrap().iter().zip(wb.as_array().unwrap()) {
            assert_eq!(g["id"], w["id"], "{name}");
            for key in [
                "read_rps",
                "write_rps",
                "utilization",
                "utilization_one_down",
                "availability",
            ] {
                let tol = if want["model"] == 2 { 1e-5 } else { 1e-9 };
                same(&name, &format!("{} {key}", w["id"]), &g[key], &w[key], tol);
            }
            for key in [
                "storage_bytes",
                "storage_bytes_per_year",
                "bandwidth_bytes_per_s",
                "cost_month",
            ] {
                if w.get(key).is_some() {
                    same(&name, &format!("{} {key}", w["id"]), &g[key], &w[key], 1e-9);
                }
            }
            if !w["retry_amplification"].is_null() {
                same(
                    &name,
                    "retry_amplification",
                    &g["retry_amplification"],
                    &w["retry_amplification"],
                    0.0,
                );
            }
        }
        // Model 2 (model-2.md §2.4, §2.7): attempts and timeout failures per link.
        if let Some(wl) = want["links"].as_array() {
            for w in wl {
                let g = got["links"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|g| g["id"] == w["id"])
                    .expect("link");
                same(&name, "attempts", &g["attempts"], &w["attempts"], 1e-6);
                let (gf, wf) = (
                    g["timeout_failure"].as_f64().unwrap(),
                    w["timeout_failure"].as_f64().unwrap(),
                );
                assert!(
                    (gf - wf).abs() <= 1e-5_f64.max(0.01 * wf),
                    "{name}: timeout_failure {gf} vs {wf}"
                );
            }
        }
        // Model 2 (model-2.md §4): scenarios and importance.
        if let Some(ws) = want["scenarios"].as_array() {
            let gs = got["scenarios"].as_array().expect("scenarios");
            assert_eq!(gs.len(), ws.len(), "{name}: scenarios");
            for (g, w) in gs.iter().zip(ws) {
                assert_eq!(g["id"], w["id"], "{name}");
                same(
                    &name,
                    "scenario availability",
                    &g["availability"],
                    &w["availability"],
                    1e-5,
                );
                same(
                    &name,
                    "scenario max_scale",
                    &g["max_scale"],
                    &w["max_scale"],
                    1e-6,
                );
                same_latency(&name, "scenario latency", &g["latency"], &w["latency"]);
                for key in ["bottleneck", "meets_availability", "meets_p99"] {
                    assert_eq!(g[key], w[key], "{name}: scenario {} {key}", w["id"]);
                }
            }
        }
        if let Some(wi) = want["importance"].as_array() {
            let gi = got["importance"].as_array().expect("importance");
            assert_eq!(gi.len(), wi.len(), "{name}: importance");
            for (g, w) in gi.iter().zip(wi) {
                assert_eq!(g["id"], w["id"], "{name}: importance order");
                same(
                    &name,
                    "if_perfect",
                    &g["if_perfect"],
                    &w["if_perfect"],
                    1e-5,
                );
                same(&name, "if_down", &g["if_down"], &w["if_down"], 1e-5);
            }
        }
        findings.push((name, got, want));
    }
    for (name, got, want) in findings {
        assert_eq!(
            finding_keys(&got["findings"]),
            finding_keys(&want["findings"]),
            "{name}: findings"
        );
    }
}
