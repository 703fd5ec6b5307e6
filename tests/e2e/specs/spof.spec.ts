// Dropping a redundant service to one instance raises the `spof` warning, and
// clicking the warning selects the block on the canvas.
import { expect, test } from '@playwright/test';
import { design, openDesign } from '../helpers/design';
import { reportWhere } from '../helpers/report';
import { EditorPage } from '../pages/editor';

const redundant = design({
  title: 'Redundant',
  blocks: [
    { id: 'users', kind: 'client', label: 'Users', x: 100, y: 200, rps: 100 },
    { id: 'lb', kind: 'load_balancer', label: 'LB', x: 350, y: 200, replicas: 2, capacity_rps: 10000 },
    { id: 'api', kind: 'service', label: 'API', x: 600, y: 200, replicas: 2, capacity_rps: 10000 },
  ],
  links: [
    { id: 'l1', from: 'users', to: 'lb' },
    { id: 'l2', from: 'lb', to: 'api' },
  ],
});

test('one replica makes a single point of failure, and the finding shows the block', async ({ page }) => {
  await openDesign(page, redundant);
  const ed = new EditorPage(page);
  const spof = ed.finding(/^Single point of failure.*'api'/);
  await reportWhere(page, (r) => r.availability !== null);
  await expect(spof).toHaveCount(0);

  await ed.clickBlock('api');
  await ed.setField('Replicas', '1');

  const warnings = ed.results.getByRole('heading', { name: /^Warnings \(\d+\)/ });
  await expect(warnings).toBeVisible();
  await expect(spof).toBeVisible();
  await expect(ed.findingRow(/^Single point of failure.*'api'/)).toHaveClass(/\bwarning\b/);
  const r = await reportWhere(page, (r) => r.findings.some((f) => f.rule === 'spof'));
  expect(r.findings.filter((f) => f.rule === 'spof').map((f) => f.blocks)).toEqual([['api']]);

  // Select something else, then let the finding select its block.
  await ed.clickBlock('lb');
  expect(await ed.selectedBlockIds()).toEqual(['lb']);
  await spof.click();
  await expect(ed.block('api')).toHaveAttribute('aria-pressed', 'true');
  await expect(ed.block('api')).toHaveClass(/\bselected\b/);
  expect(await ed.selectedBlockIds()).toEqual(['api']);
  // The inspector lists it among the block's findings.
  await expect(
    ed.inspector.getByRole('region', { name: 'Findings for this block' }).getByRole('button', {
      name: /^Single point of failure/,
    }),
  ).toBeVisible();
});
