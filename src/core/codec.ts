// Reading and writing the items of the livechat-tasks node (docs/protocol.md §4).
// Reading is defensive: the server stores any payload, so anything we cannot
// read is reported as skipped, never thrown. Writing produces the same bytes
// as the official client (strophe sorts attribute names, escapes quotes) and
// puts back whatever we did not understand, so republishing never strips
// another client's data.

import { fieldsOn, ITEM_FIELDS } from './fields';
import type { Parsed } from './node-codec';
import { NS, type Item, type Unknown } from './types';
import { attributeList, ELEMENT_NODE, foreignAttributes, hasChildElement, serializeElement, text, textElement } from './xml';

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

// Reading runs once per item of a fetch (5,000 in a big room), and in the
// worker's cold code, before the JIT has optimized it: plain indexed loops and
// no array, record or iterator made for what is not there (no foreign
// attribute, no unknown child), which interpreted code pays for in full.
export function parseItem(itemEl: Element): ParsedItem {
  let id: string | undefined;
  try {
    if (itemEl.localName !== 'item') return { ok: false, reason: `not an item: <${quote(itemEl.localName)}>` };
    id = itemEl.getAttribute('id') || undefined;
    if (!id) return { ok: false, reason: 'item without id' };
    let payload: Element | undefined;
    let payloads = 0;
    const nodes = itemEl.childNodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.nodeType === ELEMENT_NODE) {
        payload ??= n as Element;
        payloads++;
      }
    }
    if (!payload || payloads !== 1) return { ok: false, id, reason: `expected one payload, found ${payloads}` };
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
  const knownChildren = KNOWN_CHILDREN[kind];
  const texts: Record<string, string> = {};
  let unknownChildren: string[] | undefined;
  const nodes = payload.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const child = nodes[i]! as Element;
    if (child.nodeType !== ELEMENT_NODE) continue;
    const field = child.localName;
    if (child.namespaceURI !== ns || !knownChildren.has(field)) {
      (unknownChildren ??= []).push(serializeElement(child, ns));
      continue;
    }
    if (hasChildElement(child)) return { ok: false, id, reason: `<${field}> is not plain text` };
    // A repeated field: the official client keeps the last one, so do we.
    texts[field] = text(child);
  }
  const required = REQUIRED_CHILDREN[kind];
  for (let i = 0; i < required.length; i++) {
    if (texts[required[i]!] === undefined) return { ok: false, id, reason: `no <${required[i]}>` };
  }

  const item: Record<string, unknown> = { kind, id };
  const specs = FIELD_SPECS[kind];
  for (let i = 0; i < specs.length; i++) {
    const field = specs[i]![0];
    const spec = specs[i]![1];
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
  const foreign = hasForeignAttributes(payload, KNOWN_ATTRS[kind]) ? foreignAttributes(payload, KNOWN_ATTRS[kind]) : undefined;
  if (foreign || unknownChildren) {
    item.unknown = { attrs: foreign ?? (Object.create(null) as Unknown['attrs']), children: unknownChildren ?? [] } satisfies Unknown;
  }
  return { ok: true, item: item as unknown as Item };
}

/**
 * Whether foreignAttributes would find any: an attribute that is neither a
 * declaration of the default namespace nor one we read. By name alone: the
 * worker's elements make Attr objects only for `attributes` (lite-dom.ts).
 */
function hasForeignAttributes(el: Element, known: ReadonlySet<string>): boolean {
  const names = el.getAttributeNames();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name !== 'xmlns' && !known.has(name)) return true;
  }
  return false;
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
