// The layout checks of layout-checks.ts in Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi: at the four sizes, light and dark, with
// the chat open and closed, alice's panel keeps the video's width, overflows
// nothing, shows every control, folds and resizes.
//
// Enabling the demo instance needs an extension page, which BiDi refuses to
// open: it goes through Firefox's remote debugging protocol, and alice logs
// in before the instance is enabled, as in firefox.test.ts (which says why).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { findFreePort } from '../../server/backend.mjs';
import { watchPath } from '../helpers/browser.ts';
import { EXTENSION_DIR, ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { FirefoxRdp } from './firefox-rdp.ts';
import { checkChatClosedLayout, checkChatOpenLayout, setTheme, SIZES, THEMES, type LayoutPage } from './layout-checks.ts';

const GECKO_ID = 'livechat-tasks@livechat-tasks.org';
const EXTENSION_UUID = '3b9e7d1c-52a4-4f0e-8c6b-9d1e2f3a4b5c';

let stack: DemoStack;
let browser: Browser;
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
  const rdpPort = await findFreePort();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    args: ['--start-debugger-server', String(rdpPort)],
    extraPrefsFirefox: {
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  expect(await browser.installExtension(EXTENSION_DIR.firefox)).toBe(GECKO_ID);
  firefoxPage = await browser.newPage();
  await firefoxPage.goto(`${stack.demo.url}/login?as=alice&next=/`);
  await firefoxPage.waitForFunction(() => location.pathname === '/' && localStorage.getItem('access_token') !== null);
  const rdp = await FirefoxRdp.connect(rdpPort);
  try {
    const reply = await rdp.evaluateInNewTab(
      `moz-extension://${EXTENSION_UUID}/src/popup/index.html`,
      `browser.runtime.sendMessage({ type: 'view/instance-enable', origin: ${JSON.stringify(stack.demo.url)} })`,
    );
    expect(JSON.parse(reply)).toEqual({ ok: true });
  } finally {
    rdp.close();
  }
  await firefoxPage.bringToFront();
  await firefoxPage.goto(`${stack.demo.url}${watchPath(LIVE_VIDEO)}`);
  await firefoxPage.waitForSelector('lct-task-panel >>> li.lct-task', { timeout: 30_000 });
  page = puppeteerLayoutPage(firefoxPage);
});

afterAll(async () => {
  await browser?.close();
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
