// Failing a zone in the what-if scenario: the availability shown is what the
// CLI prints for `--fail <zone>`; "Clear failures" restores the design's.
import { expect, test } from '@playwright/test';
import { design, openDesign } from '../helpers/design';
import { cliEval, percent, reportWhere, requireCli, settledReport, tempDesignFile } from '../helpers/report';
import { EditorPage } from '../pages/editor';

const twoZones = design({
  title: 'Two zones',
  zones: [
    { id: 'az1', label: 'us-east-1a', x: 500, y: 60, w: 300, h: 160, availability: 0.9999 },
    { id: 'az2', label: 'us-east-1b', x: 500, y: 280, w: 300, h: 160, availability: 0.9999 },
  ],
  blocks: [
    { id: 'users', kind: 'client', label: 'Users', x: 100, y: 250, rps: 500 },
    { id: 'lb', kind: 'load_balancer', label: 'LB', x: 320, y: 250, route: 'failover', replicas: 2 },
    { id: 'a', kind: 'service', label: 'API A', x: 650, y: 140, zone: 'az1', availability: 0.999 },
    { id: 'b', kind: 'service', label: 'API B', x: 650, y: 360, zone: 'az2', availability: 0.999, latency_ms: 40 },
  ],
  links: [
    { id: 'l1', from: 'users', to: 'lb' },
    { id: 'l2', from: 'lb', to: 'a' },
    { id: 'l3', from: 'lb', to: 'b' },
  ],
});

test('fail a zone with F and from the inspector: the CLI’s --fail figures; Clear failures restores', async ({ page }) => {
  requireCli();
  const file = tempDesignFile(twoZones);
  const plain = cliEval(file);
  const down = cliEval(file, { fail: ['az1'] });
  expect(down.availability, 'failing az1 changes the figure').not.toBe(plain.availability);

  await openDesign(page, twoZones);
  const ed = new EditorPage(page);
  await expect(ed.figure('availability')).toHaveText(percent(plain.availability!));

  // Select the zone by its label and press F.
  await ed.zone('az1').locator('text.zone-label').click();
  await page.keyboard.press('f');
  const chip = ed.whatIf.getByRole('button', { name: 'Restore us-east-1a' });
  await expect(chip).toBeVisible();
  // The zone's blocks are down (the canvas names their own availability 0%).
  await expect(ed.block('a')).toHaveAttribute('aria-label', /own availability 0%/);
  await expect(ed.block('b')).not.toHaveAttribute('aria-label', /own availability 0%/);
  await expect(ed.figure('availability')).toHaveText(percent(down.availability!));
  let r = await reportWhere(page, (r) => r.availability === down.availability);
  expect(r.blocks).toEqual(down.blocks);
  expect(r.latency).toEqual(down.latency);

  // F again restores it.
  await page.keyboard.press('f');
  await expect(chip).toHaveCount(0);
  await expect(ed.figure('availability')).toHaveText(percent(plain.availability!));

  // The inspector's toggle does the same; Clear failures undoes it.
  await ed.inspector.getByRole('button', { name: 'Fail (what-if)' }).click();
  await expect(ed.inspector.getByRole('button', { name: 'Restore (what-if)' })).toBeVisible();
  await expect(chip).toBeVisible();
  await expect(ed.figure('availability')).toHaveText(percent(down.availability!));
  await ed.whatIf.getByRole('button', { name: 'Clear failures' }).click();
  await expect(chip).toHaveCount(0);
  await expect(ed.block('a')).not.toHaveAttribute('aria-label', /own availability 0%/);
  await expect(ed.figure('availability')).toHaveText(percent(plain.availability!));
  r = await settledReport(page);
  expect(r.availability).toBe(plain.availability);
});
