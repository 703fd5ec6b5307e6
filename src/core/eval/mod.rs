//! `evaluate(&Design, &EvalOptions) -> Report` (evaluation.md).
//!
//! Each evaluation builds its own [`graph::Graph`] index, then [`analyse`] computes
//! load, availability and latency into an [`Analysis`] that the rules read. Nothing
//! here fails on a valid design; figures that do not exist are `None`.

pub mod availability;
pub mod capacity;
pub mod dist;
pub mod graph;
pub mod heat;
pub mod latency;
pub mod load;
pub mod rules;
pub mod scenarios;
pub mod stress;
pub mod success;

use crate::core::model::Design;
use crate::core::report::{
    BlockReport, BudgetItem, EntryReport, Latency, LinkReport, Method, Report,
};
use graph::{Graph, RequestPath};

/// What-if and sampling settings. `Default` is the plain evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalOptions {
    /// Multiplies every entry's `rps` (what-if traffic).
    pub scale: f64,
    /// Ids of blocks or zones forced down (what-if failures).
    pub fail: Vec<String>,
    /// Seed of the Monte Carlo availability sampler (repeatable results).
    pub seed: u64,
    /// Monte Carlo availability samples (evaluation.md §2: at least 10^6).
    pub mc_samples: usize,
    /// Compute `importance[]` (model-2.md §4.2): two availabilities per
    /// component on the request path, so the app asks for it only when it
    /// shows it; the CLI and the library API always do.
    pub importance: bool,
    /// Evaluate the design's saved scenarios (model-2.md §4.1) into
    /// `scenarios[]` and the `scenario-target` findings. The app leaves them out
    /// of its first pass and adds them one scenario at a time
    /// ([`scenarios::with_scenarios`]), so no single task runs them all.
    pub scenarios: bool,
    /// Most components availability conditions on exactly (evaluation.md §2: 20);
    /// beyond it, Monte Carlo. Tests lower it to force Monte Carlo.
    pub exact_limit: usize,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            scale: 1.0,
            fail: Vec::new(),
            seed: 0x5EED_E17E,
            mc_samples: 1_000_000,
            importance: true,
            scenarios: true,
            exact_limit: 20,
        }
    }
}

/// Everything computed about a design, before the rules run. Indices are block
/// positions in `graph.design.blocks` (entries: positions in `graph.entries`).
pub struct Analysis<'a> {
    pub graph: Graph<'a>,
    pub options: &'a EvalOptions,
    /// Each entry's `rps` after the what-if scale, parallel to `graph.entries`.
    pub entry_rps: Vec<f64>,
    /// `None` when the load equations have no finite, non-negative solution.
    pub load: Option<load::Load>,
    /// The amplifying strongly connected sets behind a `load-loop` (block positions).
    pub load_loops: Vec<Vec<usize>>,
    /// Each block's own availability, zone included (`blocks[].availability`).
    pub block_availability: Vec<f64>,
    /// Parallel to `graph.entries`.
    pub entry_availability: Vec<f64>,
    /// Traffic-weighted over entries; `None` without an entry.
    pub availability: Option<f64>,
    pub availability_method: Method,
    pub availability_interval: Option<[f64; 2]>,
    /// Parallel to `graph.entries`; `None` when the entry waits forever with
    /// positive probability (model-2.md §2.5) or load is null.
    pub entry_latency: Vec<Option<Latency>>,
    /// The rps-weighted mix; `None` when any entry's is (or there is no entry).
    pub latency: Option<Latency>,
    pub budget: Vec<BudgetItem>,
    /// What each entry's requests visit, parallel to `graph.entries`.
    pub paths: Vec<RequestPath>,
    /// The union of `paths`: "on the request path" (evaluation.md §4).
    pub on_path: RequestPath,
    /// Blocks forced down by `options.fail` (their id or their zone's).
    pub down: Vec<bool>,
    /// Per link: the share of `base(from)` it carries with `down` removed
    /// ([`load::effective_shares`]); `graph.share` when nothing failed.
    pub share: Vec<f64>,
    /// Timeouts and retries at the fixed point (model-2.md §2.3–2.4).
    pub stress: stress::Stress,
    /// Per block: `retry_amplification` (model-2.md §2.7).
    pub amplification: Vec<f64>,
    /// The worksheet (model-2.md §3): average rates, storage, bandwidth, cost.
    pub capacity: capacity::Capacity,
}

