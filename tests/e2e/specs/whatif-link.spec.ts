// A share link with `&scale=3&fail=db` opens that scenario, and "Copy link"
// carries the scenario on.
import { expect, test } from '@playwright/test';
import { design, shareFragment } from '../helpers/design';
import { cliEval, percent, reportWhere, requireCli, tempDesignFile } from '../helpers/report';
import { EditorPage } from '../pages/editor';

const withCache = design({
  title: 'Cache and DB',
  blocks: [
    { id: 'users', kind: 'client', label: 'Users', x: 100, y: 200, rps: 1000 },
    { id: 'api', kind: 'service', label: 'API', x: 350, y: 200, replicas: 3, capacity_rps: 2000 },
    { id: 'cache', kind: 'cache', label: 'Cache', x: 600, y: 120, hit_ratio: 0.9 },
    { id: 'db', kind: 'relational_db', label: 'DB', x: 600, y: 300, replicas: 2, capacity_rps: 5000 },
  ],
  links: [
    { id: 'l1', from: 'users', to: 'api' },
    { id: 'l2', from: 'api', to: 'cache' },
    { id: 'l3', from: 'cache', to: 'db' },
  ],
});

test('a link with scale and fail opens that scenario; Copy link keeps it', async ({ page, context }) => {
  requireCli();
  const expected = cliEval(tempDesignFile(withCache), { scale: 3, fail: ['db'] });

  await page.goto('/' + shareFragment(withCache) + '&scale=3&fail=db');
  const ed = new EditorPage(page);
  await expect(ed.blocks).toHaveCount(withCache.blocks.length);
  await expect(ed.multiplier).toHaveValue('×3');
  await expect(ed.whatIf.getByRole('button', { name: 'Restore DB' })).toBeVisible();
  await expect(ed.block('db')).toHaveClass(/\bfailed\b/);
  await expect(ed.results).toContainText('What-if scenario — traffic ×3; down: DB');

  const r = await reportWhere(page, (r) => r.availability === expected.availability);
  expect(r.max_scale).toBe(expected.max_scale);
  expect(r.blocks).toEqual(expected.blocks);
  await expect(ed.figure('availability')).toHaveText(percent(expected.availability!));

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ed.tool('Copy link').click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/#v1=[A-Za-z0-9_-]+.*&scale=3\b.*&fail=db\b/);
});
