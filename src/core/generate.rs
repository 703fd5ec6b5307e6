//! Generated designs of realistic shape, for benchmarks and property tests.
//!
//! A design is a few "products", each: users → DNS → CDN → load balancer → API
//! gateway splitting over service tiers; each tier a replicated service with a
//! cache in front of a database shared by neighbouring tiers, some tiers calling
//! a core service, queues feeding workers, an occasional external API; services
//! and databases spread over two zones. The numbers are the catalog's.

use rand::{Rng, SeedableRng};
/// Xoshiro256++ by name: `SmallRng` is another algorithm on 32-bit targets
/// (WebAssembly), and the app must sample what the CLI samples.
use rand_xoshiro::Xoshiro256PlusPlus as SmallRng;

use super::catalog::{new_block, new_link};
use super::model::{Design, Kind, Mode, Op, Route, Zone};

/// A valid design of about `blocks` blocks (exactly, from 1 up), the same for the
/// same `seed`.
pub fn design(blocks: usize, seed: u64) -> Design {
    let mut g = Gen {
        d: Design {
            title: format!("Generated design ({blocks} blocks, seed {seed})"),
            ..Design::default()
        },
        rng: SmallRng::seed_from_u64(seed),
        links: 0,
    };
    let products = ((blocks as f64 / 100.0).sqrt().round() as usize).max(1);
    let per = blocks / products;
    for p in 0..products {
        let budget = if p + 1 == products {
            blocks - per * (products - 1)
        } else {
            per
        };
        g.product(p, budget);
    }
    g.d
}

struct Gen {
    d: Design,
    rng: SmallRng,
    links: usize,
}

impl Gen {
    fn block(&mut self, kind: Kind, id: String, x: f64, y: f64) -> usize {
        self.d.blocks.push(new_block(kind, id, x, y));
        self.d.blocks.len() - 1
    }

    fn link(&mut self, from: usize, to: usize) -> usize {
        self.links += 1;
        let l = new_link(
            &self.d.blocks[from],
            &self.d.blocks[to],
            format!("l{}", self.links),
        );
        self.d.links.push(l);
        self.d.links.len() - 1
    }

    fn product(&mut self, p: usize, budget: usize) {
        if budget == 0 {
            return;
        }
        let start = self.d.blocks.len();
        let left = |g: &Gen| budget - (g.d.blocks.len() - start);
        let y0 = p as f64 * 2000.0;
        let zones = [format!("p{p}-az1"), format!("p{p}-az2")];
        for (i, z) in zones.iter().enumerate() {
            let mut zone = Zone::new(z.clone(), 500.0, y0 + i as f64 * 1000.0, 3000.0, 950.0);
            zone.availability = 0.9999;
            self.d.zones.push(zone);
        }
        let users = self.block(Kind::Client, format!("p{p}-users"), 0.0, y0);
        self.d.blocks[users].rps = self.rng.random_range(1..=5) as f64 * 1000.0;
        let mut front = users;
        let mut x = 150.0;
        for (kind, name, need) in [
            (Kind::Dns, "dns", 4),
            (Kind::Cdn, "cdn", 8),
            (Kind::LoadBalancer, "lb", 2),
            (Kind::ApiGateway, "gw", 6),
        ] {
            if budget < need || left(self) == 0 {
                continue;
            }
            let b = self.block(kind, format!("p{p}-{name}"), x, y0);
            x += 150.0;
            if kind == Kind::LoadBalancer || kind == Kind::ApiGateway {
                self.d.blocks[b].replicas = 2;
            }
            let l = self.link(front, b);
            self.d.links[l].timeout_ms = Some(1000.0);
            front = b;
        }
        self.d.blocks[front].route = Route::Split;
        if budget >= 10 && left(self) > 0 {
            self.block(Kind::Observability, format!("p{p}-obs"), 0.0, y0 + 300.0);
        }
        let mut db = None;
        let mut core = None;
        let mut t = 0;
        while left(self) > 0 {
            let tx = x + 250.0 * (t / 8) as f64;
            let ty = y0 + 110.0 * (t % 8) as f64;
            let zone = zones[t % 2].clone();
            let svc = self.block(Kind::Service, format!("p{p}-svc{t}"), tx, ty);
            self.d.blocks[svc].replicas = self.rng.random_range(2..=4);
            self.d.blocks[svc].zone = Some(zone.clone());
            if front != users {
                let l = self.link(front, svc);
                self.d.links[l].calls = self.rng.random_range(1..=5) as f64;
                self.d.links[l].timeout_ms = Some(500.0);
            }
            if let Some(c) = core.filter(|_| self.rng.random::<f64>() < 0.3) {
                let l = self.link(svc, c);
                self.d.links[l].timeout_ms = Some(300.0);
                self.d.links[l].retries = 2;
                self.d.links[l].backoff = true;
            }
            if left(self) > 0 && (db.is_none() || t % 3 == 0) {
                let kind = [Kind::RelationalDb, Kind::DocumentDb, Kind::KvStore][t / 3 % 3];
                let b = self.block(kind, format!("p{p}-db{t}"), tx + 120.0, ty);
                self.d.blocks[b].replicas = 2;
                self.d.blocks[b].zone = Some(zones[(t + 1) % 2].clone());
                db = Some(b);
            }
            let Some(dbi) = db else { break };
            let reader = if left(self) > 0 {
                let c = self.block(Kind::Cache, format!("p{p}-cache{t}"), tx + 60.0, ty + 40.0);
                self.d.blocks[c].zone = Some(zone);
                self.link(c, dbi);
                c
            } else {
                dbi
            };
            let l = self.link(svc, reader);
            self.d.links[l].timeout_ms = Some(100.0);
            let w = self.link(svc, dbi);
            self.d.links[w].op = Op::Write;
            self.d.links[w].calls = 0.1;
            self.d.links[w].timeout_ms = Some(200.0);
            if t % 4 == 3 && left(self) >= 2 {
                let q = self.block(Kind::Queue, format!("p{p}-queue{t}"), tx, ty + 60.0);
                self.d.blocks[q].dead_letter = true;
                let wk = self.block(
                    Kind::Worker,
                    format!("p{p}-worker{t}"),
                    tx + 60.0,
                    ty + 80.0,
                );
                self.d.blocks[wk].replicas = 4;
                let l = self.link(svc, q);
                self.d.links[l].op = Op::Write;
                self.d.links[l].calls = 0.2;
                self.link(q, wk);
                let l = self.link(wk, dbi);
                self.d.links[l].op = Op::Write;
                self.d.links[l].mode = Mode::Async;
            }
            if t % 7 == 5 && left(self) > 0 {
                let e = self.block(Kind::ExternalApi, format!("p{p}-ext{t}"), tx + 180.0, ty);
                let l = self.link(svc, e);
                self.d.links[l].calls = 0.5;
                self.d.links[l].latency_ms = 20.0;
                self.d.links[l].timeout_ms = Some(2000.0);
            }
            if core.is_none() {
                core = Some(svc);
            }
            t += 1;
        }
    }
}
