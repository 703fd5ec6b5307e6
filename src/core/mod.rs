//! The pure core: no browser, no clock, no global randomness. Value in, value out.
pub mod catalog;
pub mod culling;
pub mod edit;
pub mod eval;
pub mod format;
pub mod generate;
pub mod geometry;
pub mod library;
pub mod mermaid;
pub mod model;
pub mod render;
pub mod report;
pub mod requirements;
pub mod schema;
pub mod share;
pub mod sort;
pub mod units;
