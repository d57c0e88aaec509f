// Who sees the panel, and where, in Chromium and in Firefox ESR (the
// two-browser layer, extension-browser.ts): carol, a plain participant, sees
// the chat but no panel; PeerTube's single-page navigation takes alice's
// panel away on a video without chat, back on the live video, and to the
// other room on another live video.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { LIVE_VIDEO, SECOND_LIVE_VIDEO, VIDEO_WITHOUT_CHAT } from '../../demo/catalog.mjs';
import { BROWSERS, eventually, launchUser, PATIENCE_MS, watchPath, type ExtensionUser } from '../helpers/browser.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { inPanel, panelList } from '../helpers/panel-dom.ts';

const FIRST_LIST = LIVE_VIDEO.name; // the server names the first list after the room
const FIRST_TASKS = ['Cut the side panels', 'Drill the entrance hole', 'Sand the edges'];

/** Follows the page's link named `name`, as a click does (PeerTube navigates without loading a page). */
async function followLink(page: Page, name: string) {
  const link = await page.waitForFunction(
    (text) => [...document.querySelectorAll('a')].find((a) => a.textContent?.trim() === text),
    { timeout: PATIENCE_MS },
    name,
  );
  await (link as unknown as ElementHandle<HTMLAnchorElement>).click();
}

const panelShown = (page: Page) => page.evaluate(() => document.querySelector('lct-task-panel') !== null);

/** What the popup and the side panel learn about the tab showing `url`: asked from an extension page, as they ask. */
async function tabInfo(user: ExtensionUser, url: string): Promise<{ reason?: string }> {
  const extPage = await user.openExtensionPage('src/popup/index.html');
  try {
    return await extPage.evaluate(async (tabUrl) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { reason?: string } }> };
        };
      };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === tabUrl);
      const reply = await chrome.runtime.sendMessage({ type: 'view/tab-info', tabId: tab!.id });
      if (!reply?.ok) throw new Error(JSON.stringify(reply));
      return reply.value!;
    }, url);
  } finally {
    await extPage.close();
  }
}

describe.each(BROWSERS)('in %s', (browserName) => {
  let stack: DemoStack;

  beforeAll(async () => {
    ensureLocalBuild();
    stack = await startDemoStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('carol, a plain participant, sees the chat but no panel, and the popup says why', async () => {
    const carol = await launchUser(browserName, stack.demo.url, 'carol');
    try {
      await carol.page.waitForSelector('converse-chat-message', { timeout: PATIENCE_MS });
      const url = `${stack.demo.url}${watchPath(LIVE_VIDEO)}`;
      await eventually(async () => (await tabInfo(carol, url)).reason, 30_000).toBe('not-moderator');
      await eventually(() => panelShown(carol.page)).toBe(false);
      await eventually(() =>
        carol.page.evaluate(() => document.querySelectorAll('[aria-label="Create a task from this message"]').length),
      ).toBe(0);
    } finally {
      await carol.close();
    }
  });

  describe('alice navigates inside PeerTube', () => {
    let alice: ExtensionUser;

    beforeAll(async () => {
      alice = await launchUser(browserName, stack.demo.url, 'alice');
      await alice.page.waitForSelector(inPanel('.lct-task'), { timeout: PATIENCE_MS });
    });

    afterAll(async () => {
      await alice?.close();
    });

    it('to a video without chat: the panel goes; back to the live video: it shows again', async () => {
      const { page } = alice;
      await followLink(page, VIDEO_WITHOUT_CHAT.name);
      await eventually(() => page.evaluate(() => location.pathname)).toBe(watchPath(VIDEO_WITHOUT_CHAT));
      await eventually(() =>
        page.evaluate((name) => [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === name), VIDEO_WITHOUT_CHAT.name),
      ).toBe(true);
      await eventually(() => panelShown(page)).toBe(false);

      await followLink(page, LIVE_VIDEO.name);
      await eventually(async () => (await panelList(page, FIRST_LIST))?.names).toEqual(FIRST_TASKS);
    });

    it('to another live video: the panel switches to that room, and back', async () => {
      const { page } = alice;
      await followLink(page, SECOND_LIVE_VIDEO.name);
      await eventually(async () => (await panelList(page, SECOND_LIVE_VIDEO.name))?.names).toEqual([
        'Collect questions from last week',
        'Show the new chisel set',
      ]);
      await eventually(() => panelList(page, FIRST_LIST)).toBeNull();
      await page.goBack();
      await eventually(async () => (await panelList(page, FIRST_LIST))?.names).toEqual(FIRST_TASKS);
      await eventually(() => panelList(page, SECOND_LIVE_VIDEO.name)).toBeNull();
    });

    it('no script error in the page during all of this', () => {
      expect(alice.pageErrors).toEqual([]);
    });
  });
});
