// What a login costs in round trips, against real Prosody: session
// establishment, dropped from XMPP (RFC 6121) and offered by Prosody only as
// <optional/>, is not asked for; the connection is online all the same.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { XmppConnection } from '../../../src/background/xmpp/connection';
import { passwordOf, startTestBackend, type TestBackend } from '../../helpers/backend';
import './harness'; // the browser-like WebSocket global

vi.mock('strophe.js', () => import('./strophe-browser'));

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

test('an optional session is not established: one round trip fewer before joining', async () => {
  const sent: string[] = [];
  const received: string[] = [];
  const Socket = globalThis.WebSocket as unknown as { prototype: { send(data: string): void; emit?: unknown } };
  const send = Socket.prototype.send;
  Socket.prototype.send = function (this: WebSocket, data: string) {
    sent.push(String(data));
    if (!(this as unknown as { __heard?: boolean }).__heard) {
      (this as unknown as { __heard?: boolean }).__heard = true;
      this.addEventListener('message', (e) => received.push(String(e.data)));
    }
    return send.call(this, data);
  };
  const connection = new XmppConnection({
    endpoints: async () => [backend.wsUrl],
    credentials: async () => ({ jid: `alice@${backend.domain}`, password: passwordOf('alice') }),
    retryDelay: () => 60_000,
    now: Date.now,
    log: () => {},
    onState: () => {},
    onOnline: () => {},
    onStanza: () => {},
  });
  try {
    connection.start();
    await vi.waitFor(() => expect(connection.status).toBe('online'), { timeout: 10_000 });
    // the server offered it, as optional
    expect(received.some((frame) => /<session[^>]*urn:ietf:params:xml:ns:xmpp-session[^>]*>\s*<optional\/>/.test(frame))).toBe(true);
    expect(sent.some((frame) => frame.includes('urn:ietf:params:xml:ns:xmpp-session'))).toBe(false);
    expect(sent.some((frame) => frame.includes('urn:ietf:params:xml:ns:xmpp-bind'))).toBe(true);
  } finally {
    connection.stop();
    Socket.prototype.send = send;
  }
});
