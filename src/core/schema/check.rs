//! Whether a value lies in a field's range (format.md §1), said in words a user
//! understands. Editing checks what it touched with these (`edit::check`).

use super::{FieldValue, Range, Ty};
use crate::core::model::is_valid_id;
use crate::core::render::units::fmt_num;

/// Spec choice: text limits of format.md count characters (Unicode scalar
/// values), not bytes.
pub(crate) fn text_max(name: &str, s: &str, max: usize) -> Result<(), String> {
    let n = s.chars().count();
    if n > max {
        Err(format!(
            "{name} must be at most {} characters (it has {})",
            fmt_num(max as f64),
            fmt_num(n as f64)
        ))
    } else {
        Ok(())
    }
}

pub(crate) fn id_ok(name: &str, id: &str) -> Result<(), String> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(format!(
            "{name} '{id}' is not a valid id (1 to 64 of the characters A-Z a-z 0-9 _ . -)"
        ))
    }
}

pub(crate) fn finite(name: &str, n: f64) -> Result<(), String> {
    if n.is_finite() {
        Ok(())
    } else {
        Err(format!("{name} must be a finite number"))
    }
}

fn at_least_zero(name: &str, n: f64, unit: &str) -> Result<(), String> {
    if n.is_finite() && n >= 0.0 {
        Ok(())
    } else {
        Err(format!("{name} must be 0{unit} or more"))
    }
}

fn positive_or_none(name: &str, n: Option<f64>, unit: &str, none: &str) -> Result<(), String> {
    match n {
        Some(n) if !(n.is_finite() && n > 0.0) => {
            Err(format!("{name} must be above 0{unit}, or empty for {none}"))
        }
        _ => Ok(()),
    }
}

pub(crate) fn probability(name: &str, n: f64) -> Result<(), String> {
    if n.is_finite() && n > 0.0 && n <= 1.0 {
        Ok(())
    } else {
        Err(format!(
            "{name} must be above 0 and at most 1 (for example 0.999, 99.9% or 3 nines)"
        ))
    }
}

fn count(name: &str, n: u32, lo: u32, hi: u32) -> Result<(), String> {
    if (lo..=hi).contains(&n) {
        Ok(())
    } else {
        Err(format!(
            "{name} must be a whole number from {} to {}",
            fmt_num(lo as f64),
            fmt_num(hi as f64)
        ))
    }
}

impl Ty {
    /// Whether `v` has this type and lies in its range, said with the field's
    /// `name` and `unit` (" ms"). Relations between fields (p99 ≥ median) and
    /// references (a zone that exists) are checked on the whole item.
    pub fn check(self, name: &str, unit: &str, v: &FieldValue) -> Result<(), String> {
        use FieldValue as V;
        match (self, v) {
            (Ty::Text { max, .. }, V::Text(s)) => text_max(name, s, max),
            (Ty::Num { range, .. }, V::Number(n)) => match range {
                Range::Finite => finite(name, *n),
                Range::NonNegative => at_least_zero(name, *n, unit),
                Range::Probability => probability(name, *n),
                Range::Fraction if Range::Fraction.contains(*n) => Ok(()),
                Range::Fraction => Err(format!("{name} must be from 0 to 1 (or 0% to 100%)")),
                Range::UpTo(_) if range.contains(*n) => Ok(()),
                Range::UpTo(max) => Err(format!("{name} must be from 0 to {}", fmt_num(max))),
                Range::Between(..) if range.contains(*n) => Ok(()),
                Range::Between(lo, hi) => Err(format!(
                    "{name} must be from {} to {}",
                    fmt_num(lo),
                    fmt_num(hi)
                )),
                Range::Positive => positive_or_none(name, Some(*n), unit, "none"),
            },
            (
                Ty::OptNum {
                    range: Range::Probability,
                    ..
                },
                V::OptNumber(Some(n)),
            ) => probability(name, *n),
            (
                Ty::OptNum {
                    range: Range::NonNegative,
                    none,
                },
                V::OptNumber(Some(n)),
            ) if !Range::NonNegative.contains(*n) => Err(format!(
                "{name} must be 0{unit} or more, or empty for {none}"
            )),
            (
                Ty::OptNum {
                    range: Range::NonNegative,
                    ..
                },
                V::OptNumber(_),
            ) => Ok(()),
            (Ty::OptNum { none, .. }, V::OptNumber(n)) => positive_or_none(name, *n, unit, none),
            (Ty::Int { lo, hi, .. }, V::Int(n)) => count(name, *n, lo, hi),
            (Ty::Ref { .. }, V::Text(id)) => id_ok(name, id),
            (Ty::Ref { .. }, V::OptText(id)) => id.as_deref().map_or(Ok(()), |id| id_ok(name, id)),
            (Ty::Bool, V::Bool(_))
            | (Ty::Kind, V::Kind(_))
            | (Ty::Choice { .. }, V::Route(_) | V::Mode(_) | V::Op(_)) => Ok(()),
            _ => Err(format!("{name} does not take {}", v.type_name())),
        }
    }
}
