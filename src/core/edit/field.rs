//! Editable fields of blocks, links, zones and targets, their values, and get/set.

use super::check::MAX_LABEL;
use crate::core::model::{Block, Link, Targets, Zone};
use crate::core::schema::{self, Range, Ty};
pub use crate::core::schema::{BlockField, FieldValue, LinkField};

/// A zone field other than its rectangle (see `Command::SetZoneRect`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ZoneField {
    Label,
    Availability,
}

/// A field of the design's `targets`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetField {
    Availability,
    P99Ms,
    TeamSize,
}

/// Any editable field, for `parse_field` and coalescing keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Block(BlockField),
    Link(LinkField),
    Zone(ZoneField),
    Target(TargetField),
}

impl Field {
    /// The name a user sees in messages ("min healthy", "p99").
    pub fn name(self) -> &'static str {
        match self {
            Field::Block(f) => schema::block(f).name,
            Field::Link(f) => schema::link(f).name,
            Field::Zone(f) => match f {
                ZoneField::Label => "label",
                ZoneField::Availability => "availability",
            },
            Field::Target(f) => match f {
                TargetField::Availability => "target availability",
                TargetField::P99Ms => "target p99",
                TargetField::TeamSize => "team size",
            },
        }
    }

    /// The field's type and its unit in messages (" ms"): the schema's for
    /// blocks and links; `None` for the team size, an optional whole number
    /// that no other field is.
    pub(crate) fn ty(self) -> Option<(Ty, &'static str)> {
        let none = "none";
        Some(match self {
            Field::Block(f) => (schema::block(f).ty, schema::block(f).unit),
            Field::Link(f) => (schema::link(f).ty, schema::link(f).unit),
            Field::Zone(ZoneField::Label) => (
                Ty::Text {
                    max: MAX_LABEL,
                    multiline: false,
                },
                "",
            ),
            Field::Zone(ZoneField::Availability) => (
                Ty::Num {
                    range: Range::Probability,
                    default: 1.0,
                },
                "",
            ),
            Field::Target(TargetField::Availability) => (
                Ty::OptNum {
                    range: Range::Probability,
                    none,
                },
                "",
            ),
            Field::Target(TargetField::P99Ms) => (
                Ty::OptNum {
                    range: Range::Positive,
                    none,
                },
                " ms",
            ),
            Field::Target(TargetField::TeamSize) => return None,
        })
    }
}

fn wrong(field: Field, value: &FieldValue) -> String {
    format!("{} does not take {}", field.name(), value.type_name())
}

/// The current value of a block field.
pub fn get_block_field(b: &Block, f: BlockField) -> FieldValue {
    (schema::block(f).get)(b)
}

/// Set a block field; returns the old value. Refuses a value of the wrong type
/// (ranges are checked by the command, on the whole block).
pub fn set_block_field(b: &mut Block, f: BlockField, v: FieldValue) -> Result<FieldValue, String> {
    let spec = schema::block(f);
    let old = (spec.get)(b);
    if (spec.set)(b, v.clone()) {
        Ok(old)
    } else {
        Err(wrong(Field::Block(f), &v))
    }
}

/// The current value of a link field.
pub fn get_link_field(l: &Link, f: LinkField) -> FieldValue {
    (schema::link(f).get)(l)
}

/// Set a link field; returns the old value, or why the value has the wrong type.
pub fn set_link_field(l: &mut Link, f: LinkField, v: FieldValue) -> Result<FieldValue, String> {
    let spec = schema::link(f);
    let old = (spec.get)(l);
    if (spec.set)(l, v.clone()) {
        Ok(old)
    } else {
        Err(wrong(Field::Link(f), &v))
    }
}

/// The current value of a zone field.
pub fn get_zone_field(z: &Zone, f: ZoneField) -> FieldValue {
    match f {
        ZoneField::Label => FieldValue::Text(z.label.clone()),
        ZoneField::Availability => FieldValue::Number(z.availability),
    }
}

/// Set a zone field; returns the old value, or why the value has the wrong type.
pub fn set_zone_field(z: &mut Zone, f: ZoneField, v: FieldValue) -> Result<FieldValue, String> {
    let old = get_zone_field(z, f);
    match (f, v) {
        (ZoneField::Label, FieldValue::Text(s)) => z.label = s,
        (ZoneField::Availability, FieldValue::Number(n)) => z.availability = n,
        (f, v) => return Err(wrong(Field::Zone(f), &v)),
    }
    Ok(old)
}

/// The current value of a target.
pub fn get_target(t: &Targets, f: TargetField) -> FieldValue {
    match f {
        TargetField::Availability => FieldValue::OptNumber(t.availability),
        TargetField::P99Ms => FieldValue::OptNumber(t.p99_ms),
        TargetField::TeamSize => FieldValue::OptInt(t.team_size),
    }
}

/// Set a target (the UI then dispatches `Command::SetTargets` with the result).
pub fn set_target(t: &mut Targets, f: TargetField, v: FieldValue) -> Result<FieldValue, String> {
    let old = get_target(t, f);
    match (f, v) {
        (TargetField::Availability, FieldValue::OptNumber(n)) => t.availability = n,
        (TargetField::P99Ms, FieldValue::OptNumber(n)) => t.p99_ms = n,
        (TargetField::TeamSize, FieldValue::OptInt(n)) => t.team_size = n,
        (f, v) => return Err(wrong(Field::Target(f), &v)),
    }
    Ok(old)
}
