// One demo user in Chromium or in Firefox ESR with the built extension, both
// driven by puppeteer-core, so that one test runs in either browser:
// Chromium over the DevTools protocol (pipe), Debian's firefox-esr over
// WebDriver BiDi, with Firefox's remote debugging protocol (RDP) for the two
// things BiDi cannot do there: open the extension's own pages
// (moz-extension://) and suspend its background page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { GECKO_ID } from '../../build/manifest.ts';
import { CHROMIUM, chromiumArgs } from '../../demo/browser.mjs';
import { LIVE_VIDEO, type DemoVideo } from '../../demo/catalog.mjs';
import { findFreePort } from '../../server/backend.mjs';
import { EXTENSION_DIR } from './demo.ts';
import { FirefoxRdp } from './firefox-rdp.ts';

export type BrowserName = 'chromium' | 'firefox';

/** The browsers the two-browser tests run in; LCT_E2E_BROWSERS=chromium (or firefox) narrows a local run. */
export const BROWSERS: BrowserName[] = (process.env.LCT_E2E_BROWSERS?.split(',') ?? ['chromium', 'firefox']) as BrowserName[];

export interface ExtensionUser {
  browserName: BrowserName;
  browser: Browser;
  /** The tab on the watch page. */
  page: Page;
  /** chrome-extension://<id> or moz-extension://<uuid>. */
  extensionOrigin: string;
  /** Errors thrown in the watch page (the panel's content script included). */
  pageErrors: string[];
  /** Messages of dialogs (alert, confirm, prompt) the watch page opened: a script from an item would show here. */
  dialogs: string[];
  /** Opens one of the extension's pages (`src/popup/index.html`…) in a new tab and resolves once it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Stops the extension's background as the browser does when it idles (Chrome's service
   * worker after 30 s without events, Firefox's event page after 30 s whatever happens);
   * the next event wakes a fresh one.
   */
  stopBackground(): Promise<void>;
  /** Whether the extension's background runs now (a Chrome service worker, or a Firefox event page not suspended). */
  backgroundRunning(): Promise<boolean>;
  /**
   * The toolbar popup. Chromium: the real one, over the watch page. Firefox: the popup's page
   * in a tab (Firefox opens the real popup for a click only, and BiDi cannot reach it), so it
   * is about its own tab, which has no room: it offers the last room used.
   */
  openPopup(): Promise<Page>;
  /** Firefox: its remote debugging protocol, for what neither BiDi nor a page reaches (Firefox's own windows and menus). */
  firefoxRdp?: FirefoxRdp;
  close(): Promise<void>;
}

// Pinned, so that the tests know the extension's moz-extension:// origin.
const FIREFOX_EXTENSION_UUID = '8f0c2a4e-6b1d-4c3e-9a57-1e2d3c4b5a69';
const VIEWPORT = { width: 1366, height: 860 };

export const watchPath = (video: DemoVideo) => `/w/${video.shortUUID}`;

/** Records the page's script errors and the dialogs it opens (each dismissed, as a wary user would). */
function watchPage(page: Page): { pageErrors: string[]; dialogs: string[] } {
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => pageErrors.push((error as Error).message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { pageErrors, dialogs };
}

/** Enables the extension on `origin` as the popup's "Enable" does: an extension page asks the background. */
async function enableInstance(user: ExtensionUser, origin: string) {
  const page = await user.openExtensionPage('src/popup/index.html');
  try {
    const reply = await page.evaluate(
      (o) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }
        ).chrome.runtime.sendMessage({ type: 'view/instance-enable', origin: o }),
      origin,
    );
    if (!reply?.ok) throw new Error(`enabling ${origin} failed: ${JSON.stringify(reply)}`);
  } finally {
    await page.close();
  }
}

async function logIn(page: Page, demoUrl: string, user: string, video: DemoVideo) {
  await page.goto(`${demoUrl}/login?as=${user}&next=${encodeURIComponent(watchPath(video))}`);
  await page.waitForFunction((path) => location.pathname === path, {}, watchPath(video));
}

/**
 * Starts `browserName` for `user` with the built extension, enables it on the
 * demo (as the popup does), logs in through the demo's /login and opens
 * `video`'s watch page.
 *
 * In Firefox the user logs in before the instance is enabled, as a real
 * moderator would have long before: the demo's /login page sends the tab on
 * with location.replace() while it is still parsing, and with the content
 * script registered for the origin, firefox-esr 153's content process used
 * to crash there (3 of 20 loads with the build's former crxjs loader; 0 of
 * 200 with today's build: scripts/firefox-crash.mjs, README).
 */
export async function launchUser(
  browserName: BrowserName,
  demoUrl: string,
  user: string,
  video: DemoVideo = LIVE_VIDEO,
  options: LaunchOptions = {},
): Promise<ExtensionUser> {
  return browserName === 'chromium' ? launchChromium(demoUrl, user, video, options) : launchFirefox(demoUrl, user, video, options);
}

