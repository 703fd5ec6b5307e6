//! The worksheet's chain in words, for the inspector (model-2.md §3): how a
//! block's rate, storage and cost and a link's bandwidth come from what was
//! typed, the way the seeds write it — "500 M users × 0.2 a day ÷ 86,400 s =
//! 1,157 /s average; × 5 peak = 5,787 /s". The results are the report's; the
//! inputs are the block's. A figure that lacks an input says which to fill in.

use super::units::{bytes, bytes_per_s, fmt_num, grouped, money, money_month, sig};
use crate::core::model::{Block, Kind, Link};
use crate::core::report::{BlockReport, EntryReport, LinkReport};

const YEAR_S: f64 = 86_400.0 * 365.0;

/// A rate as the seeds write it: whole above 100 ("1,157"), else three figures.
pub fn rate(v: f64) -> String {
    if v.abs() >= 100.0 {
        grouped(v.round())
    } else {
        sig(v)
    }
}

/// A count of people: "500 M", "1.5 billion", "20,000".
pub fn count(v: f64) -> String {
    if v >= 1e9 {
        format!("{} billion", sig(v / 1e9))
    } else if v >= 1e6 {
        format!("{} M", sig(v / 1e6))
    } else {
        grouped(v)
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// An entry's rate: from users, or from its peak `rps`.
pub fn entry_line(b: &Block, e: &EntryReport) -> String {
    match b.users {
        Some(u) => format!(
            "Rate: {} users × {} a day ÷ 86,400 s = {} /s average; × {} peak = {} /s",
            count(u),
            fmt_num(b.requests_per_user_day),
            rate(e.rps_avg),
            fmt_num(b.peak_factor),
            rate(e.rps)
        ),
        None => format!(
            "Rate: {} /s peak ÷ {} = {} /s average",
            rate(e.rps),
            fmt_num(b.peak_factor),
            rate(e.rps_avg)
        ),
    }
}

/// What a block stores: writes × record × days × copies, at retention or a
/// year's growth; `None` for a block that is not a store and has no record size.
pub fn storage_line(b: &Block, r: &BlockReport) -> Option<String> {
    let Some(record) = b.record_bytes else {
        // Caches hold copies, not records: only the stores ask for one.
        return (b.kind.is_data() && b.kind != Kind::Cache)
            .then(|| "Storage: add a record size".to_string());
    };
    let per_year = r.storage_bytes_per_year?;
    let copies = b.replicas.max(1);
    let instances = f64::from(copies) * f64::from(b.shards.max(1));
    let writes = if record > 0.0 {
        per_year / (record * YEAR_S * f64::from(copies))
    } else {
        0.0
    };
    if writes == 0.0 && record > 0.0 {
        return Some("Storage: no writes reach it (link a write to it)".into());
    }
    let head = format!("Storage: {} writes/s × {}", rate(writes), bytes(record));
    Some(match (b.retention_days, r.storage_bytes) {
        (Some(days), Some(held)) => format!(
            "{head} × {} days × {} = {}; {} per instance",
            fmt_num(days),
            plural(copies, "copy", "copies"),
            bytes(held),
            bytes(held / instances)
        ),
        _ => format!(
            "{head} × 365 days × {} = {} a year; {} per instance a year (add a retention for the total)",
            plural(copies, "copy", "copies"),
            bytes(per_year),
            bytes(per_year / instances)
        ),
    })
}

/// A block's bandwidth at peak over its links with a payload.
pub fn bandwidth_line(b: &Block, r: &BlockReport) -> Option<String> {
    let bw = r.bandwidth_bytes_per_s?;
    let instances = f64::from(b.replicas.max(1)) * f64::from(b.shards.max(1));
    Some(format!(
        "Bandwidth: {} at peak over its links; {} per instance",
        bytes_per_s(bw),
        bytes_per_s(bw / instances)
    ))
}

/// A block's cost a month: per instance × instances.
pub fn cost_line(b: &Block, r: &BlockReport) -> String {
    match (b.cost_month, r.cost_month) {
        (Some(each), Some(total)) => format!(
            "Cost: {} × {} = {}",
            money(each),
            plural(b.replicas.max(1) * b.shards.max(1), "instance", "instances"),
            money_month(total)
        ),
        _ => "Cost: add a cost per instance a month".into(),
    }
}

/// Every line of the chain for one block. `entry` is its entry in the report
/// when it is one.
pub fn block_lines(b: &Block, entry: Option<&EntryReport>, r: Option<&BlockReport>) -> Vec<String> {
    let mut out = Vec::new();
    match entry {
        Some(e) => out.push(entry_line(b, e)),
        None if b.kind == Kind::Client => {
            out.push("Rate: add users (or requests per second)".into());
        }
        None => {}
    }
    if let Some(r) = r {
        out.extend(storage_line(b, r));
        out.extend(bandwidth_line(b, r));
        out.push(cost_line(b, r));
    }
    out
}

/// A link's bandwidth: calls/s × payload; without a payload, the input to add.
pub fn link_line(l: &Link, r: &LinkReport) -> Option<String> {
    let calls = r.rps?;
    Some(match (l.payload_bytes, r.bytes_per_s) {
        (Some(p), Some(bw)) => format!(
            "Bandwidth: {} calls/s × {} = {}",
            rate(calls),
            bytes(p),
            bytes_per_s(bw)
        ),
        _ => "Bandwidth: add a payload size".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: Kind) -> Block {
        Block::new("b", kind, 0.0, 0.0)
    }

    fn entry(avg: f64, peak: f64) -> EntryReport {
        EntryReport {
            block: "b".into(),
            rps: peak,
            rps_avg: avg,
            availability: 1.0,
            latency: None,
        }
    }

    fn report(per_year: Option<f64>, held: Option<f64>) -> BlockReport {
        BlockReport {
            id: "b".into(),
            read_rps: None,
            write_rps: None,
            utilization: None,
            utilization_one_down: None,
            availability: 1.0,
            retry_amplification: 1.0,
            storage_bytes: held,
            storage_bytes_per_year: per_year,
            bandwidth_bytes_per_s: None,
            cost_month: None,
        }
    }

    #[test]
    fn the_seed_rate_chain_reads_as_the_seed_writes_it() {
        // 003 §5.3: 500 M users × 0.2 a day, × 5 peak.
        let mut b = block(Kind::Client);
        b.users = Some(5e8);
        b.requests_per_user_day = 0.2;
        b.peak_factor = 5.0;
        let (avg, peak) = (b.avg_rps(), b.peak_rps());
        assert_eq!(
            entry_line(&b, &entry(avg, peak)),
            "Rate: 500 M users × 0.2 a day ÷ 86,400 s = 1,157 /s average; × 5 peak = 5,787 /s"
        );
        let mut r = block(Kind::Client);
        r.rps = 5787.0;
        r.peak_factor = 5.0;
        assert_eq!(
            entry_line(&r, &entry(r.avg_rps(), r.peak_rps())),
            "Rate: 5,787 /s peak ÷ 5 = 1,157 /s average"
        );
    }

    #[test]
    fn the_seed_storage_chain_reaches_548_tb() {
        // 1,157.4 writes/s × 1,000 B × 1,825 days × 3 copies = 5.475e14 B;
        // per instance 1.825e14 (the formatter writes 182.5 as "182").
        let mut b = block(Kind::RelationalDb);
        b.record_bytes = Some(1000.0);
        b.retention_days = Some(1825.0);
        b.replicas = 3;
        let w = 5e8 * 0.2 / 86_400.0;
        let per_year = w * 1000.0 * YEAR_S * 3.0;
        let held = w * 1000.0 * 86_400.0 * 1825.0 * 3.0;
        assert_eq!(
            storage_line(&b, &report(Some(per_year), Some(held))).unwrap(),
            "Storage: 1,157 writes/s × 1 KB × 1,825 days × 3 copies = 548 TB; 182 TB per instance"
        );
        b.retention_days = None;
        assert_eq!(
            storage_line(&b, &report(Some(per_year), None)).unwrap(),
            "Storage: 1,157 writes/s × 1 KB × 365 days × 3 copies = 110 TB a year; \
             36.5 TB per instance a year (add a retention for the total)"
        );
    }

    #[test]
    fn a_missing_input_is_named() {
        let db = block(Kind::KvStore);
        let r = report(None, None);
        assert_eq!(
            block_lines(&db, None, Some(&r)),
            [
                "Storage: add a record size",
                "Cost: add a cost per instance a month"
            ]
        );
        let client = block(Kind::Client);
        assert_eq!(
            block_lines(&client, None, None),
            ["Rate: add users (or requests per second)"]
        );
        let link = Link::new("l", "a", "b");
        let lr = LinkReport {
            id: "l".into(),
            rps: Some(20_000.0),
            attempts: 1.0,
            timeout_failure: 0.0,
            bytes_per_s: None,
        };
        assert_eq!(
            link_line(&link, &lr).unwrap(),
            "Bandwidth: add a payload size"
        );
    }

    #[test]
    fn link_bandwidth_and_cost_show_their_factors() {
        // 001 Phase 2: 20,000 reads/s × 200 B = 4 MB/s.
        let mut link = Link::new("l", "a", "b");
        link.payload_bytes = Some(200.0);
        let lr = LinkReport {
            id: "l".into(),
            rps: Some(20_000.0),
            attempts: 1.0,
            timeout_failure: 0.0,
            bytes_per_s: Some(4e6),
        };
        assert_eq!(
            link_line(&link, &lr).unwrap(),
            "Bandwidth: 20,000 calls/s × 200 B = 4 MB/s"
        );
        let mut b = block(Kind::Service);
        b.replicas = 3;
        b.cost_month = Some(1500.0);
        let mut r = report(None, None);
        r.cost_month = Some(4500.0);
        assert_eq!(cost_line(&b, &r), "Cost: 1,500 × 3 instances = 4,500/month");
    }
}
