// The background's two ways of reaching the user outside the panel, in
// Chromium and in Firefox ESR (the two-browser layer, extension-browser.ts)
// with the built extension against the demo: desktop notifications when
// another moderator adds a task, and the page context menu's "Add as task".
//
// What is real in both: the options page and its clicks, settings in
// storage, the background following the room over XMPP, bob publishing over
// XMPP as the official client does, the browser's notifications API, the
// menu item the browser holds, alice's panel.
// Firefox, beyond that: the `notifications` permission is asked for and
// given back for real (extensions.webextOptionalPermissionPrompts off: Firefox
// grants an optional permission without its prompt, which nobody could answer
// headless); the notification is Firefox's own alert window
// (alerts.useSystemBackend off: this machine has no desktop notification
// service, and Firefox closes a system notification it cannot show at once),
// and the test reads its text there. The context menu is Firefox's own:
// a right-click (WebDriver BiDi input) on the selected chat message opens it
// (headless too), the test finds "Add as task" among its items and activates
// it through Firefox's remote debugging protocol in the parent process (as
// a click on it does), so Firefox builds the click data itself.
// What is not real in Chromium:
// - The `notifications` permission is granted at install: Chromium loads a
//   copy of dist/chrome whose manifest lists it as required instead of
//   optional. Headless Chromium shows the prompt permissions.request opens,
//   and nothing can answer it. The options page still asks (Chrome answers
//   yes at once for a permission it holds) and its "off" still tries to
//   give it back (refused for a required one, so "off" there is the setting
//   alone, with the API still there: the case where only the setting
//   stops a notification).
// - Headless Chromium opens no native menu, so nobody right-clicks. The
//   menu item is checked where Chrome keeps it (contextMenus.update on its
//   id resolves only for an item that exists), and the click reaches the
//   worker through Chrome's own event object (onClicked.dispatch, part of
//   Chrome's extension bindings, not of our code): the same listener, with
//   the OnClickData Chrome builds for a selection, from the page's real
//   selection and address.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { fetchItems, publishRaw, readTasks, taskXml } from '../../demo/muc.mjs';
import type { XmppClient } from '../../demo/xmpp-client.mjs';
import { BROWSERS, eventually, launchUser, PATIENCE_MS, type ExtensionUser } from '../helpers/browser.ts';
import { EXTENSION_DIR, ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { inPanel, panelList } from '../helpers/panel-dom.ts';

const ROOM = LIVE_VIDEO.room!;
const NOTIFY_LABEL = 'Desktop notification when another moderator adds a task';
const MENU_ID = 'add-as-task';
const MENU_LABEL = 'Add as task';
const CHAT_TEXT = 'Untreated pine or cedar. No paint inside!';

/** dist/chrome with `notifications` required instead of optional (see the top of the file). */
function chromeBuildWithNotificationsGranted(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lct-e2e-notify-build-'));
  cpSync(EXTENSION_DIR.chrome, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { permissions: string[]; optional_permissions?: string[] };
  manifest.optional_permissions = manifest.optional_permissions?.filter((p) => p !== 'notifications');
  manifest.permissions = [...manifest.permissions, 'notifications'];
  writeFileSync(path, JSON.stringify(manifest));
  return dir;
}

/** Firefox's context menu over web content, in the parent process (for FirefoxRdp.evaluateInParent). */
const CONTEXT_MENU = "Services.wm.getMostRecentWindow('navigator:browser').document.getElementById('contentAreaContextMenu')";

describe.each(BROWSERS)('in %s', (browserName) => {
  let stack: DemoStack;
  let buildCopy: string | undefined;
  let alice: ExtensionUser;
  let bob: XmppClient;
  let listId: string;

  beforeAll(async () => {
    ensureLocalBuild();
    if (browserName === 'chromium') buildCopy = chromeBuildWithNotificationsGranted();
    stack = await startDemoStack();
    alice = await launchUser(browserName, stack.demo.url, 'alice', LIVE_VIDEO, {
      ...(buildCopy ? { extensionDir: buildCopy } : {}),
      // (an alert window stays 2 minutes: one for a task that should not notify would still be there)
      firefoxPrefs: {
        'extensions.webextOptionalPermissionPrompts': false,
        'alerts.useSystemBackend': false,
        'alerts.totalOpenTime': 120_000,
      },
    });
    await alice.page.waitForSelector(inPanel('.lct-task'), { timeout: PATIENCE_MS });
    bob = await stack.rawClient('bob');
    const { lists } = readTasks(await fetchItems(bob, ROOM));
    listId = lists.find((l) => l.name === 'Stream prep')!.id;
  });

  afterAll(async () => {
    await bob?.close();
    await alice?.close();
    await stack?.stop();
    if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
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

  /** The options page's notification box, found by its label. */
  const notifyBox = async (options: Page) =>
    (await options.waitForSelector(`::-p-aria(${NOTIFY_LABEL}[role="checkbox"])`, {
      timeout: PATIENCE_MS,
    })) as ElementHandle<HTMLInputElement>;

  /** Turns the notification option on or off as alice does: its box on the options page. */
  async function setNotifyOption(on: boolean) {
    await withExtensionPage('src/options/index.html', async (options) => {
      const box = await notifyBox(options);
      if ((await box.evaluate((b) => b.checked)) !== on) await box.click();
    });
    // The page shows the setting the background stored, so opening it again waits for the write.
    await eventually(() =>
      withExtensionPage('src/options/index.html', async (options) => (await notifyBox(options)).evaluate((b) => b.checked)),
    ).toBe(on);
  }

  /** Whether Firefox holds the `notifications` permission now, asked from an extension page. */
  const hasNotificationsPermission = () =>
    withExtensionPage('src/popup/index.html', (page) =>
      page.evaluate(() =>
        (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({
          permissions: ['notifications'],
        }),
      ),
    );

  /** bob adds a task to the room over XMPP; resolves with its item id. */
  const bobAddsTask = (name: string) => publishRaw(bob, ROOM, taskXml({ list: listId, name, order: 10 }));

  /** Ids of the notifications the browser shows for the extension, asked from an extension page. */
  const notificationIds = () =>
    withExtensionPage('src/popup/index.html', (page) =>
      page.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } };
        return Object.keys(await chrome.notifications.getAll());
      }),
    );

  /** Whether one of them is about item `id` (ids are `task <room key> <item id>`). */
  const notifiesAbout = (ids: string[], id: string) => ids.some((n) => n.startsWith('task ') && n.endsWith(` ${id}`));

  /** Firefox: the texts of the alert windows it shows now, as the user reads them. */
  const firefoxAlertTexts = async () =>
    JSON.parse(
      (await alice.firefoxRdp!.evaluateInParent(
        `JSON.stringify([...Services.wm.getEnumerator('alert:alert')].map((w) => w.document.getElementById('alertTextLabel')?.textContent))`,
      )) as string,
    ) as string[];

  const panelShows = async (name: string) => (await panelList(alice.page, 'Stream prep'))?.names.includes(name);

  it("notifications: with the option on, a task bob adds shows as a desktop notification in alice's browser", async () => {
    await setNotifyOption(true);
    if (browserName === 'firefox') expect(await hasNotificationsPermission()).toBe(true);
    const id = await bobAddsTask('Bring the ladder');
    await eventually(async () => notifiesAbout(await notificationIds(), id)).toBe(true);
    // the alert window opens, and is filled in, a moment after the notification is listed
    if (browserName === 'firefox') await eventually(firefoxAlertTexts).toContain('Bring the ladder');
  });

  it("notifications: with the option off, bob's task shows in alice's panel and no notification", async () => {
    await setNotifyOption(false);
    if (browserName === 'firefox') expect(await hasNotificationsPermission()).toBe(false);
    const quiet = await bobAddsTask('Oil the hinges');
    await eventually(() => panelShows('Oil the hinges')).toBe(true);
    // Turned on again, the next task notifies: the background has dealt with the quiet one by then.
    await setNotifyOption(true);
    const loud = await bobAddsTask('Fetch more screws');
    await eventually(async () => notifiesAbout(await notificationIds(), loud)).toBe(true);
    expect(notifiesAbout(await notificationIds(), quiet)).toBe(false);
    if (browserName === 'firefox') {
      await eventually(firefoxAlertTexts).toContain('Fetch more screws');
      expect(await firefoxAlertTexts()).not.toContain('Oil the hinges');
    }
  });

  /** Selects the chat message's text in the page, as a user's drag does; resolves with where it is. */
  async function selectChatMessage(page: Page) {
    await page.bringToFront();
    return page.evaluate((text) => {
      const body = [...document.querySelectorAll('converse-chat-message-body')].find((b) => b.textContent?.includes(text))!;
      body.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(body);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const box = body.getBoundingClientRect();
      return { x: box.x + 10, y: box.y + box.height / 2, selectionText: String(getSelection()), pageUrl: location.href };
    }, CHAT_TEXT);
  }

  /** Firefox: right-clicks at (x, y) and resolves with the labels of the items its context menu shows. */
  async function firefoxContextMenuAt(page: Page, x: number, y: number): Promise<string[]> {
    await page.mouse.click(x, y, { button: 'right' });
    await eventually(() => alice.firefoxRdp!.evaluateInParent(`${CONTEXT_MENU}.state`)).toBe('open');
    return JSON.parse(
      (await alice.firefoxRdp!.evaluateInParent(
        `JSON.stringify([...${CONTEXT_MENU}.querySelectorAll('menuitem')].filter((m) => !m.hidden).map((m) => m.label))`,
      )) as string,
    ) as string[];
  }

  const closeFirefoxContextMenu = () => alice.firefoxRdp!.evaluateInParent(`${CONTEXT_MENU}.hidePopup()`);

  it('"Add as task" is an item the browser holds for the extension, for a selection', async () => {
    if (browserName === 'firefox') {
      const { x, y } = await selectChatMessage(alice.page);
      expect(await firefoxContextMenuAt(alice.page, x, y)).toContain(MENU_LABEL);
      await closeFirefoxContextMenu();
      // nothing selected, no link: the item is not offered
      await alice.page.evaluate(() => getSelection()!.removeAllRanges());
      expect(await firefoxContextMenuAt(alice.page, x, y)).not.toContain(MENU_LABEL);
      await closeFirefoxContextMenu();
      return;
    }
    const worker = await (
      await alice.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(alice.extensionOrigin))
    ).worker();
    const exists = (id: string) =>
      worker!.evaluate(async (menuId) => {
        const { chrome } = globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } };
        return chrome.contextMenus.update(menuId, {}).then(
          () => true,
          () => false,
        );
      }, id);
    expect(await exists(MENU_ID)).toBe(true);
    expect(await exists('no-such-item')).toBe(false);
  });

  it('"Add as task" on text selected in the chat adds it as a task with the page\'s address as description', async () => {
    const { page } = alice;
    const { x, y, selectionText, pageUrl } = await selectChatMessage(page);
    expect(selectionText).toBe(CHAT_TEXT);
    if (browserName === 'firefox') {
      expect(await firefoxContextMenuAt(page, x, y)).toContain(MENU_LABEL);
      // what a click on the item does: the menu activates it and closes
      await alice.firefoxRdp!.evaluateInParent(
        `${CONTEXT_MENU}.activateItem([...${CONTEXT_MENU}.querySelectorAll('menuitem')].find((m) => m.label === ${JSON.stringify(MENU_LABEL)}))`,
      );
    } else {
      const worker = await (
        await alice.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(alice.extensionOrigin))
      ).worker();
      await worker!.evaluate(
        async ({ menuItemId, selectionText, pageUrl }) => {
          const { chrome } = globalThis as unknown as {
            chrome: {
              tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
              contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
            };
          };
          const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
          // What Chrome passes for a click on the item over a selection in the page's top frame.
          chrome.contextMenus.onClicked.dispatch({ menuItemId, editable: false, frameId: 0, pageUrl, selectionText }, tab!);
        },
        { menuItemId: MENU_ID, selectionText, pageUrl },
      );
    }
    // the task, named after the selection, with the page's address as its description
    const descriptionOf = (name: string) =>
      page.evaluate((n) => {
        const rows = [...(document.querySelector('lct-task-panel')?.shadowRoot?.querySelectorAll('.lct-task') ?? [])];
        const row = rows.find((r) => r.querySelector('.lct-task-name')?.textContent === n);
        return row ? [...row.querySelectorAll('.lct-task-desc')].map((d) => d.textContent) : null;
      }, name);
    await eventually(() => descriptionOf(CHAT_TEXT)).toEqual([pageUrl]);
  });
});
