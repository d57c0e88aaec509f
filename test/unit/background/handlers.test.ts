// What the named handlers do once the router let a message through: the
// tab → room map, tab info for the popup, settings. The engine (it needs a
// live XMPP server), the instance registration (browser APIs, tested in
// instances.test.ts) and PeerTube detection (HTTP, tested in
// peertube-detect.test.ts) are stand-ins here; settings and the tab map are
// real over in-memory stores.
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { InstanceRequests } from '../../../src/background/instance-requests';
import { SettingsStore } from '../../../src/background/settings';
import { TabRooms } from '../../../src/background/tab-rooms';
import type { Caller } from '../../../src/background/senders';
import type { RoomRef } from '../../../src/core/types';
import type { BackgroundToContent, PeerTubeRoomPage, Reply } from '../../../src/messages';
import { FakeRoomSource, makeView, memoryKV, ROOM_A, ROOM_B } from './fakes';

const ORIGIN = 'https://video.example';
const TAB: Caller = { kind: 'content', tabId: 7, origin: ORIGIN };
const PAGE: Caller = { kind: 'page' };

const ROOM_PAGE: PeerTubeRoomPage = {
  origin: ORIGIN,
  videoUUID: 'abc',
  title: 'Big stream',
  url: `${ORIGIN}/w/abc`,
  config: { room: ROOM_A.jid, localWebsocketServiceUrl: null, localBoshServiceUrl: '/bosh', peertubeVideoUUID: 'abc' },
  auth: null,
};

/** `pages`: the room pages PeerTube answers for, by video id (resolved when the test says so, if a promise) */
function setup(
  join: Reply<{ room: RoomRef }> | Promise<Reply<{ room: RoomRef }>> = { ok: true, value: { room: ROOM_A } },
  pages: Record<string, PeerTubeRoomPage | Promise<PeerTubeRoomPage>> = { abc: ROOM_PAGE },
) {
  const rooms = new FakeRoomSource();
  const enabled = new Set([ORIGIN]);
  const settings = new SettingsStore(memoryKV());
  const tabRooms = new TabRooms(memoryKV());
  const urls = new Map<number, string>();
  const places = new Map<number, { windowId: number; active: boolean }>();
  /** what each tab's content script answers (none: no panel there) */
  const chats = new Map<number, (m: BackgroundToContent) => unknown>();
  const asked: { tabId: number; message: BackgroundToContent }[] = [];
  const instances = {
    enable: async (o: string) => (enabled.add(o), { ok: true as const, value: undefined }),
    disable: async (o: string) => (enabled.delete(o), { ok: true as const, value: undefined }),
    isEnabled: async (o: string) => enabled.has(o),
  };
  const requests = new InstanceRequests(memoryKV(), instances);
  const handlers = createHandlers({
    engine: {
      // the page's own room, joined as the test says
      findPeerTubeRoom: async (page) => ({ ok: true, value: { room: { ...ROOM_A, jid: page.config.room } } }),
      joinRoom: async (ref) => {
        const joined = await join;
        return joined.ok ? { ok: true, value: { room: ref } } : joined;
      },
      openRoom: async (ref) => ({ ok: true, value: { room: ref } }),
      edit: async () => ({ ok: true, value: { itemId: 'T1' } }),
      addManualAccount: async (a) => ({ ok: true, value: { id: `xmpp:${a.jid}` } }),
      removeAccount: async () => undefined,
      view: (ref) => rooms.view(ref),
      recentRooms: () => [{ ref: ROOM_A, title: 'Big stream', lastUsed: 1 }],
      accounts: () => [],
    },
    instances,
    instanceRequests: requests,
    settings,
    tabRooms,
    roomCounts: { ask: () => [] },
    tabUrl: async (tabId) => urls.get(tabId),
    tabPlace: async (tabId) => places.get(tabId),
    askTab: async (tabId, message) => {
      asked.push({ tabId, message });
      return chats.get(tabId)?.(message);
    },
    findRoomPage: async (origin, page) => (origin === ORIGIN ? ((await pages[page.videoId]) ?? null) : null),
  });
  return { handlers, rooms, settings, tabRooms, urls, enabled, requests, places, chats, asked };
}

