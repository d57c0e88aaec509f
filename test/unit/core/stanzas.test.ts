import { describe, expect, test } from 'vitest';
import { parseItem } from '../../../src/core/codec';
import {
  discoInfoIq,
  itemsIq,
  joinPresence,
  leavePresence,
  parseDiscoFeatures,
  parseError,
  parseEvent,
  parseItemsResult,
  parseMucPresence,
  parsePublishResult,
  pingIq,
  publishIq,
  retractIq,
  subscribeIq,
  unsubscribeIq,
} from '../../../src/core/stanzas';
import { NS, type Item } from '../../../src/core/types';
import { firstChild } from '../../../src/core/xml';
import { parseXml } from './helpers';

const ROOM = '8a4c@room.example.org';
const EV = NS.pubsubEvent;
/** Follows a path of local names from the root, checking each exists. */
const at = (el: Element, ...path: string[]) =>
  path.reduce((e, name) => {
    const c = firstChild(e, name);
    if (!c) throw new Error(`no <${name}> under <${e.localName}>`);
    return c;
  }, el);

describe('request builders', () => {
  test('subscribe and unsubscribe', () => {
    const iq = parseXml(subscribeIq(ROOM, 'alice@example.org', 's1'));
    expect(iq.namespaceURI).toBe('jabber:client');
    expect([iq.getAttribute('type'), iq.getAttribute('to'), iq.getAttribute('id')]).toEqual(['set', ROOM, 's1']);
    const sub = at(iq, 'pubsub', 'subscribe');
    expect(sub.namespaceURI).toBe(NS.pubsub);
    expect([sub.getAttribute('node'), sub.getAttribute('jid')]).toEqual(['livechat-tasks', 'alice@example.org']);
    expect(at(parseXml(unsubscribeIq(ROOM, 'alice@example.org', 'u1')), 'pubsub', 'unsubscribe').getAttribute('jid')).toBe(
      'alice@example.org',
    );
  });

  test('items retrieval', () => {
    expect(itemsIq(ROOM, 'i1')).toBe(
      `<iq xmlns="jabber:client" type="get" to="${ROOM}" id="i1"><pubsub xmlns="${NS.pubsub}"><items node="livechat-tasks"/></pubsub></iq>`,
    );
  });

  const list: Item = { kind: 'tasklist', id: '', name: 'New & "shiny"', unknown: { attrs: {}, children: [] } };

  test('publish of a new item has no item id; of an existing one has it', () => {
    const create = at(parseXml(publishIq(ROOM, list, 'p1')), 'pubsub', 'publish', 'item');
    expect(create.hasAttribute('id')).toBe(false);
    const update = at(parseXml(publishIq(ROOM, { ...list, id: 'L1' }, 'p2')), 'pubsub', 'publish', 'item');
    expect(update.getAttribute('id')).toBe('L1');
    expect(at(parseXml(publishIq(ROOM, list, 'p1')), 'pubsub', 'publish').getAttribute('node')).toBe('livechat-tasks');
  });

  test('a published item reads back as the same item (as the server will notify it)', () => {
    const task: Item = {
      kind: 'task',
      id: 'T1',
      list: 'L1',
      name: '<b>hi</b>',
      description: 'a\nb',
      order: 7,
      done: true,
      unknown: { attrs: { prio: '1' }, children: ['<due>x</due>'] },
    };
    const item = at(parseXml(publishIq(ROOM, task, 'p3')), 'pubsub', 'publish', 'item');
    expect(parseItem(item)).toEqual({ ok: true, item: task });
  });

  test('retract notifies the other subscribers', () => {
    const retract = at(parseXml(retractIq(ROOM, 'T1', 'r1')), 'pubsub', 'retract');
    expect([retract.getAttribute('node'), retract.getAttribute('notify')]).toEqual(['livechat-tasks', '1']);
    expect(at(retract, 'item').getAttribute('id')).toBe('T1');
  });

  test('disco#info and ping', () => {
    const disco = parseXml(discoInfoIq(ROOM, 'd1'));
    expect([disco.getAttribute('type'), at(disco, 'query').namespaceURI]).toEqual(['get', NS.discoInfo]);
    const ping = parseXml(pingIq('example.org', 'k1'));
    expect([ping.getAttribute('to'), at(ping, 'ping').namespaceURI]).toEqual(['example.org', NS.ping]);
  });

  test('join without history, and leave', () => {
    const join = parseXml(joinPresence(ROOM, 'Alice'));
    expect(join.getAttribute('to')).toBe(`${ROOM}/Alice`);
    expect(join.hasAttribute('type')).toBe(false);
    const x = at(join, 'x');
    expect(x.namespaceURI).toBe(NS.muc);
    expect(at(x, 'history').getAttribute('maxstanzas')).toBe('0');
    const leave = parseXml(leavePresence(ROOM, 'Alice'));
    expect([leave.getAttribute('type'), leave.getAttribute('to')]).toEqual(['unavailable', `${ROOM}/Alice`]);
  });

  test('hostile nicknames and ids stay attribute values', () => {
    const nick = `A"lice' <x> & 👩 مريم`;
    expect(parseXml(joinPresence(ROOM, nick)).getAttribute('to')).toBe(`${ROOM}/${nick}`);
    const id = `"><evil/>`;
    const iq = parseXml(retractIq(ROOM, id, id));
    expect(iq.getAttribute('id')).toBe(id);
    expect(at(iq, 'pubsub', 'retract', 'item').getAttribute('id')).toBe(id);
  });
});

