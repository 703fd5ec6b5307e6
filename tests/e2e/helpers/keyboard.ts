// Moving keyboard focus the way a keyboard user does: Tab until it lands.
import { expect, type Page } from '@playwright/test';

/** What has keyboard focus: its accessible name (or label), role description and tag. */
export async function focused(page: Page): Promise<{ name: string; role: string; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      name:
        el?.getAttribute('aria-label') ??
        (el as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ??
        el?.textContent?.trim() ??
        '',
      role: el?.getAttribute('aria-roledescription') ?? el?.getAttribute('role') ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
    };
  });
}

/** Press Tab (Shift+Tab with `back`) until the focused element's name matches, at most `limit` times. */
export async function tabTo(page: Page, name: string | RegExp, { back = false, limit = 200 } = {}) {
  const matches = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
  for (let i = 0; i < limit; i++) {
    if (matches((await focused(page)).name)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  expect((await focused(page)).name, `Tab reaches ${name}`).toMatch(name);
}
