//! What people type for the capacity worksheet (model-2.md §3): counts
//! ("500M", "1.5k", "2 billion", "1,000"), sizes ("200 B", "1.5 MB", "2 TB")
//! and durations in days ("30 days", "5 years", "1825 d"). The field schema
//! reads `users`, `requests_per_user_day`, `*_bytes` and `*_days` through
//! these (`schema::typed`); the matching formatters for people are in
//! `render::units` (`bytes`, `bytes_per_s`, `money_month`).
//!
//! Spec choice (the forms accepted):
//! - sizes are decimal, as the seeds count them: KB = 1,000 B, MB = 10^6 B,
//!   GB = 10^9, TB = 10^12, PB = 10^15 (`K`, `M`, `G`, `T`, `P` alone too);
//!   the binary KiB, MiB, GiB, TiB, PiB are 1,024-based; a bare number is bytes;
//! - counts take k/thousand, M/m/mn/million, B/b/bn/billion, T/trillion;
//! - durations are in days: h/hours, d/days, w/weeks, mo/months (30 days),
//!   y/yr/years (365 days, as the seeds' "5 years = 1,825 days"); a bare number is days;
//! - negative and non-finite values are refused (every quantity here is ≥ 0).

use crate::core::schema::{split_number, ungroup};

/// What a typed quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// A plain count (users, requests per day).
    Count,
    /// Bytes.
    Size,
    /// A duration, in days.
    Days,
}

impl Quantity {
    fn what(self) -> &'static str {
        match self {
            Quantity::Count => "a count",
            Quantity::Size => "a size",
            Quantity::Days => "a duration",
        }
    }

    fn units(self) -> &'static str {
        match self {
            Quantity::Count => "use k, M, billion or a plain number",
            Quantity::Size => "use B, KB, MB, GB, TB or PB",
            Quantity::Days => "use days, weeks, months or years",
        }
    }

    /// The multiplier of a unit word, or `None` when it is not one of ours.
    fn factor(self, unit: &str) -> Option<f64> {
        let low = unit.to_ascii_lowercase();
        match self {
            Quantity::Count => Some(match unit {
                "" => 1.0,
                "k" | "K" => 1e3,
                "M" | "m" => 1e6,
                "B" | "b" => 1e9,
                "T" => 1e12,
                _ => match low.as_str() {
                    "thousand" => 1e3,
                    "mn" | "mil" | "million" | "millions" => 1e6,
                    "bn" | "billion" | "billions" => 1e9,
                    "tn" | "trillion" | "trillions" => 1e12,
                    _ => return None,
                },
            }),
            Quantity::Size => Some(match low.as_str() {
                "" | "b" | "byte" | "bytes" => 1.0,
                "k" | "kb" => 1e3,
                "m" | "mb" => 1e6,
                "g" | "gb" => 1e9,
                "t" | "tb" => 1e12,
                "p" | "pb" => 1e15,
                "kib" => 1024.0,
                "mib" => 1024f64.powi(2),
                "gib" => 1024f64.powi(3),
                "tib" => 1024f64.powi(4),
                "pib" => 1024f64.powi(5),
                _ => return None,
            }),
            Quantity::Days => Some(match low.as_str() {
                "" | "d" | "day" | "days" => 1.0,
                "h" | "hr" | "hour" | "hours" => 1.0 / 24.0,
                "w" | "wk" | "week" | "weeks" => 7.0,
                "mo" | "month" | "months" => 30.0,
                "y" | "yr" | "yrs" | "year" | "years" => 365.0,
                _ => return None,
            }),
        }
    }
}

/// Read `text` as a quantity, or say why not (without the field's name).
pub fn parse(q: Quantity, text: &str) -> Result<f64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("needs a number ({})", q.what()));
    }
    let (digits, unit) = split_number(t);
    if digits.is_empty() {
        return Err(format!("'{t}' is not a number"));
    }
    let plain = ungroup(digits)?;
    let n: f64 = plain
        .parse()
        .map_err(|_| format!("'{t}' is not a number"))?;
    let factor = q
        .factor(unit)
        .ok_or_else(|| format!("'{unit}' is not a unit of {} ({})", q.what(), q.units()))?;
    let v = n * factor;
    if !v.is_finite() {
        return Err(format!("'{t}' is too large"));
    }
    if v < 0.0 {
        return Err(format!("{} cannot be negative, found '{t}'", q.what()));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(parse(Quantity::Count, "500M"), Ok(500e6));
        assert_eq!(parse(Quantity::Count, "1.5k"), Ok(1500.0));
        assert_eq!(parse(Quantity::Count, "2 billion"), Ok(2e9));
        assert_eq!(parse(Quantity::Count, "1,000"), Ok(1000.0));
        assert_eq!(parse(Quantity::Count, " 0.2 "), Ok(0.2));
        assert!(parse(Quantity::Count, "3 parsecs")
            .unwrap_err()
            .contains("'parsecs' is not a unit of a count"));
    }

    #[test]
    fn sizes() {
        assert_eq!(parse(Quantity::Size, "1 KB"), Ok(1000.0));
        assert_eq!(parse(Quantity::Size, "200 B"), Ok(200.0));
        assert_eq!(parse(Quantity::Size, "1.5 MB"), Ok(1.5e6));
        assert_eq!(parse(Quantity::Size, "2 TB"), Ok(2e12));
        assert_eq!(parse(Quantity::Size, "2tb"), Ok(2e12));
        assert_eq!(parse(Quantity::Size, "1 KiB"), Ok(1024.0));
        assert_eq!(parse(Quantity::Size, "500"), Ok(500.0));
        assert_eq!(
            parse(Quantity::Size, "-1 KB"),
            Err("a size cannot be negative, found '-1 KB'".into())
        );
        assert_eq!(
            parse(Quantity::Size, "1e400"),
            Err("'1e400' is too large".into())
        );
    }

    #[test]
    fn durations() {
        assert_eq!(parse(Quantity::Days, "5 years"), Ok(1825.0));
        assert_eq!(parse(Quantity::Days, "30 days"), Ok(30.0));
        assert_eq!(parse(Quantity::Days, "1825 d"), Ok(1825.0));
        assert_eq!(parse(Quantity::Days, "2 weeks"), Ok(14.0));
        assert_eq!(parse(Quantity::Days, "1 month"), Ok(30.0));
        assert_eq!(
            parse(Quantity::Days, "5 parsecs"),
            Err("'parsecs' is not a unit of a duration (use days, weeks, months or years)".into())
        );
    }

    #[test]
    fn empty_and_not_numbers() {
        assert_eq!(
            parse(Quantity::Size, ""),
            Err("needs a number (a size)".into())
        );
        assert_eq!(
            parse(Quantity::Days, "soon"),
            Err("'soon' is not a number".into())
        );
        assert!(parse(Quantity::Count, "1,5").is_err());
    }
}
