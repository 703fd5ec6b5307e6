// New from requirements (issue 14): the worksheet's inputs typed as people
// write them build a readers/writers design whose figures are the seed's
// (003 §5.3: 5,787 writes/s at peak, ≈ 548 TB kept), stored like any new design.
//
// Spec choice: the read:write ratio is asked as two figures, writes and reads
// per user a day (0.2 and 100 here), so each path has its own entry.
import { expect, test, type Page } from '@playwright/test';
import { openEmpty, savedDocument } from '../helpers/design';
import { EditorPage } from '../pages/editor';

const ANSWERS: [string, string][] = [
  ['Daily users', '500M'],
  ['Writes per user a day', '0.2'],
  ['Reads per user a day', '100'],
  ['Peak ÷ average', '5'],
  ['Payload per request', '1 KB'],
  ['Record size', '1 KB'],
  ['Kept for', '5 years'],
  ['Copies the store keeps', '3'],
];

function dialog(page: Page) {
  return page.getByRole('dialog', { name: 'New from requirements' });
}

test('typed requirements build a design with the seed figures, kept after a reload', async ({ page }) => {
  await openEmpty(page);
  const ed = new EditorPage(page);
  // From the keyboard: the toolbar button, then each field in turn.
  await page.getByRole('button', { name: 'New from requirements' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByLabel('Daily users')).toBeFocused();
  for (const [i, [label, value]] of ANSWERS.entries()) {
    await expect(dialog(page).getByLabel(label)).toBeFocused();
    await page.keyboard.type(value);
    if (i + 1 < ANSWERS.length) await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toHaveCount(0);
  await expect(ed.blocks).toHaveCount(5);
  await expect(ed.links).toHaveCount(4);

  const d = await savedDocument(page);
  expect(d.blocks.find((b) => b.id === 'writers')).toMatchObject({
    users: 500_000_000,
    requests_per_user_day: 0.2,
    peak_factor: 5,
  });
  expect(d.blocks.find((b) => b.id === 'database')).toMatchObject({
    record_bytes: 1000,
    retention_days: 1825,
    replicas: 3,
  });

  const chain = ed.inspector.getByTestId('sizing-chain');
  await ed.clickBlock('writers');
  await expect(chain).toContainText('× 5 peak = 5,787 /s');
  await ed.clickBlock('database');
  await expect(chain).toContainText('1,157 writes/s × 1 KB × 1,825 days × 3 copies = 548 TB');

  // Stored: a reload opens it again.
  await page.waitForFunction(() => (window as any).envelope.stored() === 'true');
  await page.reload();
  await expect(ed.blocks).toHaveCount(5);
  await ed.clickBlock('writers');
  await expect(chain).toContainText('5,787 /s');
});

test('an unreadable value says why next to its field and creates nothing; Esc closes', async ({ page }) => {
  await openEmpty(page);
  const ed = new EditorPage(page);
  await page.getByRole('button', { name: 'New from requirements' }).click();
  for (const [label, value] of ANSWERS) {
    await dialog(page).getByLabel(label).fill(label === 'Kept for' ? '5 parsecs' : value);
  }
  await dialog(page).getByRole('button', { name: 'Create design' }).click();
  const kept = dialog(page).getByLabel('Kept for');
  await expect(kept).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog(page).getByRole('alert')).toHaveText(/'parsecs' is not a unit of a duration/);
  await expect(kept).toBeFocused();
  await expect(ed.blocks).toHaveCount(0);
  expect((await savedDocument(page)).blocks ?? []).toHaveLength(0);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(ed.blocks).toHaveCount(0);
});
