// Shape checks for everything that arrives over runtime messaging. Content
// scripts run beside untrusted pages, so every field is checked and the
// result rebuilt from the checked fields only: an unknown type or a bad
// field is refused with a Problem saying which one.
import { EDIT_FIELDS, ITEM_FIELDS, NOTE_EDIT_FIELDS, type FieldSpec } from '../core/fields';
import type { MessageRef } from '../core/message-ref';
import type { NoteAbout } from '../core/notes/types';
import { NS } from '../core/ns';
import type { Item, Problem, RoomEdit, RoomRef, Unknown } from '../core/types';
import { childElements, serializeElement } from '../core/xml';
import type { ManualAccount, PeerTubeAuth, PortToBackground, Request, Settings } from '../messages';
import { parseOrigin } from './origins';
// DOMParser for restored items' unknown children, where there is no DOM (Chrome's worker)
import './xmpp/dom-shim';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: Problem };

/** ids, JIDs, URLs, titles */
const SHORT = 4_000;
/** task names and descriptions: long pasted text is legitimate, a megabyte is not */
const LONG = 200_000;

/** items one restore may bring back: a node holds at most 5,000 (docs/protocol.md §3) */
const RESTORE_MAX = 5_000;

/** a view's id for an edit (room-port.ts makes 32 hex digits) */
const EDIT_ID_MAX = 64;

class Refused extends Error {}

type Fields = Record<string, unknown>;

function record(v: unknown, path: string): Fields {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Refused(`${path} must be an object`);
  return v as Fields;
}

function text(v: unknown, path: string, max = SHORT): string {
  if (typeof v !== 'string') throw new Refused(`${path} must be a string`);
  if (v.length > max) throw new Refused(`${path} is longer than ${max} characters`);
  return v;
}

function filled(v: unknown, path: string, max = SHORT): string {
  const s = text(v, path, max);
  if (s.trim() === '') throw new Refused(`${path} must not be empty`);
  return s;
}

function optionalText(v: unknown, path: string, max = SHORT): string | undefined {
  return v === undefined ? undefined : text(v, path, max);
}

function flag(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new Refused(`${path} must be true or false`);
  return v;
}

function count(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new Refused(`${path} must be a whole number ≥ 0`);
  return v;
}

function bareJid(v: unknown, path: string): string {
  const s = filled(v, path);
  if (!/^[^@/\s]+@[^@/\s]+$/.test(s)) throw new Refused(`${path} must be a bare JID (name@host)`);
  return s;
}

function url(v: unknown, path: string, protocols: string[]): string {
  const s = filled(v, path);
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    throw new Refused(`${path} must be a URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new Refused(`${path} must start with ${protocols.join(' or ')}//`);
  return s;
}

function origin(v: unknown, path: string): string {
  const o = parseOrigin(v);
  if (!o) throw new Refused(`${path} must be an origin like https://peertube.example`);
  return o;
}

function roomRef(v: unknown, path: string): RoomRef {
  const r = record(v, path);
  return { account: filled(r.account, `${path}.account`), jid: bareJid(r.jid, `${path}.jid`) };
}

/** One field of an edit, checked as its definition says (core/fields.ts). */
function field(v: unknown, spec: FieldSpec, path: string): unknown {
  switch (spec.value) {
    case 'text':
      // names and descriptions: long pasted text is legitimate
      return spec.optional ? optionalText(v, path, LONG) : filled(v, path, LONG);
    case 'ref':
      return filled(v, path);
    case 'flag':
      return flag(v, path);
    case 'index':
      return count(v, path);
    case 'integer':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new Refused(`${path} must be a whole number`);
      return v;
    case 'items':
      return restoredItems(v, path);
    case 'about':
      return spec.optional && v === undefined ? undefined : about(v, path);
  }
}

/** The items of an undo (a restore edit): each rebuilt from its checked fields, as an edit is. */
function restoredItems(v: unknown, path: string): Item[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > RESTORE_MAX) throw new Refused(`${path} must hold 1 to ${RESTORE_MAX} items`);
  return v.map((raw, i) => {
    const at = `${path}[${i}]`;
    const r = record(raw, at);
    if (r.kind !== 'tasklist' && r.kind !== 'task') throw new Refused(`${at}.kind must be tasklist or task`);
    const out: Record<string, unknown> = { kind: r.kind, id: filled(r.id, `${at}.id`) };
    for (const [name, spec] of Object.entries(ITEM_FIELDS[r.kind])) {
      const value = field(r[name], spec, `${at}.${name}`);
      if (value !== undefined) out[name] = value;
    }
    if (r.unknown !== undefined) out.unknown = unknownData(r.unknown, `${at}.unknown`, NS[r.kind]);
    return out as unknown as Item;
  });
}

