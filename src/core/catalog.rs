//! The block catalog (catalog.md): default numbers and where each came from.
//!
//! A block dropped on the canvas starts with these numbers written into it;
//! from then on the document holds them, and evaluation never looks here.

use super::model::{Block, Kind, Link, Mode, Route};

/// Where a default number came from, shown in the inspector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A reference text in the spec's `seeds/` folder, and the part of it.
    Seed {
        file: &'static str,
        section: &'static str,
    },
    /// A stated assumption of the catalog.
    Assumption,
}

/// A default number and its source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    pub value: f64,
    pub source: Source,
}

/// The catalog entry of one kind. `None` means the catalog leaves the field at
/// the format's default (written "–" in catalog.md).
#[derive(Clone, Debug, PartialEq)]
pub struct KindSpec {
    pub kind: Kind,
    pub replicas: Option<Num>,
    pub availability: Num,
    /// Median service time (p50).
    pub latency_ms: Num,
    pub p99_ms: Num,
    pub capacity_rps: Option<Num>,
    pub write_capacity_rps: Option<Num>,
    pub single_writer: bool,
    /// Requests/s originated (entries only).
    pub rps: Option<Num>,
    pub hit_ratio: Option<Num>,
    pub ttl_s: Option<Num>,
    pub route: Route,
    /// A line for the palette's tooltip.
    pub note: &'static str,
}

const SEED_001: &str = "001_e327e83ea62a3432.txt";
const SEED_003: &str = "003_d2e8851c35a8764a.txt";

const fn a(value: f64) -> Num {
    Num {
        value,
        source: Source::Assumption,
    }
}

const fn s1(value: f64, section: &'static str) -> Num {
    Num {
        value,
        source: Source::Seed {
            file: SEED_001,
            section,
        },
    }
}

const fn s3(value: f64, section: &'static str) -> Num {
    Num {
        value,
        source: Source::Seed {
            file: SEED_003,
            section,
        },
    }
}

/// An entry with every optional number absent; the table fills in the rest.
const fn base(kind: Kind, availability: Num, latency_ms: Num, p99_ms: Num) -> KindSpec {
    KindSpec {
        kind,
        replicas: Some(a(1.0)),
        availability,
        latency_ms,
        p99_ms,
        capacity_rps: None,
        write_capacity_rps: None,
        single_writer: false,
        rps: None,
        hit_ratio: None,
        ttl_s: None,
        route: Route::All,
        note: "",
    }
}

