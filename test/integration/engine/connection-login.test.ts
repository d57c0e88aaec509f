// What a login costs in round trips, against real Prosody: session
// establishment, dropped from XMPP (RFC 6121) and offered by Prosody only as
// <optional/>, is not asked for; the connection is online all the same.
import { expect, test, vi } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { aliceConnection } from './alice-connection';
import './harness'; // the browser-like WebSocket global

vi.mock('strophe.js', () => import('./strophe-browser'));

const backend = backendForFile();

test('an optional session is not established: one round trip fewer before joining', async () => {
  const sent: string[] = [];
  const received: string[] = [];
  const Base = globalThis.WebSocket;
  class RecordedWebSocket extends Base {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.addEventListener('message', (e) => received.push(String(e.data)));
    }
    override send(data: string) {
      sent.push(data);
      super.send(data);
    }
  }
  (globalThis as { WebSocket: unknown }).WebSocket = RecordedWebSocket;
  const connection = aliceConnection(backend, backend.wsUrl);
  try {
    connection.start();
    await vi.waitFor(() => expect(connection.status).toBe('online'), { timeout: 10_000 });
    // the server offered it, as optional
    expect(received.some((frame) => /<session[^>]*urn:ietf:params:xml:ns:xmpp-session[^>]*>\s*<optional\/>/.test(frame))).toBe(true);
    expect(sent.some((frame) => frame.includes('urn:ietf:params:xml:ns:xmpp-session'))).toBe(false);
    expect(sent.some((frame) => frame.includes('urn:ietf:params:xml:ns:xmpp-bind'))).toBe(true);
  } finally {
    connection.stop();
    (globalThis as { WebSocket: unknown }).WebSocket = Base;
  }
});
