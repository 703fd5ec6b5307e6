//! A throwaway index over a `Design`, built once per evaluation: positions instead
//! of ids, adjacency, link shares, sync cycles and the request path.

use std::collections::HashMap;

use crate::core::model::{Design, Op, Route};

/// A failure domain: a block (its instances) or a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Component {
    Block(usize),
    Zone(usize),
}

#[derive(Clone)]
pub struct Graph<'a> {
    pub design: &'a Design,
    pub block_index: HashMap<&'a str, usize>,
    pub zone_index: HashMap<&'a str, usize>,
    /// The zone each block belongs to.
    pub block_zone: Vec<Option<usize>>,
    pub link_from: Vec<usize>,
    pub link_to: Vec<usize>,
    /// Every link leaving / entering each block, in document order.
    pub out_links: Vec<Vec<usize>>,
    pub in_links: Vec<Vec<usize>>,
    /// The sync links leaving each block, in document order.
    pub sync_out: Vec<Vec<usize>>,
    /// Per link: the fraction of `base(from)` it carries (evaluation.md §1):
    /// `calls` for async links and sync links under route `all`, the normalised
    /// weight for the weighted links of a `split`/`failover` block.
    pub share: Vec<f64>,
    /// Blocks with `rps` > 0, in document order.
    pub entries: Vec<usize>,
    /// Sync strongly connected sets with a cycle (two or more blocks); a block
    /// cannot link to itself, so a single block is never a cycle.
    pub sync_cycles: Vec<Vec<usize>>,
    /// `cyclic_below[b]`: some sync cycle is reachable from `b` by sync links.
    pub cyclic_below: Vec<bool>,
    /// Per link: `g_l`, the chance that some attempt finishes within the
    /// timeout (model-2.md §2.3); 1 until the evaluation's fixed point sets it.
    pub link_ok: Vec<f64>,
}

