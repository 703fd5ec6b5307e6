//! Stress (model-2.md §2): the links whose calls fail by timing out (at
//! least one in a million), worst first, and under a what-if traffic scale where a retry storm begins.

use leptos::prelude::*;

use super::link_label;
use crate::core::render::units;
use crate::ui::document::use_document;
use crate::ui::evaluation::use_evaluation;
use crate::ui::stress::share;

/// How many links the list shows.
const SHOWN: usize = 5;

/// Above this many blocks, where a retry storm begins is found on request.
const AUTO_STORM_BLOCKS: usize = 200;

/// Links failing fewer calls than one in a million are left out: a figure
/// like 1e-19 is rounding, not a finding.
const NOTICEABLE: f64 = 1e-6;

#[component]
pub fn Stress() -> impl IntoView {
    let doc = use_document();
    let eval = use_evaluation();
    // The links failing calls by timeout, worst first: (label, share of calls).
    let failing = Memo::new(move |_| {
        eval.report.with(|r| {
            let mut links: Vec<_> = r
                .links
                .iter()
                .filter(|l| l.timeout_failure >= NOTICEABLE && l.rps.is_some_and(|f| f > 0.0))
                .map(|l| (l.id.clone(), l.timeout_failure))
                .collect();
            crate::core::sort::sort_by(&mut links, |a, b| b.1.total_cmp(&a.1));
            links.truncate(SHOWN);
            doc.design.with(|d| {
                links
                    .into_iter()
                    .map(|(id, f)| (link_label(d, &id), f))
                    .collect::<Vec<_>>()
            })
        })
    });
    // Runs the load some fifteen times: only under a what-if scale, once per
    // evaluated design. Spec choice: on a design of more than
    // `AUTO_STORM_BLOCKS` blocks that costs far more than a frame, so the
    // search waits for the reviewer to ask (a button), and is asked again
    // after each new report: moving the traffic slider never runs it.
    let asked = RwSignal::new(false);
    Effect::new(move |_| {
        eval.report.track();
        asked.set(false);
    });
    let small = Memo::new(move |_| doc.design.with(|d| d.blocks.len() <= AUTO_STORM_BLOCKS));
    let storm = Memo::new(move |_| (small.get() || asked.get()).then(|| eval.storm_scale()));
    let scaled = Memo::new(move |_| eval.scaled());
    let storm_line = move || {
        if !scaled.get() {
            return None;
        }
        let retried = doc.design.with(|d| {
            d.links
                .iter()
                .any(|l| l.is_sync() && l.retries > 0 && l.timeout_ms.is_some())
        });
        if !retried {
            return None;
        }
        let text = match storm.get() {
            Some(Some(s)) => format!("Retry storm from ×{} today’s traffic", units::sig(s)),
            Some(None) => "No retry storm up to ×1000 today’s traffic".to_string(),
            None => {
                return Some(
                    view! {
                        <p class="storm-line">
                            <button type="button" data-testid="find-storm" on:click=move |_| asked.set(true)>
                                "Find where a retry storm begins"
                            </button>
                        </p>
                    }
                    .into_any(),
                )
            }
        };
        Some(view! { <p class="storm-line" data-testid="storm-scale">{text}</p> }.into_any())
    };
    let shown = move || failing.with(|f| !f.is_empty()) || storm_line().is_some();

    move || {
        shown().then(|| {
            view! {
                <section class="stress" aria-labelledby="stress-heading">
                    <h3 id="stress-heading">"Timeouts and retries"</h3>
                    <ul class="timeout-failures" data-testid="timeout-failures">
                        {move || {
                            failing
                                .get()
                                .into_iter()
                                .map(|(name, f)| {
                                    view! {
                                        <li>{format!("Timeouts fail {} of calls over “{name}”", share(f))}</li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                    {storm_line}
                </section>
            }
        })
    }
}
