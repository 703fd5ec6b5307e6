// Generated designs of a realistic shape for the benchmark: users in front of
// groups of tiers (load balancer → services → cache → database, plus a queue and
// workers), laid out on a grid. Valid per format.md §1.

const GROUP = [
  // [suffix, kind, dx, dy, numbers]
  ['lb', 'load_balancer', 0, 160, { replicas: 2, availability: 0.9999, latency_ms: 1, p99_ms: 5, capacity_rps: 10000, route: 'failover' }],
  ['svc1', 'service', 220, 0, { replicas: 3, availability: 0.9995, latency_ms: 20, p99_ms: 50, capacity_rps: 10000 }],
  ['svc2', 'service', 220, 80, { replicas: 3, availability: 0.9995, latency_ms: 20, p99_ms: 50, capacity_rps: 10000 }],
  ['svc3', 'service', 220, 160, { replicas: 3, availability: 0.9995, latency_ms: 20, p99_ms: 50, capacity_rps: 10000 }],
  ['svc4', 'service', 220, 240, { replicas: 3, availability: 0.9995, latency_ms: 20, p99_ms: 50, capacity_rps: 10000 }],
  ['cache', 'cache', 440, 80, { availability: 0.9999, latency_ms: 0.5, p99_ms: 2, capacity_rps: 100000, hit_ratio: 0.9, ttl_s: 300 }],
  ['db', 'relational_db', 660, 80, { replicas: 3, availability: 0.9995, latency_ms: 5, p99_ms: 25, capacity_rps: 50000, write_capacity_rps: 5000, single_writer: true }],
  ['queue', 'queue', 440, 240, { availability: 0.9999, latency_ms: 5, p99_ms: 20, capacity_rps: 10000 }],
  ['worker', 'worker', 660, 240, { replicas: 2, availability: 0.9995, latency_ms: 100, p99_ms: 500, capacity_rps: 100 }],
  ['search', 'search_index', 660, 320, { availability: 0.999, latency_ms: 20, p99_ms: 100, capacity_rps: 5000 }],
];

/** A design of exactly `n` blocks (n ≥ 2): one client and tier groups behind it. */
export function generate(n) {
  const blocks = [{ id: 'users', kind: 'client', label: 'Users', x: -300, y: 0, rps: 20000 }];
  const links = [];
  const cols = Math.max(1, Math.ceil(Math.sqrt((n - 1) / GROUP.length)));
  let g = 0;
  let link = 0;
  const addLink = (from, to, extra = {}) => links.push({ id: `l${++link}`, from, to, latency_ms: 0.5, ...extra });
  while (blocks.length < n) {
    const ox = (g % cols) * 900;
    const oy = Math.floor(g / cols) * 440;
    const id = (s) => `g${g}_${s}`;
    const members = GROUP.slice(0, n - blocks.length);
    for (const [s, kind, dx, dy, numbers] of members) {
      blocks.push({ id: id(s), kind, label: `${s} ${g}`, x: ox + dx, y: oy + dy, ...numbers });
    }
    const has = (s) => members.some((m) => m[0] === s);
    if (has('lb')) addLink('users', id('lb'), { latency_ms: 30, calls: 1 / Math.max(1, Math.ceil((n - 1) / GROUP.length)) });
    for (const svc of ['svc1', 'svc2', 'svc3', 'svc4']) {
      if (!has(svc)) continue;
      if (has('lb')) addLink(id('lb'), id(svc), { calls: 0.25 });
      if (has('cache')) addLink(id(svc), id('cache'));
      if (has('db')) addLink(id(svc), id('db'), { op: 'write', calls: 0.1 });
      if (has('queue')) addLink(id(svc), id('queue'), { mode: 'async', op: 'write', calls: 0.05 });
    }
    if (has('cache') && has('db')) addLink(id('cache'), id('db'));
    if (has('queue') && has('worker')) addLink(id('queue'), id('worker'), { mode: 'async' });
    if (has('worker') && has('search')) addLink(id('worker'), id('search'), { op: 'write' });
    g++;
  }
  return { format: 'envelope/design', version: 1, title: `Generated, ${n} blocks`, blocks, links };
}