impl<'a> Graph<'a> {
    /// Index a valid design (ids resolve; `format::load` guarantees it).
    /// Links naming unknown blocks are skipped rather than trusted.
    pub fn new(design: &'a Design) -> Graph<'a> {
        let n = design.blocks.len();
        let block_index: HashMap<&str, usize> = design
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.as_str(), i))
            .collect();
        let zone_index: HashMap<&str, usize> = design
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| (z.id.as_str(), i))
            .collect();
        let block_zone = design
            .blocks
            .iter()
            .map(|b| b.zone.as_deref().and_then(|z| zone_index.get(z).copied()))
            .collect();
        let mut link_from = Vec::with_capacity(design.links.len());
        let mut link_to = Vec::with_capacity(design.links.len());
        let mut out_links = vec![Vec::new(); n];
        let mut in_links = vec![Vec::new(); n];
        let mut sync_out = vec![Vec::new(); n];
        for (li, l) in design.links.iter().enumerate() {
            let (f, t) = match (
                block_index.get(l.from.as_str()),
                block_index.get(l.to.as_str()),
            ) {
                (Some(&f), Some(&t)) if f != t => (f, t),
                _ => (usize::MAX, usize::MAX),
            };
            link_from.push(f);
            link_to.push(t);
            if f == usize::MAX {
                continue;
            }
            out_links[f].push(li);
            in_links[t].push(li);
            if l.is_sync() {
                sync_out[f].push(li);
            }
        }
        let mut share: Vec<f64> = design.links.iter().map(|l| l.calls).collect();
        for (b, block) in design.blocks.iter().enumerate() {
            if block.route != Route::All {
                let total: f64 = sync_out[b].iter().map(|&l| design.links[l].calls).sum();
                let k = sync_out[b].len() as f64;
                for &l in &sync_out[b] {
                    share[l] = if total > 0.0 {
                        design.links[l].calls / total
                    } else {
                        1.0 / k
                    };
                }
            }
        }
        let entries = (0..n).filter(|&b| design.blocks[b].is_entry()).collect();
        let mut g = Graph {
            design,
            block_index,
            zone_index,
            block_zone,
            link_from,
            link_to,
            out_links,
            in_links,
            sync_out,
            share,
            entries,
            sync_cycles: Vec::new(),
            cyclic_below: vec![false; n],
            link_ok: vec![1.0; design.links.len()],
        };
        g.sync_cycles = g.strongly_connected(|l| g.design.links[l].is_sync());
        g.cyclic_below = g.mark_cyclic_below();
        g
    }

    pub fn block_count(&self) -> usize {
        self.design.blocks.len()
    }

    /// Does a request reach `to` over sync link `l` with positive probability?
    /// (`calls` > 0 under route `all`; a positive normalised weight otherwise.)
    pub fn sync_link_used(&self, l: usize) -> bool {
        self.share[l] > 0.0
    }

    /// Strongly connected sets of two or more blocks over the links `keep` accepts,
    /// each sorted by block position; the list in order of first block.
    pub fn strongly_connected(&self, keep: impl Fn(usize) -> bool) -> Vec<Vec<usize>> {
        // Iterative Tarjan, so deep designs do not overflow the stack.
        let n = self.block_count();
        let mut index = vec![usize::MAX; n];
        let mut low = vec![0usize; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut next = 0usize;
        let mut out = Vec::new();
        for root in 0..n {
            if index[root] != usize::MAX {
                continue;
            }
            let mut work: Vec<(usize, usize)> = vec![(root, 0)];
            index[root] = next;
            low[root] = next;
            next += 1;
            stack.push(root);
            on_stack[root] = true;
            while let Some(&mut (v, ref mut i)) = work.last_mut() {
                if let Some(&l) = self.out_links[v].get(*i) {
                    *i += 1;
                    if !keep(l) {
                        continue;
                    }
                    let w = self.link_to[l];
                    if index[w] == usize::MAX {
                        index[w] = next;
                        low[w] = next;
                        next += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        work.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                } else {
                    work.pop();
                    if let Some(&(p, _)) = work.last() {
                        low[p] = low[p].min(low[v]);
                    }
                    if low[v] == index[v] {
                        let mut set = Vec::new();
                        loop {
                            let w = stack.pop().expect("tarjan stack");
                            on_stack[w] = false;
                            set.push(w);
                            if w == v {
                                break;
                            }
                        }
                        if set.len() > 1 {
                            crate::core::sort::sort(&mut set);
                            out.push(set);
                        }
                    }
                }
            }
        }
        crate::core::sort::sort(&mut out);
        out
    }

    /// Links of `links` whose two ends are both in `set`, sorted.
    pub fn links_inside(&self, set: &[usize], keep: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut inside = vec![false; self.block_count()];
        for &b in set {
            inside[b] = true;
        }
        (0..self.design.links.len())
            .filter(|&l| {
                keep(l)
                    && self.link_from[l] != usize::MAX
                    && inside[self.link_from[l]]
                    && inside[self.link_to[l]]
            })
            .collect()
    }

    fn mark_cyclic_below(&self) -> Vec<bool> {
        // Reverse reachability from every block of a sync cycle, over sync links.
        let n = self.block_count();
        let mut mark = vec![false; n];
        let mut todo: Vec<usize> = self.sync_cycles.iter().flatten().copied().collect();
        for &b in &todo {
            mark[b] = true;
        }
        while let Some(b) = todo.pop() {
            for &l in &self.in_links[b] {
                let f = self.link_from[l];
                if self.design.links[l].is_sync() && !mark[f] {
                    mark[f] = true;
                    todo.push(f);
                }
            }
        }
        mark
    }

    /// A depth-first walk over the sync links `keep` accepts, from each of
    /// `roots` in turn (roots and links taken in order): every block reached,
    /// once, children before parents. A link to a block still open on the walk
    /// closes a cycle; it is not entered, and is marked in `closing`.
    ///
    /// Over blocks with no sync cycle below, the order puts every block after
    /// all the targets of its kept sync links, so values computed along it can
    /// read their children's.
    pub fn post_order(
        &self,
        roots: impl IntoIterator<Item = usize>,
        keep: impl Fn(usize) -> bool,
    ) -> PostOrder {
        let n = self.block_count();
        let mut walk = PostOrder {
            order: Vec::with_capacity(n),
            closing: vec![false; self.design.links.len()],
        };
        let mut state = vec![0u8; n]; // 0 new, 1 open, 2 done
        for root in roots {
            if state[root] != 0 {
                continue;
            }
            state[root] = 1;
            let mut work = vec![(root, 0usize)];
            while let Some(&mut (b, ref mut i)) = work.last_mut() {
                if let Some(&l) = self.sync_out[b].get(*i) {
                    *i += 1;
                    if !keep(l) {
                        continue;
                    }
                    let t = self.link_to[l];
                    match state[t] {
                        0 => {
                            state[t] = 1;
                            work.push((t, 0));
                        }
                        1 => walk.closing[l] = true,
                        _ => {}
                    }
                } else {
                    state[b] = 2;
                    walk.order.push(b);
                    work.pop();
                }
            }
        }
        walk
    }

    /// Every block with no sync cycle below it, children first (over all sync
    /// links; none closes a cycle there).
    pub fn acyclic_post_order(&self) -> Vec<usize> {
        let roots = (0..self.block_count()).filter(|&b| !self.cyclic_below[b]);
        self.post_order(roots, |_| true).order
    }

    /// The blocks and sync links that `entry`'s requests visit (evaluation.md §3):
    /// the entry, then the targets of used sync links, except past a block whose
    /// `hit_ratio` is 1 for a read.
    pub fn request_path(&self, entry: usize) -> RequestPath {
        let n = self.block_count();
        let mut path = RequestPath {
            blocks: vec![false; n],
            links: vec![false; self.design.links.len()],
        };
        // States are (block, op): a block reached only by reads may stop at a full cache.
        let mut seen = vec![[false; 2]; n];
        let mut todo = vec![(entry, Op::Read)];
        seen[entry][0] = true;
        while let Some((b, op)) = todo.pop() {
            path.blocks[b] = true;
            if op == Op::Read && self.design.blocks[b].hit_ratio >= 1.0 {
                continue;
            }
            for &l in &self.sync_out[b] {
                if !self.sync_link_used(l) {
                    continue;
                }
                path.links[l] = true;
                let t = self.link_to[l];
                let o = self.design.links[l].op;
                let k = (o == Op::Write) as usize;
                if !seen[t][k] {
                    seen[t][k] = true;
                    todo.push((t, o));
                }
            }
        }
        path
    }
}

/// The result of [`Graph::post_order`].
#[derive(Clone, Debug, PartialEq)]
pub struct PostOrder {
    /// The blocks reached, children before parents.
    pub order: Vec<usize>,
    /// Per link: it led back to a block still open on the walk (not entered).
    pub closing: Vec<bool>,
}

/// Which blocks and links some requests visit.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestPath {
    pub blocks: Vec<bool>,
    pub links: Vec<bool>,
}

