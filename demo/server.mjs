// The demo site: a local stand-in for a PeerTube instance with the livechat
// plugin, as far as the extension depends on it (docs/protocol.md §7). Plain Node
// http. `startDemo({ port, backend })` seeds the backend's rooms and serves:
//   /api/v1/config, /api/v1/videos[/<id>], /api/v1/users/me      PeerTube API
//   /, /w/<shortUUID>, /videos/watch/<uuid>                       the single-page app
//   /login?as=NAME&next=URL, /logout                              demo log-in (tokens in localStorage)
//   /plugins/livechat/router/api/auth                             XMPP credentials of the logged-in user
//   /plugins/livechat/router/api/configuration/room/<uuid>        room configuration (404: no chat)
//   /plugins/livechat/ws/xmpp-websocket, …/router/http-bind       XMPP, proxied to the backend
//   /demo/chat/<uuid>/events (SSE), /demo/chat/<uuid>/messages    the page's chat
//   /demo/chat/<uuid>/occupants (SSE)                             its participant list
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USERS, VIDEOS, userByName, videoById } from './catalog.mjs';
import { startChatRelay } from './chat-relay.mjs';
import { authJson, instanceConfig, roomConfigJson, userJson, videoJson } from './peertube-api.mjs';
import { seedRooms } from './seed.mjs';
import { BOSH_PATH, createXmppProxy, isWebSocketPath } from './xmpp-proxy.mjs';

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
const STATIC = {
  '/demo/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/demo/style.css': ['style.css', 'text/css; charset=utf-8'],
  '/demo/dom.js': ['dom.js', 'text/javascript; charset=utf-8'],
  '/demo/participants.js': ['participants.js', 'text/javascript; charset=utf-8'],
  '/demo/participants.css': ['participants.css', 'text/css; charset=utf-8'],
};
const MAX_CHAT_MESSAGE = 2000;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Peertube-Plugin-Livechat-External-Auth-OIDC-Token',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function sendError(res, status) {
  sendJson(res, status, { status, error: status === 404 ? 'Not found' : 'Forbidden' });
}

async function readBody(req, limit) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > limit) throw new Error('body too large');
  }
  return body;
}

/** Serves the page files: read at each request, so that editing them needs no restart. */
function sendStatic(res, file, type) {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
  res.end(readFileSync(join(PUBLIC_DIR, file)));
}

/**
 * Starts the demo site on 127.0.0.1:`port` (0: a free port) in front of a running
 * backend (server/backend.mjs, started with catalog.backendUsers()).
 * Resolves to { port, url, stop() } once the rooms exist and the site answers.
 */
