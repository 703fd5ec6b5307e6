import { test, expect } from '@playwright/test';
import { openEmpty, savedDocument } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test('a sticky note\'s text is edited in the inspector', async ({ page }) => {
  await openEmpty(page);
  const ed = new EditorPage(page);
  await ed.paletteItem('Sticky note').click();
  await expect(ed.stickies).toHaveCount(1);
  const text = ed.field('Text');
  await expect(text).toHaveValue('Note');
  await text.fill('What breaks first at 10x?');
  await text.press('Tab');
  await expect(ed.stickies.first()).toHaveAttribute('aria-label', 'Note: What breaks first at 10x?');
  await expect(ed.stickies.first()).toContainText('What breaks first');
  expect((await savedDocument(page)).stickies![0].text).toBe('What breaks first at 10x?');
  await ed.tool('Undo').click();
  await expect(ed.stickies.first()).toHaveAttribute('aria-label', 'Note: Note');
});
