// The Recent designs dialog: every design the user has had open, newest first,
// searchable; open, duplicate, delete (undoable while the dialog is open); and
// "Restore previous design" as the shortcut to the one replaced last.
import { expect, test, type Page } from '@playwright/test';
import { design, openDesign, savedDocument } from '../helpers/design';
import { fileButton } from '../helpers/files';
import { libraryStored, openRecent, putStored, recentRow, recentTitles, reloadAtOnce } from '../helpers/library';
import { EditorPage } from '../pages/editor';

const titled = (title: string, kind = 'cache') =>
  design({ title, blocks: [{ id: 'b', kind, x: 0, y: 0 }] });

/** Open the gallery's template `title` over the open design. */
async function openTemplate(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('button', { name: `Open template ${title}` }).click();
  await expect(page.getByRole('dialog', { name: 'Start from a template' })).toBeHidden();
  await libraryStored(page);
}

test('three templates in a row: the first design drawn is still there, newest first', async ({ page }) => {
  await openDesign(page, titled('My first design'));
  await libraryStored(page);
  for (const t of ['URL shortener', 'Pastebin', 'E-commerce checkout']) await openTemplate(page, t);

  const dialog = await openRecent(page);
  await expect(dialog.locator('li.recent-row')).toHaveCount(4);
  const titles = await recentTitles(dialog);
  expect(titles.slice(0, 4)).toEqual([
    expect.stringMatching(/checkout/i),
    expect.stringMatching(/Pastebin/),
    expect.stringMatching(/URL shortener/),
    'My first design',
  ]);
  await expect(dialog.locator('li.recent-row').first()).toContainText('open here');

  await recentRow(dialog, 'My first design').locator('.recent-open').click();
  await expect(dialog).toBeHidden();
  expect((await savedDocument(page)).title).toBe('My first design');
  // The one it replaced is the previous design now.
  await fileButton(page, 'Restore previous design').click();
  await expect.poll(async () => (await savedDocument(page)).title).toMatch(/checkout/i);
});

test('search by title, duplicate, delete and undo the delete; Ctrl+Shift+O opens it', async ({ page }) => {
  await openDesign(page, titled('Alpha service'));
  await libraryStored(page);
  await openDesign(page, titled('Beta store'));
  await libraryStored(page);
  await openDesign(page, titled('Gamma queue'));
  await libraryStored(page);

  await page.keyboard.press('Control+Shift+O');
  const dialog = page.getByRole('dialog', { name: 'Recent designs' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('searchbox', { name: 'Search by title' })).toBeFocused();
  await page.keyboard.type('BETA');
  await expect.poll(() => recentTitles(dialog)).toEqual(['Beta store']);
  await dialog.getByRole('searchbox', { name: 'Search by title' }).fill('');

  await dialog.getByRole('button', { name: 'Duplicate Alpha service' }).click();
  await expect(recentRow(dialog, 'Alpha service (copy)')).toBeVisible();

  // The design open in this tab cannot be deleted from here.
  await expect(dialog.getByRole('button', { name: 'Delete Gamma queue' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Delete Beta store' }).click();
  await expect(recentRow(dialog, 'Beta store')).toHaveCount(0);
  await expect(dialog.getByText('Deleted “Beta store”.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Undo delete' }).click();
  await expect(recentRow(dialog, 'Beta store')).toBeVisible();

  // Delete for good, then check after a reload what is kept.
  await dialog.getByRole('button', { name: 'Delete Alpha service (copy)' }).click();
  await expect(recentRow(dialog, 'Alpha service (copy)')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await reloadAtOnce(page);
  const again = await openRecent(page);
  await expect(again.locator('li.recent-row')).toHaveCount(3);
  const titles = await recentTitles(again);
  expect(titles.slice(0, 3)).toEqual(['Gamma queue', 'Beta store', 'Alpha service']);
  expect(titles).not.toContain('Alpha service (copy)');

  // Open one from the list; its blocks are there.
  await recentRow(again, 'Beta store').locator('.recent-open').click();
  await expect(again).toBeHidden();
  expect((await savedDocument(page)).title).toBe('Beta store');
  await expect(new EditorPage(page).blocks).toHaveCount(1);
});

test('the dialog lists at least the last 50 designs', async ({ page }) => {
  await openDesign(page, titled('Design 0'));
  await libraryStored(page);
  // Store 55 designs directly as a long-time user would have them.
  const now = Date.now();
  await putStored(
    page,
    Array.from({ length: 55 }, (_, k) => {
      const i = k + 1;
      const text = JSON.stringify({ format: 'envelope/design', version: 1, title: `Design ${i}`, blocks: [], links: [] });
      return {
        summary: { id: `old${i}`, title: `Design ${i}`, updated: now - 1e9 + i * 1000, size: text.length, rev: 1 },
        design: { id: `old${i}`, rev: 1, text, view: '' },
      };
    }),
  );
  const dialog = await openRecent(page);
  await expect(dialog.locator('li.recent-row')).toHaveCount(56);
  const titles = await recentTitles(dialog);
  expect(titles.slice(0, 3)).toEqual(['Design 0', 'Design 55', 'Design 54']);
  await expect(dialog.getByRole('status').first()).toContainText('56 designs kept');
});
