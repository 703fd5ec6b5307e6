// Autosave: the design, its view and its selection survive a reload; New design
// keeps the previous one restorable, and restoring swaps the two.
import { expect, test, type Page } from '@playwright/test';
import { design, shareFragment } from '../helpers/design';
import { documentText, fileButton } from '../helpers/files';
import { EditorPage } from '../pages/editor';

test('the design, its view and its selection survive a reload', async ({ page }) => {
  await page.goto('/');
  const ed = new EditorPage(page);
  await ed.dragFromPalette('Users / client', { x: 200, y: 150 });
  await ed.dragFromPalette('Cache (Redis)', { x: 450, y: 150 });
  await expect(ed.blocks).toHaveCount(2);
  const ids = await ed.blockIds();
  await ed.clickBlock(ids[1]);
  await ed.tool('Zoom in').click();
  await ed.tool('Zoom in').click();
  const zoom = await ed.zoomReset.textContent();
  expect(zoom).toBe('156%');
  const design = await documentText(page);
  const transform = await ed.world.getAttribute('transform');

  // Give the debounced autosave time to run, then reopen the site.
  await page.waitForTimeout(700);
  await page.reload();
  await expect(ed.blocks).toHaveCount(2);
  expect(await documentText(page)).toBe(design);
  await expect(ed.zoomReset).toHaveText(zoom!);
  expect(await ed.world.getAttribute('transform')).toBe(transform);
  expect(await ed.selectedBlockIds()).toEqual([ids[1]]);
});

test('New design keeps the previous one; Restore previous swaps them back and forth', async ({ page }) => {
  await page.goto('/');
  const ed = new EditorPage(page);
  await expect(fileButton(page, 'Restore previous design')).toBeDisabled();
  await ed.dragFromPalette('Users / client', { x: 200, y: 150 });
  await ed.dragFromPalette('Cache (Redis)', { x: 450, y: 150 });
  await expect(ed.blocks).toHaveCount(2);
  const mine = await documentText(page);

  // Straight after an edit (before the autosave pause ends): nothing is lost.
  await fileButton(page, 'New design').click();
  await expect(ed.blocks).toHaveCount(0);
  const empty = await documentText(page);
  await fileButton(page, 'Restore previous design').click();
  await expect(ed.blocks).toHaveCount(2);
  expect(await documentText(page)).toBe(mine);

  // The empty design became the previous one.
  await fileButton(page, 'Restore previous design').click();
  await expect(ed.blocks).toHaveCount(0);
  expect(await documentText(page)).toBe(empty);

  // Still there after a reload.
  await page.waitForTimeout(700);
  await page.reload();
  await expect(ed.blocks).toHaveCount(0);
  await fileButton(page, 'Restore previous design').click();
  await expect(ed.blocks).toHaveCount(2);
  expect(await documentText(page)).toBe(mine);
});

/**
 * Draw and autosave a one-cache design, then open a `&view` link of another
 * design over it. Returns the editor and the autosaved design's text.
 */
async function viewLinkOverMyDesign(page: Page): Promise<{ ed: EditorPage; mine: string }> {
  await page.goto('/');
  const ed = new EditorPage(page);
  await ed.dragFromPalette('Cache (Redis)', { x: 300, y: 150 });
  await expect(ed.blocks).toHaveCount(1);
  const mine = await documentText(page);
  await page.waitForTimeout(700);

  const other = design({
    title: 'Shown to a class',
    blocks: [{ id: 'users', kind: 'client', x: 100, y: 100 }],
  });
  await page.goto('about:blank');
  await page.goto('/' + shareFragment(other) + '&view');
  return { ed, mine };
}

test('a read-only (&view) link does not overwrite the autosaved design', async ({ page }) => {
  const { ed, mine } = await viewLinkOverMyDesign(page);
  await expect(ed.blocks).toHaveCount(1);
  expect(JSON.parse(await documentText(page)).title).toBe('Shown to a class');
  await page.waitForTimeout(700);

  await page.goto('about:blank');
  await page.goto('/');
  await expect(ed.blocks).toHaveCount(1);
  expect(await documentText(page)).toBe(mine);
});

test('"Edit a copy" of a view link makes it yours and keeps your design restorable', async ({ page }) => {
  const { mine } = await viewLinkOverMyDesign(page);
  await page.getByRole('button', { name: 'Edit a copy' }).click();
  const copy = await documentText(page);
  expect(JSON.parse(copy).title).toBe('Shown to a class');
  await page.waitForTimeout(700);

  // A reload keeps the copy (no link left in the address), and the design it
  // replaced comes back with "Restore previous design".
  await page.reload();
  await expect.poll(() => documentText(page)).toBe(copy);
  await page.getByRole('button', { name: 'Restore previous design' }).click();
  await expect.poll(() => documentText(page)).toBe(mine);
});
