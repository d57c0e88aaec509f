// The watch page with the task panel, as a moderator sees it, in Chromium:
// at 1920×1080, 1366×768, 1280×720 and 1024×768, light and dark, the checks
// of layout-checks.ts (the video keeps its width, nothing overflows, every
// control inside, folding gives the space back, the grip resizes), with the
// chat open and closed; and the size set with the grip is remembered.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, panelOf, startWithAlice, visible, type UserBrowser } from '../helpers/browser.ts';
import type { DemoStack } from '../helpers/demo.ts';
import {
  checkChatClosedLayout,
  checkChatOpenLayout,
  dragGrip,
  panelHeight,
  setTheme,
  SIZES,
  THEMES,
  type LayoutPage,
} from './layout-checks.ts';

let stack: DemoStack;
let alice: UserBrowser;
let page: LayoutPage;

/** Playwright's page as the checks see it. */
export const playwrightLayoutPage = (p: Page): LayoutPage => ({
  // Playwright's typing of page functions (Unboxed<A>) is stricter than the checks need
  evaluate: (fn, arg) => p.evaluate(fn as never, arg),
  setViewport: (size) => p.setViewportSize(size),
  mouse: p.mouse,
});

beforeAll(async () => {
  ({ stack, alice } = await startWithAlice());
  page = playwrightLayoutPage(alice.page);
});

afterAll(async () => {
  await alice?.close();
  await stack?.stop();
});

describe('the panel keeps the video (Chromium)', () => {
  for (const theme of THEMES) {
    for (const size of SIZES) {
      it(`chat open, ${size.width}×${size.height}, ${theme}`, async () => {
        await setTheme(page, theme);
        await checkChatOpenLayout(page, size, `${size.width}×${size.height} ${theme}`);
      });
    }
  }

  it('with the chat closed, at every size, the panel docks under the player', async () => {
    await alice.page.getByRole('button', { name: 'Close' }).click();
    await eventually(() => alice.page.getByTestId('lct-panel-host').getAttribute('data-dock')).toBe('side');
    try {
      for (const size of SIZES) await checkChatClosedLayout(page, size, `chat closed ${size.width}×${size.height}`);
    } finally {
      await alice.page.getByRole('button', { name: 'Open chat' }).click();
      await eventually(() => alice.page.getByTestId('lct-panel-host').getAttribute('data-dock')).toBe('chat');
    }
  });

  it('the height set with the grip is remembered for the instance (after a reload)', async () => {
    await page.setViewport({ width: 1366, height: 768 });
    const before = await panelHeight(page);
    await dragGrip(page, 48); // beside the player the grip is on top: down makes the panel smaller
    await eventually(() => panelHeight(page)).toBeCloseTo(before - 48, -1);
    const set = await panelHeight(page);
    await alice.page.reload();
    await visible(panelOf(alice.page).locator('.lct-task'));
    expect(await panelHeight(page)).toBeCloseTo(set, 0);
    await dragGrip(page, -48);
    await eventually(() => panelHeight(page)).toBeCloseTo(before, -1);
  });
});
