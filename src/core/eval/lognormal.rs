//! Fast log-normal draws for the latency sampler: a table of the quantile
//! function, read by inversion (one random number, one lookup, one linear
//! interpolation) instead of a normal sample and an `exp`.

/// Cells of a table: a draw's cell is the top 12 bits of a random `u64`.
pub const CELLS: usize = 4096;
const CELL_BITS: u32 = 12;
/// Bits of a draw's position inside its cell.
const FRAC_BITS: u32 = 40;

/// The standard normal quantile `Φ⁻¹(p)` for `p` in (0, 1) (Acklam's rational
/// approximation, relative error below 1.2e-9), given `p` and `1 − p` so that the
/// upper tail keeps its precision. `-∞` at 0, `+∞` at 1.
pub fn normal_quantile(p: f64, one_minus_p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e1,
        2.209460984245205e2,
        -2.759285104469687e2,
        1.38357751867269e2,
        -3.066479806614716e1,
        2.506628277459239,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e1,
        1.615858368580409e2,
        -1.556989798598866e2,
        6.680131188771972e1,
        -1.328068155288572e1,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-3,
        -3.223964580411365e-1,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-3,
        3.224671290700398e-1,
        2.445134137142996,
        3.754408661907416,
    ];
    const LOW: f64 = 0.02425;
    let tail = |t: f64| {
        let q = (-2.0 * t.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p <= 0.0 {
        f64::NEG_INFINITY
    } else if one_minus_p <= 0.0 {
        f64::INFINITY
    } else if p < LOW {
        tail(p)
    } else if one_minus_p < LOW {
        -tail(one_minus_p)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// The quantile function of `exp(σ·Z)` (a log-normal of median 1) at the cell
/// edges `i / CELLS`; a draw interpolates linearly inside a cell, and computes
/// the two outer cells (the unbounded tail and the one at 0) exactly.
#[derive(Clone, Debug)]
pub struct Spread {
    sigma: f64,
    edges: Vec<f64>,
}

impl Spread {
    pub fn new(sigma: f64) -> Spread {
        let edges = (0..=CELLS)
            .map(|i| {
                let p = i as f64 / CELLS as f64;
                let z = normal_quantile(p, (CELLS - i) as f64 / CELLS as f64);
                (sigma * z).exp()
            })
            .collect();
        Spread { sigma, edges }
    }

    /// The draw whose uniform position is `bits` (a random `u64`): its cell is the
    /// top 12 bits, its place in the cell the next 40.
    #[inline]
    pub fn draw(&self, bits: u64) -> f64 {
        let i = (bits >> (64 - CELL_BITS)) as usize;
        let f = ((bits >> (64 - CELL_BITS - FRAC_BITS)) & ((1 << FRAC_BITS) - 1)) as f64
            * (1.0 / (1u64 << FRAC_BITS) as f64);
        if i == 0 || i == CELLS - 1 {
            return self.exact(i, f);
        }
        match (self.edges.get(i), self.edges.get(i + 1)) {
            (Some(&lo), Some(&hi)) => lo + f * (hi - lo),
            _ => self.exact(i, f),
        }
    }

    /// The exact quantile at `(i + f) / CELLS`.
    fn exact(&self, i: usize, f: f64) -> f64 {
        let n = CELLS as f64;
        let p = (i as f64 + f) / n;
        let q = ((CELLS - 1 - i) as f64 + (1.0 - f)) / n;
        (self.sigma * normal_quantile(p, q)).exp()
    }

    /// The table's quantile at `p` (the value a draw at position `p` returns).
    #[cfg(test)]
    pub fn quantile(&self, p: f64) -> f64 {
        let x = p.clamp(0.0, 1.0) * CELLS as f64;
        let i = (x.floor() as usize).min(CELLS - 1);
        let bits = ((i as u64) << (64 - CELL_BITS))
            | ((((x - i as f64) * (1u64 << FRAC_BITS) as f64) as u64).min((1 << FRAC_BITS) - 1)
                << (64 - CELL_BITS - FRAC_BITS));
        self.draw(bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_quantiles_match_known_values() {
        for (p, z) in [
            (0.5, 0.0),
            (0.99, 2.326_347_874_040_841),
            (0.999, 3.090_232_306_167_813),
            (0.841_344_746_068_542_9, 1.0),
            (0.001, -3.090_232_306_167_813),
            (1e-9, -5.997_807_015_007_686),
        ] {
            let got = normal_quantile(p, 1.0 - p);
            assert!(
                (got - z).abs() <= 1e-8 * z.abs().max(1.0),
                "{p}: {got} vs {z}"
            );
        }
    }

    #[test]
    fn table_quantiles_match_the_log_normal_within_half_a_percent() {
        for sigma in [0.1, 0.6, 1.2, 2.5] {
            let t = Spread::new(sigma);
            for p in [
                0.001, 0.01, 0.1, 0.3, 0.5, 0.77, 0.9, 0.99, 0.999, 0.9999, 0.999_999,
            ] {
                let exact = (sigma * normal_quantile(p, 1.0 - p)).exp();
                let got = t.quantile(p);
                assert!(
                    (got / exact - 1.0).abs() <= 0.005,
                    "σ {sigma} p {p}: {got} vs {exact}"
                );
            }
        }
    }

    #[test]
    fn draws_have_the_log_normal_mean() {
        // A regular grid of positions: the mean of exp(σZ) is exp(σ²/2).
        let sigma = 0.7;
        let t = Spread::new(sigma);
        let n = 1u64 << 20;
        let step = u64::MAX / n;
        let mean = (0..n).map(|k| t.draw(k * step + step / 2)).sum::<f64>() / n as f64;
        let want = (sigma * sigma / 2.0f64).exp();
        assert!((mean / want - 1.0).abs() < 1e-3, "{mean} vs {want}");
    }
}
