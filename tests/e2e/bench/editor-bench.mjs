#!/usr/bin/env node
// Browser benchmark of the canvas editor (not part of the test suite).
//
//   python3 -m http.server 8203 --bind 127.0.0.1 --directory dist &
//   cd tests/e2e && BASE_URL=http://127.0.0.1:8203/ node bench/editor-bench.mjs [sizes…]
//
// Opens generated designs through a `#v1=` share link and measures, in Debian's
// chromium: time to first render (navigation start → every block in the DOM),
// the work per frame while dragging a block and while panning (pointer event →
// the frame after it is rendered, one move per frame), the rAF intervals of a
// continuous drag, the JS heap and wasm memory, and the bundle's size. Prints a
// Markdown table.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, deflateRawSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', '..', 'dist');
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8203/';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const SIZES = sizes.length ? sizes : [100, 1000, 5000];
const MOVES = 60;
// First render is measured over this many loads, each in a fresh browser context
// (no cache): one load on a shared 2-core machine varies by ±100 ms.
const LOADS = 7;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const kb = (bytes) => (bytes / 1024).toFixed(0);

function fragment(design) {
  return '#v1=' + deflateRawSync(Buffer.from(JSON.stringify(design))).toString('base64url');
}

// In the page: time each pointermove from its dispatch to the end of the frame
// that renders it (after rAF, a message runs once that frame's work is done).
const PROBE = () => {
  window.__bench = { moves: [], rafs: [], raf: false, firstRender: null };
  // Time to first render: checked at every frame from the page's very start (in
  // the page, so the check never waits for the test driver), the first frame
  // whose DOM holds every block the canvas draws: all of them when the fitted view
  // shows the whole design; a large design is drawn only near the view, and as
  // plain boxes when zoomed out (see src/core/culling.rs). "one plain" counts the
  // blocks drawn one by one and those drawn as boxes of the plain paths.
  const drawnComplete = () => {
    const [one, plain] = String(window.envelope?.drawn?.() ?? '0 0').split(' ').map(Number);
    if (one + plain === 0 || document.querySelectorAll('g.block').length !== one) return false;
    let boxes = 0;
    for (const p of document.querySelectorAll('path.plain-block')) boxes += (p.getAttribute('d') ?? '').split('M').length - 1;
    return boxes === plain;
  };
  const frame = () => {
    if (drawnComplete()) window.__bench.firstRender = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  addEventListener(
    'pointermove',
    () => {
      const t0 = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__bench.moves.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    },
    { capture: true },
  );
  addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm));
};

async function afterFrame(page) {
  await page.evaluate(
    () =>
      new Promise((r) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => r();
          ch.port2.postMessage(0);
        }),
      ),
  );
}

/** One pointer move per frame from `from`, `MOVES` times by (dx, dy). Returns per-move ms. */
async function stepDrag(page, from, dx, dy) {
  await page.evaluate(() => (window.__bench.moves = []));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const trips = [];
  for (let i = 1; i <= MOVES; i++) {
    const t = performance.now();
    await page.mouse.move(from.x + dx * i, from.y + dy * i);
    await afterFrame(page);
    trips.push(performance.now() - t);
  }
  await page.mouse.up();
  await afterFrame(page);
  const moves = await page.evaluate(() => window.__bench.moves.slice(1));
  return { moves, trips };
}

/** rAF intervals while the pointer moves continuously (as fast as input arrives). */
async function rafDuringDrag(page, from, dx, dy) {
  await page.evaluate(() => {
    const b = window.__bench;
    b.rafs = [];
    b.raf = true;
    let last = null;
    const tick = (t) => {
      if (last !== null) b.rafs.push(t - last);
      last = t;
      if (b.raf) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx * MOVES, from.y + dy * MOVES, { steps: MOVES });
  await page.mouse.up();
  await afterFrame(page);
  return page.evaluate(() => {
    window.__bench.raf = false;
    return window.__bench.rafs;
  });
}

/** First render of `url` over LOADS fresh loads: sorted times, and after the wasm arrived. */
async function firstRenders(browser, url) {
  const total = [];
  const afterWasm = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url, { waitUntil: 'commit' });
    const t = await (
      await page.waitForFunction(() => window.__bench.firstRender ?? false, null, { polling: 100, timeout: 120_000 })
    ).jsonValue();
    const wasm = await page.evaluate(
      () => performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'))?.responseEnd ?? NaN,
    );
    total.push(t);
    afterWasm.push(t - wasm);
    await context.close();
  }
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  return { total: sorted(total), afterWasm: sorted(afterWasm) };
}

