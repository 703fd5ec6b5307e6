//! The sync chain count `n(b)` of `long-sync-chain` (evaluation.md §4): how many
//! calls to compute kinds a request at `b` makes one after another.
//!
//! Under route `all`: Σ over sequential sync links of ⌈calls⌉·(w(to) + n(to)),
//! plus the max over parallel sync links of w(to) + n(to); under `split` and
//! `failover`: the max over the weighted links. w = 1 for a compute kind. Links
//! that no request takes and links closing a cycle count 0; hit ratios and
//! `optional` change nothing.
//!
//! Spec choice: "links with calls = 0" is read as "links no request takes"
//! (`Graph::sync_link_used`), so under `split`/`failover` a block whose weights
//! are all 0 counts its links as equal, as the load and latency do; a standby of
//! weight 0 beside a positive weight counts 0.

use std::cell::Cell;

use super::super::graph::Graph;
use crate::core::model::Route;

/// Recursive steps allowed inside sync cycles, per chain.
pub const STEP_LIMIT: usize = 200_000;

pub struct SyncChain<'g, 'a> {
    g: &'g Graph<'a>,
    /// `n(b)` for blocks with no sync cycle below them (the value needs no path).
    acyclic: Vec<f64>,
    /// Steps taken inside sync cycles so far.
    steps: Cell<usize>,
}

impl<'g, 'a> SyncChain<'g, 'a> {
    pub fn new(g: &'g Graph<'a>) -> Self {
        let mut s = SyncChain {
            g,
            acyclic: vec![0.0; g.block_count()],
            steps: Cell::new(0),
        };
        s.fill_acyclic();
        s
    }

    fn w(&self, b: usize) -> f64 {
        if self.g.design.blocks[b].kind.is_compute() {
            1.0
        } else {
            0.0
        }
    }

    /// `n(b)` for a request arriving at `b` with nothing above it on the path.
    pub fn count(&self, b: usize) -> f64 {
        self.steps.set(0);
        let mut on_path = vec![false; self.g.block_count()];
        self.count_on(b, &mut on_path)
    }

    fn count_on(&self, b: usize, on_path: &mut [bool]) -> f64 {
        if !self.g.cyclic_below[b] {
            return self.acyclic[b];
        }
        let steps = self.steps.get() + 1;
        self.steps.set(steps);
        if steps > STEP_LIMIT {
            return 0.0;
        }
        on_path[b] = true;
        let values: Vec<f64> = self.used(b).map(|l| self.term(l, on_path)).collect();
        on_path[b] = false;
        self.combine(b, &values)
    }

    /// w(to) + n(to) for link `l`, 0 when it closes a cycle.
    fn term(&self, l: usize, on_path: &mut [bool]) -> f64 {
        let t = self.g.link_to[l];
        if on_path[t] {
            0.0
        } else {
            self.w(t) + self.count_on(t, on_path)
        }
    }

    /// The sync links of `b` that some request takes, in document order.
    fn used(&self, b: usize) -> impl Iterator<Item = usize> + '_ {
        self.g.sync_out[b]
            .iter()
            .copied()
            .filter(|&l| self.g.sync_link_used(l))
    }

    /// n(b) from the terms of `used(b)`, in the same order.
    fn combine(&self, b: usize, values: &[f64]) -> f64 {
        let links = self.used(b);
        match self.g.design.blocks[b].route {
            Route::All => {
                let (mut seq, mut par) = (0.0f64, 0.0f64);
                for (l, &v) in links.zip(values) {
                    let link = &self.g.design.links[l];
                    if link.parallel {
                        par = par.max(v);
                    } else if v > 0.0 {
                        seq += link.calls.ceil() * v;
                    }
                }
                seq + par
            }
            Route::Split | Route::Failover => values.iter().copied().fold(0.0, f64::max),
        }
    }

    /// Which of `b`'s used links the count follows (document order): sequential
    /// links that add to it, and the first parallel (or weighted) link reaching
    /// the maximum, when that maximum is positive.
    fn counted(&self, b: usize, on_path: &mut [bool]) -> Vec<usize> {
        let links: Vec<usize> = self.used(b).collect();
        let values: Vec<f64> = links.iter().map(|&l| self.term(l, on_path)).collect();
        let all = self.g.design.blocks[b].route == Route::All;
        let is_max_kind = |l: usize| !all || self.g.design.links[l].parallel;
        let mut best: Option<(usize, f64)> = None;
        for (&l, &v) in links.iter().zip(&values) {
            if is_max_kind(l) && v > 0.0 && best.is_none_or(|(_, bv)| v > bv) {
                best = Some((l, v));
            }
        }
        links
            .iter()
            .zip(&values)
            .filter(|&(&l, &v)| {
                if is_max_kind(l) {
                    best.is_some_and(|(bl, _)| bl == l)
                } else {
                    v > 0.0
                }
            })
            .map(|(&l, _)| l)
            .collect()
    }

    /// The compute blocks the count of `entry` counts, in call order (each once,
    /// at its first call). Iterative, so long chains do not overflow the stack.
    pub fn counted_blocks(&self, entry: usize) -> Vec<usize> {
        self.steps.set(0);
        let n = self.g.block_count();
        let mut on_path = vec![false; n];
        let mut walked = vec![false; n];
        let mut listed = vec![false; n];
        let mut out = Vec::new();
        walked[entry] = true;
        on_path[entry] = true;
        let first = self.counted(entry, &mut on_path);
        let mut stack: Vec<(usize, Vec<usize>, usize)> = vec![(entry, first, 0)];
        while let Some((b, links, i)) = stack.last_mut() {
            let Some(&l) = links.get(*i) else {
                on_path[*b] = false;
                stack.pop();
                continue;
            };
            *i += 1;
            let t = self.g.link_to[l];
            if self.w(t) > 0.0 && !listed[t] {
                listed[t] = true;
                out.push(t);
            }
            if !walked[t] && !on_path[t] {
                walked[t] = true;
                on_path[t] = true;
                let next = self.counted(t, &mut on_path);
                stack.push((t, next, 0));
            }
        }
        out
    }

    /// `acyclic`, children first over blocks with no sync cycle below.
    fn fill_acyclic(&mut self) {
        let g = self.g;
        for b in g.acyclic_post_order() {
            let values: Vec<f64> = self
                .used(b)
                .map(|l| {
                    let t = g.link_to[l];
                    self.w(t) + self.acyclic[t]
                })
                .collect();
            self.acyclic[b] = self.combine(b, &values);
        }
    }
}
