// strophe's check for a stream error, as the worker runs it (xmpp/strophe.ts):
// a stream error is the frame's element; one named so inside a stanza is a
// payload like any other, and the frame is not walked for it.
import { expect, test, vi } from 'vitest';
import '../../../src/background/xmpp/dom-shim';
import { Strophe } from '../../../src/background/xmpp/strophe';

vi.mock('strophe.js', () => import('../../integration/engine/strophe-browser'));

/** A connection over WebSocket whose frames we feed; what strophe made of them. */
function connection() {
  const conn = new Strophe.Connection('ws://127.0.0.1:1/xmpp-websocket');
  const seen: string[] = [];
  conn.connected = true;
  conn.authenticated = true;
  conn._changeConnectStatus = (status: number, condition?: string | null) => seen.push(`status ${status} ${condition ?? ''}`.trim());
  conn._dataRecv = (elem: Element) => seen.push(`stanza ${elem.firstElementChild?.nodeName}`);
  const frame = (data: string) => (conn._proto as unknown as { _onMessage(m: { data: string }): void })._onMessage({ data });
  return { seen, frame };
}

test('a stream error, the frame itself, is still an error for strophe', () => {
  const { seen, frame } = connection();
  frame(
    '<stream:error xmlns:stream="http://etherx.jabber.org/streams"><conflict xmlns="urn:ietf:params:xml:ns:xmpp-streams"/></stream:error>',
  );
  expect(seen[0]).toBe(`status ${Strophe.Status.ERROR} conflict`);
  expect(seen.some((s) => s.startsWith('stanza'))).toBe(false);
});

test('an element of that name inside a stanza is no stream error, and a big frame is not walked for one', () => {
  const { seen, frame } = connection();
  frame(
    '<message xmlns="jabber:client" from="room@muc.example"><x xmlns="urn:e"><error xmlns="http://etherx.jabber.org/streams"/></x></message>',
  );
  expect(seen).toEqual(['stanza message']);
  const walk = vi.spyOn(
    Object.getPrototypeOf(Object.getPrototypeOf(new DOMParser().parseFromString('<a/>', 'text/xml').documentElement)),
    'getElementsByTagNameNS',
  );
  frame('<iq xmlns="jabber:client" type="result" id="x"><pubsub xmlns="http://jabber.org/protocol/pubsub"/></iq>');
  expect(walk).not.toHaveBeenCalled();
  expect(seen).toEqual(['stanza message', 'stanza iq']);
});
