//! The operations of one evaluation's lattice ([`Grid`]): sums (by
//! convolution), shifts, mixtures, `max` and repeated sums.

use super::*;

impl Grid {
    /// `X + Y`, independent.
    pub fn sum(self, x: &Dist, y: &Dist) -> Dist {
        if let Some(v) = x.certain().filter(|_| x.finite_mass() == 1.0) {
            return self.shift(y, v);
        }
        if let Some(v) = y.certain().filter(|_| y.finite_mass() == 1.0) {
            return self.shift(x, v);
        }
        let fx = x.finite_mass();
        let fy = y.finite_mass();
        let inf = x.inf * (fy + y.inf) + fx * y.inf;
        let mut atoms = Vec::with_capacity(x.atoms.len() * y.atoms.len());
        for &(a, wa) in &x.atoms {
            for &(b, wb) in &y.atoms {
                atoms.push((a + b, wa * wb));
            }
        }
        let mut acc = Acc::empty();
        if !x.lat.is_empty() && !y.lat.is_empty() {
            let c = fft::convolve(&x.lat, &y.lat);
            acc.add(x.lo + y.lo, &c, 1.0);
        }
        for &(a, wa) in &x.atoms {
            acc.add_shifted(y.lo, &y.lat, a / self.h, wa);
        }
        for &(b, wb) in &y.atoms {
            acc.add_shifted(x.lo, &x.lat, b / self.h, wb);
        }
        let atoms = merge_atoms(atoms);
        let mut d = acc.done(Vec::new(), inf);
        if atoms.len() > MAX_ATOMS {
            let mut a = Acc::from(d);
            for (v, w) in atoms {
                a.split(v / self.h, w);
            }
            return a.done(Vec::new(), inf);
        }
        d.atoms = atoms;
        d
    }

    /// `X + v` for a finite constant `v ≥ 0`.
    pub fn shift(self, x: &Dist, v: f64) -> Dist {
        if v == 0.0 {
            return x.clone();
        }
        let atoms = x.atoms.iter().map(|&(a, w)| (a + v, w)).collect();
        let mut acc = Acc::empty();
        acc.add_shifted(x.lo, &x.lat, v / self.h, 1.0);
        acc.done(atoms, x.inf)
    }

