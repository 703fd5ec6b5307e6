// Copy report: the clipboard gets the same Markdown `envelope eval --markdown`
// prints for the same design, accepted findings with their reasons included.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { openDesign, threeTier } from '../helpers/design';
import { CLI, cliEval, requireCli, settledReport, tempDesignFile } from '../helpers/report';

test('Copy report puts the CLI Markdown report on the clipboard', async ({ page, context, baseURL }) => {
  requireCli();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const d = threeTier();
  // Accept one finding the CLI reports, so its reason is part of the report.
  const finding = cliEval(tempDesignFile(d)).findings.find((f) => f.severity !== 'error');
  expect(finding, 'the design has a finding to accept').toBeTruthy();
  d.accepted = [{ rule: finding!.rule, blocks: finding!.blocks, links: finding!.links, reason: 'Reviewed | fine for now' }];
  const file = tempDesignFile(d);
  const expected = execFileSync(CLI, ['eval', file, '--markdown'], { encoding: 'utf8' });
  expect(expected).toContain('accepted: Reviewed \\| fine for now');

  await openDesign(page, d);
  await settledReport(page);
  await page.getByRole('button', { name: 'Copy report' }).click();
  await expect(page.locator('.notice[role="status"]')).toContainText('Report copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(expected);
});
