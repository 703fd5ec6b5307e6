//! Criterion benchmarks: evaluation of generated designs of 10 to 10,000 blocks
//! (issue 13's targets: 100 blocks ≤ 3 ms, 1,000 ≤ 30 ms, 10,000 ≤ 400 ms, as
//! the app evaluates: without `importance[]`), and the file and share-link
//! round trips of the same designs.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::{format, generate, share};

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
