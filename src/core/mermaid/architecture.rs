//! `architecture-beta` statements: `group id(icon)[Title] in parent` (zones),
//! `service id(icon)[Title] in group` (blocks; the icon guides the kind),
//! `junction id in group` (a routing point, joined through), and edges
//! `a:R --> L:b`, `a:R -- L:b`, `a{group}:B <-- T:b`.

use std::collections::{HashMap, HashSet};

use super::{Edge, Group, Node, Parsed, Style, MAX_DEPTH};

#[derive(Default)]
pub(super) struct Reader {
    nodes: HashMap<String, usize>,
    groups: HashMap<String, usize>,
    junctions: HashMap<String, usize>,
    /// `in` clauses, resolved at the end (a group may come after its members):
    /// (node or group index, parent name, line, text).
    node_in: Vec<(usize, String, usize, String)>,
    group_in: Vec<(usize, String, usize, String)>,
    /// Edges by the names of their ends: (from, to, line, text).
    edges: Vec<(String, String, usize, String)>,
}

/// `id(icon)[Title] in parent`, each part but the id optional.
struct Decl<'a> {
    id: &'a str,
    icon: Option<&'a str>,
    title: Option<&'a str>,
    parent: Option<&'a str>,
}

fn decl(rest: &str) -> Option<Decl<'_>> {
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(rest.len());
    let id = &rest[..end];
    let mut r = &rest[end..];
    let mut d = Decl {
        id,
        icon: None,
        title: None,
        parent: None,
    };
    if let Some(x) = r.strip_prefix('(') {
        let k = x.find(')')?;
        d.icon = Some(&x[..k]);
        r = &x[k + 1..];
    }
    if let Some(x) = r.strip_prefix('[') {
        let k = x.rfind(']')?;
        let t = x[..k].trim();
        d.title = Some(
            t.strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .unwrap_or(t),
        );
        r = &x[k + 1..];
    }
    let r = r.trim();
    if let Some(parent) = r.strip_prefix("in ") {
        d.parent = Some(parent.trim()).filter(|p| !p.is_empty());
    } else if !r.is_empty() {
        return None;
    }
    (!id.is_empty()).then_some(d)
}

impl Reader {
    pub fn line(&mut self, p: &mut Parsed, line: usize, st: &str) {
        let (word, rest) = match st.split_once([' ', '\t']) {
            Some((w, r)) => (w, r.trim()),
            None => (st, ""),
        };
        let parsed = match word {
            "group" | "service" | "junction" => decl(rest),
            _ if st.contains("--") => return self.edge(p, line, st),
            _ => return p.skip(line, st, "not an architecture-beta statement"),
        };
        let Some(d) = parsed else {
            return p.skip(line, st, format!("not a {word} declaration"));
        };
        let taken = self.nodes.contains_key(d.id)
            || self.groups.contains_key(d.id)
            || self.junctions.contains_key(d.id);
        if taken {
            return p.skip(line, st, format!("'{}' is declared again: ignored", d.id));
        }
        match word {
            "group" => {
                p.groups.push(Group {
                    mid: d.id.to_string(),
                    label: d.title.unwrap_or_default().to_string(),
                    parent: None,
                    line,
                });
                let g = p.groups.len() - 1;
                self.groups.insert(d.id.to_string(), g);
                if let Some(parent) = d.parent {
                    self.group_in
                        .push((g, parent.to_string(), line, st.to_string()));
                }
            }
            "service" => {
                let mut n = Node::new(d.id, line);
                n.label = d.title.map(str::to_string);
                n.icon = d.icon.map(str::to_string);
                p.nodes.push(n);
                let i = p.nodes.len() - 1;
                self.nodes.insert(d.id.to_string(), i);
                if let Some(parent) = d.parent {
                    self.node_in
                        .push((i, parent.to_string(), line, st.to_string()));
                }
            }
            _ => {
                self.junctions.insert(d.id.to_string(), line);
                p.skip(
                    line,
                    st,
                    "a junction is not a block: links through it join the services on either side",
                );
            }
        }
    }

