// @vitest-environment happy-dom
// The content script's life on a PeerTube tab. The background is the fake
// runtime of fake-ext.ts (no browser here), which finds rooms with the real
// detection (background/peertube-detect.ts) over the fake PeerTube server of
// fake-peertube.ts; the rights watch and the panel are the real modules.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { roomPageFinder } from '../../../src/background/peertube-detect';
import type { RoomRef } from '../../../src/core/types';
import { followWatchPages, type MountPanel } from '../../../src/content/follow';
import { watchRights } from '../../../src/content/rights';
import type { Request } from '../../../src/messages';
import { send } from '../../../src/send';
import { installFakeExt, loadCatalog, makeView, type FakeExt } from '../pages/fake-ext';
import { fakePeerTube, VIDEO_A, VIDEO_B, VIDEO_NO_CHAT, type FakePeerTube } from './fake-peertube';

// happy-dom's document origin: history.pushState stays within it, as on a real instance.
const ORIGIN = window.location.origin;
const refOf = (room: string): RoomRef => ({ account: `peertube:${ORIGIN}`, jid: room });

let ext: FakeExt;
let server: FakePeerTube;
let stop: (() => void) | undefined;
let mounts: { room: RoomRef; unmounted: boolean }[];

const fakeMount: MountPanel = ({ room }) => {
  const m = { room, unmounted: false };
  mounts.push(m);
  return { unmount: () => void (m.unmounted = true) };
};

let findRoomPage: ReturnType<typeof roomPageFinder>;

async function answer(msg: Request) {
  if (msg.type !== 'content/watch-page') return { ok: true, value: undefined };
  const page = await findRoomPage(ORIGIN, msg);
  return page ? { ok: true, value: { room: refOf(page.config.room) } } : { ok: false, error: { code: 'no-room' } };
}

function go(path: string) {
  window.history.pushState({}, '', `${ORIGIN}${path}`);
}

async function settle() {
  // Lets the URL check run (the safety-net poll) and the background's fetch chain finish.
  await vi.advanceTimersByTimeAsync(1100);
}

function start() {
  stop = followWatchPages({ win: window, send, watchRights, loadPanel: async () => fakeMount });
}

beforeEach(() => {
  vi.useFakeTimers();
  loadCatalog();
  ext = installFakeExt(answer);
  server = fakePeerTube({ videos: [VIDEO_A, VIDEO_B, VIDEO_NO_CHAT] });
  findRoomPage = roomPageFinder((input, init) => server.fetch(input, init));
  mounts = [];
  window.history.replaceState({}, '', `${ORIGIN}/`);
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  stop?.();
  stop = undefined;
  ext.uninstall();
  vi.useRealTimers();
});

