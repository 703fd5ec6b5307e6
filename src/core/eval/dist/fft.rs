//! Convolution of two mass vectors: direct for short ones, else one complex
//! radix-2 FFT that carries both real inputs at once.
//!
//! Spec choice (model-2.md §2.6 asks for a maintained crate where one does the
//! job): `rustfft` plans every size with every algorithm, and all of that code
//! would ship in the first wasm module, whose budget has no room for it. A
//! convolution needs only power-of-two sizes, which these 60 lines do.

/// `out[k] = Σ a[i]·b[k − i]`, length `a.len() + b.len() − 1` (empty if either is).
pub fn convolve(a: &[f64], b: &[f64]) -> Vec<f64> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let n = a.len() + b.len() - 1;
    if a.len().min(b.len()) <= 24 || a.len() * b.len() <= 12_000 {
        let mut out = vec![0.0; n];
        for (i, &x) in a.iter().enumerate() {
            if x != 0.0 {
                for (o, &y) in out[i..].iter_mut().zip(b) {
                    *o += x * y;
                }
            }
        }
        return out;
    }
    let size = n.next_power_of_two();
    // z = a + i·b; A_k = (Z_k + conj Z_{−k}) / 2, B_k = (Z_k − conj Z_{−k}) / 2i.
    let mut re = vec![0.0; size];
    let mut im = vec![0.0; size];
    re[..a.len()].copy_from_slice(a);
    im[..b.len()].copy_from_slice(b);
    fft(&mut re, &mut im, false);
    let mut pr = vec![0.0; size];
    let mut pi = vec![0.0; size];
    for k in 0..size {
        let j = (size - k) & (size - 1);
        let (ar, ai) = ((re[k] + re[j]) / 2.0, (im[k] - im[j]) / 2.0);
        let (br, bi) = ((im[k] + im[j]) / 2.0, (re[j] - re[k]) / 2.0);
        pr[k] = ar * br - ai * bi;
        pi[k] = ar * bi + ai * br;
    }
    fft(&mut pr, &mut pi, true);
    pr.truncate(n);
    for v in &mut pr {
        // Round-off leaves tiny negative masses where the true value is 0.
        *v = v.max(0.0) / size as f64;
    }
    pr
}

/// In-place iterative radix-2 FFT (unscaled); `len` a power of two.
fn fft(re: &mut [f64], im: &mut [f64], inverse: bool) {
    let n = re.len();
    let bits = n.trailing_zeros();
    for i in 0..n {
        let j = i.reverse_bits() >> (usize::BITS - bits);
        if i < j {
            re.swap(i, j);
            im.swap(i, j);
        }
    }
    let sign = if inverse { 1.0 } else { -1.0 };
    TWIDDLES.with(|cell| {
        let mut table = cell.borrow_mut();
        // Every stage's twiddles, contiguous: the stage of length `len` keeps
        // its `len / 2` values `e^{−2πik/len}` at offset `len / 2 − 1`.
        if table.len() < n - 1 {
            *table = Vec::with_capacity(n - 1);
            let mut len = 2;
            while len <= n {
                for k in 0..len / 2 {
                    let a = 2.0 * std::f64::consts::PI * k as f64 / len as f64;
                    table.push((libm::cos(a), libm::sin(a)));
                }
                len <<= 1;
            }
        }
        let mut len = 2;
        while len <= n {
            let half = len / 2;
            let tw = &table[half - 1..len - 1];
            for (rc, ic) in re.chunks_exact_mut(len).zip(im.chunks_exact_mut(len)) {
                let (ru, rv) = rc.split_at_mut(half);
                let (iu, iv) = ic.split_at_mut(half);
                for k in 0..half {
                    let (wr, s) = tw[k];
                    let wi = sign * s;
                    let xr = rv[k] * wr - iv[k] * wi;
                    let xi = rv[k] * wi + iv[k] * wr;
                    rv[k] = ru[k] - xr;
                    iv[k] = iu[k] - xi;
                    ru[k] += xr;
                    iu[k] += xi;
                }
            }
            len <<= 1;
        }
    });
}

thread_local! {
    static TWIDDLES: std::cell::RefCell<Vec<(f64, f64)>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::convolve;

    #[test]
    fn fft_convolution_matches_the_direct_sum() {
        let a: Vec<f64> = (0..300).map(|i| ((i * 7 % 13) as f64) / 50.0).collect();
        let b: Vec<f64> = (0..500).map(|i| ((i * 5 % 11) as f64) / 80.0).collect();
        let got = convolve(&a, &b);
        assert_eq!(got.len(), 799);
        for (k, g) in got.iter().enumerate() {
            let want: f64 = (0..a.len())
                .filter(|&i| k >= i && k - i < b.len())
                .map(|i| a[i] * b[k - i])
                .sum();
            assert!((g - want).abs() < 1e-9, "{k}: {g} vs {want}");
        }
    }
}