async function measure(browser, n) {
  const design = generate(n);
  const url = base + fragment(design);
  // First, with nothing else open in the browser.
  const renders = await firstRenders(browser, url);
  process.stderr.write(`  first render ${renders.total.map((t) => t.toFixed(0)).join(', ')} ms\n`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.on('crash', () => process.stderr.write(`  the page crashed (${n} blocks)\n`));
  page.on('pageerror', (e) => process.stderr.write(`  page error: ${e.message}\n`));
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'commit' });
  // The page used for the interactions below is open once its drawing is complete.
  await page.waitForFunction(() => window.__bench.firstRender ?? false, null, { polling: 100, timeout: 120_000 });
  const drawnAtFirst = await page.evaluate(() => {
    const [one, plain] = window.envelope.drawn().split(' ').map(Number);
    return one + plain;
  });

  // Zoom to 100% at the centre so drags move real screen distances.
  await page.getByRole('button', { name: /^\d+% zoom, reset to 100%$/ }).click();
  // Frames are measured once the opened design's first evaluation is done (it is
  // one main-thread task, counted in "open → first report" by eval-bench.mjs).
  await page.waitForFunction(() => window.envelope.pending() === 'false', null, { timeout: 120_000 });
  await page.waitForTimeout(300);
  const canvas = await page.getByRole('application', { name: 'Design canvas' }).boundingBox();
  const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  // The block nearest the centre of the view.
  const target = await page.evaluate(({ x, y }) => {
    let best = null;
    let bestD = Infinity;
    for (const g of document.querySelectorAll('g.block')) {
      const r = g.querySelector('rect.block-body').getBoundingClientRect();
      const d = Math.hypot(r.x + r.width / 2 - x, r.y + r.height / 2 - y);
      if (d < bestD) {
        bestD = d;
        best = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
    }
    return best;
  }, centre);


  // Where the drag's time goes, from Chrome's own counters (seconds → ms per move).
  const perf = await context.newCDPSession(page);
  await perf.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await perf.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const m0 = await metrics();
  const drag = await stepDrag(page, target, 3, 1);
  const m1 = await metrics();
  const per = (k) => ((m1[k] - m0[k]) * 1000) / MOVES;
  const breakdown = { script: per('ScriptDuration'), style: per('RecalcStyleDuration'), layout: per('LayoutDuration'), task: per('TaskDuration') };
  process.stderr.write(`  per move: script ${breakdown.script.toFixed(1)} ms, style ${breakdown.style.toFixed(1)}, layout ${breakdown.layout.toFixed(1)}, all tasks ${breakdown.task.toFixed(1)}\n`);
  process.stderr.write(`  drag p95 ${pct(drag.moves, 95).toFixed(1)} ms\n`);
  const dragRaf = await rafDuringDrag(page, { x: target.x + 180, y: target.y + 60 }, -3, -1);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');

  // Pan: drag on empty space (the top-left corner of the canvas; the view is
  // centred on a block so the corner is between tiers or beyond them).
  const empty = await page.evaluate(({ x, y, w, h }) => {
    for (let i = 0; i < 200; i++) {
      const px = x + 10 + Math.random() * (w - 20);
      const py = y + 10 + Math.random() * (h - 20);
      const el = document.elementFromPoint(px, py);
      if (el && el.classList.contains('canvas-bg')) return { x: px, y: py };
    }
    return null;
  }, { x: canvas.x, y: canvas.y, w: canvas.width * 0.5, h: canvas.height * 0.5 });
  const pan = empty ? await stepDrag(page, empty, 4, 2) : { moves: [], trips: [] };

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasmMem = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? NaN);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const undoOk = await page.evaluate(() => JSON.parse(window.envelope.document()).blocks.length);
  await context.close();
  return {
    n,
    links: design.links.length,
    urlKb: url.length / 1024,
    renders,
    drawnAtFirst,
    drag,
    breakdown,
    dragRaf,
    pan,
    heap: heap.usedSize,
    wasmMem,
    nodes,
    ok: undoOk === n,
  };
}

