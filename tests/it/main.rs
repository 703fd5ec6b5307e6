//! The native test binary: one module per area of the core and the CLI.
mod capacity;
mod catalog;
mod cli;
mod culling;
mod edit;
mod eval;
mod examples;
mod format;
mod library;
mod mermaid;
mod purity;
mod rules;
mod schema;
mod share;
mod stress;
mod templates;
