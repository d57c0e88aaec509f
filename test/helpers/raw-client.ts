// An XMPP client for tests that shares no code with the extension: XMPP over WebSocket
// (RFC 7395) with the `ws` package, SASL PLAIN (the test server allows it on loopback)
// and hand-written stanzas, so that a test of the server cannot pass because our own
// protocol code has the same bug as the module.
import { DOMParser } from '@xmldom/xmldom';
import WebSocket from 'ws';

const NS_FRAMING = 'urn:ietf:params:xml:ns:xmpp-framing';
const NS_SASL = 'urn:ietf:params:xml:ns:xmpp-sasl';
const NS_BIND = 'urn:ietf:params:xml:ns:xmpp-bind';
const NS_STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';
export const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
export const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
export const NS_PUBSUB_ERRORS = 'http://jabber.org/protocol/pubsub#errors';
export const NS_MUC = 'http://jabber.org/protocol/muc';
export const NS_MUC_USER = 'http://jabber.org/protocol/muc#user';
export const NS_MUC_ADMIN = 'http://jabber.org/protocol/muc#admin';
export const NS_MUC_OWNER = 'http://jabber.org/protocol/muc#owner';
export const NS_OCCUPANT_ID = 'urn:xmpp:occupant-id:0';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Escapes text for use in XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function children(element: Element, name?: string, ns?: string): Element[] {
  const result: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (name && child.localName !== name) continue;
    if (ns && child.namespaceURI !== ns) continue;
    result.push(child);
  }
  return result;
}

export function child(element: Element | undefined, name: string, ns?: string): Element | undefined {
  return element ? children(element, name, ns)[0] : undefined;
}

/** The error of an iq/message, as "type/condition" (e.g. "auth/forbidden"), or undefined. */
export function errorOf(stanza: Element): { type: string; condition: string; text?: string; pubsub?: string } | undefined {
  if (stanza.getAttribute('type') !== 'error') return undefined;
  const error = child(stanza, 'error');
  if (!error) return { type: '', condition: '' };
  const condition = children(error).find((e) => e.namespaceURI === NS_STANZAS && e.localName !== 'text');
  const text = child(error, 'text', NS_STANZAS)?.textContent ?? undefined;
  const pubsub = children(error).find((e) => e.namespaceURI === NS_PUBSUB_ERRORS)?.localName;
  return { type: error.getAttribute('type') ?? '', condition: condition?.localName ?? '', text, pubsub };
}

export class XmppError extends Error {
  constructor(readonly stanza: Element) {
    const error = errorOf(stanza);
    super(`XMPP error ${error?.type}/${error?.condition}${error?.text ? ` (${error.text})` : ''}`);
  }
}

type Waiter = { match: (stanza: Element) => boolean; resolve: (stanza: Element) => void; reject: (error: Error) => void };

export interface ConnectOptions {
  wsUrl: string;
  username: string;
  password: string;
  domain?: string;
  resource?: string;
}

export class RawXmppClient {
  /** Every stanza received so far (messages, presences, iqs), in order. */
  readonly received: Element[] = [];
  jid = '';
  private waiters: Waiter[] = [];
  // When each stanza's frame arrived, before parsing: lets benchmarks time the server alone.
  private readonly arrivals = new WeakMap<Element, number>();
  private nextId = 0;
  private closed = false;

  private constructor(
    private readonly socket: WebSocket,
    readonly domain: string,
  ) {
    socket.on('message', (data) => this.onFrame(data.toString()));
    // A closed stream fails every pending wait at once, with the reason, instead of at its timeout.
    socket.on('close', (code, reason) => this.fail(new Error(`${this.jid || 'client'}: connection closed (${code} ${reason.toString()})`)));
    socket.on('error', (error) => this.fail(error));
  }

  private fail(error: Error): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  get bareJid(): string {
    return this.jid.split('/')[0]!;
  }

