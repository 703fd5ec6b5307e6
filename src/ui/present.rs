//! Presentation mode: the canvas and the headline figures full screen in
//! large type, editing chrome hidden. The arrow keys step through the saved
//! scenarios (each applied as the what-if), then the findings (each selected
//! and shown, the way clicking it in the results does), with a caption naming
//! the step. Each step zooms to what it concerns with block labels at least
//! [`LABEL_MIN_PX`] high, for the back row of a classroom.
//!
//! Spec choice: step 0 is an overview (the entries and what they call, the
//! what-if as it was); steps 1..=S are the scenarios in document order; the
//! findings follow, in the results panel's order (errors, then warnings, then
//! info), under the what-if the presentation began with. Stepping stops at
//! either end rather than wrapping, and leaving restores that what-if.

use leptos::prelude::*;

use super::browser;
use super::chrome::Chrome;
use super::editor::{use_editor, Editor};
use super::scenarios::{summary, whatif_of};
use super::session::Selection;
use crate::core::eval::rules::rule_info;
use crate::core::geometry::{self, Rect, Viewport};
use crate::core::model::Design;
use crate::core::render::units;
use crate::core::report::{Finding, Report, ScenarioReport, Severity};

/// The smallest block label presentation mode draws, in screen px.
pub const LABEL_MIN_PX: f64 = 16.0;
/// A block label's font size in world units (style/main.css, `.block-label`).
const LABEL_PX: f64 = 13.0;
/// How far presentation mode magnifies a small design.
const MAX_PRESENT_ZOOM: f64 = 2.4;

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
    ed.chrome
        .present_whatif
        .set_value(Some(ed.session.whatif.get_untracked()));
    ed.chrome.presenting.set(true);
    browser::enter_fullscreen();
    relayout(ed);
}

/// Leave presentation mode (and full screen), with the what-if it began with.
pub fn leave(ed: Editor) {
    if !ed.chrome.presenting.get_untracked() {
        return;
    }
    ed.chrome.presenting.set(false);
    if let Some(w) = ed.chrome.present_whatif.get_value() {
        ed.session.whatif.set(w);
    }
    ed.chrome.present_whatif.set_value(None);
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

/// What a step shows.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Overview,
    /// The scenario at this index (from 0), of so many.
    Scenario(usize, usize),
    /// The finding at this place (from 1), of so many.
    Finding(usize, usize, Finding),
}

/// The findings in the order the results panel lists them.
fn ordered(r: &Report) -> Vec<&Finding> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .flat_map(|s| r.findings.iter().filter(move |f| f.severity == s))
        .collect()
}

/// The step on show, tracked. A finding step past the report's findings (the
/// report under the scenarios' what-if had more) shows the last one.
fn current(chrome: Chrome, ed: Editor) -> Step {
    let at = chrome.present_at.get();
    let scenarios = ed.doc.design.with(|d| d.scenarios.len());
    if at == 0 {
        return Step::Overview;
    }
    if at <= scenarios {
        return Step::Scenario(at - 1, scenarios);
    }
    ed.eval.report.with(|r| {
        let list = ordered(r);
        let n = list.len();
        match (at - scenarios).min(n) {
            0 if scenarios > 0 => Step::Scenario(scenarios - 1, scenarios),
            0 => Step::Overview,
            i => Step::Finding(i, n, list[i - 1].clone()),
        }
    })
}

/// Whether `f` is the finding presentation mode shows now.
pub fn is_current(ed: Editor, f: &Finding) -> bool {
    ed.chrome.presenting.get()
        && matches!(current(ed.chrome, ed), Step::Finding(_, _, c) if c.key() == f.key())
}

/// Step `by` forward (negative: back), staying within the steps.
pub fn step(ed: Editor, by: isize) {
    let scenarios = ed.doc.design.with_untracked(|d| d.scenarios.len());
    // The findings counted are those of the what-if the presentation began
    // with; during a scenario step the report is the scenario's, so one more
    // step is allowed and `current` settles it once that report is in.
    let findings = ed.eval.report.with_untracked(|r| r.findings.len());
    let last = scenarios + findings.max(1);
    let at = ed.chrome.present_at.get_untracked().min(last);
    let next = at.saturating_add_signed(by).min(last);
    if next != at {
        ed.chrome.present_at.set(next);
    }
    // The what-if of the step first, so its report is there to be shown.
    let wanted = match next {
        n if n >= 1 && n <= scenarios => ed
            .doc
            .design
            .with_untracked(|d| whatif_of(&d.scenarios[n - 1])),
        _ => ed.chrome.present_whatif.get_value().unwrap_or_default(),
    };
    if ed.session.whatif.with_untracked(|w| *w != wanted) {
        ed.session.whatif.set(wanted);
        ed.eval.settle();
    }
    // The evaluator runs on the new what-if before the next frame.
    request_animation_frame(move || show_current(ed));
}

