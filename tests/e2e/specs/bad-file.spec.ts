// A bad design file shows a dialog with every error (JSON pointer and what was
// expected) and leaves the open design and its undo history untouched.
import { expect, test } from '@playwright/test';
import { documentText, errorDialog, fileButton, listedErrors, openThroughChooser } from '../helpers/files';
import { EditorPage } from '../pages/editor';
import { panelsLoaded } from '../helpers/design';

const BAD_FILES: { what: string; text: string; expected: [string, RegExp][] }[] = [
  {
    what: 'not JSON (cut short)',
    text: '{"format": "envelope/design", "version": 1, "blocks": [',
    expected: [['line 1, column 55', /not valid JSON/]],
  },
  {
    what: 'wrong format and version',
    text: JSON.stringify({ format: 'nope', version: 7, blocks: [], links: [] }),
    expected: [
      ['/format', /expected "envelope\/design"/],
      ['/version', /unsupported version 7/],
    ],
  },
  {
    what: 'out-of-range numbers and an unknown id',
    text: JSON.stringify({
      format: 'envelope/design',
      version: 1,
      blocks: [{ id: 'api', kind: 'service', x: 0, y: 0, replicas: -2, availability: 1.5 }],
      links: [{ id: 'l1', from: 'api', to: 'ghost' }],
    }),
    expected: [
      ['/blocks/0/replicas', /expected an integer from 1 to 10000, found -2/],
      ['/blocks/0/availability', /expected a number in \(0, 1\], found 1\.5/],
      ['/links/0/to', /unknown block "ghost"/],
    ],
  },
];

test('each bad file lists all its errors and changes nothing', async ({ page }) => {
  await page.goto('/');
  await panelsLoaded(page);
  const ed = new EditorPage(page);
  await ed.dragFromPalette('Users / client', { x: 200, y: 150 });
  await ed.dragFromPalette('Cache (Redis)', { x: 450, y: 150 });
  await expect(ed.blocks).toHaveCount(2);
  const before = await documentText(page);
  const open = fileButton(page, 'Open…');

  for (const bad of BAD_FILES) {
    await openThroughChooser(page, 'bad.envelope.json', bad.text);
    const dialog = errorDialog(page, 'This file could not be opened');
    await expect(dialog, bad.what).toBeVisible();
    await expect(dialog).toContainText('bad.envelope.json');
    const listed = await listedErrors(dialog);
    expect(listed.map(([at]) => at), bad.what).toEqual(bad.expected.map(([at]) => at));
    bad.expected.forEach(([, message], i) => expect(listed[i][1], bad.what).toMatch(message));
    // Focus is inside the dialog; Escape closes it and focus goes back.
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    expect(await documentText(page), bad.what).toBe(before);
  }

  // The Close button closes it too.
  await openThroughChooser(page, 'bad.envelope.json', BAD_FILES[1].text);
  const dialog = errorDialog(page, 'This file could not be opened');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The undo history is the design's own: two undos remove the two blocks.
  await expect(ed.blocks).toHaveCount(2);
  await ed.tool('Undo').click();
  await expect(ed.blocks).toHaveCount(1);
  await ed.tool('Undo').click();
  await expect(ed.blocks).toHaveCount(0);
});
