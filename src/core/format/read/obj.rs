//! An object being read: its map, its JSON pointer and the keys the format knows.

use serde_json::{Map, Value};

use super::escape_pointer;
use crate::core::model::Extra;

/// An object being read, with its pointer and the keys the format knows.
pub(super) struct Obj<'a> {
    pub(super) map: &'a Map<String, Value>,
    pub(super) at: String,
    pub(super) known: &'static [&'static str],
}

impl<'a> Obj<'a> {
    pub(super) fn new(
        map: &'a Map<String, Value>,
        at: String,
        known: &'static [&'static str],
    ) -> Self {
        Obj { map, at, known }
    }

    pub(super) fn ptr(&self, key: &str) -> String {
        format!("{}/{}", self.at, escape_pointer(key))
    }

    /// The value of a field; `null` counts as absent.
    pub(super) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub(super) fn extra(&self) -> Extra {
        // Inserted one by one: `collect` would sort first (the source is sorted).
        let mut out = Extra::new();
        out.extend(
            self.map
                .iter()
                .filter(|(k, _)| !self.known.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        out
    }
}
