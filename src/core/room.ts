// The room model: a room's task lists and tasks, updated immutably (a change
// returns new objects, an unchanged part keeps its identity, so views can
// compare by reference), sorted the way the official client shows them
// (room-query.ts, tasks-by-list.ts), and moves planned in the official
// client's numbering, so that both clients read the same order and never
// fight over it.

import { derived, noteChanged } from './record-derive';
import { getTask, has } from './room-query';
import { tasksOf } from './tasks-by-list';
import type { Item, RoomItems, Task } from './types';

// Lookups and display order live in room-query.ts, which the views import
// alone; they are re-exported here for the engine and the tests.
export { getList, getTask, openTasksCount, sortedLists } from './room-query';
export { tasksOf } from './tasks-by-list';

// Records have no prototype: item ids are untrusted, and an id such as
// "__proto__" or "constructor" must be a key like any other.
type Rec<T> = Record<string, T>;
/**
 * A copy of `from` (own keys only), or an empty record. A loop, not
 * Object.assign: at 5,000 items it copies in about a third of the time, and
 * every edit and notification of a big room copies the tasks once.
 */
export function record<T>(from?: Rec<T>): Rec<T> {
  const copy = Object.create(null) as Rec<T>;
  for (const id in from) if (Object.hasOwn(from, id)) copy[id] = from[id]!;
  return copy;
}

export const emptyItems = (): RoomItems => ({ lists: record(), tasks: record() });

/**
 * Adds or replaces an item. In pubsub an id names one item whatever its
 * payload, so a task published under a list's id replaces that list.
 */
export function withItem(items: RoomItems, item: Item): RoomItems {
  if (item.kind === 'tasklist') {
    const { kind: _kind, ...list } = item;
    const lists = changedCopy(items.lists, list.id);
    lists[list.id] = list;
    return { lists, tasks: has(items.tasks, item.id) ? without(items.tasks, item.id) : items.tasks };
  }
  const { kind: _kind, ...task } = item;
  const tasks = changedCopy(items.tasks, task.id);
  tasks[task.id] = task;
  return { lists: has(items.lists, item.id) ? without(items.lists, item.id) : items.lists, tasks };
}

/**
 * Several items added or replaced and others removed, each record copied at
 * most once (withItem per item would copy the whole room per item: a move
 * renumbering 98 tasks of a 5,000-item room copied 490,000 entries).
 * Removals apply first; a record nothing touches keeps its identity.
 */
export function withChanges(items: RoomItems, put: Item[], drop: string[]): RoomItems {
  let lists = items.lists;
  let tasks = items.tasks;
  const ownLists = (id: string) => {
    if (lists === items.lists) lists = changedCopy(items.lists);
    noteChanged(lists, id);
    return lists;
  };
  const ownTasks = (id: string) => {
    if (tasks === items.tasks) tasks = changedCopy(items.tasks);
    noteChanged(tasks, id);
    return tasks;
  };
  const remove = (id: string) => {
    if (has(lists, id)) delete ownLists(id)[id];
    if (has(tasks, id)) delete ownTasks(id)[id];
  };
  for (const id of drop) remove(id);
  for (const item of put) {
    remove(item.id);
    const { kind, ...rest } = item;
    if (kind === 'tasklist') ownLists(rest.id)[rest.id] = rest;
    else ownTasks(rest.id)[rest.id] = rest as Task;
  }
  return lists === items.lists && tasks === items.tasks ? items : { lists, tasks };
}

/** Removes an item; returns `items` itself when there was nothing to remove. */
export function withoutItem(items: RoomItems, id: string): RoomItems {
  if (!has(items.lists, id) && !has(items.tasks, id)) return items;
  return {
    lists: has(items.lists, id) ? without(items.lists, id) : items.lists,
    tasks: has(items.tasks, id) ? without(items.tasks, id) : items.tasks,
  };
}

function without<T>(r: Rec<T>, id: string): Rec<T> {
  const copy = changedCopy(r, id);
  delete copy[id];
  return copy;
}

/**
 * A copy of `from` to change: it remembers what it was copied from and the
 * ids changed (given here, or noted as they are), so that two versions are
 * compared by those ids alone (record-lineage.ts).
 */
export function changedCopy<T>(from: Rec<T>, ...ids: string[]): Rec<T> {
  const copy = record(from);
  derived(copy, from, ids);
  return copy;
}

/** The order of a task appended to a list: 1 + the highest order, as the official client. */
export function nextOrder(items: RoomItems, listId: string): number {
  return 1 + Math.max(0, ...tasksOf(items, listId).map((t) => t.order));
}

/**
 * The tasks to republish, with their new list and order, so that `taskId`
 * shows at position `index` (0 = top) of `listId`'s tasks; [] when it is
 * there already or unknown. Orders keep the official numbering (integers,
 * shown by order then item id, gaps allowed) and a move republishes as few
 * tasks as it allows: the moved task takes a free order between its new
 * neighbours, and where there is none, the shorter run of tasks on either
 * side moves by one toward the nearest gap. The gap is often the one the
 * task left: moving a task one place republishes two tasks, where the
 * official client's drag and drop renumbers every task below it (each write
 * is one more that can cross a moderator's edit). The moved task comes last,
 * as the official client publishes it.
 */
export function planMove(items: RoomItems, taskId: string, listId: string, index: number): Task[] {
  const task = getTask(items, taskId);
  if (!task) return [];
  // one pass over the room's tasks per move (each is a pass over all of them)
  const listed = tasksOf(items, listId);
  const others = listed.filter((t) => t.id !== taskId);
  const at = Math.min(Math.max(0, Math.trunc(index) || 0), others.length);
  if (task.list === listId && listed.indexOf(task) === at) return [];

  const { order, shifted } = placement(others, at, listed[0]?.order ?? 0);
  return [...shifted, { ...task, list: listId, order }];
}

/**
 * The moved task's order at `at` among `others` (sorted), and the fewest of
 * them renumbered to make room; `lowest` is the list's lowest order before the move.
 */
function placement(others: Task[], at: number, lowest: number): { order: number; shifted: Task[] } {
  const before = others[at - 1];
  const next = others[at];
  if (!next) return { order: before ? before.order + 1 : 0, shifted: [] };
  // at the top: 0 as the official client, or below a first task numbered 0 or less
  if (!before) return next.order > 0 ? { order: 0, shifted: [] } : { order: next.order - 1, shifted: [] };
  if (next.order - before.order >= 2) return { order: before.order + 1, shifted: [] };

  const down: Task[] = [];
  let below = next.order - 1;
  for (let i = at - 1; i >= 0 && others[i]!.order >= below; i--) down.push({ ...others[i]!, order: --below });
  // orders stay at 0 or above: going down is a choice only if it does not cross 0
  const downFits = below >= 0;
  const up: Task[] = [];
  let above = before.order + 1;
  for (let i = at; i < others.length && others[i]!.order <= above && !(downFits && up.length > down.length); i++) {
    up.push({ ...others[i]!, order: ++above });
  }
  // as short both ways: down if it stays within the list's orders (it fills the
  // gap the task left: moving one place down swaps two orders), else up (the same, moving up)
  const downFirst = down.length < up.length || (down.length === up.length && below >= lowest);
  if (downFits && downFirst) return { order: next.order - 1, shifted: down.reverse() };
  return { order: before.order + 1, shifted: up };
}
