//! The evaluation report (format.md §3): plain data, serialised in the contract's
//! field order. Renderings (text, Markdown) live beside it in `report/`.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The evaluation model these figures follow (model-2.md: 2).
    pub model: u8,
    pub availability: Option<f64>,
    pub downtime_min_per_year: Option<f64>,
    pub latency: Option<Latency>,
    pub max_scale: Option<f64>,
    pub bottleneck: Option<String>,
    pub availability_method: Method,
    pub availability_interval: Option<[f64; 2]>,
    /// Bytes held at retention, all copies, over the blocks with a
    /// `retention_days` (model-2.md §3.3); `null` when none has.
    pub storage_bytes: Option<f64>,
    /// The design's cost a month: Σ `cost_month · replicas · shards`.
    pub cost_month: Option<f64>,
    /// `cost_month / (Σ average entry rates · 2,592,000) · 10^6`.
    pub cost_per_million_requests: Option<f64>,
    pub entries: Vec<EntryReport>,
    pub blocks: Vec<BlockReport>,
    /// Each link's flow, in document order; an addition to the format (the
    /// canvas draws links thicker as their flow grows).
    pub links: Vec<LinkReport>,
    /// Each saved scenario, in document order (model-2.md §4.1).
    pub scenarios: Vec<ScenarioReport>,
    /// What to improve first (model-2.md §4.2), most important first.
    pub importance: Vec<Importance>,
    pub findings: Vec<Finding>,
    /// Where the mean time of the traffic-weighted mix goes (evaluation.md §3,
    /// "budget breakdown"); an addition to the format, empty when latency is null.
    pub budget: Vec<BudgetItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Exact,
    MonteCarlo,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Latency {
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub p999_ms: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntryReport {
    pub block: String,
    pub rps: f64,
    /// The average rate (model-2.md §3.1): `rps / peak_factor`, or from users.
    pub rps_avg: f64,
    pub availability: f64,
    pub latency: Option<Latency>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlockReport {
    pub id: String,
    pub read_rps: Option<f64>,
    pub write_rps: Option<f64>,
    pub utilization: Option<f64>,
    pub utilization_one_down: Option<f64>,
    pub availability: f64,
    /// The largest product of `1 + retries` over the timed sync links of a
    /// path from an entry to this block (1 when none; model-2.md §2.7).
    pub retry_amplification: f64,
    /// Bytes held at retention, all copies; `null` without `record_bytes`
    /// and `retention_days` (model-2.md §3.2).
    pub storage_bytes: Option<f64>,
    /// New bytes a year, all copies; `null` without `record_bytes`.
    pub storage_bytes_per_year: Option<f64>,
    /// Peak bytes/s over its links in and out with `payload_bytes`.
    pub bandwidth_bytes_per_s: Option<f64>,
    /// `cost_month · replicas · shards`.
    pub cost_month: Option<f64>,
}

/// The requests per second a link carries (evaluation.md §1's `flow(l)`);
/// `null` when load is not defined (a load loop).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkReport {
    pub id: String,
    pub rps: Option<f64>,
    /// `E_l`: attempts per call (model-2.md §2.4); 1 without a timeout.
    pub attempts: f64,
    /// `q_l^(1+r)`: the share of calls that fail by timing out (§2.7).
    pub timeout_failure: f64,
    /// `flow(l) · payload_bytes` at peak (model-2.md §3.2); an addition to
    /// the format, `null` without `payload_bytes`.
    pub bytes_per_s: Option<f64>,
}

/// One scenario's figures and whether it meets its targets (`null` where it has
/// no such target).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioReport {
    pub id: String,
    pub availability: Option<f64>,
    pub latency: Option<Latency>,
    pub max_scale: Option<f64>,
    pub bottleneck: Option<String>,
    pub meets_availability: Option<bool>,
    pub meets_p99: Option<bool>,
}

/// A component's Birnbaum importance: availability with it perfect and down.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Importance {
    pub id: String,
    pub if_perfect: f64,
    pub if_down: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub blocks: Vec<String>,
    pub links: Vec<String>,
    pub message: String,
}

impl Finding {
    /// The finding's identity: the same finding with the same message has the
    /// same key across evaluations (keyed lists keep its element; presentation
    /// mode steps through findings by it).
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.rule,
            self.blocks.join(","),
            self.links.join(","),
            self.message
        )
    }
}

/// One line of the latency budget: a block's mean service time (queueing
/// included) times its expected visits, or a link's `latency_ms` times its
/// expected calls, per request of the traffic-weighted mix.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetItem {
    /// `"block"` or `"link"`.
    pub kind: &'static str,
    pub id: String,
    pub mean_ms: f64,
    /// Reached only through parallel calls: its share overlaps others'.
    pub parallel: bool,
}

impl Report {
    /// A report with no figures, findings or items: what the app shows until
    /// its first evaluation arrives.
    pub fn empty() -> Report {
        Report {
            model: 2,
            availability: None,
            downtime_min_per_year: None,
            latency: None,
            max_scale: None,
            bottleneck: None,
            availability_method: Method::Exact,
            availability_interval: None,
            storage_bytes: None,
            cost_month: None,
            cost_per_million_requests: None,
            entries: Vec::new(),
            blocks: Vec::new(),
            links: Vec::new(),
            scenarios: Vec::new(),
            importance: Vec::new(),
            findings: Vec::new(),
            budget: Vec::new(),
        }
    }

    /// The report as format.md §3's JSON text (pretty-printed).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}
