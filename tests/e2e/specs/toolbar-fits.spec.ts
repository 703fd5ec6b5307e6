// The toolbar fits on one row on common screens (a 1280×720 laptop, 1920×1080
// at 150% zoom, which is 1280 CSS px, and a 1024 px window): nothing runs off
// the right edge, every button shows and is named, and no glyph needs an
// emoji font.
import { test, expect } from '@playwright/test';
import { panelsLoaded, shareFragment, threeTier } from '../helpers/design';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 720 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the toolbar fits on one row and every button is visible and named', async ({ page }) => {
      await page.goto('/');
      // The toolbar's buttons come with the panels' module.
      await panelsLoaded(page);
      const toolbar = page.getByRole('toolbar', { name: 'Editor' });
      await expect(toolbar).toBeVisible();

      const fit = await toolbar.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.client);

      const buttons = await toolbar.getByRole('button').all();
      expect(buttons.length).toBeGreaterThanOrEqual(20);
      let row: number | undefined;
      for (const button of buttons) {
        await expect(button).toBeVisible();
        await expect(button).toHaveAccessibleName(/\S/);
        const box = await button.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
        expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
        // One row: every button's middle sits at the same height.
        const middle = Math.round(box!.y + box!.height / 2);
        row ??= middle;
        expect(Math.abs(middle - row)).toBeLessThanOrEqual(1);
      }
    });

    test('the toolbar shows no emoji', async ({ page }) => {
      await page.goto('/');
      // The toolbar's buttons come with the panels' module.
      await panelsLoaded(page);
      const text = await page.getByRole('toolbar', { name: 'Editor' }).evaluate((el) => el.textContent ?? '');
      expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
    });
  });
}

test('at 1280×720 a long title shrinks with an ellipsis and the buttons stay', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  // The toolbar's buttons come with the panels' module.
  await panelsLoaded(page);
  const title = page.getByRole('toolbar', { name: 'Editor' }).locator('.title');
  const field = page.getByLabel('Title', { exact: true });
  await field.fill('A design with a very long title '.repeat(6));
  await field.press('Tab');
  await expect(title).toContainText('A design with a very long title');
  const widths = await title.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
  const fit = await page.locator('.toolbar').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);
});

test('at 1024×720 a read-only view, with its badge, still fits on one row', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 720 });
  await page.goto('/' + shareFragment(threeTier()) + '&view');
  // The toolbar's buttons come with the panels' module.
  await panelsLoaded(page);
  await expect(page.getByRole('group', { name: 'Read-only view' })).toBeVisible();
  const toolbar = page.getByRole('toolbar', { name: 'Editor' });
  const fit = await toolbar.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);
  await expect(page.getByRole('button', { name: 'Edit a copy' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
});
