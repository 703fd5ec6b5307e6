// Accepting a warning with a reason: shown greyed with the reason, kept in the
// document and across reopening it; withdrawing is one undo step.
import { expect, test } from '@playwright/test';
import { openDesign, savedDocument, threeTier } from '../helpers/design';
import { EditorPage } from '../pages/editor';

const SPOF_API = /^Single point of failure.*'api'/;
const REASON = 'Stateless; the platform restarts it within seconds.';

test('accept a warning with a reason, keep it across reopening, withdraw and undo', async ({ page }) => {
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  const row = ed.findingRow(SPOF_API);
  await expect(row).toBeVisible();
  await expect(row).not.toHaveClass(/\baccepted\b/);

  // Cancel leaves it as it was.
  await row.getByRole('button', { name: 'Accept…' }).click();
  await expect(row.getByLabel('Reason for accepting')).toBeFocused();
  await row.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByLabel('Reason for accepting')).toHaveCount(0);
  expect((await savedDocument(page)).accepted ?? []).toEqual([]);

  await row.getByRole('button', { name: 'Accept…' }).click();
  await row.getByLabel('Reason for accepting').fill(REASON);
  await row.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(row).toHaveClass(/\baccepted\b/);
  await expect(row).toContainText(`Accepted: ${REASON}`);
  await expect(ed.results.getByRole('heading', { name: /^Warnings \(\d+, 1 accepted\)/ })).toBeVisible();
  const saved = await savedDocument(page);
  expect(saved.accepted).toEqual([expect.objectContaining({ rule: 'spof', blocks: ['api'], reason: REASON })]);

  // Save and reopen: still accepted, with the reason.
  await openDesign(page, saved);
  await expect(row).toHaveClass(/\baccepted\b/);
  await expect(row).toContainText(`Accepted: ${REASON}`);

  await row.getByRole('button', { name: 'Withdraw' }).click();
  await expect(row).not.toHaveClass(/\baccepted\b/);
  await expect(row.getByRole('button', { name: 'Accept…' })).toBeVisible();
  expect((await savedDocument(page)).accepted ?? []).toEqual([]);

  await ed.tool('Undo').click();
  await expect(row).toHaveClass(/\baccepted\b/);
  await expect(row).toContainText(`Accepted: ${REASON}`);
  expect((await savedDocument(page)).accepted).toEqual([
    expect.objectContaining({ rule: 'spof', blocks: ['api'], reason: REASON }),
  ]);
});