/// In the order of `Kind::ALL`.
static SPECS: [KindSpec; 20] = [
    KindSpec {
        replicas: None,
        rps: Some(a(1000.0)),
        note: "Where requests come from: an entry point with its own rps.",
        ..base(Kind::Client, a(1.0), a(0.0), a(0.0))
    },
    KindSpec {
        route: Route::Failover,
        note: "Name resolution; fails over between its targets.",
        ..base(Kind::Dns, a(0.99999), a(0.0), a(0.0))
    },
    KindSpec {
        hit_ratio: Some(a(0.9)),
        ttl_s: Some(a(3600.0)),
        note: "Serves cached reads at the edge; misses go onward.",
        ..base(Kind::Cdn, a(0.9999), a(5.0), a(20.0))
    },
    KindSpec {
        capacity_rps: Some(s1(10_000.0, "Phase 2 (Nginx, proxied)")),
        route: Route::Failover,
        note: "Spreads traffic over instances behind it.",
        ..base(
            Kind::LoadBalancer,
            s3(0.9999, "§5.4"),
            a(1.0),
            s3(5.0, "§5.2"),
        )
    },
    KindSpec {
        capacity_rps: Some(a(10_000.0)),
        route: Route::Split,
        note: "Routes each API call to one of the services behind it.",
        ..base(Kind::ApiGateway, a(0.9995), a(5.0), a(20.0))
    },
    KindSpec {
        capacity_rps: Some(s1(100_000.0, "Phase 2 (Redis)")),
        note: "Counts requests per client and turns away the excess.",
        ..base(Kind::RateLimiter, a(0.9999), a(1.0), a(3.0))
    },
    KindSpec {
        capacity_rps: Some(s3(10_000.0, "§20.3")),
        note: "A stateless application server.",
        ..base(Kind::Service, s3(0.9995, "§5.4"), a(20.0), s3(50.0, "§5.2"))
    },
    KindSpec {
        note: "Runs on demand; cold starts stretch the tail.",
        ..base(Kind::Function, a(0.9995), a(20.0), a(250.0))
    },
    KindSpec {
        capacity_rps: Some(a(100.0)),
        note: "Consumes jobs off the request path.",
        ..base(Kind::Worker, a(0.9995), a(100.0), a(500.0))
    },
    KindSpec {
        note: "A third party you call and do not control.",
        ..base(Kind::ExternalApi, s3(0.999, "§5.4"), a(50.0), a(200.0))
    },
    KindSpec {
        capacity_rps: Some(s1(100_000.0, "Phase 2 (Redis)")),
        hit_ratio: Some(s3(0.9, "§20.2")),
        ttl_s: Some(a(300.0)),
        note: "In-memory reads; misses fall through to the store behind it.",
        ..base(Kind::Cache, s3(0.9999, "§5.4"), a(0.5), s3(2.0, "§5.2"))
    },
    KindSpec {
        capacity_rps: Some(s1(50_000.0, "Phase 2 (Postgres reads; also seed 003 §5.2)")),
        write_capacity_rps: Some(s1(5_000.0, "Phase 2 (Postgres writes; also seed 003)")),
        single_writer: true,
        note: "One primary takes the writes; replicas serve reads.",
        ..base(
            Kind::RelationalDb,
            s3(0.9995, "§5.4"),
            a(5.0),
            s3(25.0, "§5.2"),
        )
    },
    KindSpec {
        capacity_rps: Some(a(20_000.0)),
        write_capacity_rps: Some(a(10_000.0)),
        single_writer: true,
        note: "Schemaless documents with a primary for writes.",
        ..base(Kind::DocumentDb, a(0.9995), a(5.0), a(20.0))
    },
    KindSpec {
        capacity_rps: Some(a(100_000.0)),
        note: "Fast lookups by key.",
        ..base(Kind::KvStore, a(0.9999), a(2.0), a(10.0))
    },
    KindSpec {
        replicas: Some(a(3.0)),
        capacity_rps: Some(a(20_000.0)),
        write_capacity_rps: Some(a(50_000.0)),
        note: "Replicated, write-heavy storage (Cassandra-like).",
        ..base(Kind::WideColumn, a(0.9995), a(5.0), a(20.0))
    },
    KindSpec {
        capacity_rps: Some(a(5_000.0)),
        note: "Full-text queries over an index.",
        ..base(Kind::SearchIndex, a(0.999), a(20.0), a(100.0))
    },
    KindSpec {
        note: "Blobs and files (S3-like).",
        ..base(
            Kind::ObjectStorage,
            s1(0.9999, "Phase 9"),
            a(100.0),
            s1(200.0, "Phase 6"),
        )
    },
    KindSpec {
        capacity_rps: Some(s3(10_000.0, "§13.2")),
        note: "Buffers work between a producer and its consumers.",
        ..base(Kind::Queue, a(0.9999), a(5.0), a(20.0))
    },
    KindSpec {
        replicas: Some(a(3.0)),
        capacity_rps: Some(s3(1_000_000.0, "§13.2")),
        note: "A replicated, replayable log of events (Kafka-like).",
        ..base(Kind::EventLog, a(0.9999), a(5.0), a(20.0))
    },
    KindSpec {
        note: "Metrics, logs and traces; never on the request path.",
        ..base(Kind::Observability, a(1.0), a(0.0), a(0.0))
    },
];

/// The catalog entry of a kind.
pub fn spec(kind: Kind) -> &'static KindSpec {
    // SPECS follows Kind::ALL, whose order is the enum's declaration order.
    &SPECS[kind as usize]
}

