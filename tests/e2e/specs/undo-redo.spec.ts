import { test, expect } from '@playwright/test';
import { openEmpty, savedDocument } from '../helpers/design';
import { EditorPage } from '../pages/editor';

test.describe('undo and redo', () => {
  test('many steps go back with Ctrl+Z and forward with Ctrl+Shift+Z, Ctrl+Y and the toolbar', async ({ page }) => {
    await openEmpty(page);
    const ed = new EditorPage(page);
    const undo = ed.tool('Undo');
    const redo = ed.tool('Redo');
    await expect(undo).toBeDisabled();
    await expect(redo).toBeDisabled();

    // Five steps: three blocks, a link, a move.
    const states: string[] = [JSON.stringify(await savedDocument(page))];
    const snapshot = async () => states.push(JSON.stringify(await savedDocument(page)));
    await ed.dragFromPalette('Users / client', { x: 150, y: 200 });
    await snapshot();
    await ed.dragFromPalette('Load balancer', { x: 400, y: 200 });
    await snapshot();
    await ed.dragFromPalette('Service (stateless app)', { x: 650, y: 200 });
    await snapshot();
    const ids = await ed.blockIds();
    await ed.connectByHandle(ids[0], ids[1]);
    await expect(ed.links).toHaveCount(1);
    await snapshot();
    await ed.dragBlock(ids[2], 0, 100);
    await snapshot();
    expect(new Set(states).size).toBe(6);

    // Back through every state.
    await page.keyboard.press('Escape');
    for (let i = states.length - 2; i >= 0; i--) {
      await page.keyboard.press('Control+z');
      expect(JSON.stringify(await savedDocument(page))).toBe(states[i]);
    }
    await expect(ed.blocks).toHaveCount(0);
    await expect(undo).toBeDisabled();
    await expect(redo).toBeEnabled();
    // Undo with nothing left changes nothing.
    await page.keyboard.press('Control+z');
    expect(JSON.stringify(await savedDocument(page))).toBe(states[0]);

    // Forward with each of the three ways.
    await page.keyboard.press('Control+Shift+z');
    expect(JSON.stringify(await savedDocument(page))).toBe(states[1]);
    await page.keyboard.press('Control+y');
    expect(JSON.stringify(await savedDocument(page))).toBe(states[2]);
    await redo.click();
    expect(JSON.stringify(await savedDocument(page))).toBe(states[3]);
    await redo.click();
    await redo.click();
    expect(JSON.stringify(await savedDocument(page))).toBe(states[5]);
    await expect(redo).toBeDisabled();
    await expect(ed.blocks).toHaveCount(3);
    await expect(ed.links).toHaveCount(1);

    // The toolbar's Undo too; a new edit after undo drops the redo branch.
    await undo.click();
    expect(JSON.stringify(await savedDocument(page))).toBe(states[4]);
    await ed.dragFromPalette('Cache (Redis)', { x: 400, y: 450 });
    await expect(ed.blocks).toHaveCount(4);
    await expect(redo).toBeDisabled();
  });
});
