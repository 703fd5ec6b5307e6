//! Mermaid in and out.
//!
//! [`import`] reads a `flowchart`/`graph` or an `architecture-beta` diagram into a
//! design: nodes and services become blocks whose kinds are guessed from their
//! labels, ids, shapes and icons (each guess listed with its reason, for a review
//! step), links keep their direction and async-ness, subgraphs and groups become
//! zones, and everything is laid out left to right along the calls. Every line
//! not taken as written is listed in [`Imported::skipped`] with its line number;
//! nothing is dropped silently. The design is returned only through
//! [`format::validate`], the one validating path.
//!
//! [`export`] writes a design as a `flowchart LR` that Mermaid draws and that
//! [`import`] reads back to the same blocks (ids, labels, kinds), links (ends,
//! sync or async) and zones (ids, labels, members).
//!
//! Files: `lines.rs` (front matter, the header, statements), `label.rs` (label
//! text in and out), `chain.rs` (a flowchart statement's nodes and arrows),
//! `flowchart.rs`, `architecture.rs`, `guess.rs` (kinds), `build.rs` (the
//! design), `layout.rs` (positions), `export.rs`.

mod architecture;
mod build;
mod chain;
mod export;
mod flowchart;
mod guess;
mod label;
mod layout;
mod lines;

use std::collections::{BTreeMap, HashMap};

use super::format::LoadError;
use super::model::{Design, Kind};

pub use export::export;

/// What an import gives: a valid design, the kind guessed for each block (in
/// document order) and the lines or parts of lines not taken as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub design: Design,
    pub guesses: Vec<Guess>,
    pub skipped: Vec<Skipped>,
}

/// The kind given to one block, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Guess {
    /// The block's id in the design.
    pub id: String,
    /// The label the block shows.
    pub label: String,
    pub kind: Kind,
    /// A few words: "cylinder shape", "label says 'cache'".
    pub reason: String,
    /// 1-based line of the Mermaid text where the node was declared.
    pub line: usize,
}

/// A line, or part of one, not taken as written: ignored (styling, an unknown
/// arrow) or read with a choice (a link with no arrow head).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line of the Mermaid text.
    pub line: usize,
    /// The statement as written (trimmed).
    pub text: String,
    pub reason: String,
}

/// Read a Mermaid `flowchart`/`graph` or `architecture-beta` diagram.
///
/// Errors (with the empty pointer, as errors about a whole document): not
/// such a diagram, more nodes or links than a design holds, a text over 5 MiB;
/// and, with their pointers, any rule of format.md the built design would
/// break (none should: the design is returned only through `validate`).
pub fn import(text: &str) -> Result<Imported, Vec<LoadError>> {
    import_with_kinds(text, &BTreeMap::new())
}

/// As [`import`], with the kinds a review chose: a block whose id (as the
/// first import gave it) is in `kinds` gets that kind and that kind's catalog
/// numbers. Block ids do not depend on kinds, so they are the same as before.
pub fn import_with_kinds(
    text: &str,
    kinds: &BTreeMap<String, Kind>,
) -> Result<Imported, Vec<LoadError>> {
    let parsed = parse(text)?;
    build::build(parsed, kinds)
}

/// The diagram as read, before kinds, ids and positions.
#[derive(Debug, Default)]
struct Parsed {
    title: String,
    notes: String,
    nodes: Vec<Node>,
    groups: Vec<Group>,
    edges: Vec<Edge>,
    skipped: Vec<Skipped>,
    /// Mermaid id → Envelope id, from `%% envelope: id` lines (an export's ids
    /// that Mermaid could not take as they are).
    ids: HashMap<String, String>,
    /// `%% envelope: numbers`: labels end with key numbers after a last `<br/>`.
    numbers: bool,
}

#[derive(Debug)]
struct Node {
    /// The id as written in Mermaid.
    mid: String,
    /// The label as written (entities not yet decoded); `None`: the id.
    label: Option<String>,
    cylinder: bool,
    icon: Option<String>,
    /// The kind named by a `:::kind` or `class … kind`.
    class: Option<Kind>,
    group: Option<usize>,
    line: usize,
}

impl Node {
    fn new(mid: &str, line: usize) -> Node {
        Node {
            mid: mid.to_string(),
            label: None,
            cylinder: false,
            icon: None,
            class: None,
            group: None,
            line,
        }
    }
}

#[derive(Debug)]
struct Group {
    /// The id as written; empty when the subgraph has only a title.
    mid: String,
    /// As written (entities not yet decoded).
    label: String,
    parent: Option<usize>,
    line: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// `-->`: sync, unless it goes into or out of a queue or event log.
    Normal,
    /// `==>`: always sync.
    Thick,
    /// `-.->`: async.
    Dotted,
}

