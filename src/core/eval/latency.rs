//! Latency (evaluation.md §3): sampled service times, queueing, budget.