const detected = { type: 'content/watch-page' as const, videoId: 'abc', url: `${ORIGIN}/w/abc`, auth: null };

describe('a tab reporting its room', () => {
  it('links the tab to the room and remembers it as the last room used', async () => {
    const { handlers, tabRooms, settings } = setup();
    expect(await handlers['content/watch-page'](detected, TAB)).toEqual({ ok: true, value: { room: ROOM_A } });
    expect(tabRooms.get(7)).toEqual({ origin: ORIGIN, room: ROOM_A });
    await vi.waitFor(async () => expect((await settings.get()).lastRoom).toEqual(ROOM_A));
    await handlers['content/room-left']({ type: 'content/room-left' }, TAB);
    expect(tabRooms.get(7)).toBeUndefined();
  });

  it('links nothing for a video without chat', async () => {
    const { handlers, tabRooms } = setup();
    expect(await handlers['content/watch-page']({ ...detected, videoId: 'no-chat' }, TAB)).toEqual({
      ok: false,
      error: { code: 'no-room' },
    });
    expect(tabRooms.get(7)).toBeUndefined();
  });

  it('forgets the room of a tab that loads a video without chat', async () => {
    const { handlers, tabRooms } = setup();
    await handlers['content/watch-page'](detected, TAB);
    expect(tabRooms.get(7)).toEqual({ origin: ORIGIN, room: ROOM_A });
    await handlers['content/watch-page']({ ...detected, videoId: 'no-chat' }, TAB);
    expect(tabRooms.get(7)).toBeUndefined();
  });

  it('forgets a room found after the tab moved on (left the page, or another video)', async () => {
    let found!: (page: PeerTubeRoomPage) => void;
    const slow = new Promise<PeerTubeRoomPage>((resolve) => (found = resolve));
    const ROOM_B = { ...ROOM_A, jid: 'other@room.example' };
    const { handlers, tabRooms } = setup(undefined, { slow, abc: ROOM_PAGE });
    const first = handlers['content/watch-page']({ ...detected, videoId: 'slow' }, TAB);
    await handlers['content/room-left']({ type: 'content/room-left' }, TAB);
    await handlers['content/watch-page'](detected, TAB);
    found({ ...ROOM_PAGE, config: { ...ROOM_PAGE.config, room: ROOM_B.jid } });
    await first;
    expect(tabRooms.get(7)).toEqual({ origin: ORIGIN, room: ROOM_A });
  });

  it('answers with the room before it is joined, and drops it when the user turns out not to moderate it', async () => {
    let joined!: (reply: Reply<{ room: RoomRef }>) => void;
    const { handlers, tabRooms, settings } = setup(new Promise((resolve) => (joined = resolve)));
    // the page's watch and the panel's code start while the session connects
    expect(await handlers['content/watch-page'](detected, TAB)).toEqual({ ok: true, value: { room: ROOM_A } });
    expect(tabRooms.get(7)).toEqual({ origin: ORIGIN, room: ROOM_A });
    joined({ ok: false, error: { code: 'forbidden' } });
    await vi.waitFor(() => expect(tabRooms.get(7)).toEqual({ origin: ORIGIN, problem: { code: 'forbidden' } }));
    expect((await settings.get()).lastRoom).toBeUndefined();
  });

  it('keeps why the room could not be opened, for the popup to say', async () => {
    const { handlers, tabRooms, urls } = setup({ ok: false, error: { code: 'forbidden' } });
    await handlers['content/watch-page'](detected, TAB);
    await vi.waitFor(() => expect(tabRooms.get(7)).toEqual({ origin: ORIGIN, problem: { code: 'forbidden' } }));
    urls.set(7, `${ORIGIN}/w/abc`);
    const info = await handlers['view/tab-info']({ type: 'view/tab-info', tabId: 7 }, PAGE);
    expect(info.ok && info.value).toMatchObject({ origin: ORIGIN, enabled: true, reason: 'not-moderator', problem: { code: 'forbidden' } });
  });
});

