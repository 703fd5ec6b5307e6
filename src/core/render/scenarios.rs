//! The scenarios and "Improve first" in the text summary (model-2.md §4): one
//! row a scenario against its targets, the five components to improve first,
//! and the check's listing of the scenarios that miss.

use super::text::table;
use super::units::{ms, percent, sig};
use crate::core::model::{Design, Scenario};
use crate::core::report::Report;

/// How many "Improve first" lines the summary prints.
pub const IMPROVE_FIRST: usize = 5;

/// "Improve first  'db': 99.93% → 99.98% if perfect; 0% if down": the five
/// most important blocks and zones (model-2.md §4.2), one a line.
pub fn improve_first(report: &Report) -> Vec<String> {
    let Some(now) = report.availability else {
        return Vec::new();
    };
    report
        .importance
        .iter()
        .take(IMPROVE_FIRST)
        .enumerate()
        .map(|(i, imp)| {
            let (a, b) = percent_pair(now, imp.if_perfect);
            format!(
                "{}'{}': {a} → {b} if perfect; {} if down",
                if i == 0 {
                    "Improve first  "
                } else {
                    "               "
                },
                imp.id,
                percent(imp.if_down)
            )
        })
        .collect()
}

/// Two availabilities as percentages with enough places to tell them apart
/// (at most nine), when they differ.
pub fn percent_pair(a: f64, b: f64) -> (String, String) {
    let (mut x, mut y) = (percent(a), percent(b));
    let mut places = 2;
    while x == y && a != b && places <= 9 {
        let f = |v: f64| {
            if v >= 1.0 {
                return "100%".to_string();
            }
            format!("{:.*}%", places, v * 100.0)
        };
        (x, y) = (f(a), f(b));
        places += 1;
    }
    (x, y)
}

/// A scenario's effective targets: its own, else the design's (model-2.md §4.1).
pub fn scenario_targets(design: &Design, s: &Scenario) -> (Option<f64>, Option<f64>) {
    (
        s.availability.or(design.targets.availability),
        s.p99_ms.or(design.targets.p99_ms),
    )
}

/// "x1.5", and "az1, db down" or "–" for what a scenario fails.
fn scenario_what(s: &Scenario) -> (String, String) {
    let down = if s.fail.is_empty() {
        "–".to_string()
    } else {
        s.fail.join(", ")
    };
    (format!("x{}", sig(s.scale)), down)
}

/// One row a scenario: name, scale, what is down, availability, p99, max
/// scale, and each target met or missed ("–" where it has none).
pub(super) fn scenario_table(design: &Design, report: &Report) -> String {
    let header = [
        "scenario",
        "scale",
        "down",
        "avail",
        "p99",
        "max scale",
        "avail target",
        "p99 target",
    ];
    let mut rows: Vec<[String; 8]> = Vec::new();
    for (s, r) in design.scenarios.iter().zip(&report.scenarios) {
        let (scale, down) = scenario_what(s);
        let (ta, tp) = scenario_targets(design, s);
        let verdict = |ok: Option<bool>, what: String| match ok {
            Some(true) => format!("meets {what}"),
            Some(false) => format!("MISSES {what}"),
            None => "–".to_string(),
        };
        rows.push([
            s.name.clone(),
            scale,
            down,
            r.availability.map_or("–".to_string(), percent),
            r.latency.map_or("–".to_string(), |l| ms(l.p99_ms)),
            r.max_scale
                .map_or("unlimited".to_string(), |m| format!("x{}", sig(m))),
            verdict(r.meets_availability, ta.map(percent).unwrap_or_default()),
            verdict(r.meets_p99, tp.map(ms).unwrap_or_default()),
        ]);
    }
    table(&header, &rows, &[0, 2, 6, 7])
}

/// The check listing: one line a scenario that misses a target, naming it and
/// the target missed with the figure found.
pub fn scenario_misses(design: &Design, report: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    for (s, r) in design.scenarios.iter().zip(&report.scenarios) {
        let (ta, tp) = scenario_targets(design, s);
        let mut missed = Vec::new();
        if let (Some(false), Some(t)) = (r.meets_availability, ta) {
            let found = r.availability.map_or("no entry".to_string(), percent);
            missed.push(format!(
                "availability target {} (found {found})",
                percent(t)
            ));
        }
        if let (Some(false), Some(t)) = (r.meets_p99, tp) {
            let found = match r.latency {
                Some(l) => format!("found {}", ms(l.p99_ms)),
                None => "none: saturated, or no request succeeds".to_string(),
            };
            missed.push(format!("p99 target {} ({found})", ms(t)));
        }
        if !missed.is_empty() {
            let (scale, down) = scenario_what(s);
            let down = if s.fail.is_empty() {
                String::new()
            } else {
                format!(", {down} down")
            };
            lines.push(format!(
                "'{}' [{scale}{down}] misses {}",
                s.name,
                missed.join(" and ")
            ));
        }
    }
    lines
}
