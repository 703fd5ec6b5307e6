import { test, expect } from '@playwright/test';
import { openDesign, openEmpty, savedDocument, threeTier } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('duplicate and clipboard', () => {
  test('Ctrl+D duplicates the selection with fresh ids and the link between them', async ({ page }) => {
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    await ed.clickBlock('lb');
    await ed.clickBlock('api', true);
    await page.keyboard.press('Control+d');
    await expect(ed.blocks).toHaveCount(5);
    await expect(ed.links).toHaveCount(3);

    const doc = await savedDocument(page);
    const ids = doc.blocks.map((b) => b.id);
    expect(new Set(ids).size).toBe(5);
    const copies = doc.blocks.slice(3);
    expect(copies.map((b) => b.kind)).toEqual(['load_balancer', 'service']);
    expect(copies.map((b) => b.label)).toEqual(['LB', 'API']);
    for (const c of copies) expect(['users', 'lb', 'api']).not.toContain(c.id);
    // Copied with their numbers, offset from the originals.
    expect(copies[0]).toMatchObject({ capacity_rps: 10000, route: 'failover' });
    expect(copies[0].x).not.toBe(350);
    // The link between the copies joins the copies.
    const copyLink = doc.links[2];
    expect([copyLink.from, copyLink.to]).toEqual([copies[0].id, copies[1].id]);
    expect(new Set(doc.links.map((l) => l.id)).size).toBe(3);
    // The copies are selected.
    expect(await ed.selectedBlockIds()).toEqual(copies.map((c) => c.id).sort());

    // One undo step.
    await page.keyboard.press('Control+z');
    await expect(ed.blocks).toHaveCount(3);
    expect(await savedDocument(page)).toEqual(threeTier());
  });

  test('Ctrl+C in one page and Ctrl+V in another pastes the blocks with fresh ids', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    await ed.clickBlock('users');
    await ed.clickBlock('lb', true);
    await page.keyboard.press('Control+c');

    const second = await context.newPage();
    await openDesign(second, threeTier());
    const ed2 = new EditorPage(second);
    await ed2.canvas.click({ position: { x: 10, y: 10 } });
    await second.keyboard.press('Control+v');
    await expect(ed2.blocks).toHaveCount(5);
    await expect(ed2.links).toHaveCount(3);
    const doc = await savedDocument(second);
    const pasted = doc.blocks.slice(3);
    expect(pasted.map((b) => b.kind)).toEqual(['client', 'load_balancer']);
    expect(pasted[0]).toMatchObject({ label: 'Users', rps: 1000 });
    for (const b of pasted) expect(['users', 'lb', 'api']).not.toContain(b.id);
    expect(doc.links[2]).toMatchObject({ from: pasted[0].id, to: pasted[1].id, latency_ms: 30 });
    // The first page is unchanged.
    expect(await savedDocument(page)).toEqual(threeTier());

    // Pasting again into an empty page works as well, as one undo step.
    const third = await context.newPage();
    await openEmpty(third);
    // The site reopens the design autosaved by the other pages: start a new one.
    await third.getByRole('button', { name: 'New design', exact: true }).click();
    await expect(new EditorPage(third).blocks).toHaveCount(0);
    await new EditorPage(third).canvas.click({ position: { x: 10, y: 10 } });
    await third.keyboard.press('Control+v');
    await expect(new EditorPage(third).blocks).toHaveCount(2);
    await third.keyboard.press('Control+z');
    await expect(new EditorPage(third).blocks).toHaveCount(0);
  });

  test('Ctrl+X cuts the selection', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    await ed.clickBlock('api');
    await page.keyboard.press('Control+x');
    await expect(ed.blocks).toHaveCount(2);
    await page.keyboard.press('Control+v');
    await expect(ed.blocks).toHaveCount(3);
    const doc = await savedDocument(page);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['client', 'load_balancer', 'service']);
    expect(doc.blocks[2].label).toBe('API');
  });
});
