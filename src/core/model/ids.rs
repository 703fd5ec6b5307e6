//! Ids: the format's alphabet, and fresh ids that are never handed out twice.

/// 1–64 characters of `A-Z a-z 0-9 _ . -` (format.md §1).
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// Hands out ids `<prefix><n>` with `n` strictly increasing for the life of the
/// generator, so an id that was used once (even if deleted since) is never reused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdGen {
    next: u64,
}

impl IdGen {
    /// A generator whose numbers start above every number suffix in `ids`.
    pub fn after<'a>(ids: impl IntoIterator<Item = &'a str>) -> IdGen {
        let mut g = IdGen::default();
        g.observe(ids);
        g
    }

    /// Raise the counter above the numeric suffixes of `ids` (e.g. after a paste).
    pub fn observe<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        for id in ids {
            let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if digits > 0 && digits <= 18 {
                if let Ok(n) = id[id.len() - digits..].parse::<u64>() {
                    self.next = self.next.max(n + 1);
                }
            }
        }
    }

    /// The next id with this prefix; `taken` guards against ids of foreign shape.
    pub fn fresh(&mut self, prefix: &str, taken: impl Fn(&str) -> bool) -> String {
        loop {
            self.next = self.next.max(1);
            let id = format!("{prefix}{}", self.next);
            self.next += 1;
            if !taken(&id) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids() {
        assert!(is_valid_id("db-1.primary_A"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(&"x".repeat(65)));
        assert!(is_valid_id(&"x".repeat(64)));
    }

    #[test]
    fn fresh_ids_are_never_reused() {
        let mut g = IdGen::after(["b3", "l7", "users"]);
        assert_eq!(g.fresh("b", |_| false), "b8");
        assert_eq!(g.fresh("b", |_| false), "b9");
        // Even after "b9" is deleted, the generator moves on.
        assert_eq!(g.fresh("b", |id| id == "b10"), "b11");
    }
}
