//! The rules of evaluation.md §4 by name ([`Rule`]), each with its id, severity
//! and what the UI shows beside a finding: the rule's title, how to fix it, and
//! the principle behind it (drawn from the reference texts in the seeds).

use crate::core::report::Severity;

/// One rule of evaluation.md §4. Every variant has its entry in
/// [`Rule::entry`] (an exhaustive match: a rule without texts does not compile).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    SloAvailability,
    SloLatency,
    Overloaded,
    SyncCycle,
    LoadLoop,
    HotSpot,
    NoFailoverHeadroom,
    Spof,
    ZoneSpof,
    LongSyncChain,
    SyncFanOut,
    SharedDatabase,
    CrossRegionCall,
    RetryWithoutBackoff,
    RetryNotIdempotent,
    QueueWithoutDlq,
    SearchAsSourceOfTruth,
    TooManyServices,
    CacheWithoutTtl,
    NoTimeout,
    NoRateLimit,
    NoObservability,
    Unreachable,
    NoEntry,
    TimeoutBudget,
    RetryStorm,
    RetryAmplification,
    TimeoutsFailRequests,
    NetworkBound,
    StoragePerInstance,
    ScenarioTarget,
}

impl Rule {
    /// Every rule, in the order of evaluation.md §4's table (the variants' order).
    pub const ALL: [Rule; 31] = [
        Rule::SloAvailability,
        Rule::SloLatency,
        Rule::Overloaded,
        Rule::SyncCycle,
        Rule::LoadLoop,
        Rule::HotSpot,
        Rule::NoFailoverHeadroom,
        Rule::Spof,
        Rule::ZoneSpof,
        Rule::LongSyncChain,
        Rule::SyncFanOut,
        Rule::SharedDatabase,
        Rule::CrossRegionCall,
        Rule::RetryWithoutBackoff,
        Rule::RetryNotIdempotent,
        Rule::QueueWithoutDlq,
        Rule::SearchAsSourceOfTruth,
        Rule::TooManyServices,
        Rule::CacheWithoutTtl,
        Rule::NoTimeout,
        Rule::NoRateLimit,
        Rule::NoObservability,
        Rule::Unreachable,
        Rule::NoEntry,
        Rule::TimeoutBudget,
        Rule::RetryStorm,
        Rule::RetryAmplification,
        Rule::TimeoutsFailRequests,
        Rule::NetworkBound,
        Rule::StoragePerInstance,
        Rule::ScenarioTarget,
    ];

    /// The rule's id as the report writes it: "spof", "slo-availability".
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The severity of its findings.
    pub fn severity(self) -> Severity {
        self.info().severity
    }

