// The worker's two ways of reaching the user outside the panel, in Debian's
// Chromium with the built extension against the demo: desktop notifications
// when another moderator adds a task, and the page context menu's "Add as
// task".
//
// What is real: the options page and its click, settings in storage, the
// worker following the room over XMPP, bob publishing over XMPP as the
// official client does, chrome.notifications in the worker, the menu item
// Chrome holds, alice's panel.
// What is not:
// - The `notifications` permission is granted at install: this file loads a
//   copy of dist/chrome whose manifest lists it as required instead of
//   optional. Headless Chromium shows the prompt permissions.request opens,
//   and nothing can answer it. The options page still asks (Chrome answers
//   yes at once for a permission it holds) and its "off" still tries to
//   give it back (refused for a required one, so "off" below is the setting
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
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { fetchItems, publishRaw, readTasks, taskXml } from '../../demo/muc.mjs';
import type { XmppClient } from '../../demo/xmpp-client.mjs';
import { eventually, openAs, panelOf, taskRow, visible, type UserBrowser } from '../helpers/browser.ts';
import { EXTENSION_DIR, ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';

const ROOM = LIVE_VIDEO.room!;
const NOTIFY_LABEL = 'Desktop notification when another moderator adds a task';
const MENU_ID = 'add-as-task';

let stack: DemoStack;
let buildCopy: string;
let alice: UserBrowser;
let bob: XmppClient;
let listId: string;

/** dist/chrome with `notifications` required instead of optional (see the top of the file). */
function buildWithNotificationsGranted(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lct-e2e-notify-build-'));
  cpSync(EXTENSION_DIR.chrome, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { permissions: string[]; optional_permissions?: string[] };
  manifest.optional_permissions = manifest.optional_permissions?.filter((p) => p !== 'notifications');
  manifest.permissions = [...manifest.permissions, 'notifications'];
  writeFileSync(path, JSON.stringify(manifest));
  return dir;
}

beforeAll(async () => {
  ensureLocalBuild();
  buildCopy = buildWithNotificationsGranted();
  stack = await startDemoStack();
  alice = await openAs(stack.demo.url, 'alice', LIVE_VIDEO, buildCopy);
  await visible(panelOf(alice.page).locator('li.lct-task'));
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

/** Opens the options page in alice's browser for `use`, then closes it. */
async function withOptionsPage(use: (page: Page) => Promise<void>): Promise<void> {
  const page = await alice.context.newPage();
  try {
    await page.goto(`chrome-extension://${alice.extensionId}/src/options/index.html`);
    await use(page);
  } finally {
    await page.close();
  }
}

/** Turns the notification option on or off as alice does: its box on the options page. */
async function setNotifyOption(on: boolean) {
  await withOptionsPage(async (options) => {
    const box = options.getByLabel(NOTIFY_LABEL);
    await box.setChecked(on);
    // The page shows the setting the worker stored, so this waits for the write.
    await options.reload();
    await eventually(() => options.getByLabel(NOTIFY_LABEL).isChecked()).toBe(on);
  });
}

/** bob adds a task to the room over XMPP; resolves with its item id. */
const bobAddsTask = (name: string) => publishRaw(bob, ROOM, taskXml({ list: listId, name, order: 10 }));

/** Ids of the notifications alice's browser shows for the extension, asked in its worker. */
const notificationIds = () =>
  alice.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } };
    return Object.keys(await chrome.notifications.getAll());
  });

/** Whether one of them is about item `id` (ids are `task <room key> <item id>`). */
const notifiesAbout = (ids: string[], id: string) => ids.some((n) => n.startsWith('task ') && n.endsWith(` ${id}`));

describe('notifications', () => {
  it("with the option on, a task bob adds shows as a desktop notification in alice's browser", async () => {
    await setNotifyOption(true);
    const id = await bobAddsTask('Bring the ladder');
    await eventually(async () => notifiesAbout(await notificationIds(), id)).toBe(true);
  });

  it("with the option off, bob's task shows in alice's panel and no notification", async () => {
    await setNotifyOption(false);
    const quiet = await bobAddsTask('Oil the hinges');
    await visible(taskRow(alice.page, 'Oil the hinges'));
    // Turned on again, the next task notifies: the worker has dealt with the quiet one by then.
    await setNotifyOption(true);
    const loud = await bobAddsTask('Fetch more screws');
    await eventually(async () => notifiesAbout(await notificationIds(), loud)).toBe(true);
    expect(notifiesAbout(await notificationIds(), quiet)).toBe(false);
  });
});

describe('"Add as task" in the page\'s context menu', () => {
  it('is an item Chrome holds for the extension', async () => {
    const exists = (id: string) =>
      alice.worker.evaluate(async (menuId) => {
        const { chrome } = globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } };
        return chrome.contextMenus.update(menuId, {}).then(
          () => true,
          () => false,
        );
      }, id);
    expect(await exists(MENU_ID)).toBe(true);
    expect(await exists('no-such-item')).toBe(false);
  });

  it("on text selected in the chat, adds it as a task with the page's address as description", async () => {
    const { page } = alice;
    await page.locator('converse-chat-message-body', { hasText: 'Untreated pine or cedar' }).selectText();
    const { selectionText, pageUrl } = await page.evaluate(() => ({ selectionText: String(getSelection()), pageUrl: location.href }));
    expect(selectionText).toBe('Untreated pine or cedar. No paint inside!');
    await alice.worker.evaluate(
      async ({ menuItemId, selectionText, pageUrl }) => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
            contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
          };
        };
        const [tab] = await chrome.tabs.query({ url: pageUrl });
        // What Chrome passes for a click on the item over a selection in the page's top frame.
        chrome.contextMenus.onClicked.dispatch({ menuItemId, editable: false, frameId: 0, pageUrl, selectionText }, tab!);
      },
      { menuItemId: MENU_ID, selectionText, pageUrl },
    );
    const row = taskRow(page, selectionText);
    await visible(row);
    expect(await row.locator('.lct-task-desc').allTextContents()).toEqual([pageUrl]);
  });
});
