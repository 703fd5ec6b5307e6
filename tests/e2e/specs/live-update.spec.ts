// Committing a number (Enter, as any inspector field) is enough: the hot-spot
// colour and the headroom follow with no button to press.
import { expect, test } from '@playwright/test';
import { openDesign, threeTier } from '../helpers/design';
import { reportWhere } from '../helpers/report';
import { EditorPage } from '../pages/editor';

test('editing capacity recolours the block and updates max scale with no evaluate button', async ({ page }) => {
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  const api = ed.block('api');
  await expect(ed.figure('max_scale')).toContainText('×10 today');
  await expect(api).not.toHaveClass(/\b(hot|saturated)\b/);

  await ed.clickBlock('api');
  const capacity = ed.field('Capacity per instance');
  // ρ = 1000 / 1250 = 0.8: hot, and the design holds ×1.25.
  await ed.setField('Capacity per instance', '1250');
  await expect(api).toHaveClass(/\bhot\b/);
  await expect(ed.figure('max_scale')).toContainText('×1.25 today');
  await expect(ed.figure('max_scale')).toContainText('API');
  await expect(capacity).toBeFocused();

  // ρ = 1000 / 800 > 1: saturated.
  await ed.setField('Capacity per instance', '800');
  await expect(api).toHaveClass(/\bsaturated\b/);
  await expect(api).not.toHaveClass(/\bhot\b/);
  await expect(ed.blockMarks('api')).toContainText('⚠ saturated');
  await expect(ed.figure('max_scale')).toContainText('Overloaded');
  const r = await reportWhere(page, (r) => r.max_scale === 0.8);
  expect(r.bottleneck).toBe('api');

  // Back to plenty: the colour goes.
  await ed.setField('Capacity per instance', '100000');
  await expect(api).not.toHaveClass(/\b(hot|saturated)\b/);
  await expect(ed.figure('max_scale')).toContainText('×10 today');
});
