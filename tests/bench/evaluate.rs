//! Criterion benchmarks: evaluation of generated designs of 10 to 10,000 blocks
//! (issue 13's targets: 100 blocks ≤ 3 ms, 1,000 ≤ 30 ms, 10,000 ≤ 400 ms, as
//! the app evaluates: without `importance[]`), and the file and share-link
//! round trips of the same designs.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use envelope::core::eval::scenarios::{importance_of, scenario};
use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::model::{Design, Scenario};
use envelope::core::{format, generate, share};

/// `d` with `k` saved scenarios: growing traffic, each with one block down.
fn with_scenarios(mut d: Design, k: usize) -> Design {
    let n = d.blocks.len();
    d.scenarios = (0..k)
        .map(|i| {
            let mut s = Scenario::new(format!("s{i}"), format!("scenario {i}"));
            s.scale = 1.0 + i as f64 * 0.5;
            s.fail = vec![d.blocks[(i * 7 + 3) % n].id.clone()];
            s
        })
        .collect();
    d
}

fn bench(c: &mut Criterion) {
    // As the app evaluates: no `importance[]` (see EvalOptions::importance).
    let options = EvalOptions {
        importance: false,
        ..EvalOptions::default()
    };
    let mut group = c.benchmark_group("evaluate");
    group.sample_size(10);
    for n in [10usize, 100, 1_000, 10_000] {
        let d = generate::design(n, 1);
        group.bench_with_input(BenchmarkId::from_parameter(n), &d, |b, d| {
            b.iter(|| evaluate(d, &options))
        });
    }
    group.finish();
    // Issue 15: 100 blocks with 10 scenarios (each a whole evaluation; the app
    // runs them one task each), and `importance[]` at 100 blocks (≤ 50 ms).
    let mut group = c.benchmark_group("scenarios");
    group.sample_size(10);
    let d = with_scenarios(generate::design(100, 1), 10);
    group.bench_function("100_blocks_10_scenarios", |b| {
        b.iter(|| evaluate(&d, &options))
    });
    group.bench_function("one_scenario_100_blocks", |b| {
        b.iter(|| scenario(&d, &d.scenarios[3], &options))
    });
    group.bench_function("importance_100_blocks", |b| {
        b.iter(|| importance_of(&d, &options))
    });
    group.finish();
    let mut group = c.benchmark_group("format");
    group.sample_size(10);
    for n in [100usize, 10_000] {
        let d = generate::design(n, 1);
        let text = format::save(&d);
        let link = share::link(&d, "https://example.org/");
        group.bench_with_input(BenchmarkId::new("save", n), &d, |b, d| {
            b.iter(|| format::save(d))
        });
        group.bench_with_input(BenchmarkId::new("load", n), &text, |b, t| {
            b.iter(|| format::load(t))
        });
        group.bench_with_input(BenchmarkId::new("share_link", n), &d, |b, d| {
            b.iter(|| share::link(d, "https://example.org/"))
        });
        group.bench_with_input(BenchmarkId::new("open_link", n), &link, |b, l| {
            b.iter(|| share::open(l))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
