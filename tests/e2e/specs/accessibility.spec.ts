import { test, expect } from '@playwright/test';
import { openDesign, threeTier } from '../helpers/design';
import { focused, tabTo } from '../helpers/keyboard';
import { EditorPage } from '../pages/editor';

test.describe('accessibility', () => {
  test('every block and link is reachable with Tab and named by kind and label', async ({ page }) => {
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    const seen = new Map<string, string>();
    await page.locator('body').focus();
    for (let i = 0; i < 200 && seen.size < 5; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.role === 'block' || f.role === 'link') seen.set(f.name, f.role);
    }
    const names = [...seen.keys()];
    expect(names.filter((n) => seen.get(n) === 'block').sort()).toEqual([
      expect.stringMatching(/^Load balancer: LB, 1 replica/),
      expect.stringMatching(/^Service \(stateless app\): API, 1 replica/),
      expect.stringMatching(/^Users \/ client: Users, 1 replica, 1,000 requests per second in/),
    ]);
    expect(names.filter((n) => seen.get(n) === 'link').sort()).toEqual([
      // Each link also says the traffic it carries, from the live report.
      expect.stringMatching(/^Link from LB to API: sync read, 1 call per request, 0.5 ms; carries [\d,]+ requests per second$/),
      expect.stringMatching(/^Link from Users to LB: sync read, 1 call per request, 30 ms; carries [\d,]+ requests per second$/),
    ]);
    for (const item of await ed.canvas.locator('[aria-roledescription="block"], [aria-roledescription="link"]').all()) {
      await expect(item).toHaveAttribute('tabindex', '0');
      await expect(item).toHaveAttribute('role', 'button');
    }
  });

  test('Tab onto a block selects it; Enter moves focus to the inspector', async ({ page }) => {
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    await tabTo(page, /^Load balancer: LB/);
    await expect(ed.block('lb')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    await expect(ed.field('Label')).toBeFocused();
    // Typing there edits the block; Escape leaves the canvas selection alone.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Edge LB');
    await page.keyboard.press('Enter');
    await expect(ed.blockNamed('Load balancer', 'Edge LB')).toHaveCount(1);
  });

  test('Enter on a focused link opens it in the inspector', async ({ page }) => {
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    await tabTo(page, /^Link from Users to LB/);
    await page.keyboard.press('Enter');
    await expect(ed.inspector.locator(':focus')).toHaveCount(1);
    await expect(ed.field('Calls per request')).toBeVisible();
  });

  test('toolbar and palette controls have accessible names', async ({ page }) => {
    await openDesign(page, threeTier());
    const ed = new EditorPage(page);
    for (const name of ['Undo', 'Redo', 'Zoom in', 'Zoom out', 'Fit design', 'Snap to grid', 'List view', 'Dark theme', 'Keyboard shortcuts']) {
      await expect(ed.tool(name)).toHaveCount(1);
    }
    // The zoom level is named by the level it shows, then what it does.
    await expect(ed.zoomReset).toHaveCount(1);
    const unnamed = await page.locator('button').evaluateAll((bs) =>
      bs.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length,
    );
    expect(unnamed).toBe(0);
  });
});
