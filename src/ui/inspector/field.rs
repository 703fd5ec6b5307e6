//! The inspector's controls: a text box that applies on Enter or blur, a select
//! and a checkbox, each with a real `<label>`, an optional unit, hint and source
//! line, and the reason when what was typed cannot be used.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::core::catalog::Source;
use crate::core::edit::{CoalesceKey, Command};
use crate::ui::document::Document;

/// Applies what was typed or picked; `Err` holds the reason shown by the field.
pub type Apply<T> = Callback<T, Result<(), String>>;

/// Dispatch one field edit as one undo step; a refusal comes back as the
/// reason, shown next to the field.
pub fn apply(doc: Document, cmd: Command, key: CoalesceKey) -> Result<(), String> {
    let outcome = doc.dispatch(cmd, Some(key));
    doc.seal();
    outcome.map_err(|e| e.to_string())
}

/// Where a catalog default came from, as a short line: "seed 003 §5.4".
pub fn source_text(source: Option<Source>) -> Option<String> {
    match source? {
        Source::Seed { file, section } => {
            let number = file.split('_').next().unwrap_or(file);
            Some(format!("seed {number} {section}"))
        }
        Source::Assumption => Some("assumption".into()),
    }
}

/// The ids that describe an input: its error (when shown) and its hint.
fn described_by(id: &str, error: bool, hint: bool) -> Option<String> {
    let mut ids = Vec::new();
    if error {
        ids.push(format!("{id}-error"));
    }
    if hint {
        ids.push(format!("{id}-hint"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The small lines under a control: hint, source, error.
fn notes(
    id: &'static str,
    hint: Signal<Option<String>>,
    source: Signal<Option<String>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_line = move || {
        hint.get()
            .map(|h| view! { <p class="field-hint" id=format!("{id}-hint")>{h}</p> })
    };
    let source_line = move || {
        source
            .get()
            .map(|s| view! { <p class="field-source" title="Where this default came from">{s}</p> })
    };
    let error_line = move || {
        error.get().map(|e| {
            view! { <p class="field-error" id=format!("{id}-error") role="alert">{e}</p> }
        })
    };
    (hint_line, source_line, error_line)
}

/// A text box (or text area) over one field. What the user types stays in a
/// local draft; Enter or leaving the box applies it, Escape brings back the
/// document's value. Without a draft the box follows the document (undo, redo).
#[component]
pub fn TextField(
    /// The input's element id (unique in the page).
    id: &'static str,
    label: &'static str,
    /// The document's value as text ("" when absent or mixed).
    #[prop(into)]
    value: Signal<String>,
    apply: Apply<String>,
    #[prop(optional)] unit: Option<&'static str>,
    #[prop(optional, into)] placeholder: Signal<String>,
    #[prop(optional, into)] hint: Signal<Option<String>>,
    #[prop(optional, into)] source: Signal<Option<String>>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let draft: RwSignal<Option<String>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);

    // Apply the draft, if any. Safe to call after the field is gone.
    let finish = move || {
        let Some(Some(text)) = draft.try_get_untracked() else {
            return;
        };
        if value.try_get_untracked().as_deref() == Some(text.as_str()) {
            draft.try_set(None);
            error.try_set(None);
            return;
        }
        match apply.run(text) {
            Ok(()) => {
                draft.try_set(None);
                error.try_set(None);
            }
            Err(reason) => {
                error.try_set(Some(reason));
            }
        }
    };
    // A draft left behind when the panel changes (another item selected) is
    // applied if it is valid; nobody would see its error.
    on_cleanup(finish);

    let revert = move || {
        draft.set(None);
        error.set(None);
    };
    let on_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" if !multiline || ev.ctrl_key() || ev.meta_key() => {
            ev.prevent_default();
            finish();
        }
        "Escape" => {
            // Keep Escape from also clearing the selection.
            ev.stop_propagation();
            ev.prevent_default();
            revert();
        }
        _ => {}
    };
    let shown = move || draft.get().unwrap_or_else(|| value.get());
    let invalid = move || error.with(Option::is_some).then_some("true");
    let describe =
        move || described_by(id, error.with(Option::is_some), hint.with(Option::is_some));

    // What the text area and the one-line box share.
    let shared = move || {
        view! {
            <{..}
                id=id
                prop:value=shown
                placeholder=placeholder
                aria-invalid=invalid
                aria-describedby=describe
                on:input=move |ev| draft.set(Some(event_target_value(&ev)))
                on:keydown=on_key
                on:blur=move |_| finish()
            />
        }
    };
    let control = if multiline {
        view! { <textarea rows="3" {..shared()}></textarea> }.into_any()
    } else {
        view! { <input type="text" autocomplete="off" spellcheck="false" {..shared()} /> }
            .into_any()
    };
    // Always present (maybe empty) so that every box in the panel lines up;
    // text areas take the whole width.
    let unit = (!multiline)
        .then(|| view! { <span class="unit" aria-hidden="true">{unit.unwrap_or_default()}</span> });
    view! {
        <div class="field" class:field-wide=multiline>
            <label for=id>{label}</label>
            <div class="field-control">{control} {unit}</div>
            {notes(id, hint, source, error.into())}
        </div>
    }
}

/// A `<select>`; `value` is `None` when the selected items disagree ("mixed").
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    /// `(value, text shown)` pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<Option<String>>,
    apply: Apply<String>,
    #[prop(optional, into)] source: Signal<Option<String>>,
) -> impl IntoView {
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        if picked.is_empty() {
            return;
        }
        error.set(apply.run(picked).err());
    };
    let mixed = move || {
        value.with(Option::is_none).then(|| {
            view! { <option value="" disabled=true selected=true>"mixed"</option> }
        })
    };
    let choices = move || {
        options
            .get()
            .into_iter()
            .map(|(v, text)| {
                let is = v.clone();
                let selected = move || value.with(|cur| cur.as_deref() == Some(is.as_str()));
                view! { <option value=v prop:selected=selected>{text}</option> }
            })
            .collect_view()
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let describe = move || described_by(id, error.with(Option::is_some), false);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <div class="field-control">
                <select id=id aria-invalid=invalid aria-describedby=describe on:change=on_change>
                    {mixed}
                    {choices}
                </select>
                <span class="unit"></span>
            </div>
            {notes(id, Signal::default(), source, error.into())}
        </div>
    }
}

/// A checkbox; `value` is `None` when the selected items disagree.
#[component]
pub fn CheckField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<Option<bool>>,
    apply: Apply<bool>,
    #[prop(optional, into)] hint: Signal<Option<String>>,
) -> impl IntoView {
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        error.set(apply.run(on).err());
    };
    let describe =
        move || described_by(id, error.with(Option::is_some), hint.with(Option::is_some));
    view! {
        <div class="field field-check">
            <input
                id=id
                type="checkbox"
                prop:checked=move || value.get().unwrap_or(false)
                prop:indeterminate=move || value.get().is_none()
                aria-describedby=describe
                on:change=on_change
            />
            <label for=id>{label}</label>
            {notes(id, hint, Signal::default(), error.into())}
        </div>
    }
}

/// A read-only line: a name and a value.
#[component]
pub fn ReadOnly(label: &'static str, #[prop(into)] value: Signal<String>) -> impl IntoView {
    view! {
        <div class="field field-readonly">
            <span class="field-name">{label}</span>
            <output>{value}</output>
        </div>
    }
}

/// A group of fields under a small heading.
#[component]
pub fn Group(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <fieldset class="group">
            <legend>{title}</legend>
            {children()}
        </fieldset>
    }
}
