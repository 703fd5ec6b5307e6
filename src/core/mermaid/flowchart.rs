//! `flowchart`/`graph` statements: `subgraph … end`, chains of nodes and
//! links, `class` (a kind's name is Envelope's kind hint), and the styling and
//! interaction lines, which are listed as skipped.

use std::collections::HashMap;

use super::chain::{self, Head, Line, NodeRef};
use super::lines::statements;
use super::{Edge, Group, Node, Parsed, Style, MAX_DEPTH};
use crate::core::model::Kind;

#[derive(Default)]
pub(super) struct Reader {
    /// Mermaid id → node index.
    nodes: HashMap<String, usize>,
    /// Subgraph id → group index.
    groups: HashMap<String, usize>,
    /// Open subgraphs, innermost last: the group (`None` for one nested too
    /// deep, read as part of its parent), its line and its text.
    open: Vec<(Option<usize>, usize, String)>,
}

impl Reader {
    pub fn line(&mut self, p: &mut Parsed, line: usize, text: &str) {
        for st in statements(text) {
            self.statement(p, line, st);
        }
    }

    fn statement(&mut self, p: &mut Parsed, line: usize, st: &str) {
        let (word, rest) = match st.split_once([' ', '\t']) {
            Some((w, r)) => (w, r.trim()),
            None => (st, ""),
        };
        match word {
            "subgraph" => self.subgraph(p, line, rest, st),
            "end" if rest.is_empty() => {
                if self.open.pop().is_none() {
                    p.skip(line, st, "'end' with no subgraph open: ignored");
                }
            }
            "direction" => {
                let reason = if self.open.is_empty() {
                    "direction: the design is laid out left to right"
                } else {
                    "direction inside a subgraph: every zone is laid out left to right"
                };
                p.skip(line, st, reason);
            }
            "classDef" => {
                // A class named after a kind styles Envelope's own kind hint.
                let name = rest.split_whitespace().next().unwrap_or_default();
                if Kind::parse(name).is_none() {
                    p.skip(line, st, "class definition (styling): ignored");
                }
            }
            "class" => self.class(p, line, rest, st),
            "style" | "linkStyle" => p.skip(line, st, "styling: ignored"),
            "click" => p.skip(line, st, "click action: ignored"),
            _ => self.chain(p, line, st),
        }
    }

    /// The innermost open subgraph that is a zone.
    fn current(&self) -> Option<usize> {
        self.open.iter().rev().find_map(|(g, _, _)| *g)
    }

    fn subgraph(&mut self, p: &mut Parsed, line: usize, rest: &str, st: &str) {
        // Spec choice: deeper than MAX_DEPTH, a subgraph is read as part of
        // the one around it (listed); its `end` still closes it.
        if self.open.len() >= MAX_DEPTH {
            p.skip(
                line,
                st,
                format!("subgraphs nested more than {MAX_DEPTH} deep: its nodes go in the subgraph around it"),
            );
            self.open.push((None, line, st.to_string()));
            return;
        }
        let (mid, label) = title(rest);
        // Spec choice: a subgraph id opened again continues the same zone.
        let g = match self.groups.get(mid) {
            Some(&g) if !mid.is_empty() => g,
            _ => {
                p.groups.push(Group {
                    mid: mid.to_string(),
                    label: label.to_string(),
                    parent: self.current(),
                    line,
                });
                let g = p.groups.len() - 1;
                if !mid.is_empty() {
                    self.groups.insert(mid.to_string(), g);
                }
                g
            }
        };
        self.open.push((Some(g), line, st.to_string()));
    }

