// Is the page a content script reports a PeerTube video whose chat has a
// livechat room? (docs/protocol.md §7.) The background asks the instance, not the
// page: the content script then only carries what the page alone knows (its
// video id, address and the user's PeerTube credentials), and its code stays
// out of every page. The background may fetch only from enabled instances
// (their host permission); the router has checked that the page is one.
import type { PeerTubeAuth, PeerTubeRoomConfig, PeerTubeRoomPage } from '../messages';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** What the content script tells about the page (see src/core/chat-page.ts for the video id). */
export interface WatchPage {
  videoId: string;
  url: string;
  auth: PeerTubeAuth | null;
}

// The same test as the content script's (src/core/chat-page.ts), which keeps
// its own copy so that the page loads no module shared with the worker.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  const c = (await getJson(fetchFn, `${origin}/plugins/livechat/router/api/configuration/room/${encodeURIComponent(uuid)}`)) as Record<
    string,
    unknown
  > | null;
  if (typeof c?.room !== 'string' || !c.room.includes('@')) return null;
  return {
    room: c.room,
    localWebsocketServiceUrl: strOrNull(c.localWebsocketServiceUrl),
    localBoshServiceUrl: strOrNull(c.localBoshServiceUrl),
    isRemoteChat: c.isRemoteChat === true,
    peertubeVideoUUID: typeof c.peertubeVideoUUID === 'string' ? c.peertubeVideoUUID : uuid,
  };
}

/**
 * Finds the room of reported watch pages. An instance that runs livechat is
 * asked so once while the background lives; one that does not (yet) is asked
 * again on the next watch page, as a page load used to.
 */
export function roomPageFinder(fetchFn: Fetch): (origin: string, page: WatchPage) => Promise<PeerTubeRoomPage | null> {
  const withLivechat = new Set<string>();
  return async (origin, { videoId, url, auth }) => {
    const headers = auth?.kind === 'peertube' ? { Authorization: `${auth.tokenType} ${auth.accessToken}` } : undefined;
    // The instance's config and the video are asked for side by side: one round trip, not two.
    const [hasLivechat, video] = await Promise.all([
      withLivechat.has(origin) || getJson(fetchFn, `${origin}/api/v1/config`).then(configHasLivechat),
      fetchVideo(origin, videoId, fetchFn, headers),
    ]);
    if (!hasLivechat) return null;
    withLivechat.add(origin);
    if (!video) return null;
    const config = await fetchRoomConfig(origin, video.uuid, fetchFn);
    if (!config) return null;
    return { origin, videoUUID: video.uuid, title: video.title, url, config, auth };
  };
}