describe('tab info', () => {
  it("gives the tab's room, with recent rooms", async () => {
    const { handlers } = setup();
    await handlers['content/watch-page'](detected, TAB);
    const info = await handlers['view/tab-info']({ type: 'view/tab-info', tabId: 7 }, PAGE);
    expect(info).toEqual({
      ok: true,
      value: { origin: ORIGIN, enabled: true, room: ROOM_A, recent: [{ ref: ROOM_A, title: 'Big stream', lastUsed: 1 }], accounts: [] },
    });
  });

  it('says why there is no room: not a web page, not enabled, no watch page with chat, not a moderator', async () => {
    const { handlers, urls, rooms } = setup();
    const reason = async (tabId: number) => {
      const r = await handlers['view/tab-info']({ type: 'view/tab-info', tabId }, PAGE);
      return r.ok ? [r.value.reason, r.value.enabled, r.value.room] : r.error;
    };
    urls.set(1, 'chrome://settings/');
    urls.set(2, 'https://elsewhere.example/page');
    urls.set(3, `${ORIGIN}/about`);
    expect(await reason(1)).toEqual(['not-peertube', false, undefined]);
    expect(await reason(2)).toEqual(['not-enabled', false, undefined]);
    expect(await reason(3)).toEqual(['not-peertube', true, undefined]);
    // a tab whose room the user lost the rights to (seen live by the engine)
    await handlers['content/watch-page'](detected, TAB);
    rooms.push(makeView(ROOM_A, { rights: 'none' }));
    expect(await reason(7)).toEqual(['not-moderator', true, undefined]);
  });
});

describe('manual account rooms', () => {
  it('opens a room by its JID and makes it the last room used', async () => {
    const { handlers, settings } = setup();
    const room = { account: 'xmpp:mod@chat.example', jid: 'stream@muc.chat.example' };
    expect(await handlers['view/room-open']({ type: 'view/room-open', room }, PAGE)).toEqual({ ok: true, value: { room } });
    expect((await settings.get()).lastRoom).toEqual(room);
  });
});

describe('instances and settings', () => {
  it('remembers the instance the user asked to enable, for when the browser grants it', async () => {
    const { handlers, requests, enabled } = setup();
    const asked = 'https://asked.example';
    await handlers['view/instance-request']({ type: 'view/instance-request', origin: asked }, PAGE);
    expect(enabled.has(asked)).toBe(false);
    await requests.onGranted();
    expect(enabled.has(asked)).toBe(true);
  });

  it('forgets the rooms of tabs on an instance the user disables', async () => {
    const { handlers, tabRooms } = setup();
    await handlers['content/watch-page'](detected, TAB);
    await tabRooms.set(8, { origin: 'https://other.example', room: ROOM_A });
    await handlers['view/instance-disable']({ type: 'view/instance-disable', origin: ORIGIN }, PAGE);
    expect(tabRooms.get(7)).toBeUndefined();
    expect(tabRooms.get(8)).toBeDefined();
  });

  it('merges the last list per room instead of replacing the others', async () => {
    const { handlers } = setup();
    await handlers['view/settings-set']({ type: 'view/settings-set', settings: { lastList: { 'room 1': 'L1' } } }, PAGE);
    const reply = await handlers['view/settings-set'](
      { type: 'view/settings-set', settings: { lastList: { 'room 2': 'L2' }, notifyNewTasks: true } },
      PAGE,
    );
    expect(reply.ok && reply.value).toMatchObject({ lastList: { 'room 1': 'L1', 'room 2': 'L2' }, notifyNewTasks: true, instances: [] });
  });
});

