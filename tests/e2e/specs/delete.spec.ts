import { test, expect } from '@playwright/test';
import { openDesign, savedDocument, threeTier } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('delete', () => {
  test('Delete removes the selected block and its links, as one undo step', async ({ page }) => {
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    await ed.clickBlock('lb');
    await page.keyboard.press('Delete');
    await expect(ed.blocks).toHaveCount(2);
    await expect(ed.block('lb')).toHaveCount(0);
    await expect(ed.links).toHaveCount(0);
    let doc = await savedDocument(page);
    expect(doc.blocks.map((b) => b.id)).toEqual(['users', 'api']);
    expect(doc.links).toEqual([]);

    await page.keyboard.press('Control+z');
    await expect(ed.blocks).toHaveCount(3);
    await expect(ed.links).toHaveCount(2);
    doc = await savedDocument(page);
    expect(doc).toEqual(threeTier());
    await expect(ed.tool('Undo')).toBeDisabled();
  });

  test('Backspace removes a multi-selection; a selected link alone leaves its blocks', async ({ page }) => {
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    await ed.clickBlock('users');
    await ed.clickBlock('api', true);
    await page.keyboard.press('Backspace');
    await expect(ed.blocks).toHaveCount(1);
    expect((await savedDocument(page)).links).toEqual([]);

    await page.keyboard.press('Control+z');
    await expect(ed.links).toHaveCount(2);
    await ed.link('l2').focus();
    await page.keyboard.press('Delete');
    await expect(ed.links).toHaveCount(1);
    const doc = await savedDocument(page);
    expect(doc.blocks).toHaveLength(3);
    expect(doc.links.map((l) => l.id)).toEqual(['l1']);
  });
});
