//! Tests: stress (model-2.md §2). Hand-computed cases with their arithmetic,
//! the rules' thresholds from both sides, and properties on random designs,
//! the latency checked against a long seeded Monte Carlo written here (test
//! only; the product computes it numerically).

use super::common::{design, eval};
use envelope::core::eval::stress::storm_scale;
use envelope::core::model::{Block, Design, Kind, Link, Route};
use envelope::core::report::Report;
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus as Rng64;

fn service(id: &str, latency_ms: f64, p99_ms: f64) -> Block {
    let mut b = Block::new(id, Kind::Service, 0.0, 0.0);
    b.availability = 1.0;
    b.latency_ms = latency_ms;
    b.p99_ms = p99_ms;
    b.capacity_rps = None;
    b
}

fn client(rps: f64) -> Block {
    let mut b = Block::new("users", Kind::Client, 0.0, 0.0);
    b.rps = rps;
    b
}

fn timed(id: &str, from: &str, to: &str, timeout: f64, retries: u32) -> Link {
    let mut l = Link::new(id, from, to);
    l.timeout_ms = Some(timeout);
    l.retries = retries;
    l
}

fn link<'r>(r: &'r Report, id: &str) -> &'r envelope::core::report::LinkReport {
    r.links.iter().find(|l| l.id == id).expect("link")
}

fn has(r: &Report, rule: &str) -> bool {
    r.findings.iter().any(|f| f.rule == rule)
}

#[test]
fn a_deterministic_callee_past_its_timeout_fails_every_call() {
    // api (0 ms) → slow (150 ms, certain) behind a 100 ms timeout, 2 retries:
    // every attempt takes 150 > 100, so q = 1, g = 1 − 1³ = 0; a call makes
    // 1 + 1 + 1 = 3 attempts (load ×3) and takes 3 · 100 = 300 ms.
    let mut api = service("api", 0.0, 0.0);
    api.availability = 1.0;
    let d = design(
        vec![client(10.0), api, service("slow", 150.0, 150.0)],
        vec![
            Link::new("l0", "users", "api"),
            timed("l1", "api", "slow", 100.0, 2),
        ],
    );
    let r = eval(&d);
    assert_eq!(link(&r, "l1").attempts, 3.0);
    assert_eq!(link(&r, "l1").timeout_failure, 1.0);
    let slow = r.blocks.iter().find(|b| b.id == "slow").unwrap();
    assert_eq!(slow.read_rps, Some(30.0));
    assert_eq!(r.availability, Some(0.0));
    let lat = r.latency.expect("finite: the timeout bounds the call");
    assert!((lat.mean_ms - 300.0).abs() < 1e-9, "{lat:?}");
    assert!((lat.p99_ms - 300.0).abs() < 1e-9, "{lat:?}");
    assert_eq!(slow.retry_amplification, 3.0);
}

#[test]
fn a_timeout_at_the_callees_p99_times_out_one_attempt_in_a_hundred() {
    // svc: median 20, p99 50 (log-normal); the timeout at 50 ms on a 0 ms link:
    // q = P(S > p99) = 0.01 (to the 2.3263 of the spec's σ), and with r = 2,
    // g = 1 − 0.01³ = 0.999999, E = 1 + 0.01 + 0.0001 = 1.0101.
    let d = design(
        vec![client(100.0), service("svc", 20.0, 50.0)],
        vec![timed("l", "users", "svc", 50.0, 2)],
    );
    let r = eval(&d);
    let q = 1.0 - phi(2.3263);
    let l = link(&r, "l");
    assert!((q - 0.01).abs() < 1e-5);
    assert!(
        (l.timeout_failure - q.powi(3)).abs() < 1e-12,
        "{}",
        l.timeout_failure
    );
    assert!(
        (l.attempts - (1.0 + q + q * q)).abs() < 1e-9,
        "{}",
        l.attempts
    );
    let a = r.availability.unwrap();
    assert!((a - (1.0 - q.powi(3))).abs() < 1e-9, "{a}");
}

