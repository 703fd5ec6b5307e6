// Saved scenarios (model-2.md §4.1) and what to improve first (§4.2): saving
// the what-if on screen, the Scenarios table, applying, editing, reordering
// and deleting (each undoable), a reload, `&scenario=` links, and the ranked
// chart.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { design, openDesign, panelsLoaded, savedDocument, shareFragment, threeTier } from '../helpers/design';
import { cliEval, percent, reportWhere, requireCli, settledReport, tempDesignFile } from '../helpers/report';
import { EditorPage } from '../pages/editor';

function scenarioTable(page: Page) {
  return page.getByRole('region', { name: 'Results' }).locator('section.scenarios');
}

/** The names of the scenario rows, top to bottom. */
async function rowNames(page: Page): Promise<string[]> {
  return scenarioTable(page).locator('.scenario-apply').allTextContents();
}

test('save the what-if as a scenario, apply, edit, reorder, delete; undo; reload keeps it', async ({ page }) => {
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  const table = scenarioTable(page);
  await expect(table).toContainText('No saved scenarios');

  // The what-if: three times the traffic with the API down.
  await ed.setMultiplier('3');
  await ed.clickBlock('api');
  await page.keyboard.press('f');
  await ed.whatIf.getByRole('button', { name: 'Save as scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as scenario' });
  await expect(dialog.getByLabel('Traffic multiplier')).toHaveValue('3');
  await expect(dialog.getByRole('checkbox', { name: 'API' })).toBeChecked();
  // A bad target is said at its field, and nothing is saved.
  await dialog.getByLabel('Name').fill('API down at 3×');
  await dialog.getByLabel('p99 target (ms)').fill('fast');
  await dialog.getByRole('button', { name: 'Save as scenario' }).click();
  await expect(dialog.getByRole('alert')).toContainText('p99');
  expect((await savedDocument(page)).scenarios).toBeUndefined();
  await dialog.getByLabel('p99 target (ms)').fill('200');
  await dialog.getByRole('button', { name: 'Save as scenario' }).click();
  await expect(dialog).toHaveCount(0);

  const saved = (await savedDocument(page)).scenarios as any[];
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ name: 'API down at 3×', scale: 3, fail: ['api'], targets: { p99_ms: 200 } });
  // Its row: with the API down nothing succeeds, so it misses its p99 target.
  const report = await reportWhere(page, (r) => (r.scenarios as any[]).length === 1);
  expect((report.scenarios as any[])[0].meets_p99).toBe(false);
  const row = table.locator('li.scenario-row').first();
  await expect(row).toContainText('API down at 3×');
  await expect(row).toContainText('×3 traffic · API down');
  await expect(row).toContainText('Misses target p99 200 ms');
  await expect(row).toHaveClass(/applied/);
  // The failed scenario is a finding too.
  await expect(ed.results.locator('li.finding', { hasText: "Scenario 'API down at 3×' misses" })).toHaveCount(1);

  // Back to the design as drawn; clicking the row applies the scenario.
  await ed.whatIf.getByRole('button', { name: 'Reset traffic' }).click();
  await ed.whatIf.getByRole('button', { name: 'Clear failures' }).click();
  await expect(row).not.toHaveClass(/applied/);
  await table.getByRole('button', { name: 'Apply scenario API down at 3×' }).click();
  await expect(ed.multiplier).toHaveValue('×3');
  await expect(ed.whatIf.getByRole('button', { name: 'Restore API' })).toBeVisible();
  await expect(ed.whatIf).toContainText('Scenario: API down at 3×');

  // A second one, as drawn; it goes below, then moves up.
  await ed.whatIf.getByRole('button', { name: 'Reset traffic' }).click();
  await ed.whatIf.getByRole('button', { name: 'Clear failures' }).click();
  await ed.whatIf.getByRole('button', { name: 'Save as scenario' }).click();
  await dialog.getByLabel('Name').fill('Normal day');
  await dialog.getByRole('button', { name: 'Save as scenario' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['API down at 3×', 'Normal day']);
  await table.getByRole('button', { name: 'Move scenario Normal day up' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['Normal day', 'API down at 3×']);

  // Edit: rename and give it half the traffic.
  await table.getByRole('button', { name: 'Edit scenario API down at 3×' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit scenario' });
  await edit.getByLabel('Name').fill('API down at 2×');
  await edit.getByLabel('Traffic multiplier').fill('2');
  await edit.getByRole('button', { name: 'Edit scenario' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['Normal day', 'API down at 2×']);
  expect(((await savedDocument(page)).scenarios as any[])[1]).toMatchObject({ id: saved[0].id, scale: 2 });

  // Delete, then undo brings it back; redo deletes it again; undo again.
  await table.getByRole('button', { name: 'Delete scenario API down at 2×' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['Normal day']);
  await page.keyboard.press('Control+z');
  await expect.poll(() => rowNames(page)).toEqual(['Normal day', 'API down at 2×']);
  await page.keyboard.press('Control+z');
  await expect.poll(() => rowNames(page)).toEqual(['Normal day', 'API down at 3×']);

  // A reload right away keeps the scenarios as they are now.
  await page.reload();
  await panelsLoaded(page);
  await expect.poll(() => rowNames(page)).toEqual(['Normal day', 'API down at 3×']);
});

test('deleting a block a scenario fails takes it out of the scenario; undo puts it back', async ({ page }) => {
  const d = threeTier();
  d.scenarios = [{ id: 'lb-down', name: 'LB down', fail: ['lb'] }];
  await openDesign(page, d);
  const ed = new EditorPage(page);
  await ed.clickBlock('lb');
  await page.keyboard.press('Delete');
  await expect(page.locator('g.block')).toHaveCount(2);
  expect(((await savedDocument(page)).scenarios as any[])[0].fail ?? []).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect(page.locator('g.block')).toHaveCount(3);
  expect(((await savedDocument(page)).scenarios as any[])[0].fail).toEqual(['lb']);
});

test('a link with &scenario= opens with that scenario applied; an unknown one is said', async ({ page }) => {
  const d = threeTier();
  d.scenarios = [
    { id: 'peak', name: 'Peak ×4', scale: 4 },
    { id: 'api-down', name: 'API down', fail: ['api'] },
  ];
  await page.goto('/' + shareFragment(d) + '&scenario=api-down');
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await expect(ed.whatIf.getByRole('button', { name: 'Restore API' })).toBeVisible();
  await expect(ed.whatIf).toContainText('Scenario: API down');
  const r = await settledReport(page);
  expect(r.availability).toBe(0);

  // Copy link writes the scenario's id.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/&scenario=api-down$/);

  await page.goto('/' + shareFragment(d) + '&scenario=nope');
  await panelsLoaded(page);
  await expect(ed.notice).toContainText("scenario 'nope'");
  await expect(ed.whatIf.getByRole('button', { name: 'Clear failures' })).toHaveCount(0);
});

test('what to improve first: ranked bars, a reading, a table; a bar selects', async ({ page }) => {
  requireCli();
  const d = threeTier();
  await openDesign(page, d);
  const ed = new EditorPage(page);
  const cli = cliEval(tempDesignFile(d)) as any;
  const top = cli.importance[0];
  const section = ed.results.locator('section.improve-first');
  await expect(section.locator('.improve-reading')).toHaveText(
    `Making 'API' perfect would take availability from ${percent(cli.availability)} to ${percent(top.if_perfect)}.`,
  );
  expect(top.id).toBe('api');
  const bars = section.getByRole('button', { name: /^Select / });
  await expect(bars).toHaveCount(cli.importance.length);
  await expect(section.getByRole('table')).toContainText(percent(top.if_down));
  await bars.first().click();
  await expect.poll(() => ed.selectedBlockIds()).toEqual(['api']);
});

test('presentation steps through the scenarios, zoomed so labels read from the back row', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const file = resolve(__dirname, '../../../public/templates/quickbite.envelope.json');
  const d = JSON.parse(readFileSync(file, 'utf8'));
  await page.goto('/' + shareFragment(d));
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await settledReport(page);
  const caption = page.getByRole('region', { name: 'Presentation' });
  const labelPx = () =>
    page.evaluate(() => {
      const svg = document.querySelector('svg[role="application"]') as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      // The height of the labels drawn inside the canvas's box.
      return [...document.querySelectorAll('text.block-label')]
        .map((t) => t.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom)
        .map((r) => r.height);
    });

  await page.keyboard.press('p');
  await expect(caption).toContainText('Overview');
  await expect.poll(async () => Math.min(...(await labelPx()))).toBeGreaterThanOrEqual(16);
  // Only the headline figures are left of the results.
  await expect(ed.results.locator('section.headline')).toBeVisible();
  await expect(ed.results.locator('section.scenarios')).toBeHidden();

  for (const [i, s] of (d.scenarios as any[]).entries()) {
    await page.keyboard.press('ArrowRight');
    await expect(caption).toContainText(`Scenario ${i + 1} of ${d.scenarios.length}`);
    await expect(caption).toContainText(s.name);
    await expect(caption).toContainText(/meets its targets|misses its targets/);
    // The caption's figures are the scenario's row of the report.
    const row = ((await settledReport(page)).scenarios as any[])[i];
    expect(row.id).toBe(s.id);
    await expect(caption).toContainText(`availability ${percent(row.availability)}`);
    await expect(ed.whatIf).toContainText(`Scenario: ${s.name}`);
    const seen = await labelPx();
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(16);
  }
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Finding 1 of');
  // Leaving restores the what-if the presentation began with.
  await page.keyboard.press('Escape');
  await expect(caption).toHaveCount(0);
  await expect(ed.multiplier).toHaveValue('×1');
});
