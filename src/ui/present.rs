//! Presentation mode: the canvas and the results full screen in large type,
//! editing chrome hidden. The arrow keys step through the findings; each is
//! selected and shown on the canvas and marked in the results panel, the way
//! clicking it there does, with a caption naming it.
//!
//! Spec choice: step 0 is an overview (the whole design, nothing selected);
//! steps 1..=N are the findings in the results panel's order (errors, then
//! warnings, then info). Stepping stops at either end rather than wrapping.

use leptos::prelude::*;

use super::browser;
use super::chrome::Chrome;
use super::document::Document;
use super::editor::{use_editor, Editor};
use super::evaluation::Evaluation;
use super::session::{Selection, Session};
use crate::core::eval::rules::rule_info;
use crate::core::geometry::{self, Point, Viewport};
use crate::core::report::{Finding, Report, Severity};

/// Enter or leave presentation mode (key `P`, the toolbar's Present button).
pub fn toggle(ed: Editor) {
    if ed.chrome.presenting.get_untracked() {
        leave(ed);
    } else {
        enter(ed);
    }
}

pub fn enter(ed: Editor) {
    ed.session.menu.set(None);
    ed.session.gesture.set(None);
    ed.chrome.present_at.set(0);
    ed.chrome.presenting.set(true);
    browser::enter_fullscreen();
    relayout(ed);
}

/// Leave presentation mode (and full screen).
pub fn leave(ed: Editor) {
    if !ed.chrome.presenting.get_untracked() {
        return;
    }
    ed.chrome.presenting.set(false);
    browser::exit_fullscreen();
    relayout(ed);
}

/// The panels changed: once laid out, let the canvas measure itself, then show
/// what the current step shows.
fn relayout(ed: Editor) {
    request_animation_frame(move || {
        browser::notify_resize();
        if ed.chrome.presenting.get_untracked() {
            show_current(ed);
        } else {
            ed.fit();
        }
    });
}

/// Fill the screen with the design: like `Editor::fit`, but a small design is
/// magnified (large type for the back of the room).
fn fit_large(doc: Document, session: Session) {
    let (w, h) = session.canvas_size.get_untracked();
    let Some(b) = doc.design.with_untracked(geometry::design_bounds) else {
        return;
    };
    let margin = 30.0;
    let zx = (w - 2.0 * margin).max(1.0) / b.w.max(1.0);
    let zy = (h - 2.0 * margin).max(1.0) / b.h.max(1.0);
    let zoom = zx.min(zy).clamp(0.1, MAX_PRESENT_ZOOM);
    let c = b.centre();
    session.viewport.set(Viewport {
        zoom,
        pan: Point::new(w / 2.0 - c.x * zoom, h / 2.0 - c.y * zoom),
    });
}

/// How far presentation mode magnifies a small design.
const MAX_PRESENT_ZOOM: f64 = 1.8;

/// The findings in the order the results panel lists them.
fn ordered(r: &Report) -> Vec<&Finding> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .flat_map(|s| r.findings.iter().filter(move |f| f.severity == s))
        .collect()
}

/// The finding on show (None for the overview), tracked.
fn current(chrome: Chrome, eval: Evaluation) -> Option<(usize, usize, Finding)> {
    let at = chrome.present_at.get();
    eval.report.with(|r| {
        let list = ordered(r);
        let n = list.len();
        let i = at.min(n);
        (i > 0).then(|| (i, n, list[i - 1].clone()))
    })
}

/// Whether `f` is the finding presentation mode shows now.
pub fn is_current(chrome: Chrome, eval: Evaluation, f: &Finding) -> bool {
    chrome.presenting.get() && current(chrome, eval).is_some_and(|(_, _, c)| c.key() == f.key())
}

/// Step `by` findings forward (negative: back), staying within the list.
pub fn step(ed: Editor, by: isize) {
    let n = ed.eval.report.with_untracked(|r| r.findings.len());
    let at = ed.chrome.present_at.get_untracked().min(n);
    let next = at.saturating_add_signed(by).min(n);
    if next != at {
        ed.chrome.present_at.set(next);
    }
    show_current(ed);
}

/// Select and show the current step's finding, or the whole design.
fn show_current(ed: Editor) {
    match untrack(move || current(ed.chrome, ed.eval)) {
        Some((_, _, f)) => {
            // A finding names zones among its blocks: select those as zones,
            // so the canvas marks them too.
            let (zones, blocks) = ed.doc.design.with_untracked(|d| {
                f.blocks
                    .iter()
                    .cloned()
                    .partition::<Vec<_>, _>(|id| d.zone(id).is_some())
            });
            ed.session.selection.set(Selection {
                blocks: blocks.into_iter().collect(),
                zones: zones.into_iter().collect(),
                links: f.links.iter().cloned().collect(),
                ..Selection::default()
            });
            ed.show(&f.blocks, &f.links);
            request_animation_frame(|| browser::scroll_into_view(".finding.current"));
        }
        None => {
            ed.session.clear_selection();
            fit_large(ed.doc, ed.session);
        }
    }
}

/// The caption over the canvas while presenting: which finding is on show, and
/// buttons to step and to leave. Also leaves presentation mode when the user
/// leaves full screen through the browser.
#[component]
pub fn PresentCaption() -> impl IntoView {
    let ed = use_editor();
    let fullscreen = browser::on_fullscreen_change(move |full| {
        if full {
            relayout(ed);
        } else {
            leave(ed);
        }
    });
    let fullscreen = StoredValue::new_local(Some(fullscreen));
    on_cleanup(move || fullscreen.set_value(None));

    let total = move || ed.eval.report.with(|r| r.findings.len());
    let text = move || match current(ed.chrome, ed.eval) {
        Some((i, n, f)) => {
            let title = rule_info(f.rule).map_or(f.rule, |r| r.title);
            (
                format!("Finding {i} of {n} · {}", f.severity.as_str()),
                title.to_string(),
                f.message,
            )
        }
        None => {
            let title = ed.doc.design.with(|d| {
                if d.title.is_empty() {
                    "Untitled design".to_string()
                } else {
                    d.title.clone()
                }
            });
            let hint = match total() {
                0 => "No findings: nothing in the design breaks a rule.".to_string(),
                1 => "1 finding: press → to show it.".to_string(),
                n => format!("{n} findings: press → to step through them."),
            };
            ("Overview".to_string(), title, hint)
        }
    };
    let at_start = move || ed.chrome.present_at.get() == 0;
    let at_end = move || ed.chrome.present_at.get() >= total();
    view! {
        <Show when=move || ed.chrome.presenting.get()>
            <div class="present-caption" role="region" aria-label="Presentation">
                <div class="caption-text" aria-live="polite">
                    <span class="caption-step">{move || text().0}</span>
                    <strong class="caption-title">{move || text().1}</strong>
                    <span class="caption-message">{move || text().2}</span>
                </div>
                <div class="caption-buttons">
                    <button
                        aria-label="Previous finding"
                        title="Previous finding (← or ↑)"
                        disabled=at_start
                        on:click=move |_| step(ed, -1)
                    >
                        "←"
                    </button>
                    <button
                        aria-label="Next finding"
                        title="Next finding (→ or ↓)"
                        disabled=at_end
                        on:click=move |_| step(ed, 1)
                    >
                        "→"
                    </button>
                    <button title="Leave presentation mode (Esc)" on:click=move |_| leave(ed)>
                        "Exit presentation"
                    </button>
                </div>
            </div>
        </Show>
    }
}
