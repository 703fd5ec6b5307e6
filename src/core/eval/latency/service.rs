//! A block's service time as the model reads it: a log-normal from its median
//! and p99 (evaluation.md §3), and the doubling of backoff waits.

/// z of the 99th percentile of the standard normal (evaluation.md §3).
pub const Z99: f64 = 2.3263;

/// `2^k`, exactly (retries are at most 10).
pub fn pow2(k: u32) -> f64 {
    (1u64 << k.min(62)) as f64
}

/// σ of a block's log-normal service time (0 when deterministic).
pub fn sigma(latency_ms: f64, p99_ms: f64) -> f64 {
    if latency_ms > 0.0 && p99_ms > latency_ms {
        libm::log(p99_ms / latency_ms) / Z99
    } else {
        0.0
    }
}
