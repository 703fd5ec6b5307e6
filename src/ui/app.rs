//! The root component: provides the UI state (document, session, chrome,
//! evaluation, and the editor's actions over them) and lays out toolbar, palette,
//! canvas, inspector and results. The canvas and what-if bar are drawn from
//! this (the first) wasm module; the other panels' contents, the keyboard
//! shortcuts and the notices come from `panel_view`'s module, split off by
//! `.ci/split.sh`, into containers laid out here.

use leptos::prelude::*;

use super::browser;
use super::canvas::Canvas;
use super::chrome::{use_chrome, Chrome};
use super::context_menu::ContextMenu;
use super::document::{use_document, Document};
use super::editor::{use_editor, Editor};
use super::evaluation::use_evaluation;
use super::gallery::{self, Gallery};
use super::help::HelpSheet;
use super::inspector::Inspector;
use super::keys::{self, Toggles};
use super::legend::Legend;
use super::library::Library;
use super::list_view::ListView;
use super::load_errors::{use_load_problems, LoadErrorsDialog, LoadProblems};
use super::palette::Palette;
use super::present::PresentCaption;
use super::recent::{ConflictPrompt, RecentDesigns};
use super::results::Results;
use super::session::WhatIf;
use super::toolbar::Toolbar;
use super::whatif::WhatIfBar;
use crate::core::model::Design;
use crate::core::{format, share};

#[component]
pub fn App() -> impl IntoView {
    let ed = Editor::new(Design::default());
    ed.provide();
    browser::expose_api(move || ed.doc.design.with_untracked(format::save));
    browser::expose_getter("pending", move || {
        ed.eval.pending.get_untracked().to_string()
    });
    ed.eval.evaluate_on_change();
    let problems = LoadProblems::provide();
    let library = Library::provide(ed, problems);
    let toggles = Toggles {
        help: RwSignal::new(false),
        list_view: RwSignal::new(false),
        recent: library.recent_open,
    };
    provide_context(super::actions::Ctx { ed, toggles });
    let opened = open_link(ed, problems, |design, view| {
        ed.replace(design);
        ed.doc.read_only.set(view);
    });
    // For tests: "true" once start-up has opened the tab's design and every
    // change is stored.
    browser::expose_getter("stored", move || {
        (library.ready.get_untracked() && library.settled()).to_string()
    });
    gallery::provide(ed.doc, library.ready);
    provide_context(super::requirements::RequirementsOpen(RwSignal::new(false)));
    provide_context(super::scenarios::ScenarioEditing(RwSignal::new(None)));
    // The offline worker's install downloads every file of the site again: it
    // waits for the first frame and a second more, so it never competes with
    // the start (on 2 cores it cost a cold start about 150 ms).
    request_animation_frame(|| {
        browser::after(1_000, Box::new(browser::register_service_worker));
    });

    let dark = RwSignal::new(browser::prefers_dark());
    Effect::new(move |_| browser::set_theme(if dark.get() { "dark" } else { "light" }));

    let editing = move || !ed.doc.read_only.get() && !ed.chrome.presenting.get();

    let panels = Panels {
        toggles,
        dark,
        results_open: RwSignal::new(true),
        library,
        link_opened: opened,
    };
    let results_open = panels.results_open;

    // The containers are here, so the layout (and the canvas's size) is final
    // from the first frame; what is inside them comes with the panels' module.
    view! {
        <div
            class="app"
            class:read-only=move || ed.doc.read_only.get()
            class:presenting=move || ed.chrome.presenting.get()
        >
            <header class="toolbar" role="toolbar" aria-label="Editor">
                {panels.show(Panel::Toolbar)}
            </header>
            <div class="workspace">
                // A read-only view and presentation mode have no editing panels.
                <Show when=editing>
                    <aside class="palette" aria-label="Palette">
                        {panels.show(Panel::Palette)}
                    </aside>
                </Show>
                <main
                    class="stage"
                    class:list-open=move || toggles.list_view.get()
                    aria-label="Canvas"
                >
                    // In the first module: it takes the canvas's top rows, which must
                    // be known when the canvas first measures itself.
                    <WhatIfBar />
                    <Canvas />
                    {panels.show(Panel::Legend)}
                    {panels.show(Panel::ContextMenu)}
                    <Show when=move || toggles.list_view.get()>
                        {panels.show(Panel::ListView)}
                    </Show>
                    {panels.show(Panel::PresentCaption)}
                    {panels.show(Panel::Notice)}
                </main>
                <Show when=editing>
                    <aside class="inspector" aria-label="Inspector">
                        {panels.show(Panel::Inspector)}
                    </aside>
                </Show>
            </div>
            <section
                class="results"
                class:collapsed=move || !results_open.get()
                aria-labelledby="results-heading"
            >
                {panels.show(Panel::Results)}
            </section>
            {panels.show(Panel::Library)}
            {panels.show(Panel::Evaluator)}
            {panels.show(Panel::Shortcuts)}
            {panels.show(Panel::HelpSheet)}
            {panels.show(Panel::LoadErrors)}
            {panels.show(Panel::Gallery)}
            {panels.show(Panel::Requirements)}
            {panels.show(Panel::ScenarioDialog)}
            {panels.show(Panel::MermaidReview)}
            {panels.show(Panel::Recent)}
            {panels.show(Panel::Conflict)}
        </div>
    }
}

