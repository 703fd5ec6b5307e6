import { test, expect } from '@playwright/test';
import { openEmpty, savedDocument } from '../helpers/design';
import { EditorPage } from '../pages/editor';

// The "Done when": a URL shortener built in the browser with the palette,
// connections and the inspector; the saved document holds it all.
test('build a URL shortener: users → LB → app → cache → DB, with numbers', async ({ page }) => {
  await openEmpty(page);
  const ed = new EditorPage(page);
  const { width: w, height: h } = await ed.canvasBox();

  const parts: [string, number, number][] = [
    ['Users / client', 0.12, 0.3],
    ['Load balancer', 0.37, 0.3],
    ['Service (stateless app)', 0.62, 0.3],
    ['Cache (Redis)', 0.62, 0.7],
    ['Relational DB', 0.87, 0.7],
  ];
  for (const [name, fx, fy] of parts) await ed.dragFromPalette(name, { x: w * fx, y: h * fy });
  await expect(ed.blocks).toHaveCount(5);
  const [users, lb, app, cache, db] = await ed.blockIds();

  await ed.connectByHandle(users, lb);
  await ed.connectByHandle(lb, app);
  await ed.connectByHandle(app, cache);
  await ed.connectByHandle(cache, db);
  await expect(ed.links).toHaveCount(4);

  await ed.clickBlock(users);
  await ed.setField('Requests per second', '20000');
  await ed.clickBlock(lb);
  await ed.setField('Replicas', '2');
  await ed.clickBlock(app);
  await ed.setField('Label', 'Shortener');
  await ed.setField('Replicas', '4');
  await ed.setField('Capacity per instance', '2500');
  await ed.setField('p99 latency', '60');
  await ed.clickBlock(cache);
  await ed.setField('Hit ratio', '95%');
  await ed.clickBlock(db);
  await ed.setField('Replicas', '3');
  await ed.setField('Availability', '99.95%');
  await ed.clickLink(ed.linkBetween('Cache (Redis)', 'Relational DB'));
  await ed.setField('Network latency', '1');
  await page.keyboard.press('Escape');
  await ed.canvas.click({ position: { x: 5, y: 5 } });
  await ed.setField('Title', 'URL shortener');

  await expect(page.getByRole('toolbar', { name: 'Editor' })).toContainText('URL shortener');
  await expect(ed.blockNamed('Service (stateless app)', 'Shortener')).toHaveAttribute('aria-label', /4 replicas/);
  await expect(ed.linkBetween('Shortener', 'Cache (Redis)')).toHaveCount(1);

  const doc = await savedDocument(page);
  expect(doc.title).toBe('URL shortener');
  expect(doc.blocks).toHaveLength(5);
  expect(doc.links).toHaveLength(4);
  const b = Object.fromEntries(doc.blocks.map((x) => [x.id, x]));
  expect(b[users]).toMatchObject({ kind: 'client', rps: 20000 });
  expect(b[lb]).toMatchObject({ kind: 'load_balancer', replicas: 2, availability: 0.9999, capacity_rps: 10000, route: 'failover' });
  expect(b[app]).toMatchObject({ kind: 'service', label: 'Shortener', replicas: 4, capacity_rps: 2500, latency_ms: 20, p99_ms: 60 });
  expect(b[cache]).toMatchObject({ kind: 'cache', hit_ratio: 0.95, capacity_rps: 100000 });
  expect(b[db]).toMatchObject({ kind: 'relational_db', replicas: 3, availability: 0.9995, write_capacity_rps: 5000, single_writer: true });
  expect(doc.links.map((l) => [l.from, l.to])).toEqual([
    [users, lb],
    [lb, app],
    [app, cache],
    [cache, db],
  ]);
  expect(doc.links.map((l) => l.latency_ms)).toEqual([30, 0.5, 0.5, 1]);
  expect(new Set(doc.links.map((l) => l.id)).size).toBe(4);
});
