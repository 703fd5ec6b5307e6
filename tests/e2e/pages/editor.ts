// The editor as a user sees it: palette, canvas, toolbar, inspector, list view.
import { expect, type Locator, type Page } from '@playwright/test';

/** The MIME type a palette item carries while dragged. */
export const PALETTE_MIME = 'application/x-envelope-kind';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class EditorPage {
  readonly canvas: Locator;
  readonly palette: Locator;
  readonly inspector: Locator;
  readonly blocks: Locator;
  readonly links: Locator;
  readonly zones: Locator;
  readonly stickies: Locator;
  readonly world: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByRole('application', { name: 'Design canvas' });
    this.palette = page.getByRole('complementary', { name: 'Palette' });
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.blocks = this.canvas.locator('g.block[aria-roledescription="block"]');
    this.links = this.canvas.locator('g.link[aria-roledescription="link"]');
    this.zones = this.canvas.locator('g.zone');
    this.stickies = this.canvas.locator('g.sticky');
    this.world = this.canvas.locator('g.world');
    this.notice = page.locator('.notice[role="status"]');
  }

  // ---- palette -------------------------------------------------------------

  paletteItem(name: string): Locator {
    return this.page.getByRole('button', { name: `Add ${name}`, exact: true });
  }

  get filter(): Locator {
    return this.palette.getByRole('searchbox', { name: 'Filter blocks' });
  }

  /**
   * Drag a palette item onto the canvas, dropping it at `at` (pixels from the
   * canvas's top-left corner), as HTML5 drag and drop.
   */
  async dragFromPalette(name: string, at: { x: number; y: number }): Promise<void> {
    await this.paletteItem(name).dragTo(this.canvas, { targetPosition: at });
  }

  // ---- canvas items ----------------------------------------------------------

  block(id: string): Locator {
    return this.canvas.locator(`g.block[data-id="${id}"]`);
  }

  /** A block by the start of its accessible name: "<Kind name>: <label>". */
  /** A block by kind and label; a block without a label of its own is named by its kind alone. */
  blockNamed(kindName: string, label: string): Locator {
    const name = label === kindName ? `${kindName}, ` : `${kindName}: ${label},`;
    return this.canvas.getByRole('button', { name });
  }

  /**
   * The figures and marks drawn over a block (key numbers, findings badge,
   * "⚠ saturated", "✕ down"): beside its button, so that the button's visible
   * text is its label alone.
   */
  blockMarks(id: string): Locator {
    return this.canvas.locator(`g.block[data-id="${id}"] + g.block-marks`);
  }

  link(id: string): Locator {
    return this.canvas.locator(`g.link[data-id="${id}"]`);
  }

  /** The label and figures drawn along a link, beside its button. */
  linkText(id: string): Locator {
    return this.canvas.locator(`g.link[data-id="${id}"] + text.link-text`);
  }

  linkBetween(from: string, to: string): Locator {
    return this.canvas.getByRole('button', { name: `Link from ${from} to ${to}:` });
  }

  /**
   * Click a link at the middle of its curve. (A straight horizontal link has a
   * zero-height box, which Playwright counts as invisible, so no locator.click.)
   */
  async clickLink(link: Locator): Promise<void> {
    const p = await link.locator('path.link-hit').evaluate((path: SVGPathElement) => {
      const mid = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      return { x: mid.x * m.a + mid.y * m.c + m.e, y: mid.x * m.b + mid.y * m.d + m.f };
    });
    await this.page.mouse.click(p.x, p.y);
  }

  zone(id: string): Locator {
    return this.canvas.locator(`g.zone[data-id="${id}"]`);
  }

  sticky(id: string): Locator {
    return this.canvas.locator(`g.sticky[data-id="${id}"]`);
  }

  /** Screen box of a block's body (not its handle). */
  async blockBox(id: string): Promise<Box> {
    const box = await this.block(id).locator('rect.block-body').boundingBox();
    expect(box, `block ${id} on screen`).not.toBeNull();
    return box!;
  }

  async blockCentre(id: string): Promise<{ x: number; y: number }> {
    const b = await this.blockBox(id);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }

  async canvasBox(): Promise<Box> {
    const box = await this.canvas.boundingBox();
    expect(box).not.toBeNull();
    return box!;
  }

  /** Click a block's body (Shift-click with `shift`). */
  async clickBlock(id: string, shift = false): Promise<void> {
    const c = await this.blockCentre(id);
    if (shift) await this.page.keyboard.down('Shift');
    await this.page.mouse.click(c.x, c.y);
    if (shift) await this.page.keyboard.up('Shift');
  }

  /** Drag with the mouse from one screen point to another in `steps` moves. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 8) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps });
    await this.page.mouse.up();
  }

  /** Drag a block by its body by (dx, dy) screen pixels. */
  async dragBlock(id: string, dx: number, dy: number): Promise<void> {
    const c = await this.blockCentre(id);
    await this.drag(c, { x: c.x + dx, y: c.y + dy });
  }

  /** Connect two blocks by dragging from the first's handle onto the second. */
  async connectByHandle(from: string, to: string): Promise<void> {
    const handle = await this.block(from).locator('circle.handle').boundingBox();
    expect(handle).not.toBeNull();
    const target = await this.blockCentre(to);
    await this.drag(
      { x: handle!.x + handle!.width / 2, y: handle!.y + handle!.height / 2 },
      target,
    );
  }

  /** A point of empty canvas, `dx`/`dy` from the canvas's top-left corner. */
  async canvasPoint(dx: number, dy: number): Promise<{ x: number; y: number }> {
    const c = await this.canvasBox();
    return { x: c.x + dx, y: c.y + dy };
  }

  /** The world group's transform as {x, y, zoom}. */
  async view(): Promise<{ x: number; y: number; zoom: number }> {
    const t = (await this.world.getAttribute('transform')) ?? '';
    const m = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)\s*scale\(([-\d.e]+)\)/.exec(t);
    expect(m, `world transform "${t}"`).not.toBeNull();
    return { x: Number(m![1]), y: Number(m![2]), zoom: Number(m![3]) };
  }

  /** Ids of the selected blocks, as the canvas shows them. */
  async selectedBlockIds(): Promise<string[]> {
    return this.canvas
      .locator('g.block[aria-pressed="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '').sort());
  }

  async blockIds(): Promise<string[]> {
    return this.blocks.evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  }

  // ---- toolbar ---------------------------------------------------------------

  tool(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Editor' }).getByRole('button', { name, exact: true });
  }

  /** The zoom level's button ("45% zoom, reset to 100%"), which resets the zoom. */
  get zoomReset(): Locator {
    return this.page.getByRole('toolbar', { name: 'Editor' }).getByRole('button', { name: /^\d+% zoom, reset to 100%$/ });
  }

  /** Press a shortcut with focus on the page body (not in a field). */
  async shortcut(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  // ---- results panel and what-if ----------------------------------------------

  /** The results panel (a region named by its "Results" heading). */
  get results(): Locator {
    return this.page.getByRole('region', { name: 'Results' });
  }

  /** A headline figure: availability, p50, p99, p999 or max_scale. */
  figure(name: 'availability' | 'p50' | 'p99' | 'p999' | 'max_scale'): Locator {
    return this.results.locator(`[data-figure="${name}"]`);
  }

  /** A finding's button in the results panel, by rule title and/or message. */
  finding(name: string | RegExp): Locator {
    return this.results.getByRole('button', { name });
  }

  /** The list row (`li.finding`) holding a finding's button. */
  findingRow(name: string | RegExp): Locator {
    return this.results.locator('li.finding').filter({ has: this.page.getByRole('button', { name }) });
  }

  get whatIf(): Locator {
    return this.page.getByRole('group', { name: 'What-if scenario' });
  }

  get multiplier(): Locator {
    return this.whatIf.getByRole('textbox', { name: 'Traffic multiplier', exact: true });
  }

  /** Type a traffic multiplier ("10", "×2.5") and commit it with Enter. */
  async setMultiplier(text: string): Promise<void> {
    await this.multiplier.fill(text);
    await this.multiplier.press('Enter');
  }

  // ---- inspector and list view -----------------------------------------------

  field(label: string): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  /** Type a new value into an inspector field and commit it with Enter. */
  async setField(label: string, value: string): Promise<void> {
    const f = this.field(label);
    await f.fill(value);
    await f.press('Enter');
  }
}
