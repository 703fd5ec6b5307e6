//! The sync expansion of one entry as a tree of nodes, the components it
//! conditions on, and the success expression evaluated over it.

use std::collections::HashMap;

use super::super::graph::{Component, Graph};
use super::super::success::{entry_success, inner, success, Env};
use crate::core::model::{Op, Route};

/// One sync link as the success expression sees it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Term {
    pub(super) child: usize,
    pub(super) read: bool,
    /// `p_l` under route `all`, the share under `split`; unused under `failover`.
    pub(super) w: f64,
    /// `g_l`: the link's calls succeed within their timeout (model-2.md §2.3).
    pub(super) ok: f64,
}

/// A block of the entry's sync tree, in local numbering.
#[derive(Clone, Debug)]
pub(super) struct Node {
    /// Local component numbers: the block, then its zone if any.
    pub(super) comp: usize,
    pub(super) zone: Option<usize>,
    pub(super) h: f64,
    pub(super) route: Route,
    /// `inner` is 1 whatever the children do (no sync link, or a failover with
    /// an optional link).
    pub(super) always: bool,
    /// Constant part of a split's `inner` (shares of optional links).
    pub(super) constant: f64,
    pub(super) terms: Vec<Term>,
}

impl Node {
    /// The probability that the node and its zone are up.
    pub(super) fn up(&self, up: &[f64]) -> f64 {
        up[self.comp] * self.zone.map_or(1.0, |z| up[z])
    }

    /// `inner` from each term's success `s` (the node is not `always`); the
    /// shares of optional links under `split` are added as `constant`.
    pub(super) fn inner(&self, s: impl Fn(&Term) -> f64) -> f64 {
        self.constant + inner(self.route, self.terms.iter().map(|t| (t.w, s(t))))
    }
}

/// The sync expansion of one entry: its nodes, children before parents.
pub(super) struct Tree {
    pub(super) entry: usize,
    pub(super) nodes: Vec<Node>,
    /// Local component → global component.
    pub(super) comps: Vec<Component>,
    /// Local components occurring more than once, with 0 < p < 1.
    pub(super) conditioned: Vec<usize>,
    /// Some block below the entry lies on a sync cycle: evaluate with the
    /// path rule (success.rs) instead of the flat order.
    pub(super) cyclic: bool,
}

/// The sync links of `b` that the success expression depends on, as
/// `(link, weight)`: optional links and links used by no request are left out.
fn relevant<'g>(g: &'g Graph<'_>, b: usize) -> impl Iterator<Item = (usize, f64)> + 'g {
    g.sync_out[b]
        .iter()
        .filter_map(move |&l| weight(g, l).map(|w| (l, w)))
}

/// Sync link `l`'s weight in its caller's `inner`: `p_l` under route `all`, the
/// share under `split`, 1 under `failover`; `None` when optional or used by no
/// request.
fn weight(g: &Graph, l: usize) -> Option<f64> {
    let link = &g.design.links[l];
    if link.optional {
        return None;
    }
    let w = match g.design.blocks[g.link_from[l]].route {
        Route::All => link.calls.min(1.0),
        Route::Split => g.share[l],
        Route::Failover => 1.0,
    };
    (w > 0.0).then_some(w)
}

/// A failover block with an optional alternative: its `inner` is 1.
fn failover_soft(g: &Graph, b: usize) -> bool {
    g.design.blocks[b].route == Route::Failover
        && g.sync_out[b].iter().any(|&l| g.design.links[l].optional)
}

impl Tree {
    pub(super) fn new(g: &Graph, entry: usize, env: &Env) -> Tree {
        let d = g.design;
        let n = g.block_count();
        // Post-order from the entry over the links the expression depends on:
        // local numbers, children first.
        let walk = g.post_order([entry], |l| {
            !failover_soft(g, g.link_from[l]) && weight(g, l).is_some()
        });
        let cyclic = g.cyclic_below[entry] || walk.closing.iter().any(|&c| c);
        let order = walk.order;
        let mut local = vec![usize::MAX; n];
        for (i, &b) in order.iter().enumerate() {
            local[b] = i;
        }
        // Components, in local numbering.
        let mut comps: Vec<Component> = order.iter().map(|&b| Component::Block(b)).collect();
        let mut zone_local: HashMap<usize, usize> = HashMap::new();
        let mut nodes = Vec::with_capacity(order.len());
        for (i, &b) in order.iter().enumerate() {
            let blk = &d.blocks[b];
            let zone = g.block_zone[b].map(|z| {
                *zone_local.entry(z).or_insert_with(|| {
                    comps.push(Component::Zone(z));
                    comps.len() - 1
                })
            });
            let always = g.sync_out[b].is_empty() || failover_soft(g, b);
            let constant = if blk.route == Route::Split {
                g.sync_out[b]
                    .iter()
                    .filter(|&&l| d.links[l].optional)
                    .map(|&l| g.share[l])
                    .sum()
            } else {
                0.0
            };
            let terms = if always {
                Vec::new()
            } else {
                relevant(g, b)
                    .map(|(l, w)| Term {
                        child: local[g.link_to[l]],
                        read: d.links[l].op == Op::Read,
                        w,
                        ok: g.link_ok[l],
                    })
                    .collect()
            };
            nodes.push(Node {
                comp: i,
                zone,
                h: blk.hit_ratio,
                route: blk.route,
                always,
                constant,
                terms,
            });
        }
        let mut tree = Tree {
            entry,
            nodes,
            comps,
            conditioned: Vec::new(),
            cyclic,
        };
        tree.conditioned = if cyclic {
            tree.shared_components(env)
        } else {
            tree.multiplied_components(env)
        };
        tree
    }