    /// `a:R --> L:b` (also `<--`, `<-->`, `--`; `{group}` after an id).
    ///
    /// Spec choice: `--` (no head) and `<-->` make one link from left to
    /// right, listed; `<--` points right to left.
    fn edge(&mut self, p: &mut Parsed, line: usize, st: &str) {
        let Some(k) = st.find("--") else { return };
        let (left, right) = (&st[..k], &st[k + 2..]);
        let back = left.ends_with('<');
        let fwd = right.starts_with('>');
        let left = left.trim_end_matches('<').trim();
        let right = right.trim_start_matches('>').trim();
        let side = |s: &str| matches!(s, "L" | "R" | "T" | "B");
        let ends = left.rsplit_once(':').zip(right.split_once(':'));
        let Some(((a, _), (_, b))) = ends.filter(|((_, sa), (sb, _))| side(sa) && side(sb)) else {
            return p.skip(line, st, "not an edge of the form 'a:R --> L:b'");
        };
        let strip = |s: &str| s.split('{').next().unwrap_or_default().trim().to_string();
        let (a, b) = (strip(a), strip(b));
        let (from, to) = if back && !fwd { (b, a) } else { (a, b) };
        match (back, fwd) {
            (true, true) => p.skip(line, st, "two heads: kept as one link from left to right"),
            (false, false) => p.skip(line, st, "no arrow head: kept as a link from left to right"),
            _ => {}
        }
        self.edges.push((from, to, line, st.to_string()));
    }

    pub fn finish(self, p: &mut Parsed) {
        for (g, parent, line, text) in &self.group_in {
            match self.groups.get(parent) {
                None => p.skip(
                    *line,
                    text,
                    format!("no group '{parent}': placed at the top level"),
                ),
                Some(&h) => match depth_above(p, h, *g) {
                    Some(d) if d < MAX_DEPTH => p.groups[*g].parent = Some(h),
                    Some(_) => p.skip(
                        *line,
                        text,
                        format!(
                            "groups nested more than {MAX_DEPTH} deep: placed at the top level"
                        ),
                    ),
                    None => p.skip(
                        *line,
                        text,
                        "this would put the group inside itself: placed at the top level",
                    ),
                },
            }
        }
        for (n, parent, line, text) in &self.node_in {
            match self.groups.get(parent) {
                Some(&g) => p.nodes[*n].group = Some(g),
                None => p.skip(
                    *line,
                    text,
                    format!("no group '{parent}': placed at the top level"),
                ),
            }
        }
        self.links(p);
    }

    /// Edges between services become links.
    ///
    /// Spec choice: a junction is no block; edges through junctions join every
    /// service leading into one to every service it leads to (through further
    /// junctions too), and the junction's line is listed.
    fn links(&self, p: &mut Parsed) {
        let mut out: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
        for (from, to, line, _) in &self.edges {
            if self.junctions.contains_key(from.as_str()) {
                out.entry(from.as_str())
                    .or_default()
                    .push((to.as_str(), *line));
            }
        }
        let mut used: HashSet<(&str, &str)> = HashSet::new();
        for (from, to, line, text) in &self.edges {
            let unknown = [from, to].into_iter().find(|e| {
                !self.nodes.contains_key(e.as_str()) && !self.junctions.contains_key(e.as_str())
            });
            if let Some(e) = unknown {
                p.skip(*line, text, format!("'{e}' names no service or junction"));
                continue;
            }
            let Some(&a) = self.nodes.get(from.as_str()) else {
                continue; // leaves a junction: followed from the services before it
            };
            let mut targets = Vec::new();
            let mut stack = vec![to.as_str()];
            let mut seen: HashSet<&str> = HashSet::new();
            while let Some(at) = stack.pop() {
                if let Some(&b) = self.nodes.get(at) {
                    targets.push(b);
                } else if seen.insert(at) {
                    for (next, _) in out.get(at).map(Vec::as_slice).unwrap_or_default() {
                        used.insert((at, next));
                        stack.push(next);
                    }
                }
            }
            if targets.is_empty() {
                p.skip(*line, text, "leads to no service: no link made");
            }
            for b in targets {
                if a == b {
                    p.skip(*line, text, "a link from a service to itself: no link made");
                    continue;
                }
                p.edges.push(Edge {
                    from: a,
                    to: b,
                    style: Style::Normal,
                    label: String::new(),
                    line: *line,
                });
            }
        }
        for (from, to, line, text) in &self.edges {
            let from_junction = self.junctions.contains_key(from.as_str());
            if from_junction && !used.contains(&(from.as_str(), to.as_str())) {
                p.skip(
                    *line,
                    text,
                    "no service leads into this junction: no link made",
                );
            }
        }
    }
}

/// How many groups lie above `h` (itself included), or `None` when `g` is
/// among them (making `h` the parent of `g` would close a loop).
fn depth_above(p: &Parsed, h: usize, g: usize) -> Option<usize> {
    let mut at = Some(h);
    let mut depth = 0;
    while let Some(x) = at {
        if x == g {
            return None;
        }
        depth += 1;
        if depth > MAX_DEPTH {
            return Some(depth);
        }
        at = p.groups[x].parent;
    }
    Some(depth)
}
