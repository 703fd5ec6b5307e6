//! "Save as scenario" and "Edit scenario": a name, the traffic multiplier, what
//! is down and the scenario's own targets (empty: the design's). The change is
//! written as one `SetScenarios` step only when every answer reads.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::{set_all, whatif_of, Editing, ScenarioEditing};
use crate::core::edit::{parse_field, Field, FieldValue, TargetField};
use crate::core::model::{Design, Scenario};
use crate::core::render::units;
use crate::ui::browser;
use crate::ui::dialog::ModalDialog;
use crate::ui::editor::{use_editor, Editor};
use crate::ui::results::node_label;

/// The multiplier a scenario may carry (model-2.md §1).
const MAX_SCALE: f64 = 1000.0;

#[component]
pub fn ScenarioDialog() -> impl IntoView {
    let editing = expect_context::<ScenarioEditing>().0;
    move || editing.get().map(|what| view! { <Form what=what /> })
}

/// The form's answers as typed.
#[derive(Clone, Copy)]
struct Answers {
    name: RwSignal<String>,
    scale: RwSignal<String>,
    availability: RwSignal<String>,
    p99: RwSignal<String>,
    /// Each candidate for "down" and whether it is ticked.
    down: RwSignal<Vec<(String, bool)>>,
    problem: RwSignal<Option<(&'static str, String)>>,
}

#[component]
fn Form(what: Editing) -> impl IntoView {
    let ed = use_editor();
    let editing = expect_context::<ScenarioEditing>().0;
    let screen = ed.session.whatif.get_untracked();
    let saved = match &what {
        Editing::Saved(id) => ed
            .doc
            .design
            .with_untracked(|d| d.scenarios.iter().find(|s| &s.id == id).cloned()),
        Editing::New => None,
    };
    let start = saved.clone().unwrap_or_else(|| {
        let mut s = Scenario::new("", "");
        s.scale = screen.scale;
        s.fail = screen.fail.iter().cloned().collect();
        s
    });
    // What is down: the scenario's failures, ticked, then what the what-if on
    // screen fails besides, unticked (fail it on the canvas to offer it here).
    let mut down: Vec<(String, bool)> = start.fail.iter().map(|id| (id.clone(), true)).collect();
    let listed: BTreeSet<String> = start.fail.iter().cloned().collect();
    down.extend(
        screen
            .fail
            .iter()
            .filter(|id| !listed.contains(*id))
            .map(|id| (id.clone(), false)),
    );
    let a = Answers {
        name: RwSignal::new(start.name.clone()),
        scale: RwSignal::new(units::sig(start.scale)),
        availability: RwSignal::new(start.availability.map(units::percent).unwrap_or_default()),
        p99: RwSignal::new(start.p99_ms.map(units::fmt_num).unwrap_or_default()),
        down: RwSignal::new(down),
        problem: RwSignal::new(None),
    };
    let title = if saved.is_some() {
        "Edit scenario"
    } else {
        "Save as scenario"
    };
    let close = move || {
        editing.set(None);
        browser::focus(".scenarios-heading-anchor, .whatif-save");
    };
    let save = move || {
        let read = ed.doc.design.with_untracked(|d| read(d, a, saved.as_ref()));
        // Spec choice: a new scenario's id comes from the editor's id counter
        // ("scenario4"), so one deleted is never handed out again.
        let read = read.map(|mut s| {
            if s.id.is_empty() {
                s.id = ed.doc.fresh(|h, d| h.fresh_scenario_id(d));
            }
            s
        });
        match read {
            Ok(scenario) => {
                let id = scenario.id.clone();
                let fresh = saved.is_none();
                let mut list = ed.doc.design.with_untracked(|d| d.scenarios.clone());
                match list.iter_mut().find(|s| s.id == id) {
                    Some(old) => *old = scenario.clone(),
                    None => list.push(scenario.clone()),
                }
                if set_all(ed, list) {
                    // A new scenario is the what-if on screen; an edited one is
                    // shown as it now is.
                    ed.session.whatif.set(whatif_of(&scenario));
                    editing.set(None);
                    ed.chrome.notice.set(Some(if fresh {
                        format!("Scenario '{}' saved.", scenario.name)
                    } else {
                        format!("Scenario '{}' changed.", scenario.name)
                    }));
                }
            }
            Err((field, why)) => {
                a.problem.set(Some((field, why)));
                browser::focus(&format!("#scenario-{field}"));
            }
        }
    };
    request_animation_frame(|| browser::focus("#scenario-name"));
    view! {
        <ModalDialog class="scenario-dialog" title=title close=close>
            <form
                class="req-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    save();
                }
            >
                {text_row(a, "name", "Name", a.name, "e.g. Black Friday ×5")}
                {text_row(a, "scale", "Traffic multiplier", a.scale, "1 = as drawn")}
                <fieldset class="scenario-down">
                    <legend>"Down"</legend>
                    {move || down_list(ed, a)}
                </fieldset>
                {text_row(a, "availability", "Availability target", a.availability, "empty: the design's")}
                {text_row(a, "p99", "p99 target (ms)", a.p99, "empty: the design's")}
                <div class="req-actions">
                    <button type="button" on:click=move |_| close()>"Cancel"</button>
                    <button type="submit" class="req-create">{title}</button>
                </div>
            </form>
        </ModalDialog>
    }
}

