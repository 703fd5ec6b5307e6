import { test, expect } from '@playwright/test';
import { design, openDesign, savedDocument } from '../helpers/design';
import { EditorPage } from '../pages/editor';

const threeBlocks = design({
  blocks: [
    { id: 'users', kind: 'client', label: 'Users', x: 150, y: 150, rps: 1000 },
    { id: 'lb', kind: 'load_balancer', label: 'LB', x: 450, y: 150 },
    { id: 'api', kind: 'service', label: 'API', x: 450, y: 400 },
  ],
  links: [],
});

test.describe('connect', () => {
  test('dragging from a block handle onto another creates a link with the catalog defaults', async ({ page }) => {
    await openDesign(page, threeBlocks);
    const ed = new EditorPage(page);

    await ed.connectByHandle('users', 'lb');
    await expect(ed.linkBetween('Users', 'LB')).toHaveCount(1);
    await expect(ed.linkBetween('Users', 'LB')).toHaveAttribute(
      'aria-label',
      /^Link from Users to LB: sync read, 1 call per request, 30 ms(;|$)/,
    );

    await ed.connectByHandle('lb', 'api');
    await expect(ed.linkBetween('LB', 'API')).toHaveAttribute('aria-label', /sync read, 1 call per request, 0\.5 ms/);

    const doc = await savedDocument(page);
    expect(doc.links).toHaveLength(2);
    const [a, b] = doc.links;
    expect(a).toMatchObject({ from: 'users', to: 'lb', latency_ms: 30 });
    expect(b).toMatchObject({ from: 'lb', to: 'api', latency_ms: 0.5 });
    for (const l of doc.links) {
      // sync, read and one call are the format's defaults, so they are not written.
      expect(l.mode ?? 'sync').toBe('sync');
      expect(l.op ?? 'read').toBe('read');
      expect(l.calls ?? 1).toBe(1);
    }
    expect(a.id).not.toBe(b.id);
  });

  test('selecting two blocks and pressing C connects them', async ({ page }) => {
    await openDesign(page, threeBlocks);
    const ed = new EditorPage(page);
    await ed.clickBlock('users');
    await ed.clickBlock('lb', true);
    await expect(ed.canvas.locator('g.block[aria-pressed="true"]')).toHaveCount(2);
    await page.keyboard.press('c');
    await expect(ed.links).toHaveCount(1);
    const doc = await savedDocument(page);
    expect(doc.links[0]).toMatchObject({ from: 'users', to: 'lb', latency_ms: 30 });
  });

  test('C with other than two blocks selected says so and adds nothing', async ({ page }) => {
    await openDesign(page, threeBlocks);
    const ed = new EditorPage(page);
    await ed.clickBlock('users');
    await page.keyboard.press('c');
    await expect(ed.notice).toContainText('Select exactly two blocks');
    expect((await savedDocument(page)).links).toHaveLength(0);
  });

  test('a block cannot be linked to itself', async ({ page }) => {
    await openDesign(page, threeBlocks);
    const ed = new EditorPage(page);
    // Drag from the handle back onto the block's own body.
    await ed.connectByHandle('lb', 'lb');
    await expect(ed.links).toHaveCount(0);
    // Nor through the shortcut with one block.
    await ed.clickBlock('lb');
    await page.keyboard.press('c');
    await expect(ed.links).toHaveCount(0);
    expect((await savedDocument(page)).links).toHaveLength(0);
  });
});