export async function startDemo({ port = 0, backend, log = (line) => process.stderr.write(`[demo] ${line}\n`) }) {
  const seeded = await seedRooms(backend.wsUrl);
  const rooms = VIDEOS.filter((v) => v.chat).map((v) => v.room);
  const chat = startChatRelay({ wsUrl: backend.wsUrl, rooms, initial: seeded, log });
  const proxy = createXmppProxy(backend);
  const tokens = new Map(); // access token -> user name
  const streams = new Set();

  const userOf = (req) => {
    const [type, token] = (req.headers.authorization ?? '').split(' ');
    return type?.toLowerCase() === 'bearer' ? userByName(tokens.get(token)) : undefined;
  };

  function loginPage(res, url) {
    const name = url.searchParams.get('as');
    const next = url.searchParams.get('next') ?? '/';
    // Only same-site paths: the login page must never send anyone elsewhere.
    const target = next.startsWith('/') && !next.startsWith('//') ? next : '/';
    const user = userByName(name);
    if (!user) {
      const links = USERS.map(
        (u) => `<li><a href="/login?as=${u.name}&amp;next=${encodeURIComponent(target)}">${u.nickname}</a> (${u.role})</li>`,
      ).join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><meta charset="utf-8"><title>Log in - PeerTube demo</title><h1>Log in as</h1><ul>${links}</ul>`);
      return;
    }
    const accessToken = randomBytes(20).toString('hex');
    tokens.set(accessToken, user.name);
    // PeerTube's client keeps its OAuth tokens in localStorage under these keys.
    const storage = {
      id: String(userJson(user).id),
      username: user.name,
      token_type: 'Bearer',
      access_token: accessToken,
      refresh_token: randomBytes(20).toString('hex'),
    };
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><meta charset="utf-8"><title>Logging in…</title><script>
for (const [k, v] of Object.entries(${JSON.stringify(storage)})) localStorage.setItem(k, v);
location.replace(${JSON.stringify(target)});
</script>`);
  }

  function chatEvents(req, res, room) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const push = (message) => res.write(`data: ${JSON.stringify(message)}\n\n`);
    for (const message of chat.messages(room)) push(message);
    const stopWatching = chat.watch(room, push);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const stream = { end: () => res.end() };
    streams.add(stream);
    req.on('close', () => {
      clearInterval(keepAlive);
      stopWatching();
      streams.delete(stream);
    });
  }

  async function chatPost(req, res, room) {
    const user = userOf(req);
    if (!user) return sendError(res, 403);
    let text;
    try {
      text = JSON.parse(await readBody(req, MAX_CHAT_MESSAGE * 8)).text;
    } catch {
      return sendJson(res, 400, { error: 'expected {"text": "…"}' });
    }
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_CHAT_MESSAGE)
      return sendJson(res, 400, { error: 'empty or too long' });
    try {
      await chat.send(user.name, room, text);
    } catch (error) {
      return sendJson(res, 503, { error: error.message });
    }
    sendJson(res, 204);
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname;
    const origin = `http://${req.headers.host}`;
    if (req.method === 'OPTIONS' && !path.startsWith(BOSH_PATH)) return sendJson(res, 204);
    if (path === BOSH_PATH) return proxy.bosh(req, res);

    let m;
    if (path === '/api/v1/config') return sendJson(res, 200, instanceConfig());
    if (path === '/api/v1/videos') return sendJson(res, 200, { total: VIDEOS.length, data: VIDEOS.map((v) => videoJson(v, origin)) });
    if ((m = path.match(/^\/api\/v1\/videos\/([^/]+)$/))) {
      const video = videoById(decodeURIComponent(m[1]));
      return video ? sendJson(res, 200, videoJson(video, origin)) : sendError(res, 404);
    }
    if (path === '/api/v1/users/me') {
      const user = userOf(req);
      return user ? sendJson(res, 200, userJson(user)) : sendJson(res, 401, { error: 'Unauthorized' });
    }
    if (path === '/plugins/livechat/router/api/auth') {
      const user = userOf(req);
      return user ? sendJson(res, 200, authJson(user)) : sendError(res, 403);
    }
    if ((m = path.match(/^\/plugins\/livechat\/router\/api\/configuration\/room\/([^/]+)$/))) {
      const video = videoById(decodeURIComponent(m[1]));
      return video?.chat && video.uuid === decodeURIComponent(m[1])
        ? sendJson(res, 200, roomConfigJson(video, origin))
        : sendError(res, 404);
    }
    if ((m = path.match(/^\/demo\/chat\/([^/]+)\/(events|messages|occupants)$/))) {
      const video = videoById(m[1]);
      if (!video?.chat) return sendError(res, 404);
      if (m[2] === 'events') return chatEvents(req, res, video.room);
      if (m[2] === 'occupants') return chat.roster.serve(req, res, video.room, streams);
      if (req.method === 'POST') return chatPost(req, res, video.room);
      return sendError(res, 404);
    }
    if (STATIC[path]) return sendStatic(res, ...STATIC[path]);
    if (path === '/login') return loginPage(res, url);
    if (path.startsWith('/api/') || path.startsWith('/plugins/')) return sendError(res, 404);
    // Every other path is a route of the single-page app, as on PeerTube.
    return sendStatic(res, 'index.html', 'text/html; charset=utf-8');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`${req.method} ${req.url}: ${error.stack}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (isWebSocketPath(new URL(req.url, 'http://127.0.0.1').pathname)) proxy.upgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;

  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    async stop() {
      for (const stream of streams) stream.end();
      proxy.closeAll();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await chat.stop();
    },
  };
}
