//! The Leptos shell over the core. Browser-only code lives here, never in `core`;
//! of it, only `browser` touches `window`, the clipboard and storage.

mod app;
mod browser;
mod canvas;
mod editor;
mod help;
mod icons;
mod inspector;
mod keys;
mod list_view;
mod palette;
mod session;
mod toolbar;

pub use app::App;
