//! The ranges of format.md §1, one field at a time and one item at a time, with
//! messages a user understands. Commands check what they touched with these, then
//! run `format::validate` on the whole document.

use super::field::{
    get_block_field, get_link_field, BlockField, Field, FieldValue, LinkField, TargetField,
    ZoneField,
};
use crate::core::model::{is_valid_id, Block, Design, Link, Sticky, Targets, Zone};
pub use crate::core::render::units::fmt_num;
use crate::core::schema::{self, Range, Ty};

pub(crate) const MAX_LABEL: usize = 200;
pub(crate) const MAX_DESIGN_NOTES: usize = 20_000;
pub(crate) const MAX_STICKY_TEXT: usize = 2_000;

/// Spec choice: text limits of format.md count characters (Unicode scalar
/// values), not bytes.
fn text_max(name: &str, s: &str, max: usize) -> Result<(), String> {
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

fn id_ok(name: &str, id: &str) -> Result<(), String> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(format!(
            "{name} '{id}' is not a valid id (1 to 64 of the characters A-Z a-z 0-9 _ . -)"
        ))
    }
}

fn finite(name: &str, n: f64) -> Result<(), String> {
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

fn probability(name: &str, n: f64) -> Result<(), String> {
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

/// Whether `value` has the right type and lies in the field's own range (format.md
/// §1). Relations between fields (p99 ≥ median, min healthy ≤ replicas) and
/// references (a zone that exists) are checked on the whole item.
pub fn check_value(field: Field, value: &FieldValue) -> Result<(), String> {
    use FieldValue as V;
    let name = field.name();
    match (field, value) {
        (Field::Block(f), v) => {
            let spec = schema::block(f);
            in_range(name, spec.unit, spec.ty, v)
        }
        (Field::Link(f), v) => {
            let spec = schema::link(f);
            in_range(name, spec.unit, spec.ty, v)
        }
        (Field::Zone(f), v) => match (f, v) {
            (ZoneField::Label, V::Text(s)) => text_max(name, s, MAX_LABEL),
            (ZoneField::Availability, V::Number(n)) => probability(name, *n),
            _ => Err(format!("{name} does not take {}", v.type_name())),
        },
        (Field::Target(f), v) => match (f, v) {
            (TargetField::Availability, V::OptNumber(Some(n))) => probability(name, *n),
            (TargetField::P99Ms, V::OptNumber(n)) => positive_or_none(name, *n, " ms", "none"),
            (TargetField::Availability, V::OptNumber(None)) => Ok(()),
            (TargetField::TeamSize, V::OptInt(Some(n))) if *n < 1 => {
                Err(format!("{name} must be a whole number, 1 or more"))
            }
            (TargetField::TeamSize, V::OptInt(_)) => Ok(()),
            _ => Err(format!("{name} does not take {}", v.type_name())),
        },
    }
}

/// Whether `v` has a field's type and lies in its range (`ty`, `schema`),
/// said with the field's `name` and `unit`.
fn in_range(name: &str, unit: &str, ty: Ty, v: &FieldValue) -> Result<(), String> {
    use FieldValue as V;
    match (ty, v) {
        (Ty::Text { max }, V::Text(s)) => text_max(name, s, max),
        (Ty::Num { range, .. }, V::Number(n)) => match range {
            Range::Finite => finite(name, *n),
            Range::NonNegative => at_least_zero(name, *n, unit),
            Range::Probability => probability(name, *n),
            Range::Fraction if Range::Fraction.contains(*n) => Ok(()),
            Range::Fraction => Err(format!("{name} must be from 0 to 1 (or 0% to 100%)")),
            Range::UpTo(_) if range.contains(*n) => Ok(()),
            Range::UpTo(max) => Err(format!("{name} must be from 0 to {}", fmt_num(max))),
            Range::Positive => positive_or_none(name, Some(*n), unit, "none"),
        },
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

/// p99 against the median (format.md: p99 ≥ median, and > median only when the
/// median is above 0).
pub fn check_p99(latency_ms: f64, p99_ms: f64) -> Result<(), String> {
    if latency_ms == 0.0 && p99_ms > 0.0 {
        Err("p99 must be 0 ms while the median latency is 0 ms (set the median first)".into())
    } else if p99_ms < latency_ms {
        Err(format!(
            "p99 must be at least the median {} ms",
            fmt_num(latency_ms)
        ))
    } else {
        Ok(())
    }
}

/// Min healthy against replicas.
pub fn check_min_healthy(replicas: u32, min_healthy: u32) -> Result<(), String> {
    if min_healthy > replicas {
        Err(format!(
            "min healthy must be at most the replicas ({})",
            fmt_num(replicas as f64)
        ))
    } else {
        Ok(())
    }
}

/// Every rule of format.md §1 that concerns one block in `design` (not id
/// uniqueness, which the inserting command checks).
pub fn check_block(design: &Design, b: &Block) -> Result<(), String> {
    let at = |m: String| format!("block '{}': {m}", b.id);
    id_ok("the id", &b.id).map_err(at)?;
    for f in BlockField::ALL {
        check_value(Field::Block(f), &get_block_field(b, f)).map_err(at)?;
    }
    check_min_healthy(b.replicas, b.min_healthy).map_err(at)?;
    check_p99(b.latency_ms, b.p99_ms).map_err(at)?;
    if let Some(z) = &b.zone {
        if design.zone(z).is_none() {
            return Err(at(format!("there is no zone '{z}'")));
        }
    }
    Ok(())
}

/// Every rule of format.md §1 that concerns one link in `design`.
pub fn check_link(design: &Design, l: &Link) -> Result<(), String> {
    let at = |m: String| format!("link '{}': {m}", l.id);
    id_ok("the id", &l.id).map_err(at)?;
    for f in LinkField::ALL {
        check_value(Field::Link(f), &get_link_field(l, f)).map_err(at)?;
    }
    if l.from == l.to {
        return Err(at(format!(
            "a link cannot join block '{}' to itself",
            l.from
        )));
    }
    for end in [&l.from, &l.to] {
        if design.block(end).is_none() {
            return Err(at(format!("there is no block '{end}'")));
        }
    }
    Ok(())
}

/// Every rule of format.md §1 that concerns one zone.
pub fn check_zone(z: &Zone) -> Result<(), String> {
    let at = |m: String| format!("zone '{}': {m}", z.id);
    id_ok("the id", &z.id).map_err(at)?;
    text_max("label", &z.label, MAX_LABEL).map_err(at)?;
    probability("availability", z.availability).map_err(at)?;
    check_rect(z.x, z.y, z.w, z.h).map_err(at)
}

/// A zone rectangle: finite corner, positive finite size.
pub fn check_rect(x: f64, y: f64, w: f64, h: f64) -> Result<(), String> {
    finite("x", x)?;
    finite("y", y)?;
    if !(w.is_finite() && w > 0.0 && h.is_finite() && h > 0.0) {
        return Err("width and height must be above 0".into());
    }
    Ok(())
}

/// Every rule of format.md §1 that concerns one sticky.
pub fn check_sticky(s: &Sticky) -> Result<(), String> {
    let at = |m: String| format!("sticky '{}': {m}", s.id);
    id_ok("the id", &s.id).map_err(at)?;
    text_max("text", &s.text, MAX_STICKY_TEXT).map_err(at)?;
    finite("x", s.x).map_err(at)?;
    finite("y", s.y).map_err(at)
}

/// Title, notes and targets.
pub fn check_meta(design: &Design) -> Result<(), String> {
    text_max("the title", &design.title, MAX_LABEL)?;
    text_max("the notes", &design.notes, MAX_DESIGN_NOTES)?;
    check_targets(&design.targets)
}

pub fn check_targets(t: &Targets) -> Result<(), String> {
    check_value(
        Field::Target(TargetField::Availability),
        &FieldValue::OptNumber(t.availability),
    )?;
    check_value(
        Field::Target(TargetField::P99Ms),
        &FieldValue::OptNumber(t.p99_ms),
    )?;
    check_value(
        Field::Target(TargetField::TeamSize),
        &FieldValue::OptInt(t.team_size),
    )
}
