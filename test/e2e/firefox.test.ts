// Firefox: the Firefox build passes `web-ext lint`, and in Debian's
// firefox-esr (driven by puppeteer-core over WebDriver BiDi) alice sees the
// panel with the room's tasks on the demo watch page.
//
// BiDi refuses to open moz-extension:// pages, so the one step that needs an
// extension page, enabling the demo instance as the popup does, goes through
// Firefox's remote debugging protocol (see firefox-rdp.ts).
//
// alice logs in before the instance is enabled. The demo's /login page sends
// the tab on with location.replace() while it is still parsing; with our
// content script registered for that origin, firefox-esr 153's content
// process died there with SIGSEGV (tab crashed, so no `load` and a 30 s
// navigation timeout) in 3 of 20 runs; never without the extension enabled,
// on a direct load of the watch page, or with a content script that only
// logs instead of the build's loader (its dynamic import(): 0 of 40).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../build/manifest.ts';
import { findFreePort } from '../../server/backend.mjs';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { EXTENSION_DIR, ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { watchPath } from '../helpers/browser.ts';
import { FirefoxRdp } from '../helpers/firefox-rdp.ts';

// Pinned so that the test knows the extension's moz-extension:// origin.
const EXTENSION_UUID = '8f0c2a4e-6b1d-4c3e-9a57-1e2d3c4b5a69';

beforeAll(() => ensureLocalBuild());

describe('Firefox', () => {
  it('web-ext lint finds no error and no warning in the Firefox build', () => {
    const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', EXTENSION_DIR.firefox, '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
    });
    type Finding = { code: string; message: string; file?: string };
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as { errors: Finding[]; warnings: Finding[] };
    const lines = (findings: Finding[]) => findings.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`);
    expect(lines(report.errors)).toEqual([]);
    expect(lines(report.warnings)).toEqual([]);
  });

  it('declares what addons.mozilla.org asks: its id, the oldest Firefox it runs on, and that it collects no data', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR.firefox, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: Record<string, { id?: string; strict_min_version?: string; data_collection_permissions?: unknown }>;
    };
    expect(manifest.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      // Firefox for Android knows data_collection_permissions from 142 on
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  describe('firefox-esr with the extension', () => {
    let stack: DemoStack;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
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
      page = await browser.newPage();
      await page.goto(`${stack.demo.url}/login?as=alice&next=/`);
      await page.waitForFunction(() => location.pathname === '/' && localStorage.getItem('access_token') !== null);
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
    });

    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    });

    it('alice sees the panel with the room\'s tasks on the live video', async () => {
      await page.goto(`${stack.demo.url}${watchPath(LIVE_VIDEO)}`);
      await page.waitForSelector('converse-chat-message');
      await page.waitForSelector('lct-task-panel >>> input[type=checkbox]', { timeout: 30_000 });
      const lists = await page.evaluate(() => [...(document.querySelector('lct-task-panel')?.shadowRoot?.querySelectorAll('section.lct-list') ?? [])]
        .map((section) => ({
          name: section.querySelector('h3')?.textContent,
          tasks: [...section.querySelectorAll('li')].map((li) => ({
            name: li.querySelector('.lct-task-name')?.textContent,
            done: li.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked,
          })),
        })));
      expect(lists).toEqual([
        {
          name: LIVE_VIDEO.name,
          tasks: [
            { name: 'Cut the side panels', done: true },
            { name: 'Drill the entrance hole', done: false },
            { name: 'Sand the edges', done: false },
          ],
        },
        {
          name: 'Stream prep',
          tasks: [
            { name: 'Check sound levels', done: false },
            { name: 'Pin the schedule in the chat', done: true },
            { name: 'Thank the new followers', done: false },
          ],
        },
      ]);
    });
  });
});
