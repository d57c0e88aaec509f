// The moderator's guide in Debian's firefox-esr with the Firefox build: the
// popup's Help link opens it in a tab, and it lists that build's permissions
// (a sidebar there, so no sidePanel) and the quick-add shortcut. Extension
// pages are reached through the remote debugging protocol (firefox-rdp.ts):
// WebDriver BiDi refuses moz-extension:// addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from '../../build/manifest.ts';
import { findFreePort } from '../../server/backend.mjs';
import { EXTENSION_DIR, ensureLocalBuild } from '../helpers/demo.ts';
import { FirefoxRdp } from '../helpers/firefox-rdp.ts';

// Pinned so that the test knows the extension's moz-extension:// origin.
const EXTENSION_UUID = '3b7f8e21-5c4d-4a9e-8f60-2d1c0b9a8e77';
const pageUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;

let browser: Browser;
let rdp: FirefoxRdp;

beforeAll(async () => {
  ensureLocalBuild();
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
  rdp = await FirefoxRdp.connect(rdpPort);
});

afterAll(async () => {
  rdp?.close();
  await browser?.close();
});

/** Waits in the page for the guide to render, then reads what a reader sees. */
const READ_GUIDE = `new Promise((resolve) => {
  const read = () => {
    const h1 = document.querySelector('h1');
    if (!h1) return setTimeout(read, 50);
    const terms = (id) => [...document.querySelectorAll('#' + id + ' dt')].map((dt) => dt.textContent);
    resolve({ title: h1.textContent, permissions: terms('permissions'), shortcut: terms('keys')[0] });
  };
  read();
})`;

describe("the moderator's guide in firefox-esr", () => {
  it("opens from the popup's Help link in a new tab", async () => {
    const clicked = await rdp.evaluateInNewTab(
      pageUrl('src/popup/index.html'),
      `new Promise((resolve) => {
        const click = () => {
          const link = document.querySelector('[data-testid=help-link]');
          if (!link) return setTimeout(click, 50);
          link.click();
          resolve(link.textContent);
        };
        click();
      })`,
    );
    expect(JSON.parse(clicked)).toBe('Help');
    await expect
      .poll(async () => ((await rdp.request('root', 'listTabs')).tabs as { url: string }[]).map((t) => t.url), { timeout: 20_000 })
      .toContain(pageUrl('src/help/index.html'));
  });

  it("lists the Firefox build's permissions and the quick-add shortcut", async () => {
    const guide = JSON.parse(await rdp.evaluateInNewTab(pageUrl('src/help/index.html'), READ_GUIDE)) as Record<string, unknown>;
    expect(guide).toEqual({
      title: 'Livechat Tasks: a guide for moderators',
      permissions: ['storage', 'alarms', 'scripting', 'contextMenus', 'activeTab', 'notifications', 'Access to sites'],
      shortcut: 'Alt+Shift+K',
    });
  });
});
