//! Tests: purity.
