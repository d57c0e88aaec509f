/// <reference types="@crxjs/vite-plugin/client" />
// The background: Chrome's service worker and Firefox's event page, same
// code. Every listener is attached synchronously in the first turn: the
// browser wakes a stopped worker for an event and only delivers it to
// listeners that exist once this module has run. The work they do waits for
// `ready` (engine, tab map and settings restored from storage).
import type Browser from 'webextension-polyfill';
import contentScript from './content-script.ts?script';
import { Engine } from './engine/engine';
import { kvOver, keepSessionFromContentScripts } from './storage';
import { SettingsStore } from './settings';
import { TabRooms } from './tab-rooms';
import { Instances } from './instances';
import { InstanceRequests } from './instance-requests';
import { Badge } from './badge';
import { NewTaskNotifier, type NotificationsLike } from './notifications';
import { RoomFollower } from './room-follower';
import { RoomCounts } from './room-counts';
import { createHandlers } from './handlers';
import { roomPageFinder } from './peertube-detect';
import { Router, type PortLike } from './router';
import { addAsTask, createMenu } from './context-menu';
import { KEEPALIVE_ALARM, keepalivePeriodMinutes, scheduleKeepalive } from './keepalive';
import { keepPopupOnAction, tellViewsOfTabRooms } from './side-panel';
import { backgroundExt } from '../ext';
import type { BackgroundToContent } from '../messages';

const browser = backgroundExt();

const isFirefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions);
const warn = (...a: unknown[]) => console.warn('[livechat-tasks]', ...a);

const local = kvOver(browser.storage.local);
const session = kvOver(browser.storage.session);
const engine = new Engine({ local, session, fetch: (input, init) => fetch(input, init), log: warn });
const settings = new SettingsStore(local);
const tabRooms = new TabRooms(session);
tellViewsOfTabRooms(tabRooms, browser.runtime);
const instances = new Instances(
  { scripting: browser.scripting, permissions: browser.permissions, tabs: browser.tabs },
  settings,
  contentScript,
  warn,
);
const instanceRequests = new InstanceRequests(session, instances);

async function grantedNotifications(): Promise<NotificationsLike | undefined> {
  const granted = await browser.permissions.contains({ permissions: ['notifications'] });
  return granted ? browser.notifications : undefined;
}

const badge = new Badge(browser.action);
const notifier = new NewTaskNotifier({
  settings,
  notifications: grantedNotifications,
  iconUrl: browser.runtime.getURL('icons/128.png'),
  t,
});

// With no page open the browser rejects ("Receiving end does not exist"): nobody to tell.
const roomCounts = new RoomCounts({ engine, push: () => void browser.runtime.sendMessage({ type: 'bg/room-counts' }).catch(() => {}) });

const ready = (async () => {
  await Promise.all([engine.restore(), tabRooms.load()]);
  new RoomFollower(engine, tabRooms, [badge, notifier]).start();
})();
ready.catch((e) => console.error('[livechat-tasks] restore failed', e));

/** The tab, or undefined once it is closed. */
const tabById = (tabId: number) => browser.tabs.get(tabId).catch(() => undefined);
const tabUrl = async (tabId: number) => (await tabById(tabId))?.url;
const tabPlace = async (tabId: number) => {
  const tab = await tabById(tabId);
  return tab?.windowId === undefined ? undefined : { windowId: tab.windowId, active: tab.active };
};
// Only the top frame: our content script runs there, and nowhere else may answer for it.
const askTab = (tabId: number, message: BackgroundToContent) =>
  browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);

const router = new Router({
  self: { id: browser.runtime.id, origin: browser.runtime.getURL('') },
  handlers: createHandlers({
    engine,
    instances,
    instanceRequests,
    settings,
    tabRooms,
    roomCounts,
    tabUrl,
    tabPlace,
    askTab,
    findRoomPage: roomPageFinder((input, init) => fetch(input, init)),
  }),
  tabRooms,
  engine,
  isEnabled: (origin) => instances.isEnabled(origin),
  ready,
  log: warn,
});

// Replies go through sendResponse (and `return true`): the one form that
// works in Chrome with or without its native `browser`, and in Firefox.
browser.runtime.onMessage.addListener(((message: unknown, sender: Browser.Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
  void router.handleMessage(message, sender).then(sendResponse);
  return true;
}) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
browser.runtime.onConnect.addListener((port) => router.handlePort(port as unknown as PortLike));

browser.runtime.onInstalled.addListener(() => {
  createMenu(browser.contextMenus, t('menuAddAsTask')).catch(warn);
});

async function reportProblem(tabId: number | undefined, message: string) {
  if (tabId !== undefined) badge.flashProblem(tabId, message);
  const notifications = await grantedNotifications();
  await notifications?.create(`problem ${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/128.png'),
    title: t('extName'),
    message,
  });
}

browser.contextMenus.onClicked.addListener((info, tab) => {
  void ready
    .then(() =>
      addAsTask(info, tab?.id, {
        engine,
        tabRooms,
        settings,
        reportProblem: (tabId, message) => void reportProblem(tabId, message).catch(warn),
        t,
      }),
    )
    .catch(warn);
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === KEEPALIVE_ALARM) void ready.then(() => engine.tick());
});

browser.tabs.onRemoved.addListener((tabId) => {
  void ready.then(() => tabRooms.delete(tabId)).catch(warn);
});
browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  void ready.then(() => tabRooms.onTabUpdated(tabId, change, tab)).catch(warn);
});

// Firefox may close the popup for the permission prompt: the grant finishes the enabling here.
browser.permissions.onAdded.addListener(() => {
  void ready.then(() => instanceRequests.onGranted()).catch(warn);
});

// The browser's own UI can take an instance's host access away.
browser.permissions.onRemoved.addListener(() => {
  void ready
    .then(async () => {
      await instances.reconcile();
      for (const [tabId, record] of tabRooms.entries()) {
        if (!(await instances.isEnabled(record.origin))) await tabRooms.delete(tabId);
      }
    })
    .catch(warn);
});

// Start-up chores, each on its own: one failing must not stop the others.
for (const chore of [
  () => keepSessionFromContentScripts(browser.storage.session),
  () => instances.reconcile(),
  () => scheduleKeepalive(browser.alarms, keepalivePeriodMinutes(isFirefox)),
  () => keepPopupOnAction((globalThis as { chrome?: { sidePanel?: Parameters<typeof keepPopupOnAction>[0] } }).chrome?.sidePanel),
]) {
  chore().catch(warn);
}
