//! Which blocks' failure alone drops some entry's success below 1, without
//! recomputing the success once per block (the `spof` rule).
//!
//! With every component up but block `x`, the success `s(t, op)` of evaluation.md
//! §2 is < 1 exactly when `t` = `x`, or `t` passes the request on (`h` < 1 for
//! this op) and its `inner` is < 1:
//! - under `all`, some non-optional link with `calls` > 0 has a target below 1
//!   (every factor `1 − p + p·s` is ≤ 1, and < 1 exactly then);
//! - under `split`, some non-optional link of positive weight does (the
//!   weights sum to 1);
//! - under `failover`, every alternative does (`1 − Π(1 − s)` is < 1 only when
//!   no factor is 0), so no link may be optional; one alternative is plain.
//!
//! So the blocks that make `s(t, op)` fall form a set `N(t, op)`: `{t}`, plus
//! the union of the sets of the links it must take, or for a failover with two
//! or more alternatives the intersection `F` of theirs. Above failovers the
//! union is plain reachability over (block, op) states, which stays right
//! with sync cycles: a link back onto the call path counts as succeeding in
//! `success`, but a falling chain can always be shortened to one visiting each
//! block once (a state's links depend on its block only). Below a failover the
//! sets are built bottom-up as bitsets over the candidate blocks; a failover
//! with a sync cycle below it is left to the caller (`None`).

use super::super::graph::Graph;
use crate::core::model::{Op, Route};

/// How a (block, op) state depends on its sync links' targets.
enum Needs {
    /// The request stops here (a full cache hit, no sync links, an optional
    /// failover alternative).
    Nothing,
    /// Each listed target falling makes this state fall.
    Any(Vec<usize>),
    /// Only all listed targets falling together do (two or more).
    All(Vec<usize>),
}

/// State index: block `b` with op read is `2b`, with op write `2b + 1`.
fn state(b: usize, op: Op) -> usize {
    2 * b + (op == Op::Write) as usize
}

fn needs(g: &Graph, s: usize) -> Needs {
    let (t, write) = (s / 2, s % 2 == 1);
    let d = g.design;
    let block = &d.blocks[t];
    let h = if write { 0.0 } else { block.hit_ratio };
    let links = &g.sync_out[t];
    if h >= 1.0 || links.is_empty() {
        return Needs::Nothing;
    }
    let target = |l: usize| state(g.link_to[l], d.links[l].op);
    match block.route {
        Route::Failover => {
            if links.iter().any(|&l| d.links[l].optional) {
                Needs::Nothing
            } else if links.len() == 1 {
                Needs::Any(vec![target(links[0])])
            } else {
                Needs::All(links.iter().map(|&l| target(l)).collect())
            }
        }
        route => Needs::Any(
            links
                .iter()
                .filter(|&&l| {
                    let link = &d.links[l];
                    let taken = match route {
                        Route::All => link.calls > 0.0,
                        _ => g.share[l] > 0.0,
                    };
                    taken && !link.optional
                })
                .map(|&l| target(l))
                .collect(),
        ),
    }
}

