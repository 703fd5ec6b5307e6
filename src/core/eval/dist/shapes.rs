//! The distributions a design starts from, put on the lattice: a block's
//! log-normal service time and a retry's uniform backoff wait.

use super::{Acc, Dist, Grid};

/// `z` past which a log-normal's tail is one atom at its conditional mean:
/// `P(Z > 4.5) ≈ 3.4e-6`, beyond the p999 and below the 1e-5 that §2.6
/// allows a `q` (a timeout past it reads at most that much too high).
const Z_TAIL: f64 = 4.5;

/// The standard normal CDF `Φ(z)`.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

impl Grid {
    /// The log-normal of median `m` and shape `sigma` (a point when `sigma` is 0).
    ///
    /// Each lattice cell's mass goes to its two end points in proportion to the
    /// cell's conditional mean (so the mean is exact); the tail past `Z_TAIL`
    /// is one atom at its own conditional mean.
    pub fn lognormal(self, m: f64, sigma: f64) -> Dist {
        if sigma.is_nan() || sigma <= 0.0 || m.is_nan() || m <= 0.0 || m.is_infinite() {
            return Dist::point(m.max(0.0));
        }
        let mu = libm::log(m);
        let cdf = |x: f64| {
            if x <= 0.0 {
                0.0
            } else {
                normal_cdf((libm::log(x) - mu) / sigma)
            }
        };
        let scale = libm::exp(mu + sigma * sigma / 2.0);
        // E[X; X ≤ x].
        let partial = |x: f64| {
            if x <= 0.0 {
                0.0
            } else {
                scale * normal_cdf((libm::log(x) - mu - sigma * sigma) / sigma)
            }
        };
        let top = m * libm::exp(sigma * Z_TAIL);
        let cells = (top / self.h).ceil().max(1.0) as usize;
        let mut acc = Acc::empty();
        acc.cover(0, cells);
        let (mut f0, mut e0) = (0.0, 0.0);
        for j in 0..cells {
            let x1 = ((j + 1) as f64 * self.h).min(top);
            let (f1, e1) = (cdf(x1), partial(x1));
            let mass = f1 - f0;
            if mass > 0.0 {
                let lo = j as f64 * self.h;
                let mean = ((e1 - e0) / mass).clamp(lo, x1);
                acc.split(mean / self.h, mass);
            }
            (f0, e0) = (f1, e1);
        }
        let tail = 1.0 - f0;
        let mut atoms = Vec::new();
        if tail > 0.0 {
            let mean = (scale - e0) / tail;
            atoms.push((mean.max(top), tail));
        }
        acc.done(atoms, 0.0)
    }

    /// Uniform on `[0, w]` (a point at 0 when `w` is 0).
    pub fn uniform(self, w: f64) -> Dist {
        if w.is_nan() || w <= 0.0 {
            return Dist::point(0.0);
        }
        let cells = (w / self.h).ceil().max(1.0) as usize;
        let mut acc = Acc::empty();
        acc.cover(0, cells);
        for j in 0..cells {
            let lo = j as f64 * self.h;
            let hi = ((j + 1) as f64 * self.h).min(w);
            if hi > lo {
                acc.split((lo + hi) / 2.0 / self.h, (hi - lo) / w);
            }
        }
        acc.done(Vec::new(), 0.0)
    }
}
