// A new build reaches a returning visitor: its service worker is a new version
// (the build writes a hash of its files into sw.js), takes over, drops the old
// cache, and the next load shows the new index.html rather than a cached one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, serveDist, type StaticSite } from '../helpers/static-server';
import { EditorPage } from '../pages/editor';

// This spec is about the service worker, which the config blocks elsewhere.
test.use({ serviceWorkers: 'allow' });

let site: StaticSite;
test.beforeAll(async () => {
  site = await serveDist('/envelope/');
});
test.afterAll(async () => {
  await site?.close();
});

/** Wait until a worker controls the page and return the cache names it keeps. */
async function controlledCaches(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
    return (await caches.keys()).filter((n) => n.startsWith('envelope-'));
  });
}

test('a rebuilt site replaces the cached one on the next load', async ({ page }) => {
  await page.goto(site.url);
  await expect(new EditorPage(page).canvas).toBeVisible();
  const before = await controlledCaches(page);
  expect(before).toHaveLength(1);
  await expect(page).toHaveTitle('Envelope');

  // "Deploy" a new build: a changed index.html and the worker a build would write.
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const version = /^const VERSION = "([^"]+)";$/m.exec(worker)?.[1];
  expect(version, 'the build wrote a version into sw.js').toMatch(/^[0-9a-f]{16}$/);
  site.override.set('index.html', index.replace('<title>Envelope</title>', '<title>Envelope (new build)</title>'));
  site.override.set('sw.js', worker.replace(`const VERSION = "${version}";`, 'const VERSION = "0000000000000000";'));

  // The next visit finds the new worker; once it has taken over, the page is the new one.
  // (This load itself still comes from the old cache: cache first.)
  await page.reload();
  // Activation waits for the old worker to let go, which can take a few seconds.
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('envelope-'))), {
      timeout: 20_000,
    })
    .toEqual(['envelope-0000000000000000']);
  await page.reload();
  await expect(page).toHaveTitle('Envelope (new build)');
  await expect(new EditorPage(page).canvas).toBeVisible();
});
