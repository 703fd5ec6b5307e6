//! Hot spots: the busiest blocks, by utilization, and how busy they get with
//! one instance down.

use leptos::prelude::*;

use super::block_label;
use super::table::ResultsTable;
use crate::core::render::units;
use crate::ui::editor::use_editor;

/// How many blocks the list shows.
const SHOWN: usize = 5;

#[component]
pub fn HotSpots() -> impl IntoView {
    let ed = use_editor();
    let rows = move || {
        ed.eval.report.with(|r| {
            let mut busy: Vec<_> = r
                .blocks
                .iter()
                .filter_map(|b| b.utilization.map(|u| (u, b)))
                .filter(|(u, _)| *u > 0.0)
                .collect();
            crate::core::sort::sort_by(&mut busy, |a, b| b.0.total_cmp(&a.0));
            busy.truncate(SHOWN);
            ed.doc.design.with(|d| {
                busy.into_iter()
                    .map(|(u, b)| {
                        let id = b.id.clone();
                        let name = block_label(d, &b.id);
                        let one_down = b
                            .utilization_one_down
                            .map_or_else(|| "—".to_string(), percent0);
                        let hot = u >= 0.8;
                        view! {
                            <tr class:hot=hot>
                                <th scope="row">
                                    <button
                                        class="link-button"
                                        aria-label=format!("Show {name} on the canvas")
                                        on:click=move |_| {
                                            ed.session.selection.set(crate::ui::session::Selection::only(
                                                crate::ui::session::ItemKind::Block,
                                                &id,
                                            ));
                                            ed.show(std::slice::from_ref(&id), &[]);
                                        }
                                    >
                                        {name.clone()}
                                    </button>
                                </th>
                                <td class="num">
                                    <span class="meter" aria-hidden="true">
                                        <span style=format!("width:{}%", (u.min(1.0) * 100.0).max(0.0))></span>
                                    </span>
                                    {percent0(u)}
                                    {hot.then(|| view! { <span class="hot-mark">" (hot)"</span> })}
                                </td>
                                <td class="num">{one_down}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let any = move || {
        ed.eval.report.with(|r| {
            r.blocks
                .iter()
                .any(|b| b.utilization.is_some_and(|u| u > 0.0))
        })
    };
    view! {
        <Show when=any>
            <ResultsTable class="hotspots" title="Hot spots" first="Block" nums=&["Utilization", "One instance down"]>
                {rows}
            </ResultsTable>
        </Show>
    }
}

/// A utilization as a whole percentage ("83%"), or "overloaded" past 100%.
fn percent0(u: f64) -> String {
    if u >= 1.0 {
        format!("{}% (overloaded)", units::sig(u * 100.0))
    } else {
        format!("{}%", units::sig(u * 100.0))
    }
}
