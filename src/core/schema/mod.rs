//! One field schema: every field of a block and of a link written once, with
//! its JSON key, its name in messages, its label, column and unit on screen,
//! its type and range, its default, and how to get and set it; reading what a
//! user types (`typed.rs`) and the range check (`check.rs`) follow from the
//! type. The loader (`format::read`), the checker (`format::check`), the
//! writer (`format::write`), editing (`edit::field`, `edit::check`,
//! `edit::parse`), the inspector and the list view's columns all read this
//! table.
//!
//! Invariants (tested in `tests/it/schema.rs`): every `BlockField` and
//! `LinkField` has exactly one entry; keys are unique per table; a field's
//! default lies in its range; `set(get(x))` leaves `x` as it was.

use crate::core::model::{Block, Link, Mode, Op, Route};

pub(crate) const ROUTES: &[&str] = &["all", "split", "failover"];
pub(crate) const MODES: &[&str] = &["sync", "async"];
pub(crate) const OPS: &[&str] = &["read", "write"];
pub(crate) const ROUTE_VALUES: &[FieldValue] = &[
    FieldValue::Route(Route::All),
    FieldValue::Route(Route::Split),
    FieldValue::Route(Route::Failover),
];
pub(crate) const MODE_VALUES: &[FieldValue] =
    &[FieldValue::Mode(Mode::Sync), FieldValue::Mode(Mode::Async)];
pub(crate) const OP_VALUES: &[FieldValue] = &[FieldValue::Op(Op::Read), FieldValue::Op(Op::Write)];
/// Replicas, min healthy and shards.
pub(crate) const COUNT: Ty = Ty::Int {
    lo: 1,
    hi: 10_000,
    default: 1,
};

/// Declares a table entry: `(field, key, name, label, unit, ty, io, Variant, getter expr, setter pattern)`.
macro_rules! spec {
    ($item:ident: $field:expr, $key:literal, $name:literal, $label:literal, $unit:literal,
     $ty:expr, $io:expr, $var:ident, |$g:ident| $get:expr, |$s:ident, $v:ident| $set:expr) => {
        FieldSpec {
            field: $field,
            key: $key,
            name: $name,
            label: $label,
            column: $label,
            unit: $unit,
            ty: $ty,
            io: $io,
            default_from: None,
            get: |$g: &$item| FieldValue::$var($get),
            set: |$s: &mut $item, value| match value {
                FieldValue::$var($v) => {
                    $set;
                    true
                }
                _ => false,
            },
        }
    };
}

mod block;
mod check;
mod fields;
mod link;
mod typed;

pub(crate) use check::{finite, id_ok, probability, text_max};
pub(crate) use typed::{is_none_word, split_number, ungroup, whole};

pub use block::BLOCK_FIELDS;
pub use fields::{BlockField, FieldValue, LinkField};
pub use link::LINK_FIELDS;

/// The allowed values of a real-valued field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Range {
    /// Any finite number (coordinates).
    Finite,
    /// ≥ 0.
    NonNegative,
    /// > 0.
    Positive,
    /// (0, 1]: an availability.
    Probability,
    /// [0, 1]: a ratio.
    Fraction,
    /// [0, max].
    UpTo(f64),
    /// [lo, hi].
    Between(f64, f64),
}

impl Range {
    pub fn contains(self, v: f64) -> bool {
        v.is_finite()
            && match self {
                Range::Finite => true,
                Range::NonNegative => v >= 0.0,
                Range::Positive => v > 0.0,
                Range::Probability => v > 0.0 && v <= 1.0,
                Range::Fraction => (0.0..=1.0).contains(&v),
                Range::UpTo(max) => (0.0..=max).contains(&v),
                Range::Between(lo, hi) => (lo..=hi).contains(&v),
            }
    }
}

/// A field's type, range and default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ty {
    /// A real number in `range`; `default` when absent.
    Num { range: Range, default: f64 },
    /// A real number in `range`, or absent; `none` says what absent means
    /// ("unlimited", "none").
    OptNum { range: Range, none: &'static str },
    /// A whole number from `lo` to `hi`; `default` when absent.
    Int { lo: u32, hi: u32, default: u32 },
    /// `false` when absent.
    Bool,
    /// Text of at most `max` characters; empty when absent. One line is
    /// trimmed when typed; `multiline` text is kept exactly as typed.
    Text { max: usize, multiline: bool },
    /// A route, a mode or an operation: one of `names`, meaning the value at
    /// the same place in `values`; the first when absent.
    Choice {
        names: &'static [&'static str],
        values: &'static [FieldValue],
    },
    /// The id of another item (a zone, a link's ends); an `optional` one may
    /// be absent.
    Ref { what: &'static str, optional: bool },
    /// The block's kind.
    Kind,
}

impl Ty {
    /// The name of a choice's value ("split"), as saved and as picked.
    pub fn name_of(self, value: &FieldValue) -> Option<&'static str> {
        match self {
            Ty::Choice { names, values } => {
                values.iter().position(|v| v == value).map(|i| names[i])
            }
            _ => None,
        }
    }
}

