//! Where an error is: a JSON pointer not yet written out, and the order of
//! errors as they appear in a document.

use super::super::LoadError;

/// Order errors as they appear in a document: by top-level field (in save
/// order), then by array index; the order found is kept within one item.
pub(in crate::core::format) fn sort(errors: &mut [LoadError]) {
    // The document's top-level fields in save order.
    const ORDER: &[&str] = super::super::read::TOP_KEYS;
    crate::core::sort::sort_by_key(errors, |e| {
        let mut parts = e.at.split('/').skip(1);
        let top = parts.next().unwrap_or("");
        let rank = ORDER.iter().position(|k| *k == top).unwrap_or(ORDER.len());
        let index = parts.next().and_then(|p| p.parse::<usize>().ok());
        (!e.at.is_empty() && e.at.starts_with('/'), rank, index)
    });
}

/// A JSON pointer not yet written out: `list`, then `/index` and `/field` when
/// present (`/title`, `/blocks/3`, `/links/0/to`).
#[derive(Clone, Copy)]
pub(super) struct At {
    pub(super) list: &'static str,
    pub(super) index: Option<usize>,
    pub(super) field: &'static str,
}

impl At {
    pub(super) fn top(list: &'static str) -> Self {
        At {
            list,
            index: None,
            field: "",
        }
    }

    pub(super) fn item(list: &'static str, index: usize) -> Self {
        At {
            list,
            index: Some(index),
            field: "",
        }
    }

    pub(super) fn field(self, field: &'static str) -> Self {
        At { field, ..self }
    }

    pub(super) fn pointer(self) -> String {
        let mut out = self.list.to_string();
        if let Some(i) = self.index {
            out.push('/');
            out.push_str(&i.to_string());
        }
        if !self.field.is_empty() {
            out.push('/');
            out.push_str(self.field);
        }
        out
    }
}
