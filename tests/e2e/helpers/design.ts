// Designs for the tests: small builders, the share-link encoding (format.md §2),
// and reading the open document back through `window.envelope.document()`.
import { deflateRawSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';

export interface Block {
  id: string;
  kind: string;
  x: number;
  y: number;
  label?: string;
  zone?: string;
  [field: string]: unknown;
}

export interface Link {
  id: string;
  from: string;
  to: string;
  [field: string]: unknown;
}

export interface Zone {
  id: string;
  label?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  availability?: number;
}

export interface Sticky {
  id: string;
  text: string;
  x: number;
  y: number;
}

export interface Design {
  format: 'envelope/design';
  version: 1;
  title?: string;
  notes?: string;
  blocks: Block[];
  links: Link[];
  zones?: Zone[];
  stickies?: Sticky[];
  [field: string]: unknown;
}

/** A design document with the given parts. */
export function design(parts: Partial<Omit<Design, 'format' | 'version'>> = {}): Design {
  return { format: 'envelope/design', version: 1, blocks: [], links: [], ...parts };
}

/** The `#v1=` fragment that carries `d` (raw DEFLATE, base64url without padding). */
export function shareFragment(d: object): string {
  return '#v1=' + deflateRawSync(Buffer.from(JSON.stringify(d))).toString('base64url');
}

/** Open the editor with `d` loaded through a share link, and wait until every block is drawn. */
export async function openDesign(page: Page, d: Design): Promise<void> {
  await page.goto('/' + shareFragment(d));
  await expect(page.getByRole('application', { name: 'Design canvas' })).toBeVisible();
  await expect(page.locator('g.block')).toHaveCount(d.blocks.length);
  await expect(page.locator('g.link')).toHaveCount(d.links.length);
  await panelsLoaded(page);
}

/**
 * Wait for the panels' wasm module: the canvas draws before it arrives, the
 * toolbar, inspector and keyboard shortcuts come with it.
 */
export async function panelsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as any).envelope?.ready === 'function');
}

/** Open the editor with an empty design. */
export async function openEmpty(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('application', { name: 'Design canvas' })).toBeVisible();
  await page.waitForFunction(() => typeof (window as any).envelope?.document === 'function');
  await panelsLoaded(page);
}

/** The open design as the app would save it. */
export async function savedDocument(page: Page): Promise<Design> {
  const text = await page.evaluate(() => (window as any).envelope.document() as string);
  return JSON.parse(text) as Design;
}

/** A block of the saved document by id (fails the test when it is missing). */
export async function savedBlock(page: Page, id: string): Promise<Block> {
  const d = await savedDocument(page);
  const b = d.blocks.find((b) => b.id === id);
  expect(b, `block ${id} in the document`).toBeDefined();
  return b!;
}

/** Users → Load balancer → Service: a small design most specs start from. */
export function threeTier(): Design {
  return design({
    title: 'Three tiers',
    blocks: [
      { id: 'users', kind: 'client', label: 'Users', x: 100, y: 200, rps: 1000 },
      {
        id: 'lb',
        kind: 'load_balancer',
        label: 'LB',
        x: 350,
        y: 200,
        availability: 0.9999,
        latency_ms: 1,
        p99_ms: 5,
        capacity_rps: 10000,
        route: 'failover',
      },
      {
        id: 'api',
        kind: 'service',
        label: 'API',
        x: 600,
        y: 200,
        availability: 0.9995,
        latency_ms: 20,
        p99_ms: 50,
        capacity_rps: 10000,
      },
    ],
    links: [
      { id: 'l1', from: 'users', to: 'lb', latency_ms: 30 },
      { id: 'l2', from: 'lb', to: 'api', latency_ms: 0.5 },
    ],
  });
}
