// A truncated share link shows what is wrong and opens nothing; a good link
// opened over an autosaved design leaves that design restorable.
import { expect, test } from '@playwright/test';
import { design, shareFragment, panelsLoaded } from '../helpers/design';
import { documentText, errorDialog, fileButton, listedErrors } from '../helpers/files';
import { EditorPage } from '../pages/editor';

const linked = design({
  title: 'From a link',
  blocks: [
    { id: 'users', kind: 'client', label: 'Users', x: 100, y: 200 },
    { id: 'api', kind: 'service', label: 'API', x: 350, y: 200 },
  ],
  links: [{ id: 'l1', from: 'users', to: 'api' }],
});

test('a truncated link shows its error and opens nothing', async ({ page }) => {
  const fragment = shareFragment(linked);
  await page.goto('/' + fragment.slice(0, fragment.length - 12));
  await panelsLoaded(page);
  const dialog = errorDialog(page, 'This link could not be opened');
  await expect(dialog).toBeVisible();
  const listed = await listedErrors(dialog);
  expect(listed.length).toBeGreaterThan(0);
  for (const [at, message] of listed) {
    expect(at).not.toBe('');
    expect(message).not.toBe('');
  }
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const ed = new EditorPage(page);
  await expect(ed.blocks).toHaveCount(0);
  expect(JSON.parse(await documentText(page)).blocks).toEqual([]);
});

test('a link opened over an autosaved design leaves that design restorable', async ({ page }) => {
  await page.goto('/');
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await ed.dragFromPalette('Cache (Redis)', { x: 300, y: 150 });
  await expect(ed.blocks).toHaveCount(1);
  const mine = await documentText(page);
  await page.waitForTimeout(700);

  await page.goto('about:blank');
  await page.goto('/' + shareFragment(linked));
  await panelsLoaded(page);
  await expect(ed.blocks).toHaveCount(2);
  expect(JSON.parse(await documentText(page)).title).toBe('From a link');

  await fileButton(page, 'Restore previous design').click();
  await expect(ed.blocks).toHaveCount(1);
  expect(await documentText(page)).toBe(mine);
});
