// The room's items as the server stores them, read with code of our own
// (not the extension's codec), so a parsing bug shared with the engine cannot
// hide a difference.
import { children, itemsOf, type RawXmppClient } from '../helpers/raw-client';
import { NS_TASK, NS_TASKLIST, TASKS_NODE } from './official-client';

export interface ServerItem {
  kind: 'list' | 'task';
  name?: string;
  description?: string;
  done?: boolean;
  list?: string;
  order?: number;
  /** attributes and child elements the official client does not know */
  unknownAttrs: string[];
  unknownChildren: string[];
}

export type ServerItems = Map<string, ServerItem>;

const KNOWN_ATTRS = new Set(['xmlns', 'list', 'order', 'done']);

export async function fetchServerItems(client: RawXmppClient, roomJid: string): Promise<ServerItems> {
  const reply = await client.getItems(roomJid, TASKS_NODE);
  if (reply.getAttribute('type') !== 'result') throw new Error('the server refused the items');
  const items: ServerItems = new Map();
  for (const item of itemsOf(reply)) {
    const payload = children(item)[0];
    const id = item.getAttribute('id');
    if (!payload || !id) continue;
    const ns = payload.namespaceURI;
    if (!((payload.localName === 'tasklist' && ns === NS_TASKLIST) || (payload.localName === 'task' && ns === NS_TASK))) continue;
    const fields = new Map(
      children(payload)
        .filter((c) => c.namespaceURI === ns)
        .map((c) => [c.localName, c.textContent ?? '']),
    );
    const unknownChildren = children(payload)
      .filter((c) => c.namespaceURI !== ns || !['name', 'description'].includes(c.localName))
      .map((c) => `${c.namespaceURI} ${c.localName} ${c.textContent}`);
    const unknownAttrs = [...Array.from(payload.attributes)].filter((a) => !KNOWN_ATTRS.has(a.name)).map((a) => `${a.name}=${a.value}`);
    const parsed: ServerItem = {
      kind: payload.localName === 'task' ? 'task' : 'list',
      name: fields.get('name'),
      unknownAttrs,
      unknownChildren,
    };
    if (parsed.kind === 'task') {
      parsed.list = payload.getAttribute('list') ?? '';
      parsed.order = Number.parseInt(payload.getAttribute('order') ?? '0', 10);
      parsed.done = !!payload.getAttribute('done');
      if (fields.has('description')) parsed.description = fields.get('description');
    }
    items.set(id, parsed);
  }
  return items;
}
