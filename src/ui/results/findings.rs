//! The findings, grouped by severity with counts.

use leptos::prelude::*;

use super::finding::FindingItem;
use crate::core::report::{Finding, Severity};
use crate::ui::chrome::use_chrome;
use crate::ui::document::{use_document, Document};
use crate::ui::evaluation::{use_evaluation, Evaluation};

#[component]
pub fn Findings() -> impl IntoView {
    let eval = use_evaluation();
    let doc = use_document();
    let none = move || eval.report.with(|r| r.findings.is_empty());
    let total = move || {
        let (n, accepted) = counts(eval, doc, None);
        match (n, accepted) {
            (0, _) => String::new(),
            (n, 0) => format!("({n})"),
            (n, a) => format!("({n}, {a} accepted)"),
        }
    };
    view! {
        <section class="findings" aria-labelledby="findings-heading">
            <h3 id="findings-heading">"Findings " <span class="count">{total}</span></h3>
            <Show when=none>
                <p class="muted">"No findings: nothing in the design breaks a rule."</p>
            </Show>
            <Group severity=Severity::Error title="Errors" />
            <Group severity=Severity::Warning title="Warnings" />
            <Group severity=Severity::Info title="Info" />
        </section>
    }
}

/// How many findings of a severity (all when `None`) there are, and how many of
/// them are accepted.
fn counts(eval: Evaluation, doc: Document, severity: Option<Severity>) -> (usize, usize) {
    eval.report.with(|r| {
        doc.design.with(|d| {
            let of: Vec<&Finding> = r
                .findings
                .iter()
                .filter(|f| severity.is_none_or(|s| f.severity == s))
                .collect();
            let accepted = of
                .iter()
                .filter(|f| d.acceptance(f.rule, &f.blocks, &f.links).is_some())
                .count();
            (of.len(), accepted)
        })
    })
}

#[component]
fn Group(severity: Severity, title: &'static str) -> impl IntoView {
    let eval = use_evaluation();
    let doc = use_document();
    let chrome = use_chrome();
    let items = Memo::new(move |_| {
        eval.report.with(|r| {
            r.findings
                .iter()
                .filter(|f| f.severity == severity)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let heading = move || {
        let (n, accepted) = counts(eval, doc, Some(severity));
        if accepted > 0 {
            format!("{title} ({n}, {accepted} accepted)")
        } else {
            format!("{title} ({n})")
        }
    };
    // A large design can have hundreds of findings: the list starts with the
    // first few (the report's order puts the most important first) and a button
    // shows the rest (presentation steps through all of them, so lists them all).
    let show_all = RwSignal::new(false);
    let all = Signal::derive(move || show_all.get() || chrome.presenting.get());
    let shown = move || {
        items.with(|i| {
            let n = if all.get() {
                i.len()
            } else {
                i.len().min(FIRST)
            };
            i[..n].to_vec()
        })
    };
    let hidden = move || items.with(|i| i.len()).saturating_sub(FIRST);
    let more = move || !all.get() && hidden() > 0;
    let id = format!("findings-{}", severity.as_str());
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <h4 id=id.clone() class=format!("severity-heading {}", severity.as_str())>{heading}</h4>
            <ul class="finding-list" aria-labelledby=id.clone()>
                <For each=shown key=Finding::key let:finding>
                    <FindingItem finding=finding />
                </For>
            </ul>
            <Show when=more>
                <button type="button" class="link-button show-all" on:click=move |_| show_all.set(true)>
                    {move || format!("Show {} more {}", hidden(), title.to_ascii_lowercase())}
                </button>
            </Show>
        </Show>
    }
}

/// How many findings of a severity are listed before "Show … more".
const FIRST: usize = 25;
