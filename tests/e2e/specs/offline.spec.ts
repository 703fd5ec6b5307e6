// After one visit the app works offline: the service worker precached the built
// files and serves them when the network is gone.
import { expect, test } from '@playwright/test';
import { EditorPage } from '../pages/editor';
import { panelsLoaded } from '../helpers/design';

// This spec is about the service worker, which the config blocks elsewhere.
test.use({ serviceWorkers: 'allow' });

test('offline on the second load, the app still loads and edits', async ({ page, context }) => {
  await page.goto('/');
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await expect(ed.canvas).toBeVisible();
  // The worker installed (precached everything) and controls this page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });

  await context.setOffline(true);
  const res = await page.reload();
  await panelsLoaded(page);
  expect(res?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await expect(ed.canvas).toBeVisible();
  await expect(ed.palette).toBeVisible();
  await page.waitForFunction(() => typeof (window as any).envelope?.document === 'function');

  // It works: add a block from the palette with the keyboard.
  await ed.paletteItem('Load balancer').focus();
  await page.keyboard.press('Enter');
  await expect(ed.blocks).toHaveCount(1);
  const doc = JSON.parse(await page.evaluate(() => (window as any).envelope.document() as string));
  expect(doc.blocks.map((b: { kind: string }) => b.kind)).toEqual(['load_balancer']);

  // The templates are there offline too.
  const status = await page.evaluate(async () => (await fetch('public/templates/index.json')).status);
  expect(status).toBe(200);
  await context.setOffline(false);
});
