//! What the inspector's and the list view's text boxes accept: a block's or a
//! link's field is read by its schema entry (`FieldSpec::parse`; the forms
//! accepted are listed in `core::schema`'s `typed.rs`), a zone's or a target's
//! by the same types; then the checks against the item's other fields.

use super::check::{check_min_healthy, check_p99, check_value, fmt_num};
use super::field::{BlockField, Field, FieldValue};
use crate::core::model::Block;
use crate::core::schema::{self, is_none_word, whole};

/// Parse the text typed into a field's box into a value in the field's range,
/// or say why not in words a user understands.
pub fn parse_field(field: Field, text: &str) -> Result<FieldValue, String> {
    let name = field.name();
    let value = match (field, field.ty()) {
        (Field::Block(f), _) => return schema::block(f).parse(text),
        (Field::Link(f), _) => return schema::link(f).parse(text),
        (_, Some((ty, unit))) => ty.read(name, unit.trim(), text)?,
        // The team size: empty for none, else a whole number, 1 or more.
        (_, None) if is_none_word(text.trim()) => FieldValue::OptInt(None),
        (_, None) => whole(name, text.trim(), 1, u32::MAX)
            .map(|n| FieldValue::OptInt(Some(n)))
            .map_err(|_| format!("{name} must be a whole number, 1 or more"))?,
    };
    check_value(field, &value)?;
    Ok(value)
}

/// `parse_field`, then the checks against the block's other fields that
/// `set_blocks_field` would not fix by itself (p99 below the median, min
/// healthy above the replicas).
pub fn parse_block_field(
    block: &Block,
    field: BlockField,
    text: &str,
) -> Result<FieldValue, String> {
    let value = parse_field(Field::Block(field), text)?;
    match (field, &value) {
        (BlockField::MinHealthy, FieldValue::Int(n)) => check_min_healthy(block.replicas, *n)?,
        (BlockField::P99Ms, FieldValue::Number(p)) => check_p99(block.latency_ms, *p)?,
        (BlockField::LatencyMs, FieldValue::Number(m)) => {
            let follows = block.p99_ms == block.latency_ms || *m == 0.0;
            if !follows && *m > block.p99_ms {
                return Err(format!(
                    "median latency must be at most the p99 {} ms",
                    fmt_num(block.p99_ms)
                ));
            }
        }
        _ => {}
    }
    Ok(value)
}