/// Compute load, availability and latency (everything but the findings).
pub fn analyse<'a>(design: &'a Design, options: &'a EvalOptions) -> Analysis<'a> {
    let graph = Graph::new(design);
    let scale = if options.scale.is_finite() && options.scale >= 0.0 {
        options.scale
    } else {
        1.0
    };
    let entry_rps: Vec<f64> = graph
        .entries
        .iter()
        .map(|&e| design.blocks[e].peak_rps() * scale)
        .collect();
    let (down, zone_down) = failed(&graph, &options.fail);
    let share = load::effective_shares(&graph, &down);
    let paths: Vec<RequestPath> = graph
        .entries
        .iter()
        .map(|&e| graph.request_path(e))
        .collect();
    let mut on_path = RequestPath {
        blocks: vec![false; design.blocks.len()],
        links: vec![false; design.links.len()],
    };
    for p in &paths {
        on_path.merge(p);
    }
    let (load, times, stress) = stress::solve(&graph, &entry_rps, &share, &down);
    let (load, load_loops) = match load {
        Ok(l) => (Some(l), Vec::new()),
        Err(loops) => (None, loops),
    };
    // model-2.md §4.1: a failed entry sends nothing and is left out of the mix.
    let mix_rps: Vec<f64> = graph
        .entries
        .iter()
        .zip(&entry_rps)
        .map(|(&e, &r)| if down[e] { 0.0 } else { r })
        .collect();
    let lat = latency::compute(&graph, &mix_rps, times.as_ref(), &share, &stress.attempts);
    drop(times);
    let mut graph = graph;
    graph.link_ok = stress.ok();
    // model-2.md §4.1: availability uses the weights re-spread over the
    // targets still up (the graph's own shares stay nominal for the rules).
    let nominal = std::mem::replace(&mut graph.share, share.clone());
    let avail = availability::compute(&graph, &entry_rps, &down, &zone_down, options);
    graph.share = nominal;
    let amplification = stress::retry_amplification(&graph, &share);
    // Spec choice: the what-if scale multiplies the average rates as it does the peak.
    let entry_avg = graph
        .entries
        .iter()
        .map(|&e| design.blocks[e].avg_rps() * scale)
        .collect();
    let capacity = capacity::compute(
        &graph,
        entry_avg,
        load.as_ref(),
        &share,
        &stress.attempts,
        &down,
    );
    Analysis {
        graph,
        options,
        entry_rps,
        load,
        load_loops,
        block_availability: avail.blocks,
        entry_availability: avail.entries,
        availability: avail.design,
        availability_method: avail.method,
        availability_interval: avail.interval,
        entry_latency: lat.entries,
        latency: lat.mix,
        budget: lat.budget,
        paths,
        on_path,
        down,
        share,
        stress,
        amplification,
        capacity,
    }
}

/// Blocks forced down by `fail` (their own id or their zone's), and failed zones.
pub(crate) fn failed(g: &Graph, fail: &[String]) -> (Vec<bool>, Vec<bool>) {
    let mut zone_down = vec![false; g.design.zones.len()];
    let mut down = vec![false; g.block_count()];
    for id in fail {
        if let Some(&z) = g.zone_index.get(id.as_str()) {
            zone_down[z] = true;
        }
        if let Some(&b) = g.block_index.get(id.as_str()) {
            down[b] = true;
        }
    }
    for (b, d) in down.iter_mut().enumerate() {
        if g.block_zone[b].is_some_and(|z| zone_down[z]) {
            *d = true;
        }
    }
    (down, zone_down)
}

pub fn evaluate(design: &Design, options: &EvalOptions) -> Report {
    let analysis = analyse(design, options);
    let importance = if options.importance {
        scenarios::importance(&analysis)
    } else {
        Vec::new()
    };
    let mut findings = rules::run(&analysis);
    rules::sort(&mut findings);
    let g = &analysis.graph;
    let load = analysis.load.as_ref();
    let cap = &analysis.capacity;
    let entries = g
        .entries
        .iter()
        .enumerate()
        .map(|(i, &e)| EntryReport {
            block: design.blocks[e].id.clone(),
            rps: analysis.entry_rps[i],
            rps_avg: cap.entry_avg[i],
            availability: analysis.entry_availability[i],
            latency: analysis.entry_latency[i],
        })
        .collect();
    let blocks = design
        .blocks
        .iter()
        .enumerate()
        .map(|(b, blk)| BlockReport {
            id: blk.id.clone(),
            read_rps: load.map(|l| l.read[b]),
            write_rps: load.map(|l| l.write[b]),
            utilization: load.and_then(|l| l.utilization[b]),
            utilization_one_down: load.and_then(|l| l.one_down[b]),
            availability: analysis.block_availability[b],
            retry_amplification: analysis.amplification[b],
            storage_bytes: cap.storage[b],
            storage_bytes_per_year: cap.storage_year[b],
            bandwidth_bytes_per_s: cap.bandwidth[b],
            cost_month: cap.cost[b],
        })
        .collect();
    let links = design
        .links
        .iter()
        .enumerate()
        .map(|(l, link)| LinkReport {
            id: link.id.clone(),
            rps: cap.link_rps[l],
            bytes_per_s: cap.link_bytes_per_s[l],
            attempts: analysis.stress.attempts[l],
            timeout_failure: analysis.stress.timeout_failure[l],
        })
        .collect();
    let mut report = Report {
        model: 2,
        availability: analysis.availability,
        downtime_min_per_year: analysis.availability.map(|a| (1.0 - a) * 525_600.0),
        latency: analysis.latency,
        max_scale: load.and_then(|l| l.max_scale),
        bottleneck: load
            .and_then(|l| l.bottleneck)
            .map(|b| design.blocks[b].id.clone()),
        availability_method: analysis.availability_method,
        availability_interval: analysis.availability_interval,
        storage_bytes: cap.total_storage,
        cost_month: cap.total_cost,
        cost_per_million_requests: cap.cost_per_million_requests,
        entries,
        blocks,
        links,
        scenarios: Vec::new(),
        importance,
        findings,
        budget: analysis.budget.clone(),
    };
    if options.scenarios {
        let list = scenarios::scenarios(design, options);
        report = scenarios::with_scenarios(design, report, list);
    }
    report
}
