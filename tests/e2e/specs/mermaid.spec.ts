// Mermaid in and out (issue 16): paste a diagram onto the canvas, correct the
// kinds guessed in the review, get the design as one undo step; open a .mmd
// file as a new design; copy a design as Mermaid and paste it back; download
// it for Excalidraw and draw.io and read the files back.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openDesign, openEmpty, savedDocument, threeTier } from '../helpers/design';
import { openThroughChooser } from '../helpers/files';
import { EditorPage } from '../pages/editor';

const DIAGRAM = `flowchart LR
  users([Shoppers]) --> lb[Load balancer]
  lb --> api[Checkout API]
  api --> cache[Session cache]
  api --> db[(Orders)]
  api -.-> q[Order queue]
  subgraph az1 [Zone A]
    api
    db
  end
  style api fill:#f9f
`;

async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await new EditorPage(page).canvas.click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+v');
}

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
});

test('paste Mermaid: review the guesses, correct one, get the design in one undo step', async ({ page }) => {
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  await pasteText(page, DIAGRAM);
  const review = page.getByRole('dialog', { name: 'Import from Mermaid' });
  await expect(review).toContainText('6 blocks, 5 links and 1 zone');
  // Each guess with its kind, its reason and its line.
  const kind = (label: string) => review.getByLabel(label, { exact: true });
  await expect(kind('Orders')).toHaveValue('relational_db');
  await expect(kind('Session cache')).toHaveValue('cache');
  await expect(kind('Order queue')).toHaveValue('queue');
  await expect(kind('Load balancer')).toHaveValue('load_balancer');
  await expect(review.getByRole('row', { name: /Orders/ })).toContainText('5');
  // The style line is listed with its number, not dropped.
  await expect(review).toContainText('Line 11');
  // Nothing has landed yet.
  await expect(ed.blocks).toHaveCount(3);
  // The orders store is a document database here.
  await kind('Orders').selectOption('document_db');
  await review.getByRole('button', { name: 'Add to design' }).click();
  await expect(review).toHaveCount(0);
  await expect(ed.blocks).toHaveCount(9);
  const doc = await savedDocument(page);
  const added = doc.blocks.slice(3);
  const byLabel = (l: string) => added.find((b) => (b.label ?? '') === l || b.id === l);
  expect(added.map((b) => b.kind).sort()).toEqual(
    ['cache', 'client', 'document_db', 'load_balancer', 'queue', 'service'].sort(),
  );
  expect(byLabel('Checkout API')?.zone).toBeDefined();
  const asyncLinks = doc.links.filter((l) => l.mode === 'async');
  expect(asyncLinks).toHaveLength(1);
  // One undo step takes all of it out.
  await page.keyboard.press('Control+z');
  await expect(ed.blocks).toHaveCount(3);
  expect(await savedDocument(page)).toEqual(threeTier());
});

test('text that is neither a design nor Mermaid is said, and nothing changes', async ({ page }) => {
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  await pasteText(page, 'just some words');
  await expect(ed.notice).toContainText('neither Envelope blocks nor a Mermaid diagram');
  await expect(page.getByRole('dialog', { name: 'Import from Mermaid' })).toHaveCount(0);
  expect(await savedDocument(page)).toEqual(threeTier());
});

test('a .mmd file opens as a new design after its review; reload keeps it', async ({ page }) => {
  await openEmpty(page);
  const ed = new EditorPage(page);
  const text = readFileSync(`${__dirname}/../../fixtures/mermaid/architecture.mmd`, 'utf8');
  await openThroughChooser(page, 'platform.mmd', text);
  const review = page.getByRole('dialog', { name: 'Import from Mermaid' });
  await expect(review).toBeVisible();
  await review.getByRole('button', { name: 'Open as new design' }).click();
  const count = await ed.blocks.count();
  expect(count).toBeGreaterThan(1);
  await page.reload();
  await expect(ed.blocks).toHaveCount(count);
});