/// A new block of `kind` with the catalog's numbers written in.
pub fn new_block(kind: Kind, id: String, x: f64, y: f64) -> Block {
    let s = spec(kind);
    let mut b = Block::new(id, kind, x, y);
    b.replicas = s.replicas.map_or(1, |n| n.value as u32);
    b.availability = s.availability.value;
    b.latency_ms = s.latency_ms.value;
    b.p99_ms = s.p99_ms.value;
    b.capacity_rps = s.capacity_rps.map(|n| n.value);
    b.write_capacity_rps = s.write_capacity_rps.map(|n| n.value);
    b.single_writer = s.single_writer;
    b.rps = s.rps.map_or(0.0, |n| n.value);
    b.hit_ratio = s.hit_ratio.map_or(0.0, |n| n.value);
    b.ttl_s = s.ttl_s.map(|n| n.value);
    b.route = s.route;
    b
}

/// Round trip inside one datacenter: a new link's latency.
pub const LINK_LATENCY_MS: Num = Num {
    value: 0.5,
    source: Source::Seed {
        file: SEED_003,
        section: "§5.2",
    },
};

/// A link leaving a client: a user near the region (an assumption).
pub const CLIENT_LINK_LATENCY_MS: Num = Num {
    value: 30.0,
    source: Source::Assumption,
};

/// A new link: sync read, one call, 0.5 ms (30 ms leaving a client); async
/// when it goes into or out of a queue or event log.
pub fn new_link(from: &Block, to: &Block, id: String) -> Link {
    let mut l = Link::new(id, from.id.clone(), to.id.clone());
    if from.kind.is_messaging() || to.kind.is_messaging() {
        l.mode = Mode::Async;
    }
    l.latency_ms = link_latency(from.kind).value;
    l
}

fn link_latency(from: Kind) -> Num {
    if from == Kind::Client {
        CLIENT_LINK_LATENCY_MS
    } else {
        LINK_LATENCY_MS
    }
}

/// Where the catalog's starting value of a block field came from, by the
/// field's file name; `None` when the catalog leaves the field at the format's
/// default. Spec choice: `route` and `single_writer` set by the catalog, and
/// `min_healthy`/`shards` (never set), report as an assumption / `None`.
pub fn field_source(kind: Kind, field: &str) -> Option<Source> {
    let s = spec(kind);
    let num = match field {
        "replicas" => s.replicas,
        "availability" => Some(s.availability),
        "latency_ms" => Some(s.latency_ms),
        "p99_ms" => Some(s.p99_ms),
        "capacity_rps" => s.capacity_rps,
        "write_capacity_rps" => s.write_capacity_rps,
        "rps" => s.rps,
        "hit_ratio" => s.hit_ratio,
        "ttl_s" => s.ttl_s,
        "route" if s.route != Route::All => Some(a(0.0)),
        "single_writer" if s.single_writer => Some(a(0.0)),
        _ => None,
    };
    num.map(|n| n.source)
}

/// Where a new link's starting value of `field` came from (`latency_ms`,
/// `mode`, `op`, `calls`), given the kind of the block it leaves.
pub fn link_field_source(from: Kind, field: &str) -> Option<Source> {
    match field {
        "latency_ms" => Some(link_latency(from).source),
        "mode" | "op" | "calls" => Some(Source::Assumption),
        _ => None,
    }
}

/// Reference numbers worth showing as hints (from seed 003 §5.2 and seed 001
/// Phase 2): what it is, and roughly how much.
pub const HINTS: &[(&str, &str)] = &[
    ("Round trip, same datacenter", "about 0.5 ms"),
    ("Round trip, across regions on one continent", "10 to 60 ms"),
    ("Round trip, across continents", "around 150 ms"),
    ("Random 4 KB read from an SSD", "about 150 µs"),
    (
        "One Postgres primary",
        "roughly 5,000–10,000 writes/s and 50,000 reads/s",
    ),
    ("One Redis instance", "100,000 to 1,000,000 operations/s"),
    (
        "One Nginx instance",
        "about 50,000 rps of static files, or 10,000 rps proxied",
    ),
    ("One Kafka broker", "millions of messages per second"),
];
