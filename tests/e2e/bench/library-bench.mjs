#!/usr/bin/env node
// Browser benchmark of the library of designs (not part of the test suite).
//
//   python3 -m http.server 8205 --bind 127.0.0.1 --directory dist &
//   cd tests/e2e && BASE_URL=http://127.0.0.1:8205/ node bench/library-bench.mjs [sizes…]
//
// Opens generated designs (generate.mjs) through a `#v1=` share link, waits
// until it is stored, then measures in the page with performance.now():
// - store: the title is changed (nothing selected, the inspector's Title
//   field); the app waits 1 s after the last change, then stores. The time is
//   from the end of that pause until `envelope.stored()` is "true" again;
// - the longest main-thread task ('longtask' entries) from the end of the
//   pause until the store is done (the evaluation of the edit runs before);
// - reopen: a reload, from navigation start until the stored design is open
//   again (`envelope.stored()` "true") and the next frame has started; every
//   block of the design is then checked to be there.
// Prints a Markdown table; median of 3 runs each.
import { deflateRawSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { generate } from './generate.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8205/';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const SIZES = sizes.length ? sizes : [1000, 5000];
const RUNS = 3;
const PAUSE_MS = 1000;

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

// Installed before the app starts: long tasks, and the moment the stored
// design is open again after a load.
const PROBE = () => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    if (window.envelope?.stored?.() === 'true' && document.querySelector('g.world')) {
      // The design is in place: the next frame draws it.
      requestAnimationFrame(() => (window.__reopened = performance.now()));
    } else setTimeout(poll, 2);
  };
  setTimeout(poll, 0);
};

const STORE = async (title) => {
  const input = document.getElementById('insp-title');
  input.value = title;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const t0 = performance.now();
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const start = t0 + 1000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 2));
    const now = performance.now();
    if (now > start && window.envelope.stored() === 'true') {
      const tasks = window.__long.filter((t) => t.start + t.duration > start).map((t) => t.duration);
      return { store: now - start, longest: tasks.length ? Math.max(...tasks) : 0 };
    }
    if (now - t0 > 60000) return { store: NaN, longest: NaN };
  }
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
for (const n of SIZES) {
  const design = generate(n);
  const stores = [];
  const longest = [];
  const reopens = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('envelope.gallery-seen', '1'));
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await page.goto(base + '#v1=' + deflateRawSync(Buffer.from(JSON.stringify(design))).toString('base64url'));
    await page.waitForFunction(() => window.envelope?.stored?.() === 'true' && window.envelope?.pending?.() === 'false', null, { timeout: 120000 });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#insp-title');
    const r = await page.evaluate(STORE, `Benchmark ${run}`);
    stores.push(r.store);
    longest.push(r.longest);
    await page.reload();
    await page.waitForFunction(() => window.__reopened !== undefined, null, { timeout: 120000 });
    const count = await page.evaluate(() => JSON.parse(window.envelope.document()).blocks.length);
    if (count !== design.blocks.length) throw new Error(`reopened ${count} of ${design.blocks.length} blocks`);
    reopens.push(await page.evaluate(() => window.__reopened));
    await context.close();
  }
  rows.push(`| ${n.toLocaleString('en')} | ${fmt(median(stores))} ms | ${fmt(Math.max(...longest))} ms | ${fmt(median(reopens))} ms |`);
  console.error(`${n}: store ${stores.map(fmt)}, longest ${longest.map(fmt)}, reopen ${reopens.map(fmt)}`);
}
await browser.close();
console.log('| blocks | store (after the 1 s pause) | longest task while storing | reload → design open again (next frame) |');
console.log('|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
