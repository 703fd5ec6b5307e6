import { test, expect } from '@playwright/test';
import { openEmpty, savedDocument } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('palette', () => {
  test('dragging a kind onto the canvas adds a block at the drop point with the catalog numbers', async ({ page }) => {
    await openEmpty(page);
    const ed = new EditorPage(page);
    await ed.dragFromPalette('Load balancer', { x: 300, y: 220 });

    const block = ed.blockNamed('Load balancer', 'Load balancer');
    await expect(block).toHaveCount(1);
    await expect(block).toHaveAttribute('aria-label', /1 replica, capacity 10,000 per second each/);
    // The block is drawn centred where it was dropped (100% zoom, no pan).
    const canvas = await ed.canvasBox();
    const id = (await block.getAttribute('data-id'))!;
    const c = await ed.blockCentre(id);
    expect(Math.abs(c.x - (canvas.x + 300))).toBeLessThan(2);
    expect(Math.abs(c.y - (canvas.y + 220))).toBeLessThan(2);

    const doc = await savedDocument(page);
    expect(doc.blocks).toHaveLength(1);
    // Drop events carry whole client pixels, so allow for the canvas's fractional offset.
    expect(Math.abs(doc.blocks[0].x - 300)).toBeLessThanOrEqual(1);
    expect(Math.abs(doc.blocks[0].y - 220)).toBeLessThanOrEqual(1);
    expect(doc.blocks[0]).toMatchObject({
      id,
      kind: 'load_balancer',
      availability: 0.9999,
      latency_ms: 1,
      p99_ms: 5,
      capacity_rps: 10000,
      route: 'failover',
    });
  });

  test('other kinds start with their own catalog numbers', async ({ page }) => {
    await openEmpty(page);
    const ed = new EditorPage(page);
    await ed.dragFromPalette('Cache (Redis)', { x: 200, y: 150 });
    await ed.dragFromPalette('Relational DB', { x: 500, y: 150 });
    await ed.dragFromPalette('Users / client', { x: 200, y: 400 });
    await expect(ed.blocks).toHaveCount(3);
    const doc = await savedDocument(page);
    const byKind = Object.fromEntries(doc.blocks.map((b) => [b.kind, b]));
    expect(byKind.cache).toMatchObject({ availability: 0.9999, latency_ms: 0.5, p99_ms: 2, capacity_rps: 100000, hit_ratio: 0.9, ttl_s: 300 });
    expect(byKind.relational_db).toMatchObject({
      availability: 0.9995,
      latency_ms: 5,
      p99_ms: 25,
      capacity_rps: 50000,
      write_capacity_rps: 5000,
      single_writer: true,
    });
    expect(byKind.client).toMatchObject({ rps: 1000 });
    expect(Math.abs(byKind.client.x - 200)).toBeLessThanOrEqual(1);
    expect(Math.abs(byKind.client.y - 400)).toBeLessThanOrEqual(1);
  });

  test('Enter on a palette item adds the block at the centre of the view', async ({ page }) => {
    await openEmpty(page);
    const ed = new EditorPage(page);
    await ed.paletteItem('Service (stateless app)').focus();
    await page.keyboard.press('Enter');
    await expect(ed.blocks).toHaveCount(1);

    const canvas = await ed.canvasBox();
    const doc = await savedDocument(page);
    expect(doc.blocks[0]).toMatchObject({ kind: 'service', availability: 0.9995, capacity_rps: 10000 });
    expect(doc.blocks[0].x).toBeCloseTo(canvas.width / 2, 0);
    expect(doc.blocks[0].y).toBeCloseTo(canvas.height / 2, 0);
    const c = await ed.blockCentre(doc.blocks[0].id);
    expect(Math.abs(c.x - (canvas.x + canvas.width / 2))).toBeLessThan(2);

    // A second one does not hide the first.
    await page.keyboard.press('Enter');
    await expect(ed.blocks).toHaveCount(2);
    const [a, b] = (await savedDocument(page)).blocks;
    expect(a.x !== b.x || a.y !== b.y).toBe(true);
  });

  test('the filter box hides the items that do not match', async ({ page }) => {
    await openEmpty(page);
    const ed = new EditorPage(page);
    await expect(ed.paletteItem('Relational DB')).toBeVisible();
    await ed.filter.fill('cache');
    await expect(ed.paletteItem('Cache (Redis)')).toBeVisible();
    await expect(ed.paletteItem('Load balancer')).toBeHidden();
    await expect(ed.paletteItem('Relational DB')).toBeHidden();
    await expect(ed.paletteItem('Sticky note')).toBeHidden();
    // Group headings of groups with nothing left hide as well.
    await expect(ed.palette.getByRole('heading', { name: 'Edge' })).toBeHidden();
    // Case does not matter.
    await ed.filter.fill('LOAD B');
    await expect(ed.paletteItem('Load balancer')).toBeVisible();
    await expect(ed.paletteItem('Cache (Redis)')).toBeHidden();
    await ed.filter.fill('');
    await expect(ed.paletteItem('Load balancer')).toBeVisible();
    await expect(ed.paletteItem('Sticky note')).toBeVisible();
  });
});
