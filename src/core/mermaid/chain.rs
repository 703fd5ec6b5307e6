//! One flowchart statement of nodes and links, read left to right:
//! `A[Label]:::cache --> B & C -.->|async| D`, `A -- text --> B`,
//! `db@{ shape: cyl, label: "Orders" }`.

use super::lines::{closing, split_outside_quotes};

/// A node as one statement names it (everything raw, as written).
#[derive(Debug, Default)]
pub(super) struct NodeRef<'a> {
    pub id: &'a str,
    pub label: Option<&'a str>,
    pub cylinder: bool,
    pub class: Option<&'a str>,
    pub icon: Option<&'a str>,
    /// Keys of a `@{ … }` shape that the import does not use.
    pub ignored: Vec<&'a str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Line {
    Solid,
    Thick,
    Dotted,
    Invisible,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Head {
    Arrow,
    Open,
    Circle,
    Cross,
}

#[derive(Debug)]
pub(super) struct Arrow<'a> {
    /// The arrow as written, its label included.
    pub text: &'a str,
    pub line: Line,
    pub head: Head,
    /// A head at both ends (`<-->`, `o--o`).
    pub both: bool,
    pub label: Option<&'a str>,
}

/// Groups of nodes joined by `&`, with an arrow between each two groups.
#[derive(Debug)]
pub(super) struct Chain<'a> {
    pub groups: Vec<Vec<NodeRef<'a>>>,
    pub arrows: Vec<Arrow<'a>>,
}

/// Shape openers, longest first, with their closers and whether the shape is a
/// cylinder. An opener whose closer is missing falls back to a shorter one.
const SHAPES: [(&str, &[&str], bool); 12] = [
    ("(((", &[")))"], false),
    ("((", &["))"], false),
    ("([", &["])"], false),
    ("(", &[")"], false),
    ("[(", &[")]"], true),
    ("[[", &["]]"], false),
    ("[/", &["/]", "\\]"], false),
    ("[\\", &["\\]", "/]"], false),
    ("[", &["]"], false),
    ("{{", &["}}"], false),
    ("{", &["}"], false),
    (">", &["]"], false),
];

/// `@{ shape: … }` names of a cylinder (Mermaid 11's shape names and aliases).
const CYLINDERS: [&str; 8] = [
    "cyl", "cylinder", "database", "db", "das", "h-cyl", "lin-cyl", "disk",
];

pub(super) fn chain(s: &str) -> Result<Chain<'_>, String> {
    let mut sc = Scan {
        s,
        b: s.as_bytes(),
        i: 0,
    };
    let mut groups = Vec::new();
    let mut arrows = Vec::new();
    loop {
        sc.ws();
        let mut group = vec![sc.node()?];
        sc.ws();
        while sc.at(0) == b'&' {
            sc.i += 1;
            sc.ws();
            group.push(sc.node()?);
            sc.ws();
        }
        groups.push(group);
        if sc.done() {
            return Ok(Chain { groups, arrows });
        }
        arrows.push(sc.arrow()?);
        sc.ws();
        if sc.done() {
            return Err("a link with no node after it".into());
        }
    }
}

