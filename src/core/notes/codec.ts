// Reading and writing the items of the livechat-notes node (docs/protocol.md §9.1),
// byte-compatible with the official client (its NotePubSubManager over
// strophe: attributes sorted by name, quotes escaped, children in the order
// description, note-about). Reading never throws and reads what the official
// client reads; anything else in the payload is kept and written back, and
// the forms we would not write ourselves (an odd order, a description with
// markup, a note-about with extra attributes) are kept byte for byte while
// their value is unchanged.

import { NS, type Unknown } from '../types';
import { attributeList, childElements, foreignAttributes, serializeElement, TEXT_NODE, text, textElement } from '../xml';
import type { KeptForms, Note, NoteAbout } from './types';

export type ParsedNote = { ok: true; note: Note } | { ok: false; id?: string; reason: string };

const KNOWN_ATTRS = new Set(['order']);

/** Keeps reasons short: they quote untrusted names. */
const quote = (s: string | null) => JSON.stringify((s ?? '').slice(0, 80));

/**
 * The order the official client reads: `parseInt` of the attribute (so "4abc"
 * is 4, "0x10" is 16), NaN (here null) when missing or not a number. A value
 * beyond any float (hundreds of digits) is null too: JSON cannot carry it.
 */
function readOrder(raw: string | null): number | null {
  // biome-ignore lint/correctness/useParseIntRadix: the official client reads orders with a bare parseInt ("0x10" is 16 there), and so must we
  const n = parseInt(raw ?? '');
  return Number.isFinite(n) ? n : null;
}

/** What the official client writes for an order it holds (NaN for null). */
const orderAttribute = (order: number | null): string => String(order ?? NaN);

export function parseNoteItem(itemEl: Element): ParsedNote {
  let id: string | undefined;
  try {
    if (itemEl.localName !== 'item') return { ok: false, reason: `not an item: <${quote(itemEl.localName)}>` };
    id = itemEl.getAttribute('id') || undefined;
    if (!id) return { ok: false, reason: 'item without id' };
    const payloads = childElements(itemEl);
    if (payloads.length !== 1) return { ok: false, id, reason: `expected one payload, found ${payloads.length}` };
    const payload = payloads[0]!;
    // The official client takes <note xmlns="…note"> only: no prefixed form.
    if (payload.localName !== 'note' || payload.prefix || payload.namespaceURI !== NS.note) {
      return { ok: false, id, reason: `unknown payload ${quote(payload.localName)} in ${quote(payload.namespaceURI)}` };
    }
    return { ok: true, note: parseNote(id, payload) };
  } catch (err) {
    // e.g. a subtree too deep to serialize: still skipped, never fatal
    return { ok: false, id, reason: `unreadable item: ${String(err).slice(0, 80)}` };
  }
}

function parseNote(id: string, payload: Element): Note {
  const kept: KeptForms = {};
  const unknown: Unknown = { attrs: foreignAttributes(payload, KNOWN_ATTRS), children: [] };
  let descriptionEl: Element | undefined;
  let aboutEl: Element | undefined;
  for (const child of childElements(payload)) {
    // As the official client: <description> by its tag name (the last one
    // wins, earlier ones are not written back), <note-about> by local name
    // (the first one), neither checked for a namespace.
    if (child.localName === 'description' && !child.prefix) descriptionEl = child;
    else if (child.localName === 'note-about' && !aboutEl) aboutEl = child;
    else unknown.children.push(serializeElement(child, NS.note));
  }

  const raw = payload.getAttribute('order');
  const order = readOrder(raw);
  if (raw !== orderAttribute(order)) kept.order = { raw, value: order };

  const note: Note = { id, order };
  if (descriptionEl) {
    const value = text(descriptionEl);
    note.description = value;
    if (!isPlainDescription(descriptionEl)) {
      const xml = serializeElement(descriptionEl, NS.note);
      if (xml !== textElement('description', value)) kept.description = { xml, value };
    }
  }
  if (aboutEl) {
    const value = readAbout(aboutEl);
    if (value.jid || value.nick || value.occupantId) note.about = value;
    if (!isPlainAbout(aboutEl)) kept.about = { xml: serializeElement(aboutEl, NS.note), value };
  }
  if (Object.keys(kept).length) note.kept = kept;
  if (Object.keys(unknown.attrs).length || unknown.children.length) note.unknown = unknown;
  return note;
}