    /// Components occurring more than once in the unfolding from the entry (the
    /// path rule for cycles), whose state is uncertain under `env`.
    ///
    /// A block reached a second time makes everything below it occur twice, so a
    /// block is explored once and a repeat marks its whole subtree; this may
    /// condition on a few more components than needed under cycles, never fewer.
    fn shared_components(&self, env: &Env) -> Vec<usize> {
        let k = self.nodes.len();
        let root = k - 1;
        let mut visits = vec![0u8; k];
        let mut on_path = vec![false; k];
        visits[root] = 1;
        on_path[root] = true;
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (b, ref mut i)) = work.last_mut() {
            if let Some(term) = self.nodes[b].terms.get(*i) {
                *i += 1;
                let t = term.child;
                if on_path[t] {
                    continue;
                }
                if visits[t] == 0 {
                    visits[t] = 1;
                    on_path[t] = true;
                    work.push((t, 0));
                } else {
                    self.mark_twice(t, &mut visits);
                }
            } else {
                on_path[b] = false;
                work.pop();
            }
        }
        let mut count = vec![0u8; self.comps.len()];
        for (i, node) in self.nodes.iter().enumerate() {
            count[node.comp] = visits[i];
            if let Some(z) = node.zone {
                count[z] = count[z].saturating_add(visits[i]);
            }
        }
        let mut out: Vec<usize> = (0..self.comps.len())
            .filter(|&c| {
                let p = env.get(self.comps[c]);
                count[c] >= 2 && p > 0.0 && p < 1.0
            })
            .collect();
        // Zones first, then blocks nearest the entry: early states cut the most.
        crate::core::sort::sort_by_key(&mut out, |&c| {
            (matches!(self.comps[c], Component::Block(_)), usize::MAX - c)
        });
        out
    }

    /// Acyclic trees: the uncertain components that occur in two factors of one
    /// product (a block's own state times its `inner`; the links of `all` and
    /// `failover`). Given their states every product multiplies independent
    /// factors, and a `split` is a weighted sum, whose terms may share
    /// components freely (the expectation of a sum is the sum of expectations);
    /// so conditioning on these alone is exact.
    fn multiplied_components(&self, env: &Env) -> Vec<usize> {
        let words = self.comps.len().div_ceil(64);
        let mut below: Vec<Vec<u64>> = Vec::with_capacity(self.nodes.len());
        let mut twice = vec![0u64; words];
        let set = |bits: &mut [u64], c: usize| bits[c / 64] |= 1 << (c % 64);
        for node in &self.nodes {
            let mut seen = vec![0u64; words];
            set(&mut seen, node.comp);
            if let Some(z) = node.zone {
                set(&mut seen, z);
            }
            let mut factor = |f: &[u64], seen: &mut [u64]| {
                for w in 0..words {
                    twice[w] |= seen[w] & f[w];
                    seen[w] |= f[w];
                }
            };
            if node.route == Route::Split {
                let mut sum = vec![0u64; words];
                for t in &node.terms {
                    for (s, c) in sum.iter_mut().zip(&below[t.child]) {
                        *s |= c;
                    }
                }
                factor(&sum, &mut seen);
            } else {
                for t in &node.terms {
                    factor(&below[t.child], &mut seen);
                }
            }
            below.push(seen);
        }
        let mut out: Vec<usize> = (0..self.comps.len())
            .filter(|&c| {
                let p = env.get(self.comps[c]);
                twice[c / 64] >> (c % 64) & 1 == 1 && p > 0.0 && p < 1.0
            })
            .collect();
        crate::core::sort::sort_by_key(&mut out, |&c| {
            (matches!(self.comps[c], Component::Block(_)), usize::MAX - c)
        });
        out
    }

    fn mark_twice(&self, from: usize, visits: &mut [u8]) {
        if visits[from] == 2 {
            return;
        }
        visits[from] = 2;
        let mut todo = vec![from];
        while let Some(b) = todo.pop() {
            for term in &self.nodes[b].terms {
                if visits[term.child] != 2 {
                    visits[term.child] = 2;
                    todo.push(term.child);
                }
            }
        }
    }

    /// `s(entry, read)` with every local component up with probability `up`.
    pub(super) fn success(&self, g: &Graph, env: &Env, up: &[f64], inner: &mut [f64]) -> f64 {
        if self.cyclic {
            let mut e = env.clone();
            for (i, &c) in self.comps.iter().enumerate() {
                e.set(c, up[i]);
            }
            return entry_success(g, self.entry, &e);
        }
        for i in 0..self.nodes.len() {
            inner[i] = self.inner_of(i, up, inner);
        }
        self.val(self.nodes.len() - 1, true, up, inner)
    }

    /// `s(node, op)` from its `inner`.
    pub(super) fn val(&self, i: usize, read: bool, up: &[f64], inner: &[f64]) -> f64 {
        let n = &self.nodes[i];
        let h = if read { n.h } else { 0.0 };
        success(n.up(up), h, inner[i])
    }

    /// `inner(node)` from its children's values (evaluation.md §2).
    pub(super) fn inner_of(&self, i: usize, up: &[f64], inner: &[f64]) -> f64 {
        let n = &self.nodes[i];
        if n.always {
            return 1.0;
        }
        n.inner(|t| t.ok * self.val(t.child, t.read, up, inner))
    }
}
