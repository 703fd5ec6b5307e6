//! Numbers as the format writes them, and the ranges fields must fall in.

/// A number as saved: integral values below 2^53 without a fraction (`80`, not
/// `80.0`), others in the shortest form that reads back to the same `f64`.
/// Non-finite values (never in a valid design) are written as `null`.
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return "null".to_string();
    }
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        return format!("{}", v as i64);
    }
    match serde_json::Number::from_f64(v) {
        Some(n) => n.to_string(),
        None => "null".to_string(),
    }
}

/// A number as shown in a message ("NaN" and "infinity" included).
pub(crate) fn show(v: f64) -> String {
    if v.is_nan() {
        "NaN".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "infinity" } else { "-infinity" }.to_string()
    } else {
        format_number(v)
    }
}

pub(crate) use crate::core::schema::Range;

impl Range {
    /// What the field expects, for "expected …, found …".
    pub(crate) fn describe(self) -> String {
        match self {
            Range::Finite => "a finite number".to_string(),
            Range::NonNegative => "a number ≥ 0".to_string(),
            Range::Positive => "a number > 0".to_string(),
            Range::Probability => "a number in (0, 1]".to_string(),
            Range::Fraction => "a number from 0 to 1".to_string(),
            Range::UpTo(max) => format!("a number from 0 to {}", format_number(max)),
            Range::Between(lo, hi) => {
                format!(
                    "a number from {} to {}",
                    format_number(lo),
                    format_number(hi)
                )
            }
        }
    }
}

/// What an integer field expects.
pub(crate) fn describe_int(lo: u32, hi: u32) -> String {
    if hi == u32::MAX {
        format!("an integer ≥ {lo}")
    } else {
        format!("an integer from {lo} to {hi}")
    }
}
