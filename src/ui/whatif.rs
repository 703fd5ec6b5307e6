//! What-if controls: a traffic multiplier and failed components. They change
//! what is evaluated, never the document, until "Apply to design" is pressed.

use leptos::prelude::*;

use super::chrome::Chrome;
use super::editor::{use_editor, Editor};
use super::session::{use_session, Session};
use crate::core::edit::{BlockField, Command, FieldValue};
use crate::core::render::units::sig;

/// The multiplier's range: ×0.1 … ×100 on a log scale.
const MIN_SCALE: f64 = 0.1;
const MAX_SCALE: f64 = 100.0;

/// Parse a typed multiplier: "10", "×10", "x2.5", "10x".
pub fn parse_scale(text: &str) -> Result<f64, String> {
    let t = text
        .trim()
        .trim_start_matches(['×', 'x', 'X'])
        .trim_end_matches(['×', 'x', 'X'])
        .trim();
    let v: f64 = t.parse().map_err(|_| {
        format!(
            "'{}' is not a number: type a multiplier such as 2 or 0.5",
            text.trim()
        )
    })?;
    if !(MIN_SCALE..=MAX_SCALE).contains(&v) {
        return Err(format!(
            "the multiplier must be from ×{MIN_SCALE} to ×{MAX_SCALE}"
        ));
    }
    Ok(v)
}

/// Fail or restore the selected blocks and zones (key `F`).
pub fn toggle_selected(session: Session, chrome: Chrome) {
    let ids: Vec<String> = session
        .selection
        .with_untracked(|s| s.blocks.iter().chain(&s.zones).cloned().collect());
    if ids.is_empty() {
        chrome.notice.set(Some(
            "Select a block or zone, then press F to fail it in the what-if scenario.".into(),
        ));
        return;
    }
    session.whatif.update(|w| {
        let all_failed = ids.iter().all(|id| w.fail.contains(id));
        for id in ids {
            if all_failed {
                w.fail.remove(&id);
            } else {
                w.fail.insert(id);
            }
        }
    });
}

/// Write the multiplier into the document: every entry's rps × scale, one step.
fn apply_scale(ed: Editor) {
    let scale = ed.session.whatif.with_untracked(|w| w.scale);
    let cmds: Vec<Command> = ed.doc.design.with_untracked(|d| {
        d.blocks
            .iter()
            .filter(|b| b.rps > 0.0)
            .map(|b| Command::SetBlockField {
                id: b.id.clone(),
                field: BlockField::Rps,
                value: FieldValue::Number(b.rps * scale),
            })
            .collect()
    });
    if cmds.is_empty() {
        return;
    }
    ed.doc.seal();
    if ed.dispatch_or_say(Command::Batch(cmds), None) {
        ed.session.whatif.update(|w| w.scale = 1.0);
    }
}