/// How the document format treats a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Io {
    /// Read, checked and written from this table, in its order.
    Table,
    /// Required or special (ids, kind, coordinates, a link's ends): the
    /// format reads and writes it by hand; editing still uses this entry.
    Hand,
}

/// One field of items of type `T`, named by `F` in edit commands.
pub struct FieldSpec<T: 'static, F: 'static> {
    pub field: F,
    /// The JSON key (format.md §1).
    pub key: &'static str,
    /// Its name in messages ("min healthy").
    pub name: &'static str,
    /// Its label in the inspector ("Min healthy", "p99 latency").
    pub label: &'static str,
    /// Its column in the list view ("p99"): the label unless set.
    pub column: &'static str,
    /// Its unit in messages and beside inputs (" ms"; "" for none).
    pub unit: &'static str,
    pub ty: Ty,
    pub io: Io,
    /// A default taken from another field of the item (p99 = the median).
    pub default_from: Option<fn(&T) -> f64>,
    pub get: fn(&T) -> FieldValue,
    /// Set the value; false when it has the wrong type.
    pub set: fn(&mut T, FieldValue) -> bool,
}

impl<T, F> FieldSpec<T, F> {
    /// This entry with a list view column heading of its own (else the label).
    pub const fn with_column(mut self, column: &'static str) -> Self {
        self.column = column;
        self
    }

    /// The unit shown beside the field's value: what its JSON key says
    /// (`_ms`: ms, `_s`: s, `rps` and `_rps`: req/s, `users`, `requests_per_user_day`:
    /// req/day, `_bytes`: B, `_days`: days), else none.
    pub fn shown_unit(&self) -> &'static str {
        let k = self.key;
        if k.ends_with("_ms") {
            "ms"
        } else if k == "rps" || k.ends_with("_rps") {
            "req/s"
        } else if k.ends_with("_s") {
            "s"
        } else if k == "users" {
            "users"
        } else if k == "requests_per_user_day" {
            "req/day"
        } else if k.ends_with("_bytes") {
            "B"
        } else if k.ends_with("_days") {
            "days"
        } else {
            ""
        }
    }

    /// Read what a user typed into the field's box, in its range, or say
    /// why not (`typed.rs` lists the forms accepted).
    pub fn parse(&self, text: &str) -> Result<FieldValue, String> {
        let value = self.ty.read(self.name, self.shown_unit(), text)?;
        self.check(&value)?;
        Ok(value)
    }

    /// Whether `value` has the field's type and lies in its range.
    pub fn check(&self, value: &FieldValue) -> Result<(), String> {
        self.ty.check(self.name, self.unit, value)
    }

    /// What an empty input means for an optional number ("unlimited", "none").
    pub fn when_empty(&self) -> &'static str {
        match self.ty {
            Ty::OptNum { none, .. } => none,
            _ => "",
        }
    }

    /// The value the format leaves out of a saved file (its default).
    pub fn is_default(&self, item: &T) -> bool {
        self.is_default_value(item, &(self.get)(item))
    }

    /// Whether `value`, this field's value in `item`, is its default.
    pub fn is_default_value(&self, item: &T, value: &FieldValue) -> bool {
        use FieldValue as V;
        match (value, self.ty) {
            (V::Number(n), Ty::Num { default, .. }) => match self.default_from {
                Some(from) => *n == from(item),
                None => *n == default,
            },
            (V::OptNumber(n), _) => n.is_none(),
            (V::Int(n), Ty::Int { default, .. }) => *n == default,
            (V::Bool(b), _) => !b,
            (V::Text(s), _) => s.is_empty(),
            (V::OptText(s), _) => s.is_none(),
            (V::Route(r), _) => *r == Route::All,
            (V::Mode(m), _) => *m == Mode::Sync,
            (V::Op(o), _) => *o == Op::Read,
            _ => false,
        }
    }
}

pub type BlockSpec = FieldSpec<Block, BlockField>;
pub type LinkSpec = FieldSpec<Link, LinkField>;

/// The entry of a block field.
pub fn block(field: BlockField) -> &'static BlockSpec {
    BLOCK_FIELDS
        .iter()
        .find(|s| s.field == field)
        .expect("every BlockField has an entry")
}

/// The entry of a link field.
pub fn link(field: LinkField) -> &'static LinkSpec {
    LINK_FIELDS
        .iter()
        .find(|s| s.field == field)
        .expect("every LinkField has an entry")
}

/// The JSON keys of a table, with `first` (keys the table does not hold:
/// `id`) in front; the format keeps every other key as an unknown field.
pub const fn keys<T, F, const N: usize, const M: usize>(
    first: &[&'static str],
    table: &[FieldSpec<T, F>; N],
) -> [&'static str; M] {
    let mut out = [""; M];
    let mut i = 0;
    while i < first.len() {
        out[i] = first[i];
        i += 1;
    }
    let mut j = 0;
    while j < N {
        out[i + j] = table[j].key;
        j += 1;
    }
    out
}
