// "Copy link" says how long the link is; above 8,000 characters it warns that chat
// tools and hosts cut long links and offers the file download instead.
import { expect, test } from '@playwright/test';
import { design, openDesign, savedDocument, threeTier } from '../helpers/design';
import { EditorPage } from '../pages/editor';

/** Notes that do not compress: the link grows with them. */
function noise(chars: number): string {
  let s = '';
  let x = 12345;
  while (s.length < chars) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += x.toString(36);
  }
  return s.slice(0, chars);
}

test('a short link is copied with its length and no warning', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDesign(page, threeTier());
  const ed = new EditorPage(page);
  await ed.tool('Copy link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await expect(ed.notice).toContainText(`Link copied (${link.length} characters)`);
  await expect(ed.notice.getByRole('button', { name: 'Save as file' })).toHaveCount(0);
});

test('a link over 8,000 characters warns and offers the file instead', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const big = design({ ...threeTier(), title: 'Long notes', notes: noise(9_000) });
  await openDesign(page, big);
  const ed = new EditorPage(page);
  await ed.tool('Copy link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.length).toBeGreaterThan(8_000);
  await expect(ed.notice).toContainText(`${link.length} characters long`);
  await expect(ed.notice).toContainText('cut links above 8000');

  const download = page.waitForEvent('download');
  await ed.notice.getByRole('button', { name: 'Save as file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Long notes.envelope.json');
  const saved = JSON.parse(await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(saved).toEqual(await savedDocument(page));
  await expect(ed.notice).toHaveCount(0);
});
