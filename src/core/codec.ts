// Reading and writing the items of the livechat-tasks node (PROTOCOL.md §4).
// Reading is defensive: the server stores any payload, so anything we cannot
// read is reported as skipped, never thrown. Writing produces the same bytes
// as the official client (strophe sorts attribute names, escapes quotes) and
// puts back whatever we did not understand, so republishing never strips
// another client's data.

import { NS, type Item, type Task, type Unknown } from './types';
import { attributeList, childElements, foreignAttributes, serializeElement, text, textElement } from './xml';

export type ParsedItem = { ok: true; item: Item } | { ok: false; id?: string; reason: string };

const KNOWN_ATTRS = {
  tasklist: new Set<string>(),
  task: new Set(['list', 'order', 'done']),
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

function parsePayload(id: string, kind: 'tasklist' | 'task', payload: Element): ParsedItem {
  const ns = NS[kind];
  const fields: Record<string, string> = {};
  const unknown: Unknown = { attrs: foreignAttributes(payload, KNOWN_ATTRS[kind]), children: [] };
  for (const child of childElements(payload)) {
    const field = child.localName;
    const known =
      child.namespaceURI === ns && (field === 'name' || (kind === 'task' && field === 'description'));
    if (!known) {
      unknown.children.push(serializeElement(child, ns));
      continue;
    }
    if (childElements(child).length) return { ok: false, id, reason: `<${field}> is not plain text` };
    // A repeated field: the official client keeps the last one, so do we.
    fields[field] = text(child);
  }
  if (fields.name === undefined) return { ok: false, id, reason: 'no <name>' };

  const extra = Object.keys(unknown.attrs).length || unknown.children.length ? { unknown } : {};
  if (kind === 'tasklist') return { ok: true, item: { kind, id, name: fields.name, ...extra } };

  const list = payload.getAttribute('list');
  if (!list) return { ok: false, id, reason: 'task without list' };
  const order = parseOrder(payload.getAttribute('order'));
  if (order === undefined) return { ok: false, id, reason: `invalid order ${quote(payload.getAttribute('order'))}` };
  const task: Task = {
    id,
    list,
    name: fields.name,
    order,
    // The official client reads `!!getAttribute('done')`: any non-empty value is true.
    done: !!payload.getAttribute('done'),
    ...extra,
  };
  if (fields.description !== undefined) task.description = fields.description;
  return { ok: true, item: { kind, ...task } };
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
  let fields: string;
  if (item.kind === 'tasklist') {
    attrs.xmlns = NS.tasklist;
    fields = textElement('name', item.name);
  } else {
    attrs.xmlns = NS.task;
    // done only when true: the official client never sends done="false"
    if (item.done) attrs.done = 'true';
    else delete attrs.done;
    attrs.list = item.list;
    attrs.order = String(item.order);
    fields = textElement('name', item.name) + (item.description === undefined ? '' : textElement('description', item.description));
  }
  const tag = item.kind;
  return `<${tag}${attributeList(attrs)}>${fields}${item.unknown?.children.join('') ?? ''}</${tag}>`;
}
