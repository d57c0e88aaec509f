// The livechat-tasks node as the engine follows it (node-codec.ts): task
// lists and tasks read by codec.ts, kept as the room model's records (room.ts).
import { parseItem } from './codec';
import type { NodeCodec } from './node-codec';
import { noteChanged } from './record-derive';
import { changedCopy, emptyItems } from './room';
import { getList, getTask, has } from './room-query';
import { NS, TASKS_NODE, type Item, type RoomItems, type Task } from './types';

export const tasksCodec: NodeCodec<Item, RoomItems> = {
  node: TASKS_NODE,
  feature: NS.tasklist,
  parse: parseItem,
  empty: emptyItems,
  // copies remember the ids changed in them since (record-lineage.ts): views are compared by those
  copy: (items) => ({ lists: changedCopy(items.lists), tasks: changedCopy(items.tasks) }),
  put(items, item) {
    const { kind, ...rest } = item;
    // an id names one item, whatever its payload (most ids a fetch puts are new: nothing to drop)
    if (has(items.lists, rest.id) || has(items.tasks, rest.id)) tasksCodec.drop(items, rest.id);
    if (kind === 'tasklist') {
      noteChanged(items.lists, rest.id);
      items.lists[rest.id] = rest;
    } else {
      noteChanged(items.tasks, rest.id);
      items.tasks[rest.id] = rest as Task;
    }
  },
  drop(items, id) {
    if (getList(items, id)) noteChanged(items.lists, id);
    if (getTask(items, id)) noteChanged(items.tasks, id);
    delete items.lists[id];
    delete items.tasks[id];
  },
  get: (items, id) => getList(items, id) ?? getTask(items, id),
  ids: (items) => [...Object.keys(items.lists), ...Object.keys(items.tasks)],
};
