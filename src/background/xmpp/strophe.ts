// The one place strophe is imported: globals first, then strophe, then the
// settings every connection relies on, and how a connection is let go.
import './dom-shim';
import './fetch-xhr';
import { Strophe } from 'strophe.js';
import { NS } from '../../core/types';

// strophe 5 knows no pubsub namespace: without these, xmlns vanishes from requests.
Strophe.addNamespace('PUBSUB', NS.pubsub);
Strophe.addNamespace('PUBSUB_EVENT', NS.pubsubEvent);
Strophe.addNamespace('PING', NS.ping);
Strophe.setLogLevel(Strophe.LogLevel.WARN);

/**
 * strophe looks for a stream error anywhere in each frame it reads: a walk of
 * every element of a 5,000-item fetch (about 20 ms in the worker), and an
 * element of that name deep inside a stanza (a message's payload) would pass
 * for one. A stream error is an element of the stream itself (RFC 6120 §4.9,
 * RFC 7395 §3.3): the frame's element, which strophe reads wrapped in one
 * element of its own. strophe's check runs only when one is there.
 */
const checkStreamError = Strophe.Websocket.prototype._checkStreamError;
const isStreamError = (node: Node) =>
  node.nodeType === 1 && (node as Element).localName === 'error' && (node as Element).namespaceURI === Strophe.NS.STREAM;
Strophe.Websocket.prototype._checkStreamError = function (bodyWrap, status) {
  if (!isStreamError(bodyWrap) && !Array.prototype.some.call(bodyWrap.childNodes, isStreamError)) return false;
  return checkStreamError.call(this, bodyWrap, status);
};

/**
 * Session establishment was dropped from XMPP (RFC 6121); a server that still
 * offers it marks it <optional/> (RFC 3921bis), and Prosody does. strophe
 * asks for it all the same, one more round trip before a room can be joined.
 * An optional one is skipped: strophe decides after the bind's answer, which
 * comes after this.
 */
const onFeaturesAfterSasl = Strophe.Connection.prototype._onStreamFeaturesAfterSASL;
Strophe.Connection.prototype._onStreamFeaturesAfterSASL = function (elem) {
  const result = onFeaturesAfterSasl.call(this, elem);
  const session = Array.prototype.find.call(elem.childNodes, (n: Node) => n.nodeName === 'session') as Element | undefined;
  if (session && Array.prototype.some.call(session.childNodes, (n: Node) => (n as Element).localName === 'optional')) {
    this.do_session = false;
  }
  return result;
};

export { Strophe };

/** A connection left behind (lost, stopped, replaced): it closes without waiting for the server and acts no more. */
export function abandonConnection(conn: InstanceType<typeof Strophe.Connection>): void {
  try {
    // a live session closes its stream politely; a half-open one just drops the socket
    if (conn.connected) conn.disconnect('closing');
    else conn._doDisconnect();
  } catch {
    // the socket may already be gone
  }
  // strophe goes on with a login it had begun: a SASL answer computed
  // asynchronously is sent after the server closed the stream, on a socket
  // strophe has dropped, and throws where no caller can catch it (seen with
  // server restarts). An abandoned connection sends nothing more.
  conn.send = () => {};
  // Nor does it read what still arrives: while disconnecting, strophe reads
  // the first child of each frame, and the server's <open/> answering a
  // stream restart has none (a TypeError on 'nodeName', uncaught; soak seeds
  // 3001, 3002). Its own disconnect timeout then closes the socket. (BOSH
  // has no such handler and is left as it is.)
  const transport = conn._proto as { _onMessage?: (message: MessageEvent) => void };
  if (transport._onMessage) transport._onMessage = () => {};
}

/**
 * Our stanzas are built as text (core/stanzas.ts), and strophe queues DOM
 * elements that it serializes when it writes the socket: handing it our text
 * parsed into a tree, only for it to be written back as the same text, cost
 * every stanza a parse and a serialization (a renumbering move publishes
 * dozens). Instead a stand-in goes through strophe's queue: our start tag
 * alone, parsed (the id and type strophe's iq tracking reads), and
 * strophe's serializer writes the text it stands for. WebSocket only: BOSH
 * copies each queued element into its <body> (importNode), which would copy
 * the stand-in and lose the text, so BOSH is handed the parsed stanza.
 */
const standIns = new WeakMap<Element, string>();
const serialize = Strophe.Builder.serialize;
Strophe.Builder.serialize = (elem) => (elem && !(elem instanceof Strophe.Builder) && standIns.get(elem)) || serialize(elem);

/** What strophe is given to send `xml` as it is (WebSocket), or `xml` parsed (BOSH). */
export function outgoing(xml: string, transport: 'websocket' | 'bosh'): Element {
  if (transport === 'bosh') return parse(xml);
  // Our builders escape '>' in attribute values (core/xml.ts): the first '>' ends the start tag.
  const end = xml.indexOf('>');
  const selfClosed = xml[end - 1] === '/';
  const el = parse(selfClosed ? xml : `${xml.slice(0, end)}/>`);
  standIns.set(el, xml);
  return el;
}

function parse(xml: string): Element {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const el = doc.documentElement;
  if (!el || el.nodeName === 'parsererror') throw new Error(`malformed outgoing stanza: ${xml.slice(0, 80)}`);
  return el;
}