function bundle() {
  const files = readdirSync(dist);
  const one = (test) => {
    const f = files.find(test);
    if (!f) return { raw: NaN, gz: NaN };
    const bytes = readFileSync(join(dist, f));
    return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  };
  return {
    // The first module: what the page needs to draw the design.
    wasm: one((f) => f.endsWith('_bg.wasm')),
    js: one((f) => f.startsWith('envelope-web-') && f.endsWith('.js')),
    // The panels' module (.ci/split.sh), fetched once the canvas has drawn.
    panels: one((f) => f.startsWith('split_') && f.endsWith('.wasm')),
  };
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const rows = [];
for (const n of SIZES) {
  process.stderr.write(`measuring ${n} blocks…\n`);
  try {
    rows.push(await measure(browser, n));
  } catch (e) {
    process.stderr.write(`  failed: ${e.message.split('\n')[0]}\n`);
    rows.push({ n, failed: e.message.split('\n')[0] });
  }
}
await browser.close();

const b = bundle();
console.log(`\n### Envelope editor benchmark (${new Date().toISOString().slice(0, 10)}, Debian chromium headless, software rendering, 1280×720)\n`);
console.log('| blocks | links | link size | first render | of which after the wasm arrived | drag: move→frame p50 / p95 | drag: rAF interval p50 / p95 | drag: round trip p50 / p95 | pan: move→frame p50 / p95 | JS heap | wasm memory | DOM nodes |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  if (r.failed) {
    console.log(`| ${r.n.toLocaleString('en')} | – | – | failed: ${r.failed} | | | | | | | | |`);
    continue;
  }
  console.log(
    `| ${r.n.toLocaleString('en')} | ${r.links.toLocaleString('en')} | ${r.urlKb.toFixed(0)} KB | ${ms(pct(r.renders.total, 50))} ms (${ms(r.renders.total[0])}–${ms(r.renders.total.at(-1))}; ${r.drawnAtFirst.toLocaleString('en')} drawn) | ${ms(pct(r.renders.afterWasm, 50))} ms ` +
      `| ${ms(pct(r.drag.moves, 50))} / ${ms(pct(r.drag.moves, 95))} ms ` +
      `| ${ms(pct(r.dragRaf, 50))} / ${ms(pct(r.dragRaf, 95))} ms ` +
      `| ${ms(pct(r.drag.trips, 50))} / ${ms(pct(r.drag.trips, 95))} ms ` +
      `| ${ms(pct(r.pan.moves, 50))} / ${ms(pct(r.pan.moves, 95))} ms ` +
      `| ${mb(r.heap)} MB | ${mb(r.wasmMem)} MB | ${r.nodes.toLocaleString('en')} |`,
  );
}
console.log('\nWhere a drag move\'s time goes (Chrome Performance.getMetrics, main thread, ms per move):\n');
console.log('| blocks | script (wasm + JS) | style recalc | layout | all main-thread tasks |');
console.log('|---:|---:|---:|---:|---:|');
for (const r of rows) {
  if (r.failed) continue;
  const b = r.breakdown;
  console.log(`| ${r.n.toLocaleString('en')} | ${ms(b.script)} | ${ms(b.style)} | ${ms(b.layout)} | ${ms(b.task)} |`);
}
console.log(
  `\nBundle: first wasm module ${kb(b.wasm.raw)} KB raw / **${kb(b.wasm.gz)} KB gzip**; JS glue ${kb(b.js.raw)} KB raw / ${kb(b.js.gz)} KB gzip; ` +
    `panels' module (after the first frame) ${kb(b.panels.raw)} KB raw / ${kb(b.panels.gz)} KB gzip; ` +
    `total gzip ${kb(b.wasm.gz + b.js.gz + b.panels.gz)} KB.`,
);
console.log(
  `\nFirst render: the median (min–max) of ${LOADS} loads, each in a fresh context: navigation start → the first frame with every block the canvas draws in the DOM (includes fetching and compiling the wasm, ` +
    'inflating and validating the link); "after the wasm arrived" starts at the end of the .wasm download (compiling, starting, opening the link, drawing). move→frame: one pointermove → the end of the frame that renders it, one move per frame. ' +
    'rAF interval: frame-to-frame time during a continuous drag (60 Hz = 16.7 ms). Round trip: Playwright mouse.move plus one frame, as the test driver sees it.',
);
for (const r of rows) if (!r.failed && !r.ok) console.log(`\nWarning: the ${r.n}-block design did not come back to ${r.n} blocks after undo.`);
