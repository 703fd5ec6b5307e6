//! Distributions of time, computed numerically (model-2.md §2.6).
//!
//! A [`Dist`] is exact atoms (deterministic times stay exact), masses on a
//! lattice `k·h` (the continuous part), and an atom at `+∞` (a request that
//! waits forever on a saturated block). The lattice holds each value by linear
//! splitting between its two neighbouring points, which keeps the mean exact;
//! its CDF is read between the cell centres `(k + ½)·h`, where the running sum
//! of the masses equals the average of the true CDF over the cell.
//!
//! Sums are convolutions ([`fft::convolve`]), `max` a product of CDFs, mixtures
//! weighted sums. One evaluation uses one step `h` ([`Grid`]).

mod fft;
mod ops;
mod shapes;

pub use shapes::normal_cdf;

/// Atoms kept exact per distribution; past this they move onto the lattice.
const MAX_ATOMS: usize = 24;
/// Lattice masses below this are dropped from the ends (their mass is moved to
/// the nearest point kept).
const NEGLIGIBLE: f64 = 1e-16;

/// A (sub-)probability distribution on `[0, +∞]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dist {
    /// `(value, mass)`, sorted by value, values distinct.
    atoms: Vec<(f64, f64)>,
    /// Index of `lat[0]` on the lattice.
    lo: usize,
    lat: Vec<f64>,
    /// Mass at `+∞`.
    inf: f64,
}

/// The lattice step of one evaluation, and the operations that need it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    pub h: f64,
}

impl Dist {
    /// Certainly `v` (`+∞` allowed).
    pub fn point(v: f64) -> Dist {
        Dist::atom(v, 1.0)
    }

    /// Mass `w` at `v`.
    pub fn atom(v: f64, w: f64) -> Dist {
        if v.is_infinite() {
            Dist {
                inf: w,
                ..Dist::default()
            }
        } else {
            Dist {
                atoms: vec![(v, w)],
                ..Dist::default()
            }
        }
    }

    /// Nothing (mass 0).
    pub fn zero() -> Dist {
        Dist::default()
    }

    /// Mass at `+∞`.
    pub fn infinite_mass(&self) -> f64 {
        self.inf
    }

    /// Finite mass.
    pub fn finite_mass(&self) -> f64 {
        self.atoms.iter().map(|a| a.1).sum::<f64>() + self.lat.iter().sum::<f64>()
    }

    /// The only value, when the distribution is one finite atom.
    pub fn certain(&self) -> Option<f64> {
        match (self.atoms.as_slice(), self.lat.is_empty(), self.inf) {
            ([(v, _)], true, 0.0) => Some(*v),
            _ => None,
        }
    }

    /// This distribution with every mass times `w`.
    pub fn scaled(mut self, w: f64) -> Dist {
        for a in &mut self.atoms {
            a.1 *= w;
        }
        for p in &mut self.lat {
            *p *= w;
        }
        self.inf *= w;
        self
    }

    /// Mean of the finite part, conditioned on being finite (`None` without any).
    pub fn mean(&self, g: Grid) -> Option<f64> {
        let m = self.finite_mass();
        if m <= 0.0 {
            return None;
        }
        let a: f64 = self.atoms.iter().map(|&(v, w)| v * w).sum();
        let l: f64 = self
            .lat
            .iter()
            .enumerate()
            .map(|(i, &p)| (self.lo + i) as f64 * g.h * p)
            .sum();
        Some((a + l) / m)
    }

    /// The largest finite value carrying mass (0 when none).
    pub fn top(&self, g: Grid) -> f64 {
        let atom = self.atoms.last().map_or(0.0, |a| a.0);
        let lat = if self.lat.is_empty() {
            0.0
        } else {
            (self.lo + self.lat.len()) as f64 * g.h
        };
        atom.max(lat)
    }

    /// `P(X ≤ t)` (finite mass only).
    pub fn cdf(&self, g: Grid, t: f64) -> f64 {
        let a: f64 = self
            .atoms
            .iter()
            .take_while(|a| a.0 <= t)
            .map(|a| a.1)
            .sum();
        a + self.lattice_cdf(g, t)
    }

