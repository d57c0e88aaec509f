// Is this page one of a video's chat? (docs/protocol.md §7.) Only the address is
// looked at, so other pages cost nothing; the background then asks the
// instance whether the video has a livechat room (background/peertube-detect.ts).

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