describe('content script on a PeerTube tab', () => {
  it('makes no request at all on pages that are not watch pages', async () => {
    go('/videos/trending');
    start();
    await settle();
    go('/a/someone/video-channels');
    await settle();
    expect(server.requests).toEqual([]);
    expect(ext.sent).toEqual([]);
  });

  it('on a site that is not PeerTube, watches no room and mounts nothing', async () => {
    server = fakePeerTube({ peertube: false });
    go(`/w/${VIDEO_A.shortUUID}`);
    start();
    await settle();
    go(`/w/${VIDEO_B.shortUUID}`);
    await settle();
    expect(ext.sent.filter((m) => m.type === 'content/watch-page')).toHaveLength(2);
    expect(ext.ports).toEqual([]);
    expect(mounts).toEqual([]);
  });

  it('tells the background about the watch page with the page credentials, and mounts for a moderator', async () => {
    localStorage.setItem('token_type', 'Bearer');
    localStorage.setItem('access_token', 'secret-token');
    ext.setView(makeView(refOf(`${VIDEO_A.uuid}@room.peertube.test`), { rights: 'moderator' }));
    go(`/w/${VIDEO_A.shortUUID}`);
    start();
    await settle();
    expect(ext.sent.find((m) => m.type === 'content/watch-page')).toEqual({
      type: 'content/watch-page',
      videoId: VIDEO_A.shortUUID,
      url: `${ORIGIN}/w/${VIDEO_A.shortUUID}`,
      auth: { kind: 'peertube', tokenType: 'Bearer', accessToken: 'secret-token' },
    });
    expect(mounts.map((m) => m.room.jid)).toEqual([`${VIDEO_A.uuid}@room.peertube.test`]);
  });

  it('sends the OIDC token when the user logged in through OpenID Connect', async () => {
    sessionStorage.setItem('peertube-plugin-livechat-external-auth-oidc-token', 'oidc-token');
    go(`/w/${VIDEO_A.shortUUID}`);
    start();
    await settle();
    expect(ext.sent.find((m) => m.type === 'content/watch-page')).toMatchObject({ auth: { kind: 'oidc', token: 'oidc-token' } });
  });

  it('mounts nothing for a user who is not owner or admin', async () => {
    ext.setView(makeView(refOf(`${VIDEO_A.uuid}@room.peertube.test`), { rights: 'none' }));
    go(`/w/${VIDEO_A.shortUUID}`);
    start();
    await settle();
    expect(ext.sent.some((m) => m.type === 'content/watch-page')).toBe(true);
    expect(mounts).toEqual([]);
  });

  it('mounts nothing when the background refuses the room', async () => {
    ext.uninstall();
    ext = installFakeExt((msg) => (msg.type === 'content/watch-page' ? { ok: false, error: { code: 'not-logged-in' } } : { ok: true }));
    go(`/w/${VIDEO_A.shortUUID}`);
    start();
    await settle();
    expect(ext.ports).toEqual([]);
    expect(mounts).toEqual([]);
  });

  it('watches no room and mounts nothing when the video has no chat', async () => {
    go(`/w/${VIDEO_NO_CHAT.shortUUID}`);
    start();
    await settle();
    expect(ext.ports).toEqual([]);
    expect(mounts).toEqual([]);
  });

  it('follows single-page navigation: switches room with the video, and leaves with the watch page', async () => {
    ext.setView(makeView(refOf(`${VIDEO_A.uuid}@room.peertube.test`)));
    ext.setView(makeView(refOf(`${VIDEO_B.uuid}@room.peertube.test`)));
    go(`/w/${VIDEO_A.shortUUID}`);
    start();
    await settle();
    go(`/w/${VIDEO_A.shortUUID}?start=30s`); // same video: nothing changes
    await settle();
    expect(mounts).toHaveLength(1);

    go(`/videos/watch/${VIDEO_B.uuid}`);
    await settle();
    expect(mounts.map((m) => [m.room.jid, m.unmounted])).toEqual([
      [`${VIDEO_A.uuid}@room.peertube.test`, true],
      [`${VIDEO_B.uuid}@room.peertube.test`, false],
    ]);

    go('/videos/local');
    await settle();
    expect(mounts.every((m) => m.unmounted)).toBe(true);
    expect(ext.sent.filter((m) => m.type === 'content/room-left')).toHaveLength(2);
  });

  it('removes the panel when the user loses the owner or admin affiliation', async () => {
    const ref = refOf(`${VIDEO_A.uuid}@room.peertube.test`);
    ext.setView(makeView(ref));
    go(`/w/${VIDEO_A.shortUUID}`);
    start();
    await settle();
    expect(mounts[0]?.unmounted).toBe(false);
    ext.setView(makeView(ref, { rights: 'none' }));
    expect(mounts[0]?.unmounted).toBe(true);
  });

  it('adds nothing at all to the page of a plain participant, and the real panel for a moderator', async () => {
    const page = `<div id="plugin-placeholder-player-next"><div id="peertube-plugin-livechat-container" peertube-plugin-livechat-state="open"></div></div>`;
    document.body.innerHTML = page;
    const realPanel = async () => (await import('../../../src/content/panel')).mountPanel;
    await realPanel(); // loaded once beforehand, so that a wrong mount would show within the wait below
    ext.setView(makeView(refOf(`${VIDEO_A.uuid}@room.peertube.test`), { rights: 'none' }));
    go(`/w/${VIDEO_A.shortUUID}`);
    const headBefore = document.head.innerHTML;
    stop = followWatchPages({ win: window, send, watchRights, loadPanel: realPanel });
    await settle();
    expect(document.body.innerHTML).toBe(page);
    expect(document.head.innerHTML).toBe(headBefore);
    stop();

    ext.setView(makeView(refOf(`${VIDEO_B.uuid}@room.peertube.test`), { rights: 'moderator' }));
    go(`/w/${VIDEO_B.shortUUID}`);
    stop = followWatchPages({ win: window, send, watchRights, loadPanel: realPanel });
    await settle();
    // loading the panel module is real I/O, not timers
    await vi.waitFor(() => expect(document.querySelector('lct-task-panel')).not.toBeNull());
    // the panel shows what the rights watch receives: one port for the tab, not one more
    expect(ext.ports.filter((p) => p.connected)).toHaveLength(1);
    stop();
    stop = undefined;
    expect(document.body.innerHTML).toBe(page);
  });
});