/// Everything around the canvas.
#[derive(Clone, Copy)]
enum Panel {
    /// Not a view: the keyboard shortcuts and the clipboard's cut, copy and paste.
    Shortcuts,
    /// Not a view: the library starts (it opens the tab's design, or keeps the
    /// link's) with this module, which keeps the first one small.
    Library,
    /// Not a view: the evaluator (`Evaluation::run`), whose core lives in
    /// this module.
    Evaluator,
    /// The app's one-line messages, over the canvas.
    Notice,
    Toolbar,
    Palette,
    Legend,
    ContextMenu,
    ListView,
    PresentCaption,
    Inspector,
    Results,
    HelpSheet,
    LoadErrors,
    Gallery,
    /// New from requirements.
    Requirements,
    /// Save as scenario, Edit scenario.
    ScenarioDialog,
    /// The review of a Mermaid diagram pasted or opened.
    MermaidReview,
    /// The library's Recent designs dialog.
    Recent,
    /// Another tab changed the design this one has edits of.
    Conflict,
}

/// What the panels share with `App`.
#[derive(Clone, Copy)]
struct Panels {
    toggles: Toggles,
    dark: RwSignal<bool>,
    results_open: RwSignal<bool>,
    library: Library,
    /// A share link opened the design at start.
    link_opened: bool,
}

impl Panels {
    /// A panel, drawn once the panels' module has loaded (at once when it has).
    fn show(self, panel: Panel) -> impl IntoView {
        Suspend::new(async move { panel_view(panel, self).await })
    }
}

/// The panels' views. In the release build this function and all it alone
/// uses are split into a second wasm module (`.ci/split.sh`), fetched the
/// first time it is called: the first module draws the design without them,
/// which keeps it small (README, Benchmarks).
#[leptos::lazy]
fn panel_view(panel: Panel, panels: Panels) -> AnyView {
    let Panels {
        toggles,
        dark,
        results_open,
        library,
        link_opened,
    } = panels;
    match panel {
        Panel::Library => {
            library.start(link_opened);
            follow_pasted_links(use_editor(), use_load_problems(), library);
            ().into_any()
        }
        Panel::Shortcuts => {
            install_shortcuts(use_editor(), toggles);
            ().into_any()
        }
        Panel::Evaluator => {
            use_evaluation().run();
            ().into_any()
        }
        Panel::Notice => notice(use_chrome(), use_document()).into_any(),
        Panel::Toolbar => view! { <Toolbar toggles=toggles dark=dark /> }.into_any(),
        Panel::Palette => view! { <Palette /> }.into_any(),
        Panel::Legend => view! { <Legend /> }.into_any(),
        Panel::ContextMenu => view! { <ContextMenu /> }.into_any(),
        Panel::ListView => view! { <ListView open=toggles.list_view /> }.into_any(),
        Panel::PresentCaption => view! { <PresentCaption /> }.into_any(),
        Panel::Inspector => view! { <Inspector /> }.into_any(),
        Panel::Results => view! { <Results open=results_open /> }.into_any(),
        Panel::HelpSheet => view! { <HelpSheet open=toggles.help /> }.into_any(),
        Panel::LoadErrors => view! { <LoadErrorsDialog /> }.into_any(),
        Panel::Gallery => view! { <Gallery /> }.into_any(),
        Panel::Requirements => view! { <super::requirements::RequirementsDialog /> }.into_any(),
        Panel::ScenarioDialog => view! { <super::scenarios::ScenarioDialog /> }.into_any(),
        Panel::MermaidReview => view! { <super::mermaid_review::MermaidReview /> }.into_any(),
        Panel::Recent => view! { <RecentDesigns /> }.into_any(),
        Panel::Conflict => view! { <ConflictPrompt /> }.into_any(),
    }
}

