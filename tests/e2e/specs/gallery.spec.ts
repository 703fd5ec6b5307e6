// The template gallery: shown on a first visit and from the toolbar; every
// template opens as a new design with the CLI's numbers and passes `envelope check`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openDesign, openEmpty, savedDocument, threeTier, type Design, panelsLoaded } from '../helpers/design';
import { CLI, cliEval, requireCli, settledReport } from '../helpers/report';

const templates = resolve(__dirname, '../../../public/templates');
const index = JSON.parse(readFileSync(join(templates, 'index.json'), 'utf8')) as {
  file: string;
  title: string;
  summary: string;
}[];

function gallery(page: Page) {
  return page.getByRole('dialog', { name: 'Start from a template' });
}

test.describe('first visit', () => {
  // A visitor who has never seen the gallery (the config marks it seen for other specs).
  test.use({ storageState: { cookies: [], origins: [] } });

  test('opens the gallery with focus in it; Esc closes it and it stays closed after a reload', async ({ page }) => {
    await page.goto('/');
    await panelsLoaded(page);
    const dialog = gallery(page);
    await expect(dialog).toBeVisible();
    for (const t of index) {
      const card = dialog.getByRole('button', { name: `Open template ${t.title}` });
      await expect(card).toBeVisible();
      await expect(card).toContainText(t.summary);
    }
    await expect(dialog.getByRole('button', { name: `Open template ${index[0].title}` })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.reload();
    await panelsLoaded(page);
    await expect(page.getByRole('application', { name: 'Design canvas' })).toBeVisible();
    await page.waitForFunction(() => typeof (window as any).envelope?.document === 'function');
    await page.waitForTimeout(300);
    await expect(gallery(page)).toBeHidden();
  });

  test('does not cover a design opened from a link', async ({ page }) => {
    await openDesign(page, threeTier());
    await page.waitForTimeout(300);
    await expect(gallery(page)).toBeHidden();
  });
});

test('the toolbar opens the gallery; Close closes it and changes nothing', async ({ page }) => {
  await openDesign(page, threeTier());
  await expect(gallery(page)).toBeHidden();
  await page.getByRole('button', { name: 'Templates' }).click();
  await expect(gallery(page)).toBeVisible();
  await gallery(page).getByRole('button', { name: 'Close' }).click();
  await expect(gallery(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Templates' })).toBeFocused();
  expect(await savedDocument(page)).toEqual(threeTier());
});

test.describe('every template opens with the CLI numbers', () => {
  for (const t of index) {
    test(t.title, async ({ page }) => {
      requireCli();
      const file = join(templates, t.file);
      const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Design;
      // `envelope check` exits 0: no error finding.
      execFileSync(CLI, ['check', file], { encoding: 'utf8' });
      const cli = cliEval(file);

      await openEmpty(page);
      await page.getByRole('button', { name: 'Templates' }).click();
      await gallery(page).getByRole('button', { name: `Open template ${t.title}` }).click();
      await expect(gallery(page)).toBeHidden();
      await expect(page.locator('g.block')).toHaveCount(onDisk.blocks.length);

      const doc = await savedDocument(page);
      expect(doc.title).toBe(onDisk.title);
      expect(doc.blocks.map((b) => b.id)).toEqual(onDisk.blocks.map((b) => b.id));
      const web = await settledReport(page);
      expect(web.availability, 'availability').toBe(cli.availability);
      expect(web.max_scale, 'max_scale').toBe(cli.max_scale);
      expect(web.bottleneck, 'bottleneck').toBe(cli.bottleneck);
      expect(web.blocks, 'per-block loads').toEqual(cli.blocks);
      expect(web.findings.map((f) => [f.rule, f.severity])).toEqual(cli.findings.map((f) => [f.rule, f.severity]));
    });
  }
});

test('a template that fails to load says so and leaves the design alone', async ({ page }) => {
  await page.route('**/public/templates/pastebin.envelope.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"format":"envelope/design","version":9}' }),
  );
  await openDesign(page, threeTier());
  await page.getByRole('button', { name: 'Templates' }).click();
  await gallery(page).getByRole('button', { name: 'Open template Pastebin' }).click();
  await expect(gallery(page).getByRole('alert')).toContainText('Pastebin');
  await expect(gallery(page)).toBeVisible();
  expect(await savedDocument(page)).toEqual(threeTier());
});

