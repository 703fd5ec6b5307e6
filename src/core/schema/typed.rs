//! What users type: text from a box read into a field's value by the field's
//! type and unit (`Ty::read`), for the inspector and the list view.
//!
//! Spec choice (the forms accepted, documented for the inspector's hints):
//! - Surrounding spaces are ignored (multi-line text, the notes, is kept
//!   exactly as typed).
//! - Numbers use a point for decimals; commas may group thousands ("1,000",
//!   "12,500.5"); "1,5" is refused. Exponents ("1e3") are accepted.
//! - A unit may follow, with or without a space, and is converted:
//!   times in ms: `ms`, `s`/`sec` (×1000), `us`/`µs` (÷1000);
//!   rates (rps, capacity): `rps`, `/s`, `req/s`, and `k` (×1,000) or `M`
//!   (×1,000,000) before them or alone ("10k", "1.5 M rps");
//!   times in s (TTL): `s`, `ms`, `min`/`m`, `h`, `d`.
//!   Any other unit is refused, naming the units the field takes.
//! - Availability: a fraction ("0.9995"), a percentage ("99.95%"), or nines
//!   ("3 nines", "3.5 nines", "3n" = 1 − 10^−n). A bare number above 1 is refused
//!   with a hint, since "99.9" most likely meant a percentage.
//! - Users and requests per user a day: counts ("500M", "2 billion");
//!   `*_bytes`: sizes ("1.5 MB"); `*_days`: durations ("5 years"), as
//!   `core::units` reads them.
//! - Hit ratio: a fraction or a percentage.
//! - Optional numbers ("capacity", "TTL", "timeout", targets) and references
//!   (a block's zone): empty, "none", "-" or "unlimited" mean absent.
//! - Yes/no: yes/no, true/false, on/off, y/n, 1/0.
//! - Choices (route, mode, operation): their names, in any case.
//! - Kinds: the file name ("load_balancer") or the display name ("Load balancer").

use super::{FieldValue, Range, Ty};
use crate::core::model::Kind;
use crate::core::render::units::fmt_num;
use crate::core::units::{self, Quantity};

/// Units a numeric field takes, from its range and the unit shown beside it.
#[derive(Clone, Copy, PartialEq)]
enum Unit {
    None,
    Millis,
    Rate,
    Seconds,
    Probability,
    Fraction,
    /// A count, a size or a duration in days (`core::units`).
    Quantity(Quantity),
}

impl Unit {
    fn of(range: Range, shown: &str) -> Unit {
        match (range, shown) {
            (Range::Probability, _) => Unit::Probability,
            (Range::Fraction, _) => Unit::Fraction,
            (_, "ms") => Unit::Millis,
            (_, "s") => Unit::Seconds,
            (_, "req/s") => Unit::Rate,
            (_, "users" | "req/day") => Unit::Quantity(Quantity::Count),
            (_, "B") => Unit::Quantity(Quantity::Size),
            (_, "days") => Unit::Quantity(Quantity::Days),
            _ => Unit::None,
        }
    }
}

impl Ty {
    /// Read `text`, typed into the box of a field named `name` whose unit on
    /// screen is `shown` ("ms", "req/s", "s" or ""), as a value of this type,
    /// or say why not. The range is not checked here (`Ty::check`).
    pub fn read(self, name: &str, shown: &str, text: &str) -> Result<FieldValue, String> {
        use FieldValue as V;
        let t = text.trim();
        match self {
            Ty::Text {
                multiline: true, ..
            } => Ok(V::Text(text.to_string())),
            Ty::Text { .. } => Ok(V::Text(t.to_string())),
            Ty::Kind => parse_kind(t).map(V::Kind),
            Ty::Num { range, .. } => number(name, t, Unit::of(range, shown)).map(V::Number),
            Ty::OptNum { range, .. } => optional(name, t, Unit::of(range, shown)).map(V::OptNumber),
            Ty::Int { lo, hi, .. } => whole(name, t, lo, hi).map(V::Int),
            Ty::Bool => yes_no(name, t).map(V::Bool),
            Ty::Choice { names, values } => names
                .iter()
                .position(|n| n.eq_ignore_ascii_case(t))
                .map(|i| values[i].clone())
                .ok_or_else(|| format!("{name} must be {}", one_of(names))),
            Ty::Ref { optional: true, .. } if is_none_word(t) => Ok(V::OptText(None)),
            Ty::Ref { optional: true, .. } => Ok(V::OptText(Some(t.to_string()))),
            Ty::Ref { .. } => Ok(V::Text(t.to_string())),
        }
    }
}