#[test]
fn a_saturated_callee_hangs_without_a_timeout_and_fails_fast_with_one() {
    // db: 100 rps into capacity 50 → ρ = 2: T(db) = +∞.
    let mut db = service("db", 5.0, 5.0);
    db.capacity_rps = Some(50.0);
    let plain = design(
        vec![client(100.0), service("api", 1.0, 1.0), db.clone()],
        vec![
            Link::new("l0", "users", "api"),
            Link::new("l1", "api", "db"),
        ],
    );
    let r = eval(&plain);
    assert_eq!(r.latency, None, "no timeout: the request waits forever");
    // With a 200 ms timeout (no retry): every attempt times out (q = 1), the
    // call takes 200 ms and fails, the request is finite: 1 + 200 = 201 ms.
    let guarded = design(
        vec![client(100.0), service("api", 1.0, 1.0), db],
        vec![
            Link::new("l0", "users", "api"),
            timed("l1", "api", "db", 200.0, 0),
        ],
    );
    let r = eval(&guarded);
    let lat = r.latency.expect("the timeout bounds it");
    assert!((lat.mean_ms - 201.0).abs() < 1e-9, "{lat:?}");
    assert_eq!(link(&r, "l1").timeout_failure, 1.0);
    assert_eq!(r.availability, Some(0.0));
    assert!(has(&r, "timeouts-fail-requests"));
}

#[test]
fn the_fixed_point_on_a_two_level_chain() {
    // users → a → b → c, both inner links timed with retries; b busy enough
    // that its queue stretches times past the timeout now and then. At the
    // fixed point each E_l = Σ q_l^i with q_l read at the load E_l implies.
    let mut b = service("b", 10.0, 30.0);
    b.capacity_rps = Some(1300.0);
    let mut c = service("c", 5.0, 20.0);
    c.capacity_rps = Some(2000.0);
    let d = design(
        vec![client(1000.0), service("a", 1.0, 1.0), b, c],
        vec![
            Link::new("l0", "users", "a"),
            timed("l1", "a", "b", 60.0, 2),
            timed("l2", "b", "c", 30.0, 1),
        ],
    );
    let r = eval(&d);
    let (l1, l2) = (link(&r, "l1"), link(&r, "l2"));
    assert!(l1.attempts > 1.0 && l2.attempts > 1.0, "{l1:?} {l2:?}");
    // Loads follow the attempts: b gets 1000 · E1, c gets that · E2.
    let rb = r
        .blocks
        .iter()
        .find(|x| x.id == "b")
        .unwrap()
        .read_rps
        .unwrap();
    let rc = r
        .blocks
        .iter()
        .find(|x| x.id == "c")
        .unwrap()
        .read_rps
        .unwrap();
    assert!((rb - 1000.0 * l1.attempts).abs() < 1e-6 * rb);
    assert!((rc - rb * l2.attempts).abs() < 1e-6 * rc);
    // Re-evaluating the same load gives the same attempts: a fixed point.
    // q from the failure share: E = 1 + q + q² for r = 2.
    let q1 = l1.timeout_failure.powf(1.0 / 3.0);
    assert!((l1.attempts - (1.0 + q1 + q1 * q1)).abs() < 1e-6, "{l1:?}");
}

#[test]
fn timeout_budget_fires_when_the_inner_call_can_outlast_the_outer_timeout() {
    // m: (1 + 2)·100 + (50 + 100) backoff waits = 450 ms at the longest.
    let build = |outer: f64| {
        let mut m = timed("m", "b", "c", 100.0, 2);
        m.backoff = true;
        m.backoff_ms = 50.0;
        design(
            vec![client(1.0), service("b", 1.0, 1.0), service("c", 1.0, 1.0)],
            vec![timed("l", "users", "b", outer, 0), m],
        )
    };
    assert!(
        has(&eval(&build(450.0)), "timeout-budget"),
        "450 ≥ 450 fires"
    );
    assert!(!has(&eval(&build(450.1)), "timeout-budget"));
}

#[test]
fn retry_amplification_fires_at_ten() {
    // Two timed links with 3 and 2 retries multiply to 4 · 3 = 12 ≥ 10;
    // with 2 and 2: 9 < 10.
    let build = |r1: u32, r2: u32| {
        design(
            vec![client(1.0), service("b", 1.0, 1.0), service("c", 1.0, 1.0)],
            vec![
                timed("l", "users", "b", 1000.0, r1),
                timed("m", "b", "c", 100.0, r2),
            ],
        )
    };
    let r = eval(&build(3, 2));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "retry-amplification")
        .expect("fires");
    assert_eq!(f.blocks, vec!["c".to_string()]);
    assert!(!has(&eval(&build(2, 2)), "retry-amplification"));
}

