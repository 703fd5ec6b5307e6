// axe-core over every screen of the app, light and dark: zero WCAG 2.1 A and AA
// violations. Nothing is excluded. (Keyboard reach and the canvas's accessible
// names are in accessibility.spec.ts.)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openEmpty, panelsLoaded, shareFragment } from '../helpers/design';
import { errorDialog } from '../helpers/files';
import { openRecent } from '../helpers/library';
import { settledReport } from '../helpers/report';
import { EditorPage } from '../pages/editor';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// axe leaves its "experimental" rules out even when their tags are asked for;
// these are the WCAG 2.1 A/AA ones (2.5.3 Label in Name above all), so turn them on.
const EXPERIMENTAL_WCAG = [
  'label-content-name-mismatch',
  'css-orientation-lock',
  'p-as-heading',
  'table-fake-caption',
  'td-has-header',
];

const quickbite = JSON.parse(
  readFileSync(resolve(__dirname, '../../../public/templates/quickbite.envelope.json'), 'utf8'),
);

/** Run axe over the whole page; fail listing each violation with its nodes. */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(EXPERIMENTAL_WCAG.map((id) => [id, { enabled: true }])) })
    .withTags(TAGS)
    .analyze();
  const lines = violations.map((v) => {
    const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`);
    return `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s)\n${nodes.join('\n')}`;
  });
  expect.soft(violations.length, `axe on ${screen}:\n${lines.join('\n')}`).toBe(0);
}

/** Open the QuickBite template (or `d`) through a share link, with its results shown. */
async function openTemplate(page: Page, d: object = quickbite): Promise<EditorPage> {
  await page.goto('/' + shareFragment(d));
  await panelsLoaded(page);
  await settledReport(page);
  const ed = new EditorPage(page);
  await expect(ed.blocks).toHaveCount(quickbite.blocks.length);
  await expect(ed.figure('availability')).toBeVisible();
  return ed;
}

test.describe('axe: WCAG 2.1 A/AA', () => {
  // Several axe runs a test, each a few seconds on a busy machine.
  test.describe.configure({ timeout: 90_000 });

  test.describe('a first visit', () => {
    // No gallery-seen flag (the config sets it for the other specs).
    test.use({ storageState: { cookies: [], origins: [] } });

    test('the template gallery it opens, then the empty app', async ({ page }) => {
      await page.goto('/');
      await panelsLoaded(page);
      const gallery = page.getByRole('dialog', { name: 'Start from a template' });
      await expect(gallery.getByRole('button', { name: /^Open template / }).first()).toBeVisible();
      await expectNoViolations(page, 'the template gallery');
      await page.keyboard.press('Escape');
      await expect(gallery).toBeHidden();
      await expectNoViolations(page, 'the empty app');
    });
  });

  test('a template open with its results and the legend', async ({ page }) => {
    await openTemplate(page);
    await expectNoViolations(page, 'a template');
    await page.getByRole('button', { name: 'Legend' }).click();
    await expect(page.locator('#legend-body')).toBeVisible();
    await expectNoViolations(page, 'a template, the legend open');
  });

  test('a block selected, the inspector showing its fields', async ({ page }) => {
    const ed = await openTemplate(page);
    await ed.clickBlock(quickbite.blocks[1].id);
    await expect(ed.inspector.getByLabel('Label')).toBeVisible();
    await expectNoViolations(page, 'a block selected');
  });

  test('the results panel: scenarios, what to improve first, findings', async ({ page }) => {
    const ed = await openTemplate(page);
    const scenarios = ed.results.locator('section.scenarios');
    await expect(scenarios.locator('li.scenario-row').first()).toBeVisible();
    await scenarios.scrollIntoViewIfNeeded();
    await expectNoViolations(page, 'the results at the scenarios');
    await ed.results.locator('section.improve-first').scrollIntoViewIfNeeded();
    await expectNoViolations(page, 'the results at what to improve first');
    // Every finding's "How to fix" open, then the end of the panel.
    for (const d of await ed.results.locator('details').all()) await d.evaluate((e) => e.setAttribute('open', ''));
    await ed.results.locator('section').last().scrollIntoViewIfNeeded();
    await expectNoViolations(page, 'the results expanded');
  });

  test('a what-if: a block down, ×30 traffic, saturated and failed marks', async ({ page }) => {
    const ed = await openTemplate(page);
    await ed.clickBlock('app');
    await page.keyboard.press('f');
    await ed.setMultiplier('30');
    await expect(ed.canvas.locator('g.block.saturated').first()).toBeVisible();
    await expect(ed.canvas.locator('g.block.failed')).toHaveCount(1);
    await expectNoViolations(page, 'a what-if');
  });

  test('zones, a wrapped sticky note and an accepted finding', async ({ page }) => {
    await openTemplate(page);
    const finding = (await settledReport(page)).findings.find((f) => f.severity === 'warning' && f.blocks.length > 0)!;
    const ed = await openTemplate(page, {
      ...quickbite,
      accepted: [{ rule: finding.rule, blocks: finding.blocks, reason: 'Known; planned for next quarter' }],
      stickies: [{ id: 'n1', text: 'A long note that wraps onto a second and a third line of the sticky', x: 80, y: 60 }],
    });
    await expect(ed.results.locator('li.finding.accepted')).toHaveCount(1);
    await expect.poll(() => ed.sticky('n1').locator('text').count()).toBeGreaterThan(1);
    await expectNoViolations(page, 'zones, a sticky note and an accepted finding');
  });

  test('the list view', async ({ page }) => {
    const ed = await openTemplate(page);
    await ed.tool('List view').click();
    await expect(page.getByRole('region', { name: 'Design as a list' })).toBeVisible();
    await expectNoViolations(page, 'the list view');
  });

  test('New from requirements', async ({ page }) => {
    await openEmpty(page);
    await page.getByRole('button', { name: 'New from requirements' }).click();
    await expect(page.getByRole('dialog', { name: 'New from requirements' })).toBeVisible();
    await expectNoViolations(page, 'New from requirements');
  });

  test('the keyboard shortcuts sheet', async ({ page }) => {
    await openTemplate(page);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoViolations(page, 'the keyboard shortcuts');
  });

  test('the load-error dialog of a bad link', async ({ page }) => {
    const fragment = shareFragment(quickbite);
    await page.goto('/' + fragment.slice(0, fragment.length - 12));
    await panelsLoaded(page);
    await expect(errorDialog(page, 'This link could not be opened')).toBeVisible();
    await expectNoViolations(page, 'the load-error dialog');
  });

  test('Save as scenario and Recent designs', async ({ page }) => {
    const ed = await openTemplate(page);
    await ed.whatIf.getByRole('button', { name: 'Save as scenario' }).click();
    const save = page.getByRole('dialog', { name: 'Save as scenario' });
    await expect(save).toBeVisible();
    await expectNoViolations(page, 'Save as scenario');
    await page.keyboard.press('Escape');
    await expect(save).toBeHidden();
    await openRecent(page);
    await expectNoViolations(page, 'Recent designs');
  });

  test('the dark theme', async ({ page }) => {
    const ed = await openTemplate(page);
    await ed.tool('Dark theme').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoViolations(page, 'the dark theme');
    await page.getByRole('button', { name: 'Legend' }).click();
    await expect(page.locator('#legend-body')).toBeVisible();
    await expectNoViolations(page, 'the dark theme, the legend open');
    await ed.clickBlock(quickbite.blocks[1].id);
    await expect(ed.inspector.getByLabel('Label')).toBeVisible();
    await expectNoViolations(page, 'the dark theme, a block selected');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoViolations(page, 'the dark theme, the keyboard shortcuts');
    await page.keyboard.press('Escape');
    await ed.tool('List view').click();
    await expect(page.getByRole('region', { name: 'Design as a list' })).toBeVisible();
    await expectNoViolations(page, 'the dark theme, the list view');
  });

  test('presentation mode: the overview, a scenario, a finding', async ({ page }) => {
    await openTemplate(page);
    const caption = page.getByRole('region', { name: 'Presentation' });
    await page.keyboard.press('p');
    await expect(caption).toContainText('Overview');
    await expectNoViolations(page, 'presentation, the overview');
    await page.keyboard.press('ArrowRight');
    await expect(caption).toContainText('Scenario 1 of');
    await expectNoViolations(page, 'presentation, a scenario');
    for (const _ of quickbite.scenarios) await page.keyboard.press('ArrowRight');
    await expect(caption).toContainText('Finding 1 of');
    await expectNoViolations(page, 'presentation, a finding');
  });

  test('Other tools, Edit scenario and the Mermaid import review', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const ed = await openTemplate(page);
    await page.getByRole('button', { name: 'Other tools' }).click();
    await expect(page.getByRole('button', { name: 'Copy as Mermaid' })).toBeVisible();
    await expectNoViolations(page, 'the Other tools list');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Edit scenario / }).first().click();
    await expect(page.getByRole('dialog', { name: 'Edit scenario' })).toBeVisible();
    await expectNoViolations(page, 'Edit scenario');
    await page.keyboard.press('Escape');
    await page.evaluate(() =>
      navigator.clipboard.writeText('flowchart LR\n  a[Web] --> b[(Orders)]\n  b -.-> q[Queue]\n  style a fill:#f9f\n'),
    );
    await ed.canvas.click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+v');
    await expect(page.getByRole('dialog', { name: 'Import from Mermaid' })).toBeVisible();
    await expectNoViolations(page, 'the Mermaid import review');
  });
});
