//! What a pasted text or an opened file holds: a design document, or a
//! Mermaid diagram to review before it lands. Both are read through the one
//! validating path (`format::load`, or `mermaid::import`, which returns its
//! design only through `format::validate`).

use super::format::{self, LoadError};
use super::mermaid::{self, Imported};
use super::model::Design;

/// A text read: a design as saved, or a Mermaid diagram with its guesses.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    Design(Design),
    Mermaid(Imported),
}

/// Read `text` as a design document or a Mermaid diagram.
///
/// Spec choice: a text whose first character that is not white space is `{`
/// is a design document (its errors are the format's); anything else is read
/// as Mermaid (a flowchart, an `architecture-beta` diagram, or Markdown with a
/// ```mermaid block), whose error says when it is none of these.
pub fn read(text: &str) -> Result<Incoming, Vec<LoadError>> {
    if text.trim_start().starts_with('{') {
        format::load(text).map(Incoming::Design)
    } else {
        mermaid::import(text).map(Incoming::Mermaid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_a_design_and_the_rest_is_mermaid() {
        let json = r#"{"format":"envelope/design","version":1,"blocks":[],"links":[]}"#;
        assert!(matches!(read(json), Ok(Incoming::Design(_))));
        let m = read("flowchart LR\n  a[API] --> b[(db)]\n").expect("a flowchart reads");
        let Incoming::Mermaid(m) = m else {
            panic!("not read as Mermaid")
        };
        assert_eq!(m.design.blocks.len(), 2);
        // A broken document keeps the format's message, with its place.
        let bad = read("{\"format\": 3}").unwrap_err();
        assert!(!bad.is_empty());
        // Plain prose is neither, and says so.
        let prose = read("hello world").unwrap_err();
        assert!(prose[0].message.contains("Mermaid"), "{:?}", prose);
    }
}