/** What a test may change in the browser it starts. */
interface LaunchOptions {
  /** Another unpacked build than dist/chrome or dist/firefox (a copy, or one with a changed manifest). */
  extensionDir?: string;
  /** Firefox: preferences beside the ones the driver needs. */
  firefoxPrefs?: Record<string, unknown>;
}

async function launchChromium(demoUrl: string, user: string, video: DemoVideo, options: LaunchOptions): Promise<ExtensionUser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR.chrome;
  const profileDir = mkdtempSync(join(tmpdir(), `lct-e2e-chromium-${user}-`));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir: profileDir,
    defaultViewport: VIEWPORT,
    args: chromiumArgs(extensionDir).filter((a) => !a.includes('-extension')),
  });
  const isOurWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
  try {
    const workerTarget = await browser.waitForTarget(isOurWorker, { timeout: 30_000 });
    // (URL.origin is "null" for a chrome-extension: address)
    const extensionOrigin = `chrome-extension://${new URL(workerTarget.url()).host}`;
    const [page] = await browser.pages();
    const { pageErrors, dialogs } = watchPage(page!);
    const chromium: ExtensionUser = {
      browserName: 'chromium',
      browser,
      page: page!,
      extensionOrigin,
      pageErrors,
      dialogs,
      async openExtensionPage(path) {
        const extPage = await browser.newPage();
        await extPage.goto(`${extensionOrigin}/${path}`);
        return extPage;
      },
      async stopBackground() {
        const target = browser.targets().find(isOurWorker);
        if (!target) return;
        const gone = new Promise<void>((resolve) => {
          const onDestroyed = (t: Target) => {
            if (t !== target) return;
            browser.off('targetdestroyed', onDestroyed);
            resolve();
          };
          browser.on('targetdestroyed', onDestroyed);
        });
        // Detach puppeteer from the worker (an attached debugger keeps it alive), then do what
        // chrome://serviceworker-internals' "Stop" does: closing the target alone only lets the
        // worker idle out, which takes up to a minute.
        await (await target.worker())?.close();
        const cdp = await page!.createCDPSession();
        try {
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
        } finally {
          await cdp.detach();
        }
        await gone;
      },
      async backgroundRunning() {
        return browser.targets().some(isOurWorker);
      },
      async openPopup() {
        await page!.bringToFront();
        const worker = await (await browser.waitForTarget(isOurWorker)).worker();
        await worker!.evaluate(() =>
          (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup(),
        );
        const target = await browser.waitForTarget((t) => t.url() === `${extensionOrigin}/src/popup/index.html`, { timeout: 20_000 });
        const popup = await target.asPage();
        if (!popup) throw new Error('the popup has no page');
        return popup;
      },
      async close() {
        await browser.close();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
    await enableInstance(chromium, demoUrl);
    await logIn(page!, demoUrl, user, video);
    return chromium;
  } catch (error) {
    await browser.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

async function launchFirefox(demoUrl: string, user: string, video: DemoVideo, options: LaunchOptions): Promise<ExtensionUser> {
  const rdpPort = await findFreePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport: VIEWPORT,
    args: ['--start-debugger-server', String(rdpPort)],
    extraPrefsFirefox: {
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      ...options.firefoxPrefs,
    },
  });
  let rdp: FirefoxRdp | undefined;
  try {
    const installed = await browser.installExtension(options.extensionDir ?? EXTENSION_DIR.firefox);
    if (installed !== GECKO_ID) throw new Error(`installed ${installed}, not ${GECKO_ID}`);
    rdp = await FirefoxRdp.connect(rdpPort);
    const connection = rdp;
    const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    const [page] = await browser.pages();
    const { pageErrors, dialogs } = watchPage(page!);
    let tabs = 0;
    const firefox: ExtensionUser = {
      firefoxRdp: connection,
      browserName: 'firefox',
      browser,
      page: page!,
      extensionOrigin,
      pageErrors,
      dialogs,
      async openExtensionPage(path) {
        // BiDi refuses moz-extension:// addresses: open a tab BiDi knows at an address RDP can
        // find, and have RDP send it on; the tab stays the one puppeteer drives.
        const extPage = await browser.newPage();
        const marker = `about:blank#lct-tab-${++tabs}`;
        await extPage.goto(marker);
        const url = `${extensionOrigin}/${path}`;
        await connection.navigateTab(marker, url);
        await extPage.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: 20_000 }, url);
        return extPage;
      },
      async stopBackground() {
        // resolves once Firefox has torn the page down; an open port (the panel's) wakes a new one at once
        await connection.terminateBackground(GECKO_ID);
      },
      async backgroundRunning() {
        return (await connection.backgroundStatus(GECKO_ID)) === 'RUNNING';
      },
      openPopup() {
        return firefox.openExtensionPage('src/popup/index.html');
      },
      async close() {
        connection.close();
        await browser.close();
      },
    };
    await logIn(page!, demoUrl, user, video);
    // enabling also injects the content script into the open watch page, as for a user
    await enableInstance(firefox, demoUrl);
    return firefox;
  } catch (error) {
    rdp?.close();
    await browser.close();
    throw error;
  }
}