/// "all, split or failover".
fn one_of(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Whether `t` means "absent" in an optional field.
pub(crate) fn is_none_word(t: &str) -> bool {
    matches!(
        t.to_ascii_lowercase().as_str(),
        "" | "none" | "-" | "—" | "unlimited" | "∞"
    )
}

fn parse_kind(t: &str) -> Result<Kind, String> {
    let low = t.to_ascii_lowercase();
    Kind::ALL
        .into_iter()
        .find(|k| k.as_str() == low || k.name().to_ascii_lowercase() == low)
        .ok_or_else(|| format!("'{t}' is not a block kind"))
}

fn yes_no(name: &str, t: &str) -> Result<bool, String> {
    match t.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "on" | "1" => Ok(true),
        "no" | "n" | "false" | "off" | "0" => Ok(false),
        _ => Err(format!("{name} must be yes or no")),
    }
}

fn optional(name: &str, t: &str, unit: Unit) -> Result<Option<f64>, String> {
    if is_none_word(t) {
        Ok(None)
    } else {
        number(name, t, unit).map(Some)
    }
}

/// A whole number from `lo` to `hi`, typed as digits (thousands may be grouped).
pub(crate) fn whole(name: &str, t: &str, lo: u32, hi: u32) -> Result<u32, String> {
    let msg = || {
        format!(
            "{name} must be a whole number from {} to {}",
            fmt_num(lo as f64),
            fmt_num(hi as f64)
        )
    };
    let (digits, unit) = split_number(t);
    if !unit.is_empty() {
        return Err(msg());
    }
    let plain = ungroup(digits).map_err(|e| format!("{name}: {e}"))?;
    if plain.is_empty() || !plain.bytes().all(|c| c.is_ascii_digit()) {
        return Err(msg());
    }
    match plain.parse::<u64>() {
        Ok(n) if n >= lo as u64 && n <= hi as u64 => Ok(n as u32),
        _ => Err(msg()),
    }
}

/// Split "1,500.5 ms" into ("1,500.5", "ms").
pub(crate) fn split_number(t: &str) -> (&str, &str) {
    let mut end = 0;
    let mut prev_digit = false;
    for (i, c) in t.char_indices() {
        let exp = (c == 'e' || c == 'E')
            && prev_digit
            && t[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_digit() || n == '-' || n == '+');
        let sign = (c == '-' || c == '+') && (i == 0 || t[..i].ends_with(['e', 'E']));
        if c.is_ascii_digit() || c == '.' || c == ',' || exp || sign {
            end = i + c.len_utf8();
            prev_digit = c.is_ascii_digit();
        } else {
            break;
        }
    }
    (&t[..end], t[end..].trim())
}

