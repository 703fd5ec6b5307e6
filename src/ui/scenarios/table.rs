//! The Scenarios part of the results: one row a saved scenario with its
//! availability, p99 and headroom against its targets, updated with the
//! report. A row's name applies it on the canvas; its buttons edit, move and
//! delete it (each one undo step).

use leptos::prelude::*;

use super::{applied, apply, set_all, summary, Editing, ScenarioEditing};
use crate::core::model::Scenario;
use crate::core::render::scenarios::scenario_targets;
use crate::core::render::units;
use crate::core::report::ScenarioReport;
use crate::ui::browser;
use crate::ui::editor::{use_editor, Editor};
use crate::ui::results::verdict;

/// One row as shown: the scenario, what it changes, and its figures when the
/// report has them.
#[derive(Clone, PartialEq)]
struct Row {
    at: usize,
    of: usize,
    scenario: Scenario,
    what: String,
    targets: (Option<f64>, Option<f64>),
    figures: Option<ScenarioReport>,
}

#[component]
pub fn Scenarios() -> impl IntoView {
    let ed = use_editor();
    let editing = expect_context::<ScenarioEditing>().0;
    let rows = Memo::new(move |_| {
        ed.doc.design.with(|d| {
            ed.eval.report.with(|r| {
                let of = d.scenarios.len();
                d.scenarios
                    .iter()
                    .enumerate()
                    .map(|(at, s)| Row {
                        at,
                        of,
                        scenario: s.clone(),
                        what: summary(d, s.scale, &s.fail),
                        targets: scenario_targets(d, s),
                        figures: r.scenarios.iter().find(|x| x.id == s.id).cloned(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let on_screen = Memo::new(move |_| {
        ed.doc.design.with(|d| {
            ed.session
                .whatif
                .with(|w| applied(d, w).map(|s| s.id.clone()))
        })
    });
    view! {
        <section class="scenarios" aria-labelledby="scenarios-heading">
            <h3 id="scenarios-heading" class="scenarios-heading-anchor" tabindex="-1">"Scenarios"</h3>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <p class="muted">
                        "No saved scenarios. Set a what-if above (traffic, failed blocks) and press “Save as scenario”."
                    </p>
                }
            >
                <ul class="scenario-list">
                    <For
                        each=move || rows.get()
                        key=|row| format!("{:?}|{:?}|{}|{}", row.scenario, row.figures, row.at, row.of)
                        children=move |row| row_view(ed, editing, row, on_screen)
                    />
                </ul>
            </Show>
        </section>
    }
}

fn row_view(
    ed: Editor,
    editing: RwSignal<Option<Editing>>,
    row: Row,
    on_screen: Memo<Option<String>>,
) -> impl IntoView {
    let id = StoredValue::new(row.scenario.id.clone());
    let name = row.scenario.name.clone();
    let is_on = move || on_screen.with(|o| id.with_value(|id| o.as_deref() == Some(id.as_str())));
    let f = row.figures.clone();
    let availability = f
        .as_ref()
        .and_then(|f| f.availability)
        .map_or("…".to_string(), units::percent);
    let p99 = match &f {
        Some(f) => f.latency.map_or("—".to_string(), |l| units::ms(l.p99_ms)),
        None => "…".to_string(),
    };
    let headroom = match &f {
        Some(f) => f
            .max_scale
            .map_or("unlimited".to_string(), |m| format!("×{}", units::sig(m))),
        None => "…".to_string(),
    };
    let (ta, tp) = row.targets;
    let verdicts = f.as_ref().map(|f| {
        let mut out = Vec::new();
        if let (Some(ok), Some(t)) = (f.meets_availability, ta) {
            out.push((ok, format!("availability {}", units::percent(t))));
        }
        if let (Some(ok), Some(t)) = (f.meets_p99, tp) {
            out.push((ok, format!("p99 {}", units::ms(t))));
        }
        out
    });
    let fails = verdicts
        .as_ref()
        .is_some_and(|v| v.iter().any(|(ok, _)| !ok));
    let (at, of) = (row.at, row.of);
    let apply_label = format!("Apply scenario {name}");
    let edit_label = format!("Edit scenario {name}");
    let up_label = format!("Move scenario {name} up");
    let down_label = format!("Move scenario {name} down");
    let delete_label = format!("Delete scenario {name}");
    view! {
        <li class="scenario-row" class:applied=is_on class:misses=fails>
            <div class="scenario-head">
                <button
                    class="link-button scenario-apply"
                    aria-label=apply_label
                    aria-pressed=move || is_on().to_string()
                    title="Show this scenario on the canvas"
                    on:click=move |_| {
                        id.with_value(|id| ed.doc.design.with_untracked(|d| apply(d, ed.session, id)));
                    }
                >
                    {name.clone()}
                </button>
                <span class="scenario-what">{row.what.clone()}</span>
            </div>
            <dl class="scenario-figures">
                <div><dt>"Availability"</dt><dd>{availability}</dd></div>
                <div><dt>"p99"</dt><dd>{p99}</dd></div>
                <div><dt>"Headroom"</dt><dd>{headroom}</dd></div>
            </dl>
            <div class="scenario-verdicts">
                {match verdicts {
                    None => view! { <span class="muted">"Updating…"</span> }.into_any(),
                    Some(v) if v.is_empty() => view! { <span class="muted">"No targets"</span> }.into_any(),
                    Some(v) => v
                        .into_iter()
                        .map(|(ok, what)| verdict(ok, what))
                        .collect_view()
                        .into_any(),
                }}
            </div>
            <div class="scenario-actions" hidden=move || ed.doc.read_only.get()>
                <button aria-label=edit_label title="Rename, change its traffic, failures or targets"
                    on:click=move |_| editing.set(Some(Editing::Saved(id.get_value())))>
                    "Edit"
                </button>
                <button aria-label=up_label title="Move up" disabled={at == 0}
                    on:click=move |_| move_by(ed, at, -1)>
                    "↑"
                </button>
                <button aria-label=down_label title="Move down" disabled={at + 1 >= of}
                    on:click=move |_| move_by(ed, at, 1)>
                    "↓"
                </button>
                <button aria-label=delete_label title="Delete (undo brings it back)"
                    on:click=move |_| delete(ed, &id.get_value())>
                    "Delete"
                </button>
            </div>
        </li>
    }
}

/// Move the scenario at `at` one place up (`-1`) or down (`1`).
fn move_by(ed: Editor, at: usize, by: isize) {
    let mut list = ed.doc.design.with_untracked(|d| d.scenarios.clone());
    let Some(to) = at.checked_add_signed(by).filter(|t| *t < list.len()) else {
        return;
    };
    list.swap(at, to);
    let name = list[to].name.clone();
    if set_all(ed, list) {
        // The row moved: keep the keyboard on the same button of it.
        let which = if by < 0 { "up" } else { "down" };
        request_animation_frame(move || {
            browser::focus(&format!(
                ".scenario-actions button[aria-label=\"Move scenario {} {which}\"]",
                name.replace('"', "\\\"")
            ))
        });
    }
}

fn delete(ed: Editor, id: &str) {
    let mut list = ed.doc.design.with_untracked(|d| d.scenarios.clone());
    let Some(gone) = list.iter().position(|s| s.id == id) else {
        return;
    };
    let name = list.remove(gone).name;
    if set_all(ed, list) {
        ed.chrome.notice.set(Some(format!(
            "Scenario '{name}' deleted. Undo (Ctrl+Z) brings it back."
        )));
        browser::focus("#scenarios-heading");
    }
}
