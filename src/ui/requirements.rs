//! "New from requirements": a dialog asking the worksheet's inputs (daily
//! users, writes and reads per user a day, peak factor, payload, record size,
//! retention, copies), read by `core::requirements`; once every answer reads it
//! opens the built design as a new one (the open design becomes the previous
//! design, as with New and the templates).

use leptos::prelude::*;

use super::browser;
use super::dialog::ModalDialog;
use super::editor::use_editor;
use super::library::use_library;
use super::session::WhatIf;
use super::tool_icons::{Tool, ToolIcon};
use crate::core::requirements::{design_from, Field, Requirements};

/// Whether the dialog is open; provided by the app.
#[derive(Clone, Copy)]
pub struct RequirementsOpen(pub RwSignal<bool>);

/// The toolbar's button that opens the dialog.
#[component]
pub fn RequirementsButton() -> impl IntoView {
    let open = expect_context::<RequirementsOpen>().0;
    view! {
        <button
            aria-label="New from requirements"
            title="Start a design from users, request rates and storage needs"
            aria-haspopup="dialog"
            on:click=move |_| open.set(true)
        >
            <ToolIcon tool=Tool::Requirements />
            <span class="label wider">"Requirements"</span>
        </button>
    }
}

#[component]
pub fn RequirementsDialog() -> impl IntoView {
    let open = expect_context::<RequirementsOpen>().0;
    move || open.get().then(|| view! { <Form open=open /> })
}

#[component]
fn Form(open: RwSignal<bool>) -> impl IntoView {
    let ed = use_editor();
    let library = use_library();
    let texts: [RwSignal<String>; 8] = Field::ALL.map(|_| RwSignal::new(String::new()));
    let errors: [RwSignal<Option<String>>; 8] = Field::ALL.map(|_| RwSignal::new(None));
    let close = move || {
        open.set(false);
        browser::focus(".toolbar button[aria-label='New from requirements']");
    };
    let create = move || {
        let values = texts.map(|t| t.get_untracked());
        let refs: [&str; 8] = std::array::from_fn(|i| values[i].as_str());
        for e in errors {
            e.set(None);
        }
        match Requirements::read(&refs) {
            Ok(req) => {
                ed.session.whatif.set(WhatIf::default());
                library.open_new(design_from(&req));
                ed.fit();
                ed.chrome.notice.set(Some(
                    "New design from requirements. \"Restore previous design\" brings the last one back."
                        .into(),
                ));
                open.set(false);
            }
            Err(list) => {
                for (field, why) in &list {
                    if let Some(i) = Field::ALL.iter().position(|f| f == field) {
                        errors[i].set(Some(why.clone()));
                    }
                }
                if let Some((field, _)) = list.first() {
                    browser::focus(&format!("#req-{field:?}"));
                }
            }
        }
    };
    request_animation_frame(|| browser::focus("#req-Users"));
    let rows = Field::ALL
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let id = format!("req-{field:?}");
            let err_id = format!("{id}-error");
            let text = texts[i];
            let error = errors[i];
            let described = err_id.clone();
            view! {
                <div class="req-field">
                    <label for=id.clone()>{field.label()}</label>
                    <input
                        id=id
                        type="text"
                        autocomplete="off"
                        placeholder=field.example()
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            error.set(None);
                        }
                    />
                    {move || {
                        error
                            .get()
                            .map(|e| {
                                view! {
                                    <span class="req-error field-error" id=err_id.clone() role="alert">
                                        {e}
                                    </span>
                                }
                            })
                    }}
                </div>
            }
        })
        .collect_view();
    view! {
        <ModalDialog class="requirements" title="New from requirements" close=close>
            <p class="gallery-intro">
                "Type the numbers as you would write them (500M, 1.5k, 1 KB, 5 years). A new design with readers, writers, an API per path and a database opens; the one you have stays restorable."
            </p>
            <form
                class="req-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    create();
                }
            >
                {rows}
                <div class="req-actions">
                    <button type="submit" class="req-create">"Create design"</button>
                </div>
            </form>
        </ModalDialog>
    }
}
