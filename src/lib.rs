//! Envelope: a system-design canvas that does the back-of-the-envelope math.
//!
//! `core` is pure (no browser, no clock); `ui` is the Leptos shell over it.
pub mod core;
pub mod ui;