/// Remove thousands commas, refusing commas that are not between groups of three.
pub(crate) fn ungroup(s: &str) -> Result<String, String> {
    if !s.contains(',') {
        return Ok(s.to_string());
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let groups: Vec<&str> = int.trim_start_matches(['-', '+']).split(',').collect();
    let ok = frac.is_none_or(|f| !f.contains(','))
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups[1..].iter().all(|g| g.len() == 3);
    if ok {
        Ok(s.replace(',', ""))
    } else {
        Err("use a point for decimals (1.5) and commas only between thousands (1,000)".into())
    }
}

fn number(name: &str, t: &str, unit: Unit) -> Result<f64, String> {
    if t.is_empty() {
        return Err(format!("{name} needs a number"));
    }
    if let Unit::Quantity(q) = unit {
        return units::parse(q, t).map_err(|e| format!("{name}: {e}"));
    }
    let (digits, u) = split_number(t);
    let plain = ungroup(digits).map_err(|e| format!("{name}: {e}"))?;
    let n: f64 = plain
        .parse()
        .map_err(|_| format!("{name} must be a number, not '{t}'"))?;
    if !n.is_finite() {
        return Err(format!("{name} must be a finite number"));
    }
    let u_low: String = u.chars().filter(|c| !c.is_whitespace()).collect();
    let bad_unit = |takes: &str| format!("{name} does not take the unit '{u}' ({takes})");
    match unit {
        Unit::None => {
            if u.is_empty() {
                Ok(n)
            } else {
                Err(format!("{name} is a plain number, without a unit"))
            }
        }
        Unit::Millis => match u_low.to_ascii_lowercase().as_str() {
            "" | "ms" => Ok(n),
            "s" | "sec" => Ok(n * 1000.0),
            "us" | "µs" | "μs" => Ok(n / 1000.0),
            _ => Err(bad_unit("use ms or s")),
        },
        Unit::Seconds => match u_low.to_ascii_lowercase().as_str() {
            "" | "s" | "sec" => Ok(n),
            "ms" => Ok(n / 1000.0),
            "m" | "min" => Ok(n * 60.0),
            "h" => Ok(n * 3600.0),
            "d" => Ok(n * 86_400.0),
            _ => Err(bad_unit("use s, min, h or d")),
        },
        Unit::Rate => {
            let (mult, rest) = if let Some(r) = u_low.strip_prefix(['k', 'K']) {
                (1e3, r)
            } else if let Some(r) = u_low.strip_prefix('M') {
                (1e6, r)
            } else {
                (1.0, u_low.as_str())
            };
            match rest.to_ascii_lowercase().as_str() {
                "" | "rps" | "/s" | "req/s" => Ok(n * mult),
                _ => Err(bad_unit("use rps, k or M")),
            }
        }
        Unit::Probability => match u_low.to_ascii_lowercase().as_str() {
            "%" => Ok(per_cent(n)),
            "n" | "nine" | "nines" => {
                if n > 0.0 && n <= 15.0 {
                    Ok(1.0 - 10f64.powf(-n))
                } else {
                    Err(format!("{name} in nines must be above 0 and at most 15"))
                }
            }
            "" if n > 1.0 && n <= 100.0 => Err(format!(
                "{name} is a fraction from 0 to 1: did you mean {}%?",
                fmt_num(n)
            )),
            "" => Ok(n),
            _ => Err(bad_unit("use a fraction such as 0.999, 99.9% or 3 nines")),
        },
        Unit::Fraction => match u_low.as_str() {
            "%" => Ok(per_cent(n)),
            "" => Ok(n),
            _ => Err(bad_unit("use a fraction such as 0.9, or 90%")),
        },
        Unit::Quantity(_) => unreachable!("read above"),
    }
}

/// `n` percent as a fraction, rounded as the decimal the user typed would be:
/// "99.9%" is 0.999 exactly, not 99.9 / 100 = 0.9990000000000001.
fn per_cent(n: f64) -> f64 {
    format!("{n}e-2").parse().unwrap_or(n / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numbers_and_units() {
        assert_eq!(split_number("1,500.5 ms"), ("1,500.5", "ms"));
        assert_eq!(split_number("3n"), ("3", "n"));
        assert_eq!(split_number("1e3"), ("1e3", ""));
        assert_eq!(split_number("-2"), ("-2", ""));
        assert_eq!(split_number("10k"), ("10", "k"));
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(ungroup("12,345.5").as_deref(), Ok("12345.5"));
        assert!(ungroup("1,5").is_err());
        assert!(ungroup("1234,567").is_err());
    }
}
