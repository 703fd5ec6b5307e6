// Presentation mode: P (or the Present button) hides the editing chrome, the
// arrows step through the findings (scenarios.spec.ts: the scenarios first), each marked on the canvas and in the
// results panel with a caption, Esc leaves.
import { expect, test } from '@playwright/test';
import { openDesign, shareFragment, threeTier, panelsLoaded } from '../helpers/design';
import { settledReport } from '../helpers/report';
import { EditorPage } from '../pages/editor';

const severityOrder = ['error', 'warning', 'info'];

test('P presents; the arrows step the findings; Esc leaves', async ({ page }) => {
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  const report = await settledReport(page);
  const findings = [...report.findings].sort(
    (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity),
  );
  expect(findings.length).toBeGreaterThan(1);
  const caption = page.getByRole('region', { name: 'Presentation' });
  const toolbar = page.getByRole('toolbar', { name: 'Editor' });

  await page.keyboard.press('p');
  await expect(caption).toBeVisible();
  await expect(caption).toContainText('Overview');
  await expect(ed.palette).toHaveCount(0);
  await expect(ed.inspector).toHaveCount(0);
  await expect(toolbar).toBeHidden();
  await expect(ed.canvas).toBeVisible();
  await expect(ed.results).toBeVisible();

  const current = ed.results.locator('li.finding.current');
  for (const [i, key] of [[1, 'ArrowRight'], [2, 'ArrowDown'], [1, 'ArrowLeft']] as const) {
    await page.keyboard.press(key);
    const f = findings[i - 1];
    await expect(caption).toContainText(`Finding ${i} of ${findings.length}`);
    await expect(caption).toContainText(f.message);
    await expect(current).toHaveCount(1);
    await expect(current).toContainText(f.message);
    await expect.poll(() => ed.selectedBlockIds()).toEqual([...f.blocks].sort());
  }
  await page.keyboard.press('ArrowUp');
  await expect(caption).toContainText('Overview');
  await expect(current).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(caption).toHaveCount(0);
  await expect(toolbar).toBeVisible();
  await expect(ed.palette).toBeVisible();
});

test('the Present button and the caption buttons; works in a read-only view', async ({ page }) => {
  await page.goto('/' + shareFragment(threeTier()) + '&view');
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await expect(ed.blocks).toHaveCount(3);
  const caption = page.getByRole('region', { name: 'Presentation' });

  await ed.tool('Present').click();
  await expect(caption).toBeVisible();
  await caption.getByRole('button', { name: 'Next step' }).click();
  await expect(caption).toContainText('Finding 1 of');
  await expect(ed.results.locator('li.finding.current')).toHaveCount(1);
  await caption.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(caption).toHaveCount(0);
  // Still read-only after presenting.
  await expect(page.getByRole('group', { name: 'Read-only view' })).toBeVisible();
});

test('P typed into a field is text, not a shortcut', async ({ page }) => {
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  await ed.multiplier.click();
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'Presentation' })).toHaveCount(0);
});

test('the help sheet lists P and the arrows', async ({ page }) => {
  await openDesign(page, threeTier());
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('row', { name: /^P\s+Presentation mode/ })).toHaveCount(1);
  await expect(dialog.getByRole('row', { name: /→.*presenting.*next \/ previous scenario or finding/ })).toHaveCount(1);
});
