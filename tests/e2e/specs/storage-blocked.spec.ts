// When the browser refuses all storage (IndexedDB and localStorage), the app
// says so once and keeps working; this session still keeps the previous design.
import { expect, test } from '@playwright/test';
import { fileButton } from '../helpers/files';
import { EditorPage } from '../pages/editor';

test('blocked storage: one message, editing still works', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('IndexedDB is off here.', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  const ed = new EditorPage(page);
  await ed.dragFromPalette('Users / client', { x: 200, y: 150 });
  await expect(ed.notice).toContainText('Autosave is off');
  await ed.notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(ed.notice).toBeHidden();

  // More edits: they work, and the message does not come back.
  await ed.dragFromPalette('Cache (Redis)', { x: 450, y: 150 });
  await ed.tool('Zoom in').click();
  await page.waitForTimeout(800);
  await expect(ed.blocks).toHaveCount(2);
  await expect(ed.notice).toBeHidden();

  // The previous design is still kept for this session.
  await fileButton(page, 'New design').click();
  await expect(ed.blocks).toHaveCount(0);
  await fileButton(page, 'Restore previous design').click();
  await expect(ed.blocks).toHaveCount(2);
});