  /** Connects, logs in with PLAIN, binds a resource and sends available presence. */
  static async connect(options: ConnectOptions): Promise<RawXmppClient> {
    const domain = options.domain ?? 'localhost';
    const socket = new WebSocket(options.wsUrl, 'xmpp');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new RawXmppClient(socket, domain);
    try {
      await client.login(options.username, options.password, options.resource ?? `raw-${Math.random().toString(36).slice(2, 8)}`);
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  private async login(username: string, password: string, resource: string): Promise<void> {
    const open = `<open xmlns="${NS_FRAMING}" to="${xmlEscape(this.domain)}" version="1.0"/>`;
    let features = this.waitFor((s) => s.localName === 'features');
    this.send(open);
    await features;
    const outcome = this.waitFor((s) => s.namespaceURI === NS_SASL && (s.localName === 'success' || s.localName === 'failure'));
    const credentials = Buffer.from(`\0${username}\0${password}`, 'utf8').toString('base64');
    this.send(`<auth xmlns="${NS_SASL}" mechanism="PLAIN">${credentials}</auth>`);
    const result = await outcome;
    if (result.localName !== 'success') throw new Error(`Login of ${username} refused: ${children(result)[0]?.localName ?? 'failure'}`);
    features = this.waitFor((s) => s.localName === 'features');
    this.send(open);
    await features;
    const bound = await this.iq('set', undefined, `<bind xmlns="${NS_BIND}"><resource>${xmlEscape(resource)}</resource></bind>`);
    this.jid = child(child(bound, 'bind', NS_BIND), 'jid')?.textContent ?? '';
    this.send('<presence xmlns="jabber:client"/>');
  }

  private onFrame(frame: string): void {
    const arrivedAt = performance.now();
    const document = new DOMParser().parseFromString(frame, 'text/xml');
    const stanza = document.documentElement as unknown as Element | null;
    if (!stanza) return;
    if (stanza.localName === 'iq' && (stanza.getAttribute('type') === 'get' || stanza.getAttribute('type') === 'set')) {
      // Answer server pings and refuse the rest, as a polite client must.
      const isPing = child(stanza, 'ping', 'urn:xmpp:ping') !== undefined;
      const id = xmlEscape(stanza.getAttribute('id') ?? '');
      const to = xmlEscape(stanza.getAttribute('from') ?? this.domain);
      this.send(
        isPing
          ? `<iq xmlns="jabber:client" type="result" id="${id}" to="${to}"/>`
          : `<iq xmlns="jabber:client" type="error" id="${id}" to="${to}"><error type="cancel"><service-unavailable xmlns="${NS_STANZAS}"/></error></iq>`,
      );
      return;
    }
    this.arrivals.set(stanza, arrivedAt);
    this.received.push(stanza);
    const waiter = this.waiters.find((w) => w.match(stanza));
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(stanza);
    }
  }

  /** performance.now() when the frame holding `stanza` arrived (before it was parsed). */
  arrivalTime(stanza: Element): number {
    return this.arrivals.get(stanza) ?? Number.NaN;
  }

  send(xml: string): void {
    if (this.closed) throw new Error('The connection is closed');
    this.socket.send(xml);
  }

  /** Resolves with the first stanza received from now on that matches. */
  waitFor(match: (stanza: Element) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Element> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (stanza) => {
          clearTimeout(timer);
          resolve(stanza);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (this.closed) {
        reject(new Error(`${this.jid || 'client'}: the connection is closed`));
        return;
      }
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`${this.jid || 'client'}: no matching stanza within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Sends an iq and resolves with the reply, result or error (errors are not thrown). */
  async iqRaw(type: 'get' | 'set', to: string | undefined, payload: string): Promise<Element> {
    const id = `q${++this.nextId}`;
    const reply = this.waitFor(
      (s) =>
        s.localName === 'iq' && s.getAttribute('id') === id && (s.getAttribute('type') === 'result' || s.getAttribute('type') === 'error'),
    );
    this.send(`<iq xmlns="jabber:client" type="${type}" id="${id}"${to ? ` to="${xmlEscape(to)}"` : ''}>${payload}</iq>`);
    return reply;
  }

  /** Sends an iq and resolves with the result; an error reply rejects with XmppError. */
  async iq(type: 'get' | 'set', to: string | undefined, payload: string): Promise<Element> {
    const reply = await this.iqRaw(type, to, payload);
    if (reply.getAttribute('type') === 'error') throw new XmppError(reply);
    return reply;
  }

  /**
   * Waits until everything the server sent to this client before now has arrived:
   * a ping to our own server is answered on the same connection after those stanzas.
   * Lets a test check that something was NOT received without sleeping.
   */
  async sync(): Promise<void> {
    await this.iq('get', this.domain, '<ping xmlns="urn:xmpp:ping"/>');
  }

  /** Drops the stanzas kept so far (long benchmarks would otherwise keep every DOM alive). */
  forgetReceived(): void {
    this.received.length = 0;
  }

  /** Messages received so far that carry a pubsub event for `node`. */
  pubsubEvents(from: string, node: string): Element[] {
    return this.received.filter(
      (s) =>
        s.localName === 'message' &&
        s.getAttribute('from') === from &&
        children(child(s, 'event', NS_PUBSUB_EVENT) ?? s).some((e) => e.getAttribute('node') === node),
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.socket.send(`<close xmlns="${NS_FRAMING}"/>`);
    } catch {
      // already gone
    }
    this.socket.close();
  }

  // --- MUC (XEP-0045) ---

  /** Joins (or creates) a room and resolves with the self-presence. */
  async joinRoom(roomJid: string, nick: string): Promise<Element> {
    const occupantJid = `${roomJid}/${nick}`;
    const selfPresence = this.waitFor(
      (s) =>
        s.localName === 'presence' &&
        s.getAttribute('from') === occupantJid &&
        (s.getAttribute('type') === 'error' ||
          children(child(s, 'x', NS_MUC_USER) ?? s, 'status').some((status) => status.getAttribute('code') === '110')),
    );
    this.send(
      `<presence xmlns="jabber:client" to="${xmlEscape(occupantJid)}"><x xmlns="${NS_MUC}"><history maxstanzas="0"/></x></presence>`,
    );
    const presence = await selfPresence;
    if (presence.getAttribute('type') === 'error') throw new XmppError(presence);
    return presence;
  }

  /** The latest presence received so far from `occupantJid` (room/nick), if any. */
  lastPresenceFrom(occupantJid: string): Element | undefined {
    return this.received.findLast((s) => s.localName === 'presence' && s.getAttribute('from') === occupantJid);
  }

  async leaveRoom(roomJid: string, nick: string): Promise<void> {
    const occupantJid = `${roomJid}/${nick}`;
    const gone = this.waitFor(
      (s) => s.localName === 'presence' && s.getAttribute('from') === occupantJid && s.getAttribute('type') === 'unavailable',
    );
    this.send(`<presence xmlns="jabber:client" to="${xmlEscape(occupantJid)}" type="unavailable"/>`);
    await gone;
  }

  async setAffiliation(roomJid: string, jid: string, affiliation: string): Promise<void> {
    await this.iq('set', roomJid, `<query xmlns="${NS_MUC_ADMIN}"><item jid="${xmlEscape(jid)}" affiliation="${affiliation}"/></query>`);
  }

  async setRoomName(roomJid: string, name: string): Promise<void> {
    await this.iq(
      'set',
      roomJid,
      `<query xmlns="${NS_MUC_OWNER}"><x xmlns="jabber:x:data" type="submit">` +
        '<field var="FORM_TYPE"><value>http://jabber.org/protocol/muc#roomconfig</value></field>' +
        `<field var="muc#roomconfig_roomname"><value>${xmlEscape(name)}</value></field></x></query>`,
    );
  }

  async destroyRoom(roomJid: string): Promise<void> {
    await this.iq('set', roomJid, `<query xmlns="${NS_MUC_OWNER}"><destroy/></query>`);
  }

  async discoFeatures(jid: string): Promise<string[]> {
    const reply = await this.iq('get', jid, '<query xmlns="http://jabber.org/protocol/disco#info"/>');
    return children(child(reply, 'query')!, 'feature').map((f) => f.getAttribute('var') ?? '');
  }

  // --- Pubsub (XEP-0060) at a room's JID ---

  subscribe(roomJid: string, node: string, jid = this.bareJid): Promise<Element> {
    return this.iqRaw(
      'set',
      roomJid,
      `<pubsub xmlns="${NS_PUBSUB}"><subscribe node="${xmlEscape(node)}" jid="${xmlEscape(jid)}"/></pubsub>`,
    );
  }

  unsubscribe(roomJid: string, node: string, jid = this.bareJid): Promise<Element> {
    return this.iqRaw(
      'set',
      roomJid,
      `<pubsub xmlns="${NS_PUBSUB}"><unsubscribe node="${xmlEscape(node)}" jid="${xmlEscape(jid)}"/></pubsub>`,
    );
  }

  getItems(roomJid: string, node: string, maxItems?: number): Promise<Element> {
    const max = maxItems === undefined ? '' : ` max_items="${maxItems}"`;
    return this.iqRaw('get', roomJid, `<pubsub xmlns="${NS_PUBSUB}"><items node="${xmlEscape(node)}"${max}/></pubsub>`);
  }

  /** `itemXml` is the whole <item> content (the payload); `id` absent lets the server choose. */
  publish(roomJid: string, node: string, payloadXml: string, id?: string): Promise<Element> {
    const idAttr = id === undefined ? '' : ` id="${xmlEscape(id)}"`;
    return this.iqRaw(
      'set',
      roomJid,
      `<pubsub xmlns="${NS_PUBSUB}"><publish node="${xmlEscape(node)}"><item${idAttr}>${payloadXml}</item></publish></pubsub>`,
    );
  }

  retract(roomJid: string, node: string, id: string, notify?: string): Promise<Element> {
    const notifyAttr = notify === undefined ? '' : ` notify="${xmlEscape(notify)}"`;
    return this.iqRaw(
      'set',
      roomJid,
      `<pubsub xmlns="${NS_PUBSUB}"><retract node="${xmlEscape(node)}"${notifyAttr}><item id="${xmlEscape(id)}"/></retract></pubsub>`,
    );
  }
}

/** The <item> elements of an items result, in document order. */
export function itemsOf(reply: Element): Element[] {
  const items = child(child(reply, 'pubsub', NS_PUBSUB), 'items', NS_PUBSUB);
  return items ? children(items, 'item') : [];
}

/** The XEP-0421 occupant-id the room stamped on a presence or message. */
export function occupantIdOf(stanza: Element): string | undefined {
  return child(stanza, 'occupant-id', NS_OCCUPANT_ID)?.getAttribute('id') ?? undefined;
}

/** The real JID in a MUC presence's <item>, shown only to those allowed to see it. */
export function realJidOf(presence: Element): string | undefined {
  return child(child(presence, 'x', NS_MUC_USER), 'item')?.getAttribute('jid') ?? undefined;
}

/** The id the server gave to a published item. */
export function publishedId(reply: Element): string | undefined {
  return child(child(child(reply, 'pubsub', NS_PUBSUB), 'publish'), 'item')?.getAttribute('id') ?? undefined;
}
