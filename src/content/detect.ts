// Is this page a PeerTube watch page whose video has a livechat room?
// (PROTOCOL.md §7). Pure functions over a `fetch` and a URL, so tests can
// stand a fake PeerTube server in for the real one.
import type { PeerTubeRoomConfig } from '../messages';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PeerTube's short uuids are base58 (no 0, O, I, l).
const SHORT_UUID = /^[1-9A-HJ-NP-Za-km-z]{10,32}$/;

/**
 * The video id (short or full uuid) of a page that shows a video's chat, or
 * null for any other page: watch pages (`/w/<id>`, `/videos/watch/<id>`) and
 * the plugin's full-page chats (`/p/livechat/room?room=<uuid>`,
 * `/plugins/livechat/router/webchat/room/<uuid>`). Playlist watch pages
 * (`/w/p/…`) are left out: their video is chosen by position, not by the path.
 */
export function chatPageVideoId(pathname: string, search = ''): string | null {
  const watch = /^\/(?:w|videos\/watch)\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (watch) {
    const id = safeDecode(watch);
    return id && (UUID.test(id) || SHORT_UUID.test(id)) ? id : null;
  }
  const webchat = /^\/plugins\/livechat\/router\/webchat\/room\/([^/]+)\/?$/.exec(pathname)?.[1];
  const room = webchat ? safeDecode(webchat) : pathname === '/p/livechat/room' ? new URLSearchParams(search).get('room') : null;
  return room && UUID.test(room) ? room : null;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Whether a `/api/v1/config` answer names the livechat plugin among the registered ones. */
export function configHasLivechat(config: unknown): boolean {
  const registered = (config as { plugin?: { registered?: unknown } } | null)?.plugin?.registered;
  if (!Array.isArray(registered)) return false;
  return registered.some((p) => {
    if (typeof p === 'string') return p === 'livechat' || p === 'peertube-plugin-livechat';
    const { name, npmName } = (p ?? {}) as { name?: unknown; npmName?: unknown };
    return name === 'livechat' || npmName === 'peertube-plugin-livechat';
  });
}

async function getJson(fetchFn: Fetch, url: string, headers: Record<string, string> = {}): Promise<unknown | null> {
  try {
    const res = await fetchFn(url, { credentials: 'omit', headers: { Accept: 'application/json', ...headers } });
    if (!res.ok) return null;
    return await res.json();
  } catch {
    // Network error or not JSON: this origin is not the PeerTube we look for.
    return null;
  }
}

/**
 * Asks the instance once per page load whether it runs livechat; later calls
 * reuse the first answer, so single-page navigation costs no request.
 */
export function livechatProbe(origin: string, fetchFn: Fetch): () => Promise<boolean> {
  let answer: Promise<boolean> | undefined;
  return () => (answer ??= getJson(fetchFn, `${origin}/api/v1/config`).then(configHasLivechat));
}

export interface WatchedVideo {
  uuid: string;
  title: string;
}

/**
 * The full uuid and title of a video, from its short or full id. `headers`
 * carry the user's PeerTube token, without which private videos answer 403.
 */
export async function fetchVideo(
  origin: string,
  id: string,
  fetchFn: Fetch,
  headers?: Record<string, string>,
): Promise<WatchedVideo | null> {
  const video = (await getJson(fetchFn, `${origin}/api/v1/videos/${encodeURIComponent(id)}`, headers)) as {
    uuid?: unknown;
    name?: unknown;
  } | null;
  if (typeof video?.uuid !== 'string' || !UUID.test(video.uuid)) return null;
  return { uuid: video.uuid, title: typeof video.name === 'string' ? video.name : '' };
}

const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

/** The chat room of a video, or null when the video has no chat (404/403) or the answer is unusable. */
export async function fetchRoomConfig(origin: string, uuid: string, fetchFn: Fetch): Promise<PeerTubeRoomConfig | null> {
  const c = (await getJson(
    fetchFn,
    `${origin}/plugins/livechat/router/api/configuration/room/${encodeURIComponent(uuid)}`,
  )) as Record<string, unknown> | null;
  if (typeof c?.room !== 'string' || !c.room.includes('@')) return null;
  return {
    room: c.room,
    localWebsocketServiceUrl: strOrNull(c.localWebsocketServiceUrl),
    localBoshServiceUrl: strOrNull(c.localBoshServiceUrl),
    isRemoteChat: c.isRemoteChat === true,
    peertubeVideoUUID: typeof c.peertubeVideoUUID === 'string' ? c.peertubeVideoUUID : uuid,
  };
}
