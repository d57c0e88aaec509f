// A small raw XMPP client over WebSocket (RFC 7395) for Node: the demo uses
// it to create and seed rooms and to relay the chat; the end-to-end tests use
// it to publish hostile items. It sends XML strings as given, so a test can
// send exactly the bytes it means to, and parses what arrives with xmldom.
import { DOMParser } from '@xmldom/xmldom';
import WebSocket from 'ws';

const FRAMING = 'urn:ietf:params:xml:ns:xmpp-framing';
const SASL = 'urn:ietf:params:xml:ns:xmpp-sasl';
const BIND = 'urn:ietf:params:xml:ns:xmpp-bind';
const IQ_TIMEOUT_MS = 15_000;

/** Escapes text for XML character data and attribute values. */
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}

/** First child element with that local name (any namespace), or null. */
export function child(el, name) {
  for (let n = el?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && n.localName === name) return n;
  }
  return null;
}

export function children(el, name) {
  const out = [];
  for (let n = el?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!name || n.localName === name)) out.push(n);
  }
  return out;
}

export class XmppError extends Error {
  constructor(stanza) {
    const error = child(stanza, 'error');
    const condition = children(error).find((e) => e.localName !== 'text')?.localName ?? 'unknown';
    super(`${error?.getAttribute('type') ?? 'error'}/${condition}: ${stanza.toString().slice(0, 300)}`);
    this.condition = condition;
    this.stanza = stanza;
  }
}

// RFC 7395: stanzas on a WebSocket carry the content namespace themselves.
const withClientNamespace = (xml) => xml.replace(/^<(iq|message|presence)(?![^>]*\sxmlns=)/, '<$1 xmlns="jabber:client"');

let idCounter = 0;
const nextId = () => `c${Date.now().toString(36)}${(idCounter++).toString(36)}`;

/**
 * Connects, logs in with SASL PLAIN (the backend allows it on loopback), binds a resource
 * and sends initial presence. Resolves to a client; rejects on refused login or a dead server.
 */
export async function connectXmpp({ url, username, domain = 'localhost', password, resource = 'raw', presence = true }) {
  const ws = new WebSocket(url, 'xmpp');
  const parser = new DOMParser({ onError: () => {} });
  const listeners = new Set();
  const waiting = new Map();
  let closed = false;
  const closedPromise = new Promise((resolve) => ws.once('close', resolve));
  // Until login completes, elements queue up here (several may arrive in one read).
  let setupQueue = [];
  let setupWaiter;

  ws.on('message', (data) => {
    const el = parser.parseFromString(data.toString(), 'text/xml').documentElement;
    if (!el) return;
    if (setupQueue) {
      setupQueue.push(el);
      setupWaiter?.();
      return;
    }
    if (el.localName === 'iq' && (el.getAttribute('type') === 'result' || el.getAttribute('type') === 'error')) {
      const pending = waiting.get(el.getAttribute('id'));
      if (pending) {
        waiting.delete(el.getAttribute('id'));
        pending(el);
        return;
      }
    }
    for (const listener of listeners) listener(el);
  });
  ws.on('close', () => {
    closed = true;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  });
  ws.on('error', () => {});

  // During stream set-up every element is awaited in order.
  const receive = async () => {
    while (setupQueue.length === 0) {
      if (closed) throw new Error(`XMPP connection to ${url} closed during login`);
      await new Promise((resolve) => {
        setupWaiter = resolve;
        ws.once('close', resolve);
      });
    }
    return setupQueue.shift();
  };
  const open = async () => {
    ws.send(`<open xmlns="${FRAMING}" to="${esc(domain)}" version="1.0"/>`);
    await receive(); // <open/>
    return receive(); // <stream:features/>
  };

  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await open();
  const token = Buffer.from(`\0${username}\0${password}`).toString('base64');
  ws.send(`<auth xmlns="${SASL}" mechanism="PLAIN">${token}</auth>`);
  const outcome = await receive();
  if (outcome.localName !== 'success') {
    ws.close();
    throw new Error(`XMPP login refused for ${username}@${domain}: ${outcome.toString()}`);
  }
  await open();
  const bindId = nextId();
  ws.send(`<iq xmlns="jabber:client" type="set" id="${bindId}"><bind xmlns="${BIND}"><resource>${esc(resource)}</resource></bind></iq>`);
  const bound = await receive();
  const jid = child(child(bound, 'bind'), 'jid')?.textContent;
  if (!jid) throw new Error(`XMPP bind failed: ${bound.toString()}`);
  setupQueue = null;

  const client = {
    jid,
    bareJid: jid.split('/')[0],
    get closed() {
      return closed;
    },
    /** Sends raw XML. */
    send(xml) {
      if (!closed) ws.send(withClientNamespace(xml));
    },
    /** Sends an iq (raw XML without id: one is added) and resolves with the result, or rejects with XmppError. */
    iq(type, to, payload, { timeoutMs = IQ_TIMEOUT_MS } = {}) {
      const id = nextId();
      return new Promise((resolve, reject) => {
        if (closed) return reject(new Error('XMPP connection closed'));
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`no answer to iq ${type} ${to} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, (el) => {
          clearTimeout(timer);
          if (!el) reject(new Error('XMPP connection closed'));
          else if (el.getAttribute('type') === 'error') reject(new XmppError(el));
          else resolve(el);
        });
        ws.send(`<iq xmlns="jabber:client" type="${type}" id="${id}"${to ? ` to="${esc(to)}"` : ''}>${payload}</iq>`);
      });
    },
    /** Calls `listener(element)` for every stanza that is not an awaited iq answer; returns an unsubscribe function. */
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Resolves with the first stanza for which `test` is true. */
    waitFor(test, timeoutMs = IQ_TIMEOUT_MS) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`waited ${timeoutMs} ms for a stanza in vain`));
        }, timeoutMs);
        const off = client.on((el) => {
          if (!test(el)) return;
          clearTimeout(timer);
          off();
          resolve(el);
        });
      });
    },
    /** Resolves when the connection is gone (closed by us or the server). */
    closedPromise,
    async close() {
      if (closed) return;
      ws.send(`<close xmlns="${FRAMING}"/>`);
      const timer = setTimeout(() => ws.terminate(), 2000);
      await closedPromise;
      clearTimeout(timer);
    },
  };
  if (presence) client.send('<presence/>');
  return client;
}
