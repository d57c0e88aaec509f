// Small facts about edits the queue needs: which create items, which item an
// edit touches, temporary ids swapped for server ids, and a readable summary
// for "what failed".
import { applyOptimistic } from '../../core/plan';
import type { Edit, PendingEdit, RoomItems } from '../../core/types';
import type { RoomQueue } from './store';

export function isCreation(edit: Edit): boolean {
  return edit.op === 'createList' || edit.op === 'createTask';
}

/** The item an edit is about ('' for a creation, whose id comes later; a restore's first item, its list if it brings one back). */
export function touchedItem(edit: Edit): string {
  if (edit.op === 'restore') return edit.items[0]?.id ?? '';
  return 'id' in edit ? edit.id : '';
}

/** Replace temporary ids (`local:…`) of items created offline by their server ids, once known. */
export function resolveIds(edit: Edit, ids: Record<string, string>): Edit {
  const map = (id: string) => ids[id] ?? id;
  if (edit.op === 'restore') {
    return {
      op: 'restore',
      items: edit.items.map((item) =>
        item.kind === 'task' ? { ...item, id: map(item.id), list: map(item.list) } : { ...item, id: map(item.id) },
      ),
    };
  }
  const out = { ...edit } as Edit & { id?: string; list?: string };
  if (out.id !== undefined) out.id = map(out.id);
  if (out.list !== undefined) out.list = map(out.list);
  return out;
}

/** A short, log- and user-readable summary: what the user tried to do. */
export function describeEdit(edit: Edit): string {
  switch (edit.op) {
    case 'createList':
      return `create list “${edit.name}”`;
    case 'renameList':
      return `rename list to “${edit.name}”`;
    case 'deleteList':
      return `delete list ${edit.id}`;
    case 'createTask':
      return `create task “${edit.name}”`;
    case 'editTask':
      return `edit task “${edit.name}”`;
    case 'setDone':
      return `mark task ${edit.id} ${edit.done ? 'done' : 'not done'}`;
    case 'moveTask':
      return `move task ${edit.id}`;
    case 'deleteTask':
      return `delete task ${edit.id}`;
    case 'restore':
      return `restore “${edit.items[0]?.name}”${edit.items.length > 1 ? ` and ${edit.items.length - 1} more` : ''}`;
  }
}

/** The room as the user should see it: the server's items with the queued edits applied, in order, and the list of what is pending. */
export function withQueuedEdits(server: RoomItems, queue: RoomQueue): { items: RoomItems; pending: PendingEdit[] } {
  let items = server;
  const pending: PendingEdit[] = [];
  for (const queued of queue.edits) {
    const edit = resolveIds(queued.edit, queue.ids);
    const tempId = queued.tempId ? (queue.ids[queued.tempId] ?? queued.tempId) : '';
    items = applyOptimistic(items, edit, tempId);
    pending.push({ id: queued.id, itemId: tempId || touchedItem(edit), kind: edit.op });
  }
  return { items, pending };
}
