// The livechat-tasks node as the engine follows it (node-codec.ts): task
// lists and tasks read by codec.ts, kept as the room model's records (room.ts).
import { parseItem } from './codec';
import type { NodeCodec } from './node-codec';
import { emptyItems, record } from './room';
import { getList, getTask } from './room-query';
import { NS, TASKS_NODE, type Item, type RoomItems, type Task } from './types';

export const tasksCodec: NodeCodec<Item, RoomItems> = {
  node: TASKS_NODE,
  feature: NS.tasklist,
  parse: parseItem,
  empty: emptyItems,
  copy: (items) => ({ lists: record(items.lists), tasks: record(items.tasks) }),
  put(items, item) {
    const { kind, ...rest } = item;
    delete items.lists[rest.id];
    delete items.tasks[rest.id];
    if (kind === 'tasklist') items.lists[rest.id] = rest;
    else items.tasks[rest.id] = rest as Task;
  },
  drop(items, id) {
    delete items.lists[id];
    delete items.tasks[id];
  },
  get: (items, id) => getList(items, id) ?? getTask(items, id),
  ids: (items) => [...Object.keys(items.lists), ...Object.keys(items.tasks)],
};
