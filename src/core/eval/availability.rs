//! Availability (evaluation.md §2): exact by conditioning, Monte Carlo beyond 20.
//!
//! Per entry, the components that occur more than once in the unfolding of
//! `s(entry)` are conditioned on (their 0/1 states enumerated, or sampled beyond
//! `exact_limit`); every other component enters with its probability, which is the
//! exact conditional expectation because the sub-expressions it meets are
//! independent. Without cycles, independent parts are computed apart, and only
//! the conditioned components where parts meet are enumerated together
//! ([`Plan`]): the limit applies to the largest such enumeration.

use std::collections::HashMap;

use rand::{Rng, SeedableRng};
/// Xoshiro256++ by name: `SmallRng` is another algorithm on 32-bit targets
/// (WebAssembly), and the app must sample what the CLI samples.
use rand_xoshiro::Xoshiro256PlusPlus as SmallRng;

use super::graph::{Component, Graph};
use super::success::{entry_success, inner, success, Env};
use super::EvalOptions;
use crate::core::model::{Op, Route};
use crate::core::report::Method;

/// The availability figures of one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Availability {
    /// Each block's own, zone included. Spec choice: 0 when forced down by a
    /// what-if failure (of the block or its zone).
    pub blocks: Vec<f64>,
    /// Parallel to `g.entries`.
    pub entries: Vec<f64>,
    pub design: Option<f64>,
    pub method: Method,
    pub interval: Option<[f64; 2]>,
}

/// The nominal environment with the what-if failures forced down.
pub fn base_env(g: &Graph, down: &[bool], zone_down: &[bool]) -> Env {
    let mut env = Env::nominal(g);
    for (b, &d) in down.iter().enumerate() {
        if d {
            env.block_up[b] = 0.0;
        }
    }
    for (z, &d) in zone_down.iter().enumerate() {
        if d {
            env.zone_up[z] = 0.0;
        }
    }
    env
}

/// Spec choice (what-if failures): failed blocks and zones are forced down in
/// availability; `split` keeps its weights (a request routed to a failed block
/// fails), while `failover` already survives through its alternatives.
pub fn compute(
    g: &Graph,
    entry_rps: &[f64],
    down: &[bool],
    zone_down: &[bool],
    options: &EvalOptions,
) -> Availability {
    let env = base_env(g, down, zone_down);
    let blocks = (0..g.block_count())
        .map(|b| env.block_up[b] * g.block_zone[b].map_or(1.0, |z| env.zone_up[z]))
        .collect();
    let mut entries = Vec::with_capacity(g.entries.len());
    let mut variances = Vec::with_capacity(g.entries.len());
    let mut sampled = false;
    for (i, &e) in g.entries.iter().enumerate() {
        let tree = Tree::new(g, e, &env);
        let (a, var) = tree.availability(g, &env, options, i as u64);
        sampled |= var.is_some();
        entries.push(a);
        variances.push(var.unwrap_or(0.0));
    }
    let design = weighted(&entries, entry_rps);
    let interval = match design {
        Some(d) if sampled => {
            let total: f64 = entry_rps.iter().sum();
            let var: f64 = variances
                .iter()
                .zip(entry_rps)
                .map(|(v, r)| v * (r / total) * (r / total))
                .sum();
            let half = 1.96 * var.sqrt();
            Some([(d - half).max(0.0), (d + half).min(1.0)])
        }
        _ => None,
    };
    Availability {
        blocks,
        design,
        entries,
        method: if sampled {
            Method::MonteCarlo
        } else {
            Method::Exact
        },
        interval,
    }
}

/// `Σ rps·A / Σ rps`; `None` without traffic.
fn weighted(values: &[f64], rps: &[f64]) -> Option<f64> {
    let total: f64 = rps.iter().sum();
    if values.is_empty() || total <= 0.0 {
        return None;
    }
    Some(values.iter().zip(rps).map(|(a, r)| a * r).sum::<f64>() / total)
}

/// One sync link as the success expression sees it.
#[derive(Clone, Copy, Debug)]
struct Term {
    child: usize,
    read: bool,
    /// `p_l` under route `all`, the share under `split`; unused under `failover`.
    w: f64,
}

/// A block of the entry's sync tree, in local numbering.
#[derive(Clone, Debug)]
struct Node {
    /// Local component numbers: the block, then its zone if any.
    comp: usize,
    zone: Option<usize>,
    h: f64,
    route: Route,
    /// `inner` is 1 whatever the children do (no sync link, or a failover with
    /// an optional link).
    always: bool,
    /// Constant part of a split's `inner` (shares of optional links).
    constant: f64,
    terms: Vec<Term>,
}

