// Dragging tasks in a real Chromium, where happy-dom cannot go: real layout,
// real touch input, scrolling while dragging. The page is the real TaskApp
// with 5,000 items (bench/ui-scroll); the edits it asks for are recorded in
// the page instead of going to a background.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveBenchPage } from '../../bench/ui-scroll/serve.mjs';

let served: { url: string; close: () => void };
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  served = await serveBenchPage();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  context = await browser.newContext({ viewport: { width: 420, height: 800 }, hasTouch: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  served?.close();
});
// Edits are only recorded, and the view shows a move for a few seconds (useLocalEdits.ts) before it
// comes back as the page's view says: each test starts from a fresh page.
beforeEach(async () => {
  await page.goto(served.url);
  await page.waitForFunction(() => typeof (window as { allRenderedMs?: number }).allRenderedMs === 'number', null, { timeout: 60_000 });
});

const edits = () => page.evaluate(() => (window as unknown as { edits: unknown[] }).edits.splice(0));
const boxOf = async (selector: string) => (await page.locator(selector).boundingBox())!;
const handle = (taskId: string) => `[data-task-id="${taskId}"] .lct-handle`;
/** Scrolls to a list's first rows: only rows near the view are in the page (windowing.ts). */
async function scrollToList(listId: string): Promise<void> {
  await page.locator(`[data-list-id="${listId}"] .lct-list-header`).scrollIntoViewIfNeeded();
  await page.locator(`[data-list-id="${listId}"] [data-task-id]`).first().waitFor();
}
/**
 * Rows scrolled near the view are rendered only then (windowing.ts), which can
 * move the rows around them: measure after two frames, or a loaded machine
 * measures where a row was.
 */
const settled = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe('drag and drop in Chromium', () => {
  it('with touch, from the end of one list into the next one', async () => {
    await scrollToList('L1');
    await settled();
    const from = await boxOf(handle('L0-T98'));
    const to = await boxOf('[data-task-id="L1-T2"]');
    const cdp = await context.newCDPSession(page);
    const at = (y: number) => [{ x: from.x + from.width / 2, y }];
    const startY = from.y + from.height / 2;
    const endY = to.y + 4; // upper half: before L1-T2
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(startY) });
    for (let i = 1; i <= 10; i++)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(startY + ((endY - startY) * i) / 10) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(await edits()).toEqual([{ op: 'moveTask', id: 'L0-T98', list: 'L1', index: 2 }]);
  });

  it('with the mouse, resting near the bottom edge scrolls the list, and the task lands far below', async () => {
    const lists = await boxOf('.lct-lists');
    const from = await boxOf(handle('L0-T1'));
    await page.mouse.move(from.x + 5, from.y + 5);
    await page.mouse.down();
    await page.mouse.move(from.x + 5, lists.y + lists.height - 5, { steps: 10 });
    await page.waitForFunction(() => document.querySelector('.lct-lists')!.scrollTop > 600);
    await page.mouse.up();
    const [edit] = (await edits()) as { op: string; id: string; list: string; index: number }[];
    expect(edit).toMatchObject({ op: 'moveTask', id: 'L0-T1', list: 'L0' });
    expect(edit!.index).toBeGreaterThan(15);
  });

  it("while dragging, a preview of the task follows the pointer, drawn above the next list's sticky header", async () => {
    await scrollToList('L1');
    await settled();
    const from = await boxOf(handle('L0-T97'));
    const header = await boxOf('[data-list-id="L1"] .lct-list-header');
    const x = from.x + from.width / 2;
    const y = header.y + header.height / 2;
    await page.mouse.move(x, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, y, { steps: 8 });
    const seen = await page.evaluate(
      ([px, py]) => {
        const preview = document.querySelector<HTMLElement>('.lct-drag-preview')!;
        // the preview lets the pointer through (inert, no pointer events); let it be hit for a moment to see what is on top there
        Object.assign(preview, { inert: false });
        preview.style.pointerEvents = 'auto';
        const onTop = document.elementFromPoint(px!, py!);
        preview.style.pointerEvents = '';
        Object.assign(preview, { inert: true });
        return { text: preview.textContent, previewOnTop: !!onTop && preview.contains(onTop) };
      },
      [x, y],
    );
    expect(seen).toEqual({ text: expect.stringContaining('Task 0.97 '), previewOnTop: true });
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(await page.locator('.lct-drag-preview').count()).toBe(0);
    expect(await edits()).toEqual([]);
  });

  it('a tap on the handle is no drag', async () => {
    const from = await boxOf(handle('L0-T3'));
    await page.touchscreen.tap(from.x + 5, from.y + 5);
    expect(await edits()).toEqual([]);
  });
});

describe('drag and keyboard moves in Firefox ESR', () => {
  it('a mouse drag and Alt+↓ ask for the same moves as in Chromium', async () => {
    const puppeteer = (await import('puppeteer-core')).default;
    const firefox = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
    try {
      const ff = await firefox.newPage();
      await ff.setViewport({ width: 420, height: 800 });
      await ff.goto(served.url);
      await ff.waitForFunction(() => typeof (window as { allRenderedMs?: number }).allRenderedMs === 'number', { timeout: 60_000 });
      const recorded = () => ff.evaluate(() => (window as unknown as { edits: unknown[] }).edits.splice(0));
      const from = (await (await ff.$(handle('L0-T1')))!.boundingBox())!;
      const to = (await (await ff.$('[data-task-id="L0-T4"]'))!.boundingBox())!;
      await ff.mouse.move(from.x + 5, from.y + 5);
      await ff.mouse.down();
      const endY = to.y + to.height * 0.75; // lower half: after L0-T4
      for (let i = 1; i <= 8; i++) await ff.mouse.move(from.x + 5, from.y + 5 + ((endY - from.y - 5) * i) / 8);
      await ff.mouse.up();
      expect(await recorded()).toEqual([{ op: 'moveTask', id: 'L0-T1', list: 'L0', index: 4 }]);
      // the drag shows at once (useLocalEdits.ts) and changed the places of L0-T1…T4: the keyboard move takes a task below them
      await ff.focus('[data-task-id="L0-T7"] input[type=checkbox]');
      await ff.keyboard.down('Alt');
      await ff.keyboard.press('ArrowDown');
      await ff.keyboard.up('Alt');
      expect(await recorded()).toEqual([{ op: 'moveTask', id: 'L0-T7', list: 'L0', index: 8 }]);
    } finally {
      await firefox.close();
    }
  });
});