/// The message of `Chrome::notice`, if any, with a way to dismiss it (and to
/// save the design as a file, when the message suggests it).
fn notice(chrome: Chrome, doc: Document) -> impl IntoView {
    move || {
        chrome.notice.get().map(|n| {
            view! {
                <div class="notice" role="status">
                    <span>{n.clone()}</span>
                    {(chrome.notice_offers_save.get().as_deref() == Some(n.as_str()))
                        .then(|| {
                            view! {
                                <button on:click=move |_| {
                                    super::file_actions::save(doc, chrome);
                                    chrome.notice.set(None);
                                }>"Save as file"</button>
                            }
                        })}
                    <button aria-label="Dismiss" on:click=move |_| chrome.notice.set(None)>
                        "×"
                    </button>
                </div>
            }
        })
    }
}

/// A share link pasted into the address bar of an open tab changes only the
/// fragment (no page load): open it as a link opened at start would be, the
/// open design kept in the library as the previous one.
fn follow_pasted_links(ed: Editor, problems: LoadProblems, library: Library) {
    let listener = browser::on_hash_change(move || {
        open_link(ed, problems, |design, view| {
            if view {
                library.open_view(design);
            } else {
                library.open_new(design);
            }
        });
    });
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || listener.dispose());
}

/// Keyboard shortcuts and the clipboard, for as long as the app is open.
fn install_shortcuts(ed: Editor, toggles: Toggles) {
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
    // For tests: the report as JSON (its writer comes with this module, as
    // nothing in the first one needs it), and a sign that the panels' module
    // has loaded and the shortcuts listen.
    browser::expose_getter("report", move || {
        ed.eval.report.with_untracked(|r| r.to_json())
    });
    browser::expose_getter("ready", || "true".to_string());
}

/// Open the design a share link carries, if the page was opened with one. A bad
/// link opens nothing and the load-error dialog says what is wrong. True when a
/// design was opened.
///
/// Spec choice: after a bad link, the tab's own design is opened behind the
/// dialog (as without a link).
///
/// `open` puts the design in place (`view`: read-only); at start that is the
/// editor itself, later the library (which stores what it replaces).
fn open_link(ed: Editor, problems: LoadProblems, open: impl FnOnce(Design, bool)) -> bool {
    let Some(hash) = browser::location_hash() else {
        return false;
    };
    if !hash.starts_with("v1=") && !hash.contains("&v1=") {
        return false;
    }
    match share::open(&hash) {
        Ok(shared) => {
            open(shared.design, shared.view);
            // Spec choice: an editable link's design becomes a document of the
            // user's library, so the address drops the link once it is open: a reload
            // keeps the edits instead of opening the link again over them. A
            // `&view` link stays in the address, so a reload is the same view.
            if !shared.view {
                browser::replace_hash("");
            }
            ed.session.whatif.set(WhatIf {
                scale: shared.scale.unwrap_or(1.0).clamp(0.1, 100.0),
                fail: shared.fail.into_iter().collect(),
            });
            // `&scenario=ID` applies a saved scenario over `&scale` and `&fail`.
            // Spec choice: an id the design has no scenario of is said, and
            // the design opens as drawn.
            if let Some(id) = shared.scenario {
                let found = ed
                    .doc
                    .design
                    .with_untracked(|d| super::scenarios::apply(d, ed.session, &id));
                if !found {
                    ed.chrome.notice.set(Some(format!(
                        "This link names a scenario '{id}' that the design does not have; it opens as drawn."
                    )));
                }
            }
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
