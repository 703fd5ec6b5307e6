//! Renderings of a report for people: a terminal summary and Markdown for design
//! docs. Number formatting shared by both (and by the UI) lives in `units`.

pub mod capacity;
pub mod labels;
pub mod markdown;
pub mod scenarios;
pub mod sizing;
pub mod svg;
pub mod text;
pub mod units;
