import { test, expect } from '@playwright/test';
import { openEmpty } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('theme', () => {
  test('the Dark theme toggle switches data-theme on <html>', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openEmpty(page);
    const html = page.locator('html');
    const toggle = new EditorPage(page).tool('Dark theme');
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
  });

  test('a system dark preference starts in the dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openEmpty(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});
