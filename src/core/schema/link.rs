//! The link fields (format.md §1, Link table).

use super::{
    FieldSpec, FieldValue, Io, LinkField, LinkSpec, Range, Ty, MODES, MODE_VALUES, OPS, OP_VALUES,
};
use crate::core::model::Link;

/// Every link field, in the order the format reads and writes them.
pub const LINK_FIELDS: [LinkSpec; 15] = {
    use Io::{Hand, Table};
    use LinkField as F;
    [
        spec!(Link: F::From, "from", "from", "From", "", Ty::Ref { what: "a block id", optional: false }, Hand,
            Text, |l| l.from.clone(), |l, v| l.from = v),
        spec!(Link: F::To, "to", "to", "To", "", Ty::Ref { what: "a block id", optional: false }, Hand, Text,
            |l| l.to.clone(), |l, v| l.to = v),
        spec!(Link: F::Label, "label", "label", "Label", "", Ty::Text { max: 200, multiline: false }, Table, Text,
            |l| l.label.clone(), |l, v| l.label = v),
        spec!(Link: F::Mode, "mode", "mode", "Mode", "", Ty::Choice { names: MODES, values: MODE_VALUES }, Table, Mode,
            |l| l.mode, |l, v| l.mode = v),
        spec!(Link: F::Op, "op", "operation", "Operation", "", Ty::Choice { names: OPS, values: OP_VALUES }, Table, Op,
            |l| l.op, |l, v| l.op = v),
        spec!(Link: F::Calls, "calls", "calls", "Calls per request", "",
            Ty::Num { range: Range::UpTo(1_000.0), default: 1.0 }, Table, Number,
            |l| l.calls, |l, v| l.calls = v)
        .with_column("Calls"),
        spec!(Link: F::LatencyMs, "latency_ms", "network latency", "Network latency", " ms",
            Ty::Num { range: Range::NonNegative, default: 0.0 }, Table, Number,
            |l| l.latency_ms, |l, v| l.latency_ms = v)
        .with_column("Latency"),
        spec!(Link: F::Parallel, "parallel", "parallel", "Parallel", "", Ty::Bool, Table, Bool,
            |l| l.parallel, |l, v| l.parallel = v),
        spec!(Link: F::Optional, "optional", "optional", "Optional", "", Ty::Bool, Table, Bool,
            |l| l.optional, |l, v| l.optional = v),
        spec!(Link: F::TimeoutMs, "timeout_ms", "timeout", "Timeout", " ms",
            Ty::OptNum { range: Range::Positive, none: "none" }, Table, OptNumber,
            |l| l.timeout_ms, |l, v| l.timeout_ms = v),
        spec!(Link: F::Retries, "retries", "retries", "Retries", "",
            Ty::Int { lo: 0, hi: 10, default: 0 }, Table, Int, |l| l.retries, |l, v| l.retries = v),
        spec!(Link: F::Backoff, "backoff", "backoff", "Backoff", "", Ty::Bool, Table, Bool,
            |l| l.backoff, |l, v| l.backoff = v),
        // model-2.md §1: the base delay of `backoff`, > 0, default 100.
        spec!(Link: F::BackoffMs, "backoff_ms", "backoff base", "Backoff base", " ms",
            Ty::Num { range: Range::Positive, default: 100.0 }, Table, Number,
            |l| l.backoff_ms, |l, v| l.backoff_ms = v),
        spec!(Link: F::Idempotent, "idempotent", "idempotent", "Idempotent", "", Ty::Bool, Table,
            Bool, |l| l.idempotent, |l, v| l.idempotent = v),
        // model-2.md §1: bytes on the wire per call, request and response together.
        spec!(Link: F::PayloadBytes, "payload_bytes", "payload", "Bytes per call", " B",
            Ty::OptNum { range: Range::NonNegative, none: "unknown" }, Table, OptNumber,
            |l| l.payload_bytes, |l, v| l.payload_bytes = v)
        .with_column("Payload"),
    ]
};