describe('parseEvent', () => {
  const message = (body: string, attrs = `from="${ROOM}" type="headline"`) =>
    parseXml(`<message xmlns="jabber:client" ${attrs} to="alice@example.org"><event xmlns="${EV}">${body}</event></message>`);

  test('new or changed items', () => {
    const events = parseEvent(
      message(
        `<items node="livechat-tasks"><item id="a" publisher="bob@example.org"><tasklist xmlns="${NS.tasklist}"><name>A</name></tasklist></item></items>`,
      ),
    );
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({ type: 'items', room: ROOM });
    if (e?.type === 'items') expect(parseItem(e.items[0]!)).toMatchObject({ ok: true, item: { id: 'a', name: 'A' } });
  });

  test('retractions, purge and delete', () => {
    expect(parseEvent(message(`<items node="livechat-tasks"><retract id="a"/><retract id="b"/></items>`))).toEqual([
      { type: 'retract', room: ROOM, ids: ['a', 'b'] },
    ]);
    expect(parseEvent(message(`<purge node="livechat-tasks"/>`))).toEqual([{ type: 'purge', room: ROOM }]);
    expect(parseEvent(message(`<delete node="livechat-tasks"/>`))).toEqual([{ type: 'delete', room: ROOM }]);
  });

  test('items and retractions keep their order', () => {
    const events = parseEvent(
      message(
        `<items node="livechat-tasks"><item id="a"/><retract id="a"/><retract id="b"/><item id="c"/><item id="d"/><retract/></items>`,
      ),
    );
    expect(
      events.map((e) =>
        e.type === 'items' ? ['items', e.items.map((i) => i.getAttribute('id'))] : e.type === 'retract' ? ['retract', e.ids] : [e.type],
      ),
    ).toEqual([
      ['items', ['a']],
      ['retract', ['a', 'b']],
      ['items', ['c', 'd']],
    ]);
  });

  test('other nodes (moderator notes) and other payloads are ignored', () => {
    expect(parseEvent(message(`<items node="livechat-notes"><item id="n"/></items>`))).toEqual([]);
    expect(parseEvent(parseXml(`<message xmlns="jabber:client" from="${ROOM}" type="headline"><body>hi</body></message>`))).toEqual([]);
    expect(parseEvent(message(`<items xmlns="urn:fake" node="livechat-tasks"><item id="x"/></items>`))).toEqual([]);
  });

  test('an event not from the room itself is refused (a forged private message from an occupant)', () => {
    const body = `<items node="livechat-tasks"><retract id="a"/></items>`;
    expect(parseEvent(message(body, `from="${ROOM}/mallory" type="chat"`))).toEqual([]);
    expect(parseEvent(message(body, `from="${ROOM}/mallory" type="headline"`))).toEqual([]);
    expect(parseEvent(message(body, `from="${ROOM}" type="groupchat"`))).toEqual([]);
    expect(parseEvent(message(body, `type="headline"`))).toEqual([]);
    expect(parseEvent(message(body, `from="${ROOM}"`))).toHaveLength(1); // type normal is fine
  });
});

