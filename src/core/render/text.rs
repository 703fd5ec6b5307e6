//! The terminal summary printed by `envelope eval` without `--json`.

use std::fmt::Write;

use super::scenarios::scenario_table;
pub use super::scenarios::{improve_first, percent_pair, scenario_misses, scenario_targets};
use super::units::{downtime, grouped, ms, nines, percent, sig};
use crate::core::model::Design;
use crate::core::report::{BlockReport, Latency, LinkReport, Method, Report};

/// Where a retry storm begins, as the CLI found it with
/// `eval::stress::storm_scale`: `scale` is a multiple of the evaluated traffic
/// (`None` when no multiple up to `searched_to` storms).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Storm {
    pub scale: Option<f64>,
    pub searched_to: f64,
}

/// A readable summary: headline figures against the targets, a table of blocks
/// with their load, and the findings by severity. `storm` adds the line on
/// where a retry storm begins when some timed sync link retries.
pub fn summary(design: &Design, report: &Report, storm: Option<Storm>) -> String {
    let mut out = String::new();
    let title = if design.title.is_empty() {
        "Untitled design"
    } else {
        &design.title
    };
    let _ = writeln!(out, "{title}\n");
    for line in headline(design, report) {
        let _ = writeln!(out, "{line}");
    }
    if let Some(line) = storm.and_then(|s| storm_line(design, s)) {
        let _ = writeln!(out, "{line}");
    }
    for line in super::capacity::lines(report) {
        let _ = writeln!(out, "{line}");
    }
    for line in improve_first(report) {
        let _ = writeln!(out, "{line}");
    }
    if !design.scenarios.is_empty() {
        let _ = writeln!(out, "\nScenarios");
        let _ = write!(out, "{}", scenario_table(design, report));
    }
    let _ = writeln!(out);
    let _ = write!(out, "{}", block_table(design, report));
    let _ = writeln!(out);
    let _ = write!(out, "{}", findings(report));
    out
}

/// The headline lines: availability, latency, max scale (with target marks).
pub fn headline(design: &Design, report: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    match report.availability {
        Some(a) => {
            let mut line = format!(
                "Availability  {} ({:.2} nines), downtime {}",
                percent(a),
                nines(a).min(99.0),
                downtime(a)
            );
            if let (Method::MonteCarlo, Some([lo, hi])) =
                (report.availability_method, report.availability_interval)
            {
                let _ = write!(
                    line,
                    " [Monte Carlo, 95%: {} to {}]",
                    percent(lo),
                    percent(hi)
                );
            }
            if let Some(t) = design.targets.availability {
                let _ = write!(
                    line,
                    "  {}",
                    mark(a >= t, &format!("target {}", percent(t)))
                );
            }
            lines.push(line);
        }
        None => lines.push("Availability  no entry (give a block rps > 0)".into()),
    }
    let mut line = format!("Latency       {}", latency(report.latency.as_ref()));
    if let Some(t) = design.targets.p99_ms {
        let ok = report.latency.is_some_and(|l| l.p99_ms <= t);
        let _ = write!(line, "  {}", mark(ok, &format!("target p99 {}", ms(t))));
    }
    lines.push(line);
    lines.push(match (report.max_scale, &report.bottleneck) {
        (Some(s), Some(b)) => format!(
            "Max scale     x{} today's traffic; '{b}' saturates first",
            sig(s)
        ),
        _ => "Max scale     unlimited (no block has a capacity)".into(),
    });
    lines.extend(timeouts_line(design, report));
    lines.extend(retries_line(report));
    lines
}

/// Whether any sync link has a timeout, and whether one of those retries.
fn timed(design: &Design) -> (bool, bool) {
    let mut timed = design
        .links
        .iter()
        .filter(|l| l.is_sync() && l.timeout_ms.is_some())
        .peekable();
    let any = timed.peek().is_some();
    (any, timed.any(|l| l.retries > 0))
}

/// The first link where `key` is largest (design order breaks ties).
fn worst(report: &Report, key: impl Fn(&LinkReport) -> f64) -> Option<&LinkReport> {
    report
        .links
        .iter()
        .fold(None, |best: Option<&LinkReport>, l| match best {
            Some(b) if key(b) >= key(l) => Some(b),
            _ => Some(l),
        })
}

