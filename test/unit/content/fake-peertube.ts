// A fake `fetch` standing in for a PeerTube server with (or without) the
// livechat plugin: the background's detection talks HTTP only, and no
// PeerTube runs in unit tests. It records every request so tests can check
// what a page costs.
export interface FakeVideo {
  uuid: string;
  shortUUID: string;
  name: string;
  /** room config answer, or an HTTP status when the video has no chat */
  chat: { room: string } | 404 | 403;
}

export interface FakePeerTube {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  requests: { url: string; headers: Record<string, string> }[];
  videos: FakeVideo[];
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export function fakePeerTube(opts: { livechat?: boolean; peertube?: boolean; videos?: FakeVideo[] } = {}): FakePeerTube {
  const { livechat = true, peertube = true } = opts;
  const fake: FakePeerTube = {
    requests: [],
    videos: opts.videos ?? [],
    async fetch(input, init) {
      const url = new URL(input);
      fake.requests.push({ url: url.pathname, headers: { ...(init?.headers as Record<string, string>) } });
      if (!peertube) return new Response('<html>not PeerTube</html>', { status: 404 });
      if (url.pathname === '/api/v1/config') {
        return json({
          instance: { name: 'Fake PeerTube' },
          plugin: { registered: livechat ? [{ npmName: 'peertube-plugin-livechat', name: 'livechat', version: '14.0.4' }] : [] },
        });
      }
      const video = /^\/api\/v1\/videos\/([^/]+)$/.exec(url.pathname);
      if (video) {
        const v = fake.videos.find((x) => x.uuid === video[1] || x.shortUUID === video[1]);
        return v ? json({ uuid: v.uuid, shortUUID: v.shortUUID, name: v.name }) : json({ error: 'not found' }, 404);
      }
      const room = /^\/plugins\/livechat\/router\/api\/configuration\/room\/([^/]+)$/.exec(url.pathname);
      if (room && livechat) {
        const v = fake.videos.find((x) => x.uuid === room[1]);
        if (!v) return json({ error: 'no video' }, 404);
        if (typeof v.chat === 'number') return json({ error: 'no chat' }, v.chat);
        return json({
          room: v.chat.room,
          localWebsocketServiceUrl: '/plugins/livechat/ws/xmpp-websocket',
          localBoshServiceUrl: '/plugins/livechat/router/http-bind',
          localAnonymousJID: 'anon.example.org',
          isRemoteChat: false,
          peertubeVideoUUID: v.uuid,
        });
      }
      return json({ error: 'not found' }, 404);
    },
  };
  return fake;
}

export const VIDEO_A: FakeVideo = {
  uuid: '8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b',
  shortUUID: 'hR7kQfVb3m2Z9xYwTt4Lp1',
  name: 'Morning stream',
  chat: { room: '8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b@room.peertube.test' },
};
export const VIDEO_B: FakeVideo = {
  uuid: 'f0e1d2c3-b4a5-4968-8776-655443322110',
  shortUUID: 'aB3cD4eF5gH6jK7mN8pQ9r',
  name: 'Evening stream',
  chat: { room: 'f0e1d2c3-b4a5-4968-8776-655443322110@room.peertube.test' },
};
export const VIDEO_NO_CHAT: FakeVideo = {
  uuid: '11111111-2222-4333-8444-555555555555',
  shortUUID: 'zX2cV3bN4mK5jH6gF7dS8a',
  name: 'No chat here',
  chat: 404,
};