    /// `Σ w_i · X_i`: the mixture (masses add).
    pub fn mix<'d>(self, parts: impl IntoIterator<Item = (f64, &'d Dist)>) -> Dist {
        let parts: Vec<(f64, &Dist)> = parts.into_iter().collect();
        let mut atoms = Vec::new();
        let mut acc = Acc::empty();
        let with_lattice = || parts.iter().filter(|(w, d)| *w != 0.0 && !d.lat.is_empty());
        if let (Some(lo), Some(hi)) = (
            with_lattice().map(|(_, d)| d.lo).min(),
            with_lattice().map(|(_, d)| d.lo + d.lat.len() - 1).max(),
        ) {
            acc.cover(lo, hi);
        }
        let mut inf = 0.0;
        for (w, d) in parts {
            if w == 0.0 {
                continue;
            }
            atoms.extend(d.atoms.iter().map(|&(v, m)| (v, m * w)));
            acc.add(d.lo, &d.lat, w);
            inf += w * d.inf;
        }
        let atoms = merge_atoms(atoms);
        if atoms.len() > MAX_ATOMS {
            for (v, w) in atoms {
                acc.split(v / self.h, w);
            }
            return acc.done(Vec::new(), inf);
        }
        acc.done(atoms, inf)
    }

    /// `max(X, Y)`, independent (both of total mass 1).
    pub fn max(self, x: &Dist, y: &Dist) -> Dist {
        let inf = 1.0 - (1.0 - x.inf) * (1.0 - y.inf);
        if x.lat.is_empty() && y.lat.is_empty() {
            // Exact on atoms: F = Fx·Fy at every atom value.
            let mut values: Vec<f64> = x.atoms.iter().chain(&y.atoms).map(|a| a.0).collect();
            values.sort_by(f64::total_cmp);
            values.dedup();
            let mut prev = 0.0;
            let mut atoms = Vec::with_capacity(values.len());
            for v in values {
                let f = x.cdf(self, v) * y.cdf(self, v);
                atoms.push((v, f - prev));
                prev = f;
            }
            let atoms = merge_atoms(atoms);
            let mut d = Dist {
                atoms,
                inf,
                ..Dist::default()
            };
            if d.atoms.len() > MAX_ATOMS {
                d.spill(self);
            }
            return d;
        }
        if x.atoms.len() + y.atoms.len() > MAX_ATOMS {
            let mut x = x.clone();
            let mut y = y.clone();
            x.spill(self);
            y.spill(self);
            return self.max(&x, &y);
        }
        // Atoms stay exact: each value's jump is Fx·Fy there less just below.
        let mut values: Vec<f64> = x.atoms.iter().chain(&y.atoms).map(|a| a.0).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        let at = |d: &Dist, v: f64| {
            d.atoms
                .iter()
                .filter(|a| a.0 == v)
                .map(|a| a.1)
                .sum::<f64>()
        };
        let jumps: Vec<(f64, f64)> = values
            .iter()
            .map(|&v| {
                let (fx, fy) = (x.cdf(self, v), y.cdf(self, v));
                (v, fx * fy - (fx - at(x, v)) * (fy - at(y, v)))
            })
            .collect();
        // The rest at the lattice's knots (k + ½)·h: the product of the CDFs,
        // less the jumps of the atoms inside each cell.
        let with_lat = [x, y].into_iter().filter(|d| !d.lat.is_empty());
        let lo = with_lat.clone().map(|d| d.lo).min().unwrap_or(0);
        let hi = with_lat.map(|d| d.lo + d.lat.len()).max().unwrap_or(0);
        let knots = |d: &Dist| knot_cdf(d, self, lo, hi);
        let (cx, cy) = (knots(x), knots(y));
        let mut ji = 0;
        let mut lat = Vec::with_capacity(hi - lo);
        for k in 1..cx.len() {
            let t = (lo + k - 1) as f64 * self.h + 0.5 * self.h;
            let mut m = cx[k] * cy[k] - cx[k - 1] * cy[k - 1];
            while ji < jumps.len() && jumps[ji].0 <= t {
                if jumps[ji].0 > t - self.h {
                    m -= jumps[ji].1;
                }
                ji += 1;
            }
            lat.push(m.max(0.0));
        }
        let mut d = Dist {
            atoms: merge_atoms(jumps),
            lo,
            lat,
            inf,
        };
        d.trim();
        d
    }

    /// The `n`-fold sum of independent copies of `x` (`n = 0`: certainly 0).
    pub fn times(self, x: &Dist, n: u32) -> Dist {
        let mut result = Dist::point(0.0);
        let mut base = x.clone();
        let mut k = n;
        while k > 0 {
            if k & 1 == 1 {
                result = self.sum(&result, &base);
            }
            k >>= 1;
            if k > 0 {
                base = self.sum(&base, &base);
            }
        }
        result
    }
}

/// `F(t)` at the knots `(k − ½)·h` for `k` in `lo..=hi` (the first is the
/// knot below the lattice's first point): the lattice's running sum plus
/// the atoms at or below each knot.
fn knot_cdf(d: &Dist, g: Grid, lo: usize, hi: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(hi - lo + 1);
    let mut lat = 0.0;
    let mut atoms = 0.0;
    let mut ai = 0;
    for k in lo..=hi {
        if k > lo {
            let i = k - 1;
            if i >= d.lo && i < d.lo + d.lat.len() {
                lat += d.lat[i - d.lo];
            }
        }
        let t = k as f64 * g.h - 0.5 * g.h;
        while ai < d.atoms.len() && d.atoms[ai].0 <= t {
            atoms += d.atoms[ai].1;
            ai += 1;
        }
        out.push(lat + atoms);
    }
    out
}
