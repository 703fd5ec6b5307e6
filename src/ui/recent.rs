//! The Recent designs dialog (toolbar, Ctrl+Shift+O): every design kept in
//! this browser's library, newest first, searchable by title; each can be
//! opened, duplicated or deleted, and a delete undone while the dialog is open.
//!
//! Spec choice: the design open in this tab cannot be deleted from its own
//! dialog (open another first), and the 200 newest are drawn (a search finds
//! the rest; the issue asks for at least 50).

use leptos::prelude::*;

use super::browser;
use super::dialog::ModalDialog;
use super::library::{use_library, Library};
use crate::core::library::{self as lib, Record, Summary};

/// At most this many rows are drawn; a search finds the others.
const SHOWN: usize = 200;

#[component]
pub fn RecentDesigns() -> impl IntoView {
    let library = use_library();
    move || {
        library
            .recent_open
            .get()
            .then(|| view! { <RecentDialog library=library /> })
    }
}

#[component]
fn RecentDialog(library: Library) -> impl IntoView {
    let list = RwSignal::new(None::<(Vec<Summary>, usize)>);
    let query = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<Record>);
    let problem = RwSignal::new(None::<String>);
    let now = RwSignal::new(browser::now_ms());
    let open_here = move || library.open_id();
    // Read the list now and whenever the library changes (here or in a tab).
    Effect::new(move |_| {
        library.changed.track();
        leptos::task::spawn_local(async move {
            let read = library.list().await;
            now.set(browser::now_ms());
            list.set(Some(read));
        });
    });
    let close = move || {
        library.recent_open.set(false);
        browser::focus(".toolbar button[aria-label='Recent designs']");
    };
    let open = move |id: String| {
        leptos::task::spawn_local(async move {
            // Spec choice: closed either way: what went wrong is said by the
            // load-error dialog or a notice, which must not sit behind this one.
            library.open(&id).await;
            library.recent_open.set(false);
        });
    };
    let duplicate = move |id: String| {
        leptos::task::spawn_local(async move {
            if let Err(why) = library.duplicate(&id).await {
                problem.set(Some(format!("Could not duplicate: {why}.")));
            }
        });
    };
    let delete = move |id: String| {
        leptos::task::spawn_local(async move {
            match library.delete(&id).await {
                Ok(record) => {
                    deleted.set(Some(record));
                    // The row and its button are gone: keep the keyboard here.
                    browser::focus(".recent input[type=search]");
                }
                Err(why) => problem.set(Some(format!("Could not delete: {why}."))),
            }
        });
    };
    let undo = move || {
        let Some(record) = deleted.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match library.put_record(record).await {
                Ok(()) => deleted.set(None),
                Err(why) => problem.set(Some(format!("Could not undo: {why}."))),
            }
        });
    };
    let found = move || {
        list.with(|l| {
            l.as_ref().map(|(all, _)| {
                query.with(|q| lib::search(all, q).into_iter().cloned().collect::<Vec<_>>())
            })
        })
    };
    let status = move || {
        let (total, damaged) = list.with(|l| l.as_ref().map(|(a, d)| (a.len(), *d)))?;
        let shown = found().map(|f| f.len()).unwrap_or(0);
        let mut text = match (total, shown) {
            (0, _) => "No designs are kept in this browser yet.".to_string(),
            (1, 1) => "1 design kept in this browser.".to_string(),
            (t, s) if s == t => format!("{t} designs kept in this browser."),
            (t, s) => format!("{s} of {t} designs match."),
        };
        if shown > SHOWN {
            text.push_str(&format!(
                " Showing the {SHOWN} newest: search to find the others."
            ));
        }
        if damaged > 0 {
            text.push_str(&format!(
                " {damaged} damaged {} skipped.",
                if damaged == 1 {
                    "entry was"
                } else {
                    "entries were"
                }
            ));
        }
        Some(text)
    };
    request_animation_frame(|| browser::focus(".recent input[type=search]"));
    view! {
        <ModalDialog class="recent" title="Recent designs" close=close>
                <input
                    type="search"
                    class="recent-search"
                    placeholder="Search by title"
                    aria-label="Search by title"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <p class="recent-status" role="status">{status}</p>
                {move || {
                    deleted
                        .get()
                        .map(|r| {
                            let title = lib::shown_title(&r.summary.title).to_string();
                            view! {
                                <p class="recent-deleted" role="status">
                                    {format!("Deleted “{title}”. ")}
                                    <button on:click=move |_| undo()>"Undo delete"</button>
                                </p>
                            }
                        })
                }}
                {move || problem.get().map(|p| view! { <p class="gallery-problem" role="alert">{p}</p> })}
                <ul class="recent-list">
                    <For
                        each=move || found().unwrap_or_default().into_iter().take(SHOWN)
                        key=|s| (s.id.clone(), s.rev, s.title.clone())
                        children=move |s: Summary| {
                            let title = lib::shown_title(&s.title).to_string();
                            let here = open_here().as_deref() == Some(s.id.as_str());
                            let meta = format!(
                                "changed {} · {}{}",
                                lib::age_text(now.get_untracked(), s.updated),
                                lib::size_text(s.size),
                                if here { " · open here" } else { "" },
                            );
                            let (open_id, dup_id, del_id) = (s.id.clone(), s.id.clone(), s.id.clone());
                            view! {
                                <li class="recent-row" class:here=here>
                                    <button class="recent-open" on:click=move |_| open(open_id.clone())>
                                        <span class="recent-title">{title.clone()}</span>
                                        <span class="recent-meta">{meta}</span>
                                    </button>
                                    <button
                                        aria-label=format!("Duplicate {title}")
                                        on:click=move |_| duplicate(dup_id.clone())
                                    >
                                        "Duplicate"
                                    </button>
                                    <button
                                        aria-label=format!("Delete {title}")
                                        title=if here { "Open in this tab: open another design first" } else { "Delete from this browser (can be undone while this dialog is open)" }
                                        disabled=here
                                        on:click=move |_| delete(del_id.clone())
                                    >
                                        "Delete"
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
        </ModalDialog>
    }
}

/// Another tab stored a newer version of the design this tab has edits of.
#[component]
pub fn ConflictPrompt() -> impl IntoView {
    let library = use_library();
    move || {
        library.conflict.get().then(|| {
            request_animation_frame(|| browser::focus(".conflict button.primary"));
            view! {
                <div class="dialog-backdrop">
                    <div
                        class="dialog conflict"
                        role="alertdialog"
                        aria-modal="true"
                        aria-labelledby="conflict-title"
                        aria-describedby="conflict-text"
                        on:keydown:capture=|ev| ev.stop_propagation()
                    >
                        <h2 id="conflict-title">"Another tab changed this design"</h2>
                        <p id="conflict-text">
                            "This tab has edits that the other tab's version does not have. Keep yours as a design of its own (both stay in the library), or take the other tab's version and drop the edits made here."
                        </p>
                        <div class="dialog-actions">
                            <button class="primary" on:click=move |_| library.keep_mine_as_copy()>
                                "Keep mine as a copy"
                            </button>
                            <button on:click=move |_| library.take_theirs()>"Take theirs"</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