test('Copy as Mermaid, then paste it into another tab: the same blocks, links and zones', async ({ page, context }) => {
  const d = threeTier();
  d.zones = [{ id: 'az1', label: 'Zone A', x: 300, y: 120, w: 400, h: 180 }];
  d.blocks[1].zone = 'az1';
  d.blocks[2].zone = 'az1';
  await openDesign(page, d);
  await page.getByRole('button', { name: 'Other tools' }).click();
  await page.getByRole('button', { name: 'Copy as Mermaid' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^flowchart LR/m);
  expect(text).toContain('subgraph az1');

  const second = await context.newPage();
  await openEmpty(second);
  await second.getByRole('button', { name: 'New design', exact: true }).click();
  await pasteText(second, text);
  await second.getByRole('dialog', { name: 'Import from Mermaid' }).getByRole('button', { name: 'Add to design' }).click();
  const back = await savedDocument(second);
  expect(back.blocks.map((b) => [b.id, b.kind, b.label, b.zone ?? null])).toEqual(
    d.blocks.map((b) => [b.id, b.kind, b.label, b.zone ?? null]),
  );
  expect(back.links.map((l) => [l.from, l.to])).toEqual(d.links.map((l) => [l.from, l.to]));
  expect(back.zones?.map((z) => [z.id, z.label])).toEqual([['az1', 'Zone A']]);
});

test('Excalidraw and draw.io files: every block, label, link and zone, arrows bound', async ({ page }) => {
  const d = threeTier();
  d.zones = [{ id: 'az1', label: 'Zone A', x: 300, y: 120, w: 400, h: 180 }];
  d.blocks[2].zone = 'az1';
  await openDesign(page, d);
  const download = async (name: string) => {
    await page.getByRole('button', { name: 'Other tools' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };

  const ex = await download('Excalidraw file');
  expect(ex.name).toBe('Three tiers.excalidraw');
  const scene = JSON.parse(ex.text);
  expect(scene.type).toBe('excalidraw');
  const byId = new Map(scene.elements.map((e: any) => [e.id, e]));
  const texts = scene.elements.filter((e: any) => e.type === 'text').map((e: any) => e.text).join('\n');
  for (const b of d.blocks) expect(texts).toContain(b.label as string);
  const arrows = scene.elements.filter((e: any) => e.type === 'arrow');
  expect(arrows).toHaveLength(d.links.length);
  for (const a of arrows) {
    for (const end of [a.startBinding, a.endBinding]) {
      const shape: any = byId.get(end.elementId);
      expect(shape, 'arrow bound to a shape').toBeDefined();
      expect(shape.boundElements.map((x: any) => x.id)).toContain(a.id);
    }
  }
  const frame = scene.elements.find((e: any) => e.type === 'frame');
  expect(frame.name).toBe('Zone A');

  const dio = await download('draw.io file');
  expect(dio.name).toBe('Three tiers.drawio');
  const xml = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'application/xml');
    const cells = [...doc.querySelectorAll('mxCell')];
    return {
      error: doc.querySelector('parsererror') !== null,
      vertices: cells.filter((c) => c.getAttribute('vertex') === '1').map((c) => c.getAttribute('value') ?? ''),
      edges: cells
        .filter((c) => c.getAttribute('edge') === '1')
        .map((c) => [c.getAttribute('source'), c.getAttribute('target')]),
      ids: cells.map((c) => c.getAttribute('id')),
    };
  }, dio.text);
  expect(xml.error).toBe(false);
  expect(new Set(xml.ids).size).toBe(xml.ids.length);
  for (const b of d.blocks) expect(xml.vertices.some((v) => v.includes(b.label as string))).toBe(true);
  expect(xml.vertices.some((v) => v.includes('Zone A'))).toBe(true);
  expect(xml.edges).toHaveLength(d.links.length);
  for (const [s, t] of xml.edges) expect(xml.ids).toEqual(expect.arrayContaining([s, t]));
});
