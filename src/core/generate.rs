//! Generated designs of realistic shape, for benchmarks and property tests.