describe('the tab map', () => {
  it('forgets a tab that navigates to another origin, keeps it across a reload of the same site', async () => {
    const tabRooms = new TabRooms(memoryKV());
    await tabRooms.set(7, { origin: ORIGIN, room: ROOM_A });
    await tabRooms.onTabUpdated(7, { status: 'loading' }, { url: `${ORIGIN}/w/9c9de5e8-0a1b-4c2d-8e3f-4a5b6c7d8e9f` });
    expect(tabRooms.get(7)).toBeDefined();
    // a page we have no host access to: the browser hides its URL
    await tabRooms.onTabUpdated(7, { status: 'loading' }, {});
    expect(tabRooms.get(7)).toBeUndefined();
  });

  it('forgets a tab that loads a page of the same instance without a chat', async () => {
    const tabRooms = new TabRooms(memoryKV());
    await tabRooms.set(7, { origin: ORIGIN, room: ROOM_A });
    await tabRooms.onTabUpdated(7, { status: 'loading' }, { url: `${ORIGIN}/videos/local` });
    expect(tabRooms.get(7)).toBeUndefined();
  });
});

describe('"Show message" for the side panel', () => {
  const ask = (windowId: number) => ({ type: 'view/show-message' as const, room: ROOM_A, ref: { id: 'm-1' }, windowId });

  it("asks the room's tabs in the side panel's window, the active one first, until one shows the message", async () => {
    const { handlers, tabRooms, places, chats, asked } = setup();
    await tabRooms.set(3, { origin: ORIGIN, room: ROOM_A });
    await tabRooms.set(4, { origin: ORIGIN, room: ROOM_A });
    await tabRooms.set(5, { origin: ORIGIN, room: ROOM_A });
    await tabRooms.set(6, { origin: ORIGIN, room: ROOM_B });
    places.set(3, { windowId: 1, active: false });
    places.set(4, { windowId: 1, active: true });
    places.set(5, { windowId: 2, active: true });
    places.set(6, { windowId: 1, active: false });
    chats.set(3, () => ({ shown: true }));
    chats.set(4, () => ({ shown: false }));
    chats.set(5, () => ({ shown: true }));
    expect(await handlers['view/show-message'](ask(1), PAGE)).toEqual({ ok: true, value: 'shown' });
    expect(asked).toEqual([
      { tabId: 4, message: { type: 'bg/show-message', ref: { id: 'm-1' } } },
      { tabId: 3, message: { type: 'bg/show-message', ref: { id: 'm-1' } } },
    ]);
  });

  it('says "gone" when the chats in reach no longer have it, "no-chat" when no tab of the window shows the room', async () => {
    const { handlers, tabRooms, places, chats } = setup();
    expect(await handlers['view/show-message'](ask(1), PAGE)).toEqual({ ok: true, value: 'no-chat' });
    await tabRooms.set(3, { origin: ORIGIN, room: ROOM_A });
    places.set(3, { windowId: 2, active: true });
    chats.set(3, () => ({ shown: true }));
    expect(await handlers['view/show-message'](ask(1), PAGE)).toEqual({ ok: true, value: 'no-chat' });
    // a tab of the window whose page has no panel (no answer), or answers nonsense
    await tabRooms.set(4, { origin: ORIGIN, room: ROOM_A });
    places.set(4, { windowId: 1, active: true });
    expect(await handlers['view/show-message'](ask(1), PAGE)).toEqual({ ok: true, value: 'no-chat' });
    chats.set(4, () => ({ shown: 'yes' }));
    expect(await handlers['view/show-message'](ask(1), PAGE)).toEqual({ ok: true, value: 'no-chat' });
    chats.set(4, () => ({ shown: false }));
    expect(await handlers['view/show-message'](ask(1), PAGE)).toEqual({ ok: true, value: 'gone' });
  });
});