/// The what-if bar above the canvas.
#[component]
pub fn WhatIfBar() -> impl IntoView {
    let ed = use_editor();
    let scale = Memo::new(move |_| ed.session.whatif.with(|w| w.scale));
    let (typed, set_typed) = signal(None::<String>);
    let (problem, set_problem) = signal(None::<String>);
    let commit = move || {
        if let Some(t) = typed.get_untracked() {
            match parse_scale(&t) {
                Ok(v) => {
                    ed.session.whatif.update(|w| w.scale = v);
                    set_typed.set(None);
                    set_problem.set(None);
                }
                Err(e) => set_problem.set(Some(e)),
            }
        }
    };
    let failed = Memo::new(move |_| {
        ed.session
            .whatif
            .with(|w| w.fail.iter().cloned().collect::<Vec<_>>())
    });
    let name = move |id: &str| {
        ed.doc.design.with(|d| {
            d.block(id)
                .map(|b| b.display_label().to_string())
                .or_else(|| {
                    d.zone(id).map(|z| {
                        if z.label.is_empty() {
                            z.id.clone()
                        } else {
                            z.label.clone()
                        }
                    })
                })
                .unwrap_or_else(|| id.to_string())
        })
    };

    view! {
        <div class="whatif" role="group" aria-label="What-if scenario">
            <span class="whatif-title">"What if"</span>
            <label class="whatif-scale">
                <span>"Traffic"</span>
                <input
                    type="range"
                    min="-1"
                    max="2"
                    step="0.01"
                    aria-label="Traffic multiplier slider"
                    prop:value=move || format!("{:.2}", scale.get().log10())
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            let v = 10f64.powf(v);
                            // Round to 2 significant figures: ×3.2, ×25, ×0.45.
                            let p = 10f64.powf(v.log10().floor() - 1.0);
                            ed.session.whatif.update(|w| w.scale = (v / p).round() * p);
                            set_typed.set(None);
                            set_problem.set(None);
                        }
                    }
                />
            </label>
            <label class="whatif-typed">
                <span class="visually-hidden">"Traffic multiplier"</span>
                <input
                    type="text"
                    inputmode="decimal"
                    size="5"
                    aria-invalid=move || problem.get().is_some().to_string()
                    aria-describedby="whatif-problem"
                    prop:value=move || typed.get().unwrap_or_else(|| format!("×{}", sig(scale.get())))
                    on:input=move |ev| set_typed.set(Some(event_target_value(&ev)))
                    on:change=move |_| commit()
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            commit();
                        }
                    }
                />
            </label>
            // A read-only view cannot write into the design.
            <button
                hidden=move || ed.doc.read_only.get()
                disabled=move || scale.get() == 1.0
                title="Write the multiplied traffic into the design (one undo step)"
                on:click=move |_| apply_scale(ed)
            >
                "Apply to design"
            </button>
            <button disabled=move || scale.get() == 1.0 on:click=move |_| ed.session.whatif.update(|w| w.scale = 1.0)>
                "Reset traffic"
            </button>
            <button
                class="whatif-save"
                hidden=move || ed.doc.read_only.get()
                title="Keep this what-if in the design, with a name and its own targets"
                aria-haspopup="dialog"
                on:click=move |_| {
                    if let Some(open) = use_context::<crate::ui::scenarios::ScenarioEditing>() {
                        open.0.set(Some(crate::ui::scenarios::Editing::New));
                    }
                }
            >
                "Save as scenario"
            </button>
            <span class="whatif-applied" aria-live="polite">
                {move || {
                    ed.doc.design.with(|d| {
                        ed.session.whatif.with(|w| {
                            crate::ui::scenarios::applied(d, w).map(|s| format!("Scenario: {}", s.name))
                        })
                    })
                }}
            </span>
            <span class="whatif-failed" aria-live="polite">
                {move || {
                    let ids = failed.get();
                    if ids.is_empty() {
                        view! { <span class="muted">"Nothing failed (select a block and press F)"</span> }.into_any()
                    } else {
                        view! {
                            <span>"Failed:"</span>
                            {ids
                                .into_iter()
                                .map(|id| {
                                    let label = name(&id);
                                    let restore = id.clone();
                                    view! {
                                        <button
                                            class="chip"
                                            aria-label=format!("Restore {label}")
                                            on:click=move |_| ed.session.whatif.update(|w| {
                                                w.fail.remove(&restore);
                                            })
                                        >
                                            {label.clone()}
                                            " ✕"
                                        </button>
                                    }
                                })
                                .collect_view()}
                            <button on:click=move |_| ed.session.whatif.update(|w| w.fail.clear())>
                                "Clear failures"
                            </button>
                        }
                            .into_any()
                    }
                }}
            </span>
            <span id="whatif-problem" class="whatif-problem">
                {move || problem.get().map(|p| view! { <span role="alert">{p}</span> })}
            </span>
        </div>
    }
}

/// "Fail (what-if)" / "Restore" for one block or zone, for the inspector.
#[component]
pub fn FailToggle(id: String) -> impl IntoView {
    let session = use_session();
    let id = StoredValue::new(id);
    let failed = Memo::new(move |_| {
        session
            .whatif
            .with(|w| id.with_value(|id| w.fail.contains(id)))
    });
    view! {
        <button
            class="fail-toggle"
            aria-pressed=move || failed.get().to_string()
            title="Evaluate the design with this component down (key F); the document is not changed"
            on:click=move |_| {
                let id = id.get_value();
                session.whatif.update(|w| {
                    if !w.fail.remove(&id) {
                        w.fail.insert(id);
                    }
                });
            }
        >
            {move || if failed.get() { "Restore (what-if)" } else { "Fail (what-if)" }}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipliers_parse_in_the_forms_people_type() {
        assert_eq!(parse_scale("10"), Ok(10.0));
        assert_eq!(parse_scale("×2.5"), Ok(2.5));
        assert_eq!(parse_scale("x0.5"), Ok(0.5));
        assert_eq!(parse_scale("3x"), Ok(3.0));
        assert!(parse_scale("1000").is_err());
        assert!(parse_scale("lots").is_err());
    }
}
