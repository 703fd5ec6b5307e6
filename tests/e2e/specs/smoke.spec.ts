import { test, expect } from '@playwright/test';

test('the app loads, shows its heading and logs no errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));

  await page.goto('/');
  await expect(page).toHaveTitle('Envelope');
  // The heading is rendered by the wasm app, so seeing it means the app started.
  await expect(page.getByRole('heading', { level: 1, name: 'Envelope' })).toBeVisible();
  expect(errors).toEqual([]);
});
