//! Block kinds (catalog.md): their file names, display names and palette groups.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Client,
    Dns,
    Cdn,
    LoadBalancer,
    ApiGateway,
    RateLimiter,
    Service,
    Function,
    Worker,
    ExternalApi,
    Cache,
    RelationalDb,
    DocumentDb,
    KvStore,
    WideColumn,
    SearchIndex,
    ObjectStorage,
    Queue,
    EventLog,
    Observability,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Edge,
    Compute,
    Data,
    Messaging,
    Ops,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Edge,
        Group::Compute,
        Group::Data,
        Group::Messaging,
        Group::Ops,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Group::Edge => "Edge",
            Group::Compute => "Compute",
            Group::Data => "Data",
            Group::Messaging => "Messaging",
            Group::Ops => "Ops",
        }
    }
}

impl Kind {
    pub const ALL: [Kind; 20] = [
        Kind::Client,
        Kind::Dns,
        Kind::Cdn,
        Kind::LoadBalancer,
        Kind::ApiGateway,
        Kind::RateLimiter,
        Kind::Service,
        Kind::Function,
        Kind::Worker,
        Kind::ExternalApi,
        Kind::Cache,
        Kind::RelationalDb,
        Kind::DocumentDb,
        Kind::KvStore,
        Kind::WideColumn,
        Kind::SearchIndex,
        Kind::ObjectStorage,
        Kind::Queue,
        Kind::EventLog,
        Kind::Observability,
    ];

    /// The name used in files (`"load_balancer"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Client => "client",
            Kind::Dns => "dns",
            Kind::Cdn => "cdn",
            Kind::LoadBalancer => "load_balancer",
            Kind::ApiGateway => "api_gateway",
            Kind::RateLimiter => "rate_limiter",
            Kind::Service => "service",
            Kind::Function => "function",
            Kind::Worker => "worker",
            Kind::ExternalApi => "external_api",
            Kind::Cache => "cache",
            Kind::RelationalDb => "relational_db",
            Kind::DocumentDb => "document_db",
            Kind::KvStore => "kv_store",
            Kind::WideColumn => "wide_column",
            Kind::SearchIndex => "search_index",
            Kind::ObjectStorage => "object_storage",
            Kind::Queue => "queue",
            Kind::EventLog => "event_log",
            Kind::Observability => "observability",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The display name, also the default label.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Client => "Users / client",
            Kind::Dns => "DNS",
            Kind::Cdn => "CDN",
            Kind::LoadBalancer => "Load balancer",
            Kind::ApiGateway => "API gateway",
            Kind::RateLimiter => "Rate limiter",
            Kind::Service => "Service (stateless app)",
            Kind::Function => "Serverless function",
            Kind::Worker => "Background worker",
            Kind::ExternalApi => "External API",
            Kind::Cache => "Cache (Redis)",
            Kind::RelationalDb => "Relational DB",
            Kind::DocumentDb => "Document DB",
            Kind::KvStore => "Key-value store",
            Kind::WideColumn => "Wide-column store",
            Kind::SearchIndex => "Search index",
            Kind::ObjectStorage => "Object storage",
            Kind::Queue => "Message queue",
            Kind::EventLog => "Event log (Kafka)",
            Kind::Observability => "Metrics / logs / traces",
        }
    }

    pub fn group(self) -> Group {
        use Kind::*;
        match self {
            Client | Dns | Cdn | LoadBalancer | ApiGateway | RateLimiter => Group::Edge,
            Service | Function | Worker | ExternalApi => Group::Compute,
            Cache | RelationalDb | DocumentDb | KvStore | WideColumn | SearchIndex
            | ObjectStorage => Group::Data,
            Queue | EventLog => Group::Messaging,
            Observability => Group::Ops,
        }
    }

    /// "Compute kinds" of evaluation.md §4.
    pub fn is_compute(self) -> bool {
        self.group() == Group::Compute
    }

    /// "Data kinds" of evaluation.md §4 (the data group, cache included).
    pub fn is_data(self) -> bool {
        self.group() == Group::Data
    }

    pub fn is_messaging(self) -> bool {
        self.group() == Group::Messaging
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("mainframe"), None);
    }
}
