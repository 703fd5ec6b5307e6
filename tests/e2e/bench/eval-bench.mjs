#!/usr/bin/env node
// Browser benchmark of live evaluation (not part of the test suite).
//
//   python3 -m http.server 8205 --bind 127.0.0.1 --directory dist &
//   cd tests/e2e && BASE_URL=http://127.0.0.1:8205/ node bench/eval-bench.mjs [sizes…]
//
// Opens generated designs (generate.mjs) through a `#v1=` share link and
// measures, in the page with performance.now():
// - edit → report: a capacity typed into the inspector and committed with
//   Enter, until `envelope.pending()` is "false" again and `envelope.report()`
//   returns (the report is computed lazily, so reading it is part of the time),
//   and until the next frame is painted;
// - a keyboard nudge (arrow key on a selected block) → report, the same way;
// - the longest main-thread task ('longtask' entries) while typing values into
//   a field with Enter after each, while dragging a block, and while moving the
//   traffic slider.
// Prints a Markdown table.
import { deflateRawSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { generate } from './generate.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8205/';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
// SCENARIOS=10: the design carries that many saved scenarios (issue 15), so an
// edit's report is done once every scenario row is evaluated again.
const SCENARIOS = Number(process.env.SCENARIOS ?? 0);
const SIZES = sizes.length ? sizes : [100, 1000, 5000];
// Fewer repetitions for the largest designs, where one evaluation takes seconds.
const edits = (n) => (n >= 5000 ? 2 : 5);
const TARGET = 'g0_svc1';

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const max = (xs) => (xs.length ? Math.max(...xs) : 0);

function fragment(design) {
  return '#v1=' + deflateRawSync(Buffer.from(JSON.stringify(design))).toString('base64url');
}

// Installed before the app starts: long tasks, collected from the first one; and
// the time the first report is ready (navigation start → the first evaluation
// done and its report read), polled in the page between tasks, so it never
// waits for the test driver.
const PROBE = () => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let saw = false;
  const poll = () => {
    const p = window.envelope?.pending?.();
    if (p === 'true') saw = true;
    if (saw && p === 'false' && typeof window.envelope?.report === 'function') {
      window.envelope.report();
      window.__firstReport = performance.now();
    } else setTimeout(poll, 2);
  };
  setTimeout(poll, 0);
};

// In the page: run `edit()` (sync), then wait until an evaluation has been
// scheduled and finished, read the report, and wait for the next painted frame.
const TIMED = async (kind) => {
  const env = window.envelope;
  const sleep = () => new Promise((r) => setTimeout(r, 0));
  const t0 = performance.now();
  if (kind === 'field') {
    const input = document.getElementById('insp-capacity');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  } else {
    document.activeElement.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }),
    );
  }
  let saw = false;
  for (;;) {
    const p = env.pending();
    if (p === 'true') saw = true;
    else if (saw) break;
    if (!saw && performance.now() - t0 > 2000) return { report: NaN, paint: NaN, note: 'no evaluation scheduled' };
    if (performance.now() - t0 > 120000) return { report: NaN, paint: NaN, note: 'timeout' };
    await sleep();
  }
  const text = env.report();
  const t1 = performance.now();
  await new Promise((r) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    }),
  );
  return { report: t1 - t0, paint: performance.now() - t0, bytes: text.length };
};

async function longest(page, since) {
  return page.evaluate((t) => Math.max(0, ...window.__long.filter((e) => e.start >= t).map((e) => e.duration)), since);
}

async function settle(page) {
  await page.waitForFunction(() => window.envelope?.pending?.() === 'false', null, { timeout: 120_000 });
  await page.evaluate(() => window.envelope.report().length);
}

