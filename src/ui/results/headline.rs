//! The headline figures: availability, latency quantiles and headroom, each
//! against the design's targets.

use leptos::prelude::*;

use super::block_label;
use crate::core::render::units;
use crate::core::report::{Method, Report};
use crate::ui::document::use_document;
use crate::ui::evaluation::use_evaluation;

#[component]
pub fn Headline() -> impl IntoView {
    let doc = use_document();
    let eval = use_evaluation();
    let targets = Memo::new(move |_| doc.design.with(|d| d.targets.clone()));
    move || {
        let targets = targets.get();
        eval.report.with(|r| {
            if r.availability.is_none() {
                return view! {
                    <section class="headline" aria-labelledby="headline-heading">
                        <h3 id="headline-heading">"Overview"</h3>
                        <p class="no-entry">
                            "No numbers yet: give a block requests per second (its "
                            <strong>"rps"</strong>
                            ") to make it an entry, and connect what it calls."
                        </p>
                    </section>
                }
                .into_any();
            }
            let bottleneck = doc
                .design
                .with(|d| r.bottleneck.as_deref().map(|id| block_label(d, id)));
            view! {
                <section class="headline" aria-labelledby="headline-heading">
                    <h3 id="headline-heading">"Overview"</h3>
                    <dl class="figures">
                        {availability(r, targets.availability)}
                        {latency(r, targets.p99_ms)}
                        {headroom(r.max_scale, bottleneck)}
                    </dl>
                </section>
            }
            .into_any()
        })
    }
}

/// A pass/fail mark that reads the same without colour: "✓ Meets target
/// 99.9%". The scenarios' rows use it too.
pub(crate) fn verdict(pass: bool, what: String) -> impl IntoView {
    let (mark, word, class) = if pass {
        ("✓", "Meets", "verdict pass")
    } else {
        ("✗", "Misses", "verdict fail")
    };
    view! {
        <span class=class>
            <span aria-hidden="true">{mark}" "</span>
            {format!("{word} target {what}")}
        </span>
    }
}

fn availability(r: &Report, target: Option<f64>) -> impl IntoView {
    let a = r.availability.unwrap_or(0.0);
    let nines = units::nines(a);
    let nines = if nines.is_finite() {
        format!("{:.1} nines", nines)
    } else {
        "no failures".to_string()
    };
    let interval = match (r.availability_method, r.availability_interval) {
        (Method::MonteCarlo, Some([lo, hi])) => Some(view! {
            <span class="interval">
                {format!(
                    "Monte Carlo estimate; 95% interval {} – {}",
                    units::percent(lo),
                    units::percent(hi),
                )}
            </span>
        }),
        _ => None,
    };
    let mark = target.map(|t| verdict(a >= t, units::percent(t)));
    view! {
        <div class="figure">
            <dt>"Availability"</dt>
            <dd>
                <span class="big" data-figure="availability">{units::percent(a)}</span>
                " "
                <span class="nines">{nines}</span>
                <span class="sub">{format!("Down {}", units::downtime(a))}</span>
                {interval}
                {mark}
            </dd>
        </div>
    }
}

fn latency(r: &Report, target: Option<f64>) -> impl IntoView {
    match r.latency {
        Some(l) => {
            let mark = target.map(|t| verdict(l.p99_ms <= t, format!("p99 ≤ {}", units::ms(t))));
            view! {
                <div class="figure">
                    <dt>"Latency"</dt>
                    <dd>
                        <span class="quantiles">
                            <span>"p50 "<strong data-figure="p50">{units::ms(l.p50_ms)}</strong></span>
                            <span>"p99 "<strong data-figure="p99">{units::ms(l.p99_ms)}</strong></span>
                            <span>"p999 "<strong data-figure="p999">{units::ms(l.p999_ms)}</strong></span>
                        </span>
                        <span class="sub">{format!("mean {}", units::ms(l.mean_ms))}</span>
                        {mark}
                    </dd>
                </div>
            }
            .into_any()
        }
        None => {
            let mark = target.map(|t| verdict(false, format!("p99 ≤ {}", units::ms(t))));
            view! {
                <div class="figure">
                    <dt>"Latency"</dt>
                    <dd>
                        <span class="big" data-figure="p99">"Saturated"</span>
                        <span class="sub">
                            "A block on the request path is at or past its capacity, so its queue grows without bound."
                        </span>
                        {mark}
                    </dd>
                </div>
            }
            .into_any()
        }
    }
}

fn headroom(max_scale: Option<f64>, bottleneck: Option<String>) -> impl IntoView {
    let text = match (max_scale, bottleneck) {
        (Some(s), Some(b)) if s < 1.0 => {
            format!("Overloaded: “{b}” is past its capacity (it would hold ×{} of today’s traffic).", units::sig(s))
        }
        (Some(s), Some(b)) => {
            format!("Holds ×{} today’s traffic; “{b}” saturates first.", units::sig(s))
        }
        (Some(s), None) => format!("Holds ×{} today’s traffic.", units::sig(s)),
        (None, _) => "No limit known: give blocks a capacity (requests per second) to find where it saturates.".to_string(),
    };
    let pass = max_scale.map(|s| s >= 1.0);
    view! {
        <div class="figure">
            <dt>"Headroom"</dt>
            <dd>
                <span class="sub headroom" class:fail=pass == Some(false) data-figure="max_scale">
                    {(pass == Some(false)).then(|| view! { <span aria-hidden="true">"✗ "</span> })}
                    {text}
                </span>
            </dd>
        </div>
    }
}
