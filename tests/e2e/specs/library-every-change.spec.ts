// Every kind of change is stored: make it as a user does, reload at once (no
// waiting for the autosave pause), and find it there. The page's `pagehide`
// writes what the debounced store had not written yet.
import { expect, test, type Page } from '@playwright/test';
import { design, openDesign, savedDocument, threeTier, type Design } from '../helpers/design';
import { openThroughChooser } from '../helpers/files';
import { libraryStored, reloadAtOnce, storedSummaries } from '../helpers/library';
import { EditorPage } from '../pages/editor';

/** Open the three tiers through a link, as a user's own design. */
async function start(page: Page): Promise<EditorPage> {
  await openDesign(page, threeTier());
  await libraryStored(page);
  return new EditorPage(page);
}

/** Reload at once; the document as the app has it afterwards. */
async function afterReload(page: Page): Promise<Design> {
  await reloadAtOnce(page);
  return savedDocument(page);
}

const block = (d: Design, id: string) => d.blocks.find((b) => b.id === id);

test('a field in the inspector', async ({ page }) => {
  const ed = await start(page);
  await ed.clickBlock('api');
  await ed.setField('Replicas', '7');
  expect(block(await afterReload(page), 'api')?.replicas).toBe(7);
});

test('a field in the list view', async ({ page }) => {
  await start(page);
  await page.keyboard.press('l');
  const cell = page.getByRole('textbox', { name: 'Replicas of API' });
  await cell.fill('5');
  await cell.press('Enter');
  expect(block(await afterReload(page), 'api')?.replicas).toBe(5);
});

test('the title, the notes and the targets', async ({ page }) => {
  const ed = await start(page);
  await ed.setField('Title', 'Renamed at once');
  expect((await afterReload(page)).title).toBe('Renamed at once');

  await ed.field('Notes').fill('Assume 10:1 reads to writes.');
  await ed.field('Notes').blur();
  expect((await afterReload(page)).notes).toBe('Assume 10:1 reads to writes.');

  await ed.setField('Availability target', '99.9%');
  expect((await afterReload(page)).targets).toEqual({ availability: 0.999 });
});

test('a move and a nudge', async ({ page }) => {
  const ed = await start(page);
  const before = block(await savedDocument(page), 'api')!;
  await ed.dragBlock('api', 80, 40);
  const moved = block(await afterReload(page), 'api')!;
  expect(moved.x).not.toBe(before.x);
  expect(moved.y).not.toBe(before.y);

  await ed.clickBlock('api');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(block(await afterReload(page), 'api')!.x).toBe(moved.x + 2);
});

test('connect and delete', async ({ page }) => {
  const ed = await start(page);
  await ed.clickBlock('users');
  await ed.clickBlock('api', true);
  await page.keyboard.press('c');
  await expect(ed.links).toHaveCount(3);
  const links = (await afterReload(page)).links;
  expect(links.map((l) => [l.from, l.to])).toContainEqual(['users', 'api']);

  await ed.clickBlock('lb');
  await page.keyboard.press('Delete');
  await expect(ed.blocks).toHaveCount(2);
  const d = await afterReload(page);
  expect(d.blocks.map((b) => b.id)).toEqual(['users', 'api']);
  expect(d.links.map((l) => [l.from, l.to])).toEqual([['users', 'api']]);
});

test('paste', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const ed = await start(page);
  await ed.clickBlock('api');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(ed.blocks).toHaveCount(4);
  const d = await afterReload(page);
  expect(d.blocks.map((b) => b.kind)).toEqual(['client', 'load_balancer', 'service', 'service']);
});

test('accepting a finding, and withdrawing it', async ({ page }) => {
  const ed = await start(page);
  const row = ed.findingRow(/^Single point of failure.*'api'/);
  await row.getByRole('button', { name: 'Accept…' }).click();
  await row.getByLabel('Reason for accepting').fill('Restarted in seconds.');
  await row.getByRole('button', { name: 'Accept', exact: true }).click();
  expect((await afterReload(page)).accepted).toEqual([
    expect.objectContaining({ rule: 'spof', blocks: ['api'], reason: 'Restarted in seconds.' }),
  ]);

  await ed.findingRow(/^Single point of failure.*'api'/).getByRole('button', { name: 'Withdraw' }).click();
  expect((await afterReload(page)).accepted ?? []).toEqual([]);
});

test('undo and redo', async ({ page }) => {
  const ed = await start(page);
  await ed.clickBlock('api');
  await ed.setField('Replicas', '3');
  await libraryStored(page);
  await ed.tool('Undo').click();
  expect(block(await afterReload(page), 'api')?.replicas).toBeUndefined();

  // After a reload the history is new: redo what is undone in this page.
  await ed.clickBlock('api');
  await ed.setField('Replicas', '4');
  await ed.tool('Undo').click();
  await ed.tool('Redo').click();
  expect(block(await afterReload(page), 'api')?.replicas).toBe(4);
});

test('"Apply to design" of the what-if bar', async ({ page }) => {
  const ed = await start(page);
  await ed.setMultiplier('3');
  await ed.whatIf.getByRole('button', { name: 'Apply to design' }).click();
  expect(block(await afterReload(page), 'users')?.rps).toBe(3000);
});

test('opening a template, a file and a link', async ({ page }) => {
  const ed = await start(page);
  await ed.tool('Templates').click();
  await page.getByRole('button', { name: /^Open template URL shortener/ }).click();
  await expect(page.getByRole('dialog', { name: 'Start from a template' })).toBeHidden();
  expect((await afterReload(page)).title).toMatch(/URL shortener/);

  const file = design({ title: 'From a file', blocks: [{ id: 'f', kind: 'cache', x: 0, y: 0 }] });
  await openThroughChooser(page, 'file.envelope.json', JSON.stringify(file));
  await expect(ed.blocks).toHaveCount(1);
  expect((await afterReload(page)).title).toBe('From a file');

  // A link pasted into this tab's address bar (only the fragment changes).
  const linked = design({
    title: 'From a link',
    blocks: [
      { id: 'k', kind: 'kv_store', x: 0, y: 0 },
      { id: 'q', kind: 'queue', x: 200, y: 0 },
    ],
  });
  await openDesign(page, linked);
  expect((await savedDocument(page)).title).toBe('From a link');
  // The address lost the link, so this reload shows the stored design.
  const d = await afterReload(page);
  expect(d.title).toBe('From a link');
  expect(page.url()).not.toContain('#v1=');
});

test('hiding the page stores at once, before the pause after the last change ends', async ({ page }) => {
  const ed = await start(page);
  await ed.setField('Title', 'Hidden at once');
  // The tab goes to the background (another tab, a minimised window).
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // Well within the 1 s pause the debounced store would wait.
  await expect
    .poll(async () => (await storedSummaries(page)).map((s) => s.title), { timeout: 500, intervals: [50] })
    .toContain('Hidden at once');
});