    /// The lattice part's CDF: piecewise linear between the cell centres.
    fn lattice_cdf(&self, g: Grid, t: f64) -> f64 {
        if self.lat.is_empty() || t.is_nan() {
            return 0.0;
        }
        let x = t / g.h - 0.5 - self.lo as f64;
        if x < -1.0 {
            return 0.0;
        }
        let k = x.floor();
        let w = x - k;
        let c = |k: f64| -> f64 {
            if k < 0.0 {
                0.0
            } else {
                let k = (k as usize).min(self.lat.len() - 1);
                self.lat[..=k].iter().sum()
            }
        };
        if k as usize >= self.lat.len() {
            return self.lat.iter().sum();
        }
        c(k) * (1.0 - w) + c(k + 1.0) * w
    }

    /// The part at or below `t` (sub-distribution): atoms `≤ t`, and the lattice
    /// cut inside the cell that holds `t` so that its mass is its CDF at `t`.
    pub fn below(&self, g: Grid, t: f64) -> Dist {
        let atoms = self.atoms.iter().copied().filter(|a| a.0 <= t).collect();
        let mut lat = Vec::new();
        if !self.lat.is_empty() {
            let keep = self.lattice_cdf(g, t);
            let mut acc = 0.0;
            for &p in &self.lat {
                if acc >= keep {
                    break;
                }
                let take = p.min(keep - acc);
                lat.push(take);
                acc += take;
            }
        }
        let mut d = Dist {
            atoms,
            lo: self.lo,
            lat,
            inf: 0.0,
        };
        d.trim();
        d
    }

    /// The lower quantile `inf{t : P(X ≤ t) ≥ q}` over all mass (`+∞` when the
    /// finite mass is short of `q`).
    pub fn quantile(&self, g: Grid, q: f64) -> f64 {
        // The lattice CDF at its knots: C(lo − 1) = 0 at (lo − ½)·h, then C(k)
        // at (k + ½)·h; linear between, flat past the last.
        let mut cum = Vec::with_capacity(self.lat.len() + 1);
        let mut c = 0.0;
        cum.push(0.0);
        for &p in &self.lat {
            c += p;
            cum.push(c);
        }
        let first = (self.lo as f64 - 0.5) * g.h;
        let lat_at = |t: f64| -> f64 {
            if self.lat.is_empty() || t <= first {
                return 0.0;
            }
            let x = (t - first) / g.h;
            let k = x.floor() as usize;
            if k + 1 >= cum.len() {
                return c;
            }
            cum[k] + (cum[k + 1] - cum[k]) * (x - k as f64)
        };
        let knots = (0..cum.len()).map(|i| first + i as f64 * g.h);
        let mut points: Vec<f64> = self.atoms.iter().map(|a| a.0).collect();
        if !self.lat.is_empty() {
            points.extend(knots);
        }
        points.sort_by(f64::total_cmp);
        let mut ai = 0;
        let mut atoms_below = 0.0;
        let mut prev: Option<(f64, f64)> = None; // (t, F(t))
        for t in points {
            let left = atoms_below + lat_at(t); // F(t−)
            if let Some((t0, f0)) = prev {
                if f0 < q && q <= left && left > f0 {
                    return t0 + (t - t0) * ((q - f0) / (left - f0));
                }
            }
            while ai < self.atoms.len() && self.atoms[ai].0 <= t {
                atoms_below += self.atoms[ai].1;
                ai += 1;
            }
            let f = atoms_below + lat_at(t);
            if f >= q {
                return t.max(0.0);
            }
            prev = Some((t, f));
        }
        f64::INFINITY
    }

    /// Move every atom onto the lattice.
    fn spill(&mut self, g: Grid) {
        if self.atoms.is_empty() {
            return;
        }
        let atoms = std::mem::take(&mut self.atoms);
        let mut acc = Acc::from(std::mem::take(self));
        for (v, w) in atoms {
            acc.split(v / g.h, w);
        }
        let inf = self.inf;
        *self = acc.done(Vec::new(), inf);
    }

