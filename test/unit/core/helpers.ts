// Test helpers: parse XML the way the extension's service worker does
// (its own reader, src/background/xmpp/xml-reader.ts), and a transcription of the official ConverseJS plugin's
// item writer and drag-and-drop renumbering (peertube-plugin-livechat,
// conversejs/custom/shared/lib/pubsub-manager.js `_save` and
// shared/components/draggables/index.js `_saveOrders`), using strophe, the
// library whose serializer puts the official client's bytes on the wire.

import { $build, Strophe } from 'strophe.js';
import { NS } from '../../../src/core/types';
import { readXml } from '../../../src/background/xmpp/xml-reader';

export function parseXml(xml: string): Element {
  return readXml(xml).documentElement as unknown as Element;
}

/** An <item> as the server returns it, around `payload`. */
export const itemEl = (payload: string, id: string | null = 'item-1') =>
  parseXml(`<item xmlns="${NS.pubsub}"${id === null ? '' : ` id="${id}"`}>${payload}</item>`);

interface OfficialData {
  name: string;
  description?: string;
  done?: boolean;
  list?: string;
  order?: number;
}

/** The payload bytes the official client sends for a task (`_save` with the task type of utils.js). */
export function officialTaskPayload(data: OfficialData): string {
  const attributes: Record<string, unknown> = { xmlns: NS.task };
  // saveItem skips a false Boolean; the attribute order of the type definition: done, list, order
  if (data.done) attributes.done = data.done;
  if (data.list !== undefined) attributes.list = data.list;
  if (data.order !== undefined) attributes.order = data.order;
  const item = $build('item', {}).c('task', attributes as Record<string, string>);
  item.c('name').t(data.name).up();
  if (data.description !== undefined) item.c('description').t(data.description).up();
  return payloadOf(item.tree());
}

export function officialTaskListPayload(name: string): string {
  const item = $build('item', {}).c('tasklist', { xmlns: NS.tasklist });
  item.c('name').t(name).up();
  return payloadOf(item.tree());
}

export function payloadOf(itemTree: Element): string {
  const s = Strophe.serialize(itemTree)!;
  return s.replace(/^<item>/, '').replace(/<\/item>$/, '');
}

export interface OfficialTask {
  id: string;
  order: number;
}

/**
 * The official `_saveOrders(models, currentModel, newOrder)`: `models` are the
 * target list's tasks in display order. Returns the orders it saves, by id,
 * in the order it publishes them (moved task last).
 */
export function officialSaveOrders(models: readonly OfficialTask[], movedId: string, newOrder: number): [string, number][] {
  const saved: [string, number][] = [];
  let currentOrder = newOrder + 1;
  for (const m of models) {
    if (m.id === movedId) continue;
    let order = m.order ?? 0;
    if (typeof order !== 'number' || Number.isNaN(order)) order = currentOrder;
    if (order < newOrder) continue;
    currentOrder++;
    if (order > currentOrder) break;
    saved.push([m.id, currentOrder]);
  }
  saved.push([movedId, newOrder]);
  return saved;
}
