// Reading and writing the items of the livechat-tasks node (docs/protocol.md §4).
// Reading is defensive: the server stores any payload, so anything we cannot
// read is reported as skipped, never thrown. Writing produces the same bytes
// as the official client (strophe sorts attribute names, escapes quotes) and
// puts back whatever we did not understand, so republishing never strips
// another client's data.

import { fieldsOn, ITEM_FIELDS } from './fields';
import type { Parsed } from './node-codec';
import { NS, type Item, type Unknown } from './types';
import { attributeList, childElements, foreignAttributes, hasChildElement, serializeElement, text, textElement } from './xml';

export type ParsedItem = Parsed<Item>;

type Kind = Item['kind'];
const KNOWN_CHILDREN = { tasklist: new Set(fieldsOn('tasklist', 'child')), task: new Set(fieldsOn('task', 'child')) };
const KNOWN_ATTRS = { tasklist: new Set(fieldsOn('tasklist', 'attr')), task: new Set(fieldsOn('task', 'attr')) };
// read once, not per item: a fetch reads thousands
const FIELD_SPECS = { tasklist: Object.entries(ITEM_FIELDS.tasklist), task: Object.entries(ITEM_FIELDS.task) };
const REQUIRED_CHILDREN = {
  tasklist: fieldsOn('tasklist', 'child').filter((f) => !ITEM_FIELDS.tasklist[f]!.optional),
  task: fieldsOn('task', 'child').filter((f) => !ITEM_FIELDS.task[f]!.optional),
};

/** Keeps reasons short: they quote untrusted names. */
const quote = (s: string | null) => JSON.stringify((s ?? '').slice(0, 80));

export function parseItem(itemEl: Element): ParsedItem {
  let id: string | undefined;
  try {
    if (itemEl.localName !== 'item') return { ok: false, reason: `not an item: <${quote(itemEl.localName)}>` };
    id = itemEl.getAttribute('id') || undefined;
    if (!id) return { ok: false, reason: 'item without id' };
    const payloads = childElements(itemEl);
    if (payloads.length !== 1) return { ok: false, id, reason: `expected one payload, found ${payloads.length}` };
    const payload = payloads[0]!;
    const kind =
      payload.localName === 'tasklist' && payload.namespaceURI === NS.tasklist
        ? 'tasklist'
        : payload.localName === 'task' && payload.namespaceURI === NS.task
          ? 'task'
          : undefined;
    if (!kind) {
      return { ok: false, id, reason: `unknown payload ${quote(payload.localName)} in ${quote(payload.namespaceURI)}` };
    }
    return parsePayload(id, kind, payload);
  } catch (err) {
    // e.g. a subtree too deep to serialize: still skipped, never fatal
    return { ok: false, id, reason: `unreadable item: ${String(err).slice(0, 80)}` };
  }
}

function parsePayload(id: string, kind: Kind, payload: Element): ParsedItem {
  const ns = NS[kind];
  const texts: Record<string, string> = {};
  const unknown: Unknown = { attrs: foreignAttributes(payload, KNOWN_ATTRS[kind]), children: [] };
  for (const child of childElements(payload)) {
    const field = child.localName;
    if (child.namespaceURI !== ns || !KNOWN_CHILDREN[kind].has(field)) {
      unknown.children.push(serializeElement(child, ns));
      continue;
    }
    if (hasChildElement(child)) return { ok: false, id, reason: `<${field}> is not plain text` };
    // A repeated field: the official client keeps the last one, so do we.
    texts[field] = text(child);
  }
  for (const field of REQUIRED_CHILDREN[kind]) {
    if (texts[field] === undefined) return { ok: false, id, reason: `no <${field}>` };
  }

  const item: Record<string, unknown> = { kind, id };
  for (const [field, spec] of FIELD_SPECS[kind]) {
    if (spec.wire === 'child') {
      if (texts[field] !== undefined) item[field] = texts[field];
      continue;
    }
    const raw = payload.getAttribute(field);
    if (spec.value === 'ref') {
      if (!raw) return { ok: false, id, reason: `${kind} without ${field}` };
      item[field] = raw;
    } else if (spec.value === 'integer') {
      const n = parseOrder(raw);
      if (n === undefined) return { ok: false, id, reason: `invalid ${field} ${quote(raw)}` };
      item[field] = n;
    } else {
      // The official client reads `!!getAttribute('done')`: any non-empty value is true.
      item[field] = !!raw;
    }
  }
  if (Object.keys(unknown.attrs).length || unknown.children.length) item.unknown = unknown;
  return { ok: true, item: item as unknown as Item };
}

/**
 * Orders are integers. A missing order counts as 0, as the official client's
 * `order ?? 0`; "NaN" too, since that is what the official client writes back
 * for such a task. Anything else that is not a safe integer is refused: the
 * arithmetic of moves ("1 + highest") would not work on it.
 */
function parseOrder(raw: string | null): number | undefined {
  const s = (raw ?? '').trim();
  if (s === '' || s === 'NaN') return 0;
  if (!/^[-+]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The payload element of an item, as the official client serializes it. */
export function serializeItem(item: Item): string {
  const attrs = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(item.unknown?.attrs ?? {})) {
    if (name !== 'xmlns') attrs[name] = value;
  }
  attrs.xmlns = NS[item.kind];
  let fields = '';
  const values = item as unknown as Record<string, unknown>;
  for (const [name, spec] of Object.entries(ITEM_FIELDS[item.kind])) {
    const value = values[name];
    if (spec.wire === 'child') {
      if (value !== undefined) fields += textElement(name, String(value));
    } else if (spec.value === 'flag') {
      // only when true: the official client never sends done="false"
      if (value) attrs[name] = 'true';
      else delete attrs[name];
    } else {
      attrs[name] = String(value);
    }
  }
  const tag = item.kind;
  return `<${tag}${attributeList(attrs)}>${fields}${item.unknown?.children.join('') ?? ''}</${tag}>`;
}