/// `out[b]`: some entry's success falls below 1 with every component up but
/// block `b`, for every `b` with `candidate[b]` (others are false). `None`
/// when a failover that matters has a sync cycle below it.
pub(super) fn falling_blocks(g: &Graph, candidate: &[bool]) -> Option<Vec<bool>> {
    let n = g.block_count();
    let mut out = vec![false; n];
    let mut seen = vec![false; 2 * n];
    let mut todo: Vec<usize> = Vec::new();
    for &e in &g.entries {
        let s = state(e, Op::Read);
        if !seen[s] {
            seen[s] = true;
            todo.push(s);
        }
    }
    let mut failovers: Vec<Vec<usize>> = Vec::new();
    while let Some(s) = todo.pop() {
        out[s / 2] = true;
        match needs(g, s) {
            Needs::Nothing => {}
            Needs::Any(next) => {
                for u in next {
                    if !seen[u] {
                        seen[u] = true;
                        todo.push(u);
                    }
                }
            }
            Needs::All(alternatives) => {
                if g.cyclic_below[s / 2] {
                    return None;
                }
                failovers.push(alternatives);
            }
        }
    }
    if !failovers.is_empty() {
        let mut sets = Sets::new(g, candidate);
        for alternatives in failovers {
            let mut common: Option<Vec<u64>> = None;
            for a in alternatives {
                let set = sets.of(a);
                match &mut common {
                    None => common = Some(set.to_vec()),
                    Some(c) => c.iter_mut().zip(set).for_each(|(x, y)| *x &= y),
                }
            }
            for (i, &b) in sets.blocks.iter().enumerate() {
                if common
                    .as_ref()
                    .is_some_and(|c| c[i / 64] >> (i % 64) & 1 == 1)
                {
                    out[b] = true;
                }
            }
        }
    }
    for (o, &c) in out.iter_mut().zip(candidate) {
        *o &= c;
    }
    Some(out)
}

/// `N(state)` as bitsets over the candidate blocks, for states with no sync
/// cycle below them, computed once each.
struct Sets<'g, 'a> {
    g: &'g Graph<'a>,
    /// The candidate blocks, in order: bit `i` stands for `blocks[i]`.
    blocks: Vec<usize>,
    /// Each block's bit, if a candidate.
    bit: Vec<Option<usize>>,
    words: usize,
    memo: Vec<Option<Vec<u64>>>,
}

impl<'g, 'a> Sets<'g, 'a> {
    fn new(g: &'g Graph<'a>, candidate: &[bool]) -> Self {
        let blocks: Vec<usize> = (0..g.block_count())
            .filter(|&b| candidate.get(b).copied().unwrap_or(false))
            .collect();
        let mut bit = vec![None; g.block_count()];
        for (i, &b) in blocks.iter().enumerate() {
            bit[b] = Some(i);
        }
        Sets {
            g,
            words: blocks.len().div_ceil(64),
            blocks,
            bit,
            memo: vec![None; 2 * g.block_count()],
        }
    }

    /// `N(root)`, filling the memo children first (the states below are acyclic).
    fn of(&mut self, root: usize) -> &[u64] {
        let mut work: Vec<(usize, Needs, usize)> = Vec::new();
        if self.memo[root].is_none() {
            work.push((root, needs(self.g, root), 0));
        }
        while let Some((s, need, i)) = work.last_mut() {
            let children = match need {
                Needs::Nothing => &[][..],
                Needs::Any(v) | Needs::All(v) => &v[..],
            };
            if let Some(&u) = children.get(*i) {
                *i += 1;
                if self.memo[u].is_none() {
                    let nu = needs(self.g, u);
                    work.push((u, nu, 0));
                }
                continue;
            }
            let mut set = match need {
                Needs::All(v) => {
                    let mut acc: Option<Vec<u64>> = None;
                    for &u in v.iter() {
                        let child = self.memo[u].as_deref().unwrap_or(&[]);
                        match &mut acc {
                            None => acc = Some(child.to_vec()),
                            Some(a) => a.iter_mut().zip(child).for_each(|(x, y)| *x &= y),
                        }
                    }
                    acc.unwrap_or_default()
                }
                Needs::Any(v) => {
                    let mut acc = vec![0u64; self.words];
                    for &u in v.iter() {
                        let child = self.memo[u].as_deref().unwrap_or(&[]);
                        acc.iter_mut().zip(child).for_each(|(x, y)| *x |= y);
                    }
                    acc
                }
                Needs::Nothing => vec![0u64; self.words],
            };
            set.resize(self.words, 0);
            if let Some(i) = self.bit[*s / 2] {
                set[i / 64] |= 1 << (i % 64);
            }
            let s = *s;
            self.memo[s] = Some(set);
            work.pop();
        }
        self.memo[root].as_deref().unwrap_or(&[])
    }
}
