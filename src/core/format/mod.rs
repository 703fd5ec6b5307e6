//! The design file (format.md §1): one validating load path, a stable save.
//!
//! - [`load`] is the only way text becomes a [`Design`] (files, stdin, links).
//! - [`save`] writes pretty JSON in a fixed key order, so equal designs give
//!   equal bytes and `load(save(d)) == d` for every valid `d`.
//! - [`validate`] checks a design held in memory against the same rules.
//! - [`json_schema`] describes the document for editors (JSON Schema 2020-12).

mod check;
mod json_schema;
mod number;
mod read;
mod write;

use super::model::Design;

pub use json_schema::{json_schema, json_schema_text, ID_PATTERN, SCHEMA_ID};
pub use number::format_number;

/// One problem found while loading: where (a JSON pointer such as
/// `/blocks/3/replicas`, or `line 4, column 7` for a syntax error) and what was
/// expected.
///
/// Spec choice: the empty pointer `""` (RFC 6901's name for the whole
/// document) marks errors about the document as a whole, such as its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub at: String,
    pub message: String,
}

impl LoadError {
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            at: at.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.at.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.at, self.message)
        }
    }
}

/// The `format` value every design document carries.
pub const FORMAT: &str = "envelope/design";
/// The document versions this build reads.
pub const VERSIONS: &[u64] = &[1];
/// The version [`save`] writes.
pub const VERSION: u64 = 1;
/// Largest document accepted, in bytes (also the share link's inflate limit).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_BLOCKS: usize = 10_000;
pub const MAX_LINKS: usize = 50_000;

/// Read a design document, reporting every problem found (not just the first),
/// each with where it is and what was expected.
pub fn load(text: &str) -> Result<Design, Vec<LoadError>> {
    if text.len() > MAX_BYTES {
        return Err(vec![LoadError::new(
            "",
            format!(
                "the document is {} bytes; the limit is 5 MiB ({MAX_BYTES} bytes)",
                text.len()
            ),
        )]);
    }
    let (design, mut errors, failed) = read::read(text)?;
    let found = check::check(&design, &failed);
    errors.extend(found.into_iter().filter(|e| !failed.contains(&e.at)));
    if errors.is_empty() {
        Ok(design)
    } else {
        check::sort(&mut errors);
        Err(errors)
    }
}

/// Write a design as pretty JSON (2-space indent, trailing newline).
///
/// Key order: `format, version, title, notes, targets, blocks, links, zones,
/// stickies`, then unknown top-level fields sorted by name. In a block: `id,
/// kind, label, x, y`, then the other fields in format.md's table order; in a
/// link: `id, from, to`, then the table order; in a zone: `id, label, x, y,
/// availability, w, h`; in a sticky: `id, x, y, text`; in targets:
/// `availability, p99_ms, team_size`. Unknown fields follow, sorted. Fields
/// equal to their default are left out, except `id, kind, x, y, from, to`;
/// empty `title`, `notes`, `targets`, `zones` and `stickies` are left out.
///
/// Spec choice: a block label equal to its kind's name is the default label:
/// it is written, but [`load`] reads it back as `""`.
pub fn save(design: &Design) -> String {
    write::write(design)
}

/// Check a design held in memory against every rule of format.md §1 that the
/// types do not already enforce (ranges, ids, references). The edit commands use
/// this to refuse a change that would make the document invalid.
pub fn validate(design: &Design) -> Result<(), Vec<LoadError>> {
    let mut errors = check::check(design, &Default::default());
    if errors.is_empty() {
        Ok(())
    } else {
        check::sort(&mut errors);
        Err(errors)
    }
}

/// A JSON pointer segment, escaped per RFC 6901 (`~` → `~0`, `/` → `~1`).
pub fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}
