//! The report as Markdown, to paste into a design doc ("Copy report",
//! `envelope eval --markdown`).

use std::fmt::Write;

use super::text::latency;
use super::units::{downtime, grouped, ms, nines, percent, sig};
use crate::core::model::Design;
use crate::core::report::{Report, Severity};

/// The reason a finding was accepted with, if it was (a design review decision
/// kept in the document; the report itself only lists findings).
pub type Accepted<'a> = &'a dyn Fn(&crate::core::report::Finding) -> Option<String>;

/// The report as Markdown with the reasons the design itself records for its
/// accepted findings (`accepted`): what "Copy report" and `envelope eval
/// --markdown` both print.
pub fn for_design(design: &Design, report: &Report) -> String {
    markdown(design, report, &|f| {
        design
            .acceptance(f.rule, &f.blocks, &f.links)
            .map(|a| a.reason.clone())
    })
}

pub fn markdown(design: &Design, report: &Report, accepted: Accepted) -> String {
    let mut out = String::new();
    let title = if design.title.is_empty() {
        "Untitled design"
    } else {
        &design.title
    };
    let _ = writeln!(out, "## {}\n", escape(title));
    let _ = writeln!(out, "| Figure | Value | Target |\n|---|---|---|");
    let avail = report.availability.map_or("no entry".to_string(), |a| {
        format!(
            "{} ({:.2} nines; downtime {})",
            percent(a),
            nines(a).min(99.0),
            downtime(a)
        )
    });
    let avail_target = match (design.targets.availability, report.availability) {
        (Some(t), Some(a)) => format!("{} {}", percent(t), pass(a >= t)),
        (Some(t), None) => format!("{} {}", percent(t), pass(false)),
        _ => "–".into(),
    };
    let _ = writeln!(out, "| Availability | {avail} | {avail_target} |");
    if let Some([lo, hi]) = report.availability_interval {
        let _ = writeln!(
            out,
            "| Availability 95% interval (Monte Carlo) | {} – {} | |",
            percent(lo),
            percent(hi)
        );
    }
    let p99_target = match design.targets.p99_ms {
        Some(t) => format!(
            "p99 {} {}",
            ms(t),
            pass(report.latency.is_some_and(|l| l.p99_ms <= t))
        ),
        None => "–".into(),
    };
    let _ = writeln!(
        out,
        "| Latency | {} | {p99_target} |",
        latency(report.latency.as_ref())
    );
    let scale = match (report.max_scale, &report.bottleneck) {
        (Some(s), Some(b)) => format!("×{} today's traffic; `{b}` saturates first", sig(s)),
        _ => "unlimited (no capacities given)".into(),
    };
    let _ = writeln!(out, "| Max scale | {scale} | |\n");
    out.push_str(&diagram(design, report));

    if !report.entries.is_empty() {
        let _ = writeln!(
            out,
            "### Entries\n\n| Entry | Traffic | Availability | p50 | p99 |\n|---|---|---|---|---|"
        );
        for e in &report.entries {
            let (p50, p99) = e.latency.map_or(("–".into(), "–".into()), |l| {
                (ms(l.p50_ms), ms(l.p99_ms))
            });
            let _ = writeln!(
                out,
                "| `{}` | {} req/s | {} | {p50} | {p99} |",
                e.block,
                grouped(e.rps),
                percent(e.availability)
            );
        }
        let _ = writeln!(out);
    }

    if !report.budget.is_empty() {
        let _ = writeln!(
            out,
            "### Latency budget (mean per request)\n\n| Where | Time | |\n|---|---|---|"
        );
        for item in &report.budget {
            let _ = writeln!(
                out,
                "| {} `{}` | {} | {} |",
                item.kind,
                item.id,
                ms(item.mean_ms),
                if item.parallel { "in parallel" } else { "" }
            );
        }
        let _ = writeln!(out);
    }

    out.push_str(&scenarios(design, report));
    out.push_str(&improve_first(report));
    out.push_str(&super::capacity::markdown(report));

    let _ = writeln!(out, "### Findings\n");
    if report.findings.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for f in &report.findings {
        let sev = match f.severity {
            Severity::Error => "**error**",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let _ = write!(out, "- {sev} `{}`: {}", f.rule, escape(&f.message));
        if let Some(reason) = accepted(f) {
            let _ = write!(out, " — *accepted: {}*", escape(&reason));
        }
        let _ = writeln!(out);
    }
    out
}

/// Designs larger than this are not drawn in the report (Mermaid draws a few
/// hundred nodes legibly, and the report stays short to paste).
pub const DIAGRAM_MAX_BLOCKS: usize = 300;

/// "### Diagram": the design as a Mermaid flowchart with each block's key
/// numbers, in a fenced block that GitHub and many Markdown tools draw.
///
/// Spec choice: a design of more than [`DIAGRAM_MAX_BLOCKS`] blocks gets a
/// line pointing to `envelope export --mermaid` instead.
fn diagram(design: &Design, report: &Report) -> String {
    if design.blocks.is_empty() {
        return String::new();
    }
    if design.blocks.len() > DIAGRAM_MAX_BLOCKS {
        return format!(
            "### Diagram\n\n{} blocks are more than a diagram here shows ({DIAGRAM_MAX_BLOCKS} at most); `envelope export --mermaid` writes it.\n\n",
            design.blocks.len()
        );
    }
    format!(
        "### Diagram\n\n```mermaid\n{}```\n\n",
        crate::core::mermaid::export(design, Some(report))
    )
}

/// "### Scenarios": one row a scenario with each target met or missed.
fn scenarios(design: &Design, report: &Report) -> String {
    if design.scenarios.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "### Scenarios\n\n| Scenario | Scale | Down | Availability | p99 | Max scale | Availability target | p99 target |\n|---|---|---|---|---|---|---|---|\n",
    );
    for (s, r) in design.scenarios.iter().zip(&report.scenarios) {
        let (ta, tp) = super::text::scenario_targets(design, s);
        let target = |ok: Option<bool>, what: Option<String>| match (ok, what) {
            (Some(ok), Some(w)) => format!("{w} {}", pass(ok)),
            _ => "–".to_string(),
        };
        let down = if s.fail.is_empty() {
            "–".to_string()
        } else {
            s.fail
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "| {} | ×{} | {down} | {} | {} | {} | {} | {} |",
            escape(&s.name),
            sig(s.scale),
            r.availability.map_or("–".to_string(), percent),
            r.latency.map_or("–".to_string(), |l| ms(l.p99_ms)),
            match (r.max_scale, &r.bottleneck) {
                (Some(m), Some(b)) => format!("×{} (`{b}`)", sig(m)),
                (Some(m), None) => format!("×{}", sig(m)),
                _ => "unlimited".to_string(),
            },
            target(r.meets_availability, ta.map(percent)),
            target(r.meets_p99, tp.map(|t| format!("p99 {}", ms(t)))),
        );
    }
    out.push('\n');
    out
}

/// "### Improve first": the five most important blocks and zones.
fn improve_first(report: &Report) -> String {
    let Some(now) = report.availability else {
        return String::new();
    };
    if report.importance.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "### Improve first\n\n| Block or zone | Availability now | If perfect | If down |\n|---|---|---|---|\n",
    );
    for imp in report
        .importance
        .iter()
        .take(super::scenarios::IMPROVE_FIRST)
    {
        let (a, b) = super::text::percent_pair(now, imp.if_perfect);
        let _ = writeln!(
            out,
            "| `{}` | {a} | {b} | {} |",
            imp.id,
            percent(imp.if_down)
        );
    }
    out.push('\n');
    out
}

fn pass(ok: bool) -> &'static str {
    if ok {
        "✅ met"
    } else {
        "❌ missed"
    }
}

/// Keep user text from breaking the table or the Markdown around it.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace(['\n', '\r'], " ")
}
