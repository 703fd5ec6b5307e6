//! Tests: edit.
