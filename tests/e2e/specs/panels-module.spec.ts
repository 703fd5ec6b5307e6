// The page draws the design from a first, small wasm module; the panels around
// the canvas (toolbar, palette, inspector, results, dialogs) and the keyboard
// shortcuts come from a second module fetched after that. Nothing on the page
// moves when they arrive, and each module is fetched once.
import { expect, test } from '@playwright/test';
import { panelsLoaded, shareFragment, threeTier } from '../helpers/design';

test('the design is drawn first; the panels arrive after without moving anything', async ({ page }) => {
  // Record, at every frame from the start, the canvas's box the first time a
  // block is drawn, and the view it is drawn at.
  await page.addInitScript(() => {
    const w = window as any;
    const look = () => {
      const canvas = document.querySelector('svg.canvas');
      if (canvas && document.querySelector('g.block')) {
        const r = canvas.getBoundingClientRect();
        w.__first = {
          box: [r.x, r.y, r.width, r.height],
          view: canvas.querySelector('g.world')?.getAttribute('transform'),
        };
        return;
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
  });

  await page.goto('/' + shareFragment(threeTier()));
  await panelsLoaded(page);
  const toolbar = page.getByRole('toolbar', { name: 'Editor' });
  await expect(toolbar.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();

  const first = await page.waitForFunction(() => (window as any).__first).then((h) => h.jsonValue());
  const now = await page.evaluate(() => {
    const canvas = document.querySelector('svg.canvas')!;
    const r = canvas.getBoundingClientRect();
    return { box: [r.x, r.y, r.width, r.height], view: canvas.querySelector('g.world')?.getAttribute('transform') };
  });
  // Same place, same size, same view: the panels' space was kept for them.
  expect(now.box).toEqual(first.box);
  expect(now.view).toEqual(first.view);

  // Two modules, each fetched once: the first one, then the panels'.
  expect(wasm).toHaveLength(2);
  expect(wasm[0]).toMatch(/envelope-web-[0-9a-f]+_bg\.wasm$/);
  expect(wasm[1]).toMatch(/split_panel_view_[0-9]+-[0-9a-f]+\.wasm$/);

  // The shortcuts came with them: `?` opens the help sheet.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});
