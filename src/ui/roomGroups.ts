// What the task app derives from the room's items at each view, kept cheap
// for a room of 5,000 items: tasks grouped by list (re-sorted only for the
// lists a change touched) and item ids by list, so memoized sections and
// rows skip re-rendering.
import { useMemo, useRef } from 'preact/hooks';
import { changedBetween } from '../core/record-lineage';
import { byOrderThenId, getList, getTask } from '../core/room-query';
import type { RoomItems, Task } from '../core/types';

/**
 * Ids of the lists whose tasks differ between two versions of the items: by
 * the tasks changed between them when known (record-lineage.ts), else by a
 * pass over both.
 */
function touchedLists(before: RoomItems, after: RoomItems, changed: ReadonlySet<string> | undefined): Set<string> {
  const touched = new Set<string>();
  const touch = (id: string) => {
    const was = getTask(before, id);
    const is = getTask(after, id);
    if (was === is) return;
    if (is) touched.add(is.list);
    if (was) touched.add(was.list);
  };
  if (before.tasks === after.tasks) return touched;
  if (changed) changed.forEach(touch);
  else {
    for (const id in after.tasks) touch(id);
    for (const id in before.tasks) if (!getTask(after, id)) touch(id);
  }
  return touched;
}

/** The tasks of each list, in one pass over the room (asking each list for its tasks would pass over all tasks once per list). */
function groupByList(items: RoomItems): Map<string, Task[]> {
  const byList = new Map<string, Task[]>();
  for (const id in items.tasks) {
    const task = items.tasks[id]!;
    const group = byList.get(task.list);
    if (group) group.push(task);
    else byList.set(task.list, [task]);
  }
  return byList;
}

/** A list's tasks again from its previous ones and the tasks that changed: what is unchanged stays, what changed is put where it is now. */
function regroup(previous: Task[], listId: string, items: RoomItems, changed: ReadonlySet<string>): Task[] {
  const tasks = previous.filter((task) => !changed.has(task.id));
  for (const id of changed) {
    const task = getTask(items, id);
    if (task?.list === listId) tasks.push(task);
  }
  return tasks.sort(byOrderThenId);
}

const NO_TASKS: Task[] = [];

/**
 * Tasks per list. Only the lists whose tasks changed are sorted again, from
 * their previous tasks and the changed ones; the others keep last render's
 * array, so their (memoized) sections skip re-rendering: one change in a
 * room of 5,000 items costs one list, not a pass over the room.
 */
export function useTasksByList(items: RoomItems, listIds: string[]): Map<string, Task[]> {
  const previous = useRef<{ items: RoomItems; byList: Map<string, Task[]> } | null>(null);
  return useMemo(() => {
    const old = previous.current;
    const changed = old ? changedBetween(old.items.tasks, items.tasks) : undefined;
    const touched = old ? touchedLists(old.items, items, changed) : null;
    let groups: Map<string, Task[]> | undefined;
    const byList = new Map<string, Task[]>();
    for (const id of listIds) {
      const kept = old?.byList.get(id);
      if (kept && !touched?.has(id)) byList.set(id, kept);
      else if (kept && changed) byList.set(id, regroup(kept, id, items, changed));
      else {
        groups ??= groupByList(items);
        byList.set(id, groups.get(id)?.sort(byOrderThenId) ?? NO_TASKS);
      }
    }
    previous.current = { items, byList };
    return byList;
  }, [items, listIds]);
}

/** Item ids grouped by the list they show in (a list's own id included), so a section gets a new set only when its own items are concerned. */
export function idsByList(items: RoomItems, ids: string[]): Map<string, ReadonlySet<string>> {
  const byList = new Map<string, Set<string>>();
  for (const id of ids) {
    const listId = getList(items, id) ? id : getTask(items, id)?.list;
    if (!listId) continue;
    const set = byList.get(listId) ?? new Set<string>();
    set.add(id);
    byList.set(listId, set);
  }
  return byList;
}
