// A large design (over 300 blocks) stays fast: zoomed out its blocks are plain
// boxes and its links plain lines; close up only what is near the view is in the
// page. Nothing of the document is lost either way, and editing works as usual.
import { expect, test, type Page } from '@playwright/test';
import { savedDocument, shareFragment, type Design, panelsLoaded } from '../helpers/design';
import { EditorPage } from '../pages/editor';
// @ts-expect-error: a plain .mjs module shared with the benchmark
import { generate } from '../bench/generate.mjs';

const N = 400;

async function openLarge(page: Page): Promise<{ ed: EditorPage; d: Design }> {
  const d = generate(N) as Design;
  await page.goto('/' + shareFragment(d));
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  // Opened fitted: the whole design is in view, as plain boxes.
  await expect
    .poll(() => page.evaluate(() => ((window as any).envelope?.drawn?.() ?? '') as string))
    .toBe(`0 ${N}`);
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

/** How many subpaths (`M` commands) the plain paths matching `selector` hold. */
async function segments(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .evaluateAll((ps) => ps.reduce((n, p) => n + (p.getAttribute('d') ?? '').split('M').length - 1, 0));
}

test('zoomed out, a large design is drawn as plain boxes and lines; a click selects and a drag moves', async ({ page }) => {
  const { ed, d } = await openLarge(page);
  expect((await ed.view()).zoom).toBeLessThan(0.45);
  // Every block and link is one box or line of a few plain paths.
  await expect(ed.blocks).toHaveCount(0);
  await expect(ed.links).toHaveCount(0);
  expect(await segments(page, 'path.plain-block')).toBe(N);
  expect(await segments(page, 'path.plain-link')).toBe(d.links.length);

  // A click on a plain box selects that block: it is drawn on its own, named,
  // with its links, and the inspector shows it.
  const lb = d.blocks.find((b) => b.id === 'g0_lb')!;
  const v = await ed.view();
  const c = await ed.canvasBox();
  const at = { x: c.x + v.x + lb.x * v.zoom, y: c.y + v.y + lb.y * v.zoom };
  await page.mouse.click(at.x, at.y);
  expect(await ed.selectedBlockIds()).toEqual(['g0_lb']);
  await expect(ed.block('g0_lb')).toHaveAttribute('aria-label', /^Load balancer: lb 0, 2 replicas/);
  const touching = d.links.filter((l) => l.from === 'g0_lb' || l.to === 'g0_lb').length;
  await expect(ed.links).toHaveCount(touching);
  expect(await segments(page, 'path.plain-block')).toBe(N - 1);
  expect(await segments(page, 'path.plain-link')).toBe(d.links.length - touching);
  await expect(ed.inspector.getByRole('textbox', { name: 'Label' })).toHaveValue('lb 0');

  // A drag from another plain box moves that block (one undo step).
  const svc = d.blocks.find((b) => b.id === 'g1_svc2')!;
  const from = { x: c.x + v.x + svc.x * v.zoom, y: c.y + v.y + svc.y * v.zoom };
  await ed.drag(from, { x: from.x + 20, y: from.y + 10 });
  const moved = (await savedDocument(page)).blocks.find((b) => b.id === 'g1_svc2')!;
  expect(moved.x).toBeCloseTo(svc.x + 20 / v.zoom, 0);
  expect(moved.y).toBeCloseTo(svc.y + 10 / v.zoom, 0);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await savedDocument(page)).blocks.find((b) => b.id === 'g1_svc2')!.x).toBe(svc.x);
});

test('an opened link is drawn fitted from its first frame, without a jump after', async ({ page }) => {
  // At every frame from the page's start: the view of the first frame that drew
  // any of the design.
  await page.addInitScript(() => {
    const frame = () => {
      const drawn = String((window as any).envelope?.drawn?.() ?? '0 0').split(' ').map(Number);
      const world = document.querySelector('svg g.world');
      if (drawn[0] + drawn[1] > 0 && world) (window as any).__firstView = world.getAttribute('transform');
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const { ed } = await openLarge(page);
  const first = await page.evaluate(() => (window as any).__firstView as string);
  expect(first).toMatch(/^translate\(/);
  // Some frames later the view has not moved: the first frame was already the
  // fitted one, drawn for the canvas's measured size.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  expect(await ed.canvas.locator('g.world').getAttribute('transform')).toBe(first);
});

test('a block failed in the what-if stays marked when it is drawn plain again', async ({ page }) => {
  const { ed, d } = await openLarge(page);
  const db = d.blocks.find((b) => b.id === 'g3_db')!;
  const v = await ed.view();
  const c = await ed.canvasBox();
  await page.mouse.click(c.x + v.x + db.x * v.zoom, c.y + v.y + db.y * v.zoom);
  expect(await ed.selectedBlockIds()).toEqual(['g3_db']);
  await page.keyboard.press('f');
  await expect(ed.block('g3_db')).toHaveClass(/failed/);
  await page.keyboard.press('Escape');
  await expect(ed.blocks).toHaveCount(0);
  await expect.poll(() => segments(page, 'path.plain-block.failed')).toBe(1);
  expect(await segments(page, 'path.plain-block')).toBe(N);
});

test('close up, only the blocks near the view are in the page, and panning brings the others', async ({ page }) => {
  const { ed, d } = await openLarge(page);
  await ed.zoomReset.click();
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
  await ed.zoomReset.click();
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
  await ed.zoomReset.click();
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
