//! Capacity (model-2.md §3): storage at retention per store and in all, the
//! busiest blocks' peak bandwidth, and the cost a month and per million
//! requests — each list with a small bar chart on a log scale, since the
//! figures span orders of magnitude. Shown only when a figure exists; the
//! selection is the CLI's (`core::render::capacity`), with a longer list.

use leptos::prelude::*;

use crate::core::model::Design;
use crate::core::render::units;
use crate::core::report::{BlockReport, Report};
use crate::ui::document::use_document;
use crate::ui::evaluation::use_evaluation;

/// How many of the busiest blocks the bandwidth list shows.
const BUSIEST: usize = 5;

/// One row of a list: the block's name, its id when the name is not it, the
/// figure as text, and the value the bar is drawn from.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    name: String,
    id: Option<String>,
    text: String,
    value: f64,
}

/// What the section shows.
#[derive(Clone, Debug, Default, PartialEq)]
struct Figures {
    storage: Vec<Row>,
    total_storage: Option<f64>,
    bandwidth: Vec<Row>,
    cost_month: Option<f64>,
    per_million: Option<f64>,
}

impl Figures {
    fn is_empty(&self) -> bool {
        self.storage.is_empty() && self.bandwidth.is_empty() && self.cost_month.is_none()
    }
}

/// A block's storage: at retention, else a year's growth ("/year").
fn stored(b: &BlockReport) -> Option<(f64, String)> {
    match (b.storage_bytes, b.storage_bytes_per_year) {
        (Some(s), _) => Some((s, units::bytes(s))),
        (None, Some(y)) => Some((y, format!("{}/year", units::bytes(y)))),
        _ => None,
    }
}

fn row(d: &Design, b: &BlockReport, value: f64, text: String) -> Row {
    let name = super::block_label(d, &b.id);
    let id = (name != b.id).then(|| b.id.clone());
    Row {
        name,
        id,
        text,
        value,
    }
}

/// Largest first, ties in document order.
fn largest_first(rows: &mut [Row]) {
    crate::core::sort::sort_by(rows, |a, b| b.value.total_cmp(&a.value));
}

fn figures(d: &Design, r: &Report) -> Figures {
    let mut storage: Vec<Row> = r
        .blocks
        .iter()
        .filter_map(|b| stored(b).map(|(v, t)| row(d, b, v, t)))
        .collect();
    largest_first(&mut storage);
    let mut bandwidth: Vec<Row> = r
        .blocks
        .iter()
        .filter_map(|b| {
            b.bandwidth_bytes_per_s
                .map(|v| row(d, b, v, units::bytes_per_s(v)))
        })
        .collect();
    largest_first(&mut bandwidth);
    bandwidth.truncate(BUSIEST);
    Figures {
        storage,
        total_storage: r.storage_bytes,
        bandwidth,
        cost_month: r.cost_month,
        per_million: r.cost_per_million_requests,
    }
}

/// Bar widths in percent on a log scale: the largest value fills the bar, and
/// the scale reaches one decade below the smallest, so every bar shows.
fn log_widths(values: &[f64]) -> Vec<f64> {
    let positive = values.iter().copied().filter(|v| *v > 0.0 && v.is_finite());
    let hi = positive.clone().fold(f64::NEG_INFINITY, f64::max);
    let lo = positive.fold(f64::INFINITY, f64::min) / 10.0;
    values
        .iter()
        .map(|&v| {
            if !(v > 0.0 && v.is_finite()) {
                0.0
            } else if hi <= lo {
                100.0
            } else {
                ((v.log10() - lo.log10()) / (hi.log10() - lo.log10()) * 100.0).clamp(0.0, 100.0)
            }
        })
        .collect()
}

/// A list of rows, each with its figure as text and a bar (hidden from
/// assistive technology: the number says it).
fn bars(rows: Vec<Row>, label: &'static str, testid: &'static str) -> impl IntoView {
    let widths = log_widths(&rows.iter().map(|r| r.value).collect::<Vec<_>>());
    let items = rows
        .into_iter()
        .zip(widths)
        .map(|(r, w)| {
            view! {
                <li class="cap-row">
                    <span class="cap-name">
                        {r.name}
                        {r.id.map(|id| view! { " " <code class="cap-id">{id}</code> })}
                    </span>
                    <span class="cap-figure num">{r.text}</span>
                    <span class="cap-bar" aria-hidden="true">
                        <span style=format!("width:{w:.1}%")></span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cap-list" aria-label=label data-testid=testid>{items}</ul> }
}

#[component]
pub fn Capacity() -> impl IntoView {
    let doc = use_document();
    let eval = use_evaluation();
    let figs = Memo::new(move |_| eval.report.with(|r| doc.design.with(|d| figures(d, r))));
    move || {
        let f = figs.get();
        if f.is_empty() {
            return None;
        }
        let any_bars = !f.storage.is_empty() || !f.bandwidth.is_empty();
        let storage = (!f.storage.is_empty()).then(|| {
            let total = match f.total_storage {
                Some(s) => format!("{} at retention, all copies", units::bytes(s)),
                None => "kept forever (no retention set)".to_string(),
            };
            view! {
                <h4>"Storage"</h4>
                <p class="cap-total" data-testid="capacity-storage-total">"In all: " {total}</p>
                {bars(f.storage, "Storage per block", "capacity-storage")}
            }
        });
        let bandwidth = (!f.bandwidth.is_empty()).then(|| {
            view! {
                <h4>"Peak bandwidth"</h4>
                {bars(f.bandwidth, "Peak bandwidth of the busiest blocks", "capacity-bandwidth")}
            }
        });
        let cost = f.cost_month.map(|c| {
            view! {
                <h4>"Cost"</h4>
                <p class="cap-cost" data-testid="capacity-cost">
                    {units::money_month(c)}
                    {f.per_million.map(|m| format!("; {} per million requests", units::money(m)))}
                </p>
            }
        });
        Some(view! {
            <section class="capacity" aria-labelledby="capacity-heading" data-testid="capacity">
                <h3 id="capacity-heading">"Capacity"</h3>
                {storage}
                {bandwidth}
                {any_bars.then_some(view! { <p class="sub cap-caption">"Bars on a log scale."</p> })}
                {cost}
            </section>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::log_widths;

    #[test]
    fn log_scale_fills_the_largest_and_keeps_the_smallest_visible() {
        let w = log_widths(&[1e13, 1e9, 0.0]);
        assert_eq!(w[0], 100.0);
        assert!(w[1] > 0.0 && w[1] < 50.0, "{w:?}");
        assert_eq!(w[2], 0.0);
        assert_eq!(log_widths(&[5.0]), vec![100.0]);
    }
}
