//! The Leptos shell over the core. Browser-only code lives here, never in `core`;
//! of it, only `browser` touches `window`, the clipboard and storage.

mod actions;
mod app;
mod browser;
mod canvas;
mod chrome;
mod context_menu;
mod debounce;
mod dialog;
mod document;
mod editor;
mod evaluation;
mod export_actions;
mod file_actions;
mod gallery;
mod help;
mod icons;
mod inspector;
mod keys;
mod legend;
mod library;
mod list_view;
mod load_errors;
mod mermaid_review;
mod palette;
mod present;
mod recent;
mod requirements;
mod results;
mod scenarios;
mod session;
mod stress;
mod tool_icons;
mod toolbar;
mod view_mode;
mod whatif;

pub use app::App;
/// For the inspector: the findings about one block.
pub use results::BlockFindings;
