// The stanzas we send (as XML strings the background parses and sends) and
// the parsers for what the server sends back, for one pubsub node of one room
// (docs/protocol.md §1–5): livechat-tasks unless another node is named.
// Parsers never throw on hostile input: they return what they can read and
// ignore the rest.

import { serializeItem } from './codec';
import { NS, TASKS_NODE, type Item } from './types';
import { childElements, escapeAttr, firstChild, text } from './xml';

const NS_STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';

export interface StanzaError {
  /** cancel, auth, modify, wait, continue ('' when missing) */
  type: string;
  /** the RFC 6120 condition, e.g. forbidden, item-not-found ('undefined-condition' when missing) */
  condition: string;
  /** the XEP-0060 condition, e.g. not-subscribed, nodeid-required */
  pubsubCondition?: string;
  text?: string;
}

export type PubsubEvent =
  | { type: 'items'; room: string; items: Element[] }
  | { type: 'retract'; room: string; ids: string[] }
  | { type: 'purge'; room: string }
  | { type: 'delete'; room: string };

export interface MucPresence {
  /** room bare JID */
  room: string;
  nick: string;
  /** our own presence (status 110) */
  self: boolean;
  affiliation: string;
  role: string;
  unavailable: boolean;
  /** the room was destroyed (<destroy/> in an unavailable presence) */
  destroyed: boolean;
  /** MUC status codes (110 self, 201 created, 307 kicked, 301 banned, 321/322 removed, 332 shutdown…) */
  statuses: string[];
  /** a join refused (presence type="error") */
  error?: StanzaError;
  /** the occupant's real JID as the room gives it (<item jid>): only to moderators, or in a non-anonymous room */
  jid?: string;
  /** XEP-0421 occupant-id stamped by the room (the server removes forged copies) */
  occupantId?: string;
}

const attrs = (a: Record<string, string | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v!)}"`)
    .join('');

const iq = (type: 'get' | 'set', to: string, id: string, body: string) =>
  `<iq xmlns="jabber:client"${attrs({ type, to, id })}>${body}</iq>`;

const pubsub = (body: string) => `<pubsub xmlns="${NS.pubsub}">${body}</pubsub>`;

export const subscribeIq = (room: string, jid: string, id: string, node = TASKS_NODE): string =>
  iq('set', room, id, pubsub(`<subscribe${attrs({ node, jid })}/>`));

export const unsubscribeIq = (room: string, jid: string, id: string, node = TASKS_NODE): string =>
  iq('set', room, id, pubsub(`<unsubscribe${attrs({ node, jid })}/>`));

export const itemsIq = (room: string, id: string, node = TASKS_NODE): string => iq('get', room, id, pubsub(`<items${attrs({ node })}/>`));

/** Publishes `item` on livechat-tasks; without an id (id '') the server creates the item and names it. */
export const publishIq = (room: string, item: Item, id: string): string =>
  publishPayloadIq(room, TASKS_NODE, item.id, serializeItem(item), id);

/** Publishes one payload element (serialized) on `node`, as item `itemId` ('' lets the server name it). */
export const publishPayloadIq = (room: string, node: string, itemId: string, payload: string, id: string): string =>
  iq('set', room, id, pubsub(`<publish${attrs({ node })}><item${attrs({ id: itemId || undefined })}>${payload}</item></publish>`));

/** notify="1": without it the server tells no other subscriber. */
export const retractIq = (room: string, itemId: string, id: string, node = TASKS_NODE): string =>
  iq('set', room, id, pubsub(`<retract${attrs({ node })} notify="1"><item${attrs({ id: itemId })}/></retract>`));

export const discoInfoIq = (room: string, id: string): string => iq('get', room, id, `<query xmlns="${NS.discoInfo}"/>`);

export const pingIq = (to: string, id: string): string => iq('get', to, id, `<ping xmlns="${NS.ping}"/>`);

/** Joins without history: we only need the presence (our affiliation), not the chat. */
export const joinPresence = (roomJid: string, nick: string): string =>
  `<presence xmlns="jabber:client"${attrs({ to: `${roomJid}/${nick}` })}><x xmlns="${NS.muc}"><history maxstanzas="0"/></x></presence>`;

export const leavePresence = (roomJid: string, nick: string): string =>
  `<presence xmlns="jabber:client"${attrs({ to: `${roomJid}/${nick}`, type: 'unavailable' })}/>`;

const bare = (jid: string) => jid.split('/')[0]!;

/**
 * The notifications of `node` in a message. Only from the room itself
 * (a bare JID, headline or normal): the official client also accepts them
 * from a full JID, which lets any occupant forge task changes in a private
 * message; we do not.
 */
export function parseEvent(message: Element, node = TASKS_NODE): PubsubEvent[] {
  const from = message.getAttribute('from') ?? '';
  const type = message.getAttribute('type') ?? 'normal';
  if (message.localName !== 'message' || !from || from.includes('/')) return [];
  if (type !== 'headline' && type !== 'normal') return [];
  const room = from;
  const out: PubsubEvent[] = [];
  for (const event of childElements(message)) {
    if (event.localName !== 'event' || event.namespaceURI !== NS.pubsubEvent) continue;
    for (const el of childElements(event)) {
      if (el.getAttribute('node') !== node || el.namespaceURI !== NS.pubsubEvent) continue;
      if (el.localName === 'purge') out.push({ type: 'purge', room });
      else if (el.localName === 'delete') out.push({ type: 'delete', room });
      else if (el.localName === 'items') out.push(...itemsEvents(room, el));
    }
  }
  return out;
}

