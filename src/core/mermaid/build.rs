//! The design from a diagram as read: ids, kinds with the catalog's numbers,
//! links, zones and positions. It is returned only when `format::validate`
//! passes.

use std::collections::{BTreeMap, HashSet};

use super::guess::{guess, Evidence};
use super::label::decode;
use super::layout::layout;
use super::{Guess, Imported, Parsed, Skipped, Style};
use crate::core::catalog::{new_block, new_link};
use crate::core::format::{self, LoadError, MAX_BLOCKS, MAX_LINKS};
use crate::core::model::{is_valid_id, Design, IdGen, Kind, Mode, Zone};

const MAX_LABEL: usize = 200;

pub(super) fn build(
    p: Parsed,
    chosen: &BTreeMap<String, Kind>,
) -> Result<Imported, Vec<LoadError>> {
    let too_many = |n: usize, max: usize, what: &str| {
        LoadError::new(
            "",
            format!("the diagram has {n} {what}; a design holds at most {max}"),
        )
    };
    let mut errors = Vec::new();
    if p.nodes.len() > MAX_BLOCKS {
        errors.push(too_many(p.nodes.len(), MAX_BLOCKS, "nodes"));
    }
    if p.edges.len() > MAX_LINKS {
        errors.push(too_many(p.edges.len(), MAX_LINKS, "links"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut skipped = p.skipped;
    // Spec choice: texts over the format's lengths are cut, and listed.
    let mut cut = |line: usize, text: &str, what: &str, max: usize| -> String {
        if text.chars().count() <= max {
            return text.to_string();
        }
        skipped.push(Skipped {
            line,
            text: text.to_string(),
            reason: format!("{what} longer than {max} characters: cut"),
        });
        text.chars().take(max).collect()
    };

    // Spec choice: ids are the Mermaid id (or the one an export's hint gives)
    // when it is a valid id not yet taken (zones claim theirs first); else one
    // made from the label, never from the kind, so a review's change of kind
    // keeps every id.
    let mut taken: HashSet<String> = HashSet::new();
    let mut claim = |mid: &str| -> Option<String> {
        let want = p.ids.get(mid).map_or(mid, String::as_str);
        (is_valid_id(want) && taken.insert(want.to_string())).then(|| want.to_string())
    };
    let zone_ids: Vec<Option<String>> = p.groups.iter().map(|g| claim(&g.mid)).collect();
    let block_ids: Vec<Option<String>> = p.nodes.iter().map(|n| claim(&n.mid)).collect();
    let mut ids = IdGen::after(taken.iter().map(String::as_str));
    let mut fresh = |label: &str, fallback: &str| -> String {
        let id = slug(label, fallback);
        if taken.insert(id.clone()) {
            return id;
        }
        let id = ids.fresh(&id, |id| taken.contains(id));
        taken.insert(id.clone());
        id
    };

    let mut zones = Vec::with_capacity(p.groups.len());
    for (g, id) in p.groups.iter().zip(zone_ids) {
        // A subgraph with only an id has no title (the canvas shows the id).
        let mut label = cut(g.line, &decode(&g.label, false), "zone title", MAX_LABEL);
        let id = id.unwrap_or_else(|| {
            if label.is_empty() {
                // Spec choice: a zone with neither a valid id nor a title is
                // titled with its Mermaid id as written.
                label = cut(g.line, &g.mid, "zone title", MAX_LABEL);
            }
            fresh(&label, "zone")
        });
        let mut z = Zone::new(id, 0.0, 0.0, 1.0, 1.0);
        z.label = label;
        zones.push(z);
    }

    let mut blocks = Vec::with_capacity(p.nodes.len());
    let mut guesses = Vec::with_capacity(p.nodes.len());
    for (n, id) in p.nodes.iter().zip(block_ids) {
        let shown = match &n.label {
            Some(raw) => decode(raw, p.numbers),
            None => n.mid.clone(),
        };
        let label = cut(n.line, &shown, "label", MAX_LABEL);
        let id = id.unwrap_or_else(|| fresh(&label, "node"));
        let (kind, reason) = match chosen.get(&id) {
            Some(&k) => (k, "chosen in review".to_string()),
            None => guess(&Evidence {
                label: &label,
                id: &n.mid,
                cylinder: n.cylinder,
                icon: n.icon.as_deref(),
                class: n.class,
            }),
        };
        let mut b = new_block(kind, id.clone(), 0.0, 0.0);
        b.zone = n.group.map(|g| zones[g].id.clone());
        guesses.push(Guess {
            id,
            label: label.clone(),
            kind,
            reason,
            line: n.line,
        });
        // Spec choice: as a file does, a label equal to the kind's name is the
        // default (empty); a node without a label is labelled with its id.
        if label != kind.name() {
            b.label = label;
        }
        blocks.push(b);
    }

    let mut links = Vec::with_capacity(p.edges.len());
    let mut made_async = vec![false; blocks.len()];
    for (i, e) in p.edges.iter().enumerate() {
        let mut l = new_link(&blocks[e.from], &blocks[e.to], format!("l{}", i + 1));
        match e.style {
            Style::Dotted => l.mode = Mode::Async,
            Style::Thick => l.mode = Mode::Sync,
            // Spec choice: a plain `-->` into or out of a queue or event log is
            // async, as the catalog starts such links; `==>` keeps it sync.
            Style::Normal if l.mode == Mode::Async => {
                for end in [e.from, e.to] {
                    made_async[end] |= blocks[end].kind.is_messaging();
                }
            }
            Style::Normal => {}
        }
        l.label = cut(e.line, &decode(&e.label, false), "link label", MAX_LABEL);
        links.push(l);
    }
    for (g, made) in guesses.iter_mut().zip(made_async) {
        if made {
            g.reason.push_str(
                "; its '-->' links are async, as for every queue or log ('==>' for sync)",
            );
        }
    }

    let block_zone: Vec<Option<usize>> = p.nodes.iter().map(|n| n.group).collect();
    let zone_parent: Vec<Option<usize>> = p.groups.iter().map(|g| g.parent).collect();
    let ends: Vec<(usize, usize, bool)> = p
        .edges
        .iter()
        .zip(&links)
        .map(|(e, l)| (e.from, e.to, l.is_sync()))
        .collect();
    let laid = layout(&block_zone, &zone_parent, &ends);
    for (b, (x, y)) in blocks.iter_mut().zip(laid.blocks) {
        (b.x, b.y) = (x, y);
    }
    for (z, (x, y, w, h)) in zones.iter_mut().zip(laid.zones) {
        (z.x, z.y, z.w, z.h) = (x, y, w, h);
    }

    let design = Design {
        title: cut(1, &p.title, "title", 200),
        notes: cut(1, &p.notes, "description", 20_000),
        blocks,
        links,
        zones,
        ..Design::default()
    };
    format::validate(&design)?;
    crate::core::sort::sort_by_key(&mut skipped, |s| s.line);
    Ok(Imported {
        design,
        guesses,
        skipped,
    })
}

/// An id made from a label: letters and digits kept (lower case), every other
/// run of characters one `_`, at most 40 characters; `fallback` when nothing
/// is left.
fn slug(label: &str, fallback: &str) -> String {
    let mut s = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('_') {
            s.push('_');
        }
        if s.len() >= 40 {
            break;
        }
    }
    let s = s.trim_end_matches('_');
    if s.is_empty() {
        fallback.to_string()
    } else {
        s.to_string()
    }
}
