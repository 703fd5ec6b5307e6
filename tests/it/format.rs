//! Tests: format.
