//! A block's kind, guessed from what a diagram says about its node, with the
//! reason in a few words for the review step.
//!
//! Evidence, strongest first: a class named after a kind (`:::cache`, how an
//! export marks its blocks); a word of the label, then of the id, read from the
//! right (the head of "Redis cache" is "cache", of "User service" "service"),
//! matched against the phrases below; a cylinder shape or a `database` icon
//! (a store: relational DB unless a word names another store); an icon's words
//! or a built-in architecture icon; a generic word ("app", "server"); else a
//! service.

use crate::core::model::Kind;

/// What the node says: the label as people read it, the Mermaid id, whether it
/// is drawn as a cylinder, its icon, the kind its class names.
pub(super) struct Evidence<'a> {
    pub label: &'a str,
    pub id: &'a str,
    pub cylinder: bool,
    pub icon: Option<&'a str>,
    pub class: Option<Kind>,
}

/// Words and phrases (lower case, words split at spaces) and their kinds.
/// A word also matches its plural and itself with digits after (`db2`).
const WORDS: &[(&str, Kind)] = {
    use Kind::*;
    &[
        ("user", Client),
        ("client", Client),
        ("browser", Client),
        ("mobile", Client),
        ("customer", Client),
        ("visitor", Client),
        ("internet", Client),
        ("ios", Client),
        ("android", Client),
        ("dns", Dns),
        ("route53", Dns),
        ("route 53", Dns),
        ("nameserver", Dns),
        ("cdn", Cdn),
        ("cloudfront", Cdn),
        ("cloud front", Cdn),
        ("akamai", Cdn),
        ("fastly", Cdn),
        ("cloudflare", Cdn),
        ("edge cache", Cdn),
        ("lb", LoadBalancer),
        ("load balancer", LoadBalancer),
        ("loadbalancer", LoadBalancer),
        ("balancer", LoadBalancer),
        ("nginx", LoadBalancer),
        ("haproxy", LoadBalancer),
        ("elb", LoadBalancer),
        ("alb", LoadBalancer),
        ("nlb", LoadBalancer),
        ("proxy", LoadBalancer),
        ("ingress", LoadBalancer),
        ("gateway", ApiGateway),
        ("apigateway", ApiGateway),
        ("apigw", ApiGateway),
        ("kong", ApiGateway),
        ("bff", ApiGateway),
        ("rate limiter", RateLimiter),
        ("ratelimiter", RateLimiter),
        ("limiter", RateLimiter),
        ("throttle", RateLimiter),
        ("service", Service),
        ("svc", Service),
        ("api", Service),
        ("microservice", Service),
        ("function", Function),
        ("lambda", Function),
        ("faas", Function),
        ("serverless", Function),
        ("worker", Worker),
        ("consumer", Worker),
        ("job", Worker),
        ("cron", Worker),
        ("scheduler", Worker),
        ("processor", Worker),
        ("daemon", Worker),
        ("handler", Worker),
        ("external api", ExternalApi),
        ("external", ExternalApi),
        ("third party", ExternalApi),
        ("3rd party", ExternalApi),
        ("stripe", ExternalApi),
        ("twilio", ExternalApi),
        ("sendgrid", ExternalApi),
        ("paypal", ExternalApi),
        ("partner", ExternalApi),
        ("cache", Cache),
        ("redis", Cache),
        ("memcached", Cache),
        ("memcache", Cache),
        ("valkey", Cache),
        ("elasticache", Cache),
        ("db", RelationalDb),
        ("database", RelationalDb),
        ("sql", RelationalDb),
        ("postgres", RelationalDb),
        ("postgresql", RelationalDb),
        ("mysql", RelationalDb),
        ("mariadb", RelationalDb),
        ("rds", RelationalDb),
        ("aurora", RelationalDb),
        ("oracle", RelationalDb),
        ("rdbms", RelationalDb),
        ("document db", DocumentDb),
        ("document store", DocumentDb),
        ("documentdb", DocumentDb),
        ("mongo", DocumentDb),
        ("mongodb", DocumentDb),
        ("mongo db", DocumentDb),
        ("couchdb", DocumentDb),
        ("firestore", DocumentDb),
        ("cosmos", DocumentDb),
        ("cosmosdb", DocumentDb),
        ("cosmos db", DocumentDb),
        ("couch db", DocumentDb),
        ("key value", KvStore),
        ("key value store", KvStore),
        ("kv", KvStore),
        ("dynamo", KvStore),
        ("dynamodb", KvStore),
        ("dynamo db", KvStore),
        ("etcd", KvStore),
        ("wide column", WideColumn),
        ("wide column store", WideColumn),
        ("cassandra", WideColumn),
        ("scylla", WideColumn),
        ("bigtable", WideColumn),
        ("hbase", WideColumn),
        ("search", SearchIndex),
        ("search index", SearchIndex),
        ("index", SearchIndex),
        ("elasticsearch", SearchIndex),
        ("elastic", SearchIndex),
        ("opensearch", SearchIndex),
        ("solr", SearchIndex),
        ("algolia", SearchIndex),
        ("s3", ObjectStorage),
        ("bucket", ObjectStorage),
        ("blob", ObjectStorage),
        ("object storage", ObjectStorage),
        ("object store", ObjectStorage),
        ("storage", ObjectStorage),
        ("gcs", ObjectStorage),
        ("minio", ObjectStorage),
        ("file", ObjectStorage),
        ("queue", Queue),
        ("message queue", Queue),
        ("sqs", Queue),
        ("sns", Queue),
        ("rabbitmq", Queue),
        ("rabbit", Queue),
        ("mq", Queue),
        ("activemq", Queue),
        ("nats", Queue),
        ("pubsub", Queue),
        ("kafka", EventLog),
        ("kinesis", EventLog),
        ("event", EventLog),
        ("event log", EventLog),
        ("event bus", EventLog),
        ("event stream", EventLog),
        ("stream", EventLog),
        ("topic", EventLog),
        ("pulsar", EventLog),
        ("redpanda", EventLog),
        ("metrics", Observability),
        ("logs", Observability),
        ("logging", Observability),
        ("monitoring", Observability),
        ("prometheus", Observability),
        ("grafana", Observability),
        ("datadog", Observability),
        ("tracing", Observability),
        ("traces", Observability),
        ("observability", Observability),
        ("telemetry", Observability),
    ]
};

