// What a local edit does to the view (useLocalEdits.ts): the room's items with
// the edits the background's view does not show yet, marked as not saved. It
// is needed once the user ticked or moved a task, never for a first paint, so
// it is a part loaded on use (lazy.ts) with the room's item operations it needs.
import { getTask, planMove, withChanges, withItem } from '../core/room';
import type { Edit, PendingEdit, RoomItems, RoomView } from '../core/types';

export type Instant = Extract<Edit, { op: 'setDone' | 'moveTask' }>;
export type Local = { key: number; edit: Instant };

/** Whether `items` already show the edit (or it no longer applies: the task is gone). */
function shows(items: RoomItems, edit: Instant): boolean {
  const task = getTask(items, edit.id);
  if (!task) return true;
  return edit.op === 'setDone' ? task.done === edit.done : planMove(items, edit.id, edit.list, edit.index).length === 0;
}

function apply(items: RoomItems, edit: Instant): RoomItems {
  const task = getTask(items, edit.id)!;
  if (edit.op === 'setDone') return withItem(items, { kind: 'task', ...task, done: edit.done });
  const moved = planMove(items, edit.id, edit.list, edit.index).map((t) => ({ kind: 'task' as const, ...t }));
  return withChanges(items, moved, []);
}

/** The local edits `items` (the background's view) do not show yet. */
export const notShownIn = (items: RoomItems, locals: Local[]): Local[] => locals.filter((l) => !shows(items, l.edit));

/** The background's view with the local edits applied, each marked as not saved yet. */
export function withLocals(received: RoomView, live: Local[]): RoomView {
  let items = received.items;
  const pending: PendingEdit[] = [...received.pending];
  for (const { key, edit } of live) {
    if (shows(items, edit)) continue;
    items = apply(items, edit);
    pending.push({ id: `view:${key}`, itemId: edit.id, kind: edit.op });
  }
  return { ...received, items, pending };
}