#[test]
fn timeouts_fail_requests_fires_above_a_tenth_of_a_percent() {
    // One attempt, timeout at a quantile: q = P(S > τ). With σ from p99/p50,
    // τ = p50·exp(σ·z): z = 3.0902 → q ≈ 0.001 (1e-3 exactly at 3.090232).
    let build = |z: f64| {
        let sigma = (50.0f64 / 20.0).ln() / 2.3263;
        let tau = 20.0 * (sigma * z).exp();
        design(
            vec![client(1.0), service("svc", 20.0, 50.0)],
            vec![timed("l", "users", "svc", tau, 0)],
        )
    };
    assert!(
        has(&eval(&build(3.0)), "timeouts-fail-requests"),
        "q ≈ 0.00135"
    );
    assert!(
        !has(&eval(&build(3.2)), "timeouts-fail-requests"),
        "q ≈ 0.00069"
    );
}

#[test]
fn retry_storm_fires_when_full_retries_would_saturate_the_callee() {
    // api → dep (capacity 1,000): 600 rps now (ρ = 0.6); with 3 retries each
    // call could make 4 attempts: 2,400 > 1,000 → storm. With 0 retries, never.
    let build = |retries: u32, rps: f64| {
        let mut dep = service("dep", 20.0, 50.0);
        dep.capacity_rps = Some(1000.0);
        design(
            vec![client(rps), service("api", 1.0, 1.0), dep],
            vec![
                Link::new("l0", "users", "api"),
                timed("l1", "api", "dep", 200.0, retries),
            ],
        )
    };
    let r = eval(&build(3, 600.0));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "retry-storm")
        .expect("fires");
    assert_eq!(f.blocks, vec!["api".to_string(), "dep".to_string()]);
    assert_eq!(f.links, vec!["l1".to_string()]);
    // 1 retry: 2 · 400 = 800 < 1,000 at 400 rps.
    assert!(!has(&eval(&build(1, 400.0)), "retry-storm"));
    assert!(
        has(&eval(&build(1, 500.0)), "retry-storm"),
        "2 · 500 = 1,000 ≥ 1"
    );
    // And the storm begins somewhere between today's traffic and saturation.
    let s = storm_scale(&build(3, 600.0), &[]).expect("a storm exists");
    assert!(s > 1.0 && s < 1000.0 / 600.0 + 1e-9, "{s}");
    assert_eq!(storm_scale(&build(0, 600.0), &[]), None);
}