async function measure(browser, n) {
  const design = generate(n);
  design.scenarios = Array.from({ length: SCENARIOS }, (_, i) => ({
    id: `s${i}`,
    name: `scenario ${i}`,
    scale: 1 + i * 0.5,
    fail: [design.blocks[(i * 7 + 3) % design.blocks.length].id],
  }));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  // One evaluation of 5,000 blocks keeps the main thread busy for many seconds.
  page.setDefaultTimeout(300_000);
  page.on('pageerror', (e) => process.stderr.write(`  page error: ${e.message}\n`));
  await page.addInitScript(PROBE);
  await page.goto(base + fragment(design), { waitUntil: 'commit' });
  // Drawn: every block the canvas means to draw is there (one by one, or as the
  // boxes of the plain paths of a large design seen from far away).
  await page.waitForFunction(
    () => {
      const [one, plain] = String(window.envelope?.drawn?.() ?? '0 0').split(' ').map(Number);
      let boxes = 0;
      for (const p of document.querySelectorAll('path.plain-block')) boxes += (p.getAttribute('d') ?? '').split('M').length - 1;
      return one + plain > 0 && document.querySelectorAll('g.block').length === one && boxes === plain;
    },
    null,
    { timeout: 120_000 },
  );
  const firstReport = await (
    await page.waitForFunction(() => window.__firstReport ?? false, null, { polling: 100, timeout: 300_000 })
  ).jsonValue();
  await settle(page);

  // Select the block from the keyboard: focus it, Enter moves focus to the inspector.
  // A large design opens zoomed out and plain: a click on its box draws it first.
  const block = page.locator(`g.block[data-id="${TARGET}"]`);
  const where = (id) =>
    page.evaluate((id) => {
      const b = JSON.parse(window.envelope.document()).blocks.find((b) => b.id === id);
      const t = document.querySelector('g.world').getAttribute('transform');
      const [, x, y, z] = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)\s*scale\(([-\d.e]+)\)/.exec(t).map(Number);
      const c = document.querySelector('svg.canvas').getBoundingClientRect();
      return { x: c.x + x + b.x * z, y: c.y + y + b.y * z, mid: { x: c.x + c.width / 2, y: c.y + c.height / 2 } };
    }, id);
  if ((await block.count()) === 0) {
    // Bring it to the middle of the canvas with the wheel (a pan), then click it.
    const at = await where(TARGET);
    await page.mouse.move(at.mid.x, at.mid.y);
    await page.mouse.wheel(at.x - at.mid.x, at.y - at.mid.y);
    await page.waitForTimeout(100);
    const now = await where(TARGET);
    await page.mouse.click(now.x, now.y);
  }
  await block.focus();
  await page.keyboard.press('Enter');
  const capacity = page.locator('#insp-capacity');
  await capacity.waitFor();

  // edit → report, through the inspector's capacity field.
  const field = [];
  for (let i = 0; i < edits(n); i++) {
    await capacity.fill(String(9000 + i * 100));
    field.push(await page.evaluate(TIMED, 'field'));
    await settle(page);
  }

  // edit → report, keyboard nudge of the selected block.
  await block.focus();
  const nudge = [];
  for (let i = 0; i < edits(n); i++) {
    nudge.push(await page.evaluate(TIMED, 'nudge'));
    await settle(page);
  }

  // Longest task while typing: digits, Enter after each value, at typing speed.
  await capacity.focus();
  let since = await page.evaluate(() => performance.now());
  for (let i = 0; i < edits(n); i++) {
    await capacity.fill('');
    await capacity.pressSequentially(String(8000 + i * 37), { delay: 40 });
    await capacity.press('Enter');
  }
  await settle(page);
  const typingLong = await longest(page, since);

  // Longest task while dragging the block nearest the centre of the view 40
  // moves, one per ~16 ms, then until the evaluation after it is done.
  await page.getByRole('button', { name: /^\d+% zoom, reset to 100%$/ }).click();
  const canvas = await page.getByRole('application', { name: 'Design canvas' }).boundingBox();
  const from = await page.evaluate(({ x, y }) => {
    let best = null;
    let bestD = Infinity;
    for (const g of document.querySelectorAll('g.block')) {
      const r = g.querySelector('rect.block-body').getBoundingClientRect();
      const d = Math.hypot(r.x + r.width / 2 - x, r.y + r.height / 2 - y);
      if (d < bestD) {
        bestD = d;
        best = { x: r.x + r.width / 2, y: r.y + r.height / 2, id: g.dataset.id };
      }
    }
    return best;
  }, { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 });
  const before = await page.evaluate((id) => JSON.parse(window.envelope.document()).blocks.find((b) => b.id === id).x, from.id);
  since = await page.evaluate(() => performance.now());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    await page.mouse.move(from.x + 3 * i, from.y + i);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await settle(page);
  const after = await page.evaluate((id) => JSON.parse(window.envelope.document()).blocks.find((b) => b.id === id).x, from.id);
  const dragLong = after !== before ? await longest(page, since) : NaN;
  if (after === before) process.stderr.write('  the drag did not move the block\n');
  // Longest task while moving the traffic slider 20 steps with the keyboard,
  // one per ~30 ms, then until the evaluation after it is done.
  const slider = page.getByRole('slider', { name: 'Traffic multiplier slider' });
  since = await page.evaluate(() => performance.now());
  await slider.focus();
  for (let i = 0; i < 20; i++) {
    await slider.press('ArrowRight');
    await page.waitForTimeout(30);
  }
  await settle(page);
  const sliderLong = await longest(page, since);
  const bytes = field.find((f) => f.bytes)?.bytes ?? NaN;
  await context.close();
  return { n, links: design.links.length, firstReport, field, nudge, typingLong, dragLong, sliderLong, bytes };
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

console.log(
  `\n### Envelope live evaluation benchmark (${new Date().toISOString().slice(0, 10)}, Debian chromium headless, 1280×720, 5 edits each (2 at 5,000 blocks), median / max)\n`,
);
console.log(
  '| blocks | links | report JSON | open → first report | field edit → report | field edit → painted | nudge → report | nudge → painted | longest task typing | longest task dragging | longest task on the traffic slider |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  if (r.failed) {
    console.log(`| ${r.n.toLocaleString('en')} | – | – | failed: ${r.failed} | | | | | | |`);
    continue;
  }
  const col = (xs, k) => `${fmt(median(xs.map((x) => x[k])))} / ${fmt(max(xs.map((x) => x[k]).filter(Number.isFinite)))} ms`;
  console.log(
    `| ${r.n.toLocaleString('en')} | ${r.links.toLocaleString('en')} | ${fmt(r.bytes / 1024)} KB | ${fmt(r.firstReport)} ms ` +
      `| ${col(r.field, 'report')} | ${col(r.field, 'paint')} | ${col(r.nudge, 'report')} | ${col(r.nudge, 'paint')} ` +
      `| ${fmt(r.typingLong)} ms | ${fmt(r.dragLong)} ms | ${fmt(r.sliderLong)} ms |`,
  );
}
const notes = rows.flatMap((r) => [...(r.field ?? []), ...(r.nudge ?? [])].filter((x) => x.note).map((x) => `${r.n}: ${x.note}`));
if (notes.length) console.log(`\nNotes: ${[...new Set(notes)].join('; ')}`);
console.log(
  '\nOpen → first report: navigation start → the first evaluation done and its report read (in the page). Edit → report: from dispatching the edit (Enter in the field, ArrowRight on the block) until `pending()` is false and `report()` has returned; the app waits 16 ms (a frame) after the last change before evaluating, so that is included. Painted: until the frame after that has rendered.',
);