    /// Drop negligible masses from the lattice's ends, keeping the total.
    fn trim(&mut self) {
        let mut moved = 0.0;
        while self.lat.len() > 1 && self.lat[self.lat.len() - 1] < NEGLIGIBLE {
            moved += self.lat.pop().unwrap_or(0.0);
        }
        if let Some(last) = self.lat.last_mut() {
            *last += moved;
        }
        let start = self.lat.iter().position(|&p| p >= NEGLIGIBLE);
        match start {
            None => {
                let total: f64 = self.lat.iter().sum();
                if total > 0.0 && !self.lat.is_empty() {
                    let keep = self.lat.len() - 1;
                    self.lo += keep;
                    self.lat = vec![total];
                } else {
                    self.lat.clear();
                    self.lo = 0;
                }
            }
            Some(0) => {}
            Some(s) => {
                let front: f64 = self.lat[..s].iter().sum();
                self.lat.drain(..s);
                self.lat[0] += front;
                self.lo += s;
            }
        }
    }
}

/// A lattice under construction (masses added at fractional positions).
struct Acc {
    lo: usize,
    p: Vec<f64>,
}

impl Acc {
    fn from(d: Dist) -> Acc {
        Acc { lo: d.lo, p: d.lat }
    }

    fn empty() -> Acc {
        Acc {
            lo: 0,
            p: Vec::new(),
        }
    }

    /// Make room for indices `lo..=hi`.
    fn cover(&mut self, lo: usize, hi: usize) {
        if self.p.is_empty() {
            self.lo = lo;
            self.p = vec![0.0; hi - lo + 1];
            return;
        }
        if lo < self.lo {
            let mut v = vec![0.0; self.lo - lo];
            v.extend_from_slice(&self.p);
            self.p = v;
            self.lo = lo;
        }
        if hi >= self.lo + self.p.len() {
            self.p.resize(hi - self.lo + 1, 0.0);
        }
    }

    /// Mass `w` at lattice position `x` (split between `⌊x⌋` and `⌊x⌋ + 1`).
    fn split(&mut self, x: f64, w: f64) {
        let x = x.max(0.0);
        let k = x.floor() as usize;
        let f = x - k as f64;
        self.cover(k, k + 1);
        self.p[k - self.lo] += w * (1.0 - f);
        self.p[k + 1 - self.lo] += w * f;
    }

    /// `w · lat` shifted by lattice distance `x ≥ 0`.
    fn add_shifted(&mut self, lo: usize, lat: &[f64], x: f64, w: f64) {
        if lat.is_empty() || w == 0.0 {
            return;
        }
        let x = x.max(0.0);
        let k = x.floor() as usize;
        let f = x - k as f64;
        let start = lo + k;
        self.cover(start, start + lat.len());
        let base = start - self.lo;
        for (i, &p) in lat.iter().enumerate() {
            self.p[base + i] += w * p * (1.0 - f);
            self.p[base + i + 1] += w * p * f;
        }
    }

    /// `w · lat` at offset `lo`, exactly.
    fn add(&mut self, lo: usize, lat: &[f64], w: f64) {
        if lat.is_empty() || w == 0.0 {
            return;
        }
        self.cover(lo, lo + lat.len() - 1);
        let base = lo - self.lo;
        for (i, &p) in lat.iter().enumerate() {
            self.p[base + i] += w * p;
        }
    }

    fn done(self, atoms: Vec<(f64, f64)>, inf: f64) -> Dist {
        let mut d = Dist {
            atoms,
            lo: self.lo,
            lat: self.p,
            inf,
        };
        d.trim();
        d
    }
}

/// Sort atoms by value and merge equal values.
fn merge_atoms(mut atoms: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    atoms.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(atoms.len());
    for (v, w) in atoms {
        if w == 0.0 {
            continue;
        }
        match out.last_mut() {
            Some(last) if (last.0 - v).abs() <= 1e-12 * v.abs().max(1.0) => last.1 += w,
            _ => out.push((v, w)),
        }
    }
    out
}

#[cfg(test)]
mod tests;