    /// The rule's catalog entry.
    pub fn info(self) -> &'static RuleInfo {
        &CATALOG[self as usize]
    }

    /// The rule's id, severity and texts.
    const fn entry(self) -> RuleInfo {
        match self {
            Rule::SloAvailability => rule(
            "slo-availability",
            Error,
            "Availability is below the target",
            "Remove hard dependencies from the request path, add replicas to the weakest tier, or make non-critical calls optional.",
            "Components in series multiply their availabilities, so every extra hard dependency costs nines; fix the weakest link rather than adding replicas where nines are already plentiful.",
            ),
            Rule::SloLatency => rule(
            "slo-latency",
            Error,
            "p99 latency is above the target (or unbounded)",
            "Shorten the synchronous path, run independent calls in parallel, cache hot reads, or add capacity to busy blocks.",
            "Users feel the tail, not the mean: sequential calls add their tails and a busy block's queue multiplies its times, so budget the p99 hop by hop.",
            ),
            Rule::Overloaded => rule(
            "overloaded",
            Error,
            "A block receives more than it can serve",
            "Add replicas or shards, raise its capacity, or put a cache or queue in front of it.",
            "At utilization 1 or more the queue grows without bound: requests wait forever and then fail, whatever the rest of the design does.",
            ),
            Rule::SyncCycle => rule(
            "sync-cycle",
            Error,
            "Synchronous calls go round in a circle",
            "Break the cycle: make one call asynchronous, merge the services, or move the shared logic into one callee.",
            "A request that waits on itself through other services can deadlock, exhaust thread pools on every hop, and turn one slow block into an outage of all of them.",
            ),
            Rule::LoadLoop => rule(
            "load-loop",
            Error,
            "Traffic amplifies itself around a loop",
            "Lower the calls per request on the loop below one round trip, or cut the loop (for example, do not re-publish consumed events).",
            "When each pass around a loop sends at least as much traffic onward as it received, the load has no steady state: it grows until something breaks.",
            ),
            Rule::HotSpot => rule(
            "hot-spot",
            Warning,
            "A block runs hot (utilization 0.7 or more)",
            "Add instances or shards, or cache reads in front of it, so that it runs below about 70%.",
            "Queueing delay grows as 1/(1 − ρ): at 0.8 a block is five times slower than idle, and a small burst tips it over. Find the first bottleneck and give it headroom.",
            ),
            Rule::NoFailoverHeadroom => rule(
            "no-failover-headroom",
            Warning,
            "Losing one instance would overload the block",
            "Add one more instance than the load needs (N+1), or raise per-instance capacity.",
            "Redundancy only helps if the survivors can carry the load; otherwise a single failure becomes an overload of the rest.",
            ),
            Rule::Spof => rule(
            "spof",
            Warning,
            "Single point of failure",
            "Run more instances than the block needs (replicas above min_healthy), add a failover alternative, or make the call optional.",
            "Design for failure: every hard dependency on the request path needs redundancy, because each instance eventually fails and a lone one takes requests down with it.",
            ),
            Rule::ZoneSpof => rule(
            "zone-spof",
            Warning,
            "One zone outage fails every request",
            "Spread replicas or an alternative path across a second zone.",
            "Replicas that share a failure domain fail together; redundancy is only as good as the independence of its failures.",
            ),
            Rule::LongSyncChain => rule(
            "long-sync-chain",
            Warning,
            "More than three synchronous compute calls in a row",
            "Run independent calls in parallel, make non-urgent work asynchronous, or merge services that always call each other.",
            "Each hop in a synchronous chain adds its latency tail and its failure rate; beyond about three the chain's p99 and availability are dominated by the hops.",
            ),
            Rule::SyncFanOut => rule(
            "sync-fan-out",
            Warning,
            "One request fans out to five or more blocks",
            "Reduce the fan-out, make some calls optional or asynchronous, or use hedged requests and timeouts for the tail.",
            "Waiting on many calls means waiting on the slowest: with ten callees the gather's p99 is set by each callee's p99.9.",
            ),
            Rule::SharedDatabase => rule(
            "shared-database",
            Warning,
            "Several services share one database",
            "Give each service its own data store and expose the data through an API or events, or merge the services.",
            "A database shared by services couples their schemas, deploys and load: you pay for network calls without getting independence.",
            ),
            Rule::CrossRegionCall => rule(
            "cross-region-call",
            Warning,
            "A synchronous call crosses a long distance (50 ms or more)",
            "Move the callee or a replica close to the caller, cache the answer, or make the call asynchronous.",
            "A cross-region round trip costs tens to hundreds of milliseconds on every request; keep computation next to its data.",
            ),
            Rule::RetryWithoutBackoff => rule(
            "retry-without-backoff",
            Warning,
            "Retries without backoff",
            "Enable exponential backoff with jitter on this link and cap the attempts.",
            "Immediate retries multiply load exactly when the callee is struggling and synchronise clients into a thundering herd.",
            ),
            Rule::RetryNotIdempotent => rule(
            "retry-not-idempotent",
            Warning,
            "Retried writes that are not idempotent",
            "Make the write idempotent (an idempotency key, a conditional write) or stop retrying it.",
            "A timeout does not tell whether the write happened; retrying a non-idempotent write can apply it twice (double charges, duplicate orders).",
            ),
            Rule::QueueWithoutDlq => rule(
            "queue-without-dlq",
            Warning,
            "A queue without a dead-letter queue",
            "Configure a dead-letter queue for messages that keep failing.",
            "A poison message that fails forever blocks or loops its consumers; a dead-letter queue sets it aside for inspection and replay.",
            ),
            Rule::SearchAsSourceOfTruth => rule(
            "search-as-source-of-truth",
            Warning,
            "A search index is the only store of its data",
            "Write to a durable database (or event log) first and feed the index from it.",
            "Search indexes are derived views built for querying, not durable primaries; keep the truth elsewhere so the index can be rebuilt.",
            ),
            Rule::TooManyServices => rule(
            "too-many-services",
            Warning,
            "More services than engineers",
            "Merge services into a modular monolith until the team can own and operate each one.",
            "Every service carries deploy, on-call and network costs; a design must be operable by the team you have, not the team you wish you had.",
            ),
            Rule::CacheWithoutTtl => rule(
            "cache-without-ttl",
            Info,
            "A cache without a time-to-live",
            "Set a TTL (with jitter) so stale entries expire.",
            "Without expiry a cache serves stale data until someone invalidates it correctly; a TTL bounds staleness cheaply.",
            ),
            Rule::NoTimeout => rule(
            "no-timeout",
            Info,
            "Synchronous calls without a timeout",
            "Set a timeout on every synchronous call, shorter than the caller's own latency target.",
            "A call without a timeout inherits the callee's worst slowness; threads pile up waiting and the caller fails too.",
            ),
            Rule::NoRateLimit => rule(
            "no-rate-limit",
            Info,
            "Traffic reaches compute without a rate limit",
            "Put an API gateway or rate limiter between the entry and the services.",
            "Limiting at the edge protects the services from bursts, abuse and retry storms, pushing back before queues blow up.",
            ),
            Rule::NoObservability => rule(
            "no-observability",
            Info,
            "Several services and no observability",
            "Add a metrics / logs / traces block and connect the services to it.",
            "With several services a request's path is invisible without metrics and traces; you cannot fix what you cannot see.",
            ),
            Rule::Unreachable => rule(
            "unreachable",
            Info,
            "A block no entry reaches",
            "Connect it to the flow, or remove it if it is not needed.",
            "A component that no request or message ever reaches adds cost and confusion without doing work.",
            ),
            Rule::NoEntry => rule(
            "no-entry",
            Info,
            "No traffic enters the design",
            "Give a client (or another entry block) a request rate (rps) above 0.",
            "Load, availability and latency are computed per request; without an entry there is nothing to measure.",
            ),
            Rule::TimeoutBudget => rule(
            "timeout-budget",
            Warning,
            "An inner call outlasts the outer timeout",
            "Give each hop a smaller timeout than its caller's, less its own work: cut the inner retries or timeout, or raise the outer timeout.",
            "Timeouts must shrink along the path. When the outer caller gives up first, every inner retry is wasted work for an answer nobody waits for, and the caller may retry on top of it.",
            ),
            Rule::RetryStorm => rule(
            "retry-storm",
            Warning,
            "Retries could keep this block overloaded",
            "Add a retry budget (retry only while few calls fail), keep backoff with jitter, lower the retry count, or give the block the headroom to absorb every attempt.",
            "Once a block slows past its callers' timeouts, each caller sends its retries too, so the load grows exactly when capacity is short; the block cannot recover even after the first cause is gone.",
            ),
            Rule::RetryAmplification => rule(
            "retry-amplification",
            Warning,
            "Retries multiply down the call path",
            "Retry at one layer only (usually the edge), and let inner calls fail fast.",
            "Retries at every hop multiply: three layers of three attempts send 27 calls to the deepest service for one user request, right when it is struggling.",
            ),
            Rule::TimeoutsFailRequests => rule(
            "timeouts-fail-requests",
            Warning,
            "Calls fail by timing out",
            "Raise the timeout above the callee's tail (its p99 or p999 plus the network), speed up or add capacity to the callee, or add a retry.",
            "A timeout turns a slow call into an error: set it from the callee's measured tail, so it cuts off only calls that would hang, not ordinary slow ones.",
            ),
            Rule::NetworkBound => rule(
            "network-bound",
            Warning,
            "An instance moves more bytes than its network card carries",
            "Add instances or shards to spread the bytes, shrink the payloads (compression, smaller responses), or serve large objects from a CDN or object storage directly.",
            "Estimate bandwidth as well as requests: rate × bytes per request. A 10 Gbps interface carries about 1.25 GB/s, and a block can saturate its network long before its CPU.",
            ),
            Rule::StoragePerInstance => rule(
            "storage-per-instance",
            Info,
            "One instance holds more data than one server's disks",
            "Shard the data across more instances, shorten the retention, shrink the records, or move cold data to object storage.",
            "Storage grows with every write and is kept for the retention period: writes a second × bytes a record × seconds kept × copies. Past what one machine holds, the data must be partitioned.",
            ),
            Rule::ScenarioTarget => rule(
            "scenario-target",
            Error,
            "A saved scenario misses its target",
            "Give the design headroom for this scenario: capacity where it saturates first, replicas or another zone for what it fails, or relax the scenario's target if the review agrees.",
            "A design is judged on its bad days: the traffic peak and the lost zone are when users notice, so each scenario the review cares about is checked on every change, like a test.",
            ),
        }
    }
}