/// Generic words: a service, when nothing more telling is said.
const GENERIC: [&str; 7] = [
    "app",
    "application",
    "server",
    "backend",
    "system",
    "platform",
    "node",
];

/// The kind and the reason.
pub(super) fn guess(e: &Evidence) -> (Kind, String) {
    if let Some(kind) = e.class {
        return (kind, format!("class ':::{}'", kind.as_str()));
    }
    let label = find(&words(e.label)).map(|(k, w)| (k, format!("label says '{w}'")));
    let id = || find(&words(e.id)).map(|(k, w)| (k, format!("id says '{w}'")));
    let said = label.or_else(id);
    let store = |k: Kind| k.is_data() || k.is_messaging();
    let icon = e.icon.unwrap_or_default();
    if e.cylinder || icon == "database" {
        let shape = if e.cylinder {
            "cylinder shape"
        } else {
            "icon 'database'"
        };
        return match said {
            Some((k, why)) if store(k) => (k, format!("{shape}; {why}")),
            Some((_, why)) => (Kind::RelationalDb, format!("{shape} ({why})")),
            None => (Kind::RelationalDb, shape.to_string()),
        };
    }
    if let Some(found) = said {
        return found;
    }
    let built_in = match icon {
        "disk" => Some(Kind::ObjectStorage),
        "server" => Some(Kind::Service),
        "internet" => Some(Kind::Client),
        "cloud" => Some(Kind::ExternalApi),
        _ => None,
    };
    if let Some(k) = built_in {
        return (k, format!("icon '{icon}'"));
    }
    // An icon set's name: `logos:aws-s3` says "s3".
    let icon_name = icon.rsplit(':').next().unwrap_or_default();
    if let Some((k, w)) = find(&words(icon_name)) {
        return (k, format!("icon '{icon}' says '{w}'"));
    }
    for text in [e.label, e.id] {
        if let Some(w) = words(text)
            .into_iter()
            .rev()
            .find(|w| GENERIC.contains(&w.as_str()))
        {
            return (Kind::Service, format!("label says '{w}'"));
        }
    }
    (
        Kind::Service,
        "nothing in the label, id or shape names a kind: a service".to_string(),
    )
}

/// Lower-case words: split at anything not a letter or digit and where a
/// lower-case letter meets an upper-case one (`OrderDB` → order, db).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let hump = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase() || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        if hump && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The rightmost word or phrase that names a kind (the longest phrase ending
/// at the same word first), and the words matched.
fn find(words: &[String]) -> Option<(Kind, String)> {
    for end in (1..=words.len()).rev() {
        for len in (1..=end.min(3)).rev() {
            let phrase = &words[end - len..end];
            if let Some(&(_, kind)) = WORDS.iter().find(|(p, _)| same(p, phrase)) {
                return Some((kind, phrase.join(" ")));
            }
        }
    }
    None
}

/// Whether `phrase`'s words are `pattern`'s, the last one also as a plural or
/// with digits after.
fn same(pattern: &str, phrase: &[String]) -> bool {
    let want: Vec<&str> = pattern.split(' ').collect();
    if want.len() != phrase.len() {
        return false;
    }
    let last = want.len() - 1;
    want.iter().zip(phrase).enumerate().all(|(i, (w, p))| {
        if i < last {
            return w == p;
        }
        let bare = p.trim_end_matches(|c: char| c.is_ascii_digit());
        let bare = if bare.is_empty() { p.as_str() } else { bare };
        w == p
            || *w == bare
            || bare.strip_suffix('s') == Some(w)
            || bare.strip_suffix("es") == Some(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(label: &str) -> Kind {
        guess(&Evidence {
            label,
            id: "n",
            cylinder: false,
            icon: None,
            class: None,
        })
        .0
    }

    #[test]
    fn the_head_word_decides() {
        assert_eq!(kind("User service"), Kind::Service);
        assert_eq!(kind("Users"), Kind::Client);
        assert_eq!(kind("Mobile app"), Kind::Client);
        assert_eq!(kind("Redis cache"), Kind::Cache);
        assert_eq!(kind("Kafka consumer"), Kind::Worker);
        assert_eq!(kind("API Gateway"), Kind::ApiGateway);
        assert_eq!(kind("OrderDB"), Kind::RelationalDb);
        assert_eq!(kind("Event log (Kafka)"), Kind::EventLog);
        assert_eq!(kind("Metrics / logs / traces"), Kind::Observability);
        assert_eq!(kind("S3 bucket"), Kind::ObjectStorage);
        assert_eq!(kind("Web server"), Kind::Service);
        for k in Kind::ALL {
            assert_eq!(kind(k.name()), k, "{}", k.name());
        }
    }
}
