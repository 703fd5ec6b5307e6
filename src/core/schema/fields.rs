//! The names of the fields (`BlockField`, `LinkField`, each with `ALL`) and
//! the value one field takes (`FieldValue`).

use crate::core::model::{Kind, Mode, Op, Route};

/// A block field the inspector can edit (format.md §1, Block table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockField {
    Label,
    Notes,
    Kind,
    X,
    Y,
    Rps,
    Replicas,
    MinHealthy,
    Shards,
    Availability,
    LatencyMs,
    P99Ms,
    CapacityRps,
    WriteCapacityRps,
    SingleWriter,
    HitRatio,
    Route,
    Zone,
    TtlS,
    DeadLetter,
    Users,
    RequestsPerUserDay,
    PeakFactor,
    RecordBytes,
    RetentionDays,
    CostMonth,
}

/// A link field (format.md §1, Link table). `From`/`To` reconnect an end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkField {
    From,
    To,
    Label,
    Mode,
    Op,
    Calls,
    LatencyMs,
    Parallel,
    Optional,
    TimeoutMs,
    Retries,
    Backoff,
    BackoffMs,
    Idempotent,
    PayloadBytes,
}

/// The value of one field. Each field takes exactly one variant.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Number(f64),
    OptNumber(Option<f64>),
    Int(u32),
    OptInt(Option<u32>),
    Bool(bool),
    Text(String),
    OptText(Option<String>),
    Route(Route),
    Mode(Mode),
    Op(Op),
    Kind(Kind),
}

impl FieldValue {
    /// What kind of value this is, for "takes a number, not text" messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            FieldValue::Number(_) => "a number",
            FieldValue::OptNumber(_) => "a number or nothing",
            FieldValue::Int(_) => "a whole number",
            FieldValue::OptInt(_) => "a whole number or nothing",
            FieldValue::Bool(_) => "yes or no",
            FieldValue::Text(_) => "text",
            FieldValue::OptText(_) => "text or nothing",
            FieldValue::Route(_) => "a route",
            FieldValue::Mode(_) => "a mode",
            FieldValue::Op(_) => "an operation",
            FieldValue::Kind(_) => "a kind",
        }
    }
}

impl BlockField {
    pub const ALL: [BlockField; 26] = [
        BlockField::Label,
        BlockField::Notes,
        BlockField::Kind,
        BlockField::X,
        BlockField::Y,
        BlockField::Rps,
        BlockField::Replicas,
        BlockField::MinHealthy,
        BlockField::Shards,
        BlockField::Availability,
        BlockField::LatencyMs,
        BlockField::P99Ms,
        BlockField::CapacityRps,
        BlockField::WriteCapacityRps,
        BlockField::SingleWriter,
        BlockField::HitRatio,
        BlockField::Route,
        BlockField::Zone,
        BlockField::TtlS,
        BlockField::DeadLetter,
        BlockField::Users,
        BlockField::RequestsPerUserDay,
        BlockField::PeakFactor,
        BlockField::RecordBytes,
        BlockField::RetentionDays,
        BlockField::CostMonth,
    ];
}

impl LinkField {
    pub const ALL: [LinkField; 15] = [
        LinkField::From,
        LinkField::To,
        LinkField::Label,
        LinkField::Mode,
        LinkField::Op,
        LinkField::Calls,
        LinkField::LatencyMs,
        LinkField::Parallel,
        LinkField::Optional,
        LinkField::TimeoutMs,
        LinkField::Retries,
        LinkField::Backoff,
        LinkField::BackoffMs,
        LinkField::Idempotent,
        LinkField::PayloadBytes,
    ];
}
