//! What a command touched, and the checks run on it afterwards.

use super::super::check;
use super::EditError;
use crate::core::format;
use crate::core::model::Design;

/// What a command touched, to check afterwards.
#[derive(Default)]
pub(super) struct Touched {
    pub(super) blocks: Vec<String>,
    pub(super) links: Vec<String>,
    pub(super) zones: Vec<String>,
    pub(super) stickies: Vec<String>,
    pub(super) meta: bool,
    /// Run `format::validate` on the whole document (every command but geometry).
    pub(super) full: bool,
}

pub(super) fn check_touched(d: &Design, t: &Touched) -> Result<(), EditError> {
    let refuse = EditError::Refused;
    for id in &t.blocks {
        if let Some(b) = d.block(id) {
            check::check_block(d, b).map_err(refuse)?;
        }
    }
    for id in &t.links {
        if let Some(l) = d.link(id) {
            check::check_link(d, l).map_err(refuse)?;
        }
    }
    for id in &t.zones {
        if let Some(z) = d.zone(id) {
            check::check_zone(z).map_err(refuse)?;
        }
    }
    for id in &t.stickies {
        if let Some(s) = d.sticky(id) {
            check::check_sticky(s).map_err(refuse)?;
        }
    }
    if t.meta {
        check::check_meta(d).map_err(refuse)?;
    }
    if t.full {
        format::validate(d).map_err(EditError::Invalid)?;
    }
    Ok(())
}