/// Select and zoom to what the current step concerns.
fn show_current(ed: Editor) {
    match untrack(move || current(ed.chrome, ed)) {
        Step::Finding(_, _, f) => {
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
            let mut ids = f.blocks.clone();
            ed.doc.design.with_untracked(|d| {
                ids.extend(
                    f.links
                        .iter()
                        .filter_map(|l| d.link(l))
                        .flat_map(|l| [l.from.clone(), l.to.clone()]),
                )
            });
            zoom_to(ed, &ids);
            request_animation_frame(|| browser::scroll_into_view(".finding.current"));
        }
        Step::Scenario(i, _) => {
            ed.session.clear_selection();
            let ids = ed.doc.design.with_untracked(|d| {
                let s = &d.scenarios[i];
                let mut ids = s.fail.clone();
                let row = ed.eval.report.with_untracked(|r| scenario_row(r, &s.id));
                ids.extend(row.and_then(|r| r.bottleneck));
                ids
            });
            zoom_to(ed, &ids);
        }
        Step::Overview => {
            ed.session.clear_selection();
            let ids = ed.doc.design.with_untracked(entries_and_callees);
            zoom_to(ed, &ids);
        }
    }
}

/// The entries (blocks with traffic) and the blocks they call: where a talk
/// through a design starts.
fn entries_and_callees(d: &Design) -> Vec<String> {
    let entries: Vec<&str> = d
        .blocks
        .iter()
        .filter(|b| b.rps > 0.0 || b.users.is_some())
        .map(|b| b.id.as_str())
        .collect();
    let mut ids: Vec<String> = entries.iter().map(|s| s.to_string()).collect();
    ids.extend(
        d.links
            .iter()
            .filter(|l| entries.contains(&l.from.as_str()))
            .map(|l| l.to.clone()),
    );
    ids
}

/// Zoom to the blocks and zones `ids` name (a zone counts as its rectangle),
/// labels at least `LABEL_MIN_PX` high; to the whole design when they name
/// nothing.
///
/// Spec choice: when what a step concerns does not fit at that size, the view
/// centres on it and cuts the rest at the screen's edges.
fn zoom_to(ed: Editor, ids: &[String]) {
    let (w, h) = ed.session.canvas_size.get_untracked();
    let bounds = ed.doc.design.with_untracked(|d| {
        let named = ids
            .iter()
            .filter_map(|id| rect_of(d, id))
            .reduce(|a, b| a.union(&b));
        named.or_else(|| geometry::design_bounds(d))
    });
    let Some(b) = bounds else {
        return;
    };
    let min = LABEL_MIN_PX / LABEL_PX;
    ed.session.viewport.set(Viewport::fit_within(
        b,
        w,
        h,
        40.0,
        min,
        MAX_PRESENT_ZOOM.max(min),
    ));
}

fn rect_of(d: &Design, id: &str) -> Option<Rect> {
    if let Some(b) = d.block(id) {
        return Some(geometry::block_rect(b.x, b.y));
    }
    d.zone(id).map(|z| Rect {
        x: z.x,
        y: z.y,
        w: z.w,
        h: z.h,
    })
}

fn scenario_row(r: &Report, id: &str) -> Option<ScenarioReport> {
    r.scenarios.iter().find(|s| s.id == id).cloned()
}

/// A scenario step's caption: its figures against its targets.
fn scenario_caption(d: &Design, r: &Report, i: usize) -> String {
    let s = &d.scenarios[i];
    let what = summary(d, s.scale, &s.fail);
    let Some(row) = scenario_row(r, &s.id) else {
        return what;
    };
    let mut parts = vec![what];
    if let Some(a) = row.availability {
        parts.push(format!("availability {}", units::percent(a)));
    }
    if let Some(l) = row.latency {
        parts.push(format!("p99 {}", units::ms(l.p99_ms)));
    }
    let verdict = match (row.meets_availability, row.meets_p99) {
        (Some(false), _) | (_, Some(false)) => "misses its targets",
        (None, None) => "no targets",
        _ => "meets its targets",
    };
    parts.push(verdict.to_string());
    parts.join(" · ")
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

    let scenarios = move || ed.doc.design.with(|d| d.scenarios.len());
    let total = move || scenarios() + ed.eval.report.with(|r| r.findings.len());
    let text = move || match current(ed.chrome, ed) {
        Step::Finding(i, n, f) => {
            let title = rule_info(f.rule).map_or(f.rule, |r| r.title);
            (
                format!("Finding {i} of {n} · {}", f.severity.as_str()),
                title.to_string(),
                f.message,
            )
        }
        Step::Scenario(i, n) => ed.doc.design.with(|d| {
            ed.eval.report.with(|r| {
                (
                    format!("Scenario {} of {n}", i + 1),
                    d.scenarios[i].name.clone(),
                    scenario_caption(d, r, i),
                )
            })
        }),
        Step::Overview => {
            let title = ed.doc.design.with(|d| {
                if d.title.is_empty() {
                    "Untitled design".to_string()
                } else {
                    d.title.clone()
                }
            });
            let findings = ed.eval.report.with(|r| r.findings.len());
            let hint = match (scenarios(), findings) {
                (0, 0) => {
                    "No scenarios or findings: nothing in the design breaks a rule.".to_string()
                }
                (0, 1) => "1 finding: press → to show it.".to_string(),
                (0, n) => format!("{n} findings: press → to step through them."),
                (s, n) => format!(
                    "{s} scenario{}, then {n} finding{}: press → to step through them.",
                    plural(s),
                    plural(n)
                ),
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
                        aria-label="Previous step"
                        title="Previous scenario or finding (← or ↑)"
                        disabled=at_start
                        on:click=move |_| step(ed, -1)
                    >
                        "←"
                    </button>
                    <button
                        aria-label="Next step"
                        title="Next scenario or finding (→ or ↓)"
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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
