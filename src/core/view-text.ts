// The whole view as the text a room port carries (`bg/room`). A big room's
// view is mostly its tasks, and as plain JSON each task names its keys, its
// id twice and its list's id in full: about 190 bytes for a short task, a
// megabyte at 5,000 items, which the background posts, the browser copies
// and the page parses. Here a task is a row of values and its list an index
// into the view's lists: the same view in well under half the text.
import type { RoomItems, RoomView, Task, Unknown } from './types';

/** [id, list (index into the lists' ids, or the id of a list the view lacks), name, order, done, description, unknown] */
type TaskRow = [string, number | string, string, number, 0 | 1, (string | null)?, Unknown?];

type ViewText = Omit<RoomView, 'items'> & { lists: RoomItems['lists']; tasks: TaskRow[] };

export function viewToText(view: RoomView): string {
  const { items, ...rest } = view;
  const listIndex = new Map(Object.keys(items.lists).map((id, i) => [id, i]));
  const tasks = Object.values(items.tasks).map((t): TaskRow => {
    const row: TaskRow = [t.id, listIndex.get(t.list) ?? t.list, t.name, t.order, t.done ? 1 : 0];
    if (t.description !== undefined || t.unknown) row.push(t.description ?? null);
    if (t.unknown) row.push(t.unknown);
    return row;
  });
  const text: ViewText = { ...rest, lists: items.lists, tasks };
  return JSON.stringify(text);
}

export function viewFromText(text: string): RoomView {
  const { lists, tasks: rows, ...rest } = JSON.parse(text) as ViewText;
  // JSON keeps the keys' order: the same ids at the same places as when written
  const listIds = Object.keys(lists);
  // null prototype: item ids are untrusted ("__proto__" is a key like any other)
  const tasks = Object.create(null) as Record<string, Task>;
  for (const [id, list, name, order, done, description, unknown] of rows) {
    const task: Task = { id, list: typeof list === 'number' ? listIds[list]! : list, name, order, done: done === 1 };
    if (description != null) task.description = description;
    if (unknown) task.unknown = unknown;
    tasks[id] = task;
  }
  return { ...rest, items: { lists, tasks } };
}