/// Φ(z) by the erfc series of a good approximation (Abramowitz–Stegun 7.1.26
/// is too coarse): the complementary error function via its continued fraction
/// would do; integrate numerically instead, test only.
fn phi(z: f64) -> f64 {
    // Simpson on [−10, z].
    let n = 200_000;
    let (a, b) = (-10.0, z);
    let h = (b - a) / n as f64;
    let f = |x: f64| (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let mut s = f(a) + f(b);
    for i in 1..n {
        s += f(a + i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
    }
    s * h / 3.0
}

// ---- Random tree designs and a test-only sampler of §2.1–2.2. ----

fn tree() -> impl Strategy<Value = Design> {
    let node = (
        prop::sample::select(vec![1.0, 5.0, 20.0]),
        prop::sample::select(vec![1.0, 2.5, 5.0]),
        prop::sample::select(vec![0.0, 0.5]),
        any::<bool>(),
    );
    let edge = (
        prop::sample::select(vec![0.5, 1.0, 2.0]),
        any::<bool>(),
        prop::sample::select(vec![None, Some(10.0), Some(30.0), Some(80.0)]),
        0u32..=2,
        any::<bool>(),
    );
    (prop::collection::vec((node, edge), 1..=5), any::<u64>()).prop_map(|(nodes, seed)| {
        let mut rng = Rng64::seed_from_u64(seed);
        let mut blocks = vec![client(100.0)];
        let mut links = Vec::new();
        for (i, ((lat, ratio, hit, split), (calls, parallel, timeout, retries, backoff))) in
            nodes.into_iter().enumerate()
        {
            let id = format!("b{i}");
            let mut b = service(&id, lat, lat * ratio);
            b.hit_ratio = hit;
            b.route = if split { Route::Split } else { Route::All };
            blocks.push(b);
            let parent = rng.random_range(0..=i);
            let from = if parent == 0 {
                "users".to_string()
            } else {
                format!("b{}", parent - 1)
            };
            let mut l = Link::new(format!("l{i}"), from, id);
            l.calls = if parent == 0 { 1.0 } else { calls };
            l.parallel = parallel;
            l.latency_ms = 0.5;
            l.timeout_ms = timeout;
            l.retries = if timeout.is_some() { retries } else { 0 };
            l.backoff = backoff;
            l.backoff_ms = 5.0;
            links.push(l);
        }
        design(blocks, links)
    })
}

struct Sampler<'d> {
    d: &'d Design,
    rng: Rng64,
}

impl Sampler<'_> {
    fn normal(&mut self) -> f64 {
        let u1: f64 = 1.0 - self.rng.random::<f64>();
        let u2: f64 = self.rng.random::<f64>();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }

    fn t(&mut self, b: usize, read: bool) -> f64 {
        let d = self.d;
        let blk = &d.blocks[b];
        let sigma = if blk.p99_ms > blk.latency_ms && blk.latency_ms > 0.0 {
            (blk.p99_ms / blk.latency_ms).ln() / 2.3263
        } else {
            0.0
        };
        let s = blk.latency_ms * (sigma * self.normal()).exp();
        if read && blk.hit_ratio > 0.0 && self.rng.random::<f64>() < blk.hit_ratio {
            return s;
        }
        let out: Vec<usize> = (0..d.links.len())
            .filter(|&l| d.links[l].from == blk.id)
            .collect();
        if out.is_empty() {
            return s;
        }
        if blk.route == Route::Split {
            let total: f64 = out.iter().map(|&l| d.links[l].calls).sum();
            let mut u = self.rng.random::<f64>() * total;
            let mut pick = out[out.len() - 1];
            for &l in &out {
                if u < d.links[l].calls {
                    pick = l;
                    break;
                }
                u -= d.links[l].calls;
            }
            return s + self.call(pick);
        }
        let (mut seq, mut par) = (0.0, 0.0f64);
        for l in out {
            let c = d.links[l].calls;
            let k = c.floor() as u32 + u32::from(self.rng.random::<f64>() < c.fract());
            let x: f64 = (0..k).map(|_| self.call(l)).sum();
            if d.links[l].parallel {
                par = par.max(x);
            } else {
                seq += x;
            }
        }
        s + seq + par
    }

    fn call(&mut self, l: usize) -> f64 {
        let link = &self.d.links[l];
        let to = self.d.blocks.iter().position(|b| b.id == link.to).unwrap();
        let read = link.op == envelope::core::model::Op::Read;
        let Some(tau) = link.timeout_ms else {
            return link.latency_ms + self.t(to, read);
        };
        let mut total = 0.0;
        for i in 0..=link.retries {
            if i > 0 && link.backoff {
                total += self.rng.random::<f64>() * link.backoff_ms * 2f64.powi(i as i32 - 1);
            }
            let a = link.latency_ms + self.t(to, read);
            if a <= tau {
                return total + a;
            }
            total += tau;
        }
        total
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// §2.6: the numerical quantiles agree with 400,000 samples, within 1%
    /// (p50, p99) and 2% (p999) plus the samples' own spread at that quantile.
    #[test]
    fn numerical_latency_matches_a_long_monte_carlo(d in tree(), seed in any::<u64>()) {
        let r = eval(&d);
        let lat = r.latency.expect("no capacity: always finite");
        let mut s = Sampler { d: &d, rng: Rng64::seed_from_u64(seed) };
        let n = 400_000;
        let mut xs: Vec<f64> = (0..n).map(|_| s.t(0, true)).collect();
        xs.sort_by(f64::total_cmp);
        let mean = xs.iter().sum::<f64>() / n as f64;
        let at = |q: f64| xs[((q * n as f64) as usize).min(n - 1)];
        for (q, got, tol) in [(0.5, lat.p50_ms, 0.01), (0.99, lat.p99_ms, 0.01), (0.999, lat.p999_ms, 0.02)] {
            let band = 4.0 * (q * (1.0 - q) / n as f64).sqrt();
            let (lo, hi) = (at((q - band).max(0.0)), at((q + band).min(1.0)));
            prop_assert!(
                got >= lo * (1.0 - tol) - 1e-9 && got <= hi * (1.0 + tol) + 1e-9,
                "q {}: numerical {} vs samples [{}, {}]", q, got, lo, hi
            );
        }
        let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64).sqrt();
        prop_assert!((lat.mean_ms - mean).abs() <= 0.01 * mean + 4.0 * sd / (n as f64).sqrt(),
            "mean {} vs {}", lat.mean_ms, mean);
    }

    /// Adding retries never lowers any load (up to what §2.6's accuracy of `q`
    /// allows: the step of the lattice changes with the design, and a `q` read
    /// from it may move by ~1e-5, so an `E` elsewhere by as much).
    #[test]
    fn adding_retries_never_lowers_a_load(d in tree(), which in 0usize..5) {
        // Only retries change: a timeout added on the way would cut the
        // callee's tail and so its callers' timeouts and retries (a load may
        // then fall, rightly).
        let mut d = d;
        let l = which % d.links.len();
        if d.links[l].timeout_ms.is_none() {
            d.links[l].timeout_ms = Some(20.0);
        }
        let before = eval(&d);
        let mut more = d.clone();
        more.links[l].retries += 1;
        let after = eval(&more);
        for (a, b) in before.blocks.iter().zip(&after.blocks) {
            let (ra, rb) = (a.read_rps.unwrap() + a.write_rps.unwrap(), b.read_rps.unwrap() + b.write_rps.unwrap());
            prop_assert!(rb >= ra * (1.0 - 1e-4), "{}: {} → {}", a.id, ra, rb);
        }
    }

    /// Without capacities and with no timeout upstream of the changed link,
    /// raising its timeout or adding a retry never lowers availability.
    #[test]
    fn more_patience_never_lowers_availability_without_capacities(d in tree(), which in 0usize..5, extra in 1.0f64..50.0) {
        let mut d = d;
        let l = which % d.links.len();
        // Clear every timeout upstream of l (on the path from the entry).
        let mut at = d.links[l].from.clone();
        while let Some(up) = d.links.iter().position(|x| x.to == at) {
            d.links[up].timeout_ms = None;
            d.links[up].retries = 0;
            at = d.links[up].from.clone();
        }
        if d.links[l].timeout_ms.is_none() {
            d.links[l].timeout_ms = Some(10.0);
        }
        let before = eval(&d);
        let base = before.availability.unwrap();
        let mut longer = d.clone();
        longer.links[l].timeout_ms = longer.links[l].timeout_ms.map(|t| t + extra);
        let mut retried = d.clone();
        retried.links[l].retries += 1;
        // Within what model-2.md §2.6 lets each `q` be off by (1e-5, or 1% of
        // min(q, 1 − q)): a `q` read from the lattice moves with its step, and
        // the step follows the entry's longest times, which the change moves.
        let slack: f64 = d
            .links
            .iter()
            .zip(&before.links)
            .filter(|(x, _)| x.timeout_ms.is_some())
            .map(|(x, r)| {
                let q = r.timeout_failure.powf(1.0 / (1.0 + x.retries as f64));
                1e-5f64.max(0.01 * q.min(1.0 - q)) * (1.0 + x.retries as f64)
            })
            .sum::<f64>()
            + 1e-9;
        let (a1, a2) = (eval(&longer).availability.unwrap(), eval(&retried).availability.unwrap());
        prop_assert!(a1 >= base - slack, "longer timeout: {} → {} (slack {})", base, a1, slack);
        prop_assert!(a2 >= base - slack, "one more retry: {} → {} (slack {})", base, a2, slack);
    }

    /// Without timeouts the figures are model 1's: one attempt per call, no
    /// call failing, availability as evaluation.md §2's brute force.
    #[test]
    fn without_timeouts_model_two_is_model_one(d in crate::eval::small_design()) {
        let r = eval(&d);
        for l in &r.links {
            prop_assert_eq!(l.attempts, 1.0);
            prop_assert_eq!(l.timeout_failure, 0.0);
        }
        let want = crate::eval::brute_force(&d);
        prop_assert!((r.availability.unwrap() - want).abs() <= 1e-9);
        prop_assert_eq!(r.model, 2);
    }
}