/// "Timeouts      0.016% of calls over 'l2' fail; 1.06 attempts per call on
/// 'l2'": the link failing most calls by timing out and the link making most
/// attempts per call. Only when some sync link has a timeout.
fn timeouts_line(design: &Design, report: &Report) -> Option<String> {
    if !timed(design).0 {
        return None;
    }
    let failing = worst(report, |l| l.timeout_failure)?;
    let busiest = worst(report, |l| l.attempts)?;
    let fail = if failing.timeout_failure >= 1e-6 {
        format!(
            "{}% of calls over '{}' fail",
            sig(failing.timeout_failure * 100.0),
            failing.id
        )
    } else if failing.timeout_failure > 0.0 {
        format!("under one in a million calls over '{}' fails", failing.id)
    } else {
        "no call fails by timing out".to_string()
    };
    let attempts = if busiest.attempts > 1.0 {
        format!(
            "{:.2} attempts per call on '{}'",
            busiest.attempts, busiest.id
        )
    } else {
        "1 attempt per call".to_string()
    };
    Some(format!("Timeouts      {fail}; {attempts}"))
}

/// "Retries       up to x3 along the path to 'pay'": the largest product of
/// `1 + retries` reaching a block, when some call is retried.
fn retries_line(report: &Report) -> Option<String> {
    let top = report
        .blocks
        .iter()
        .fold(None, |best: Option<&BlockReport>, b| match best {
            Some(t) if t.retry_amplification >= b.retry_amplification => Some(t),
            _ => Some(b),
        })?;
    (top.retry_amplification > 1.0).then(|| {
        format!(
            "Retries       up to x{} along the path to '{}'",
            sig(top.retry_amplification),
            top.id
        )
    })
}

/// "Retry storm   from x2.3 today's traffic": only when some timed sync link
/// retries.
pub fn storm_line(design: &Design, storm: Storm) -> Option<String> {
    if !timed(design).1 {
        return None;
    }
    Some(match storm.scale {
        Some(s) if s <= 1.0 => {
            "Retry storm   now: retried calls mostly time out at today's traffic".into()
        }
        Some(s) => format!("Retry storm   from x{} today's traffic", sig(s)),
        None => format!(
            "Retry storm   none up to x{} today's traffic",
            sig(storm.searched_to)
        ),
    })
}

pub(super) fn mark(ok: bool, what: &str) -> String {
    format!("[{} {what}]", if ok { "meets" } else { "MISSES" })
}

/// "mean 41.2 ms, p50 33 ms, p99 118 ms, p99.9 190 ms", or why there is none.
pub fn latency(l: Option<&Latency>) -> String {
    match l {
        Some(l) => format!(
            "mean {}, p50 {}, p99 {}, p99.9 {}",
            ms(l.mean_ms),
            ms(l.p50_ms),
            ms(l.p99_ms),
            ms(l.p999_ms)
        ),
        None => "none (no entry, or a block on the path is saturated)".into(),
    }
}

/// Columns padded to their widest cell; `left` columns align left, the rest right.
pub(super) fn table<const N: usize>(
    header: &[&str; N],
    rows: &[[String; N]],
    left: &[usize],
) -> String {
    let mut width = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in width.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = " ".repeat(width[i] - c.chars().count());
            if left.contains(&i) {
                let _ = write!(s, "{c}{pad}  ");
            } else {
                let _ = write!(s, "{pad}{c}  ");
            }
        }
        s.trim_end().to_string()
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", line(&header.map(String::from)));
    for row in rows {
        let _ = writeln!(out, "{}", line(row));
    }
    out
}

fn block_table(design: &Design, report: &Report) -> String {
    let header = [
        "block", "kind", "reads/s", "writes/s", "util", "one down", "avail",
    ];
    let mut rows: Vec<[String; 7]> = Vec::new();
    for (b, r) in design.blocks.iter().zip(&report.blocks) {
        let opt = |v: Option<f64>| v.map_or("-".to_string(), grouped);
        let util = |v: Option<f64>| v.map_or("-".to_string(), |u| format!("{u:.2}"));
        rows.push([
            r.id.clone(),
            b.kind.as_str().to_string(),
            opt(r.read_rps),
            opt(r.write_rps),
            util(r.utilization),
            util(r.utilization_one_down),
            percent(r.availability),
        ]);
    }
    table(&header, &rows, &[0, 1])
}

fn findings(report: &Report) -> String {
    if report.findings.is_empty() {
        return "No findings.\n".into();
    }
    let count = |s| report.findings.iter().filter(|f| f.severity == s).count();
    use crate::core::report::Severity::*;
    let mut out = format!(
        "Findings: {} error(s), {} warning(s), {} info\n",
        count(Error),
        count(Warning),
        count(Info)
    );
    for f in &report.findings {
        let _ = writeln!(
            out,
            "  {:<7} {:<26} {}",
            f.severity.as_str(),
            f.rule,
            f.message
        );
    }
    out
}
