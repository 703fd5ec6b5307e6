//! Stress as people read it (model-2.md §2): what a link's timeout and retries
//! do to its calls, in words. Shared by the link inspector, the canvas and the
//! results panel; the figures all come from the report.

use crate::core::model::Link;
use crate::core::render::units::sig;
use crate::core::report::LinkReport;

/// Above this share of calls failing by timeout a link is marked on the canvas
/// (the `timeouts-fail-requests` threshold, 0.1%).
pub const FAILING_CALLS: f64 = 0.001;

/// A share as a percentage with three significant figures: 0.000002 → "0.0002%".
pub fn share(p: f64) -> String {
    format!("{}%", sig(p.clamp(0.0, 1.0) * 100.0))
}

/// The share of one attempt's timing out, `q`, recovered from the share of
/// calls that fail (`q^(1+r)`) and the link's retries `r`.
pub fn attempt_timeout(timeout_failure: f64, retries: u32) -> f64 {
    if timeout_failure <= 0.0 {
        0.0
    } else {
        timeout_failure
            .clamp(0.0, 1.0)
            .powf(1.0 / (1.0 + retries as f64))
    }
}

/// The effect of a link's timeout and retries in one line, e.g. "1.2% of
/// attempts time out; 1.01 attempts per call; 0.0002% of calls fail". `None`
/// for an async link or one without a timeout (they change nothing).
pub fn effect_line(link: &Link, report: &LinkReport) -> Option<String> {
    if !link.is_sync() || link.timeout_ms.is_none() {
        return None;
    }
    let q = attempt_timeout(report.timeout_failure, link.retries);
    Some(format!(
        "{} of attempts time out; {} attempt{} per call; {} of calls fail",
        share(q),
        sig(report.attempts),
        if report.attempts == 1.0 { "" } else { "s" },
        share(report.timeout_failure)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Mode;

    fn report(attempts: f64, timeout_failure: f64) -> LinkReport {
        LinkReport {
            id: "l".into(),
            rps: Some(1.0),
            attempts,
            timeout_failure,
            bytes_per_s: None,
        }
    }

    #[test]
    fn shares_read_as_percentages() {
        assert_eq!(share(0.012), "1.2%");
        assert_eq!(share(0.000002), "0.0002%");
        assert_eq!(share(0.0), "0%");
        assert_eq!(share(1.0), "100%");
    }

    #[test]
    fn one_attempt_is_recovered_from_the_calls() {
        assert!((attempt_timeout(0.001, 2) - 0.1).abs() < 1e-12);
        assert_eq!(attempt_timeout(0.0, 3), 0.0);
        assert!((attempt_timeout(0.25, 0) - 0.25).abs() < 1e-12);
    }

    #[test]
    fn the_line_shows_only_for_a_timed_sync_link() {
        let mut l = Link::new("l", "a", "b");
        l.timeout_ms = Some(800.0);
        l.retries = 2;
        let line = effect_line(&l, &report(1.0101, 0.000001)).unwrap();
        assert_eq!(
            line,
            "1% of attempts time out; 1.01 attempts per call; 0.0001% of calls fail"
        );
        l.mode = Mode::Async;
        assert_eq!(effect_line(&l, &report(1.0, 0.0)), None);
        l.mode = Mode::Sync;
        l.timeout_ms = None;
        assert_eq!(effect_line(&l, &report(1.0, 0.0)), None);
    }

    /// The browser test's design (tests/e2e/specs/stress.spec.ts): users →
    /// api → pay, pay slow (300 ms, p99 1.2 s) with a capacity of 600/s.
    fn checkout(timeout: f64, retries: u32) -> crate::core::model::Design {
        use crate::core::model::{Block, Design, Kind};
        let mut users = Block::new("users", Kind::Client, 0.0, 0.0);
        users.rps = 200.0;
        let mut api = Block::new("api", Kind::Service, 200.0, 0.0);
        api.replicas = 3;
        api.capacity_rps = Some(500.0);
        api.latency_ms = 20.0;
        api.p99_ms = 50.0;
        let mut pay = Block::new("pay", Kind::ExternalApi, 400.0, 0.0);
        pay.latency_ms = 300.0;
        pay.p99_ms = 1200.0;
        pay.capacity_rps = Some(600.0);
        let mut l2 = Link::new("l2", "api", "pay");
        l2.timeout_ms = Some(timeout);
        l2.retries = retries;
        Design {
            blocks: vec![users, api, pay],
            links: vec![Link::new("l1", "users", "api"), l2],
            ..Design::default()
        }
    }

    #[test]
    fn the_browser_tests_design_times_out_and_storms() {
        use crate::core::eval::{evaluate, stress::storm_scale, EvalOptions};
        let link = |d: &crate::core::model::Design| {
            let r = evaluate(d, &EvalOptions::default());
            let l2 = r.links.iter().find(|l| l.id == "l2").cloned().unwrap();
            let storm = r.findings.iter().any(|f| f.rule == "retry-storm");
            (l2, storm)
        };
        // 500 ms, no retries: a large share of calls fail, one attempt each.
        let (l2, _) = link(&checkout(500.0, 0));
        assert_eq!(l2.attempts, 1.0);
        assert!(l2.timeout_failure > 0.1, "{l2:?}");
        // 800 ms, 2 retries: more than one attempt per call, still above 0.1%
        // failing, and a retry storm finding on the provider.
        let (l2, storm) = link(&checkout(800.0, 2));
        assert!(l2.attempts > 1.2 && l2.attempts < 1.5, "{l2:?}");
        assert!(l2.timeout_failure > FAILING_CALLS, "{l2:?}");
        assert!(storm);
        // The storm begins a little above today's traffic: "×1.09".
        let s = storm_scale(&checkout(800.0, 2), &[]).unwrap();
        assert_eq!(sig(s), "1.09", "{s}");
    }
}
