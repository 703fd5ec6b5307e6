//! The latency budget: where the mean time of a request goes, as a stacked bar
//! drawn against the p99 target and as a table.

use leptos::prelude::*;

use super::{block_label, link_label};
use crate::core::model::Design;
use crate::core::render::units;
use crate::core::report::BudgetItem;
use crate::ui::document::use_document;
use crate::ui::evaluation::use_evaluation;

/// Items below this share of the total are grouped as "other".
const SMALL_SHARE: f64 = 0.03;

/// One line of the budget as shown.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    name: String,
    kind: &'static str,
    ms: f64,
    share: f64,
    parallel: bool,
}

/// Largest first; small items folded into one "other" line at the end.
fn lines(d: &Design, items: &[BudgetItem]) -> (Vec<Line>, f64) {
    let total: f64 = items.iter().map(|i| i.mean_ms.max(0.0)).sum();
    let mut sorted: Vec<&BudgetItem> = items.iter().filter(|i| i.mean_ms > 0.0).collect();
    crate::core::sort::sort_by(&mut sorted, |a, b| b.mean_ms.total_cmp(&a.mean_ms));
    let share = |ms: f64| if total > 0.0 { ms / total } else { 0.0 };
    let (big, small): (Vec<&BudgetItem>, Vec<&BudgetItem>) = sorted
        .into_iter()
        .partition(|i| share(i.mean_ms) >= SMALL_SHARE);
    let line = |i: &BudgetItem| Line {
        name: if i.kind == "link" {
            link_label(d, &i.id)
        } else {
            block_label(d, &i.id)
        },
        kind: i.kind,
        ms: i.mean_ms,
        share: share(i.mean_ms),
        parallel: i.parallel,
    };
    let mut out: Vec<Line> = big.iter().map(|i| line(i)).collect();
    match small.as_slice() {
        [] => {}
        [one] => out.push(line(one)),
        many => {
            let ms: f64 = many.iter().map(|i| i.mean_ms).sum();
            out.push(Line {
                name: format!("Other ({} items)", many.len()),
                kind: "other",
                ms,
                share: share(ms),
                parallel: many.iter().all(|i| i.parallel),
            });
        }
    }
    (out, total)
}

#[component]
pub fn Budget() -> impl IntoView {
    let doc = use_document();
    let eval = use_evaluation();
    let body = move || {
        let target = doc.design.with(|d| d.targets.p99_ms);
        let (lines, total, mean) = eval.report.with(|r| {
            let (l, t) = doc.design.with(|d| lines(d, &r.budget));
            (l, t, r.latency.map(|l| l.mean_ms))
        });
        if lines.is_empty() {
            let why = if mean.is_some() {
                "Every block and link takes 0 ms: write latencies on them to see where time goes."
            } else {
                "No latency to break down: it needs an entry, and no saturated block on the way."
            };
            return view! { <p class="muted">{why}</p> }.into_any();
        }
        // The bar's scale: the longer of the sum and the target, with room to spare.
        let scale = total.max(target.unwrap_or(0.0)) * 1.05;
        let pct = |ms: f64| if scale > 0.0 { ms / scale * 100.0 } else { 0.0 };
        let summary = format!(
            "Mean time per request {}{}",
            units::ms(total),
            target.map_or(String::new(), |t| format!(
                ", against a p99 target of {}",
                units::ms(t)
            )),
        );
        let segments = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let label = format!(
                    "{}: {} ({}%)",
                    l.name,
                    units::ms(l.ms),
                    units::sig(l.share * 100.0)
                );
                view! {
                    <div
                        class=format!("segment c{}", if l.kind == "other" { 9 } else { i % 8 })
                        class:parallel=l.parallel
                        style=format!("width:{:.3}%", pct(l.ms))
                        title=label
                    >
                        <span>{l.name.clone()}</span>
                    </div>
                }
            })
            .collect_view();
        let marker = target.map(|t| {
            view! {
                <div class="target-marker" style=format!("left:{:.3}%", pct(t))>
                    <span>{format!("p99 target {}", units::ms(t))}</span>
                </div>
            }
        });
        let rows = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let kind = match l.kind {
                    "link" => "link",
                    "block" => "block",
                    _ => "",
                };
                view! {
                    <tr>
                        <th scope="row">
                            <span
                                class=format!("swatch c{}", if l.kind == "other" { 9 } else { i % 8 })
                                aria-hidden="true"
                            ></span>
                            {l.name.clone()}
                            {(!kind.is_empty()).then(|| view! { <span class="kind">{format!(" ({kind})")}</span> })}
                        </th>
                        <td class="num">{units::ms(l.ms)}</td>
                        <td class="num">{format!("{}%", units::sig(l.share * 100.0))}</td>
                        <td>{if l.parallel { "in parallel" } else { "" }}</td>
                    </tr>
                }
            })
            .collect_view();
        let over = target.is_some_and(|t| total > t);
        view! {
            <div class="budget-bar" role="img" aria-label=summary.clone()>
                <div class="segments">{segments}</div>
                {marker}
            </div>
            <p class="sub">
                {summary}
                {over.then_some(" — the mean alone is over the p99 target.")}
            </p>
            <table class="results-table">
                <caption class="visually-hidden">"Latency budget"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Component"</th>
                        <th scope="col" class="num">"Mean"</th>
                        <th scope="col" class="num">"Share"</th>
                        <th scope="col">"Parallel"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="budget" aria-labelledby="budget-heading">
            <h3 id="budget-heading">"Latency budget"</h3>
            {body}
        </section>
    }
}
