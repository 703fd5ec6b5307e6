// A `&view` link opens read-only: the results and findings are there, pan, zoom
// and what-if work, nothing edits the document until "Edit a copy".
import { expect, test, type Page } from '@playwright/test';
import { shareFragment, threeTier, panelsLoaded } from '../helpers/design';
import { settledReport } from '../helpers/report';
import { EditorPage } from '../pages/editor';

const doc = (page: Page) => page.evaluate(() => (window as any).envelope.document() as string);

async function openView(page: Page): Promise<EditorPage> {
  await page.goto('/' + shareFragment(threeTier()) + '&view');
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await expect(ed.blocks).toHaveCount(3);
  return ed;
}

test('a view link shows results and findings, without palette or inspector', async ({ page }) => {
  const ed = await openView(page);
  await expect(page.getByRole('group', { name: 'Read-only view' })).toBeVisible();
  await expect(ed.palette).toHaveCount(0);
  await expect(ed.inspector).toHaveCount(0);
  await expect(ed.results).toBeVisible();
  const report = await settledReport(page);
  expect(report.findings.length).toBeGreaterThan(0);
  await expect(ed.results.locator('li.finding')).toHaveCount(report.findings.length);
  // Findings cannot be accepted here, and no block offers a connection handle.
  await expect(ed.results.getByRole('button', { name: 'Accept…' })).toHaveCount(0);
  await expect(ed.block('api').locator('.handle')).toBeHidden();
});

test('keyboard and mouse edits leave the document as the link made it', async ({ page }) => {
  const ed = await openView(page);
  const before = await doc(page);

  await ed.clickBlock('api');
  await page.keyboard.press('Delete');
  await expect(ed.notice).toContainText('Edit a copy');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+d');
  await page.keyboard.press('Control+z');
  await ed.dragBlock('users', 120, 80);
  const lb = await ed.blockCentre('lb');
  const api = await ed.blockCentre('api');
  await page.mouse.move(api.x + 90, api.y);
  await page.mouse.down();
  await page.mouse.move(lb.x, lb.y + 100, { steps: 5 });
  await page.mouse.up();

  // The context menu keeps the what-if entry only.
  await ed.block('api').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'Fail (what-if)' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Duplicate' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The list view shows the numbers with its controls disabled.
  await page.keyboard.press('l');
  const list = page.getByRole('region', { name: 'Design as a list' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('button', { name: 'Add block' })).toBeDisabled();
  await page.getByRole('button', { name: 'Back to canvas' }).click();

  expect(await doc(page)).toBe(before);
  await expect(ed.blocks).toHaveCount(3);
});

test('zoom and the what-if scenario still work in a view', async ({ page }) => {
  const ed = await openView(page);
  const before = await doc(page);
  const v = await ed.view();
  await ed.tool('Zoom in').click();
  await expect.poll(async () => (await ed.view()).zoom).toBeGreaterThan(v.zoom);

  await ed.setMultiplier('3');
  await expect(ed.results).toContainText('What-if scenario — traffic ×3');
  await ed.clickBlock('api');
  await page.keyboard.press('f');
  await expect(ed.block('api')).toHaveClass(/\bfailed\b/);
  await expect(ed.results).toContainText('down: API');
  expect(await doc(page)).toBe(before);
});

test('"Edit a copy" makes the design editable and drops the link from the address', async ({ page }) => {
  const ed = await openView(page);
  await page.getByRole('button', { name: 'Edit a copy' }).click();
  await expect(page.getByRole('group', { name: 'Read-only view' })).toHaveCount(0);
  await expect(ed.palette).toBeVisible();
  await expect(ed.inspector).toBeVisible();
  // The copy is the user's own document now (autosaved): the link leaves the address.
  expect(page.url()).not.toContain('#');

  await ed.clickBlock('api');
  await page.keyboard.press('Delete');
  await expect(ed.blocks).toHaveCount(2);
  expect(JSON.parse(await doc(page)).blocks.map((b: { id: string }) => b.id)).toEqual(['users', 'lb']);

  // A reload keeps the copy with its edit, editable.
  await page.waitForTimeout(700);
  await page.reload();
  await panelsLoaded(page);
  await expect(ed.blocks).toHaveCount(2);
  await expect(ed.palette).toBeVisible();
});