impl Node {
    /// The probability that the node and its zone are up.
    fn up(&self, up: &[f64]) -> f64 {
        up[self.comp] * self.zone.map_or(1.0, |z| up[z])
    }

    /// `inner` from each term's success `s` (the node is not `always`); the
    /// shares of optional links under `split` are added as `constant`.
    fn inner(&self, s: impl Fn(&Term) -> f64) -> f64 {
        self.constant + inner(self.route, self.terms.iter().map(|t| (t.w, s(t))))
    }
}

/// The sync expansion of one entry: its nodes, children before parents.
struct Tree {
    entry: usize,
    nodes: Vec<Node>,
    /// Local component → global component.
    comps: Vec<Component>,
    /// Local components occurring more than once, with 0 < p < 1.
    conditioned: Vec<usize>,
    /// Some block below the entry lies on a sync cycle: evaluate with the
    /// path rule (success.rs) instead of the flat order.
    cyclic: bool,
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

/// How [`Tree::factored`] computes an acyclic tree. A node's expectation
/// follows from its children's when the pieces it multiplies depend on disjoint
/// sets of conditioned components (independent, so the expectation of the
/// product is the product of expectations; a `split`'s sum needs nothing): its
/// own state, and under `all` and `failover` each link's child. A node where
/// such sets meet enumerates the states of the conditioned components below it
/// ([`Tree::gray`]). Tiers that share a cache and a database inside, but nothing
/// with each other, then cost a few states each instead of their product.
struct Plan {
    /// Some conditioned component is at or below the node.
    conditioned_below: Vec<bool>,
    /// The node's expectation follows from its children's.
    splits: Vec<bool>,
    /// The node's expectation is computed (the root, and the children of a
    /// needed node that splits).
    needed: Vec<bool>,
    /// The most conditioned components enumerated together.
    largest: usize,
    /// Local component → its place in `conditioned` (`usize::MAX`: none).
    index: Vec<usize>,
}

impl Plan {
    fn new(tree: &Tree) -> Plan {
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

impl Tree {
    fn new(g: &Graph, entry: usize, env: &Env) -> Tree {
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

    /// `A(entry)` and, when sampled, the variance of the estimate.
    ///
    /// Spec choice: at most 30 conditioned components are enumerated together
    /// whatever `exact_limit` says. Without cycles the limit applies to the
    /// largest enumeration of the factored computation (evaluation.md requires
    /// exact up to 20 conditioned components and allows it beyond), so a large
    /// design of independent tiers is exact. The design's 95% interval is ±1.96
    /// standard errors of the rps-weighted estimate, entries sampled independently.
    fn availability(
        &self,
        g: &Graph,
        env: &Env,
        opts: &EvalOptions,
        salt: u64,
    ) -> (f64, Option<f64>) {
        let mut up: Vec<f64> = self.comps.iter().map(|&c| env.get(c)).collect();
        let mut scratch = vec![0.0; self.nodes.len()];
        let limit = opts.exact_limit.min(30);
        if self.cyclic {
            if self.conditioned.len() <= limit {
                let a = self.enumerate(g, env, &mut up, 0, &mut scratch);
                return (a.clamp(0.0, 1.0), None);
            }
        } else {
            let plan = Plan::new(self);
            if plan.largest <= limit {
                return (self.factored(&plan, &mut up).clamp(0.0, 1.0), None);
            }
        }
        self.monte_carlo(g, env, &mut up, opts, salt, &mut scratch)
    }

    /// Exact: condition on `conditioned[at..]` one at a time, skipping a
    /// component when the states fixed so far already cut it off from the entry.
    fn enumerate(
        &self,
        g: &Graph,
        env: &Env,
        up: &mut [f64],
        at: usize,
        scratch: &mut [f64],
    ) -> f64 {
        let Some(&c) = self.conditioned.get(at) else {
            return self.success(g, env, up, scratch);
        };
        let p = up[c];
        if at >= 4 && !self.reachable(c, up) {
            return self.enumerate(g, env, up, at + 1, scratch);
        }
        up[c] = 1.0;
        let yes = self.enumerate(g, env, up, at + 1, scratch);
        up[c] = 0.0;
        let no = self.enumerate(g, env, up, at + 1, scratch);
        up[c] = p;
        p * yes + (1.0 - p) * no
    }

    /// Whether some occurrence of component `c` is reached from the entry through
    /// blocks that are not certainly down.
    fn reachable(&self, c: usize, up: &[f64]) -> bool {
        let k = self.nodes.len();
        let mut seen = vec![false; k];
        let mut todo = vec![k - 1];
        seen[k - 1] = true;
        while let Some(b) = todo.pop() {
            let node = &self.nodes[b];
            if node.comp == c || node.zone == Some(c) {
                return true;
            }
            if up[node.comp] == 0.0 || node.zone.is_some_and(|z| up[z] == 0.0) {
                continue;
            }
            for t in &node.terms {
                if !seen[t.child] {
                    seen[t.child] = true;
                    todo.push(t.child);
                }
            }
        }
        false
    }

    /// `s(entry, read)` with every local component up with probability `up`.
    fn success(&self, g: &Graph, env: &Env, up: &[f64], inner: &mut [f64]) -> f64 {
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
    fn val(&self, i: usize, read: bool, up: &[f64], inner: &[f64]) -> f64 {
        let n = &self.nodes[i];
        let h = if read { n.h } else { 0.0 };
        success(n.up(up), h, inner[i])
    }

    /// `inner(node)` from its children's values (evaluation.md §2).
    fn inner_of(&self, i: usize, up: &[f64], inner: &[f64]) -> f64 {
        let n = &self.nodes[i];
        if n.always {
            return 1.0;
        }
        n.inner(|t| self.val(t.child, t.read, up, inner))
    }

    /// Exact, acyclic: `E[s(entry, read)]` over the conditioned components'
    /// states, node by node as [`Plan`] says, children first.
    fn factored(&self, plan: &Plan, up: &mut [f64]) -> f64 {
        let k = self.nodes.len();
        let root = k - 1;
        // Every node with its components at their probabilities: exact for the
        // nodes with no conditioned component below them.
        let mut plain = vec![0.0; k];
        for i in 0..k {
            plain[i] = self.inner_of(i, up, &plain);
        }
        // `E[s(node, write)]`, `E[s(node, read)]`.
        let mut expect = vec![[0.0; 2]; k];
        let mut inner = vec![0.0; k];
        let mut local = vec![usize::MAX; k];
        for i in 0..k {
            if !plan.needed[i] {
                continue;
            }
            let n = &self.nodes[i];
            expect[i] = if !plan.conditioned_below[i] {
                [false, true].map(|read| self.val(i, read, up, &plain))
            } else if plan.splits[i] {
                let e_inner = if n.always {
                    1.0
                } else {
                    n.inner(|t| expect[t.child][usize::from(t.read)])
                };
                let u = n.up(up);
                [success(u, 0.0, e_inner), success(u, n.h, e_inner)]
            } else {
                self.gray(i, up, &mut inner, &mut local, &plan.index)
            };
        }
        expect[root][1]
    }

    /// Exact `E[s(top, write)]` and `E[s(top, read)]`: every 0/1 state of the
    /// conditioned components below `top` in Gray-code order, so each step flips
    /// one component and re-evaluates only the nodes it touches and their
    /// ancestors up to `top` (components touching the fewest nodes flip most
    /// often).
    ///
    /// Costs the size of `top`'s subtree, not of the tree: `inner` and `local`
    /// are the caller's buffers over all nodes (`local` all `usize::MAX`, and
    /// left so); `index` maps a component to its place in `conditioned`.
    fn gray(
        &self,
        top: usize,
        up: &mut [f64],
        inner: &mut [f64],
        local: &mut [usize],
        index: &[usize],
    ) -> [f64; 2] {
        // The nodes below `top`, children first (they have smaller numbers).
        let mut sub = vec![top];
        local[top] = 0;
        let mut at = 0;
        while let Some(&i) = sub.get(at) {
            at += 1;
            for t in &self.nodes[i].terms {
                if local[t.child] == usize::MAX {
                    local[t.child] = 0;
                    sub.push(t.child);
                }
            }
        }
        crate::core::sort::sort_by_key(&mut sub, |&i| i);
        for (j, &i) in sub.iter().enumerate() {
            local[i] = j;
        }
        let mut parents: Vec<Vec<usize>> = vec![Vec::new(); sub.len()];
        for (j, &i) in sub.iter().enumerate() {
            for t in &self.nodes[i].terms {
                parents[local[t.child]].push(j);
            }
        }
        // Where each conditioned component occurs below `top`, in the order of
        // `conditioned`.
        let mut occurs: Vec<(usize, Vec<usize>)> = Vec::new();
        for (j, &i) in sub.iter().enumerate() {
            let n = &self.nodes[i];
            for c in std::iter::once(n.comp).chain(n.zone) {
                if index[c] == usize::MAX {
                    continue;
                }
                match occurs.iter_mut().find(|(o, _)| *o == index[c]) {
                    Some((_, at)) => at.push(j),
                    None => occurs.push((index[c], vec![j])),
                }
            }
        }
        crate::core::sort::sort_by_key(&mut occurs, |(o, _)| *o);
        let mut touched: Vec<(usize, Vec<usize>)> = Vec::new();
        for (o, mut todo) in occurs {
            let mut mark = vec![false; sub.len()];
            for &j in &todo {
                mark[j] = true;
            }
            while let Some(j) = todo.pop() {
                for &p in &parents[j] {
                    if !mark[p] {
                        mark[p] = true;
                        todo.push(p);
                    }
                }
            }
            let nodes = (0..sub.len())
                .filter(|&j| mark[j])
                .map(|j| sub[j])
                .collect();
            touched.push((self.conditioned[o], nodes));
        }
        for &i in &sub {
            local[i] = usize::MAX;
        }
        crate::core::sort::sort_by_key(&mut touched, |(_, nodes)| nodes.len());
        let p: Vec<f64> = touched.iter().map(|&(c, _)| up[c]).collect();
        for &(c, _) in &touched {
            up[c] = 1.0;
        }
        for &i in &sub {
            inner[i] = self.inner_of(i, up, inner);
        }
        let bits = touched.len();
        let mut total = [0.0; 2];
        let mut state: u64 = 0;
        let mut weight = 1.0;
        for step in 0..(1u64 << bits) {
            if step > 0 {
                let bit = step.trailing_zeros() as usize;
                state ^= 1 << bit;
                let (c, ref nodes) = touched[bit];
                up[c] = if state >> bit & 1 == 1 { 0.0 } else { 1.0 };
                for &i in nodes {
                    inner[i] = self.inner_of(i, up, inner);
                }
            }
            // The state's probability: one factor changes per flip; recomputed
            // exactly every 1024 states so rounding cannot drift.
            if step % 1024 == 0 {
                weight = (0..bits)
                    .map(|j| {
                        if state >> j & 1 == 1 {
                            1.0 - p[j]
                        } else {
                            p[j]
                        }
                    })
                    .product();
            } else {
                let bit = step.trailing_zeros() as usize;
                weight *= if state >> bit & 1 == 1 {
                    (1.0 - p[bit]) / p[bit]
                } else {
                    p[bit] / (1.0 - p[bit])
                };
            }
            total[0] += weight * self.val(top, false, up, inner);
            total[1] += weight * self.val(top, true, up, inner);
        }
        for (j, &(c, _)) in touched.iter().enumerate() {
            up[c] = p[j];
        }
        total
    }

    /// Monte Carlo over the conditioned components' states (the others keep their
    /// probabilities, an exact conditional expectation). Failures are drawn by
    /// geometric skips, so a sample costs nothing unless some component is down,
    /// and repeated states are evaluated once.
    fn monte_carlo(
        &self,
        g: &Graph,
        env: &Env,
        up: &mut [f64],
        opts: &EvalOptions,
        salt: u64,
        scratch: &mut [f64],
    ) -> (f64, Option<f64>) {
        let n = opts.mc_samples.max(2) as u64;
        let mut rng = SmallRng::seed_from_u64(opts.seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut events: Vec<(u64, u32)> = Vec::new();
        for (j, &c) in self.conditioned.iter().enumerate() {
            let q = 1.0 - up[c];
            let log_keep = (-q).ln_1p();
            let mut at: u64 = 0;
            loop {
                let u: f64 = 1.0 - rng.random::<f64>(); // in (0, 1]
                let skip = (u.ln() / log_keep).floor();
                // NaN (a component that never fails) and skips past the end stop.
                if skip.is_nan() || skip >= (n - at) as f64 {
                    break;
                }
                at += skip as u64;
                events.push((at, j as u32));
                at += 1;
                if at >= n {
                    break;
                }
            }
        }
        events.sort_unstable();
        for &c in &self.conditioned {
            up[c] = 1.0;
        }
        let all_up = self.success(g, env, up, scratch);
        let mut memo: HashMap<Vec<u32>, f64> = HashMap::new();
        let (mut sum, mut sq, mut plain) = (0.0, 0.0, n);
        let mut i = 0;
        let mut key = Vec::new();
        while i < events.len() {
            let s = events[i].0;
            key.clear();
            while i < events.len() && events[i].0 == s {
                key.push(events[i].1);
                i += 1;
            }
            let v = match memo.get(&key) {
                Some(&v) => v,
                None => {
                    for &j in &key {
                        up[self.conditioned[j as usize]] = 0.0;
                    }
                    let v = self.success(g, env, up, scratch);
                    for &j in &key {
                        up[self.conditioned[j as usize]] = 1.0;
                    }
                    memo.insert(key.clone(), v);
                    v
                }
            };
            sum += v;
            sq += v * v;
            plain -= 1;
        }
        sum += plain as f64 * all_up;
        sq += plain as f64 * all_up * all_up;
        let nf = n as f64;
        let mean = sum / nf;
        let var = ((sq / nf - mean * mean) * nf / (nf - 1.0)).max(0.0) / nf;
        (mean.clamp(0.0, 1.0), Some(var))
    }
}
