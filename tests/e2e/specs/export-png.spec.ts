// Export PNG: a real PNG file drawn from the SVG export at twice its size.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDesign, threeTier } from '../helpers/design';

test('the exported PNG is a PNG twice the size of the SVG', async ({ page }) => {
  await openDesign(page, threeTier());
  const save = async (name: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    return download;
  };
  const svgDownload = await save('Export SVG');
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
  const height = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)![1]);

  const pngDownload = await save('Export PNG');
  expect(pngDownload.suggestedFilename()).toBe('Three tiers.png');
  const png = readFileSync((await pngDownload.path())!);
  // The PNG signature, then the IHDR chunk with width and height.
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBe(Math.round(2 * width));
  expect(png.readUInt32BE(20)).toBe(Math.round(2 * height));
  // A picture, not an empty canvas: far more than a blank image compresses to.
  expect(png.length).toBeGreaterThan(5_000);
});
