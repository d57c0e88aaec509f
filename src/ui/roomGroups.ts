// What the task app derives from the room's items at each view, kept cheap
// for a room of 5,000 items: tasks grouped by list and item ids by list, so
// memoized sections and rows skip re-rendering.
import { useMemo } from 'preact/hooks';
import { getList, getTask } from '../core/room-query';
import { tasksOf } from '../core/tasks-by-list';
import type { RoomItems, Task } from '../core/types';

/**
 * Tasks per list, in the room model's grouping (core/tasks-by-list.ts): a
 * list a change did not touch keeps its array, so its (memoized) section
 * skips re-rendering, and one change in a room of 5,000 items costs one list.
 */
export function useTasksByList(items: RoomItems, listIds: string[]): Map<string, readonly Task[]> {
  return useMemo(() => new Map(listIds.map((id) => [id, tasksOf(items, id)])), [items, listIds]);
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
