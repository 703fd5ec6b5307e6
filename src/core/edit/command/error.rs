//! Why a command was refused.

use std::fmt;

use crate::core::format::LoadError;

/// Why a command was refused. The design is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    /// `what` is "block", "link", "zone", "sticky" or "block, zone or sticky".
    UnknownId {
        what: &'static str,
        id: String,
    },
    IdTaken {
        id: String,
    },
    BadId {
        id: String,
    },
    SelfLink {
        block: String,
    },
    /// A field or item rule, the message naming the item ("block 'db': p99 must
    /// be at least the median 20 ms").
    Refused(String),
    /// The whole-document check (`format::validate`) failed.
    Invalid(Vec<LoadError>),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownId { what, id } => write!(f, "there is no {what} '{id}'"),
            EditError::IdTaken { id } => write!(f, "the id '{id}' is already used"),
            EditError::BadId { id } => write!(
                f,
                "'{id}' is not a valid id (1 to 64 of the characters A-Z a-z 0-9 _ . -)"
            ),
            EditError::SelfLink { block } => {
                write!(f, "a link cannot join block '{block}' to itself")
            }
            EditError::Refused(m) => f.write_str(m),
            EditError::Invalid(errors) => {
                f.write_str("the design would be invalid")?;
                for (i, e) in errors.iter().enumerate() {
                    let sep = if i == 0 { ": " } else { "; " };
                    write!(f, "{sep}{} {}", e.at, e.message)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for EditError {}
