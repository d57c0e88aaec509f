// An XmppConnection as the engine makes one, logged in as alice on the test
// backend at `endpoint`, never retrying on its own (a test says when).
import { XmppConnection, type ConnectionConfig } from '../../../src/background/xmpp/connection';
import { passwordOf, type TestBackend } from '../../helpers/backend';

export function aliceConnection(backend: TestBackend, endpoint: string, onState: ConnectionConfig['onState'] = () => {}): XmppConnection {
  return new XmppConnection({
    endpoints: async () => [endpoint],
    credentials: async () => ({ jid: `alice@${backend.domain}`, password: passwordOf('alice') }),
    retryDelay: () => 60_000,
    now: Date.now,
    log: () => {},
    onState,
    onOnline: () => {},
    onStanza: () => {},
  });
}
