//! One finding: its message (a button that shows it on the canvas), the fix and
//! the principle behind it, and accepting it with a reason.

use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;

use crate::core::edit::Command;
use crate::core::eval::rules::rule_info;
use crate::core::model::Acceptance;
use crate::core::report::{Finding, Severity};
use crate::ui::editor::use_editor;
use crate::ui::session::Selection;

/// Longest reason a document keeps, in characters (format.md).
const REASON_MAX: usize = 1000;

/// A fresh number for element ids (labels need unique `for` targets).
fn next_uid() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[component]
pub fn FindingItem(finding: Finding) -> impl IntoView {
    let ed = use_editor();
    let uid = next_uid();
    let info = rule_info(finding.rule);
    let title = info.map_or(finding.rule, |i| i.title);
    let f = StoredValue::new(finding.clone());
    // A memo, so unrelated edits do not redraw an open form.
    let accepted = Memo::new(move |_| {
        f.with_value(|f| {
            ed.doc.design.with(|d| {
                d.acceptance(f.rule, &f.blocks, &f.links)
                    .map(|a| a.reason.clone())
            })
        })
    });
    let can_accept = finding.severity != Severity::Error;
    let form_open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());

    let select = move |_| {
        f.with_value(|f| {
            ed.session.selection.set(Selection {
                blocks: f.blocks.iter().cloned().collect(),
                links: f.links.iter().cloned().collect(),
                ..Selection::default()
            });
            ed.show(&f.blocks, &f.links);
        });
    };
    let accept = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text: String = reason
            .get_untracked()
            .trim()
            .chars()
            .take(REASON_MAX)
            .collect();
        if text.is_empty() {
            return;
        }
        let mut list = ed.doc.design.with_untracked(|d| d.accepted.clone());
        f.with_value(|f| {
            list.retain(|a| !a.is_for(f.rule, &f.blocks, &f.links));
            list.push(Acceptance {
                rule: f.rule.to_string(),
                blocks: f.blocks.clone(),
                links: f.links.clone(),
                reason: text,
                ..Acceptance::default()
            });
        });
        ed.doc.seal();
        if ed.dispatch_or_say(Command::SetAccepted(list), None) {
            form_open.set(false);
            reason.set(String::new());
        }
    };
    let withdraw = move |_| {
        let mut list = ed.doc.design.with_untracked(|d| d.accepted.clone());
        f.with_value(|f| list.retain(|a| !a.is_for(f.rule, &f.blocks, &f.links)));
        ed.doc.seal();
        ed.dispatch_or_say(Command::SetAccepted(list), None);
    };
    let open_form = move |_| {
        form_open.set(true);
        // The form is drawn on the next turn: focus its field then.
        request_animation_frame(move || crate::ui::browser::focus(&format!("#reason-{uid}")));
    };

    let details = info.map(|i| {
        view! {
            <details class="finding-details">
                <summary>"How to fix"</summary>
                <p><strong>"Fix: "</strong>{i.fix}</p>
                <p><strong>"Why: "</strong>{i.principle}</p>
            </details>
        }
    });
    let severity = finding.severity.as_str();
    let message = finding.message.clone();

    view! {
        <li
            class=format!("finding {severity}")
            class:accepted=move || accepted.with(Option::is_some)
            class:current=move || f.with_value(|f| crate::ui::present::is_current(ed, f))
            aria-current=move || f.with_value(|f| crate::ui::present::is_current(ed, f)).then_some("step")
        >
            <button class="finding-show" on:click=select title="Select and show on the canvas">
                <span class="finding-title">{title}</span>
                <span class="finding-message">{message}</span>
            </button>
            {details}
            {move || match accepted.get() {
                // A read-only view shows the reason but cannot change it.
                Some(why) => view! {
                    <p class="accepted-reason">
                        <span>{format!("Accepted: {why}")}</span>
                        " "
                        <Show when=move || !ed.doc.read_only.get()>
                            <button on:click=withdraw>"Withdraw"</button>
                        </Show>
                    </p>
                }
                .into_any(),
                None if !can_accept || ed.doc.read_only.get() => ().into_any(),
                None if form_open.get() => view! {
                    <form class="accept-form" on:submit=accept>
                        <label for=format!("reason-{uid}")>"Reason for accepting"</label>
                        <textarea
                            id=format!("reason-{uid}")
                            required
                            maxlength=REASON_MAX.to_string()
                            rows="2"
                            prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))
                            on:keydown=move |ev| {
                                if ev.key() == "Escape" {
                                    ev.stop_propagation();
                                    form_open.set(false);
                                }
                            }
                        ></textarea>
                        <div class="form-buttons">
                            <button type="submit" class="primary">"Accept"</button>
                            <button type="button" on:click=move |_| form_open.set(false)>"Cancel"</button>
                        </div>
                    </form>
                }
                .into_any(),
                None => view! {
                    <button class="accept-open" on:click=open_form>"Accept…"</button>
                }
                .into_any(),
            }}
        </li>
    }
}
