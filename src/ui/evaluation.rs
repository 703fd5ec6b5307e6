//! The evaluation: the report of the design and what-if scenario on screen,
//! recomputed once edits pause.

use leptos::prelude::*;

use super::debounce::Debounce;
use super::session::WhatIf;
use crate::core::eval::{evaluate, EvalOptions};
use crate::core::model::Design;
use crate::core::report::Report;

#[derive(Clone, Copy)]
pub struct Evaluation {
    /// The design and scenario the report was last computed for. Edits land here
    /// after a short pause, so a burst of edits costs one evaluation.
    settled: RwSignal<Settled>,
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
        let settled = RwSignal::new(Settled {
            design: design.get_untracked(),
            options: EvalOptions::default(),
        });
        Evaluation {
            settled,
            pending: RwSignal::new(true),
            report: RwSignal::new(Report::empty()),
            settle_timer: Debounce::new(SETTLE_MS),
            design,
            whatif,
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
        self.settled.set(Settled { design, options });
    }

    /// The evaluator: each settled (design, scenario) becomes the report, and
    /// nothing is pending any more. Called once, from the panels' module, so
    /// that `evaluate` and the whole evaluation core travel in that module and
    /// not in the first one (the canvas draws before its first report).
    pub fn run(&self) {
        let ev = *self;
        Effect::new(move |_| {
            let report = ev.settled.with(|s| evaluate(&s.design, &s.options));
            if ev.report.with_untracked(|old| *old != report) {
                ev.report.set(report);
            }
            ev.pending.set(false);
        });
    }
}

/// The evaluation of the page, provided by `App`.
pub fn use_evaluation() -> Evaluation {
    expect_context::<Evaluation>()
}
