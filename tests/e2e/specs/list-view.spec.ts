import { test, expect } from '@playwright/test';
import { openDesign, openEmpty, savedBlock, savedDocument, threeTier } from '../helpers/design';
import { focused, tabTo } from '../helpers/keyboard';
import { EditorPage } from '../pages/editor';

test.describe('list view', () => {
  // The keyboard-only path of the acceptance, through the tables.
  test('build Users → Load balancer with Add block / Add link, edit a cell, undo and redo, keyboard only', async ({ page }) => {
    await openEmpty(page);
    const ed = new EditorPage(page);
    await page.keyboard.press('l');
    const list = page.getByRole('region', { name: 'Design as a list' });
    await expect(list).toBeVisible();
    await expect(list.getByRole('table', { name: 'Blocks' })).toBeVisible();

    await tabTo(page, 'Kind of new block');
    await page.keyboard.type('Users');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Add block');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Load');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(list.getByRole('table', { name: 'Blocks' }).getByRole('row')).toHaveCount(3);

    await tabTo(page, 'Add link');
    await page.keyboard.press('Enter');
    await expect(list.getByRole('table', { name: 'Links' }).getByRole('row')).toHaveCount(2);

    let doc = await savedDocument(page);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['client', 'load_balancer']);
    expect(doc.links).toHaveLength(1);
    expect(doc.links[0]).toMatchObject({ from: doc.blocks[0].id, to: doc.blocks[1].id, latency_ms: 30 });

    const replicas = list.getByRole('textbox', { name: 'Replicas of Load balancer' });
    await replicas.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await savedDocument(page)).blocks[1].replicas).toBe(2);

    // Undo from a button (keys typed in a cell belong to the cell).
    await tabTo(page, 'Add link');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await savedDocument(page)).blocks[1].replicas).toBeUndefined();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await savedDocument(page)).links).toHaveLength(0);
    await page.keyboard.press('Control+y');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await savedDocument(page)).blocks[1].replicas).toBe(2);
    doc = await savedDocument(page);
    expect(doc.links).toHaveLength(1);

    // Back on the canvas the same design is drawn.
    await list.getByRole('button', { name: 'Back to canvas' }).click();
    await expect(ed.blocks).toHaveCount(2);
    await expect(ed.links).toHaveCount(1);
  });

  test('a change the design refuses is said once, beside the cell, not also as a notice', async ({ page }) => {
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    await ed.tool('List view').click();
    // API's median is 20 ms: a p99 of 10 ms is a valid number the design refuses.
    const cell = page.getByRole('textbox', { name: 'p99 of API' });
    await cell.fill('10');
    await cell.press('Enter');
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toContainText('at least the median');
    await expect(ed.notice).toHaveCount(0);
    expect(await savedDocument(page)).toEqual(threeTier());
  });

  test('a cell refuses a bad value, says why, and keeps the document', async ({ page }) => {
    await openDesign(page, threeTier());
    await new EditorPage(page).tool('List view').click();
    const cell = page.getByRole('textbox', { name: 'Replicas of API' });
    await expect(cell).toHaveValue('1');
    await cell.fill('0');
    await cell.press('Enter');
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await savedDocument(page)).toEqual(threeTier());
    await cell.fill('6');
    await cell.press('Enter');
    await expect.poll(async () => (await savedBlock(page, 'api')).replicas).toBe(6);
    await expect(cell).not.toHaveAttribute('aria-invalid', 'true');
  });
});
