use super::*;

const G: Grid = Grid { h: 0.05 };

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-12)
}

#[test]
fn a_point_is_exact() {
    let d = Dist::point(150.0);
    assert_eq!(d.mean(G), Some(150.0));
    assert_eq!(d.quantile(G, 0.5), 150.0);
    assert_eq!(d.quantile(G, 0.999), 150.0);
    assert_eq!(d.cdf(G, 149.9), 0.0);
    assert_eq!(d.cdf(G, 150.0), 1.0);
}

#[test]
fn log_normal_quantiles_and_mean() {
    // Median 20, p99 50: σ = ln(2.5) / 2.3263.
    let sigma = (2.5f64).ln() / 2.3263;
    let d = G.lognormal(20.0, sigma);
    let mean = 20.0 * (sigma * sigma / 2.0).exp();
    assert!(close(d.mean(G).unwrap(), mean, 1e-6), "{:?}", d.mean(G));
    assert!(
        close(d.quantile(G, 0.5), 20.0, 2e-3),
        "{}",
        d.quantile(G, 0.5)
    );
    assert!(
        close(d.quantile(G, 0.99), 50.0, 2e-3),
        "{}",
        d.quantile(G, 0.99)
    );
    assert!(close(d.cdf(G, 50.0), 0.99, 1e-3));
    assert!(close(d.finite_mass(), 1.0, 1e-12));
}

#[test]
fn sums_add_means_and_shift_points() {
    let sigma = 0.5;
    let a = G.lognormal(10.0, sigma);
    let b = G.sum(&a, &Dist::point(5.0));
    assert!(close(b.mean(G).unwrap(), a.mean(G).unwrap() + 5.0, 1e-9));
    let c = G.sum(&a, &a);
    assert!(close(c.mean(G).unwrap(), 2.0 * a.mean(G).unwrap(), 1e-9));
    let t = G.times(&a, 5);
    assert!(close(t.mean(G).unwrap(), 5.0 * a.mean(G).unwrap(), 1e-9));
    assert!(close(t.finite_mass(), 1.0, 1e-9));
}

#[test]
fn the_max_of_ten_services_is_near_their_p999() {
    // evaluation.md §3: ten parallel calls whose p99 is 1 s.
    let g = Grid { h: 2.0 };
    let one = g.lognormal(200.0, (5.0f64).ln() / 2.3263);
    let mut all = one.clone();
    for _ in 1..10 {
        all = g.max(&all, &one);
    }
    let within = all.cdf(g, 1000.0);
    assert!((within - 0.99f64.powi(10)).abs() < 2e-3, "{within}");
}

#[test]
fn mixtures_and_infinity() {
    let d = G.mix([(0.9, &Dist::point(1.0)), (0.1, &Dist::point(f64::INFINITY))]);
    assert!(close(d.infinite_mass(), 0.1, 1e-12));
    assert_eq!(d.quantile(G, 0.5), 1.0);
    assert_eq!(d.quantile(G, 0.95), f64::INFINITY);
    let s = G.sum(&d, &G.lognormal(3.0, 0.3));
    assert!(close(s.infinite_mass(), 0.1, 1e-12));
}

#[test]
fn below_cuts_at_the_timeout() {
    let d = G.lognormal(20.0, 0.4);
    let kept = d.below(G, 30.0);
    assert!(close(kept.finite_mass(), d.cdf(G, 30.0), 1e-9));
    let u = G.uniform(100.0);
    assert!(close(u.mean(G).unwrap(), 50.0, 1e-9));
    assert!(close(u.quantile(G, 0.5), 50.0, 1e-3));
}
