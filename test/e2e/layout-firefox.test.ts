// The layout checks of layout-checks.ts in Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi: at the four sizes, light and dark, with
// the chat open and closed, alice's panel keeps the video's width, overflows
// nothing, shows every control, folds and resizes.
//
// alice starts through the two-browser driver (test/helpers/extension-browser.ts).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { launchUser, type ExtensionUser } from '../helpers/extension-browser.ts';
import { checkChatClosedLayout, checkChatOpenLayout, setTheme, SIZES, THEMES, type LayoutPage } from './layout-checks.ts';

let stack: DemoStack;
let alice: ExtensionUser;
let firefoxPage: Page;
let page: LayoutPage;

/** puppeteer's page as the checks see it. */
const puppeteerLayoutPage = (p: Page): LayoutPage => ({
  // puppeteer's typing of page functions (FlattenHandle<A>) is stricter than the checks need
  evaluate: (fn, arg) => p.evaluate(fn as never, arg) as never,
  setViewport: (size) => p.setViewport(size),
  mouse: {
    move: (x, y, options) => p.mouse.move(x, y, options),
    down: () => p.mouse.down(),
    up: () => p.mouse.up(),
  },
});

beforeAll(async () => {
  ensureLocalBuild();
  stack = await startDemoStack();
  alice = await launchUser('firefox', stack.demo.url, 'alice');
  firefoxPage = alice.page;
  await firefoxPage.waitForSelector('lct-task-panel >>> .lct-task', { timeout: 30_000 });
  page = puppeteerLayoutPage(firefoxPage);
});

afterAll(async () => {
  await alice?.close();
  await stack?.stop();
});

describe('the panel keeps the video (firefox-esr)', () => {
  for (const theme of THEMES) {
    for (const size of SIZES) {
      it(`chat open, ${size.width}×${size.height}, ${theme}`, async () => {
        await setTheme(page, theme);
        await checkChatOpenLayout(page, size, `firefox ${size.width}×${size.height} ${theme}`);
      });
    }
  }

  it('with the chat closed, at every size, the panel docks under the player', async () => {
    const dock = () => firefoxPage.$eval('lct-task-panel', (el) => el.getAttribute('data-dock'));
    await firefoxPage.click('.peertube-plugin-livechat-button-close');
    await firefoxPage.waitForFunction(() => document.querySelector('lct-task-panel')?.getAttribute('data-dock') === 'side');
    try {
      for (const size of SIZES) await checkChatClosedLayout(page, size, `firefox chat closed ${size.width}×${size.height}`);
    } finally {
      await firefoxPage.click('.peertube-plugin-livechat-button-open');
      await firefoxPage.waitForFunction(() => document.querySelector('lct-task-panel')?.getAttribute('data-dock') === 'chat');
    }
    expect(await dock()).toBe('chat');
  });
});
