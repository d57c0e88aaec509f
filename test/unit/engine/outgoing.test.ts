// Our stanzas are built once, as text (core/stanzas.ts), and go to the
// socket as that text: strophe is handed a stand-in parsed from the start tag
// alone, never the stanza parsed into a tree and serialized again.
import { afterEach, expect, test, vi } from 'vitest';
import '../../../src/background/xmpp/dom-shim';
import { outgoing, Strophe } from '../../../src/background/xmpp/strophe';
import { publishIq } from '../../../src/core/stanzas';
import type { Item } from '../../../src/core/types';

vi.mock('strophe.js', () => import('../../integration/engine/strophe-browser'));

const task: Item = {
  kind: 'task',
  id: 'task-1',
  list: 'list "1" <&>',
  name: 'Check <b>sound</b> & "lights"',
  order: 3,
  done: true,
  unknown: { attrs: { 'xmlns:e': 'urn:e', 'e:flag': 'yes' }, children: ['<e:extra xmlns:e="urn:e" a="1">kept as it was</e:extra>'] },
};

afterEach(() => vi.restoreAllMocks());

/** A strophe connection as if online over WebSocket, its socket a recorder. */
function connectionWritingTo(written: string[]) {
  const conn = new Strophe.Connection('ws://127.0.0.1:1/xmpp-websocket');
  (conn._proto as unknown as { socket: unknown }).socket = { send: (s: string) => written.push(s), readyState: 1 };
  conn.authenticated = true;
  return conn;
}

test('a publish goes to the socket as the text we built; only its start tag is parsed', () => {
  const xml = publishIq('room@muc.example', task, 'pub-1');
  const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');
  const written: string[] = [];
  const conn = connectionWritingTo(written);
  const answered: Element[] = [];
  conn.sendIQ(outgoing(xml, 'websocket'), (r) => answered.push(r));
  expect(written).toEqual([xml]);
  expect(parse.mock.calls.map(([source]) => source)).toEqual([`${xml.slice(0, xml.indexOf('>'))}/>`]);
  // strophe's iq tracking read the id from the stand-in: the answer reaches the caller
  conn._dataRecv(
    new DOMParser().parseFromString(
      '<wrapper><iq xmlns="jabber:client" type="result" id="pub-1" from="room@muc.example"/></wrapper>',
      'text/xml',
    ).documentElement,
  );
  expect(answered.map((r) => r.getAttribute('id'))).toEqual(['pub-1']);
});

test("a self-closed stanza stands in for itself; the serializer is strophe's own for anything else", () => {
  const presence = '<presence xmlns="jabber:client"/>';
  const written: string[] = [];
  connectionWritingTo(written).send(outgoing(presence, 'websocket'));
  expect(written).toEqual([presence]);
  const built = Strophe.xmlElement('message', { to: 'a@b', type: 'chat' })!;
  expect(Strophe.serialize(built)).toBe('<message to="a@b" type="chat"/>');
});

test('BOSH copies what it is given into its <body>: it gets the stanza parsed whole, its item the same bytes', () => {
  const xml = publishIq('room@muc.example', task, 'pub-2');
  const el = outgoing(xml, 'bosh');
  expect(el.firstElementChild?.localName).toBe('pubsub');
  const item = xml.slice(xml.indexOf('<item '), xml.indexOf('<e:extra'));
  expect(Strophe.serialize(el)).toContain(item);
});

test('a malformed start tag is refused before strophe sees it', () => {
  expect(() => outgoing('<iq id="a"b>', 'websocket')).toThrow(/malformed outgoing stanza/);
});