#[derive(Debug)]
struct Edge {
    from: usize,
    to: usize,
    style: Style,
    /// As written (entities not yet decoded).
    label: String,
    line: usize,
}

impl Parsed {
    fn skip(&mut self, line: usize, text: &str, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            line,
            text: text.trim().to_string(),
            reason: reason.into(),
        });
    }
}

/// Subgraphs or groups nested deeper than this are read as part of their
/// parent (the layout recurses once per level).
const MAX_DEPTH: usize = 32;

fn parse(text: &str) -> Result<Parsed, Vec<LoadError>> {
    if text.len() > super::format::MAX_BYTES {
        return Err(vec![LoadError::new(
            "",
            format!(
                "the text is {} bytes; the limit is 5 MiB ({} bytes)",
                text.len(),
                super::format::MAX_BYTES
            ),
        )]);
    }
    let doc = lines::document(text).map_err(|m| vec![LoadError::new("", m)])?;
    let mut p = Parsed {
        title: doc.title.clone(),
        ..Parsed::default()
    };
    if let Some(note) = &doc.header_note {
        p.skip(doc.header_line, doc.header_text, note.clone());
    }
    let mut diagram = match doc.kind {
        lines::Kind::Flowchart => Diagram::Flowchart(flowchart::Reader::default()),
        lines::Kind::Architecture => Diagram::Architecture(architecture::Reader::default()),
    };
    let mut description: Option<(usize, String)> = None;
    for &(line, text) in &doc.body {
        let t = text.trim();
        if let Some((_, notes)) = &mut description {
            // Inside `accDescr { … }`.
            match t.split_once('}') {
                Some((last, _)) => {
                    push_line(notes, last);
                    if let Some((_, notes)) = description.take() {
                        append_notes(&mut p, &notes);
                    }
                }
                None => push_line(notes, t),
            }
            continue;
        }
        if t.is_empty() {
            continue;
        }
        if t.starts_with("%%") {
            comment(&mut p, line, t);
            continue;
        }
        // Spec choice: the front matter's `title` or `accTitle` is the design's
        // title; `accDescr` goes into its notes.
        if let Some(rest) = t.strip_prefix("accTitle") {
            match rest.trim_start().strip_prefix(':') {
                Some(title) if p.title.is_empty() => p.title = title.trim().to_string(),
                _ => p.skip(line, t, "a second title: the first is kept"),
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("accDescr") {
            let rest = rest.trim_start();
            if let Some(d) = rest.strip_prefix(':') {
                append_notes(&mut p, d.trim());
            } else if let Some(d) = rest.strip_prefix('{') {
                match d.split_once('}') {
                    Some((d, _)) => append_notes(&mut p, d.trim()),
                    None => description = Some((line, d.trim().to_string())),
                }
            } else {
                p.skip(line, t, "not an accessible description");
            }
            continue;
        }
        match &mut diagram {
            Diagram::Flowchart(r) => r.line(&mut p, line, t),
            Diagram::Architecture(r) => r.line(&mut p, line, t),
        }
    }
    if let Some((line, notes)) = description {
        append_notes(&mut p, &notes);
        p.skip(
            line,
            "accDescr {",
            "not closed by '}': read to the end of the text",
        );
    }
    match diagram {
        Diagram::Flowchart(r) => r.finish(&mut p),
        Diagram::Architecture(r) => r.finish(&mut p),
    }
    Ok(p)
}

enum Diagram {
    Flowchart(flowchart::Reader),
    Architecture(architecture::Reader),
}

fn push_line(notes: &mut String, line: &str) {
    if !line.is_empty() {
        if !notes.is_empty() {
            notes.push('\n');
        }
        notes.push_str(line);
    }
}

fn append_notes(p: &mut Parsed, text: &str) {
    push_line(&mut p.notes, text);
}

/// A `%%` line: a comment, a configuration directive, or Envelope's own hint.
fn comment(p: &mut Parsed, line: usize, t: &str) {
    let body = t.trim_start_matches('%').trim();
    // Spec choice: comments are not listed; `%%{init: …}%%` directives are.
    if body.starts_with('{') {
        p.skip(line, t, "a configuration directive: ignored");
        return;
    }
    let Some(hint) = body.strip_prefix("envelope:") else {
        return; // a comment
    };
    let words: Vec<&str> = hint.split_whitespace().collect();
    match words.as_slice() {
        ["id", mermaid, envelope] => {
            p.ids.insert(mermaid.to_string(), envelope.to_string());
        }
        ["numbers", ..] => p.numbers = true,
        _ => p.skip(line, t, "an Envelope hint this version does not know"),
    }
}
