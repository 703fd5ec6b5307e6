//! One stable sort for the whole crate. The standard sort is generic, so every
//! element type and comparison gets its own copy of it (several KB each in the
//! web bundle). Here the standard sort runs once, on positions `0..n` with a
//! boxed comparison, and only the small step that moves elements into that
//! order is generic. The result is exactly `slice::sort_by`'s: equal elements
//! keep their order.
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Sort `v` by `cmp`, stably (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = order(v.len(), &mut |i, j| cmp(&v[i], &v[j]));
    for (a, b) in swaps(order) {
        v.swap(a, b);
    }
}

/// Sort `v` by `key`, stably (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` in ascending order, stably (like `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// A set of the items. `collect` into a `BTreeSet` sorts the items first, with
/// its own copy of the standard sort per item type; inserting them one by one
/// gives the same set without it.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The positions `0..n` in sorted order: `order[k]` is the old position of the
/// element that belongs at `k`.
#[inline(never)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// The swaps that put every element where `order` says, one cycle at a time:
/// swapping `j` with `order[j]` brings the right element to `j` and carries
/// the cycle's first element on, until it reaches its own place.
#[inline(never)]
fn swaps(order: Vec<usize>) -> Vec<(usize, usize)> {
    let mut done = vec![false; order.len()];
    let mut out = Vec::new();
    for start in 0..order.len() {
        let mut j = start;
        while !done[j] {
            done[j] = true;
            let next = order[j];
            if next == start {
                break;
            }
            out.push((j, next));
            j = next;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_stable_sort() {
        // Pairs sorted by their first field only: the second shows stability.
        let mut seed = 7u32;
        for len in 0..60 {
            let v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std);
            let mut ours = v.clone();
            let mut std = v;
            sort_by(&mut ours, |a, b| b.cmp(a));
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_strings() {
        let mut v = vec!["b", "a", "c", "a"];
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c"]);
    }
}
