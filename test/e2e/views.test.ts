// Issue 5, in Chromium and in Firefox ESR (the two-browser layer,
// extension-browser.ts): the toolbar badge, the side panel (Firefox: the
// sidebar) and the popup away from the watch page, all views of the one room
// the background follows; the options page sets what quick-add picks.
//
// What is real: the built extension in each browser, its background
// following the room over XMPP, the badge the browser holds per tab, the
// extension's pages and their clicks, alice's page panel.
// What is not: the side panel and the popup are the extension's own pages
// opened in tabs, not in the browser's side panel, sidebar or popup
// window. Neither browser opens them from automation: Chrome's
// sidePanel.open and Firefox's sidebarAction.open need a user's click, and
// WebDriver BiDi reaches no sidebar or popup document in Firefox. The page
// is the same (Firefox's sidebar_action names src/sidepanel/index.html), and
// in a tab it does what it does in the side panel: it is about the active
// tab of its window, here at first its own tab, which shows no room (the
// "tab without a room" case); once another tab of the window is brought to
// the front (a real tab switch), about that tab.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO, VIDEO_WITHOUT_CHAT } from '../../demo/catalog.mjs';
import { fetchItems, readTasks } from '../../demo/muc.mjs';
import { BROWSERS, eventually, launchUser, PATIENCE_MS, watchPath, type ExtensionUser } from '../helpers/browser.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { addTaskInPanel, inPanel, panelList, panelTaskDone } from '../helpers/panel-dom.ts';

/** The extension API as these tests call it from an extension page (Firefox has `chrome` there too). */
type Api = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/** The lists and their task names an extension page (side panel, popup) shows, top to bottom. */
const pageLists = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('section.lct-list')].map((s) => ({
      name: s.querySelector('h3')?.textContent,
      tasks: [...s.querySelectorAll('.lct-task-name')].map((n) => n.textContent),
    })),
  );

/** The lists of the page panel, as pageLists reads an extension page. */
const panelLists = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('lct-task-panel')?.shadowRoot?.querySelectorAll('section.lct-list') ?? [])].map((s) => ({
      name: s.querySelector('h3')?.textContent,
      tasks: [...s.querySelectorAll('.lct-task-name')].map((n) => n.textContent),
    })),
  );

/** The done box of a task an extension page shows (by the task's name), or null. */
async function doneBoxIn(page: Page, name: string): Promise<ElementHandle<HTMLInputElement> | null> {
  const handle = await page.evaluateHandle(
    (n) =>
      [...document.querySelectorAll<HTMLInputElement>('[data-task-id] input[type=checkbox]')].find(
        (b) => b.closest<HTMLElement>('[data-task-id]')?.querySelector('.lct-task-name')?.textContent === n,
      ) ?? null,
    name,
  );
  return handle.asElement() as ElementHandle<HTMLInputElement> | null;
}

/** The page panel's done box of a task, to tick as alice does. */
async function panelDoneBox(page: Page, name: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (n) =>
      [...(document.querySelector('lct-task-panel')?.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])].find(
        (b) => b.closest<HTMLElement>('[data-task-id]')?.querySelector('.lct-task-name')?.textContent === n,
      ),
    { timeout: PATIENCE_MS },
    name,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

