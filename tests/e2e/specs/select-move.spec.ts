import { test, expect } from '@playwright/test';
import { openDesign, savedBlock, savedDocument, threeTier } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('select and move', () => {
  test.beforeEach(async ({ page }) => {
    await openDesign(page, threeTier());
  });

  test('click selects, Shift+click adds and toggles, Esc clears', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('lb');
    expect(await ed.selectedBlockIds()).toEqual(['lb']);
    await expect(ed.block('lb')).toHaveClass(/selected/);

    await ed.clickBlock('api');
    expect(await ed.selectedBlockIds()).toEqual(['api']);

    await ed.clickBlock('users', true);
    expect(await ed.selectedBlockIds()).toEqual(['api', 'users']);
    await ed.clickBlock('api', true);
    expect(await ed.selectedBlockIds()).toEqual(['users']);

    await page.keyboard.press('Escape');
    await expect(ed.canvas.locator('g.block[aria-pressed="true"]')).toHaveCount(0);
  });

  test('clicking empty canvas clears the selection', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('lb');
    const p = await ed.canvasPoint(20, 20);
    await page.mouse.click(p.x, p.y);
    await expect(ed.canvas.locator('g.block[aria-pressed="true"]')).toHaveCount(0);
  });

  test('Shift+drag on empty space selects the blocks inside the rubber band', async ({ page }) => {
    const ed = new EditorPage(page);
    const lb = await ed.blockBox('lb');
    const api = await ed.blockBox('api');
    const users = await ed.blockBox('users');
    // From above-left of the LB to below-right of the API; the users block stays out.
    const from = { x: (users.x + users.width + lb.x) / 2, y: lb.y - 30 };
    const to = { x: api.x + api.width + 20, y: api.y + api.height + 30 };
    await page.keyboard.down('Shift');
    await ed.drag(from, to);
    await page.keyboard.up('Shift');
    expect(await ed.selectedBlockIds()).toEqual(['api', 'lb']);
    // Nothing moved.
    expect((await savedBlock(page, 'lb')).x).toBe(350);
  });

  test('Ctrl+A selects everything', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('lb');
    await page.keyboard.press('Control+a');
    expect(await ed.selectedBlockIds()).toEqual(['api', 'lb', 'users']);
    await expect(ed.canvas.locator('g.link[aria-pressed="true"]')).toHaveCount(2);
  });

  test('dragging a block moves it, and one undo puts it back', async ({ page }) => {
    const ed = new EditorPage(page);
    const { zoom } = await ed.view();
    const before = await ed.blockCentre('api');
    await ed.dragBlock('api', 0, 120);
    const after = await ed.blockCentre('api');
    expect(after.y - before.y).toBeCloseTo(120, 0);

    const moved = await savedBlock(page, 'api');
    expect(moved.x).toBeCloseTo(600, 5);
    expect(moved.y).toBeCloseTo(200 + 120 / zoom, 0);
    // Its links follow.
    await expect(ed.link('l2').locator('path.link-line')).toHaveAttribute('d', /.+/);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await savedBlock(page, 'api')).y).toBe(200);
    // That was the only step: nothing is left to undo.
    await expect(ed.tool('Undo')).toBeDisabled();
  });

  test('dragging a selection moves every selected block together', async ({ page }) => {
    const ed = new EditorPage(page);
    const { zoom } = await ed.view();
    await ed.clickBlock('lb');
    await ed.clickBlock('api', true);
    await ed.dragBlock('lb', 50, 0);
    const doc = await savedDocument(page);
    const x = Object.fromEntries(doc.blocks.map((b) => [b.id, b.x]));
    expect(x.lb).toBeCloseTo(350 + 50 / zoom, 0);
    expect(x.api).toBeCloseTo(600 + 50 / zoom, 0);
    expect(x.users).toBe(100);
  });

  test('arrow keys nudge the selection by 1, Shift by 10; nudges are one undo step', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('lb');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => savedBlock(page, 'lb')).toMatchObject({ x: 352, y: 201 });
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(async () => savedBlock(page, 'lb')).toMatchObject({ x: 342, y: 191 });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => savedBlock(page, 'lb')).toMatchObject({ x: 350, y: 200 });
  });

  test('G toggles snap to grid, which makes nudges grid steps', async ({ page }) => {
    const ed = new EditorPage(page);
    const snap = ed.tool('Snap to grid');
    await expect(snap).toHaveAttribute('aria-pressed', 'false');
    await ed.clickBlock('lb');
    await page.keyboard.press('g');
    await expect(snap).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await savedBlock(page, 'lb')).x).toBe(370);
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(async () => (await savedBlock(page, 'lb')).y).toBe(400);
    await page.keyboard.press('g');
    await expect(snap).toHaveAttribute('aria-pressed', 'false');
    await snap.click();
    await expect(snap).toHaveAttribute('aria-pressed', 'true');
  });
});
