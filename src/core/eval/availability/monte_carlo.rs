//! Monte Carlo availability, beyond the exact limit.

use std::collections::HashMap;

use rand::{Rng, SeedableRng};
/// Xoshiro256++ by name: `SmallRng` is another algorithm on 32-bit targets
/// (WebAssembly), and the app must sample what the CLI samples.
use rand_xoshiro::Xoshiro256PlusPlus as SmallRng;

use super::super::graph::Graph;
use super::super::success::Env;
use super::super::EvalOptions;
use super::tree::Tree;

impl Tree {
    /// Monte Carlo over the conditioned components' states (the others keep their
    /// probabilities, an exact conditional expectation). Failures are drawn by
    /// geometric skips, so a sample costs nothing unless some component is down,
    /// and repeated states are evaluated once.
    pub(super) fn monte_carlo(
        &self,
        g: &Graph,
        env: &Env,
        up: &mut [f64],
        opts: &EvalOptions,
        salt: u64,
        scratch: &mut [f64],
    ) -> (f64, Option<f64>) {
        let n = opts.mc_samples.max(2) as u64;
        let mut rng = SmallRng::seed_from_u64(opts.seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut events: Vec<(u64, u32)> = Vec::new();
        for (j, &c) in self.conditioned.iter().enumerate() {
            let q = 1.0 - up[c];
            let log_keep = (-q).ln_1p();
            let mut at: u64 = 0;
            loop {
                let u: f64 = 1.0 - rng.random::<f64>(); // in (0, 1]
                let skip = (u.ln() / log_keep).floor();
                // NaN (a component that never fails) and skips past the end stop.
                if skip.is_nan() || skip >= (n - at) as f64 {
                    break;
                }
                at += skip as u64;
                events.push((at, j as u32));
                at += 1;
                if at >= n {
                    break;
                }
            }
        }
        events.sort_unstable();
        for &c in &self.conditioned {
            up[c] = 1.0;
        }
        let all_up = self.success(g, env, up, scratch);
        let mut memo: HashMap<Vec<u32>, f64> = HashMap::new();
        let (mut sum, mut sq, mut plain) = (0.0, 0.0, n);
        let mut i = 0;
        let mut key = Vec::new();
        while i < events.len() {
            let s = events[i].0;
            key.clear();
            while i < events.len() && events[i].0 == s {
                key.push(events[i].1);
                i += 1;
            }
            let v = match memo.get(&key) {
                Some(&v) => v,
                None => {
                    for &j in &key {
                        up[self.conditioned[j as usize]] = 0.0;
                    }
                    let v = self.success(g, env, up, scratch);
                    for &j in &key {
                        up[self.conditioned[j as usize]] = 1.0;
                    }
                    memo.insert(key.clone(), v);
                    v
                }
            };
            sum += v;
            sq += v * v;
            plain -= 1;
        }
        sum += plain as f64 * all_up;
        sq += plain as f64 * all_up * all_up;
        let nf = n as f64;
        let mean = sum / nf;
        let var = ((sq / nf - mean * mean) * nf / (nf - 1.0)).max(0.0) / nf;
        (mean.clamp(0.0, 1.0), Some(var))
    }
}
