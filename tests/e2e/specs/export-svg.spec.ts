// Export SVG: a standalone file named after the design, every label escaped
// (a label of `<script>alert(1)</script>` stays text), and it renders.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDesign, threeTier } from '../helpers/design';

const EVIL = '<script>alert(1)</script>';

test('the exported SVG keeps a script label as text and renders', async ({ page }, info) => {
  const d = threeTier();
  d.blocks[2].label = EVIL;
  await openDesign(page, d);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Three tiers.svg');
  const svg = readFileSync((await download.path())!, 'utf8');

  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(svg.toLowerCase()).not.toContain('<script');
  // Styles are inlined, nothing is fetched from elsewhere.
  expect(svg).toContain('<style>');
  expect(svg).not.toMatch(/href="(?!#)/);

  // Parsed as XML it has no script element, and the label is a text node.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror') !== null,
      scripts: doc.getElementsByTagName('script').length,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
    };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.scripts).toBe(0);
  expect(parsed.texts.some((t) => t.includes('<script>'))).toBe(true);

  // It renders as an image; the screenshot is kept for a person to look at.
  const size = await page.evaluate(async (text) => {
    const img = new Image();
    img.id = 'exported';
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
    await img.decode();
    img.style.cssText = 'position:fixed;left:0;top:0;z-index:99;background:white';
    document.body.append(img);
    return { w: img.naturalWidth, h: img.naturalHeight };
  }, svg);
  expect(size.w).toBeGreaterThan(0);
  expect(size.h).toBeGreaterThan(0);
  await page.locator('#exported').screenshot({ path: info.outputPath('exported-svg.png') });
  let alerted = false;
  page.on('dialog', () => (alerted = true));
  await page.waitForTimeout(100);
  expect(alerted).toBe(false);
});
