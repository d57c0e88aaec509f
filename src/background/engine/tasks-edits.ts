// The tasks' edits as the edit queue carries them (node-edits.ts).
import { serializeItem } from '../../core/codec';
import { ITEM_FIELDS } from '../../core/fields';
import { applyOptimistic, planEdit } from '../../core/plan';
import { getList, getTask, has } from '../../core/room-query';
import { tasksCodec } from '../../core/tasks-node';
import type { Edit, Item, RoomItems } from '../../core/types';
import type { NodeEdits } from './node-edits';

/** Every field of an item but its id, what we did not understand included. */
const FIELDS: Record<Item['kind'], string[]> = {
  tasklist: [...Object.keys(ITEM_FIELDS.tasklist), 'unknown'],
  task: [...Object.keys(ITEM_FIELDS.task), 'unknown'],
};

const TASK_OPS: ReadonlySet<string> = new Set<Edit['op']>([
  'createList',
  'renameList',
  'deleteList',
  'createTask',
  'editTask',
  'setDone',
  'moveTask',
  'deleteTask',
  'restore',
]);

export const tasksEdits: NodeEdits<Item, RoomItems, Edit> = {
  codec: tasksCodec,
  owns: (edit): edit is Edit => TASK_OPS.has(edit.op),
  serialize: serializeItem,
  plan: planEdit,
  optimistic: applyOptimistic,
  maybeNewerThanCache: new Set(['no-such-list', 'no-such-task']),
  itemOf(items, id) {
    const list = getList(items, id);
    if (list) return { kind: 'tasklist', ...list };
    const task = getTask(items, id);
    return task ? { kind: 'task', ...task } : undefined;
  },
  fields: (item) => FIELDS[item.kind],
  describe: describeEdit,
  retractsLast: (items, id) => has(items.lists, id),
};

/** What the user tried to do, in short. */
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