/// One labelled text box, with its problem under it.
fn text_row(
    a: Answers,
    key: &'static str,
    label: &'static str,
    text: RwSignal<String>,
    placeholder: &'static str,
) -> impl IntoView {
    let id = format!("scenario-{key}");
    let err_id = format!("{id}-error");
    let described = err_id.clone();
    let problem = move || {
        a.problem.with(|p| {
            p.as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, w)| w.clone())
        })
    };
    view! {
        <div class="req-field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                placeholder=placeholder
                aria-invalid=move || problem().is_some().to_string()
                aria-describedby=move || problem().is_some().then(|| described.clone())
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    a.problem.set(None);
                }
            />
            {move || problem().map(|w| view! { <span class="req-error field-error" id=err_id.clone() role="alert">{w}</span> })}
        </div>
    }
}

/// A checkbox for each candidate failure.
fn down_list(ed: Editor, a: Answers) -> impl IntoView {
    let rows = a.down.get();
    if rows.is_empty() {
        return view! {
            <p class="muted">"Nothing. To take a block or zone down, select it on the canvas and press F, then save or edit the scenario."</p>
        }
        .into_any();
    }
    rows.into_iter()
        .enumerate()
        .map(|(i, (id, ticked))| {
            let name = ed.doc.design.with_untracked(|d| node_label(d, &id));
            view! {
                <label class="scenario-down-item">
                    <input
                        type="checkbox"
                        prop:checked=ticked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            a.down.update(|list| list[i].1 = on);
                        }
                    />
                    {name}
                </label>
            }
        })
        .collect_view()
        .into_any()
}

/// The scenario the answers describe, or the first answer that does not read
/// (its key and why).
fn read(
    d: &Design,
    a: Answers,
    saved: Option<&Scenario>,
) -> Result<Scenario, (&'static str, String)> {
    let name = a.name.get_untracked().trim().to_string();
    if name.is_empty() {
        return Err((
            "name",
            "give the scenario a name, e.g. \"az1 down at 3×\"".into(),
        ));
    }
    if name.chars().count() > 200 {
        return Err(("name", "a name has at most 200 characters".into()));
    }
    let scale = read_scale(&a.scale.get_untracked()).map_err(|w| ("scale", w))?;
    let target = |key: &'static str, field: TargetField, text: String| match parse_field(
        Field::Target(field),
        &text,
    ) {
        Ok(FieldValue::OptNumber(v)) => Ok(v),
        Ok(_) => Ok(None),
        Err(w) => Err((key, w)),
    };
    let availability = target(
        "availability",
        TargetField::Availability,
        a.availability.get_untracked(),
    )?;
    let p99 = target("p99", TargetField::P99Ms, a.p99.get_untracked())?;
    // A new scenario's id is given by the caller, from the editor's counter.
    let mut s = saved.cloned().unwrap_or_else(|| Scenario::new("", ""));
    s.name = name;
    s.scale = scale;
    s.fail = a
        .down
        .get_untracked()
        .into_iter()
        .filter(|(id, on)| *on && (d.block(id).is_some() || d.zone(id).is_some()))
        .map(|(id, _)| id)
        .collect();
    s.availability = availability;
    s.p99_ms = p99;
    Ok(s)
}

/// A multiplier as typed: "3", "×3", "3x", "0.5".
fn read_scale(text: &str) -> Result<f64, String> {
    let t = text
        .trim()
        .trim_start_matches(['×', 'x', 'X'])
        .trim_end_matches(['×', 'x', 'X'])
        .trim();
    match t.parse::<f64>() {
        Ok(v) if v > 0.0 && v <= MAX_SCALE => Ok(v),
        Ok(_) => Err(format!(
            "the multiplier must be above 0 and at most {MAX_SCALE}"
        )),
        Err(_) => Err(format!(
            "'{}' is not a number: type a multiplier such as 3 or 0.5",
            text.trim()
        )),
    }
}
