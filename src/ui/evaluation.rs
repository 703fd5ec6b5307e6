//! The evaluation: the report of the design and what-if scenario on screen,
//! recomputed once edits pause.
//!
//! Each run is split into tasks, so that none holds the page for long: the
//! design under the what-if first (the figures most views show), then each
//! saved scenario in a task of its own, then (on designs of up to
//! [`IMPORTANCE_AUTO`] blocks) what to improve first.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser;
use super::debounce::Debounce;
use super::session::WhatIf;
use crate::core::eval::scenarios::{importance_of, scenario, with_scenarios};
use crate::core::eval::{evaluate, EvalOptions};
use crate::core::model::Design;
use crate::core::report::{Importance, Report, ScenarioReport};

/// Designs up to this many blocks get `importance[]` after each run; larger
/// ones on request ([`Evaluation::compute_importance`]): it costs two
/// availabilities per component, about a second at 1,000 blocks.
pub const IMPORTANCE_AUTO: usize = 200;

#[derive(Clone, Copy)]
pub struct Evaluation {
    /// The design and scenario the report was last computed for. Edits land here
    /// after a short pause, so a burst of edits costs one evaluation.
    settled: RwSignal<Arc<Settled>>,
    /// An edit is waiting to be evaluated: the results panel shows "updating".
    pub pending: RwSignal<bool>,
    /// The evaluation report of what is on screen, derived from `settled` by the
    /// evaluator ([`Evaluation::run`]); empty until its first run.
    pub report: RwSignal<Report>,
    /// Evaluates once edits pause; only the latest scheduled run happens.
    settle_timer: Debounce,
    /// What is evaluated: the document's design and the session's scenario.
    design: RwSignal<Design>,
    whatif: RwSignal<WhatIf>,
    /// Numbers the evaluator's runs: a task of an older run does nothing.
    run_id: StoredValue<u64>,
    /// The latest run is still adding its scenarios.
    adding: StoredValue<bool>,
    /// What to improve first for the report on screen (model-2.md §4.2);
    /// `None` until computed for it.
    pub importance: RwSignal<Option<Vec<Importance>>>,
}

/// How long edits must pause before the report is recomputed, in ms.
const SETTLE_MS: u32 = 16;

/// What the report was computed from.
#[derive(Clone, Debug, PartialEq)]
struct Settled {
    design: Design,
    options: EvalOptions,
}

impl Evaluation {
    /// The evaluation of `design` (the document's) under `whatif` (the session's).
    pub fn new(design: RwSignal<Design>, whatif: RwSignal<WhatIf>) -> Evaluation {
        let settled = RwSignal::new(Arc::new(Settled {
            design: design.get_untracked(),
            options: EvalOptions::default(),
        }));
        Evaluation {
            settled,
            pending: RwSignal::new(true),
            report: RwSignal::new(Report::empty()),
            settle_timer: Debounce::new(SETTLE_MS),
            design,
            whatif,
            run_id: StoredValue::new(0),
            adding: StoredValue::new(false),
            importance: RwSignal::new(None),
        }
    }

    /// Re-evaluate after edits settle: call once from `App`. Each change to the
    /// design or the scenario restarts a short timer; when it fires, the report
    /// memo sees one new (design, scenario) pair.
    pub fn evaluate_on_change(&self) {
        let ev = *self;
        Effect::new(move |first: Option<()>| {
            ev.design.track();
            ev.whatif.track();
            ev.pending.set(true);
            // A later edit drops this evaluation and schedules its own. The first
            // run (after the page's first turn, so a design opened by a link is
            // included) waits for a frame too: the design is drawn first, and a
            // large one is not held up by its evaluation.
            let settle = move || ev.settle();
            if first.is_none() {
                ev.settle_timer.call_after_frame(settle);
            } else {
                ev.settle_timer.call(settle);
            }
        });
    }

    /// Where a retry storm begins (`stress::storm_scale`) for the evaluated
    /// design and its failed items, read reactively; `None` unless the what-if
    /// traffic scale is not 1 and some timed sync link retries. It evaluates the
    /// load some fifteen times: read it from a memo.
    pub fn storm_scale(&self) -> Option<f64> {
        self.settled.with(|s| {
            let retried = s
                .design
                .links
                .iter()
                .any(|l| l.is_sync() && l.retries > 0 && l.timeout_ms.is_some());
            (s.options.scale != 1.0 && retried)
                .then(|| crate::core::eval::stress::storm_scale(&s.design, &s.options.fail))
                .flatten()
        })
    }

    /// The settled report with everything in it, `importance[]` included (the
    /// live report leaves it out): what "Copy report" puts on the clipboard,
    /// the same as `envelope eval --markdown`.
    pub fn full_report(&self) -> Report {
        self.settled.with_untracked(|s| {
            let options = EvalOptions {
                importance: true,
                ..s.options.clone()
            };
            evaluate(&s.design, &options)
        })
    }

