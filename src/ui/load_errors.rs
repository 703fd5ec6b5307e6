//! The dialog that lists why a design could not be opened (a file, a share
//! link, an autosaved design): every error, each with its JSON pointer and what
//! was expected. Whatever was open stays open.

use leptos::html;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::browser;
use crate::core::format::LoadError;

/// What could not be opened, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The dialog's title, e.g. "This file could not be opened".
    pub title: String,
    /// What was being opened (a file name), when there is one.
    pub source: Option<String>,
    pub errors: Vec<LoadError>,
}

/// The page's load-error dialog: show a problem from anywhere with [`show`].
///
/// [`show`]: LoadProblems::show
#[derive(Clone, Copy)]
pub struct LoadProblems {
    shown: RwSignal<Option<Problem>>,
    /// Where keyboard focus was before the dialog opened; it goes back there.
    back_to: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl LoadProblems {
    /// Create the dialog's state and provide it to the components below.
    pub fn provide() -> LoadProblems {
        let p = LoadProblems {
            shown: RwSignal::new(None),
            back_to: StoredValue::new_local(None),
        };
        provide_context(p);
        p
    }

    pub fn show(&self, title: &str, source: Option<String>, errors: Vec<LoadError>) {
        if self.shown.with_untracked(Option::is_none) {
            self.back_to.set_value(browser::focused());
        }
        self.shown.set(Some(Problem {
            title: title.to_string(),
            source,
            errors,
        }));
    }

    pub fn close(&self) {
        self.shown.set(None);
        if let Some(el) = self.back_to.try_update_value(Option::take).flatten() {
            let _ = el.focus();
        }
    }
}

pub fn use_load_problems() -> LoadProblems {
    expect_context::<LoadProblems>()
}

/// The modal alert dialog; mount once in the app.
#[component]
pub fn LoadErrorsDialog() -> impl IntoView {
    let problems = use_load_problems();
    let close_button = NodeRef::<html::Button>::new();
    let list = NodeRef::<html::Ol>::new();
    // Move focus into the dialog as soon as it is on the page.
    Effect::new(move |_| {
        if problems.shown.with(Option::is_some) {
            if let Some(b) = close_button.get() {
                let _ = b.focus();
            }
        }
    });
    let on_key = move |ev: KeyboardEvent| {
        // Keys belong to the dialog while it is open, not to the canvas behind.
        ev.stop_propagation();
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                problems.close();
            }
            "Tab" => {
                // Keep focus inside: the list (to scroll it) and Close.
                ev.prevent_default();
                let on_close = close_button.get_untracked().is_some_and(|b| {
                    browser::focused().is_some_and(|f| {
                        let b: &web_sys::HtmlElement = &b;
                        f == *b
                    })
                });
                if on_close {
                    if let Some(l) = list.get_untracked() {
                        let _ = l.focus();
                    }
                } else if let Some(b) = close_button.get_untracked() {
                    let _ = b.focus();
                }
            }
            _ => {}
        }
    };
    move || {
        problems.shown.get().map(|p| {
            let count = p.errors.len();
            let summary = format!(
                "{}{} problem{} found. Nothing was opened: the design on screen is unchanged.",
                p.source
                    .as_ref()
                    .map(|s| format!("“{s}”: "))
                    .unwrap_or_default(),
                count,
                if count == 1 { "" } else { "s" },
            );
            let items = p
                .errors
                .into_iter()
                .map(|e| {
                    let at = if e.at.is_empty() {
                        "(the whole document)".to_string()
                    } else {
                        e.at
                    };
                    view! {
                        <li>
                            <code class="pointer">{at}</code>
                            <span class="expected">{e.message}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="dialog-backdrop" on:keydown=on_key on:click=move |_| problems.close()>
                    <div
                        class="dialog load-errors"
                        role="alertdialog"
                        aria-modal="true"
                        aria-labelledby="load-errors-title"
                        aria-describedby="load-errors-summary"
                        on:click=|ev| ev.stop_propagation()
                    >
                        <h2 id="load-errors-title">{p.title}</h2>
                        <p id="load-errors-summary">{summary}</p>
                        <ol class="load-error-list" tabindex="0" aria-label="Problems" node_ref=list>
                            {items}
                        </ol>
                        <button class="primary" node_ref=close_button on:click=move |_| problems.close()>
                            "Close"
                        </button>
                    </div>
                </div>
            }
        })
    }
}