    /// `class a,b name`: a kind's name gives the nodes that kind.
    fn class(&mut self, p: &mut Parsed, line: usize, rest: &str, st: &str) {
        let Some((ids, name)) = rest.rsplit_once([' ', '\t']) else {
            p.skip(
                line,
                st,
                "a class statement needs node ids and a class name",
            );
            return;
        };
        let Some(kind) = Kind::parse(name.trim()) else {
            p.skip(line, st, "class (styling): ignored");
            return;
        };
        for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let n = self.find_or_add(p, id, line);
            p.nodes[n].class = Some(kind);
        }
    }

    fn find_or_add(&mut self, p: &mut Parsed, id: &str, line: usize) -> usize {
        if let Some(&n) = self.nodes.get(id) {
            return n;
        }
        p.nodes.push(Node::new(id, line));
        self.nodes.insert(id.to_string(), p.nodes.len() - 1);
        p.nodes.len() - 1
    }

    fn chain(&mut self, p: &mut Parsed, line: usize, st: &str) {
        // Spec choice: a statement that does not read (an unknown arrow, an
        // unclosed label) is skipped whole: none of its nodes or links are made.
        let c = match chain::chain(st) {
            Ok(c) => c,
            Err(reason) => return p.skip(line, st, reason),
        };
        let groups: Vec<Vec<usize>> = c
            .groups
            .iter()
            .map(|g| g.iter().map(|r| self.node(p, r, line, st)).collect())
            .collect();
        for (k, a) in c.arrows.iter().enumerate() {
            let style = match a.line {
                Line::Solid => Style::Normal,
                Line::Thick => Style::Thick,
                Line::Dotted => Style::Dotted,
                Line::Invisible => {
                    let reason = format!(
                        "'{}': an invisible link (layout only): no link made",
                        a.text
                    );
                    p.skip(line, st, reason);
                    continue;
                }
            };
            // Spec choice: `---`, `<-->`, `--o`, `--x` each make one link from
            // left to right, listed; `~~~` (layout only) makes none.
            let note = match (a.both, a.head) {
                (true, _) => Some("two heads: kept as one link from left to right"),
                (false, Head::Open) => Some("no arrow head: kept as a link from left to right"),
                (false, Head::Circle) => Some("circle head: read as an arrow"),
                (false, Head::Cross) => Some("cross head: read as an arrow"),
                (false, Head::Arrow) => None,
            };
            if let Some(note) = note {
                p.skip(line, st, format!("'{}': {note}", a.text));
            }
            for &from in &groups[k] {
                for &to in &groups[k + 1] {
                    if from == to {
                        let reason = format!(
                            "a link from '{}' to itself: a link joins two different blocks",
                            p.nodes[from].mid
                        );
                        p.skip(line, st, reason);
                        continue;
                    }
                    p.edges.push(Edge {
                        from,
                        to,
                        style,
                        label: a.label.unwrap_or_default().to_string(),
                        line,
                    });
                }
            }
        }
    }

    fn node(&mut self, p: &mut Parsed, r: &NodeRef, line: usize, st: &str) -> usize {
        let n = self.find_or_add(p, r.id, line);
        let node = &mut p.nodes[n];
        if let Some(label) = r.label {
            // The last label given wins, as in Mermaid.
            node.label = Some(label.to_string());
            node.cylinder = r.cylinder;
            node.line = line;
        } else if r.cylinder {
            node.cylinder = true;
        }
        if let Some(icon) = r.icon {
            node.icon = Some(icon.to_string());
        }
        if let Some(class) = r.class {
            match Kind::parse(class) {
                Some(kind) => node.class = Some(kind),
                None => p.skip(line, st, format!("class '{class}' (styling): ignored")),
            }
        }
        if !r.ignored.is_empty() {
            let keys = r.ignored.join(", ");
            p.skip(line, st, format!("shape keys not used: {keys}"));
        }
        // Spec choice: nested subgraphs are each a zone, drawn inside the one
        // around them; a block is in its innermost subgraph only (a block has
        // one zone). A node met in two unrelated subgraphs stays in the first.
        if let Some(g) = self.current() {
            match p.nodes[n].group {
                None => p.nodes[n].group = Some(g),
                Some(h) if h == g || inside(p, h, g) => {}
                // A node first met in a subgraph moves into one nested in it.
                Some(h) if inside(p, g, h) => p.nodes[n].group = Some(g),
                Some(h) => {
                    let reason = format!(
                        "'{}' is already in subgraph '{}' (a block is in one zone): kept there",
                        r.id,
                        name(&p.groups[h])
                    );
                    p.skip(line, st, reason);
                }
            }
        }
        n
    }

    pub fn finish(mut self, p: &mut Parsed) {
        // Spec choice: an unclosed subgraph is not an error: it closes at the
        // end of the text, and the line that opened it is listed.
        while let Some((_, line, text)) = self.open.pop() {
            p.skip(
                line,
                &text,
                "subgraph not closed by 'end': closed at the end of the text",
            );
        }
        // Spec choice: a link to or from a subgraph has no block to join; it
        // is listed as skipped (a link joins two blocks).
        if !p.nodes.iter().any(|n| self.groups.contains_key(&n.mid)) {
            return;
        }
        let mids: Vec<String> = p.nodes.iter().map(|n| n.mid.clone()).collect();
        let mut index = vec![usize::MAX; p.nodes.len()];
        let mut kept = Vec::with_capacity(p.nodes.len());
        for (i, n) in std::mem::take(&mut p.nodes).into_iter().enumerate() {
            if !self.groups.contains_key(&n.mid) {
                index[i] = kept.len();
                kept.push(n);
            }
        }
        p.nodes = kept;
        let mut edges = Vec::with_capacity(p.edges.len());
        let mut notes = Vec::new();
        for e in std::mem::take(&mut p.edges) {
            if index[e.from] == usize::MAX || index[e.to] == usize::MAX {
                let text = format!("{} --> {}", mids[e.from], mids[e.to]);
                notes.push((e.line, text));
            } else {
                edges.push(Edge {
                    from: index[e.from],
                    to: index[e.to],
                    ..e
                });
            }
        }
        p.edges = edges;
        for (line, text) in notes {
            p.skip(
                line,
                &text,
                "links a subgraph, not a node: a link joins two blocks",
            );
        }
    }
}

/// Whether group `g` is nested (at any depth) inside group `h`.
fn inside(p: &Parsed, g: usize, h: usize) -> bool {
    let mut at = p.groups[g].parent;
    for _ in 0..=MAX_DEPTH {
        match at {
            Some(x) if x == h => return true,
            Some(x) => at = p.groups[x].parent,
            None => return false,
        }
    }
    false
}

fn name(g: &Group) -> &str {
    if g.mid.is_empty() {
        &g.label
    } else {
        &g.mid
    }
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    match s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(q) => q,
        None => s,
    }
}

/// A subgraph's id and title (raw): `id`, `id [Title]`, `id["Title"]`,
/// `"Title"`, or a title of several words (no id).
fn title(rest: &str) -> (&str, &str) {
    if rest.starts_with('"') {
        return ("", unquote(rest));
    }
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(rest.len());
    let (id, after) = (&rest[..end], rest[end..].trim_start());
    if id.is_empty() {
        return ("", unquote(rest));
    }
    if after.is_empty() {
        return (id, "");
    }
    match after.strip_prefix('[').and_then(|a| a.strip_suffix(']')) {
        Some(t) => (id, unquote(t)),
        None => ("", rest),
    }
}
