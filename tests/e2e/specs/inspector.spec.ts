import { test, expect } from '@playwright/test';
import { openDesign, savedBlock, savedDocument, threeTier } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('inspector', () => {
  test.beforeEach(async ({ page }) => {
    await openDesign(page, threeTier());
  });

  test('editing Replicas changes the document and the canvas, as one undo step', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('api');
    const replicas = ed.field('Replicas');
    await expect(replicas).toHaveValue('1');
    // Typed key by key, then committed by leaving the field: still one step.
    await replicas.fill('');
    await replicas.pressSequentially('12');
    await replicas.press('Tab');
    await expect.poll(async () => (await savedBlock(page, 'api')).replicas).toBe(12);
    await expect(ed.block('api')).toHaveAttribute('aria-label', /12 replicas/);
    await expect(ed.blockMarks('api').locator('text.block-numbers')).toContainText('×12');

    await ed.tool('Undo').click();
    await expect.poll(async () => (await savedBlock(page, 'api')).replicas).toBeUndefined();
    await expect(replicas).toHaveValue('1');
    await expect(ed.tool('Undo')).toBeDisabled();
    await ed.tool('Redo').click();
    await expect(replicas).toHaveValue('12');
  });

  test('other fields: label, availability, latencies, capacity', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('api');
    await ed.setField('Label', 'Shortener');
    await ed.setField('Availability', '99.95%');
    await ed.setField('p99 latency', '80');
    await ed.setField('Median latency', '15');
    await ed.setField('Capacity per instance', '2500');
    await expect
      .poll(async () => savedBlock(page, 'api'))
      .toMatchObject({ label: 'Shortener', availability: 0.9995, latency_ms: 15, p99_ms: 80, capacity_rps: 2500 });
    await expect(ed.blockNamed('Service (stateless app)', 'Shortener')).toHaveCount(1);
    await expect(ed.linkBetween('LB', 'Shortener')).toHaveCount(1);
  });

  for (const [field, typed, reason] of [
    ['Replicas', '0', /replica|1|least/i],
    ['Replicas', 'abc', /number|abc/i],
    ['p99 latency', '10', /median|latency|p99/i],
    ['Availability', '1.5', /./],
  ] as const) {
    test(`invalid input "${typed}" in ${field} shows why and leaves the document unchanged`, async ({ page }) => {
      const ed = new EditorPage(page);
      await ed.clickBlock('api');
      const before = await savedDocument(page);
      await ed.setField(field, typed);
      const input = ed.field(field);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      const error = ed.inspector.getByRole('alert');
      await expect(error).toBeVisible();
      await expect(error).toHaveText(reason);
      // The reason is tied to the field for screen readers.
      const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
      expect(describedBy).toContain((await error.getAttribute('id'))!);
      expect(await savedDocument(page)).toEqual(before);
      await expect(ed.tool('Undo')).toBeDisabled();
      // Escape brings back the document's value and clears the error.
      await input.press('Escape');
      await expect(error).toHaveCount(0);
    });
  }

  test('an edit on a multi-selection applies to every selected block, as one step', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('lb');
    await ed.clickBlock('api', true);
    await ed.setField('Replicas', '4');
    await expect.poll(async () => (await savedBlock(page, 'lb')).replicas).toBe(4);
    expect((await savedBlock(page, 'api')).replicas).toBe(4);
    expect((await savedBlock(page, 'users')).replicas).toBeUndefined();
    await ed.tool('Undo').click();
    await expect.poll(async () => (await savedBlock(page, 'lb')).replicas).toBeUndefined();
    expect((await savedBlock(page, 'api')).replicas).toBeUndefined();
  });

  test('a percentage is saved as the decimal the user typed', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('api');
    await ed.setField('Availability', '99.9%');
    await expect.poll(async () => (await savedBlock(page, 'api')).availability, { timeout: 2000 }).toBe(0.999);
  });

  test('a multi-selection whose values differ shows them as mixed', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickBlock('lb');
    await ed.clickBlock('api', true);
    await expect(ed.field('Median latency')).toHaveValue('');
    await expect(ed.field('Median latency')).toHaveAttribute('placeholder', 'mixed');
  });

  test('a link\'s calls and network latency', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.clickLink(ed.link('l2'));
    await expect(ed.field('Calls per request')).toHaveValue('1');
    await ed.setField('Calls per request', '2');
    await ed.setField('Network latency', '1.5');
    await expect
      .poll(async () => (await savedDocument(page)).links[1])
      .toMatchObject({ id: 'l2', calls: 2, latency_ms: 1.5 });
    await expect(ed.link('l2')).toHaveAttribute('aria-label', /2 calls per request, 1\.5 ms/);
  });
});
