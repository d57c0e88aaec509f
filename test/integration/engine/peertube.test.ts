// The PeerTube account flow: the engine gets XMPP credentials from the
// instance with the user's token and reaches the chat server through the
// endpoints of the room configuration. PeerTube and the livechat plugin cannot
// run here: a tiny local HTTP server plays them, answering
// /plugins/livechat/router/api/auth with real accounts of the backend, and
// relaying everything else (WebSocket, BOSH) to the real Prosody, as the
// plugin's proxy does.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { passwordOf, startTestBackend, type TestBackend } from '../../helpers/backend';
import type { PeerTubeRoomConfig } from '../../../src/messages';
import { makeEngine, moderatedRoom, waitForView } from './harness';
import type { Engine } from '../../../src/background/engine/engine';

vi.mock('strophe.js', () => import('./strophe-browser'));

let backend: TestBackend;
let instance: Server;
let origin: string;
/** what the auth API answers, per call, from the token */
let authCalls: string[] = [];
let staleAnswers = 0;

beforeAll(async () => {
  backend = await startTestBackend();
  instance = createServer((req, res) => {
    if (req.url === '/plugins/livechat/router/api/auth') return answerAuth(req, res);
    // the plugin's proxy to Prosody (BOSH)
    const upstream = request(
      { host: '127.0.0.1', port: backend.port, path: backendPath(req.url!), method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  instance.on('upgrade', (req, socket, head) => {
    if (!req.url!.startsWith('/plugins/livechat/ws/')) return socket.destroy();
    const upstream = connect(backend.port, '127.0.0.1', () => {
      const lines = [
        `${req.method} ${backendPath(req.url!)} HTTP/1.1`,
        ...Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ];
      upstream.write(lines.join('\r\n'));
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    for (const s of [socket, upstream]) s.on('error', () => {});
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  });
  await new Promise<void>((resolve) => instance.listen(0, '127.0.0.1', resolve));
  const address = instance.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  instance?.closeAllConnections();
  await new Promise<void>((resolve) => instance?.close(() => resolve()));
  await backend?.stop();
});

function backendPath(url: string): string {
  if (url.startsWith('/plugins/livechat/ws/xmpp-websocket')) return new URL(backend.wsUrl).pathname;
  if (url.startsWith('/plugins/livechat/router/http-bind')) return new URL(backend.boshUrl).pathname;
  return url;
}

function answerAuth(req: IncomingMessage, res: import('node:http').ServerResponse) {
  const token = req.headers.authorization ?? '';
  authCalls.push(token);
  const user = /^Bearer token-of-(\w+)$/.exec(token)?.[1];
  if (!user) return res.writeHead(403).end();
  // an expired temporary password first, when the test asks for it
  const password = staleAnswers-- > 0 ? 'expired-password' : passwordOf(user);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      jid: `${user}@${backend.domain}`,
      password,
      nickname: `${user[0]!.toUpperCase()}${user.slice(1)} on PeerTube`,
      type: 'peertube',
    }),
  );
}

const config = (room: string, ws: string | null = '/plugins/livechat/ws/xmpp-websocket'): PeerTubeRoomConfig => ({
  room,
  localWebsocketServiceUrl: ws,
  localBoshServiceUrl: '/plugins/livechat/router/http-bind',
  peertubeVideoUUID: 'b1d2c3',
});

/** What the worker does for a watch page: find its room, then join it. */
async function openPage(engine: Engine, p: Parameters<Engine['findPeerTubeRoom']>[0]) {
  const found = await engine.findPeerTubeRoom(p);
  return found.ok ? engine.joinRoom(found.value.room) : found;
}

const page = (room: string, user: string | null, ws?: string | null) => ({
  origin,
  videoUUID: 'b1d2c3',
  title: 'Friday stream',
  url: `${origin}/w/b1d2c3`,
  config: config(room, ws),
  auth: user ? ({ kind: 'peertube', tokenType: 'Bearer', accessToken: `token-of-${user}` } as const) : null,
});

test('a logged-in moderator on a watch page gets the room live, with secrets kept out of local storage', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const t = makeEngine();
  try {
    authCalls = [];
    const ref = { account: `peertube:${origin}`, jid: room.jid };
    // found first: the room can be watched before it is joined (the page's watch and panel start then)
    expect(await t.engine.findPeerTubeRoom(page(room.jid, 'alice'))).toEqual({ ok: true, value: { room: ref } });
    expect(t.engine.view(ref)).toMatchObject({ rights: 'unknown', loaded: false });
    expect(await t.engine.joinRoom(ref)).toEqual({ ok: true, value: { room: ref } });
    expect(authCalls).toEqual(['Bearer token-of-alice']);
    const view = await waitForView(t.engine, ref, (v) => v.status === 'live' && v.loaded);
    expect(view.title).toBe('Friday stream');
    expect(t.engine.recentRooms()).toMatchObject([{ ref, title: 'Friday stream', url: `${origin}/w/b1d2c3` }]);
    expect(t.engine.accounts()).toMatchObject([{ id: ref.account, kind: 'peertube', label: expect.stringContaining('Alice on PeerTube') }]);
    // the same occupant as the in-chat client: the PeerTube nickname
    const occupant = `${room.jid}/Alice on PeerTube`;
    const isOccupant = (s: Element) => s.localName === 'presence' && s.getAttribute('from') === occupant;
    if (!room.owner.received.some(isOccupant)) await room.owner.waitFor(isOccupant);
    expect((await t.engine.edit(ref, { op: 'createList', name: 'From PeerTube' })).ok).toBe(true);

    const local = JSON.stringify([...t.local.data.values()]);
    expect(local).not.toContain('token-of-alice');
    expect(local).not.toContain(passwordOf('alice'));
    expect(JSON.stringify([...t.session.data.values()])).toContain('token-of-alice');
  } finally {
    await t.close();
    room.owner.close();
  }
});

test('WebSocket disabled by the admin, or failing: BOSH', async () => {
  const room = await moderatedRoom(backend, 'carol', ['bob', 'dave']);
  const disabled = makeEngine();
  const broken = makeEngine();
  try {
    const ref = { account: `peertube:${origin}`, jid: room.jid };
    expect(await openPage(disabled.engine, page(room.jid, 'bob', null))).toEqual({ ok: true, value: { room: ref } });
    expect(await openPage(broken.engine, page(room.jid, 'dave', '/plugins/livechat/ws/nothing-here'))).toEqual({
      ok: true,
      value: { room: ref },
    });
    const created = await disabled.engine.edit(ref, { op: 'createList', name: 'Over BOSH' });
    expect(created.ok).toBe(true);
    await waitForView(broken.engine, ref, (v) => Object.values(v.items.lists).some((l) => l.name === 'Over BOSH'));
  } finally {
    await disabled.close();
    await broken.close();
    room.owner.close();
  }
});

test('not logged in: told so, and nothing is tried with stale data', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const t = makeEngine();
  try {
    expect(await openPage(t.engine, page(room.jid, null))).toEqual({ ok: false, error: { code: 'not-logged-in' } });
    // a token the instance no longer accepts (logged out elsewhere): 403
    expect(await openPage(t.engine, page(room.jid, 'nobody!'))).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
  } finally {
    await t.close();
    room.owner.close();
  }
});

test('an expired temporary password is renewed and the session opens', async () => {
  const room = await moderatedRoom(backend, 'carol', ['erin']);
  const t = makeEngine();
  try {
    authCalls = [];
    staleAnswers = 1;
    const ref = { account: `peertube:${origin}`, jid: room.jid };
    expect(await openPage(t.engine, page(room.jid, 'erin'))).toEqual({ ok: true, value: { room: ref } });
    expect(authCalls).toEqual(['Bearer token-of-erin', 'Bearer token-of-erin']);
  } finally {
    staleAnswers = 0;
    await t.close();
    room.owner.close();
  }
});
