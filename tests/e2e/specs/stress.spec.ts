// Stress at a glance (model-2.md §2): a reviewer types a timeout and retries on a
// call to a slow provider and sees their effect in the inspector, on the canvas
// and in the results; under a raised what-if traffic scale, where a retry storm
// begins. The design is saved as it is edited, so all of it survives a reload.
import { expect, test } from '@playwright/test';
import { design, openDesign, openEmpty, savedDocument } from '../helpers/design';
import { settledReport } from '../helpers/report';
import { EditorPage } from '../pages/editor';

// Like shared/spec/examples/m2_checkout_timeouts.json, with a capacity on the
// provider so that its callers' retries can overload it. The native unit test
// `ui::stress::tests::the_browser_tests_design_times_out_and_storms` checks the
// same design's figures.
const checkout = design({
  title: 'Checkout with a slow provider',
  blocks: [
    { id: 'users', kind: 'client', label: 'Shoppers', x: 100, y: 200, rps: 200 },
    {
      id: 'api',
      kind: 'service',
      label: 'API',
      x: 350,
      y: 200,
      replicas: 3,
      latency_ms: 20,
      p99_ms: 50,
      capacity_rps: 500,
    },
    { id: 'pay', kind: 'external_api', label: 'Pay', x: 650, y: 200, latency_ms: 300, p99_ms: 1200, capacity_rps: 600 },
  ],
  links: [
    { id: 'l1', from: 'users', to: 'api' },
    { id: 'l2', from: 'api', to: 'pay' },
  ],
});

test('timeouts and retries show their effect in the inspector, on the canvas and in the results, after a reload too', async ({
  page,
}) => {
  await openDesign(page, checkout);
  const ed = new EditorPage(page);
  const effect = ed.inspector.getByTestId('link-stress');
  const failures = ed.results.getByTestId('timeout-failures');
  const storm = ed.results.getByTestId('storm-scale');

  await ed.clickLink(ed.link('l2'));
  await expect(ed.field('Timeout')).toBeVisible();
  // Without a timeout the call never gives up: nothing to say.
  await expect(effect).toHaveCount(0);
  await expect(ed.field('Backoff base')).toHaveValue('100');

  // Typed the way a person does: key by key, then Enter.
  const type = async (label: string, value: string) => {
    const f = ed.field(label);
    await f.fill('');
    await f.pressSequentially(value);
    await f.press('Enter');
  };
  const l2 = async () => (await savedDocument(page)).links.find((l) => l.id === 'l2');

  // A 500 ms timeout without retries fails a large share of the calls.
  await type('Timeout', '500');
  await expect.poll(l2).toMatchObject({ timeout_ms: 500 });
  await expect(effect).toHaveText(/^[\d.]+% of attempts time out; 1 attempt per call; [\d.]+% of calls fail$/);
  await expect(ed.link('l2')).toHaveClass(/\btimes-out\b/);
  await expect(ed.link('l2')).toHaveAttribute('aria-label', /fails calls by timing out/);
  await expect(ed.linkText('l2')).toContainText('⏱ timeouts');
  await expect(ed.link('l1')).not.toHaveClass(/\btimes-out\b/);
  await expect(failures).toHaveText(/^Timeouts fail [\d.]+% of calls over “API → Pay”$/);
  const failed = Number((await failures.textContent())!.match(/fail ([\d.]+)%/)![1]);
  expect(failed).toBeGreaterThan(10);
  // The effect line and the results agree on the share of calls failing.
  await expect(effect).toContainText(`; ${failed}% of calls fail`);

  // 800 ms and two retries: more attempts per call, fewer calls failing (still
  // more than 0.1%), and the callers' retries could overload Pay.
  await type('Timeout', '800');
  await type('Retries', '2');
  await expect.poll(l2).toMatchObject({ timeout_ms: 800, retries: 2 });
  await expect(effect).toHaveText(/^[\d.]+% of attempts time out; [\d.]+ attempts per call; [\d.]+% of calls fail$/);
  // The report settles a moment after the edit: wait for its attempts.
  await expect
    .poll(async () => Number((await effect.textContent())!.match(/; ([\d.]+) attempts? per call/)![1]))
    .toBeGreaterThan(1.2);
  await expect(ed.link('l2')).toHaveClass(/\btimes-out\b/);
  await expect(ed.block('pay')).toHaveClass(/\bstorm\b/);
  await expect(ed.block('pay')).toHaveAttribute('aria-label', /retry storm/);
  await expect(ed.blockMarks('pay').locator('text.storm-mark')).toBeVisible();
  await expect(ed.block('api')).not.toHaveClass(/\bstorm\b/);

  // Where the storm begins is worked out only under a what-if traffic scale.
  await expect(storm).toHaveCount(0);
  await ed.setMultiplier('1.05');
  // The same figure as the native unit test's storm_scale of this design.
  await expect(storm).toHaveText('Retry storm from ×1.09 today’s traffic');

  // The legend explains both marks.
  await page.getByRole('button', { name: 'Legend' }).click();
  await expect(page.locator('#legend-body')).toContainText('⏱ timeouts');
  await expect(page.locator('#legend-body')).toContainText('↻ retry storm');

  // Saved as edited: a reload brings the link's settings and their effect back.
  const saved = await savedDocument(page);
  await page.waitForTimeout(700);
  await page.reload();
  await expect(ed.blocks).toHaveCount(3);
  expect(await savedDocument(page)).toEqual(saved);
  await expect(ed.link('l2')).toHaveClass(/\btimes-out\b/);
  await expect(failures).toHaveText(/^Timeouts fail [\d.]+% of calls over “API → Pay”$/);
  if ((await effect.count()) === 0) {
    await ed.clickLink(ed.link('l2'));
  }
  await expect(ed.field('Timeout')).toHaveValue('800');
  await expect(ed.field('Retries')).toHaveValue('2');
  await expect(effect).toHaveText(/attempts per call/);
});

test('the retry-storm template shows the storm on one path and not on its fixed twin', async ({ page }) => {
  await openEmpty(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: 'Open template Retry storm and its fix' }).click();
  await expect(gallery).toBeHidden();
  const ed = new EditorPage(page);
  // The storm path: Inventory behind 3 retries without backoff and a tight timeout.
  await expect(ed.block('stock')).toHaveClass(/\bstorm\b/);
  await expect(ed.block('stock')).toHaveAttribute('aria-label', /retry storm/);
  // The fix: one retry with backoff and a timeout above the tail.
  await expect(ed.block('stock-fixed')).not.toHaveClass(/\bstorm\b/);
  await expect(ed.results.getByText('Retries could keep this block overloaded')).toBeVisible();
  const report = await settledReport(page);
  expect(report.findings.filter((f) => f.rule === 'retry-storm').map((f) => f.blocks)).toEqual([
    ['orders', 'stock'],
  ]);
});
