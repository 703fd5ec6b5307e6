// The worksheet in the inspector (model-2.md §3): users and their requests give
// the entry's rate, a store's record size and retention its storage, and the
// chain from what was typed to each figure shows under the Sizing fields.
import { expect, test } from '@playwright/test';
import { design, openDesign, savedBlock, savedDocument } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test('users give the rate, a store its storage, and the chain shows both', async ({ page }) => {
  await openDesign(
    page,
    design({
      title: 'Posts',
      blocks: [
        { id: 'users', kind: 'client', label: 'Users', x: 100, y: 200, rps: 1000 },
        { id: 'api', kind: 'service', label: 'API', x: 400, y: 200, latency_ms: 10 },
      ],
      links: [{ id: 'l1', from: 'users', to: 'api' }],
    }),
  );
  const ed = new EditorPage(page);
  const chain = ed.inspector.getByTestId('sizing-chain');

  // The client: 500 M users × 0.2 a day, × 5 at peak.
  await ed.clickBlock('users');
  await ed.setField('Daily active users', '500M');
  await ed.setField('Requests per user a day', '0.2');
  await ed.setField('Peak ÷ average', '5');
  await expect(chain).toContainText('500 M users × 0.2 a day ÷ 86,400 s = 1,157 /s average; × 5 peak = 5,787 /s');
  // Its rate is derived now: the typed rps was cleared and shows read-only.
  const users = await savedBlock(page, 'users');
  expect(users).toMatchObject({ users: 500_000_000, requests_per_user_day: 0.2, peak_factor: 5 });
  expect(users.rps).toBeUndefined();
  await expect(ed.field('Requests per second')).toHaveCount(0);
  await expect(ed.inspector).toContainText('5,787 req/s peak, from users');

  // A store behind the API, written to.
  const before = await ed.blockIds();
  await ed.dragFromPalette('Relational DB', { x: 500, y: 420 });
  await expect(ed.blocks).toHaveCount(3);
  const db = (await ed.blockIds()).find((id) => !before.includes(id))!;
  await ed.connectByHandle('api', db);
  await expect(ed.linkBetween('API', 'Relational DB')).toHaveCount(1);
  await ed.clickLink(ed.linkBetween('API', 'Relational DB'));
  await ed.field('Operation').selectOption('write');
  await expect
    .poll(async () => (await savedDocument(page)).links.find((l) => l.to === db)?.op)
    .toBe('write');
  // Without a payload the link names the input to fill in.
  await expect(ed.inspector.getByTestId('link-bandwidth')).toHaveText('Bandwidth: add a payload size');

  await ed.clickBlock(db);
  await expect(chain).toContainText('Storage: add a record size');
  await ed.setField('Bytes per record', '1 KB');
  await ed.setField('Retention', '5 years');
  await ed.setField('Replicas', '3');
  await expect(chain).toContainText('1,157 writes/s × 1 KB × 1,825 days × 3 copies = 548 TB');
  expect(await savedBlock(page, db)).toMatchObject({ record_bytes: 1000, retention_days: 1825, replicas: 3 });

  // A bad size says why and changes nothing.
  await ed.setField('Bytes per record', 'lots');
  await expect(ed.field('Bytes per record')).toHaveAttribute('aria-invalid', 'true');
  await expect(ed.inspector.getByRole('alert')).toBeVisible();
  await ed.field('Bytes per record').press('Escape');

  // Still there after a reload.
  await page.waitForTimeout(700);
  await page.reload();
  await expect(ed.blocks).toHaveCount(3);
  await ed.clickBlock(db);
  await expect(chain).toContainText('= 548 TB');
  await ed.clickBlock('users');
  await expect(chain).toContainText('× 5 peak = 5,787 /s');
});
