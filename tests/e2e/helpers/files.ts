// Files for the open/save tests: saving through the toolbar, opening through the
// file chooser or a drop, and reading the load-error dialog.
import { readFileSync } from 'node:fs';
import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';

/** The open document's saved text, as `window.envelope.document()` gives it. */
export function documentText(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).envelope.document() as string);
}

/** Click a button of the toolbar's File group. */
export function fileButton(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'File' }).getByRole('button', { name, exact: true });
}

/** Save through the toolbar; the downloaded file's name and text. */
export async function saveThroughToolbar(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), fileButton(page, 'Save').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

/**
 * The file chooser that `trigger` opens. Playwright starts intercepting choosers
 * only when the first listener is added, without waiting for the browser to
 * confirm, so a trigger sent at once can open a chooser that nobody sees (a flake
 * seen in CI). The listener is therefore added first and kept, and a trigger whose
 * chooser did not come within 5 s is sent again, twice at most.
 */
export async function chooserFrom(page: Page, trigger: () => Promise<void>): Promise<FileChooser> {
  if (!page.listeners('filechooser').includes(keepIntercepting)) page.on('filechooser', keepIntercepting);
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5000 });
    await trigger();
    try {
      return await chooser;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

function keepIntercepting(): void {}

/** Open a file through "Open…" and the browser's file chooser. */
export async function openThroughChooser(page: Page, name: string, text: string): Promise<void> {
  const chooser = await chooserFrom(page, () => fileButton(page, 'Open…').click());
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Drop a file onto the canvas, as the OS's drag and drop would. */
export async function dropFile(page: Page, target: Locator, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    [name, text],
  );
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/** The load-error dialog with the given title. */
export function errorDialog(page: Page, title: string): Locator {
  return page.getByRole('alertdialog', { name: title });
}

/** The problems the dialog lists, as [pointer, message] pairs. */
export async function listedErrors(dialog: Locator): Promise<[string, string][]> {
  await expect(dialog.getByRole('list', { name: 'Problems' })).toBeVisible();
  return dialog.locator('li').evaluateAll((items) =>
    items.map((li) => [
      li.querySelector('.pointer')?.textContent ?? '',
      li.querySelector('.expected')?.textContent ?? '',
    ]),
  ) as Promise<[string, string][]>;
}
