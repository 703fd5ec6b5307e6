//! The canvas legend: what colours, marks, dashes and thicknesses mean.

use leptos::prelude::*;

use crate::core::eval::heat::{heat_colour, HOT, SATURATED};

#[component]
pub fn Legend() -> impl IntoView {
    let (open, set_open) = signal(false);
    view! {
        <div class="legend" class:open=move || open.get()>
            <button
                class="legend-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="legend-body"
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                "Legend"
            </button>
            <div id="legend-body" class="legend-body" hidden=move || !open.get()>
                <h3>"Utilization (busiest instance)"</h3>
                <div
                    class="legend-scale"
                    role="img"
                    aria-label="Colour scale: cool below 0.7, amber at 0.7, red at 1"
                    style=format!(
                        "background: linear-gradient(to right, {}, {} 70%, {})",
                        heat_colour(0.0),
                        heat_colour(HOT),
                        heat_colour(SATURATED),
                    )
                ></div>
                <div class="legend-ticks" aria-hidden="true">
                    <span>"0"</span>
                    <span>"0.7"</span>
                    <span>"1"</span>
                </div>
                <ul>
                    <li>
                        <span class="key key-hot"></span>
                        "Amber border: a hot spot (utilization 0.7 to 1)"
                    </li>
                    <li>
                        <span class="key key-saturated"></span>
                        "Red dashed, hatched, “⚠ saturated”: utilization ≥ 1, the queue grows without bound"
                    </li>
                    <li>
                        <span class="key key-badge">"▲2"</span>
                        "Badge: the block's findings, marked by the worst (! error, ▲ warning, i info)"
                    </li>
                    <li>
                        <span class="key key-failed">"✕"</span>
                        "Failed in the what-if scenario"
                    </li>
                    <li>
                        <span class="key key-sync"></span>
                        "Solid arrow: sync call (the caller waits)"
                    </li>
                    <li>
                        <span class="key key-async"></span>
                        "Dashed arrow: async message (fire and forget)"
                    </li>
                    <li>
                        <span class="key key-write"></span>
                        "Amber arrow: a write"
                    </li>
                    <li>
                        <span class="key key-flow"></span>
                        "Thicker arrow: more requests per second (log scale)"
                    </li>
                    <li>
                        <span class="key key-timeout"></span>
                        "Red dotted arrow labelled “⏱ timeouts”: more than 0.1% of its calls fail by timing out"
                    </li>
                    <li>
                        <span class="key key-storm">"↻"</span>
                        "“↻ retry storm”: its callers' retries would push it past its capacity"
                    </li>
                    <li>
                        <span class="key key-zone"></span>
                        "Dashed box: a zone; its blocks fail together"
                    </li>
                </ul>
            </div>
        </div>
    }
}
