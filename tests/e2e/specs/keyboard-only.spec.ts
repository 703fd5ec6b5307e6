import { test, expect } from '@playwright/test';
import { openEmpty, savedDocument } from '../helpers/design';
import { focused, tabTo } from '../helpers/keyboard';
import { EditorPage } from '../pages/editor';

// The acceptance: a design built and connected without a mouse.
test('a two-block design is built, connected and undone with the keyboard alone', async ({ page }) => {
  await openEmpty(page);
  const ed = new EditorPage(page);

  // Tab to the palette's filter, narrow it, Tab to the item, Enter.
  await tabTo(page, 'Filter blocks');
  expect((await focused(page)).tag).toBe('input');
  await page.keyboard.type('users');
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('Add Users / client');
  await page.keyboard.press('Enter');
  await expect(ed.blocks).toHaveCount(1);

  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).tag).toBe('input');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('load');
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('Add Load balancer');
  await page.keyboard.press('Enter');
  await expect(ed.blocks).toHaveCount(2);

  // Select both and connect: Ctrl+A, then C (the first in the document calls the second).
  await page.keyboard.press('Control+a');
  await page.keyboard.press('c');
  await expect(ed.links).toHaveCount(1);
  await expect(ed.linkBetween('Users / client', 'Load balancer')).toHaveCount(1);

  let doc = await savedDocument(page);
  expect(doc.blocks.map((b) => b.kind)).toEqual(['client', 'load_balancer']);
  expect(doc.links[0]).toMatchObject({ from: doc.blocks[0].id, to: doc.blocks[1].id, latency_ms: 30 });

  // Tab reaches the new blocks and link on the canvas.
  await tabTo(page, /^Link from Users \/ client to Load balancer/);
  expect((await focused(page)).role).toBe('link');

  // Undo and redo from the keyboard.
  await page.keyboard.press('Control+z');
  await expect(ed.links).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(ed.blocks).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+y');
  await expect(ed.blocks).toHaveCount(2);
  await expect(ed.links).toHaveCount(1);
  doc = await savedDocument(page);
  expect(doc.blocks).toHaveLength(2);
  expect(doc.links).toHaveLength(1);
});

test('a focused block is nudged and deleted from the keyboard', async ({ page }) => {
  await openEmpty(page);
  const ed = new EditorPage(page);
  await ed.paletteItem('Cache (Redis)').focus();
  await page.keyboard.press('Enter');
  await tabTo(page, /^Cache \(Redis\), 1 replica/);
  const before = (await savedDocument(page)).blocks[0];
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await savedDocument(page)).blocks[0].x).toBe(before.x + 10);
  await page.keyboard.press('Delete');
  await expect(ed.blocks).toHaveCount(0);
});
