// A stand-in for the browser's extension runtime (runtime messaging and
// ports, storage, permissions, tabs, side panel): unit tests of the views and
// the content script have no browser and no background worker. It records
// what the code under test asks for and answers like the background would,
// from the `answer` function each test gives. The real runtime is exercised
// by the e2e suite.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { roomKey, type RoomRef, type RoomView } from '../../../src/core/types';
import type { BackgroundToPort, PortToBackground, Request } from '../../../src/messages';
import { installCatalog } from '../../../src/ui/i18n-catalog';
import { noNotes } from '../../../src/core/notes/view';
import { viewToText } from '../../../src/core/view-text';

type Listener<A extends unknown[]> = (...args: A) => void;

function event<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    addListener: (l: Listener<A>) => void listeners.add(l),
    removeListener: (l: Listener<A>) => void listeners.delete(l),
    hasListeners: () => listeners.size > 0,
    emit: (...args: A) => listeners.forEach((l) => l(...args)),
  };
}

class FakePort {
  onMessage = event<[unknown]>();
  onDisconnect = event<[]>();
  posted: PortToBackground[] = [];
  connected = true;
  /** the number of the last message pushed */
  seq = 0;
  constructor(
    public name: string,
    private onPost: (port: FakePort, msg: PortToBackground) => void,
  ) {}
  postMessage(msg: PortToBackground) {
    this.posted.push(msg);
    this.onPost(this, msg);
  }
  disconnect() {
    this.connected = false;
  }
  /** the background pushing a message */
  push(msg: BackgroundToPort) {
    if (this.connected) this.onMessage.emit(msg);
  }
}

export interface FakeExt {
  sent: Request[];
  /** every call in order: `send:<type>`, `permissions.request`, `sidePanel.open` */
  calls: string[];
  ports: FakePort[];
  storage: Map<string, unknown>;
  permissionRequests: { origins?: string[]; permissions?: string[] }[];
  permissionRemovals: { origins?: string[]; permissions?: string[] }[];
  /** what permissions.request answers */
  grant: boolean;
  sidePanelOpened: { tabId?: number; windowId?: number }[];
  /** room views the fake background pushes to ports watching them */
  views: Map<string, RoomView>;
  setView(view: RoomView): void;
  tabs: { onActivated: ReturnType<typeof event<[unknown]>>; onUpdated: ReturnType<typeof event<[number, unknown, unknown]>> };
  activeTabId: number;
  /** a runtime message reaching the page, by default from the background (a content script's sender has a tab); returns what a listener replied */
  fromBackground(message: unknown, sender?: { id?: string; url?: string; tab?: { id?: number } }): unknown;
  uninstall(): void;
}

export function loadCatalog(lang: 'en' | 'fr' = 'en') {
  // node:path, not URL: happy-dom replaces the global URL.
  const file = join(dirname(fileURLToPath(import.meta.url)), `../../../public/_locales/${lang}/messages.json`);
  installCatalog(JSON.parse(readFileSync(file, 'utf8')));
}

