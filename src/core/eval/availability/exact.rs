//! Exact availability: conditioning one component at a time (cycles), or
//! factored by the plan with Gray-code enumeration where parts meet.

use super::super::graph::Graph;
use super::super::success::{success, Env};
use super::plan::Plan;
use super::tree::Tree;

impl Tree {
    /// Exact: condition on `conditioned[at..]` one at a time, skipping a
    /// component when the states fixed so far already cut it off from the entry.
    pub(super) fn enumerate(
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

    /// Exact, acyclic: `E[s(entry, read)]` over the conditioned components'
    /// states, node by node as [`Plan`] says, children first.
    pub(super) fn factored(&self, plan: &Plan, up: &mut [f64]) -> f64 {
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
                    n.inner(|t| t.ok * expect[t.child][usize::from(t.read)])
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
}