impl RequestPath {
    /// Union with another path (the design's request path over all entries).
    pub fn merge(&mut self, other: &RequestPath) {
        for (a, b) in self.blocks.iter_mut().zip(&other.blocks) {
            *a |= *b;
        }
        for (a, b) in self.links.iter_mut().zip(&other.links) {
            *a |= *b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Block, Kind, Link, Mode};

    #[test]
    fn post_order_puts_children_first_and_marks_closing_links() {
        let mut d = Design::default();
        for id in ["a", "b", "c", "d"] {
            d.blocks.push(Block::new(id, Kind::Service, 0.0, 0.0));
        }
        // a → b → c → b (closes a cycle), a → c, and d ⇢ a async (not walked).
        d.links.push(Link::new("ab", "a", "b"));
        d.links.push(Link::new("bc", "b", "c"));
        d.links.push(Link::new("cb", "c", "b"));
        d.links.push(Link::new("ac", "a", "c"));
        let mut da = Link::new("da", "d", "a");
        da.mode = Mode::Async;
        d.links.push(da);
        let g = Graph::new(&d);
        let walk = g.post_order([0], |_| true);
        assert_eq!(walk.order, vec![2, 1, 0]);
        assert_eq!(walk.closing, vec![false, false, true, false, false]);
        // Only the links `keep` accepts are followed.
        assert_eq!(g.post_order([0, 3], |l| l != 0).order, vec![1, 2, 0, 3]);
        // b and c lie on a cycle, a has it below: only d is acyclic.
        assert_eq!(g.acyclic_post_order(), vec![3]);
    }
}
