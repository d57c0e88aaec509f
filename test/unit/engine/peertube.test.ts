// The PeerTube credentials call against a tiny local HTTP server playing the
// livechat plugin's /api/auth (a real HTTP exchange; the plugin itself cannot run here).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AUTH_PATH, fetchPeerTubeCredentials, OIDC_HEADER, peerTubeEndpoints } from '../../../src/background/engine/peertube';
import { CredentialsError } from '../../../src/background/xmpp/errors';

let server: Server;
let origin: string;
let answer: (req: IncomingMessage) => { status: number; body: string };

beforeAll(async () => {
  server = createServer((req, res) => {
    const { status, body } = req.url === AUTH_PATH ? answer(req) : { status: 404, body: '' };
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof CredentialsError) return { ...e.problem, retry: e.retry };
    throw e;
  }
  throw new Error('no error');
};

describe('PeerTube credentials', () => {
  test("the user's token is sent as the page sends it; the answer gives jid, password and nickname", async () => {
    let seen: string | undefined;
    answer = (req) => {
      seen = req.headers.authorization;
      return {
        status: 200,
        body: JSON.stringify({ jid: 'ana@video.example', password: 'p'.repeat(20), nickname: 'Ana', type: 'peertube' }),
      };
    };
    const got = await fetchPeerTubeCredentials(fetch, origin, { kind: 'peertube', tokenType: 'Bearer', accessToken: 'tok' });
    expect(seen).toBe('Bearer tok');
    expect(got).toEqual({ jid: 'ana@video.example', password: 'p'.repeat(20), nickname: 'Ana', type: 'peertube' });
  });

  test('OpenID Connect accounts send their token in the plugin header', async () => {
    let seen: string | string[] | undefined;
    answer = (req) => {
      seen = req.headers[OIDC_HEADER.toLowerCase()];
      return { status: 200, body: JSON.stringify({ jid: 'x@external.video.example', password: 'pw', nickname: '', type: 'oidc' }) };
    };
    const got = await fetchPeerTubeCredentials(fetch, origin, { kind: 'oidc', token: 'oidc-tok' });
    expect(seen).toBe('oidc-tok');
    // no nickname: the JID's local part stands in
    expect(got.nickname).toBe('x');
  });

  test('403 means not logged in, which only the user can fix', async () => {
    answer = () => ({ status: 403, body: '' });
    expect(await problemOf(fetchPeerTubeCredentials(fetch, origin, { kind: 'peertube', tokenType: 'Bearer', accessToken: 'old' }))).toEqual(
      {
        code: 'not-logged-in',
        retry: false,
      },
    );
    expect(await problemOf(fetchPeerTubeCredentials(fetch, origin, null))).toEqual({ code: 'not-logged-in', retry: false });
  });

  test('a server error is retried later; an unreadable answer is not', async () => {
    answer = () => ({ status: 502, body: '' });
    expect(await problemOf(fetchPeerTubeCredentials(fetch, origin, { kind: 'oidc', token: 't' }))).toMatchObject({
      code: 'network',
      retry: true,
    });
    answer = () => ({ status: 200, body: '<html>' });
    expect(await problemOf(fetchPeerTubeCredentials(fetch, origin, { kind: 'oidc', token: 't' }))).toMatchObject({
      code: 'internal',
      retry: false,
    });
  });
});

describe('PeerTube endpoints', () => {
  const config = { room: 'r@room.video.example', peertubeVideoUUID: 'u' };
  test('WebSocket first, then BOSH, relative paths resolved against the instance', () => {
    expect(
      peerTubeEndpoints('https://video.example', {
        ...config,
        localWebsocketServiceUrl: '/plugins/livechat/ws/xmpp-websocket',
        localBoshServiceUrl: '/plugins/livechat/router/http-bind',
      }),
    ).toEqual(['wss://video.example/plugins/livechat/ws/xmpp-websocket', 'https://video.example/plugins/livechat/router/http-bind']);
  });

  test('WebSocket disabled by the admin: BOSH only', () => {
    expect(
      peerTubeEndpoints('http://127.0.0.1:9000', {
        ...config,
        localWebsocketServiceUrl: null,
        localBoshServiceUrl: '/plugins/livechat/router/http-bind',
      }),
    ).toEqual(['http://127.0.0.1:9000/plugins/livechat/router/http-bind']);
  });

  test('absolute URLs are kept, http becomes ws for the WebSocket', () => {
    expect(
      peerTubeEndpoints('https://video.example', {
        ...config,
        localWebsocketServiceUrl: 'http://chat.example/ws',
        localBoshServiceUrl: null,
      }),
    ).toEqual(['ws://chat.example/ws']);
  });
});
