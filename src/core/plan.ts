// Turns what a user asked for (an Edit) into what to publish and retract.
// The background calls planEdit when it SENDS an edit, against the latest
// state it knows ("rebase on send"): a move republishes the task with its
// latest name, description, done and unknown data, and an edit keeps the
// latest list and order. So an edit by one moderator and a reorder by another
// both survive, where the official client republishes whatever stale copy it
// holds.

import { serializeItem } from './codec';
import { EDIT_FIELDS } from './fields';
import { getList, getTask, nextOrder, planMove, tasksOf, withChanges } from './room';
import type { Edit, Item, RoomItems, Task } from './types';

export type Plan = { publish: Item[]; retract: string[] };

/** Why an edit cannot be made (shown in a Problem's detail); the notes' plan adds its own (notes/plan.ts). */
export type PlanError = 'empty-name' | 'too-long' | 'no-such-list' | 'no-such-task';

/**
 * Above this many UTF-8 bytes of payload we refuse an edit: Prosody closes
 * the stream on a stanza over 256 KiB (c2s_stanza_size_limit), which would
 * drop the whole session rather than fail one edit.
 */
export const MAX_PAYLOAD_BYTES = 200_000;

/** An item id of '' means "let the server generate it" (creations). */
export function planEdit(items: RoomItems, edit: Edit): Plan | { error: PlanError } {
  switch (edit.op) {
    case 'createList': {
      const name = edit.name.trim();
      if (!name) return { error: 'empty-name' };
      return checked({ publish: [{ kind: 'tasklist', id: '', name }], retract: [] });
    }
    case 'renameList': {
      const list = getList(items, edit.id);
      if (!list) return { error: 'no-such-list' };
      const name = edit.name.trim();
      if (!name) return { error: 'empty-name' };
      const renamed = { ...list, name };
      if (unchanged('renameList', list, renamed)) return { publish: [], retract: [] };
      return checked({ publish: [{ kind: 'tasklist', ...renamed }], retract: [] });
    }
    case 'deleteList': {
      if (!getList(items, edit.id)) return { error: 'no-such-list' };
      // tasks first, then the list, as the official client does: a list never
      // disappears while its tasks remain
      return { publish: [], retract: [...tasksOf(items, edit.id).map((t) => t.id), edit.id] };
    }
    case 'createTask': {
      if (!getList(items, edit.list)) return { error: 'no-such-list' };
      const name = edit.name.trim();
      if (!name) return { error: 'empty-name' };
      const task: Task = { id: '', list: edit.list, name, order: nextOrder(items, edit.list), done: false };
      const description = cleanDescription(edit.description);
      if (description !== undefined) task.description = description;
      return checked({ publish: [{ kind: 'task', ...task }], retract: [] });
    }
    case 'editTask': {
      const task = getTask(items, edit.id);
      if (!task) return { error: 'no-such-task' };
      const name = edit.name.trim();
      if (!name) return { error: 'empty-name' };
      const { description: _old, ...rest } = task;
      const updated: Task = { ...rest, name };
      const description = cleanDescription(edit.description);
      if (description !== undefined) updated.description = description;
      if (unchanged('editTask', task, updated)) return { publish: [], retract: [] };
      return checked({ publish: [{ kind: 'task', ...updated }], retract: [] });
    }
    case 'setDone': {
      const task = getTask(items, edit.id);
      if (!task) return { error: 'no-such-task' };
      if (task.done === edit.done) return { publish: [], retract: [] };
      return { publish: [{ kind: 'task', ...task, done: edit.done }], retract: [] };
    }
    case 'moveTask': {
      if (!getTask(items, edit.id)) return { error: 'no-such-task' };
      if (!getList(items, edit.list)) return { error: 'no-such-list' };
      const moves = planMove(items, edit.id, edit.list, edit.index);
      return { publish: moves.map((t) => ({ kind: 'task', ...t })), retract: [] };
    }
    case 'deleteTask': {
      if (!getTask(items, edit.id)) return { error: 'no-such-task' };
      return { publish: [], retract: [edit.id] };
    }
    case 'restore': {
      // Lists first, so that no client ever holds a restored task without its
      // list; each task's list must be here or be restored with it.
      const lists = edit.items.filter((item) => item.kind === 'tasklist');
      const tasks = edit.items.filter((item) => item.kind === 'task');
      if (tasks.some((task) => !getList(items, task.list) && !lists.some((list) => list.id === task.list)))
        return { error: 'no-such-list' };
      return checked({ publish: [...lists, ...tasks], retract: [] });
    }
  }
}

/** Whether `after` has the same values as `before` in every item field that edit `op` sets. */
function unchanged(op: 'renameList' | 'editTask', before: object, after: object): boolean {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(EDIT_FIELDS[op]).every((field) => field === 'id' || a[field] === b[field]);
}

/** A blank description is no description; any other is kept exactly as typed (line breaks matter). */
const cleanDescription = (description: string | undefined): string | undefined => (description?.trim() ? description : undefined);

function checked(plan: Plan): Plan | { error: PlanError } {
  return plan.publish.some((item) => tooBig(serializeItem(item))) ? { error: 'too-long' } : plan;
}

/** Whether a serialized payload is over MAX_PAYLOAD_BYTES. */
export const tooBig = (payload: string): boolean => utf8Length(payload) > MAX_PAYLOAD_BYTES;

function utf8Length(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * The room as it will be once the edit is confirmed, to show at once.
 * Creations appear under `tempId` until the server names them. An edit that
 * cannot be planned shows nothing.
 */
export function applyOptimistic(items: RoomItems, edit: Edit, tempId: string): RoomItems {
  const plan = planEdit(items, edit);
  if ('error' in plan) return items;
  return withChanges(
    items,
    plan.publish.map((item) => (item.id ? item : { ...item, id: tempId })),
    plan.retract,
  );
}
