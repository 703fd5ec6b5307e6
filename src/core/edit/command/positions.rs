//! Moving blocks, zones and stickies: by a delta or to positions, with exact inverses.

use std::collections::HashMap;

use super::{unknown, Command, EditError};
use crate::core::model::Design;

/// Where a movable item sits in its list.
#[derive(Clone, Copy)]
enum Node {
    Block(usize),
    Zone(usize),
    Sticky(usize),
}

/// Find the nodes named by `ids`, with an index when there are many of them.
fn find_nodes<'a>(
    d: &Design,
    ids: impl ExactSizeIterator<Item = &'a String>,
) -> Result<Vec<Node>, EditError> {
    let many = ids.len() > 8;
    let index: HashMap<&str, Node> = if many {
        let blocks = d
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.as_str(), Node::Block(i)));
        let zones = d
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| (z.id.as_str(), Node::Zone(i)));
        let stickies = d
            .stickies
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), Node::Sticky(i)));
        blocks.chain(zones).chain(stickies).collect()
    } else {
        HashMap::new()
    };
    ids.map(|id| {
        let found = if many {
            index.get(id.as_str()).copied()
        } else {
            let id = id.as_str();
            d.blocks
                .iter()
                .position(|b| b.id == id)
                .map(Node::Block)
                .or_else(|| d.zones.iter().position(|z| z.id == id).map(Node::Zone))
                .or_else(|| d.stickies.iter().position(|s| s.id == id).map(Node::Sticky))
        };
        found.ok_or_else(|| unknown("block, zone or sticky", id))
    })
    .collect()
}

fn position(d: &Design, n: Node) -> (f64, f64) {
    match n {
        Node::Block(i) => d.blocks.get(i).map_or((0.0, 0.0), |b| (b.x, b.y)),
        Node::Zone(i) => d.zones.get(i).map_or((0.0, 0.0), |z| (z.x, z.y)),
        Node::Sticky(i) => d.stickies.get(i).map_or((0.0, 0.0), |s| (s.x, s.y)),
    }
}

fn put_position(d: &mut Design, n: Node, x: f64, y: f64) {
    match n {
        Node::Block(i) => {
            if let Some(b) = d.blocks.get_mut(i) {
                (b.x, b.y) = (x, y);
            }
        }
        Node::Zone(i) => {
            if let Some(z) = d.zones.get_mut(i) {
                (z.x, z.y) = (x, y);
            }
        }
        Node::Sticky(i) => {
            if let Some(s) = d.stickies.get_mut(i) {
                (s.x, s.y) = (x, y);
            }
        }
    }
}

/// Move nodes by a delta; the inverse sets their old positions (exact, unlike
/// moving back by the opposite delta in floating point).
pub(super) fn move_by(
    d: &mut Design,
    ids: &[String],
    dx: f64,
    dy: f64,
) -> Result<Command, EditError> {
    let nodes = find_nodes(d, ids.iter())?;
    let moves: Vec<(String, f64, f64)> = ids
        .iter()
        .zip(&nodes)
        .map(|(id, n)| {
            let (x, y) = position(d, *n);
            (id.clone(), x + dx, y + dy)
        })
        .collect();
    set_positions_at(d, &moves, &nodes)
}

/// Set positions in order; the inverse sets the old ones in reverse order, so a
/// repeated id also comes back exactly.
pub(super) fn set_positions(
    d: &mut Design,
    moves: &[(String, f64, f64)],
) -> Result<Command, EditError> {
    let nodes = find_nodes(d, moves.iter().map(|(id, _, _)| id))?;
    set_positions_at(d, moves, &nodes)
}

fn set_positions_at(
    d: &mut Design,
    moves: &[(String, f64, f64)],
    nodes: &[Node],
) -> Result<Command, EditError> {
    let mut old = Vec::with_capacity(moves.len());
    for ((id, x, y), n) in moves.iter().zip(nodes) {
        if !(x.is_finite() && y.is_finite()) {
            return Err(EditError::Refused(format!(
                "cannot move '{id}' to a position that is not a finite number"
            )));
        }
        let (ox, oy) = position(d, *n);
        old.push((id.clone(), ox, oy));
    }
    for ((_, x, y), n) in moves.iter().zip(nodes) {
        put_position(d, *n, *x, *y);
    }
    old.reverse();
    Ok(Command::SetPositions(old))
}
