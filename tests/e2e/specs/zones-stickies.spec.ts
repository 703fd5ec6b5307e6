import { test, expect } from '@playwright/test';
import { design, openDesign, openEmpty, savedBlock, savedDocument } from '../helpers/design';
import { EditorPage } from '../pages/editor';

const withZone = design({
  blocks: [{ id: 'api', kind: 'service', label: 'API', x: 700, y: 150 }],
  links: [],
  zones: [{ id: 'az1', label: 'us-east-1a', x: 0, y: 0, w: 400, h: 300 }],
});

test.describe('zones and stickies', () => {
  test('Add Zone puts a zone at the centre of the view', async ({ page }) => {
    await openEmpty(page);
    const ed = new EditorPage(page);
    await ed.paletteItem('Zone (failure domain)').click();
    await expect(ed.zones).toHaveCount(1);
    const doc = await savedDocument(page);
    expect(doc.zones).toHaveLength(1);
    expect(doc.zones![0]).toMatchObject({ w: 400, h: 300 });
    await expect(ed.zones.first()).toHaveAttribute('aria-label', `Zone ${doc.zones![0].label}`);
  });

  test('a block dropped from the palette inside a zone belongs to it', async ({ page }) => {
    await openDesign(page, withZone);
    const ed = new EditorPage(page);
    const zone = await ed.zone('az1').locator('rect.zone-body').boundingBox();
    const canvas = await ed.canvasBox();
    await ed.dragFromPalette('Cache (Redis)', {
      x: zone!.x - canvas.x + zone!.width / 2,
      y: zone!.y - canvas.y + zone!.height / 2,
    });
    await expect(ed.blocks).toHaveCount(2);
    const cache = (await savedDocument(page)).blocks[1];
    expect(cache).toMatchObject({ kind: 'cache', zone: 'az1' });
  });

  test('a block dragged into a zone joins it, dragged out leaves it, one undo step each', async ({ page }) => {
    await openDesign(page, withZone);
    const ed = new EditorPage(page);
    const zone = await ed.zone('az1').locator('rect.zone-body').boundingBox();
    const api = await ed.blockCentre('api');
    await ed.drag(api, { x: zone!.x + zone!.width / 2, y: zone!.y + zone!.height / 2 });
    await expect.poll(async () => (await savedBlock(page, 'api')).zone).toBe('az1');

    // Moving the zone carries its blocks.
    const before = await savedBlock(page, 'api');
    const label = await ed.zone('az1').locator('text.zone-label').boundingBox();
    await ed.drag({ x: label!.x + 5, y: label!.y + 5 }, { x: label!.x + 45, y: label!.y + 5 });
    const after = await savedBlock(page, 'api');
    expect(after.x).toBeGreaterThan(before.x);
    expect(after.y).toBeCloseTo(before.y, 5);
    expect((await savedDocument(page)).zones![0].x).toBeGreaterThan(0);
    await page.keyboard.press('Control+z');

    await page.keyboard.press('Control+z');
    await expect.poll(async () => savedBlock(page, 'api')).toMatchObject({ x: 700, y: 150 });
    expect((await savedBlock(page, 'api')).zone).toBeUndefined();
  });

  test('a zone resizes from its corner', async ({ page }) => {
    await openDesign(page, withZone);
    const ed = new EditorPage(page);
    const { zoom } = await ed.view();
    const corner = await ed.zone('az1').locator('rect.zone-resize').boundingBox();
    const from = { x: corner!.x + corner!.width / 2, y: corner!.y + corner!.height / 2 };
    await ed.drag(from, { x: from.x + 100, y: from.y + 50 });
    await expect.poll(async () => (await savedDocument(page)).zones![0].w).toBeCloseTo(400 + 100 / zoom, 0);
    const z = (await savedDocument(page)).zones![0];
    expect(z.h).toBeCloseTo(300 + 50 / zoom, 0);
    expect(z).toMatchObject({ x: 0, y: 0 });
    const body = await ed.zone('az1').locator('rect.zone-body').boundingBox();
    // The body box includes its stroke.
    expect(Math.abs(body!.width - (400 + 100 / zoom) * zoom)).toBeLessThan(4);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await savedDocument(page)).zones![0].w).toBe(400);
  });

  test('Add Sticky note puts a note on the canvas', async ({ page }) => {
    await openEmpty(page);
    const ed = new EditorPage(page);
    await ed.paletteItem('Sticky note').click();
    await expect(ed.stickies).toHaveCount(1);
    await expect(ed.stickies.first()).toHaveAttribute('aria-label', 'Note: Note');
    const doc = await savedDocument(page);
    expect(doc.stickies).toHaveLength(1);
    expect(doc.stickies![0].text).toBe('Note');
  });
});
