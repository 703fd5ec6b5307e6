// When storage fails, nothing the user has is lost: full storage and a refused
// IndexedDB are said once, with Save as file, and retried quietly; a damaged
// entry is skipped and the others open; the old one-slot autosave moves into
// the library; a reload while a store is under way finds the design whole.
import { expect, test } from '@playwright/test';
import { design, openDesign, openEmpty, panelsLoaded, savedDocument } from '../helpers/design';
import { fileButton } from '../helpers/files';
import {
  libraryStored,
  openRecent,
  putStored,
  recentRow,
  recentTitles,
  reloadAtOnce,
  storedSummaries,
} from '../helpers/library';
import { EditorPage } from '../pages/editor';

const cacheDesign = (title: string) => design({ title, blocks: [{ id: 'c', kind: 'cache', x: 0, y: 0 }] });

test('storage full: said once, Save as file offered, stored once there is room again', async ({ page }) => {
  // Fill localStorage (the closing journal's place) and make IndexedDB's
  // writes fail as a full disk does, until the test makes room.
  await page.addInitScript(() => {
    (window as any).__full = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: any[]) {
      if ((window as any).__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as any);
    };
  });
  await openEmpty(page);
  await page.evaluate(() => {
    const chunk = 'x'.repeat(100_000);
    try {
      for (let i = 0; i < 200; i++) localStorage.setItem(`filler${i}`, chunk);
    } catch {
      /* full now */
    }
  });
  const ed = new EditorPage(page);
  await ed.dragFromPalette('Users / client', { x: 200, y: 150 });
  await expect(ed.notice).toContainText('Autosave is off');
  await expect(ed.notice).toContainText('full');
  await expect(ed.notice.getByRole('button', { name: 'Save as file' })).toBeVisible();
  await ed.notice.getByRole('button', { name: 'Dismiss' }).click();

  // Editing goes on, and the message does not come back.
  await ed.dragFromPalette('Cache (Redis)', { x: 450, y: 150 });
  await page.waitForTimeout(1500);
  await expect(ed.blocks).toHaveCount(2);
  await expect(ed.notice).toBeHidden();

  // Room again: the quiet retry stores the design.
  await page.evaluate(() => {
    (window as any).__full = false;
    for (let i = 0; i < 200; i++) localStorage.removeItem(`filler${i}`);
  });
  await expect(ed.notice).toContainText('Autosave works again', { timeout: 15_000 });
  await libraryStored(page);
  const kept = await storedSummaries(page);
  expect(kept).toHaveLength(1);
  const text = await page.evaluate(() => (window as any).envelope.document());
  await reloadAtOnce(page);
  expect(await page.evaluate(() => (window as any).envelope.document())).toBe(text);
});

test('IndexedDB refused: said once, the design stays open, and the journal keeps it across a reload', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('IndexedDB is off here.', 'SecurityError');
    };
  });
  await openEmpty(page);
  const ed = new EditorPage(page);
  await ed.dragFromPalette('Users / client', { x: 200, y: 150 });
  await expect(ed.notice).toContainText('Autosave is off');
  await expect(ed.notice).toContainText('refuses');
  await ed.notice.getByRole('button', { name: 'Dismiss' }).click();
  await ed.dragFromPalette('Cache (Redis)', { x: 450, y: 150 });
  await expect(ed.blocks).toHaveCount(2);
  const mine = await savedDocument(page);

  // New design and back: this session keeps the previous design in memory.
  await fileButton(page, 'New design').click();
  await expect(ed.blocks).toHaveCount(0);
  await fileButton(page, 'Restore previous design').click();
  await expect(ed.blocks).toHaveCount(2);
  expect(await savedDocument(page)).toEqual(mine);

  // A reload finds it too (kept in localStorage while IndexedDB is refused).
  await page.reload();
  await panelsLoaded(page);
  await expect(ed.blocks).toHaveCount(2);
  expect(await savedDocument(page)).toEqual(mine);
});

test('a damaged entry is skipped with a message; the others still open', async ({ page }) => {
  await openDesign(page, cacheDesign('Healthy'));
  await libraryStored(page);
  await openDesign(page, cacheDesign('Also healthy'));
  await libraryStored(page);
  // A summary with no title, and a design whose text is not a design.
  await putStored(page, [
    { summary: { id: 'broken1', updated: Date.now(), size: 3, rev: 1 } },
    {
      summary: { id: 'broken2', title: 'Scrambled', updated: Date.now() + 10, size: 3, rev: 1 },
      design: { id: 'broken2', rev: 1, text: '{"format": 7', view: '' },
    },
  ]);
  const dialog = await openRecent(page);
  await expect(dialog.getByRole('status').first()).toContainText('1 damaged entry was skipped');
  await expect.poll(() => recentTitles(dialog)).toEqual(['Scrambled', 'Also healthy', 'Healthy']);

  await recentRow(dialog, 'Scrambled').locator('.recent-open').click();
  const problem = page.getByRole('alertdialog', { name: '“Scrambled” could not be opened' });
  await expect(problem).toBeVisible();
  await problem.getByRole('button', { name: 'Close' }).click();
  expect((await savedDocument(page)).title).toBe('Also healthy');

  const again = await openRecent(page);
  await recentRow(again, 'Healthy').locator('.recent-open').click();
  await expect.poll(async () => (await savedDocument(page)).title).toBe('Healthy');
});

test('the old one-slot autosave moves into the library on the first start, whole', async ({ page }) => {
  const current = JSON.stringify(cacheDesign('Drawn before the library'));
  const previous = JSON.stringify(cacheDesign('The one before that'));
  const view = JSON.stringify({ zoom: 2, pan: [10, 20], selection: { blocks: ['c'] } });
  await openEmpty(page);
  // What an older version of the app left in localStorage, then a new start.
  await page.evaluate(
    ([current, previous, view]) => {
      localStorage.setItem('envelope.design', current);
      localStorage.setItem('envelope.design.view', view);
      localStorage.setItem('envelope.previous', previous);
      sessionStorage.clear();
    },
    [current, previous, view],
  );
  await page.reload();
  await panelsLoaded(page);
  await libraryStored(page);
  expect(await savedDocument(page)).toEqual(JSON.parse(current));
  expect(await new EditorPage(page).selectedBlockIds()).toEqual(['c']);
  expect(await page.evaluate(() => [localStorage.getItem('envelope.design'), localStorage.getItem('envelope.previous')])).toEqual([
    null,
    null,
  ]);
  const titles = (await storedSummaries(page)).map((s) => s.title).sort();
  expect(titles).toEqual(['Drawn before the library', 'The one before that']);
  await fileButton(page, 'Restore previous design').click();
  await expect.poll(async () => (await savedDocument(page)).title).toBe('The one before that');
});

test('a reload while a store is under way finds the design whole', async ({ page }) => {
  await openDesign(page, cacheDesign('Whole'));
  await libraryStored(page);
  const ed = new EditorPage(page);
  // Many changes in a row, each restarting the store's pause; reload in the
  // middle of the last one's store.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+a').then(() => page.keyboard.press('ArrowRight'));
  await page.waitForTimeout(1000);
  await page.keyboard.press('ArrowDown');
  const expected = await savedDocument(page);
  await reloadAtOnce(page);
  expect(await savedDocument(page)).toEqual(expected);
  await expect(ed.blocks).toHaveCount(1);
});
