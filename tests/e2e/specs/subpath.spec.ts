// The built site works from a static host under a sub-path (`/envelope/`): every
// URL it uses is relative, so nothing is asked of the host's root.
import { expect, test, type BrowserContext } from '@playwright/test';
import { shareFragment, threeTier } from '../helpers/design';
import { serveDist, type StaticSite } from '../helpers/static-server';
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

/** Every failed request and every 4xx/5xx response the context sees, page and worker alike. */
function failures(context: BrowserContext): string[] {
  const bad: string[] = [];
  context.on('requestfailed', (r) => bad.push(`${r.url()} failed: ${r.failure()?.errorText}`));
  context.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.url()} answered ${r.status()}`);
  });
  return bad;
}

test('the app loads under /envelope/ with no failed request', async ({ page, context }) => {
  const bad = failures(context);
  const asked: string[] = [];
  context.on('request', (r) => asked.push(r.url()));
  await page.goto(site.url);
  const ed = new EditorPage(page);
  await expect(ed.canvas).toBeVisible();
  await expect(ed.palette).toBeVisible();
  await expect(ed.paletteItem('Load balancer')).toBeVisible();
  // The service worker is registered at the sub-path and covers it.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(site.url);

  // The manifest and each of its icons load, resolved against the manifest.
  const icons = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
    const manifest = await (await fetch(href)).json();
    const out = [{ url: href, ok: true, type: 'manifest' }];
    for (const icon of manifest.icons) {
      const url = new URL(icon.src, href).href;
      const res = await fetch(url);
      out.push({ url, ok: res.ok, type: res.headers.get('content-type') ?? '' });
    }
    return { start: new URL(manifest.start_url, href).href, out };
  });
  expect(icons.start).toBe(site.url);
  expect(icons.out.length).toBeGreaterThan(2);
  for (const i of icons.out) expect(i.ok, i.url).toBe(true);

  expect(bad).toEqual([]);
  // Nothing was asked of the host outside the sub-path.
  const outside = asked.filter((u) => u.startsWith('http') && !u.startsWith(site.url));
  expect(outside).toEqual([]);
});

test('a share link under /envelope/ opens its design', async ({ page, context }) => {
  const bad = failures(context);
  const d = threeTier();
  await page.goto(site.url + shareFragment(d));
  const ed = new EditorPage(page);
  await expect(ed.blocks).toHaveCount(d.blocks.length);
  await expect(ed.links).toHaveCount(d.links.length);
  await expect(ed.block('api')).toBeVisible();
  const doc = JSON.parse(await page.evaluate(() => (window as any).envelope.document() as string));
  expect(doc.title).toBe(d.title);
  expect(doc.blocks.map((b: { id: string }) => b.id)).toEqual(['users', 'lb', 'api']);
  // Copy link points back under the sub-path.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ed.tool('Copy link').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp('^' + site.url.replace(/[.]/g, '\\.') + '#v1='),
  );
  expect(bad).toEqual([]);
});

test('the templates index and every template fetch relative to the page', async ({ page }) => {
  await page.goto(site.url);
  await expect(new EditorPage(page).canvas).toBeVisible();
  const got = await page.evaluate(async () => {
    const index = await (await fetch('public/templates/index.json')).json();
    const out: { file: string; status: number; format: string }[] = [];
    for (const t of index) {
      const res = await fetch('public/templates/' + t.file);
      out.push({ file: t.file, status: res.status, format: res.ok ? (await res.json()).format : '' });
    }
    return out;
  });
  expect(got.length).toBeGreaterThanOrEqual(7);
  for (const t of got) expect(t, t.file).toMatchObject({ status: 200, format: 'envelope/design' });
});
