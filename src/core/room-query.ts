// Reading a room's items: lookups by id, and lists and tasks in the order the
// official client shows them. The views need only this part of the room
// model (room.ts), so it is a module of its own: the extension pages and the
// page panel do not load the engine's update and move-planning code.

import { changedBetween, derivedCache } from './record-lineage';
import type { RoomItems, Task, TaskList } from './types';

/** Own keys only: item ids are untrusted, and "__proto__" or "constructor" must be keys like any other. */
export const has = (r: Record<string, unknown>, id: string) => Object.hasOwn(r, id);

export const getList = (items: RoomItems, id: string): TaskList | undefined => (has(items.lists, id) ? items.lists[id] : undefined);

export const getTask = (items: RoomItems, id: string): Task | undefined => (has(items.tasks, id) ? items.tasks[id] : undefined);

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lists as the official client shows them: by lower-cased name, compared by
 * UTF-16 code units (not locale-aware, so "Zoo" < "été"). The official client
 * keeps arrival order on equal names; we use the item id, which every client
 * agrees on.
 */
export function sortedLists(items: RoomItems): TaskList[] {
  return Object.values(items.lists).sort((a, b) => byCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnits(a.id, b.id));
}

export const byOrderThenId = (a: Task, b: Task) => a.order - b.order || byCodeUnits(a.id, b.id);

/**
 * Whole rooms' open-task counts by tasks record: a record is never changed
 * once a view holds it (room.ts), and the badge, the room counts and every
 * tab showing one view then count it once. A new version of the tasks is
 * counted from the last one counted by the tasks changed between them, when
 * known (record-lineage.ts): a toggle in a room of 5,000 costs one task.
 */
const openCounts = derivedCache<{ lists: object; count: number }>();
let lastCounted: { items: RoomItems; count: number } | undefined;

const isOpen = (items: RoomItems, task: Task | undefined) => !!task && !task.done && has(items.lists, task.list);

/**
 * Tasks not done in the room's lists (a task whose list is gone is shown
 * nowhere). Own keys only, so it holds for items restored from a cache too,
 * whose records have a prototype.
 */
export function openTasksCount(items: RoomItems): number {
  const known = openCounts.get(items.tasks);
  if (known && known.lists === items.lists) return known.count;
  // (not if its tasks were changed in place since: its count is no longer theirs)
  const last = lastCounted && openCounts.has(lastCounted.items.tasks) ? lastCounted : undefined;
  const changed = last && last.items.lists === items.lists ? changedBetween(last.items.tasks, items.tasks) : undefined;
  let count = 0;
  if (last && changed) {
    count = last.count;
    for (const id of changed) count += +isOpen(items, getTask(items, id)) - +isOpen(last.items, getTask(last.items, id));
  } else {
    for (const id in items.tasks) if (has(items.tasks, id) && isOpen(items, items.tasks[id])) count++;
  }
  openCounts.set(items.tasks, { lists: items.lists, count });
  lastCounted = { items, count };
  return count;
}