/**
 * Whether <description> is what textElement writes for its text, seen without
 * serializing it (a full node reads 5,000 of them): no attribute or prefix,
 * the note's namespace, one text inside and not an empty one. Anything else
 * is serialized and compared.
 */
function isPlainDescription(el: Element): boolean {
  const inside = el.childNodes;
  return (
    !el.prefix &&
    el.attributes.length === 0 &&
    el.namespaceURI === NS.note &&
    inside.length === 1 &&
    inside[0]!.nodeType === TEXT_NODE &&
    !!inside[0]!.nodeValue
  );
}

function readAbout(el: Element): NoteAbout {
  const about: NoteAbout = {};
  // A blank value means unknown: the official client only ever tests them for truth (`if (jid)`).
  const jid = el.getAttribute('jid');
  const nick = el.getAttribute('nick');
  if (jid) about.jid = jid;
  if (nick) about.nick = nick;
  const occupantIdEl = childElements(el).find((c) => c.localName === 'occupant-id');
  const occupantId = occupantIdEl?.getAttribute('id');
  if (occupantId) about.occupantId = occupantId;
  return about;
}

/**
 * Whether <note-about> is exactly what aboutXml writes for its values: no
 * other attribute, no blank value, at most one bare <occupant-id id/>.
 */
function isPlainAbout(el: Element): boolean {
  const onlyAttributes = (e: Element, names: string[]) => {
    for (let i = 0; i < e.attributes.length; i++) {
      const a = e.attributes[i]!;
      if (!names.includes(a.name) || (a.name !== 'xmlns' && !a.value)) return false;
    }
    return true;
  };
  if (el.prefix || el.namespaceURI !== NS.note || !onlyAttributes(el, ['jid', 'nick'])) return false;
  if (el.childNodes.length === 0) return el.attributes.length > 0;
  if (el.childNodes.length !== 1) return false;
  const child = childElements(el)[0];
  return (
    !!child &&
    child.localName === 'occupant-id' &&
    !child.prefix &&
    child.namespaceURI === NS.occupantId &&
    child.childNodes.length === 0 &&
    !!child.getAttribute('id') &&
    onlyAttributes(child, ['id', 'xmlns'])
  );
}

/** <note-about> as the official client writes it; '' when nothing is known (it then writes none). */
function aboutXml(about: NoteAbout): string {
  const attrs: Record<string, string> = {};
  if (about.jid) attrs.jid = about.jid;
  if (about.nick) attrs.nick = about.nick;
  const occupantId = about.occupantId ? `<occupant-id${attributeList({ id: about.occupantId, xmlns: NS.occupantId })}/>` : '';
  if (!occupantId && !Object.keys(attrs).length) return '';
  const open = `<note-about${attributeList(attrs)}`;
  return occupantId ? `${open}>${occupantId}</note-about>` : `${open}/>`;
}

const sameAbout = (a: NoteAbout | undefined, b: NoteAbout | undefined) =>
  (a?.jid ?? '') === (b?.jid ?? '') && (a?.nick ?? '') === (b?.nick ?? '') && (a?.occupantId ?? '') === (b?.occupantId ?? '');

/** The <note> payload of an item, as the official client serializes it. */
export function serializeNote(note: Note): string {
  const { kept, unknown } = note;
  const attrs = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(unknown?.attrs ?? {})) {
    if (name !== 'xmlns') attrs[name] = value;
  }
  attrs.xmlns = NS.note;
  if (kept?.order && kept.order.value === note.order) {
    if (kept.order.raw === null) delete attrs.order;
    else attrs.order = kept.order.raw;
  } else {
    attrs.order = orderAttribute(note.order);
  }

  let body = '';
  if (note.description !== undefined) {
    body += kept?.description?.value === note.description ? kept.description.xml : textElement('description', note.description);
  }
  body += kept?.about && sameAbout(kept.about.value, note.about) ? kept.about.xml : aboutXml(note.about ?? {});
  body += unknown?.children.join('') ?? '';
  return body ? `<note${attributeList(attrs)}>${body}</note>` : `<note${attributeList(attrs)}/>`;
}
