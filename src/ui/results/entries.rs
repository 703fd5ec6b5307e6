//! One row per entry: its traffic, availability and latency.

use leptos::prelude::*;

use super::block_label;
use super::table::ResultsTable;
use crate::core::render::units;
use crate::ui::document::use_document;
use crate::ui::evaluation::use_evaluation;

#[component]
pub fn Entries() -> impl IntoView {
    let doc = use_document();
    let eval = use_evaluation();
    let rows = move || {
        eval.report.with(|r| {
            doc.design.with(|d| {
                r.entries
                    .iter()
                    .map(|e| {
                        let latency = match e.latency {
                            Some(l) => view! {
                                <td class="num">{units::ms(l.p50_ms)}</td>
                                <td class="num">{units::ms(l.p99_ms)}</td>
                            }
                            .into_any(),
                            None => view! { <td colspan="2" class="saturated">"saturated"</td> }
                                .into_any(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{block_label(d, &e.block)}</th>
                                <td class="num">{units::grouped(e.rps)}</td>
                                <td class="num">{units::percent(e.availability)}</td>
                                {latency}
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <ResultsTable class="entries" title="Entries" first="Entry" nums=&["req/s", "Availability", "p50", "p99"]>
            {rows}
        </ResultsTable>
    }
}