/**
 * Another client's data in an item being restored. Its child elements go
 * into the published payload as they are, so each must be one well-formed
 * element: parsed again and written back by our own serializer, never
 * passed on as the sender wrote it (a page could otherwise add to the stanza).
 * Attribute names are filtered where the payload is written (xml.ts).
 */
function unknownData(v: unknown, path: string, ns: string): Unknown {
  const u = record(v, path);
  const attrs = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(record(u.attrs, `${path}.attrs`))) attrs[name] = text(value, `${path}.attrs.${name}`);
  if (!Array.isArray(u.children)) throw new Refused(`${path}.children must be a list`);
  const children = u.children.map((child, i) => {
    const xml = text(child, `${path}.children[${i}]`, LONG);
    const doc = new DOMParser().parseFromString(`<wrap xmlns="${ns}">${xml}</wrap>`, 'text/xml');
    const root = doc.documentElement;
    const elements = root && root.localName === 'wrap' && !doc.getElementsByTagName('parsererror').length ? childElements(root) : [];
    if (elements.length !== 1 || root!.childNodes.length !== 1) throw new Refused(`${path}.children[${i}] must be one XML element`);
    return serializeElement(elements[0]!, ns);
  });
  return { attrs, children };
}

/** Whom a note is about: only the three known values, each a string when present (blank ones dropped, as the official client). */
function about(v: unknown, path: string): NoteAbout | undefined {
  const a = record(v, path);
  const out: NoteAbout = {};
  for (const name of ['jid', 'nick', 'occupantId'] as const) {
    const value = optionalText(a[name], `${path}.${name}`);
    if (value?.trim()) out[name] = value;
  }
  return out.jid || out.nick || out.occupantId ? out : undefined;
}

const ALL_EDIT_FIELDS: Record<RoomEdit['op'], Record<string, FieldSpec>> = { ...EDIT_FIELDS, ...NOTE_EDIT_FIELDS };

function edit(v: unknown, path: string): RoomEdit {
  const e = record(v, path);
  if (typeof e.op !== 'string' || !Object.hasOwn(ALL_EDIT_FIELDS, e.op)) {
    throw new Refused(`${path}.op is not a known edit`);
  }
  const op = e.op as RoomEdit['op'];
  const out: Record<string, unknown> = { op };
  for (const [name, spec] of Object.entries(ALL_EDIT_FIELDS[op])) {
    const value = field(e[name], spec, `${path}.${name}`);
    if (value !== undefined) out[name] = value;
  }
  return out as RoomEdit;
}

function auth(v: unknown, path: string): PeerTubeAuth | null {
  if (v === null) return null;
  const a = record(v, path);
  if (a.kind === 'peertube') {
    return {
      kind: 'peertube',
      tokenType: filled(a.tokenType, `${path}.tokenType`),
      accessToken: filled(a.accessToken, `${path}.accessToken`),
    };
  }
  if (a.kind === 'oidc') return { kind: 'oidc', token: filled(a.token, `${path}.token`) };
  throw new Refused(`${path}.kind must be peertube or oidc`);
}

