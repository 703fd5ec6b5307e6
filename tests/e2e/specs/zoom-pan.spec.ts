import { test, expect } from '@playwright/test';
import { openDesign, threeTier } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('zoom and pan', () => {
  test.beforeEach(async ({ page }) => {
    await openDesign(page, threeTier());
  });

  test('Ctrl+wheel zooms about the pointer', async ({ page }) => {
    const ed = new EditorPage(page);
    const before = await ed.view();
    const c = await ed.blockCentre('api');
    await page.mouse.move(c.x, c.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await ed.view()).zoom).toBeGreaterThan(before.zoom * 1.2);
    // The point under the pointer stays put, the others spread out.
    const after = await ed.blockCentre('api');
    expect(Math.abs(after.x - c.x)).toBeLessThan(1.5);
    expect(Math.abs(after.y - c.y)).toBeLessThan(1.5);
    const users = await ed.blockCentre('users');
    expect(c.x - users.x).toBeGreaterThan(250 * before.zoom * 1.2);

    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 400);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await ed.view()).zoom).toBeLessThan(before.zoom);
  });

  test('the zoom buttons, Ctrl+0 and Shift+1', async ({ page }) => {
    const ed = new EditorPage(page);
    const hundred = ed.zoomReset;
    await hundred.click();
    await expect.poll(async () => (await ed.view()).zoom).toBe(1);
    await expect(hundred).toHaveText('100%');

    await ed.tool('Zoom in').click();
    await expect.poll(async () => (await ed.view()).zoom).toBeCloseTo(1.25, 5);
    await expect(hundred).toHaveText('125%');
    await ed.tool('Zoom in').click();
    await ed.tool('Zoom in').click();
    await expect.poll(async () => (await ed.view()).zoom).toBeCloseTo(1.953125, 5);

    await ed.canvas.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+0');
    await expect.poll(async () => (await ed.view()).zoom).toBe(1);
    await ed.tool('Zoom out').click();
    await expect.poll(async () => (await ed.view()).zoom).toBeCloseTo(0.8, 5);
    await expect(hundred).toHaveText('80%');

    // Zoom far in so that blocks leave the view, then fit brings them all back.
    for (let i = 0; i < 6; i++) await ed.tool('Zoom in').click();
    await page.keyboard.press('Shift+Digit1');
    const canvas = await ed.canvasBox();
    await expect
      .poll(async () => {
        for (const id of ['users', 'lb', 'api']) {
          const b = await ed.blockBox(id);
          if (b.x < canvas.x || b.y < canvas.y) return false;
          if (b.x + b.width > canvas.x + canvas.width || b.y + b.height > canvas.y + canvas.height) return false;
        }
        return true;
      })
      .toBe(true);
    expect((await ed.view()).zoom).toBeLessThanOrEqual(1);

    // The Fit design button does the same.
    await ed.tool('Zoom in').click();
    await ed.tool('Zoom in').click();
    await ed.tool('Zoom in').click();
    const zoomed = (await ed.view()).zoom;
    await ed.tool('Fit design').click();
    await expect.poll(async () => (await ed.view()).zoom).toBeLessThan(zoomed);
  });

  test('the wheel pans', async ({ page }) => {
    const ed = new EditorPage(page);
    const before = await ed.view();
    const b0 = await ed.blockCentre('lb');
    const p = await ed.canvasPoint(30, 30);
    await page.mouse.move(p.x, p.y);
    await page.mouse.wheel(40, 100);
    await expect.poll(async () => (await ed.view()).y).toBeCloseTo(before.y - 100, 3);
    expect((await ed.view()).x).toBeCloseTo(before.x - 40, 3);
    expect((await ed.view()).zoom).toBe(before.zoom);
    const b1 = await ed.blockCentre('lb');
    expect(b1.y - b0.y).toBeCloseTo(-100, 0);
  });

  test('dragging empty space pans and changes nothing in the document', async ({ page }) => {
    const ed = new EditorPage(page);
    const before = await ed.view();
    const b0 = await ed.blockCentre('users');
    const from = await ed.canvasPoint(30, 30);
    await ed.drag(from, { x: from.x + 120, y: from.y + 60 });
    await expect.poll(async () => (await ed.view()).x).toBeCloseTo(before.x + 120, 3);
    expect((await ed.view()).y).toBeCloseTo(before.y + 60, 3);
    const b1 = await ed.blockCentre('users');
    expect(b1.x - b0.x).toBeCloseTo(120, 0);
    await expect(ed.tool('Undo')).toBeDisabled();
  });
});
