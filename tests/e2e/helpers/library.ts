// The library of designs as a user meets it: reloading, the Recent designs
// dialog, and (for the tests that need it) the browser's own storage.
import { expect, type Locator, type Page } from '@playwright/test';
import { panelsLoaded } from './design';

/** Wait until start-up has opened the tab's design and every change is stored. */
export async function libraryStored(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as any).envelope?.stored?.() === 'true');
}

/** Reload at once (no waiting for the autosave), then wait for the design to be back. */
export async function reloadAtOnce(page: Page): Promise<void> {
  await page.reload();
  await panelsLoaded(page);
  await libraryStored(page);
}

/** Open the Recent designs dialog from the toolbar. */
export async function openRecent(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Recent designs', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Recent designs' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The titles the Recent designs dialog lists, top to bottom. */
export function recentTitles(dialog: Locator): Promise<string[]> {
  return dialog.locator('.recent-title').allTextContents();
}

/** A row's "open" button in the Recent designs dialog, by its exact title. */
export function recentRow(dialog: Locator, title: string): Locator {
  return dialog.locator('li.recent-row').filter({ has: dialog.page().locator('.recent-title', { hasText: new RegExp(`^${escape(title)}$`) }) });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every summary stored in the browser's library (IndexedDB), read in the page. */
export function storedSummaries(page: Page): Promise<{ id: string; title: string; rev: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('envelope');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('summaries').objectStore('summaries').getAll();
          get.onsuccess = () => {
            resolve(get.result);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** A library entry as the app stores it: a list summary and its design. */
export interface StoredEntry {
  summary: Record<string, unknown>;
  design?: Record<string, unknown>;
}

/** Write entries straight into the browser's library (IndexedDB), as a long-time
 *  user would have them, or damaged as a failing disk might leave them. */
export async function putStored(page: Page, entries: StoredEntry[]): Promise<void> {
  await page.evaluate(async (entries) => {
    const db: IDBDatabase = await new Promise((ok, no) => {
      const r = indexedDB.open('envelope');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const tx = db.transaction(['summaries', 'designs'], 'readwrite');
    for (const e of entries) {
      tx.objectStore('summaries').put(e.summary);
      if (e.design) tx.objectStore('designs').put(e.design);
    }
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, entries);
}
