//! The text around a diagram: a byte-order mark, YAML front matter (its
//! `title`), comments before the header, the header line itself, a Markdown
//! text's ```` ```mermaid ```` block; and statements split at `;`.

pub(super) enum Kind {
    Flowchart,
    Architecture,
}

/// A diagram's lines, numbered as in the text.
pub(super) struct Document<'a> {
    pub kind: Kind,
    /// The front matter's `title`, or empty.
    pub title: String,
    pub header_line: usize,
    pub header_text: &'a str,
    /// What the header says that the import does not follow (a direction).
    pub header_note: Option<String>,
    /// Every line after the header (and comments before it; and what follows
    /// a `;` on the header line).
    pub body: Vec<(usize, &'a str)>,
}

const NOT_MERMAID: &str = "not a Mermaid flowchart or architecture-beta diagram";

pub(super) fn document(text: &str) -> Result<Document<'_>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let all: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
    match read(&all) {
        Ok(d) => Ok(d),
        // Spec choice: a text that is not a diagram but holds a ```mermaid
        // block is read from there (line numbers stay the text's).
        Err(message) => match fenced(&all) {
            // A Markdown text (a design doc, Envelope's report): its first
            // ```mermaid block.
            Some(window) => read(window).map_err(|_| message),
            None => Err(message),
        },
    }
}

fn read<'a>(lines: &[(usize, &'a str)]) -> Result<Document<'a>, String> {
    let mut i = 0;
    while i < lines.len() && lines[i].1.trim().is_empty() {
        i += 1;
    }
    let mut title = String::new();
    if i < lines.len() && lines[i].1.trim() == "---" {
        let open = lines[i].0;
        let close = lines[i + 1..]
            .iter()
            .position(|(_, l)| l.trim() == "---")
            .ok_or_else(|| {
                format!("the front matter opened on line {open} is not closed by a line '---'")
            })?;
        for (_, l) in &lines[i + 1..i + 1 + close] {
            if let Some(v) = l.trim().strip_prefix("title:") {
                title = yaml_string(v);
            }
        }
        i += close + 2;
    }
    let mut body = Vec::new();
    while i < lines.len() {
        let t = lines[i].1.trim();
        if !t.is_empty() && !t.starts_with("%%") {
            break;
        }
        body.push(lines[i]);
        i += 1;
    }
    let Some(&(header_line, header_text)) = lines.get(i) else {
        return Err(format!("{NOT_MERMAID}: the text has no diagram line"));
    };
    let t = header_text.trim();
    let (first, rest) = match t.split_once(';') {
        Some((first, rest)) => (first, Some(rest)),
        None => (t, None),
    };
    let mut words = first.split_whitespace();
    let word = words.next().unwrap_or_default();
    let (kind, header_note) = match word {
        "flowchart" | "graph" | "flowchart-elk" => {
            let note = match words.next() {
                Some("LR") => None,
                // Spec choice: every import is laid out left to right along
                // the calls, the canvas's reading direction.
                Some(d @ ("RL" | "TD" | "TB" | "BT" | ">" | "<" | "^" | "v")) => Some(format!(
                    "direction {d}: the design is laid out left to right along the calls"
                )),
                Some(d) => Some(format!(
                    "unknown direction '{d}': the design is laid out left to right"
                )),
                None => Some(
                    "no direction (Mermaid draws top to bottom): the design is laid out left to right"
                        .to_string(),
                ),
            };
            (Kind::Flowchart, note)
        }
        "architecture-beta" => (Kind::Architecture, None),
        _ => {
            let shown: String = word.chars().take(40).collect();
            return Err(format!(
                "{NOT_MERMAID}: line {header_line} starts with '{shown}'"
            ));
        }
    };
    if let Some(rest) = rest {
        body.push((header_line, rest));
    }
    body.extend_from_slice(&lines[i + 1..]);
    Ok(Document {
        kind,
        title,
        header_line,
        header_text: t,
        header_note,
        body,
    })
}

/// The lines inside the first ```` ```mermaid ```` (or `~~~mermaid`) block.
fn fenced<'l, 'a>(lines: &'l [(usize, &'a str)]) -> Option<&'l [(usize, &'a str)]> {
    let start = lines.iter().position(|(_, l)| {
        let t = l.trim_start();
        t.starts_with("```mermaid") || t.starts_with("~~~mermaid")
    })?;
    let fence = &lines[start].1.trim_start()[..3];
    let len = lines[start + 1..]
        .iter()
        .position(|(_, l)| l.trim_start().starts_with(fence))
        .unwrap_or(lines.len() - start - 1);
    Some(&lines[start + 1..start + 1 + len])
}

/// A YAML scalar as front matter writes a title: plain, 'single' or "double"
/// quoted (double quotes with JSON's escapes, which YAML shares).
fn yaml_string(v: &str) -> String {
    let v = v.trim();
    if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') {
        return serde_json::from_str::<String>(v).unwrap_or_else(|_| v[1..v.len() - 1].into());
    }
    if v.len() >= 2 && v.starts_with('\'') && v.ends_with('\'') {
        return v[1..v.len() - 1].replace("''", "'");
    }
    v.to_string()
}

/// A line's statements: split at each `;` outside quotes and brackets,
/// trimmed, empty ones left out.
pub(super) fn statements(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut quoted, mut depth, mut start) = (false, 0usize, 0);
    for (i, c) in line.bytes().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            b'[' | b'(' | b'{' if !quoted => depth += 1,
            b']' | b')' | b'}' if !quoted => depth = depth.saturating_sub(1),
            b';' if !quoted && depth == 0 => {
                out.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&line[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The position of the first `end` byte at or after `from` outside quotes.
pub(super) fn closing(s: &str, from: usize, end: u8) -> Option<usize> {
    let mut quoted = false;
    for (k, c) in s.bytes().enumerate().skip(from) {
        match c {
            b'"' => quoted = !quoted,
            c if c == end && !quoted => return Some(k),
            _ => {}
        }
    }
    None
}

/// `s` cut at each `sep` byte outside quotes.
pub(super) fn split_outside_quotes(s: &str, sep: u8) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut quoted, mut start) = (false, 0);
    for (k, c) in s.bytes().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            c if c == sep && !quoted => {
                out.push(&s[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}