function manualAccount(v: unknown, path: string): ManualAccount {
  const a = record(v, path);
  return {
    jid: bareJid(a.jid, `${path}.jid`),
    password: filled(a.password, `${path}.password`),
    service: url(a.service, `${path}.service`, ['wss:', 'ws:', 'https:', 'http:']),
  };
}

function messageRef(v: unknown, path: string): MessageRef {
  const r = record(v, path);
  if (r.id !== undefined) return { id: filled(r.id, `${path}.id`) };
  return { time: filled(r.time, `${path}.time`) };
}

function settingsChange(v: unknown, path: string): Partial<Settings> {
  const s = record(v, path);
  const out: Partial<Settings> = {};
  // Instances change only through enable/disable, which also handle permissions and scripts.
  if (s.instances !== undefined) throw new Refused(`${path}.instances changes only with view/instance-enable or view/instance-disable`);
  if (s.defaultListName !== undefined) out.defaultListName = text(s.defaultListName, `${path}.defaultListName`);
  if (s.notifyNewTasks !== undefined) out.notifyNewTasks = flag(s.notifyNewTasks, `${path}.notifyNewTasks`);
  if (s.lastList !== undefined) {
    const lists = record(s.lastList, `${path}.lastList`);
    out.lastList = Object.fromEntries(
      Object.entries(lists).map(([k, id]) => [text(k, `${path}.lastList key`), filled(id, `${path}.lastList[${k}]`)]),
    );
  }
  if (s.lastRoom !== undefined) out.lastRoom = roomRef(s.lastRoom, `${path}.lastRoom`);
  return out;
}

function request(v: unknown): Request {
  const m = record(v, 'message');
  switch (m.type) {
    case 'content/watch-page':
      return {
        type: m.type,
        videoId: filled(m.videoId, 'videoId', 100),
        url: url(m.url, 'url', ['https:', 'http:']),
        auth: auth(m.auth, 'auth'),
      };
    case 'content/room-left':
    case 'view/all-rooms':
    case 'view/settings-get':
      return { type: m.type };
    case 'view/edit':
      throw new Refused('edits go over the room port, not as a runtime message');
    case 'view/tab-info':
      return { type: m.type, tabId: count(m.tabId, 'tabId') };
    case 'view/instance-request':
    case 'view/instance-enable':
    case 'view/instance-disable':
      return { type: m.type, origin: origin(m.origin, 'origin') };
    case 'view/account-add':
      return { type: m.type, account: manualAccount(m.account, 'account') };
    case 'view/account-remove':
      return { type: m.type, id: filled(m.id, 'id') };
    case 'view/room-open': {
      const title = optionalText(m.title, 'title');
      return { type: m.type, room: roomRef(m.room, 'room'), ...(title === undefined ? {} : { title }) };
    }
    case 'view/settings-set':
      return { type: m.type, settings: settingsChange(m.settings, 'settings') };
    case 'view/show-message':
      return { type: m.type, room: roomRef(m.room, 'room'), ref: messageRef(m.ref, 'ref'), windowId: count(m.windowId, 'windowId') };
    default:
      throw new Refused(`unknown message type ${JSON.stringify(String(m.type)).slice(0, 80)}`);
  }
}

function checked<T>(read: () => T): Checked<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: { code: 'bad-request', detail: e.message } };
    throw e;
  }
}

export const checkRequest = (v: unknown) => checked(() => request(v));

export const checkPortMessage = (v: unknown): Checked<PortToBackground> =>
  checked(() => {
    const m = record(v, 'message');
    if (m.type === 'view/watch') return { type: m.type, room: roomRef(m.room, 'room') };
    if (m.type === 'view/edit') return { type: m.type, id: filled(m.id, 'id', EDIT_ID_MAX), edit: edit(m.edit, 'edit') };
    throw new Refused('a room port only takes view/watch and view/edit');
  });
