// Capacity in the results (model-2.md §3): storage at retention per store and
// in all, the busiest blocks' peak bandwidth, the cost a month and per million
// requests, with bars on a log scale; no section when no figure exists.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDesign, threeTier, type Design } from '../helpers/design';
import { EditorPage } from '../pages/editor';

const pastebin = JSON.parse(
  readFileSync(resolve(__dirname, '../../fixtures/spec-examples/m2_sizing_pastebin.json'), 'utf8'),
) as Design;

test('the pastebin sizing shows storage, bandwidth and cost, with bars on a log scale', async ({ page }) => {
  await openDesign(page, pastebin);
  const capacity = new EditorPage(page).results.getByTestId('capacity');
  await expect(capacity).toBeVisible();
  await expect(capacity.getByRole('heading', { name: 'Capacity' })).toBeVisible();

  await expect(capacity.getByTestId('capacity-storage-total')).toContainText('11.5 TB');
  const blobs = capacity.getByTestId('capacity-storage').locator('li').filter({ hasText: 'blobs' });
  await expect(blobs).toContainText('10.9 TB');
  // The largest store first, its bar full; the bar is a picture only.
  await expect(capacity.getByTestId('capacity-storage').locator('li').first()).toContainText('blobs');
  const bar = blobs.locator('.cap-bar');
  await expect(bar).toHaveAttribute('aria-hidden', 'true');
  expect(await bar.locator('span').getAttribute('style')).toContain('width:100.0%');

  const bandwidth = capacity.getByTestId('capacity-bandwidth').locator('li');
  expect(await bandwidth.count()).toBeGreaterThan(0);
  expect(await bandwidth.count()).toBeLessThanOrEqual(5);
  await expect(bandwidth.first()).toContainText('/s');

  await expect(capacity.getByTestId('capacity-cost')).toContainText('4,500');
  await expect(capacity.getByTestId('capacity-cost')).toContainText('2.94');
  await expect(capacity).toContainText(/bars on a log scale/i);
});

test('a design without sizing fields has no Capacity section', async ({ page }) => {
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  // The report is in: the headline shows, and no Capacity with it.
  await expect(ed.figure('availability')).not.toBeEmpty();
  await expect(ed.results.getByTestId('capacity')).toHaveCount(0);
});
