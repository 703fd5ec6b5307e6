//! Editable fields of blocks, links, zones and targets, their values, and get/set.

use crate::core::model::{Block, Kind, Link, Mode, Op, Route, Targets, Zone};

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
    Idempotent,
}

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
    pub const ALL: [BlockField; 20] = [
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
    ];
}

impl LinkField {
    pub const ALL: [LinkField; 13] = [
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
        LinkField::Idempotent,
    ];
}

impl Field {
    /// The name a user sees in messages ("min healthy", "p99").
    pub fn name(self) -> &'static str {
        match self {
            Field::Block(f) => match f {
                BlockField::Label => "label",
                BlockField::Notes => "notes",
                BlockField::Kind => "kind",
                BlockField::X => "x",
                BlockField::Y => "y",
                BlockField::Rps => "rps",
                BlockField::Replicas => "replicas",
                BlockField::MinHealthy => "min healthy",
                BlockField::Shards => "shards",
                BlockField::Availability => "availability",
                BlockField::LatencyMs => "median latency",
                BlockField::P99Ms => "p99",
                BlockField::CapacityRps => "capacity",
                BlockField::WriteCapacityRps => "write capacity",
                BlockField::SingleWriter => "single writer",
                BlockField::HitRatio => "hit ratio",
                BlockField::Route => "route",
                BlockField::Zone => "zone",
                BlockField::TtlS => "TTL",
                BlockField::DeadLetter => "dead letter",
            },
            Field::Link(f) => match f {
                LinkField::From => "from",
                LinkField::To => "to",
                LinkField::Label => "label",
                LinkField::Mode => "mode",
                LinkField::Op => "operation",
                LinkField::Calls => "calls",
                LinkField::LatencyMs => "network latency",
                LinkField::Parallel => "parallel",
                LinkField::Optional => "optional",
                LinkField::TimeoutMs => "timeout",
                LinkField::Retries => "retries",
                LinkField::Backoff => "backoff",
                LinkField::Idempotent => "idempotent",
            },
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
}

fn wrong(field: Field, value: &FieldValue) -> String {
    format!("{} does not take {}", field.name(), value.type_name())
}

/// The current value of a block field.
pub fn get_block_field(b: &Block, f: BlockField) -> FieldValue {
    use FieldValue as V;
    match f {
        BlockField::Label => V::Text(b.label.clone()),
        BlockField::Notes => V::Text(b.notes.clone()),
        BlockField::Kind => V::Kind(b.kind),
        BlockField::X => V::Number(b.x),
        BlockField::Y => V::Number(b.y),
        BlockField::Rps => V::Number(b.rps),
        BlockField::Replicas => V::Int(b.replicas),
        BlockField::MinHealthy => V::Int(b.min_healthy),
        BlockField::Shards => V::Int(b.shards),
        BlockField::Availability => V::Number(b.availability),
        BlockField::LatencyMs => V::Number(b.latency_ms),
        BlockField::P99Ms => V::Number(b.p99_ms),
        BlockField::CapacityRps => V::OptNumber(b.capacity_rps),
        BlockField::WriteCapacityRps => V::OptNumber(b.write_capacity_rps),
        BlockField::SingleWriter => V::Bool(b.single_writer),
        BlockField::HitRatio => V::Number(b.hit_ratio),
        BlockField::Route => V::Route(b.route),
        BlockField::Zone => V::OptText(b.zone.clone()),
        BlockField::TtlS => V::OptNumber(b.ttl_s),
        BlockField::DeadLetter => V::Bool(b.dead_letter),
    }
}

/// Set a block field; returns the old value. Refuses a value of the wrong type
/// (ranges are checked by the command, on the whole block).
pub fn set_block_field(b: &mut Block, f: BlockField, v: FieldValue) -> Result<FieldValue, String> {
    use FieldValue as V;
    let old = get_block_field(b, f);
    match (f, v) {
        (BlockField::Label, V::Text(s)) => b.label = s,
        (BlockField::Notes, V::Text(s)) => b.notes = s,
        (BlockField::Kind, V::Kind(k)) => b.kind = k,
        (BlockField::X, V::Number(n)) => b.x = n,
        (BlockField::Y, V::Number(n)) => b.y = n,
        (BlockField::Rps, V::Number(n)) => b.rps = n,
        (BlockField::Replicas, V::Int(n)) => b.replicas = n,
        (BlockField::MinHealthy, V::Int(n)) => b.min_healthy = n,
        (BlockField::Shards, V::Int(n)) => b.shards = n,
        (BlockField::Availability, V::Number(n)) => b.availability = n,
        (BlockField::LatencyMs, V::Number(n)) => b.latency_ms = n,
        (BlockField::P99Ms, V::Number(n)) => b.p99_ms = n,
        (BlockField::CapacityRps, V::OptNumber(n)) => b.capacity_rps = n,
        (BlockField::WriteCapacityRps, V::OptNumber(n)) => b.write_capacity_rps = n,
        (BlockField::SingleWriter, V::Bool(x)) => b.single_writer = x,
        (BlockField::HitRatio, V::Number(n)) => b.hit_ratio = n,
        (BlockField::Route, V::Route(r)) => b.route = r,
        (BlockField::Zone, V::OptText(z)) => b.zone = z,
        (BlockField::TtlS, V::OptNumber(n)) => b.ttl_s = n,
        (BlockField::DeadLetter, V::Bool(x)) => b.dead_letter = x,
        (f, v) => return Err(wrong(Field::Block(f), &v)),
    }
    Ok(old)
}

/// The current value of a link field.
pub fn get_link_field(l: &Link, f: LinkField) -> FieldValue {
    use FieldValue as V;
    match f {
        LinkField::From => V::Text(l.from.clone()),
        LinkField::To => V::Text(l.to.clone()),
        LinkField::Label => V::Text(l.label.clone()),
        LinkField::Mode => V::Mode(l.mode),
        LinkField::Op => V::Op(l.op),
        LinkField::Calls => V::Number(l.calls),
        LinkField::LatencyMs => V::Number(l.latency_ms),
        LinkField::Parallel => V::Bool(l.parallel),
        LinkField::Optional => V::Bool(l.optional),
        LinkField::TimeoutMs => V::OptNumber(l.timeout_ms),
        LinkField::Retries => V::Int(l.retries),
        LinkField::Backoff => V::Bool(l.backoff),
        LinkField::Idempotent => V::Bool(l.idempotent),
    }
}

/// Set a link field; returns the old value, or why the value has the wrong type.
pub fn set_link_field(l: &mut Link, f: LinkField, v: FieldValue) -> Result<FieldValue, String> {
    use FieldValue as V;
    let old = get_link_field(l, f);
    match (f, v) {
        (LinkField::From, V::Text(s)) => l.from = s,
        (LinkField::To, V::Text(s)) => l.to = s,
        (LinkField::Label, V::Text(s)) => l.label = s,
        (LinkField::Mode, V::Mode(m)) => l.mode = m,
        (LinkField::Op, V::Op(o)) => l.op = o,
        (LinkField::Calls, V::Number(n)) => l.calls = n,
        (LinkField::LatencyMs, V::Number(n)) => l.latency_ms = n,
        (LinkField::Parallel, V::Bool(x)) => l.parallel = x,
        (LinkField::Optional, V::Bool(x)) => l.optional = x,
        (LinkField::TimeoutMs, V::OptNumber(n)) => l.timeout_ms = n,
        (LinkField::Retries, V::Int(n)) => l.retries = n,
        (LinkField::Backoff, V::Bool(x)) => l.backoff = x,
        (LinkField::Idempotent, V::Bool(x)) => l.idempotent = x,
        (f, v) => return Err(wrong(Field::Link(f), &v)),
    }
    Ok(old)
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
