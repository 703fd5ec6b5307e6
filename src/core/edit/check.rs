//! The ranges of format.md §1, one field at a time and one item at a time, with
//! messages a user understands. Commands check what they touched with these, then
//! run `format::validate` on the whole document.

use super::field::{
    get_block_field, get_link_field, BlockField, Field, FieldValue, LinkField, TargetField,
};
use crate::core::model::{Block, Design, Link, Sticky, Targets, Zone};
pub use crate::core::render::units::fmt_num;
use crate::core::schema::{finite, id_ok, probability, text_max};

pub(crate) const MAX_LABEL: usize = 200;
pub(crate) const MAX_DESIGN_NOTES: usize = 20_000;
pub(crate) const MAX_STICKY_TEXT: usize = 2_000;

/// Whether `value` has the right type and lies in the field's own range (format.md
/// §1). Relations between fields (p99 ≥ median, min healthy ≤ replicas) and
/// references (a zone that exists) are checked on the whole item.
pub fn check_value(field: Field, value: &FieldValue) -> Result<(), String> {
    let name = field.name();
    match (field.ty(), value) {
        (Some((ty, unit)), v) => ty.check(name, unit, v),
        (None, FieldValue::OptInt(Some(n))) if *n < 1 => {
            Err(format!("{name} must be a whole number, 1 or more"))
        }
        (None, FieldValue::OptInt(_)) => Ok(()),
        (None, v) => Err(format!("{name} does not take {}", v.type_name())),
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

/// model-2.md §1: a block has `users` (its rate derived) or `rps`, not both.
pub fn check_users_rps(users: Option<f64>, rps: f64) -> Result<(), String> {
    if users.is_some() && rps != 0.0 {
        Err("requests per second come from users here: clear one of users and rps".into())
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
    check_users_rps(b.users, b.rps).map_err(at)?;
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