describe.each(BROWSERS)('in %s', (browserName) => {
  let stack: DemoStack;
  let alice: ExtensionUser;

  beforeAll(async () => {
    ensureLocalBuild();
    stack = await startDemoStack();
    alice = await launchUser(browserName, stack.demo.url, 'alice');
    await alice.page.waitForSelector(inPanel('.lct-task'), { timeout: PATIENCE_MS });
  });

  afterAll(async () => {
    await alice?.close();
    await stack?.stop();
  });

  /** Opens one of the extension's pages in a tab of alice's browser for `use`, then closes it. */
  async function withExtensionPage<T>(path: string, use: (page: Page) => Promise<T>): Promise<T> {
    const page = await alice.openExtensionPage(path);
    try {
      return await use(page);
    } finally {
      await page.close();
    }
  }

  /** The badge text of the tab showing `url`, as the browser holds it for that tab. */
  const badgeOf = (url: string) =>
    withExtensionPage('src/popup/index.html', (page) =>
      page.evaluate(async (tabUrl) => {
        const { chrome } = globalThis as unknown as { chrome: Api };
        // (Firefox's match patterns take no port: find the tab by its address)
        const tab = (await chrome.tabs.query({})).find((t) => t.url === tabUrl);
        return chrome.action.getBadgeText({ tabId: tab!.id! });
      }, url),
    );

  /** The room's tasks as the server holds them. */
  async function serverTasks() {
    const client = await stack.rawClient('alice');
    try {
      const { lists, tasks } = readTasks(await fetchItems(client, LIVE_VIDEO.room!));
      return tasks.filter((t) => lists.some((l) => l.id === t.list));
    } finally {
      await client.close();
    }
  }

  it("the badge counts the tasks not done in the tab's room, follows a tick live, and shows nothing on a tab without a room", async () => {
    const open = (await serverTasks()).filter((t) => !t.done);
    expect(open.length).toBeGreaterThan(1);
    const watchUrl = alice.page.url();
    await eventually(() => badgeOf(watchUrl)).toBe(String(open.length));

    await (await panelDoneBox(alice.page, open[0]!.name)).click();
    await eventually(() => badgeOf(watchUrl)).toBe(String(open.length - 1));
    await (await panelDoneBox(alice.page, open[0]!.name)).click();
    await eventually(() => badgeOf(watchUrl)).toBe(String(open.length));

    const other = await alice.browser.newPage();
    await other.goto(`${stack.demo.url}${watchPath(VIDEO_WITHOUT_CHAT)}`);
    await other.waitForFunction(
      (name) => [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === name),
      { timeout: PATIENCE_MS },
      VIDEO_WITHOUT_CHAT.name,
    );
    await eventually(() => badgeOf(other.url())).toBe('');
    await other.close();
  });

  it('the side panel, on a tab without a room, offers the room alice moderated; picked, it is the full task app in sync with the page panel', async () => {
    await withExtensionPage('src/sidepanel/index.html', async (side) => {
      await eventually(() => side.$('[data-testid="sidepanel-reason"]').then(Boolean)).toBe(true);
      const pick = await side.waitForSelector(`::-p-text(${LIVE_VIDEO.name})`, { timeout: PATIENCE_MS });
      await pick!.click();
      const [task] = (await serverTasks()).filter((t) => !t.done);
      const sideBox = () => doneBoxIn(side, task!.name);
      await eventually(() => sideBox().then(Boolean)).toBe(true);
      await (await sideBox())!.click();
      await eventually(() => panelTaskDone(alice.page, task!.name)).toBe(true);
      // In tabs, alice switches to the watch page to use its panel (Chromium's input goes to the front tab
      // only); the side panel's page is then about the watch page's tab: the same room.
      await alice.page.bringToFront();
      await (await panelDoneBox(alice.page, task!.name)).click();
      await eventually(async () => (await sideBox())?.evaluate((b) => b.checked)).toBe(false);
      // an edit in the side panel shows in the page panel, and the other way round
      await addTaskInPanel(alice.page, 'Stream prep', 'Added in the page panel');
      await eventually(async () => (await pageLists(side)).find((l) => l.name === 'Stream prep')?.tasks.at(-1)).toBe(
        'Added in the page panel',
      );
      // every list of the page panel, with the same tasks in the same order
      const lists = await panelLists(alice.page);
      expect(lists.length).toBeGreaterThan(1);
      await eventually(() => pageLists(side)).toEqual(lists);
    });
  });

  it("the side panel following its tab: shows the room once the tab's page found it, and why there is none once the tab went elsewhere", async () => {
    const tab = await alice.browser.newPage();
    await tab.goto(`${stack.demo.url}${watchPath(VIDEO_WITHOUT_CHAT)}`);
    const side = await alice.openExtensionPage('src/sidepanel/index.html');
    try {
      // The page in a tab is about its own tab first; the user switches to `tab`, in the same window.
      await tab.bringToFront();
      const reason = () => side.$eval('[data-testid="sidepanel-reason"]', (p) => p.textContent).catch(() => null);
      // (a watch page without chat is, for the background, a tab with no room: no panel there)
      await eventually(reason).toBe('This tab is not a PeerTube page with the livechat plugin.');
      await tab.goto(`${stack.demo.url}${watchPath(LIVE_VIDEO)}`);
      const [task] = await serverTasks();
      await eventually(() => doneBoxIn(side, task!.name).then(Boolean)).toBe(true);
      await eventually(async () => (await panelList(tab, LIVE_VIDEO.name))?.names).toEqual(
        (await pageLists(side)).find((l) => l.name === LIVE_VIDEO.name)?.tasks,
      );

      await tab.goto('about:blank');
      await eventually(reason).toBeTruthy();
      expect(await side.$$('input[type=checkbox]')).toHaveLength(0);
    } finally {
      await side.close();
      await tab.close();
    }
  });

  it('the options page lists the instance alice enabled, and its default list is the one quick-add picks', async () => {
    await withExtensionPage('src/options/index.html', async (options) => {
      await options.waitForSelector(`::-p-text(${new URL(stack.demo.url).host})`, { timeout: PATIENCE_MS });
      const field = await options.waitForSelector('#opt-default-list', { timeout: PATIENCE_MS });
      // select what the field holds and type over it, then the form's Save
      await field!.click();
      await field!.evaluate((input) => (input as HTMLInputElement).select());
      await field!.type('Stream prep');
      const form = (await field!.evaluateHandle((input) => (input as HTMLInputElement).form!)) as ElementHandle<HTMLFormElement>;
      await (await form.$('button[type=submit]'))!.click();
      await eventually(() => form.$eval('[role=status]', (p) => p.textContent)).toBe('Saved.');
    });
    await withExtensionPage('src/popup/index.html', async (popup) => {
      const picked = () =>
        popup
          .$eval('form[aria-label="Quick add"] select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)
          .catch(() => undefined);
      await eventually(picked).toBe('Stream prep');
    });
  });

  it('the popup away from the watch page quick-adds into the last room used, and its recent tasks tick done in the page panel', async () => {
    await withExtensionPage('src/popup/index.html', async (popup) => {
      const input = await popup.waitForSelector('form[aria-label="Quick add"] input:not([disabled])', { timeout: PATIENCE_MS });
      const listName = await popup.$eval(
        'form[aria-label="Quick add"] select',
        (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent,
      );
      await input!.type('Added from another tab');
      await input!.press('Enter');
      await eventually(() => panelList(alice.page, listName!).then((l) => l?.names.at(-1))).toBe('Added from another tab');

      const recentName = () => popup.$eval('section.lct-recent li .lct-task-name', (n) => n.textContent).catch(() => null);
      await eventually(recentName).toBe('Added from another tab');
      await (await popup.$('section.lct-recent li input[type=checkbox]'))!.click();
      await eventually(() => panelTaskDone(alice.page, 'Added from another tab')).toBe(true);
    });
  });
});
