//! Edit commands with inverses, and the undo history.
//!
//! Every document change is a [`Command`], applied in one place
//! ([`Command::apply`]), which refuses a change that would make the document
//! invalid (the design is then unchanged) and returns the exact inverse. The
//! [`History`] keeps the inverses for undo, merges a drag or typing in one field
//! into one step ([`CoalesceKey`]), and owns the session's id generator.

mod build;
mod check;
mod command;
mod field;
mod history;
mod parse;

pub use build::{block_prefix, copy_fragment, fresh_fragment, set_blocks_field};
pub use check::{check_value, fmt_num};
pub use command::{Command, EditError, Rect, Removal, Restore};
pub use field::{
    get_block_field, get_link_field, get_target, get_zone_field, set_block_field, set_link_field,
    set_target, set_zone_field, BlockField, Field, FieldValue, LinkField, TargetField, ZoneField,
};
pub use history::{CoalesceKey, History};
pub use parse::{parse_block_field, parse_field};
