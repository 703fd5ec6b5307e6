// The evaluation report: reading it from the page once edits have settled,
// asking the native CLI for the same file, and formatting figures the way the
// results panel writes them (src/core/render/units.rs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

export interface Latency {
  mean_ms: number;
  p50_ms: number;
  p99_ms: number;
  p999_ms: number;
}

export interface BlockLoad {
  id: string;
  read_rps: number;
  write_rps: number;
  utilization: number | null;
  utilization_one_down: number | null;
  availability: number;
}

export interface Finding {
  rule: string;
  severity: string;
  blocks: string[];
  links: string[];
  message: string;
}

export interface Report {
  availability: number | null;
  latency: Latency | null;
  max_scale: number | null;
  bottleneck: string | null;
  entries: { block: string; rps: number; availability: number; latency: Latency | null }[];
  blocks: BlockLoad[];
  findings: Finding[];
  [field: string]: unknown;
}

/** The report for what is on screen, once no edit is waiting to be evaluated. */
export async function settledReport(page: Page): Promise<Report> {
  await expect
    .poll(() => page.evaluate(() => (window as any).envelope?.pending?.() ?? 'missing'))
    .toBe('false');
  // The report's JSON writer comes with the panels' module.
  await page.waitForFunction(() => typeof (window as any).envelope?.report === 'function');
  const text = await page.evaluate(() => (window as any).envelope.report() as string);
  return JSON.parse(text) as Report;
}

/** Poll the settled report until `check` holds for it; returns that report. */
export async function reportWhere(page: Page, check: (r: Report) => boolean): Promise<Report> {
  let last: Report | undefined;
  await expect
    .poll(async () => {
      last = await settledReport(page);
      return check(last);
    })
    .toBe(true);
  return last!;
}

/** The native CLI, built by `cargo test` / `cargo build --bin envelope`. */
export const CLI = resolve(__dirname, '../../../target/debug/envelope');

/** Skip the calling test (with the reason) when the CLI has not been built. */
export function requireCli(): void {
  test.skip(
    !existsSync(CLI),
    `${CLI} is missing: run \`cargo build --bin envelope\` (or \`cargo test\`) at the repository root first`,
  );
}

/** `envelope eval FILE --json [--scale N] [--fail IDS]`, parsed. */
export function cliEval(file: string, opts: { scale?: number; fail?: string[] } = {}): Report {
  const args = ['eval', file, '--json'];
  if (opts.scale !== undefined) args.push('--scale', String(opts.scale));
  if (opts.fail?.length) args.push('--fail', opts.fail.join(','));
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8' })) as Report;
}

/** Write a design to a fresh temporary file (for the CLI) and return its path. */
export function tempDesignFile(d: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'envelope-e2e-'));
  const file = join(dir, 'design.json');
  writeFileSync(file, JSON.stringify(d));
  return file;
}

// ---- formatting, as src/core/render/units.rs --------------------------------

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** `0.99943` → `"99.943%"`. */
export function percent(a: number): string {
  if (a >= 1) return '100%';
  const lead = Math.max(0, Math.floor(-Math.log10((1 - a) * 100)));
  const places = Math.min(Math.max(lead + 2, 1), 9);
  return trimZeros((a * 100).toFixed(places)) + '%';
}

/** Three significant figures, at most one decimal place for values ≥ 10. */
export function sig(v: number): string {
  if (!Number.isFinite(v)) return '∞';
  const a = Math.abs(v);
  let s: string;
  if (a >= 100) s = v.toFixed(0);
  else if (a >= 10) s = v.toFixed(1);
  else if (a >= 1) s = v.toFixed(2);
  else if (a === 0) s = '0';
  else s = v.toFixed(Math.min(Math.floor(-Math.log10(a)) + 2, 9));
  return trimZeros(s);
}

export function ms(v: number): string {
  return `${sig(v)} ms`;
}
