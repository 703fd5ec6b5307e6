//! Positions for an imported design: a layered layout, left to right along the
//! calls, with each zone a rectangle around its blocks.
//!
//! Written here rather than taken from a crate: `rust-sugiyama` 0.4 (with
//! `petgraph`) added about 32 KB gzip to a bare wasm module, over half of the
//! first module's headroom, and `layout-rs` 0.1 brings a whole Graphviz-style
//! renderer; neither places clusters, which zones need.
//!
//! Each container (the design, then each zone) is laid out on its own, inner
//! zones first, with its zones as single boxes of their laid-out size:
//! 1. cycles are broken by a depth-first search that follows sync links before
//!    async ones, so the links dropped from the layering are async ones when
//!    possible;
//! 2. layers by longest path from the sources; a source sits just before its
//!    nearest callee;
//! 3. order in a layer by barycenter sweeps (down, up, down, up) over every
//!    neighbour on the swept side;
//! 4. a layer of more than [`MAX_COLUMN`] items wraps into several columns;
//!    columns are centred on each other.
//!
//! Spec choice: async links take part in the layering (a queue's consumer sits
//! right of the queue); sync links win when a cycle must be broken.

use crate::core::geometry::{BLOCK_H, BLOCK_W};
use crate::core::sort::sort_by;

/// Room between columns for a link label.
const GAP_X: f64 = 110.0;
const GAP_Y: f64 = 40.0;
/// Space between a zone's border and its items, and above them for its title.
const PAD: f64 = 30.0;
const TITLE: f64 = 30.0;
const ORIGIN: f64 = 40.0;
const MAX_COLUMN: usize = 40;

/// Block centres and zone rectangles `(x, y, w, h)`, in the input's order.
pub(super) struct Laid {
    pub blocks: Vec<(f64, f64)>,
    pub zones: Vec<(f64, f64, f64, f64)>,
}

/// `block_zone[b]`: the zone block `b` is drawn in; `zone_parent[z]`: the zone
/// zone `z` is drawn in (never a loop); `links`: `(from, to, sync)` blocks.
pub(super) fn layout(
    block_zone: &[Option<usize>],
    zone_parent: &[Option<usize>],
    links: &[(usize, usize, bool)],
) -> Laid {
    let (nb, nz) = (block_zone.len(), zone_parent.len());
    // Items: blocks 0..nb, zones nb..nb+nz. Containers: 0 the design, z+1 a zone.
    let container = |item: usize| -> usize {
        let parent = if item < nb {
            block_zone[item]
        } else {
            zone_parent[item - nb]
        };
        parent.map_or(0, |z| z + 1)
    };
    let mut depth = vec![0usize; nz + 1];
    for z in 0..nz {
        let (mut d, mut at) = (1, zone_parent[z]);
        while let Some(p) = at {
            d += 1;
            at = zone_parent[p];
            if d > nz + 1 {
                break;
            }
        }
        depth[z + 1] = d;
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nz + 1];
    let mut local = vec![0usize; nb + nz];
    for (item, slot) in local.iter_mut().enumerate() {
        let c = container(item);
        *slot = children[c].len();
        children[c].push(item);
    }
    let mut edges: Vec<Vec<(usize, usize, bool)>> = vec![Vec::new(); nz + 1];
    for &(u, v, sync) in links {
        let (mut a, mut b) = (u, v);
        let (mut ca, mut cb) = (container(a), container(b));
        while ca != cb {
            if depth[ca] >= depth[cb] {
                a = nb + ca - 1;
                ca = container(a);
            } else {
                b = nb + cb - 1;
                cb = container(b);
            }
        }
        if a != b {
            edges[ca].push((local[a], local[b], sync));
        }
    }
    // Inner containers first: each zone's size is known before its parent's.
    let mut order: Vec<usize> = (0..=nz).collect();
    sort_by(&mut order, |a, b| depth[*b].cmp(&depth[*a]));
    let mut size = vec![(BLOCK_W, BLOCK_H); nb + nz];
    let mut at: Vec<(f64, f64)> = vec![(0.0, 0.0); nb + nz];
    for &c in &order {
        let sizes: Vec<(f64, f64)> = children[c].iter().map(|&i| size[i]).collect();
        let (pos, (w, h)) = place(&sizes, &edges[c]);
        for (k, &i) in children[c].iter().enumerate() {
            at[i] = pos[k];
        }
        if c > 0 {
            let (w, h) = if children[c].is_empty() {
                (BLOCK_W, BLOCK_H)
            } else {
                (w, h)
            };
            size[nb + c - 1] = (w + 2.0 * PAD, h + 2.0 * PAD + TITLE);
        }
    }
    // Outer containers first: each item's place from its container's.
    let mut origin = vec![(ORIGIN, ORIGIN); nz + 1];
    let mut zones = vec![(0.0, 0.0, 0.0, 0.0); nz];
    for &c in order.iter().rev() {
        let (ox, oy) = origin[c];
        for &i in &children[c] {
            let (x, y) = (ox + at[i].0, oy + at[i].1);
            at[i] = (x, y);
            if i >= nb {
                let z = i - nb;
                zones[z] = (x, y, size[i].0, size[i].1);
                origin[z + 1] = (x + PAD, y + PAD + TITLE);
            }
        }
    }
    let blocks = (0..nb)
        .map(|b| (at[b].0 + BLOCK_W / 2.0, at[b].1 + BLOCK_H / 2.0))
        .collect();
    Laid { blocks, zones }
}

