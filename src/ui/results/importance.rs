//! "What to improve first" (model-2.md §4.2): the ten blocks and zones whose
//! availability matters most, as bars of what each would add if perfect and
//! cost if down, with a table of the same figures and a one-line reading of the
//! top one. A bar selects its component on the canvas.

use leptos::prelude::*;

use super::node_label;
use crate::core::render::scenarios::percent_pair;
use crate::core::render::units;
use crate::core::report::Importance;
use crate::ui::editor::{use_editor, Editor};
use crate::ui::evaluation::IMPORTANCE_AUTO;
use crate::ui::session::{ItemKind, Selection};

/// How many components the chart ranks.
const TOP: usize = 10;

/// One ranked component as shown.
#[derive(Clone, PartialEq)]
struct Bar {
    id: String,
    name: String,
    zone: bool,
    /// Availability now, if perfect, if down.
    now: f64,
    perfect: f64,
    down: f64,
}

impl Bar {
    fn gain(&self) -> f64 {
        (self.perfect - self.now).max(0.0)
    }

    fn loss(&self) -> f64 {
        (self.now - self.down).max(0.0)
    }
}

#[component]
pub fn ImproveFirst() -> impl IntoView {
    let ed = use_editor();
    let bars = Memo::new(move |_| {
        let now = ed.eval.report.with(|r| r.availability)?;
        let list = ed.eval.importance.get()?;
        Some(ed.doc.design.with(|d| {
            list.iter()
                .take(TOP)
                .map(|imp: &Importance| Bar {
                    id: imp.id.clone(),
                    name: node_label(d, &imp.id),
                    zone: d.zone(&imp.id).is_some(),
                    now,
                    perfect: imp.if_perfect,
                    down: imp.if_down,
                })
                .collect::<Vec<_>>()
        }))
    });
    let large = move || ed.doc.design.with(|d| d.blocks.len() > IMPORTANCE_AUTO);
    let has_entry = move || ed.eval.report.with(|r| r.availability.is_some());
    view! {
        <section class="improve-first" aria-labelledby="improve-heading">
            <h3 id="improve-heading">"What to improve first"</h3>
            {move || match bars.get() {
                _ if !has_entry() => view! { <p class="muted">"No entry yet: nothing to rank."</p> }.into_any(),
                None if large() && !ed.eval.pending.get() => view! {
                    <p class="muted">
                        "On a design this large the ranking takes a moment. "
                        <button on:click=move |_| ed.eval.compute_importance()>"Rank the components"</button>
                    </p>
                }
                .into_any(),
                None => view! { <p class="muted">"Ranking…"</p> }.into_any(),
                Some(bars) if bars.is_empty() => view! { <p class="muted">"Nothing on the request path to rank."</p> }.into_any(),
                Some(bars) => chart(ed, bars).into_any(),
            }}
        </section>
    }
}

fn chart(ed: Editor, bars: Vec<Bar>) -> impl IntoView {
    let top = &bars[0];
    let (from, to) = percent_pair(top.now, top.perfect);
    let reading = if top.perfect > top.now {
        format!(
            "Making '{}' perfect would take availability from {from} to {to}.",
            top.name
        )
    } else {
        format!(
            "No single component would raise availability above {from}; losing '{}' would cost the most.",
            top.name
        )
    };
    // Both bars share one scale: the largest change any component makes.
    let widest = bars
        .iter()
        .map(|b| b.gain().max(b.loss()))
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let width = move |v: f64| format!("width:{:.1}%", (v / widest * 100.0).clamp(0.0, 100.0));
    let rows = bars.clone();
    view! {
        <p class="improve-reading">{reading}</p>
        <ol class="improve-chart" aria-label="Components ranked by how much their availability matters">
            {bars
                .into_iter()
                .map(|b| {
                    let (gain, loss) = (b.gain(), b.loss());
                    let label = format!(
                        "Select {}: {} if perfect, {} if down",
                        b.name,
                        units::percent(b.perfect),
                        units::percent(b.down)
                    );
                    let (id, zone) = (b.id.clone(), b.zone);
                    view! {
                        <li>
                            <button class="improve-bar" aria-label=label on:click=move |_| select(ed, &id, zone)>
                                <span class="improve-name">{b.name.clone()}</span>
                                <span class="improve-bars" aria-hidden="true">
                                    <span class="bar gain" style=width(gain)></span>
                                    <span class="bar loss" style=width(loss)></span>
                                </span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <p class="improve-key">
            <span class="key gain" aria-hidden="true"></span>" gain if perfect "
            <span class="key loss" aria-hidden="true"></span>" loss if down"
        </p>
        <table class="improve-table">
            <caption class="visually-hidden">"What to improve first, as figures"</caption>
            <thead>
                <tr>
                    <th scope="col">"Component"</th>
                    <th scope="col" class="num">"If perfect"</th>
                    <th scope="col" class="num">"If down"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|b| view! {
                        <tr>
                            <th scope="row">{b.name.clone()}</th>
                            <td class="num">{units::percent(b.perfect)}</td>
                            <td class="num">{units::percent(b.down)}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Select a ranked block or zone and bring it into view.
fn select(ed: Editor, id: &str, zone: bool) {
    let kind = if zone {
        ItemKind::Zone
    } else {
        ItemKind::Block
    };
    ed.session.selection.set(Selection::only(kind, id));
    let blocks: Vec<String> = if zone {
        ed.doc.design.with_untracked(|d| {
            d.blocks
                .iter()
                .filter(|b| b.zone.as_deref() == Some(id))
                .map(|b| b.id.clone())
                .collect()
        })
    } else {
        vec![id.to_string()]
    };
    ed.show(&blocks, &[]);
}
