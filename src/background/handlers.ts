// One named handler per request type. The router has already checked the
// message's shape and that its sender may send it; handlers do the work.
import type { Replies, Request } from '../messages';
import type { Engine } from './engine/engine';
import type { Instances } from './instances';
import type { InstanceRequests } from './instance-requests';
import type { SettingsStore } from './settings';
import type { TabRooms } from './tab-rooms';
import type { Caller } from './senders';
import { tabInfo } from './tab-info';
import type { WatchPage } from './peertube-detect';
import type { PeerTubeRoomPage } from '../messages';
import type { RoomCounts } from './room-counts';
import { showMessageInTab, type ShowMessageDeps } from './show-message';

export type RequestType = Request['type'];
type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
type Handler<T extends RequestType> = (message: RequestOf<T>, caller: Caller) => Promise<Replies[T]>;
export type Handlers = { [T in RequestType]: Handler<T> };

export interface HandlerDeps {
  engine: Pick<
    Engine,
    'findPeerTubeRoom' | 'joinRoom' | 'openRoom' | 'edit' | 'addManualAccount' | 'removeAccount' | 'view' | 'recentRooms' | 'accounts'
  >;
  instances: Pick<Instances, 'enable' | 'disable' | 'isEnabled'>;
  instanceRequests: Pick<InstanceRequests, 'add'>;
  settings: SettingsStore;
  tabRooms: TabRooms;
  roomCounts: Pick<RoomCounts, 'ask'>;
  tabUrl(tabId: number): Promise<string | undefined>;
  tabPlace: ShowMessageDeps['tabPlace'];
  askTab: ShowMessageDeps['askTab'];
  /** the room of a reported watch page, asked of its instance (peertube-detect.ts) */
  findRoomPage(origin: string, page: WatchPage): Promise<PeerTubeRoomPage | null>;
}

const done = { ok: true as const, value: undefined };
const warnNotStored = (e: unknown) => console.warn('[livechat-tasks] could not store the tab room', e);
const warnNotOpened = (e: unknown) => console.warn('[livechat-tasks] could not open the room', e);

export function createHandlers(deps: HandlerDeps): Handlers {
  const { engine, instances, settings, tabRooms } = deps;
  /** per tab, the number of its latest watch page or departure */
  const visits = new Map<number, number>();
  return {
    async 'content/watch-page'(m, caller) {
      if (caller.kind !== 'content') throw new Error('watch-page reached a handler without a tab');
      const { tabId, origin } = caller;
      // Finding the room takes requests to the instance: a later page or leaving (room-left) wins over it.
      const visit = (visits.get(tabId) ?? 0) + 1;
      visits.set(tabId, visit);
      const current = () => visits.get(tabId) === visit;
      const page = await deps.findRoomPage(origin, m);
      if (!page) {
        // A full page load to a video without chat: the tab's earlier room is left behind.
        if (current()) await tabRooms.delete(tabId);
        return { ok: false, error: { code: 'no-room' } };
      }
      const found = await engine.findPeerTubeRoom(page);
      if (!found.ok) {
        if (current()) void tabRooms.set(tabId, { origin, problem: found.error }).catch(warnNotStored);
        return found;
      }
      // The page hears of its room before the session is up: its watch (checked against the map in
      // memory, which changes at once) and the panel's code load while the room is joined. The reply
      // goes without waiting for storage, which keeps the map for a restarted worker.
      const { room } = found.value;
      if (current()) void tabRooms.set(tabId, { origin, room }).catch(warnNotStored);
      void engine.joinRoom(room).then((joined) => {
        if (!current()) return;
        // Not an owner or admin, or the room is out of reach: the tab's room goes (its watch ends), and
        // the popup says why.
        const stored = joined.ok ? settings.update(() => ({ lastRoom: room })) : tabRooms.set(tabId, { origin, problem: joined.error });
        return stored.catch(warnNotStored);
      }, warnNotOpened);
      return found;
    },

    async 'content/room-left'(_m, caller) {
      if (caller.kind !== 'content') return done;
      visits.set(caller.tabId, (visits.get(caller.tabId) ?? 0) + 1);
      await tabRooms.delete(caller.tabId);
      return done;
    },

    async 'view/edit'(m) {
      const reply = await engine.edit(m.room, m.edit, m.id);
      if (reply.ok) await settings.update(() => ({ lastRoom: m.room }));
      return reply;
    },

    async 'view/tab-info'(m) {
      const info = await tabInfo(m.tabId, {
        engine,
        tabRooms,
        isEnabled: (o) => instances.isEnabled(o),
        tabUrl: deps.tabUrl,
      });
      return { ok: true, value: info };
    },

    async 'view/instance-request'(m) {
      await deps.instanceRequests.add(m.origin);
      return done;
    },

    async 'view/instance-enable'(m) {
      return instances.enable(m.origin);
    },

    async 'view/instance-disable'(m) {
      const reply = await instances.disable(m.origin);
      // Content scripts still running there are no longer listened to; forget their rooms.
      for (const [tabId, record] of tabRooms.entries()) {
        if (record.origin === m.origin) await tabRooms.delete(tabId);
      }
      return reply;
    },

    async 'view/account-add'(m) {
      return engine.addManualAccount(m.account);
    },

    async 'view/account-remove'(m) {
      await engine.removeAccount(m.id);
      return done;
    },

    async 'view/room-open'(m) {
      const reply = await engine.openRoom(m.room, m.title);
      if (reply.ok) await settings.update(() => ({ lastRoom: reply.value.room }));
      return reply;
    },

    async 'view/all-rooms'() {
      return { ok: true, value: deps.roomCounts.ask() };
    },

    async 'view/show-message'(m) {
      const shown = await showMessageInTab({ tabsOf: (room) => tabRooms.tabsOf(room), ...deps }, m.room, m.ref, m.windowId);
      return { ok: true, value: shown };
    },
    async 'view/settings-get'() {
      return { ok: true, value: await settings.get() };
    },

    async 'view/settings-set'(m) {
      // lastList is per room: a view sends the rooms it changed, the others stay.
      const updated = await settings.update((s) => ({
        ...m.settings,
        ...(m.settings.lastList ? { lastList: { ...s.lastList, ...m.settings.lastList } } : {}),
      }));
      return { ok: true, value: updated };
    },
  };
}
