//! The worksheet's figures for people (model-2.md §3): the "Capacity" lines of
//! `envelope eval` and the Capacity table of `--markdown`. Nothing is printed
//! when no block has `record_bytes`, `payload_bytes` on a link or `cost_month`.

use std::fmt::Write;

use super::units::{bytes, bytes_per_s, money, money_month};
use crate::core::report::{BlockReport, Report};

/// How many of the largest stores and busiest blocks are named.
const TOP: usize = 3;

/// A block's storage as shown: at retention, else a year's growth.
fn stored(b: &BlockReport) -> Option<(f64, bool)> {
    b.storage_bytes
        .map(|s| (s, true))
        .or(b.storage_bytes_per_year.map(|s| (s, false)))
}

fn show_stored((s, steady): (f64, bool)) -> String {
    if steady {
        bytes(s)
    } else {
        format!("{}/year", bytes(s))
    }
}

/// The `TOP` blocks with the largest `key`, largest first (ties in document order).
fn top(report: &Report, key: impl Fn(&BlockReport) -> Option<f64>) -> Vec<(&BlockReport, f64)> {
    let mut v: Vec<(&BlockReport, f64)> = report
        .blocks
        .iter()
        .filter_map(|b| key(b).map(|k| (b, k)))
        .collect();
    crate::core::sort::sort_by(&mut v, |x, y| y.1.total_cmp(&x.1));
    v.truncate(TOP);
    v
}

/// The summary's Capacity lines (empty when nothing feeds them).
pub fn lines(report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let stores = top(report, |b| stored(b).map(|s| s.0));
    if !stores.is_empty() {
        let total = match report.storage_bytes {
            Some(s) => format!("{} at retention, all copies", bytes(s)),
            None => "kept forever".into(),
        };
        let named: Vec<String> = stores
            .iter()
            .map(|(b, _)| format!("'{}' {}", b.id, show_stored(stored(b).unwrap())))
            .collect();
        out.push(format!("storage {total}; largest {}", named.join(", ")));
    }
    let busy = top(report, |b| b.bandwidth_bytes_per_s);
    if !busy.is_empty() {
        let named: Vec<String> = busy
            .iter()
            .map(|(b, v)| format!("'{}' {}", b.id, bytes_per_s(*v)))
            .collect();
        out.push(format!("peak bandwidth {}", named.join(", ")));
    }
    if let Some(c) = report.cost_month {
        let mut line = format!("cost {}", money_month(c));
        if let Some(m) = report.cost_per_million_requests {
            let _ = write!(line, ", {} per million requests", money(m));
        }
        out.push(line);
    }
    out.into_iter()
        .enumerate()
        .map(|(i, l)| {
            let head = if i == 0 { "Capacity" } else { "" };
            format!("{head:<14}{l}")
        })
        .collect()
}

/// The Markdown Capacity table: one row per block with a figure, then the
/// totals (empty when nothing feeds it).
pub fn markdown(report: &Report) -> String {
    let rows: Vec<&BlockReport> = report
        .blocks
        .iter()
        .filter(|b| {
            stored(b).is_some() || b.bandwidth_bytes_per_s.is_some() || b.cost_month.is_some()
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "### Capacity\n\n| Block | Storage | Peak bandwidth | Cost a month |\n|---|---|---|---|\n",
    );
    let dash = || "–".to_string();
    for b in rows {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            b.id,
            stored(b).map_or_else(dash, show_stored),
            b.bandwidth_bytes_per_s.map_or_else(dash, bytes_per_s),
            b.cost_month.map_or_else(dash, money),
        );
    }
    let total_cost = match (report.cost_month, report.cost_per_million_requests) {
        (Some(c), Some(m)) => format!("{} ({} per million requests)", money(c), money(m)),
        (Some(c), None) => money(c),
        _ => dash(),
    };
    let _ = writeln!(
        out,
        "| **Total** | {} | | {total_cost} |\n",
        report.storage_bytes.map_or_else(dash, bytes)
    );
    out
}
