// One demo user in their own Chromium profile with the built extension, on a
// demo watch page, and the ways a user finds things in the task panel (by
// role and accessible name: the panel lives in an open shadow root, which
// Playwright's locators pierce).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { enableInstance, launchChromium } from '../../demo/browser.mjs';
import { LIVE_VIDEO, type DemoVideo } from '../../demo/catalog.mjs';
import { eventually, PATIENCE_MS } from './by-role.ts';
import { ensureLocalBuild, EXTENSION_DIR, startDemoStack, type DemoStack } from './demo.ts';
import { launchUser, watchPath, type ExtensionUser } from './extension-browser.ts';

export { BROWSERS, launchUser, watchPath, type ExtensionUser } from './extension-browser.ts';
export { inPanel } from './panel-dom.ts';

export interface UserBrowser {
  user: string;
  context: BrowserContext;
  page: Page;
  worker: Worker;
  extensionId: string;
  /** Messages of dialogs (alert, confirm, prompt) the page opened: a script from an item would show here. */
  dialogs: string[];
  /** Errors thrown in the page (the panel's content script included). */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Starts Chromium for `user`, enables the extension on the demo (as the popup
 * does), logs in through the demo's /login and opens `video`'s watch page.
 */
export async function openAs(demoUrl: string, user: string, video: DemoVideo = LIVE_VIDEO): Promise<UserBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), `lct-e2e-${user}-`));
  const { context, worker, extensionId } = await launchChromium({ extensionDir: EXTENSION_DIR.chrome, profileDir });
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  try {
    await enableInstance(context, extensionId, demoUrl);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demoUrl}/login?as=${user}&next=${encodeURIComponent(watchPath(video))}`);
    await page.waitForURL(`**${watchPath(video)}`);
    return {
      user,
      context,
      page,
      worker,
      extensionId,
      dialogs,
      pageErrors,
      async close() {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

export { eventually, PATIENCE_MS } from './by-role.ts';

export const visible = (locator: Locator, timeout = PATIENCE_MS) => locator.first().waitFor({ state: 'visible', timeout });

/** Resolves once nothing matches `locator` any more. */
export const gone = (locator: Locator, timeout = PATIENCE_MS) => eventually(() => locator.count(), timeout).toBe(0);

export const panelOf = (page: Page) => page.getByTestId('lct-panel');

/** A task list's section, found by its name as shown. */
export const listSection = (page: Page, name: string) =>
  panelOf(page)
    .locator('section.lct-list')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });

/** A task's row, found by the accessible name of its done box (the task's name). */
export const taskRow = (page: Page, name: string) =>
  panelOf(page)
    .locator('.lct-task')
    .filter({ has: page.getByRole('checkbox', { name, exact: true }) });

export const doneBox = (page: Page, name: string) => panelOf(page).getByRole('checkbox', { name, exact: true });

/** The task names of a list, top to bottom, as shown. */
export const taskNames = (section: Locator) => section.locator('.lct-task-name').allTextContents();

/** A Chromium user in puppeteer-core, as the two-browser layer gives it (see extension-browser.ts), under its older names. */
export type PuppeteerUser = ExtensionUser & {
  extensionId: string;
  /** Stops the extension's service worker as Chrome does when it idles; resolves once it is gone. */
  stopWorker(): Promise<void>;
};

/**
 * Like openAs, but in puppeteer-core: while Playwright is attached Chrome never
 * stops the service worker, and stopping it through Playwright hangs; puppeteer
 * can close it, and the next event wakes a fresh one, as in real use.
 */
export async function openWithPuppeteer(demoUrl: string, user: string, video: DemoVideo = LIVE_VIDEO): Promise<PuppeteerUser> {
  const chromium = await launchUser('chromium', demoUrl, user, video);
  return { ...chromium, extensionId: new URL(chromium.extensionOrigin).host, stopWorker: chromium.stopBackground };
}

/** The start of most e2e files: the demo stack, and alice on the live video with her panel's tasks shown. */
export async function startWithAlice(): Promise<{ stack: DemoStack; alice: UserBrowser }> {
  ensureLocalBuild();
  const stack = await startDemoStack();
  const alice = await openAs(stack.demo.url, 'alice');
  await visible(panelOf(alice.page).locator('.lct-task'));
  return { stack, alice };
}
