//! The findings about one block, for the inspector.

use leptos::prelude::*;

use super::finding::FindingItem;
use crate::core::report::Finding;
use crate::ui::evaluation::use_evaluation;

/// Lists the findings that name block `id`, worst first, each with its fix and
/// "Accept…" as in the results panel.
#[component]
pub fn BlockFindings(#[prop(into)] id: Signal<String>) -> impl IntoView {
    let eval = use_evaluation();
    let items = Memo::new(move |_| {
        let id = id.get();
        eval.report.with(|r| {
            r.findings
                .iter()
                .filter(|f| f.blocks.contains(&id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="block-findings" aria-label="Findings for this block">
            <h3>"Findings"</h3>
            <Show
                when=move || items.with(|i| !i.is_empty())
                fallback=|| view! { <p class="muted">"No findings for this block."</p> }
            >
                <ul class="finding-list">
                    <For each=move || items.get() key=Finding::key let:finding>
                        <FindingItem finding=finding />
                    </For>
                </ul>
            </Show>
        </section>
    }
}