export function installFakeExt(answer: (msg: Request) => unknown = () => ({ ok: true, value: undefined })): FakeExt {
  const runtimeMessage = event<[unknown, unknown, (reply: unknown) => void]>();
  const storageChanged = event<[Record<string, { newValue?: unknown; oldValue?: unknown }>, string]>();
  const fake: FakeExt = {
    sent: [],
    calls: [],
    ports: [],
    storage: new Map(),
    permissionRequests: [],
    permissionRemovals: [],
    grant: true,
    sidePanelOpened: [],
    views: new Map(),
    activeTabId: 7,
    tabs: { onActivated: event<[unknown]>(), onUpdated: event<[number, unknown, unknown]>() },
    setView(view) {
      fake.views.set(roomKey(view.ref), view);
      for (const port of fake.ports) {
        const watched = port.posted.find((m) => m.type === 'view/watch');
        if (watched && roomKey(watched.room) === roomKey(view.ref)) port.push({ type: 'bg/room', seq: ++port.seq, view: viewToText(view) });
      }
    },
    fromBackground(message, sender = { id: 'fake-extension-id', url: 'chrome-extension://fake-extension-id/service-worker-loader.js' }) {
      let replied: unknown;
      runtimeMessage.emit(message, sender, (reply) => {
        replied = reply;
      });
      return replied;
    },
    uninstall() {
      delete (globalThis as { browser?: unknown }).browser;
    },
  };
  const api = {
    runtime: {
      id: 'fake-extension-id',
      async sendMessage(msg: Request) {
        fake.sent.push(structuredClone(msg));
        fake.calls.push(`send:${msg.type}`);
        return answer(msg);
      },
      connect({ name }: { name: string }) {
        const port = new FakePort(name, (p, msg) => {
          const watched = p.posted.find((m) => m.type === 'view/watch');
          if (msg.type === 'view/edit') {
            // as the background does: the port's edit becomes a view/edit request for the room it watches
            if (!watched) return;
            const request: Request = { type: 'view/edit', room: watched.room, edit: msg.edit, id: msg.id };
            fake.sent.push(structuredClone(request));
            fake.calls.push('send:view/edit');
            void Promise.resolve(answer(request)).then((reply) => p.push({ type: 'bg/edited', id: msg.id, reply: reply as never }));
            return;
          }
          const view = fake.views.get(roomKey(msg.room));
          if (view) queueMicrotask(() => p.push({ type: 'bg/room', seq: ++p.seq, view: viewToText(view) }));
        });
        fake.ports.push(port);
        return port;
      },
      getURL: (path: string) => `chrome-extension://fake-extension-id/${path}`,
      onMessage: runtimeMessage,
    },
    storage: {
      local: {
        async get(key: string | string[] | null) {
          const keys = key === null ? [...fake.storage.keys()] : [key].flat();
          return Object.fromEntries(keys.filter((k) => fake.storage.has(k)).map((k) => [k, structuredClone(fake.storage.get(k))]));
        },
        async set(items: Record<string, unknown>) {
          const changes: Record<string, { newValue?: unknown }> = {};
          for (const [k, v] of Object.entries(items)) {
            fake.storage.set(k, structuredClone(v));
            changes[k] = { newValue: v };
          }
          storageChanged.emit(changes, 'local');
        },
      },
      onChanged: storageChanged,
    },
    permissions: {
      async request(p: { origins?: string[]; permissions?: string[] }) {
        fake.permissionRequests.push(p);
        fake.calls.push('permissions.request');
        return fake.grant;
      },
      async remove(p: { origins?: string[]; permissions?: string[] }) {
        fake.permissionRemovals.push(p);
        fake.calls.push('permissions.remove');
        return true;
      },
    },
    tabs: {
      async query() {
        return [{ id: fake.activeTabId, windowId: 1 }];
      },
      async getCurrent() {
        return { id: 99, windowId: 1 };
      },
      onActivated: fake.tabs.onActivated,
      onUpdated: fake.tabs.onUpdated,
    },
    windows: {
      async getCurrent() {
        return { id: 1 };
      },
    },
    sidePanel: {
      async open(o: { tabId?: number; windowId?: number }) {
        fake.sidePanelOpened.push(o);
        fake.calls.push('sidePanel.open');
      },
    },
  };
  (globalThis as { browser?: unknown }).browser = api;
  return fake;
}

const emptyItems = () => ({ lists: {}, tasks: {} });

/** A room view as the background would push it. */
export function makeView(ref: RoomRef, over: Partial<RoomView> = {}): RoomView {
  return {
    ref,
    title: 'Stream of the day',
    status: 'live',
    rights: 'moderator',
    items: emptyItems(),
    pending: [],
    notes: noNotes(),
    participants: {},
    changed: [],
    skipped: { count: 0 },
    loaded: true,
    updatedAt: 0,
    ...over,
  };
}