describe('iq results and errors', () => {
  test('items result', () => {
    const iq = parseXml(
      `<iq xmlns="jabber:client" type="result" from="${ROOM}" id="i1"><pubsub xmlns="${NS.pubsub}"><items node="livechat-tasks">` +
        `<item id="a"><tasklist xmlns="${NS.tasklist}"><name>A</name></tasklist></item><item id="b"/></items></pubsub></iq>`,
    );
    const r = parseItemsResult(iq);
    expect('items' in r && r.items.map((i) => i.getAttribute('id'))).toEqual(['a', 'b']);
  });

  test('an empty result and item-not-found are an empty node', () => {
    expect(parseItemsResult(parseXml(`<iq xmlns="jabber:client" type="result" id="i1"/>`))).toEqual({ items: [] });
    const notFound = parseXml(
      `<iq xmlns="jabber:client" type="error" id="i1"><error type="cancel"><item-not-found xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/></error></iq>`,
    );
    expect(parseItemsResult(notFound)).toEqual({ items: [] });
  });

  test('forbidden is an error', () => {
    const iq = parseXml(
      `<iq xmlns="jabber:client" type="error" id="i1"><error type="auth"><forbidden xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/></error></iq>`,
    );
    expect(parseItemsResult(iq)).toEqual({ error: { type: 'auth', condition: 'forbidden' } });
  });

  test('publish result gives the generated id; none for an update result without payload', () => {
    const created = parseXml(
      `<iq xmlns="jabber:client" type="result" id="p1"><pubsub xmlns="${NS.pubsub}"><publish node="livechat-tasks"><item id="5f0c-uuid"/></publish></pubsub></iq>`,
    );
    expect(parsePublishResult(created)).toBe('5f0c-uuid');
    expect(parsePublishResult(parseXml(`<iq xmlns="jabber:client" type="result" id="p1"/>`))).toBeUndefined();
    expect(parsePublishResult(parseXml(`<iq xmlns="jabber:client" type="error" id="p1"><error type="auth"/></iq>`))).toBeUndefined();
  });

  test('parseError reads condition, pubsub condition and text', () => {
    const iq = parseXml(
      `<iq xmlns="jabber:client" type="error" id="x"><error type="modify"><bad-request xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/>` +
        `<nodeid-required xmlns="${NS.pubsubErrors}"/><text xmlns="urn:ietf:params:xml:ns:xmpp-stanzas">invalid &lt;item&gt;</text></error></iq>`,
    );
    expect(parseError(iq)).toEqual({
      type: 'modify',
      condition: 'bad-request',
      pubsubCondition: 'nodeid-required',
      text: 'invalid <item>',
    });
  });

  test('parseError: not an error, and an error without details', () => {
    expect(parseError(parseXml(`<iq xmlns="jabber:client" type="result"/>`))).toBeUndefined();
    expect(parseError(parseXml(`<iq xmlns="jabber:client" type="error"/>`))).toEqual({ type: '', condition: 'undefined-condition' });
  });

  test('disco features', () => {
    const iq = parseXml(
      `<iq xmlns="jabber:client" type="result"><query xmlns="${NS.discoInfo}"><identity category="conference" type="text" name="Video"/>` +
        `<feature var="http://jabber.org/protocol/muc"/><feature var="${NS.tasklist}"/><feature var="${NS.task}"/><feature/></query></iq>`,
    );
    expect(parseDiscoFeatures(iq)).toEqual(['http://jabber.org/protocol/muc', NS.tasklist, NS.task]);
    expect(parseDiscoFeatures(parseXml(`<iq xmlns="jabber:client" type="error"/>`))).toEqual([]);
  });
});

describe('parseMucPresence', () => {
  const presence = (from: string, x: string, type = '') =>
    parseXml(`<presence xmlns="jabber:client" from="${from}"${type ? ` type="${type}"` : ''}><x xmlns="${NS.mucUser}">${x}</x></presence>`);

  test('our own presence as owner', () => {
    const p = parseMucPresence(
      presence(`${ROOM}/Alice`, `<item affiliation="owner" role="moderator"/><status code="110"/><status code="100"/>`),
    );
    expect(p).toEqual({
      room: ROOM,
      nick: 'Alice',
      self: true,
      affiliation: 'owner',
      role: 'moderator',
      unavailable: false,
      destroyed: false,
      statuses: ['110', '100'],
    });
  });

  test('someone else, and a nickname with a slash', () => {
    expect(parseMucPresence(presence(`${ROOM}/Bob/2`, `<item affiliation="none" role="participant"/>`))).toMatchObject({
      nick: 'Bob/2',
      self: false,
      affiliation: 'none',
      role: 'participant',
    });
  });

  test('we were kicked, or the room was destroyed', () => {
    const kicked = parseMucPresence(
      presence(`${ROOM}/Alice`, `<item affiliation="none" role="none"/><status code="110"/><status code="307"/>`, 'unavailable'),
    );
    expect(kicked).toMatchObject({ self: true, unavailable: true, destroyed: false, statuses: ['110', '307'] });
    const destroyed = parseMucPresence(
      presence(`${ROOM}/Alice`, `<item affiliation="none" role="none"/><destroy/><status code="110"/>`, 'unavailable'),
    );
    expect(destroyed).toMatchObject({ unavailable: true, destroyed: true });
  });

  test('a refused join', () => {
    const p = parseMucPresence(
      parseXml(
        `<presence xmlns="jabber:client" from="${ROOM}/Alice" type="error"><error type="cancel"><item-not-found xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/></error></presence>`,
      ),
    );
    expect(p).toMatchObject({ room: ROOM, nick: 'Alice', unavailable: true, error: { type: 'cancel', condition: 'item-not-found' } });
  });

  test('not a MUC presence', () => {
    expect(parseMucPresence(parseXml(`<presence xmlns="jabber:client" from="bob@example.org/phone"/>`))).toBeUndefined();
    expect(
      parseMucPresence(parseXml(`<presence xmlns="jabber:client" from="${ROOM}"><x xmlns="${NS.mucUser}"/></presence>`)),
    ).toBeUndefined();
    expect(parseMucPresence(parseXml(`<message xmlns="jabber:client" from="${ROOM}/a"/>`))).toBeUndefined();
  });

  test('missing item: affiliation and role none', () => {
    expect(parseMucPresence(presence(`${ROOM}/A`, ''))).toMatchObject({ affiliation: 'none', role: 'none', statuses: [] });
  });
});
