// Ten times the traffic overloads the service: the block turns red and the
// `overloaded` error appears; "Apply to design" writes the multiplied rps in
// one undo step and resets the multiplier.
import { expect, test } from '@playwright/test';
import { design, openDesign, savedBlock } from '../helpers/design';
import { reportWhere } from '../helpers/report';
import { EditorPage } from '../pages/editor';

const small = design({
  title: 'Small',
  blocks: [
    { id: 'users', kind: 'client', label: 'Users', x: 100, y: 200, rps: 1000 },
    { id: 'lb', kind: 'load_balancer', label: 'LB', x: 350, y: 200, capacity_rps: 100000 },
    { id: 'api', kind: 'service', label: 'API', x: 600, y: 200, capacity_rps: 5000 },
  ],
  links: [
    { id: 'l1', from: 'users', to: 'lb' },
    { id: 'l2', from: 'lb', to: 'api' },
  ],
});

test('×10 traffic saturates a block; Apply to design writes it, one undo step', async ({ page }) => {
  await openDesign(page, small);
  const ed = new EditorPage(page);
  const api = ed.block('api');
  const overloaded = ed.finding(/^A block receives more than it can serve/);
  await reportWhere(page, (r) => r.max_scale === 5);
  await expect(api).not.toHaveClass(/\b(hot|saturated)\b/);
  await expect(overloaded).toHaveCount(0);

  await ed.setMultiplier('10');
  await expect(ed.multiplier).toHaveValue('×10');
  await expect(api).toHaveClass(/\bsaturated\b/);
  await expect(ed.blockMarks('api')).toContainText('⚠ saturated');
  await expect(ed.block('lb')).not.toHaveClass(/\b(hot|saturated)\b/);
  await expect(ed.results.getByRole('heading', { name: /^Errors \(\d+\)/ })).toBeVisible();
  await expect(overloaded).toBeVisible();
  await expect(ed.findingRow(/^A block receives more than it can serve/)).toHaveClass(/\berror\b/);
  const r = await reportWhere(page, (r) => r.findings.some((f) => f.rule === 'overloaded'));
  expect(r.blocks.find((b) => b.id === 'api')?.utilization).toBeCloseTo(2, 9);
  // Only the scenario changed, not the document.
  expect((await savedBlock(page, 'users')).rps).toBe(1000);

  await ed.whatIf.getByRole('button', { name: 'Apply to design' }).click();
  await expect.poll(async () => (await savedBlock(page, 'users')).rps).toBe(10000);
  await expect(ed.multiplier).toHaveValue('×1');
  await expect(ed.whatIf.getByRole('button', { name: 'Apply to design' })).toBeDisabled();
  // Now the design itself is overloaded.
  await expect(api).toHaveClass(/\bsaturated\b/);
  await expect(overloaded).toBeVisible();

  // One undo step takes it all back.
  await ed.tool('Undo').click();
  await expect.poll(async () => (await savedBlock(page, 'users')).rps).toBe(1000);
  await expect(api).not.toHaveClass(/\bsaturated\b/);
  await expect(overloaded).toHaveCount(0);
  await expect(ed.multiplier).toHaveValue('×1');
});
