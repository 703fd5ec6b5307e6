//! The block fields (format.md §1, Block table).

use super::{
    BlockField, BlockSpec, FieldSpec, FieldValue, Io, Range, Ty, COUNT, ROUTES, ROUTE_VALUES,
};
use crate::core::model::Block;

/// Every block field, in the order the format reads and writes them.
pub const BLOCK_FIELDS: [BlockSpec; 26] = {
    use BlockField as F;
    use Io::{Hand, Table};
    [
        spec!(Block: F::Kind, "kind", "kind", "Kind", "", Ty::Kind, Hand, Kind,
            |b| b.kind, |b, v| b.kind = v),
        spec!(Block: F::Label, "label", "label", "Label", "", Ty::Text { max: 200, multiline: false }, Table, Text,
            |b| b.label.clone(), |b, v| b.label = v),
        spec!(Block: F::X, "x", "x", "x", "", Ty::Num { range: Range::Finite, default: 0.0 }, Hand,
            Number, |b| b.x, |b, v| b.x = v),
        spec!(Block: F::Y, "y", "y", "y", "", Ty::Num { range: Range::Finite, default: 0.0 }, Hand,
            Number, |b| b.y, |b, v| b.y = v),
        spec!(Block: F::Notes, "notes", "notes", "Notes", "",
            Ty::Text { max: 5_000, multiline: true }, Table, Text,
            |b| b.notes.clone(), |b, v| b.notes = v),
        spec!(Block: F::Rps, "rps", "rps", "Requests per second", "",
            Ty::Num { range: Range::NonNegative, default: 0.0 }, Table, Number,
            |b| b.rps, |b, v| b.rps = v)
        .with_column("rps"),
        // model-2.md §1: the worksheet's rates (§3.1). With `users`, `rps` is derived.
        spec!(Block: F::Users, "users", "users", "Daily active users", "",
            Ty::OptNum { range: Range::NonNegative, none: "none" }, Table, OptNumber,
            |b| b.users, |b, v| b.users = v)
        .with_column("Users"),
        spec!(Block: F::RequestsPerUserDay, "requests_per_user_day", "requests per user a day",
            "Requests per user a day", "", Ty::Num { range: Range::NonNegative, default: 1.0 },
            Table, Number, |b| b.requests_per_user_day, |b, v| b.requests_per_user_day = v)
        .with_column("Req/user/day"),
        spec!(Block: F::PeakFactor, "peak_factor", "peak factor", "Peak ÷ average", "",
            Ty::Num { range: Range::Between(1.0, 100.0), default: 1.0 }, Table, Number,
            |b| b.peak_factor, |b, v| b.peak_factor = v)
        .with_column("Peak ×"),
        spec!(Block: F::Replicas, "replicas", "replicas", "Replicas", "", COUNT, Table, Int,
            |b| b.replicas, |b, v| b.replicas = v),
        spec!(Block: F::MinHealthy, "min_healthy", "min healthy", "Min healthy", "", COUNT, Table,
            Int, |b| b.min_healthy, |b, v| b.min_healthy = v),
        spec!(Block: F::Shards, "shards", "shards", "Shards", "", COUNT, Table, Int,
            |b| b.shards, |b, v| b.shards = v),
        spec!(Block: F::Availability, "availability", "availability", "Availability", "",
            Ty::Num { range: Range::Probability, default: 1.0 }, Table, Number,
            |b| b.availability, |b, v| b.availability = v),
        spec!(Block: F::LatencyMs, "latency_ms", "median latency", "Median latency", " ms",
            Ty::Num { range: Range::NonNegative, default: 0.0 }, Table, Number,
            |b| b.latency_ms, |b, v| b.latency_ms = v),
        FieldSpec {
            default_from: Some(|b: &Block| b.latency_ms),
            column: "p99",
            ..spec!(Block: F::P99Ms, "p99_ms", "p99", "p99 latency", " ms",
                Ty::Num { range: Range::NonNegative, default: 0.0 }, Table, Number,
                |b| b.p99_ms, |b, v| b.p99_ms = v)
        },
        spec!(Block: F::CapacityRps, "capacity_rps", "capacity", "Capacity per instance", "",
            Ty::OptNum { range: Range::Positive, none: "unlimited" }, Table, OptNumber,
            |b| b.capacity_rps, |b, v| b.capacity_rps = v)
        .with_column("Capacity"),
        spec!(Block: F::WriteCapacityRps, "write_capacity_rps", "write capacity",
            "Write capacity per instance", "", Ty::OptNum { range: Range::Positive, none: "unlimited" }, Table, OptNumber,
            |b| b.write_capacity_rps, |b, v| b.write_capacity_rps = v),
        spec!(Block: F::SingleWriter, "single_writer", "single writer", "Single writer", "",
            Ty::Bool, Table, Bool, |b| b.single_writer, |b, v| b.single_writer = v),
        spec!(Block: F::HitRatio, "hit_ratio", "hit ratio", "Hit ratio", "",
            Ty::Num { range: Range::Fraction, default: 0.0 }, Table, Number,
            |b| b.hit_ratio, |b, v| b.hit_ratio = v),
        spec!(Block: F::Route, "route", "route", "Route", "", Ty::Choice { names: ROUTES, values: ROUTE_VALUES }, Table,
            Route, |b| b.route, |b, v| b.route = v),
        spec!(Block: F::Zone, "zone", "zone", "Zone", "", Ty::Ref { what: "a zone id", optional: true }, Table,
            OptText, |b| b.zone.clone(), |b, v| b.zone = v),
        spec!(Block: F::TtlS, "ttl_s", "TTL", "TTL", " s",
            Ty::OptNum { range: Range::Positive, none: "none" }, Table, OptNumber,
            |b| b.ttl_s, |b, v| b.ttl_s = v),
        // model-2.md §1: storage and cost (§3.2).
        spec!(Block: F::RecordBytes, "record_bytes", "record size", "Bytes per record", " B",
            Ty::OptNum { range: Range::NonNegative, none: "none" }, Table, OptNumber,
            |b| b.record_bytes, |b, v| b.record_bytes = v)
        .with_column("Record"),
        spec!(Block: F::RetentionDays, "retention_days", "retention", "Retention", " days",
            Ty::OptNum { range: Range::Positive, none: "forever" }, Table, OptNumber,
            |b| b.retention_days, |b, v| b.retention_days = v),
        spec!(Block: F::DeadLetter, "dead_letter", "dead letter", "Dead-letter queue", "",
            Ty::Bool,
            Table, Bool, |b| b.dead_letter, |b, v| b.dead_letter = v),
        spec!(Block: F::CostMonth, "cost_month", "cost a month", "Cost per instance a month", "",
            Ty::OptNum { range: Range::NonNegative, none: "unknown" }, Table, OptNumber,
            |b| b.cost_month, |b, v| b.cost_month = v)
        .with_column("Cost/month"),
    ]
};
