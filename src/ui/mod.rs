//! The Leptos shell over the core. Browser-only code lives here, never in `core`.
mod app;

pub use app::App;