/// A rule's id, severity and texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// One line naming the problem.
    pub title: &'static str,
    /// What to change on the canvas.
    pub fix: &'static str,
    /// Why it matters, in one or two sentences.
    pub principle: &'static str,
}

/// Every rule, in the order of evaluation.md §4's table.
pub fn catalog() -> &'static [RuleInfo] {
    &CATALOG
}

/// The catalog entry of rule `id`.
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    CATALOG.iter().find(|r| r.id == id)
}

/// The entries in `Rule::ALL` order; `ALL` lists the variants in declaration
/// order (checked at compile time), so `CATALOG[rule as usize]` is `rule`'s.
static CATALOG: [RuleInfo; Rule::ALL.len()] = {
    let mut out = [Rule::ALL[0].entry(); Rule::ALL.len()];
    let mut i = 0;
    while i < Rule::ALL.len() {
        assert!(Rule::ALL[i] as usize == i);
        out[i] = Rule::ALL[i].entry();
        i += 1;
    }
    out
};

use Severity::{Error, Info, Warning};

const fn rule(
    id: &'static str,
    severity: Severity,
    title: &'static str,
    fix: &'static str,
    principle: &'static str,
) -> RuleInfo {
    RuleInfo {
        id,
        severity,
        title,
        fix,
        principle,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_finds_its_own_entry() {
        for (i, r) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(r as usize, i);
            assert_eq!(rule_info(r.id()), Some(r.info()));
            assert_eq!(catalog()[i].id, r.id());
        }
        assert_eq!(Rule::SloAvailability.id(), "slo-availability");
        assert_eq!(Rule::Spof.severity(), Severity::Warning);
    }
}