struct Scan<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Scan<'a> {
    fn at(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    fn ws(&mut self) {
        while matches!(self.at(0), b' ' | b'\t') {
            self.i += 1;
        }
    }

    fn done(&self) -> bool {
        self.i >= self.b.len()
    }

    /// An id byte: letters, digits, `_`, any non-ASCII, and `-` or `.`
    /// between such (`db-1`, `a.b`; never `-->`).
    fn id_byte(&self, k: usize) -> bool {
        let c = self.at(k);
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
        word(c) || (matches!(c, b'-' | b'.') && word(self.at(k + 1)))
    }

    fn node(&mut self) -> Result<NodeRef<'a>, String> {
        let start = self.i;
        while self.id_byte(0) {
            self.i += 1;
        }
        if self.i == start {
            return Err(format!("expected a node id at '{}'", clip(self.rest())));
        }
        let mut n = NodeRef {
            id: &self.s[start..self.i],
            ..NodeRef::default()
        };
        if self.rest().starts_with("@{") {
            self.object(&mut n)?;
        } else {
            let before = self.i;
            self.ws();
            if !matches!(self.at(0), b'[' | b'(' | b'{') {
                self.i = before;
            }
            self.shape(&mut n)?;
        }
        if self.rest().starts_with(":::") {
            self.i += 3;
            let start = self.i;
            while self.at(0).is_ascii_alphanumeric() || matches!(self.at(0), b'_' | b'-') {
                self.i += 1;
            }
            n.class = Some(&self.s[start..self.i]);
        }
        Ok(n)
    }

    fn shape(&mut self, n: &mut NodeRef<'a>) -> Result<(), String> {
        for (open, closes, cylinder) in SHAPES {
            if !self.rest().starts_with(open) {
                continue;
            }
            if let Some((label, end)) = enclosed(self.s, self.i + open.len(), closes) {
                n.label = Some(label);
                n.cylinder = cylinder;
                self.i = end;
                return Ok(());
            }
        }
        match self.at(0) {
            c @ (b'[' | b'(' | b'{') => Err(format!(
                "the label of '{}' opened with '{}' is not closed",
                n.id, c as char
            )),
            _ => Ok(()),
        }
    }

    /// `@{ key: value, … }`: `shape`, `label` and `icon` are used.
    fn object(&mut self, n: &mut NodeRef<'a>) -> Result<(), String> {
        let open = self.i + 2;
        let close = closing(self.s, open, b'}')
            .ok_or_else(|| format!("the shape of '{}' opened with '@{{' is not closed", n.id))?;
        for pair in split_outside_quotes(&self.s[open..close], b',') {
            let Some((key, value)) = pair.split_once(':') else {
                continue;
            };
            let value = value.trim();
            let value = match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
                Some(v) => v,
                None => value,
            };
            match key.trim() {
                "shape" => n.cylinder = CYLINDERS.contains(&value),
                "label" => n.label = Some(value),
                "icon" => n.icon = Some(value),
                other => n.ignored.push(other),
            }
        }
        self.i = close + 1;
        Ok(())
    }

    fn arrow(&mut self) -> Result<Arrow<'a>, String> {
        let start = self.i;
        let mut both = false;
        let (c0, c1) = (self.at(0), self.at(1));
        if (c0 == b'<' && matches!(c1, b'-' | b'=' | b'.'))
            || (matches!(c0, b'o' | b'x') && matches!(c1, b'-' | b'='))
        {
            both = true;
            self.i += 1;
        }
        let run_start = self.i;
        while matches!(self.at(0), b'-' | b'=' | b'.' | b'~') {
            self.i += 1;
        }
        let run = &self.s[run_start..self.i];
        let head = self.head();
        let unknown = |upto: usize| format!("unknown arrow '{}'", clip(&self.s[start..upto]));
        let trailing = matches!(self.at(0), b'>' | b'<' | b'-' | b'=' | b'.' | b'~');
        let line = match (kind_of(run, head.is_some()), head) {
            (Some(line), _) if !trailing => line,
            (None, None) if matches!(run, "--" | "==" | "-.") => return self.text_form(start, run),
            _ => {
                let upto = self.s[self.i..]
                    .find([' ', '\t'])
                    .map_or(self.s.len(), |k| self.i + k);
                return Err(unknown(upto));
            }
        };
        self.finish(start, line, head.unwrap_or(Head::Open), both, None)
    }

    /// The head at the cursor (`>`, or `o`/`x` standing alone), taken.
    fn head(&mut self) -> Option<Head> {
        let alone = |c: u8| matches!(c, 0 | b' ' | b'\t' | b'|');
        let h = match self.at(0) {
            b'>' => Head::Arrow,
            b'o' if alone(self.at(1)) => Head::Circle,
            b'x' if alone(self.at(1)) => Head::Cross,
            _ => return None,
        };
        self.i += 1;
        Some(h)
    }

    /// `-- text -->`, `== text ==>`, `-. text .->`.
    fn text_form(&mut self, start: usize, run: &str) -> Result<Arrow<'a>, String> {
        let (mark, line) = match run {
            "--" => ("--", Line::Solid),
            "==" => ("==", Line::Thick),
            _ => (".-", Line::Dotted),
        };
        let text_start = self.i;
        let Some(k) = self.s[text_start..].find(mark) else {
            return Err(format!("unknown arrow '{}'", clip(&self.s[start..])));
        };
        let label = self.s[text_start..text_start + k].trim();
        self.i = text_start + k;
        while matches!(self.at(0), b'-' | b'=' | b'.') {
            self.i += 1;
        }
        let closing = &self.s[text_start + k..self.i];
        let head = self.head();
        let ok = match line {
            Line::Dotted => closing.ends_with('-'),
            _ => closing.len() >= 3 || (closing.len() == 2 && head.is_some()),
        };
        if !ok {
            return Err(format!("unknown arrow '{}'", clip(&self.s[start..self.i])));
        }
        self.finish(start, line, head.unwrap_or(Head::Open), false, Some(label))
    }

    /// An optional `|label|` after the arrow, then the arrow.
    fn finish(
        &mut self,
        start: usize,
        line: Line,
        head: Head,
        both: bool,
        mut label: Option<&'a str>,
    ) -> Result<Arrow<'a>, String> {
        let before = self.i;
        self.ws();
        if self.at(0) == b'|' {
            let open = self.i + 1;
            let close = closing(self.s, open, b'|')
                .ok_or_else(|| "a link label opened with '|' is not closed".to_string())?;
            let text = self.s[open..close].trim();
            label = Some(
                match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
                    Some(t) => t,
                    None => text,
                },
            );
            self.i = close + 1;
        } else {
            self.i = before;
        }
        Ok(Arrow {
            text: self.s[start..self.i].trim(),
            line,
            head,
            both,
            label,
        })
    }
}

