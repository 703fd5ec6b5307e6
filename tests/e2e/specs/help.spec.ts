import { test, expect } from '@playwright/test';
import { openEmpty } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('help', () => {
  test('? opens the keyboard shortcut sheet and Esc closes it', async ({ page }) => {
    await openEmpty(page);
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toHaveCount(0);
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
    const rows = dialog.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(15);
    for (const keys of ['Ctrl+Z', 'Ctrl+Shift+Z / Ctrl+Y', 'Ctrl+D', 'Delete / Backspace', 'Shift+1', 'Ctrl+0', 'C', 'G', 'Esc']) {
      await expect(dialog.locator('kbd', { hasText: new RegExp(`^${keys.replace(/[+/]/g, '\\$&')}$`) })).toHaveCount(1);
    }
    await expect(dialog.getByRole('row', { name: /Ctrl\+Z\s+Undo/ })).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('the toolbar button opens it too, and Close closes it', async ({ page }) => {
    await openEmpty(page);
    await new EditorPage(page).tool('Keyboard shortcuts').click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });
});
