//! Which nodes of an acyclic tree are computed from their children's
//! expectations and which enumerate the states below them.

use super::tree::Tree;
use crate::core::model::Route;

/// How [`Tree::factored`] computes an acyclic tree. A node's expectation
/// follows from its children's when the pieces it multiplies depend on disjoint
/// sets of conditioned components (independent, so the expectation of the
/// product is the product of expectations; a `split`'s sum needs nothing): its
/// own state, and under `all` and `failover` each link's child. A node where
/// such sets meet enumerates the states of the conditioned components below it
/// ([`Tree::gray`]). Tiers that share a cache and a database inside, but nothing
/// with each other, then cost a few states each instead of their product.
pub(super) struct Plan {
    /// Some conditioned component is at or below the node.
    pub(super) conditioned_below: Vec<bool>,
    /// The node's expectation follows from its children's.
    pub(super) splits: Vec<bool>,
    /// The node's expectation is computed (the root, and the children of a
    /// needed node that splits).
    pub(super) needed: Vec<bool>,
    /// The most conditioned components enumerated together.
    pub(super) largest: usize,
    /// Local component → its place in `conditioned` (`usize::MAX`: none).
    pub(super) index: Vec<usize>,
}

impl Plan {
    pub(super) fn new(tree: &Tree) -> Plan {
        let k = tree.nodes.len();
        let words = tree.conditioned.len().div_ceil(64).max(1);
        let mut index = vec![usize::MAX; tree.comps.len()];
        for (j, &c) in tree.conditioned.iter().enumerate() {
            index[c] = j;
        }
        let set = |bits: &mut [u64], c: usize| {
            if index[c] != usize::MAX {
                bits[index[c] / 64] |= 1 << (index[c] % 64);
            }
        };
        let meets = |a: &[u64], b: &[u64]| a.iter().zip(b).any(|(x, y)| x & y != 0);
        // The conditioned components at or below each node.
        let mut below: Vec<Vec<u64>> = Vec::with_capacity(k);
        let mut splits = vec![false; k];
        for (i, n) in tree.nodes.iter().enumerate() {
            let mut own = vec![0u64; words];
            set(&mut own, n.comp);
            if let Some(z) = n.zone {
                set(&mut own, z);
            }
            let mut seen = vec![0u64; words];
            let mut disjoint = true;
            for t in &n.terms {
                let v = &below[t.child];
                if n.route != Route::Split && meets(&seen, v) {
                    disjoint = false;
                }
                for (s, x) in seen.iter_mut().zip(v) {
                    *s |= x;
                }
            }
            splits[i] = disjoint && !meets(&own, &seen);
            for (o, s) in own.iter_mut().zip(&seen) {
                *o |= s;
            }
            below.push(own);
        }
        let count = |bits: &[u64]| bits.iter().map(|w| w.count_ones() as usize).sum::<usize>();
        let conditioned_below: Vec<bool> = below.iter().map(|b| count(b) > 0).collect();
        let mut needed = vec![false; k];
        let mut largest = 0;
        if k > 0 {
            needed[k - 1] = true;
        }
        for i in (0..k).rev() {
            if !needed[i] || !conditioned_below[i] {
                continue;
            }
            if splits[i] {
                for t in &tree.nodes[i].terms {
                    needed[t.child] = true;
                }
            } else {
                largest = largest.max(count(&below[i]));
            }
        }
        Plan {
            conditioned_below,
            splits,
            needed,
            largest,
            index,
        }
    }
}