/// The kind of line a run of `-`, `=`, `.`, `~` draws, if it is a whole
/// arrow (with a head, or long enough to be a line without one).
fn kind_of(run: &str, head: bool) -> Option<Line> {
    let all = |c: u8| run.bytes().all(|b| b == c);
    let dotted = run.len() >= 3
        && run.starts_with('-')
        && run.ends_with('-')
        && run[1..run.len() - 1].bytes().all(|b| b == b'.');
    let long = run.len() >= 3 || (head && run.len() == 2);
    if long && all(b'-') {
        Some(Line::Solid)
    } else if long && all(b'=') {
        Some(Line::Thick)
    } else if dotted {
        Some(Line::Dotted)
    } else if !head && run.len() >= 3 && all(b'~') {
        Some(Line::Invisible)
    } else {
        None
    }
}

/// The label between an opener ending at `from` and one of `closes`: a
/// `"quoted"` label may hold any closer; otherwise the first closer ends it.
/// Returns the label and where the closer ends.
fn enclosed<'a>(s: &'a str, from: usize, closes: &[&str]) -> Option<(&'a str, usize)> {
    let r = &s[from..];
    let t = r.trim_start();
    if let Some(q) = t.strip_prefix('"') {
        let q0 = s.len() - q.len();
        let q1 = q0 + q.find('"')?;
        let after = &s[q1 + 1..];
        let at = s.len() - after.trim_start().len();
        let close = closes.iter().find(|c| s[at..].starts_with(**c))?;
        return Some((&s[q0..q1], at + close.len()));
    }
    let (k, close) = closes
        .iter()
        .filter_map(|c| r.find(c).map(|k| (k, *c)))
        .min_by_key(|(k, _)| *k)?;
    Some((r[..k].trim(), from + k + close.len()))
}

/// The start of `s`, for a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
