//! The findings (evaluation.md §4): one function per rule, `fn(&Analysis) -> Vec<Finding>`.

use super::Analysis;
use crate::core::report::Finding;

/// Every rule's findings, sorted as evaluation.md §4 says.
pub fn run(analysis: &Analysis) -> Vec<Finding> {
    let _ = analysis;
    Vec::new()
}
