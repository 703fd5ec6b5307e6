//! Tests: share.
