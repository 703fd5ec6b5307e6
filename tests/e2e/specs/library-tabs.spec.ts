// Tabs never overwrite each other: two tabs on different designs keep all their
// edits; two tabs on one design see each other's changes, or, with edits of
// their own, choose "Keep mine as a copy" or "Take theirs".
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { design, openDesign, panelsLoaded, savedDocument } from '../helpers/design';
import { fileButton } from '../helpers/files';
import { libraryStored, openRecent, recentTitles, storedSummaries } from '../helpers/library';
import { EditorPage } from '../pages/editor';

const alpha = design({
  title: 'Alpha',
  blocks: [
    { id: 'users', kind: 'client', label: 'Users', x: 100, y: 100, rps: 100 },
    { id: 'api', kind: 'service', label: 'API', x: 400, y: 100 },
  ],
  links: [{ id: 'l1', from: 'users', to: 'api' }],
});

/** A second tab of the same browser, opened on the site without a link. */
async function secondTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await panelsLoaded(page);
  await libraryStored(page);
  return page;
}

async function setReplicas(page: Page, value: string): Promise<void> {
  const ed = new EditorPage(page);
  await ed.clickBlock('api');
  await ed.setField('Replicas', value);
}

test('two tabs on different designs both keep all their edits', async ({ page, context }) => {
  await openDesign(page, alpha);
  await libraryStored(page);
  const b = await secondTab(context);
  expect((await savedDocument(b)).title).toBe('Alpha');
  await fileButton(b, 'New design').click();
  await new EditorPage(b).setField('Title', 'Beta');
  await libraryStored(b);

  // Tab A edits on; tab B's design is not touched.
  await setReplicas(page, '3');
  await libraryStored(page);
  await b.close();
  await page.close();

  const c = await context.newPage();
  await c.goto('/');
  await panelsLoaded(c);
  await libraryStored(c);
  const dialog = await openRecent(c);
  await expect.poll(async () => (await recentTitles(dialog)).sort()).toEqual(['Alpha', 'Beta']);
  await dialog.locator('li.recent-row', { hasText: 'Alpha' }).locator('.recent-open').click();
  await expect.poll(async () => (await savedDocument(c)).title).toBe('Alpha');
  expect((await savedDocument(c)).blocks.find((x) => x.id === 'api')?.replicas).toBe(3);
});

test('two tabs on one design: the tab that did not change it shows the newer version', async ({ page, context }) => {
  await openDesign(page, alpha);
  await libraryStored(page);
  const b = await secondTab(context);
  expect((await savedDocument(b)).title).toBe('Alpha');

  await setReplicas(page, '4');
  await libraryStored(page);
  await expect
    .poll(async () => (await savedDocument(b)).blocks.find((x) => x.id === 'api')?.replicas)
    .toBe(4);
  await expect(new EditorPage(b).notice).toContainText('changes made in another tab');
});

for (const choice of ['Keep mine as a copy', 'Take theirs'] as const) {
  test(`two tabs on one design, both edited: "${choice}"`, async ({ page, context }) => {
    await openDesign(page, alpha);
    await libraryStored(page);
    const b = await secondTab(context);

    // B edits first and stores within a second; A's edit, made meanwhile,
    // is based on the version B has just replaced.
    await setReplicas(b, '5');
    await setReplicas(page, '6');
    const prompt = page.getByRole('alertdialog', { name: 'Another tab changed this design' });
    await expect(prompt).toBeVisible();
    await prompt.getByRole('button', { name: choice }).click();
    await expect(prompt).toBeHidden();
    await libraryStored(page);

    const mine = await savedDocument(page);
    const stored = await storedSummaries(page);
    if (choice === 'Keep mine as a copy') {
      // Both versions are kept: B's under the design, A's as its own copy.
      expect(mine.title).toBe('Alpha (my copy)');
      expect(mine.blocks.find((x) => x.id === 'api')?.replicas).toBe(6);
      expect(stored.map((s) => s.title).sort()).toEqual(['Alpha', 'Alpha (my copy)']);
      expect((await savedDocument(b)).blocks.find((x) => x.id === 'api')?.replicas).toBe(5);
    } else {
      expect(mine.title).toBe('Alpha');
      expect(mine.blocks.find((x) => x.id === 'api')?.replicas).toBe(5);
      expect(stored.map((s) => s.title)).toEqual(['Alpha']);
    }
  });
}

test('a change made just before the tab closes is there in the next tab', async ({ page, context }) => {
  await openDesign(page, alpha);
  await libraryStored(page);
  await setReplicas(page, '8');
  // Closed at once: the pause before storing has not ended.
  await page.close({ runBeforeUnload: true });
  const next = await secondTab(context);
  expect((await savedDocument(next)).title).toBe('Alpha');
  expect((await savedDocument(next)).blocks.find((x) => x.id === 'api')?.replicas).toBe(8);
});
