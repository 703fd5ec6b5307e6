//! The results panel: what the core's report says about the design on screen —
//! headline figures, entries, hot spots, the latency budget, capacity, the
//! saved scenarios, what to improve first and the findings.
//! Nothing here computes a figure; it only shows `Editor::report`.

mod block_findings;
mod budget;
mod capacity;
mod entries;
mod finding;
mod findings;
mod headline;
mod hotspots;
mod importance;
mod stress;
mod table;

use leptos::prelude::*;

pub use block_findings::BlockFindings;
pub(crate) use headline::verdict;

use super::browser;
use crate::core::model::Design;
use crate::ui::document::use_document;
use crate::ui::evaluation::use_evaluation;
use crate::ui::session::use_session;
use budget::Budget;
use capacity::Capacity;
use entries::Entries;
use findings::Findings;
use headline::Headline;
use hotspots::HotSpots;
use importance::ImproveFirst;
use stress::Stress;

#[component]
pub fn Results(
    /// Whether the panel is expanded; `App`'s `<section class="results">`
    /// around this panel shows it.
    open: RwSignal<bool>,
) -> impl IntoView {
    let eval = use_evaluation();
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        // The canvas grows or shrinks: let it measure itself once laid out.
        request_animation_frame(browser::notify_resize);
    };
    let has_entry = move || eval.report.with(|r| r.availability.is_some());

    view! {
            <header class="results-bar">
                <h2 id="results-heading">"Results"</h2>
                <span class="updating" role="status" aria-live="polite">
                    {move || eval.pending.get().then_some("Updating…")}
                </span>
                <WhatIfNote />
                <button
                    class="results-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="results-body"
                    on:click=toggle
                >
                    {move || if open.get() { "Hide results" } else { "Show results" }}
                </button>
            </header>
            // Each column scrolls on its own, so each takes keyboard focus (a
            // column may hold nothing focusable to scroll it by) and has a name.
            <div id="results-body" class="results-body" hidden=move || !open.get()>
                <div class="results-col" role="group" tabindex="0" aria-label="Headline figures">
                    <Headline />
                    <Show when=has_entry>
                        <Entries />
                        <HotSpots />
                        <Stress />
                    </Show>
                </div>
                <div class="results-col" role="group" tabindex="0" aria-label="Latency budget and capacity">
                    <Budget />
                    <Capacity />
                </div>
                <div class="results-col" role="group" tabindex="0" aria-label="Scenarios and what to improve first">
                    <crate::ui::scenarios::Scenarios />
                    <ImproveFirst />
                </div>
                <div class="results-col" role="group" tabindex="0" aria-label="Findings">
                    <Findings />
                </div>
            </div>
    }
}

/// Says when the figures are for a what-if scenario rather than the design as
/// drawn.
#[component]
fn WhatIfNote() -> impl IntoView {
    let doc = use_document();
    let session = use_session();
    move || {
        session.whatif.with(|w| {
            if w.is_plain() {
                return None;
            }
            let mut parts = Vec::new();
            if w.scale != 1.0 {
                parts.push(format!("traffic ×{}", crate::core::render::units::sig(w.scale)));
            }
            if !w.fail.is_empty() {
                let names = doc.design.with(|d| {
                    w.fail
                        .iter()
                        .map(|id| node_label(d, id))
                        .collect::<Vec<_>>()
                        .join(", ")
                });
                parts.push(format!("down: {names}"));
            }
            Some(view! {
                <span class="whatif-note">{format!("What-if scenario — {}", parts.join("; "))}</span>
            })
        })
    }
}

/// A block's label as the canvas shows it, or the id when it is gone.
pub(crate) fn block_label(d: &Design, id: &str) -> String {
    d.block(id)
        .map_or_else(|| id.to_string(), |b| b.display_label().to_string())
}

/// A block's or zone's name.
pub(crate) fn node_label(d: &Design, id: &str) -> String {
    match d.zone(id) {
        Some(z) if !z.label.is_empty() => z.label.clone(),
        _ => block_label(d, id),
    }
}

/// A link's label, else "caller → callee".
pub(crate) fn link_label(d: &Design, id: &str) -> String {
    match d.link(id) {
        Some(l) if !l.label.is_empty() => l.label.clone(),
        Some(l) => format!("{} → {}", block_label(d, &l.from), block_label(d, &l.to)),
        None => id.to_string(),
    }
}
