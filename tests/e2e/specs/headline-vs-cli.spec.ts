// The headline figures the results panel shows are the CLI's `eval --json` for
// the same file: the same core, the same seed, the same numbers.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDesign, type Design } from '../helpers/design';
import { cliEval, ms, percent, requireCli, settledReport, sig } from '../helpers/report';
import { EditorPage } from '../pages/editor';

const root = resolve(__dirname, '../../..');
const examples = join(root, 'tests/fixtures/spec-examples');
const templates = join(root, 'public/templates');
const files = [
  ...readdirSync(examples)
    // The numbered seed examples (the templates there are copies of public/templates).
    .filter((f) => /^\d+_.*\.json$/.test(f) && !f.endsWith('.report.json'))
    .map((f) => join(examples, f)),
  ...readdirSync(templates)
    .filter((f) => f.endsWith('.envelope.json'))
    .map((f) => join(templates, f)),
];

/** |a − b| within `rel` of b. */
function near(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.abs(b);
}

test.describe('headline figures equal the CLI', () => {
  for (const file of files) {
    const name = file.slice(root.length + 1);
    test(name, async ({ page }) => {
      requireCli();
      const cli = cliEval(file);
      await openDesign(page, JSON.parse(readFileSync(file, 'utf8')) as Design);
      const ed = new EditorPage(page);
      const web = await settledReport(page);

      expect(web.availability, 'availability').toBe(cli.availability);
      expect(web.max_scale, 'max_scale').toBe(cli.max_scale);
      expect(web.bottleneck, 'bottleneck').toBe(cli.bottleneck);
      expect(web.blocks, 'per-block loads').toEqual(cli.blocks);
      expect(web.latency === null).toBe(cli.latency === null);
      if (web.latency && cli.latency) {
        // evaluation.md §3 allows 2% (p50, p99) and, here, 5% for p999. The
        // sampler is seeded alike, but rand's SmallRng is a different generator
        // on wasm32 (Xoshiro128++) than on x86-64 (Xoshiro256++), so the
        // samples are not the same ones: see the annotation for the gap.
        const gap = (k: 'p50_ms' | 'p99_ms' | 'p999_ms') =>
          `${k} ${web.latency![k].toFixed(2)} vs CLI ${cli.latency![k].toFixed(2)}`;
        test.info().annotations.push({ type: 'latency', description: ['p50_ms', 'p99_ms', 'p999_ms'].map((k) => gap(k as 'p50_ms')).join('; ') });
        expect(near(web.latency.p50_ms, cli.latency.p50_ms, 0.02), gap('p50_ms')).toBe(true);
        expect(near(web.latency.p99_ms, cli.latency.p99_ms, 0.02), gap('p99_ms')).toBe(true);
        expect(near(web.latency.p999_ms, cli.latency.p999_ms, 0.05), gap('p999_ms')).toBe(true);
      }

      // What the panel writes is the report's numbers, formatted.
      await expect(ed.figure('availability')).toHaveText(percent(cli.availability!));
      if (web.latency) {
        await expect(ed.figure('p50')).toHaveText(ms(web.latency.p50_ms));
        await expect(ed.figure('p99')).toHaveText(ms(web.latency.p99_ms));
        await expect(ed.figure('p999')).toHaveText(ms(web.latency.p999_ms));
      }
      if (cli.max_scale !== null) {
        await expect(ed.figure('max_scale')).toContainText(`×${sig(cli.max_scale)}`);
      }
    });
  }
});
