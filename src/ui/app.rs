//! The root component: provides the editor and lays out toolbar, palette,
//! canvas, inspector and results.

use leptos::prelude::*;

use super::autosave::Autosave;
use super::browser;
use super::canvas::Canvas;
use super::context_menu::ContextMenu;
use super::editor::Editor;
use super::gallery::{self, Gallery};
use super::help::HelpSheet;
use super::inspector::Inspector;
use super::keys::{self, Toggles};
use super::legend::Legend;
use super::list_view::ListView;
use super::load_errors::{LoadErrorsDialog, LoadProblems};
use super::palette::Palette;
use super::present::PresentCaption;
use super::results::Results;
use super::session::WhatIf;
use super::toolbar::Toolbar;
use super::whatif::WhatIfBar;
use crate::core::model::Design;
use crate::core::{format, share};

#[component]
pub fn App() -> impl IntoView {
    let ed = Editor::new(Design::default());
    provide_context(ed);
    let toggles = Toggles {
        help: RwSignal::new(false),
        list_view: RwSignal::new(false),
    };
    keys::install(ed, toggles);
    let clipboard = browser::clipboard_listeners(
        move || ed.copy_selection(),
        move || ed.delete_selection(),
        move |text| {
            ed.paste_text(&text);
        },
    );
    let clipboard = StoredValue::new_local(clipboard);
    on_cleanup(move || clipboard.dispose());
    browser::expose_api(move || ed.design.with_untracked(format::save));
    browser::expose_getter("report", move || ed.report.with_untracked(|r| r.to_json()));
    browser::expose_getter("pending", move || ed.pending.get_untracked().to_string());
    ed.evaluate_on_change(browser::after);
    let problems = LoadProblems::provide();
    let autosave = Autosave::provide(ed, problems);
    if !open_link(ed, problems) {
        autosave.restore_last();
    }
    autosave.start();
    gallery::provide(ed);
    // The offline worker's install downloads every file of the site again: it
    // waits for the first frame and a second more, so it never competes with
    // the start (on 2 cores it cost a cold start about 150 ms).
    request_animation_frame(|| {
        browser::after(1_000, Box::new(browser::register_service_worker));
    });

    let dark = RwSignal::new(browser::prefers_dark());
    Effect::new(move |_| browser::set_theme(if dark.get() { "dark" } else { "light" }));

    let notice = move || {
        ed.notice.get().map(|n| {
            view! {
                <div class="notice" role="status">
                    <span>{n.clone()}</span>
                    {(ed.notice_offers_save.get().as_deref() == Some(n.as_str()))
                        .then(|| {
                            view! {
                                <button on:click=move |_| {
                                    super::file_actions::save(ed);
                                    ed.notice.set(None);
                                }>"Save as file"</button>
                            }
                        })}
                    <button aria-label="Dismiss" on:click=move |_| ed.notice.set(None)>
                        "×"
                    </button>
                </div>
            }
        })
    };

    let editing = move || !ed.read_only.get() && !ed.presenting.get();

    view! {
        <div
            class="app"
            class:read-only=move || ed.read_only.get()
            class:presenting=move || ed.presenting.get()
        >
            <Toolbar toggles=toggles dark=dark />
            <div class="workspace">
                // A read-only view and presentation mode have no editing panels.
                <Show when=editing>
                    <Palette />
                </Show>
                <main
                    class="stage"
                    class:list-open=move || toggles.list_view.get()
                    aria-label="Canvas"
                >
                    <WhatIfBar />
                    <Canvas />
                    <Legend />
                    <ContextMenu />
                    <Show when=move || toggles.list_view.get()>
                        <ListView open=toggles.list_view />
                    </Show>
                    <PresentCaption />
                    {notice}
                </main>
                <Show when=editing>
                    <Inspector />
                </Show>
            </div>
            <Results />
            <HelpSheet open=toggles.help />
            <LoadErrorsDialog />
            <Gallery />
        </div>
    }
}

/// Open the design a share link carries, if the page was opened with one. A bad
/// link opens nothing and the load-error dialog says what is wrong. True when a
/// design was opened.
///
/// Spec choice: after a bad link, the user's autosaved design is restored behind
/// the dialog (otherwise the empty page would be autosaved over it).
fn open_link(ed: Editor, problems: LoadProblems) -> bool {
    let Some(hash) = browser::location_hash() else {
        return false;
    };
    if !hash.starts_with("v1=") && !hash.contains("&v1=") {
        return false;
    }
    match share::open(&hash) {
        Ok(shared) => {
            ed.replace(shared.design);
            ed.read_only.set(shared.view);
            // Spec choice: an editable link's design becomes the user's document
            // (autosaved), so the address drops the link once it is open: a reload
            // keeps the edits instead of opening the link again over them. A
            // `&view` link stays in the address, so a reload is the same view.
            if !shared.view {
                browser::replace_hash("");
            }
            ed.whatif.set(WhatIf {
                scale: shared.scale.unwrap_or(1.0).clamp(0.1, 100.0),
                fail: shared.fail.into_iter().collect(),
            });
            // Fit before the first frame, so it draws the view the user will see
            // (a large design is drawn simplified when zoomed out).
            ed.fit_when_measured();
            true
        }
        Err(errors) => {
            problems.show("This link could not be opened", None, errors);
            false
        }
    }
}
