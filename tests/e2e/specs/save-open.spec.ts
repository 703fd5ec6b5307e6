// Save downloads the design as `<title>.envelope.json`; opening that file (from
// the file chooser, or dropped on the window) gives back the same document.
import { expect, test } from '@playwright/test';
import { design, shareFragment, panelsLoaded } from '../helpers/design';
import {
  chooserFrom,
  documentText,
  dropFile,
  fileButton,
  openThroughChooser,
  saveThroughToolbar,
} from '../helpers/files';
import { EditorPage } from '../pages/editor';

const shop = design({
  title: 'Shop / checkout: v2',
  notes: 'Checkout path with a cache.',
  blocks: [
    { id: 'users', kind: 'client', label: 'Shoppers', x: 100, y: 200, rps: 800 },
    { id: 'api', kind: 'service', label: 'Checkout API', x: 350, y: 200, replicas: 3 },
    { id: 'db', kind: 'relational_db', label: 'Orders DB', x: 600, y: 200, replicas: 2 },
  ],
  links: [
    { id: 'l1', from: 'users', to: 'api' },
    { id: 'l2', from: 'api', to: 'db', timeout_ms: 250 },
  ],
  stickies: [{ id: 's1', text: 'Orders must not be lost', x: 350, y: 40 }],
});

test('Save then Open gives back the same document, with the same bytes', async ({ page }) => {
  await page.goto('/' + shareFragment(shop));
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await expect(ed.blocks).toHaveCount(3);
  const before = await documentText(page);

  const saved = await saveThroughToolbar(page);
  expect(saved.name).toBe('Shop - checkout- v2.envelope.json');
  expect(saved.text).toBe(before);

  // Start over, then open the saved file: the same document comes back.
  await fileButton(page, 'New design').click();
  await expect(ed.blocks).toHaveCount(0);
  await openThroughChooser(page, saved.name, saved.text);
  await expect(ed.blocks).toHaveCount(3);
  expect(await documentText(page)).toBe(before);
  // Saving again gives the very same bytes.
  expect((await saveThroughToolbar(page)).text).toBe(saved.text);
});

test('Ctrl+S saves, Ctrl+O opens; an untitled design saves as untitled.envelope.json', async ({ page }) => {
  await page.goto('/');
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await ed.dragFromPalette('Cache (Redis)', { x: 300, y: 250 });
  await expect(ed.blocks).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  expect(download.suggestedFilename()).toBe('untitled.envelope.json');
  // Ctrl+O opens the file chooser.
  await chooserFrom(page, () => page.keyboard.press('Control+o'));
});

test('a design file dropped on the window opens; palette drops still add blocks', async ({ page }) => {
  await page.goto('/');
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  const text = JSON.stringify(shop);
  await dropFile(page, ed.canvas, 'shop.envelope.json', text);
  await expect(ed.blocks).toHaveCount(3);
  await expect(ed.block('db')).toBeVisible();
  const opened = JSON.parse(await documentText(page));
  expect(opened.title).toBe(shop.title);
  expect(opened.blocks.map((b: { id: string }) => b.id)).toEqual(['users', 'api', 'db']);

  await ed.dragFromPalette('Cache (Redis)', { x: 250, y: 120 });
  await expect(ed.blocks).toHaveCount(4);
});
