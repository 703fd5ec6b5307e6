// Printing: the chrome goes, the drawing (fitted) and the results stay, in light
// colours, on one A4 or Letter page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDesign, type Design } from '../helpers/design';
import { EditorPage } from '../pages/editor';

const template = JSON.parse(
  readFileSync(resolve(__dirname, '../../../public/templates/url-shortener.envelope.json'), 'utf8'),
) as Design;

/** How many pages a PDF made by Chromium has. */
function pages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

test('print media hides the chrome and shows the whole drawing and the results', async ({ page }) => {
  await openDesign(page, template);
  const ed = new EditorPage(page);
  await ed.tool('Dark theme').click();
  await page.emulateMedia({ media: 'print' });

  await expect(page.getByRole('toolbar', { name: 'Editor' })).toBeHidden();
  await expect(ed.palette).toBeHidden();
  await expect(ed.inspector).toBeHidden();
  await expect(ed.whatIf).toBeHidden();
  await expect(ed.canvas).toBeVisible();
  await expect(ed.results).toBeVisible();
  await expect(ed.results.locator('li.finding').first()).toBeVisible();

  const canvas = (await ed.canvas.boundingBox())!;
  for (const id of await ed.blockIds()) {
    const b = (await ed.block(id).boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(canvas.x);
    expect(b.y).toBeGreaterThanOrEqual(canvas.y);
    expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(b.y + b.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
  const results = (await ed.results.boundingBox())!;
  expect(results.y).toBeGreaterThanOrEqual(canvas.y + canvas.height);
  // Light paper even from the dark theme.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('a template-sized design prints on one A4 and one Letter page', async ({ page }) => {
  await openDesign(page, template);
  expect(pages(await page.pdf({ format: 'A4' }))).toBe(1);
  expect(pages(await page.pdf({ format: 'Letter' }))).toBe(1);
});

test('the Print button opens the print dialog', async ({ page }) => {
  await openDesign(page, template);
  await page.evaluate(() => {
    (window as any).printed = 0;
    window.print = () => (window as any).printed++;
  });
  await new EditorPage(page).tool('Print').click();
  expect(await page.evaluate(() => (window as any).printed)).toBe(1);
});