    /// Whether the report is for a what-if traffic scale other than 1.
    pub fn scaled(&self) -> bool {
        self.settled.with(|s| s.options.scale != 1.0)
    }

    /// Evaluate what is on screen now.
    pub fn settle(&self) {
        let options = self.whatif.with_untracked(WhatIf::options);
        let design = self.design.get_untracked();
        let now = Settled { design, options };
        if self.settled.with_untracked(|s| **s != now) {
            self.settled.set(Arc::new(now));
        } else {
            // Nothing new to evaluate: what was pending is already shown,
            // unless the evaluator is still adding scenarios of this run.
            self.pending.set(self.adding.get_value());
        }
    }

    /// The evaluator: each settled (design, scenario) becomes the report, and
    /// nothing is pending any more once its scenarios are in. Called once, from
    /// the panels' module, so that `evaluate` and the whole evaluation core
    /// travel in that module and not in the first one (the canvas draws before
    /// its first report).
    pub fn run(&self) {
        let ev = *self;
        Effect::new(move |_| {
            // The run's tasks share what it evaluates (no copy of the design).
            let settled = ev.settled.get();
            let run = ev.next_run();
            let first = EvalOptions {
                scenarios: false,
                ..settled.options.clone()
            };
            let base = evaluate(&settled.design, &first);
            // Until its scenarios are evaluated again, the report keeps the last
            // rows of the same scenarios ("Updating…" is shown meanwhile).
            let kept = ev
                .report
                .with_untracked(|r| same_rows(&settled.design, &r.scenarios));
            let shown = match kept {
                Some(rows) => with_scenarios(&settled.design, base.clone(), rows),
                None => base.clone(),
            };
            ev.show(shown);
            // A small design's ranking follows shortly: the last one stays on
            // screen until then (no flicker while typing). A large design's
            // is computed on request, so an old one would mislead: it goes.
            if settled.design.blocks.len() > IMPORTANCE_AUTO {
                ev.importance.set(None);
            }
            ev.adding.set_value(true);
            ev.next_scenario(run, settled, base, Vec::new());
        });
    }

    /// Evaluate the next scenario of run `run` in a task of its own; after the
    /// last, show the whole report.
    fn next_scenario(
        self,
        run: u64,
        settled: Arc<Settled>,
        base: Report,
        mut rows: Vec<ScenarioReport>,
    ) {
        let d = &settled.design;
        if rows.len() == d.scenarios.len() {
            if !d.scenarios.is_empty() {
                self.show(with_scenarios(d, base, rows));
            }
            self.adding.set_value(false);
            self.pending.set(false);
            if d.blocks.len() <= IMPORTANCE_AUTO {
                self.importance_later(run, settled);
            }
            return;
        }
        let first = rows.is_empty();
        let step = move || {
            if self.run_id.try_get_value() != Some(run) {
                return;
            }
            let d = &settled.design;
            rows.push(scenario(d, &d.scenarios[rows.len()], &settled.options));
            self.next_scenario(run, settled, base, rows);
        };
        if first {
            // The design's figures are painted before the scenarios start.
            after_paint(step);
        } else {
            browser::after(0, Box::new(step));
        }
    }

    /// Compute what to improve first in a task of its own, once the report
    /// on screen is painted.
    fn importance_later(self, run: u64, settled: Arc<Settled>) {
        after_paint(move || {
            if self.run_id.try_get_value() == Some(run) {
                let list = importance_of(&settled.design, &settled.options);
                self.importance.set(Some(list));
            }
        });
    }

    /// What to improve first for the report on screen, now (a button, on
    /// designs above [`IMPORTANCE_AUTO`] blocks).
    pub fn compute_importance(&self) {
        let list = self
            .settled
            .with_untracked(|s| importance_of(&s.design, &s.options));
        self.importance.set(Some(list));
    }

    fn show(&self, report: Report) {
        if self.report.with_untracked(|old| *old != report) {
            self.report.set(report);
        }
    }

    fn next_run(&self) -> u64 {
        let mut n = 0;
        self.run_id.update_value(|r| {
            *r += 1;
            n = *r;
        });
        n
    }
}

/// Run `f` in a task of its own after the next frame is painted, so that
/// what changed before it is on screen first.
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || browser::after(0, Box::new(f)));
}

/// The rows of `old` for exactly `design`'s scenarios, in its order, when it
/// has one for each.
fn same_rows(design: &Design, old: &[ScenarioReport]) -> Option<Vec<ScenarioReport>> {
    design
        .scenarios
        .iter()
        .map(|s| old.iter().find(|r| r.id == s.id).cloned())
        .collect()
}

/// The evaluation of the page, provided by `App`.
pub fn use_evaluation() -> Evaluation {
    expect_context::<Evaluation>()
}
