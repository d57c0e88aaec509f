// Small facts about edits the queue needs, whatever their node: which create
// items, which item an edit touches, temporary ids swapped for server ids,
// and the items as the user should see them with the queue applied.
import type { PendingEdit, RoomEdit } from '../../core/types';
import type { NodeEdits } from './node-edits';
import type { RoomQueue } from './store';

export function isCreation(edit: RoomEdit): boolean {
  return edit.op === 'createList' || edit.op === 'createTask' || edit.op === 'createNote';
}

/** The item an edit is about ('' for a creation, whose id comes later; a restore's first item, its list if it brings one back). */
export function touchedItem(edit: RoomEdit): string {
  if (edit.op === 'restore') return edit.items[0]?.id ?? '';
  return 'id' in edit ? edit.id : '';
}

/** Replace temporary ids (`local:…`) of items created offline by their server ids, once known. */
export function resolveIds<E extends RoomEdit>(edit: E, ids: Record<string, string>): E {
  const map = (id: string) => ids[id] ?? id;
  if (edit.op === 'restore') {
    return {
      op: 'restore',
      items: edit.items.map((item) =>
        item.kind === 'task' ? { ...item, id: map(item.id), list: map(item.list) } : { ...item, id: map(item.id) },
      ),
    } as E;
  }
  const out = { ...edit } as E & { id?: string; list?: string };
  if (out.id !== undefined) out.id = map(out.id);
  if (out.list !== undefined) out.list = map(out.list);
  return out;
}

/** A node's items as the user should see them: the server's with the queued edits applied, in order, and the list of what is pending. */
export function withQueuedEdits<I extends { id: string }, C, E extends RoomEdit>(
  node: NodeEdits<I, C, E>,
  server: C,
  queue: RoomQueue,
): { items: C; pending: PendingEdit[] } {
  let items = server;
  const pending: PendingEdit[] = [];
  for (const queued of queue.edits) {
    const edit = resolveIds(queued.edit as E, queue.ids);
    const tempId = queued.tempId ? (queue.ids[queued.tempId] ?? queued.tempId) : '';
    items = node.optimistic(items, edit, tempId);
    pending.push({ id: queued.id, itemId: tempId || touchedItem(edit), kind: edit.op });
  }
  return { items, pending };
}