/** Items and retractions in document order, consecutive ones grouped. */
function itemsEvents(room: string, items: Element): PubsubEvent[] {
  const out: PubsubEvent[] = [];
  for (const el of childElements(items)) {
    if (el.namespaceURI !== NS.pubsubEvent) continue;
    const last = out[out.length - 1];
    if (el.localName === 'item') {
      if (last?.type === 'items') last.items.push(el);
      else out.push({ type: 'items', room, items: [el] });
    } else if (el.localName === 'retract') {
      const id = el.getAttribute('id');
      if (!id) continue;
      if (last?.type === 'retract') last.ids.push(id);
      else out.push({ type: 'retract', room, ids: [id] });
    }
  }
  return out;
}

/** The <item>s of an items result for `node`; an item-not-found error is an empty node (docs/protocol.md §4). */
export function parseItemsResult(iq: Element, node = TASKS_NODE): { items: Element[] } | { error: StanzaError } {
  const error = parseError(iq);
  if (error) return error.condition === 'item-not-found' ? { items: [] } : { error };
  if (iq.getAttribute('type') !== 'result') return { error: malformed('not an iq result') };
  const ps = firstChild(iq, 'pubsub', NS.pubsub);
  const items = ps && childElements(ps).find((c) => c.localName === 'items' && c.getAttribute('node') === node);
  if (!items) return ps ? { error: malformed(`no items for ${node}`) } : { items: [] };
  return { items: childElements(items).filter((c) => c.localName === 'item' && c.namespaceURI === NS.pubsub) };
}

const malformed = (why: string): StanzaError => ({ type: 'cancel', condition: 'undefined-condition', text: why });

/** The id the server gave a created item (undefined if the result has none, e.g. an update). */
export function parsePublishResult(iq: Element): string | undefined {
  if (iq.getAttribute('type') !== 'result') return undefined;
  const publish = firstChild(firstChild(iq, 'pubsub', NS.pubsub) ?? iq, 'publish', NS.pubsub);
  const item = publish && firstChild(publish, 'item', NS.pubsub);
  return item?.getAttribute('id') || undefined;
}

/** The error of an error stanza (iq, presence or message), undefined if it is not one. */
export function parseError(stanza: Element): StanzaError | undefined {
  if (stanza.getAttribute('type') !== 'error') return undefined;
  const error = firstChild(stanza, 'error');
  if (!error) return { type: '', condition: 'undefined-condition' };
  const out: StanzaError = { type: error.getAttribute('type') ?? '', condition: 'undefined-condition' };
  for (const c of childElements(error)) {
    if (c.namespaceURI === NS_STANZAS) {
      if (c.localName === 'text') out.text = text(c);
      else if (out.condition === 'undefined-condition' && c.localName) out.condition = c.localName;
    } else if (c.namespaceURI === NS.pubsubErrors && c.localName) {
      out.pubsubCondition = c.localName;
    }
  }
  return out;
}

/** The features (var) of a disco#info result. */
export function parseDiscoFeatures(iq: Element): string[] {
  if (iq.getAttribute('type') !== 'result') return [];
  const query = firstChild(iq, 'query', NS.discoInfo);
  if (!query) return [];
  return childElements(query)
    .filter((c) => c.localName === 'feature' && c.namespaceURI === NS.discoInfo)
    .map((c) => c.getAttribute('var') ?? '')
    .filter(Boolean);
}

/** A presence from a MUC room occupant, undefined if it is not one. */
export function parseMucPresence(presence: Element): MucPresence | undefined {
  const from = presence.getAttribute('from') ?? '';
  const slash = from.indexOf('/');
  if (presence.localName !== 'presence' || slash <= 0) return undefined;
  const type = presence.getAttribute('type');
  const base = { room: bare(from), nick: from.slice(slash + 1) };
  if (type === 'error') {
    return {
      ...base,
      self: false,
      affiliation: 'none',
      role: 'none',
      unavailable: true,
      destroyed: false,
      statuses: [],
      error: parseError(presence),
    };
  }
  const x = firstChild(presence, 'x', NS.mucUser);
  if (!x) return undefined;
  const item = firstChild(x, 'item', NS.mucUser);
  const statuses = childElements(x)
    .filter((c) => c.localName === 'status' && c.namespaceURI === NS.mucUser)
    .map((c) => c.getAttribute('code') ?? '')
    .filter(Boolean);
  const unavailable = type === 'unavailable';
  const parsed: MucPresence = {
    ...base,
    self: statuses.includes('110'),
    affiliation: item?.getAttribute('affiliation') || 'none',
    role: item?.getAttribute('role') || 'none',
    unavailable,
    destroyed: unavailable && !!firstChild(x, 'destroy', NS.mucUser),
    statuses,
  };
  const jid = item?.getAttribute('jid');
  if (jid) parsed.jid = jid;
  const occupantId = firstChild(presence, 'occupant-id', NS.occupantId)?.getAttribute('id');
  if (occupantId) parsed.occupantId = occupantId;
  return parsed;
}