/// Top-left corners of items of the given sizes, and the size of the whole.
fn place(sizes: &[(f64, f64)], edges: &[(usize, usize, bool)]) -> (Vec<(f64, f64)>, (f64, f64)) {
    let n = sizes.len();
    if n == 0 {
        return (Vec::new(), (0.0, 0.0));
    }
    let kept = acyclic(n, edges);
    let layer = layers(n, edges, &kept);
    let columns = order(n, edges, &layer);
    let mut pos = vec![(0.0, 0.0); n];
    let mut heights = Vec::with_capacity(columns.len());
    for col in &columns {
        let h: f64 = col.iter().map(|&v| sizes[v].1).sum::<f64>() + GAP_Y * (col.len() - 1) as f64;
        heights.push(h);
    }
    let total_h = heights.iter().copied().fold(0.0, f64::max);
    let mut x = 0.0;
    for (col, h) in columns.iter().zip(&heights) {
        let w = col.iter().map(|&v| sizes[v].0).fold(0.0, f64::max);
        let mut y = ((total_h - h) / 2.0).floor();
        for &v in col {
            pos[v] = (x + ((w - sizes[v].0) / 2.0).floor(), y);
            y += sizes[v].1 + GAP_Y;
        }
        x += w + GAP_X;
    }
    (pos, (x - GAP_X, total_h))
}

/// Which edges stay in the layering: all but the back edges of a depth-first
/// search that takes sync edges first.
fn acyclic(n: usize, edges: &[(usize, usize, bool)]) -> Vec<bool> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &(u, _, sync)) in edges.iter().enumerate() {
        if sync {
            out[u].push(e);
        }
    }
    for (e, &(u, _, sync)) in edges.iter().enumerate() {
        if !sync {
            out[u].push(e);
        }
    }
    let mut kept = vec![true; edges.len()];
    let mut state = vec![0u8; n]; // 0 new, 1 on the path, 2 done
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (v, k) = *top;
            if k == out[v].len() {
                state[v] = 2;
                stack.pop();
                continue;
            }
            top.1 += 1;
            let e = out[v][k];
            let w = edges[e].1;
            match state[w] {
                0 => {
                    state[w] = 1;
                    stack.push((w, 0));
                }
                1 => kept[e] = false,
                _ => {}
            }
        }
    }
    kept
}

/// Longest path from the sources over the kept edges; then each source moves
/// right to just before its nearest successor.
fn layers(n: usize, edges: &[(usize, usize, bool)], kept: &[bool]) -> Vec<usize> {
    let mut indegree = vec![0usize; n];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &(u, v, _)) in edges.iter().enumerate() {
        if kept[e] && u != v {
            out[u].push(v);
            indegree[v] += 1;
        }
    }
    let sources: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    let mut layer = vec![0usize; n];
    let mut ready = sources.clone();
    while let Some(u) = ready.pop() {
        for &v in &out[u] {
            layer[v] = layer[v].max(layer[u] + 1);
            indegree[v] -= 1;
            if indegree[v] == 0 {
                ready.push(v);
            }
        }
    }
    for s in sources {
        if let Some(nearest) = out[s].iter().map(|&v| layer[v]).min() {
            layer[s] = nearest.saturating_sub(1);
        }
    }
    layer
}

/// The columns, left to right, each listing its items top to bottom.
fn order(n: usize, edges: &[(usize, usize, bool)], layer: &[usize]) -> Vec<Vec<usize>> {
    let count = layer.iter().copied().max().map_or(0, |m| m + 1);
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); count];
    for v in 0..n {
        layers[layer[v]].push(v);
    }
    let mut near: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, v, _) in edges {
        if u != v {
            near[u].push(v);
            near[v].push(u);
        }
    }
    let mut pos = vec![0.0f64; n];
    let set = |pos: &mut Vec<f64>, l: &[usize]| {
        for (k, &v) in l.iter().enumerate() {
            pos[v] = (k as f64 + 0.5) / l.len() as f64;
        }
    };
    for l in &layers {
        set(&mut pos, l);
    }
    for sweep in 0..4 {
        let down = sweep % 2 == 0;
        let seq: Vec<usize> = if down {
            (1..count).collect()
        } else {
            (0..count.saturating_sub(1)).rev().collect()
        };
        for li in seq {
            let keys: Vec<(usize, f64)> = layers[li]
                .iter()
                .map(|&v| {
                    let side =
                        near[v].iter().filter(
                            |&&u| {
                                if down {
                                    layer[u] < li
                                } else {
                                    layer[u] > li
                                }
                            },
                        );
                    let (sum, k) = side.fold((0.0, 0usize), |(s, k), &u| (s + pos[u], k + 1));
                    (v, if k == 0 { pos[v] } else { sum / k as f64 })
                })
                .collect();
            let mut keyed = keys;
            sort_by(&mut keyed, |a, b| a.1.total_cmp(&b.1));
            layers[li] = keyed.into_iter().map(|(v, _)| v).collect();
            set(&mut pos, &layers[li]);
        }
    }
    layers
        .into_iter()
        .flat_map(|l| {
            l.chunks(MAX_COLUMN)
                .map(<[usize]>::to_vec)
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_empty())
        .collect()
}
