// A large design (over 300 blocks) stays fast: zoomed out its blocks are plain
// boxes and its links plain lines; close up only what is near the view is in the
// page. Nothing of the document is lost either way, and editing works as usual.
import { expect, test, type Page } from '@playwright/test';
import { savedDocument, shareFragment, type Design } from '../helpers/design';
import { EditorPage } from '../pages/editor';
// @ts-expect-error: a plain .mjs module shared with the benchmark
import { generate } from '../bench/generate.mjs';

const N = 400;

async function openLarge(page: Page): Promise<{ ed: EditorPage; d: Design }> {
  const d = generate(N) as Design;
  await page.goto('/' + shareFragment(d));
  const ed = new EditorPage(page);
  // Opened fitted: the whole design is in view, so every block is drawn.
  await expect(ed.blocks).toHaveCount(N);
  return { ed, d };
}

/** The drawn block nearest the middle of the canvas. */
async function nearestToMiddle(ed: EditorPage): Promise<string> {
  const c = await ed.canvasBox();
  const mid = { x: c.x + c.width / 2, y: c.y + c.height / 2 };
  let best = { id: '', dist: Infinity };
  for (const id of await ed.blockIds()) {
    const b = await ed.block(id).locator('rect.block-body').boundingBox();
    const dist = b ? Math.hypot(b.x + b.width / 2 - mid.x, b.y + b.height / 2 - mid.y) : Infinity;
    if (dist < best.dist) best = { id, dist };
  }
  return best.id;
}

/** Pan about 1,400 px right and down with the wheel (as a trackpad does). */
async function panFar(page: Page, ed: EditorPage): Promise<void> {
  const c = await ed.canvasBox();
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  for (let i = 0; i < 2; i++) await page.mouse.wheel(500, 500);
}

test('zoomed out, a large design is drawn as plain boxes and lines, every block still named', async ({ page }) => {
  const { ed, d } = await openLarge(page);
  expect((await ed.view()).zoom).toBeLessThan(0.45);
  await expect(page.locator('g.block.plain')).toHaveCount(N);
  await expect(page.locator('g.block text.block-label')).toHaveCount(0);
  await expect(ed.block('g0_lb')).toHaveAttribute('aria-label', /^Load balancer: lb 0, 2 replicas/);
  // Every link is one segment of the two plain paths; none is drawn on its own.
  await expect(page.locator('g.link')).toHaveCount(0);
  const segments = await page
    .locator('path.plain-link')
    .evaluateAll((ps) => ps.reduce((n, p) => n + (p.getAttribute('d') ?? '').split('M').length - 1, 0));
  expect(segments).toBe(d.links.length);
  // Selecting a block (from the keyboard here) draws its links one by one.
  await ed.block('g0_lb').focus();
  await expect(page.locator('g.link')).toHaveCount(d.links.filter((l) => l.from === 'g0_lb' || l.to === 'g0_lb').length);
});

test('close up, only the blocks near the view are in the page, and panning brings the others', async ({ page }) => {
  const { ed, d } = await openLarge(page);
  await ed.tool('Zoom to 100%').click();
  await expect.poll(async () => (await ed.view()).zoom).toBe(1);
  const near = await ed.blockIds();
  expect(near.length).toBeGreaterThan(0);
  expect(near.length).toBeLessThan(N / 2);
  // Close up every drawn block has its label and numbers.
  await expect(page.locator('g.block text.block-label')).toHaveCount(near.length);
  await expect(page.locator('g.block.plain')).toHaveCount(0);
  // The document is whole.
  expect((await savedDocument(page)).blocks).toHaveLength(N);

  // Pan a long way with the wheel: other blocks come in, the first ones go.
  await panFar(page, ed);
  await expect
    .poll(async () => (await ed.blockIds()).filter((id) => !near.includes(id)).length)
    .toBeGreaterThan(0);
  const later = await ed.blockIds();
  expect(near.some((id) => !later.includes(id))).toBe(true);
  expect(d.blocks.map((b) => b.id)).toEqual(expect.arrayContaining(later));
});

test('a selected block stays in the page when the view leaves it', async ({ page }) => {
  const { ed } = await openLarge(page);
  await ed.tool('Zoom to 100%').click();
  const first = await nearestToMiddle(ed);
  await ed.clickBlock(first);
  expect(await ed.selectedBlockIds()).toEqual([first]);
  const near = await ed.blockIds();
  await panFar(page, ed);
  await expect.poll(async () => (await ed.blockIds()).filter((id) => !near.includes(id)).length).toBeGreaterThan(0);
  await expect(ed.block(first)).toHaveCount(1);
  expect(await ed.selectedBlockIds()).toEqual([first]);
});

test('dragging a block of a large design moves it, in one undo step', async ({ page }) => {
  const { ed } = await openLarge(page);
  await ed.tool('Zoom to 100%').click();
  const target = await nearestToMiddle(ed);
  const before = (await savedDocument(page)).blocks.find((b) => b.id === target)!;
  await ed.dragBlock(target, 60, 40);
  await expect
    .poll(async () => (await savedDocument(page)).blocks.find((b) => b.id === target)!.x)
    .toBeCloseTo(before.x + 60, 0);
  const moved = (await savedDocument(page)).blocks.find((b) => b.id === target)!;
  expect(moved.y).toBeCloseTo(before.y + 40, 0);
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await savedDocument(page)).blocks.find((b) => b.id === target)!.x)
    .toBe(before.x);
});

test('a long list of findings starts with the first 25 and shows the rest on request', async ({ page }) => {
  const { ed } = await openLarge(page);
  const warnings = ed.results.locator('ul[aria-labelledby="findings-warning"] > li');
  await expect(warnings).toHaveCount(25);
  const heading = await ed.results.locator('#findings-warning').innerText();
  const total = Number(/\((\d+)/.exec(heading)![1]);
  expect(total).toBeGreaterThan(25);
  await ed.results.getByRole('button', { name: `Show ${total - 25} more warnings` }).click();
  await expect(warnings).toHaveCount(total);
});
