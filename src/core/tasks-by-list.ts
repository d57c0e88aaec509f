// Each list's tasks in the order they show, for a room of 5,000 items. The
// worker plans a move, the page plans its undo and renders, against a list's
// tasks; picking them out of the whole room and sorting them cost a pass over
// all 5,000 at every edit, and every view the worker built with an edit on
// its way planned it again. So the grouping is kept per version of the tasks
// record (versions are never changed once shown, room.ts), and a new version
// is grouped from a grouped one of its line by the tasks changed between them
// (record-lineage.ts): only the lists those tasks left or joined are sorted
// again, and every other list keeps its array, which memoized views compare
// by identity. The arrays are shared: read them, never change them.
import { changedBetween, derivedCache, nearestAncestor } from './record-lineage';
import { byOrderThenId, has } from './room-query';
import type { RoomItems, Task } from './types';

type Tasks = Record<string, Task>;
export type TasksByList = ReadonlyMap<string, readonly Task[]>;

const grouped = derivedCache<TasksByList>();
/** The last version grouped, for a version whose line does not pass through a grouped one (the page's own edits beside the worker's). */
let lastGrouped: Tasks | undefined;

const NO_TASKS: readonly Task[] = [];

/** A list's tasks as shown: by order, ties by item id. */
export function tasksOf(items: RoomItems, listId: string): readonly Task[] {
  return tasksByList(items.tasks).get(listId) ?? NO_TASKS;
}

/** The tasks of each list (a list's id whose tasks are all gone is absent), by order then id. */
export function tasksByList(tasks: Tasks): TasksByList {
  let byList = grouped.get(tasks);
  if (byList) return byList;
  const near = nearestAncestor(tasks, (version) => grouped.has(version));
  const last = lastGrouped && grouped.get(lastGrouped);
  const changed = !near && last ? changedBetween(lastGrouped!, tasks) : undefined;
  if (near) byList = regrouped(grouped.get(near.ancestor)!, near.ancestor as Tasks, tasks, near.changed);
  else if (last && changed) byList = regrouped(last, lastGrouped!, tasks, changed);
  else byList = groupAll(tasks);
  grouped.set(tasks, byList);
  lastGrouped = tasks;
  return byList;
}

function groupAll(tasks: Tasks): TasksByList {
  const byList = new Map<string, Task[]>();
  for (const id in tasks) {
    if (!has(tasks, id)) continue;
    const task = tasks[id]!;
    const group = byList.get(task.list);
    if (group) group.push(task);
    else byList.set(task.list, [task]);
  }
  for (const group of byList.values()) group.sort(byOrderThenId);
  return byList;
}

/** `before`'s grouping, with the lists that the `changed` tasks left or joined grouped again. */
function regrouped(byList: TasksByList, before: Tasks, after: Tasks, changed: ReadonlySet<string>): TasksByList {
  const touched = new Set<string>();
  for (const id of changed) {
    const was = has(before, id) ? before[id] : undefined;
    const is = has(after, id) ? after[id] : undefined;
    if (was === is) continue;
    if (was) touched.add(was.list);
    if (is) touched.add(is.list);
  }
  if (!touched.size) return byList;
  const next = new Map(byList);
  for (const listId of touched) {
    const tasks = (byList.get(listId) ?? []).filter((task) => !changed.has(task.id));
    for (const id of changed) if (has(after, id) && after[id]!.list === listId) tasks.push(after[id]!);
    if (tasks.length) next.set(listId, tasks.sort(byOrderThenId));
    else next.delete(listId);
  }
  return next;
}
