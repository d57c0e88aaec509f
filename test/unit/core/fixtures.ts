// Small builders for room states in tests.
import { emptyItems, withItem } from '../../../src/core/room';
import type { RoomItems, Task, TaskList } from '../../../src/core/types';

export const list = (id: string, name = id): TaskList => ({ id, name, unknown: { attrs: {}, children: [] } });

export const task = (id: string, listId: string, order: number, extra: Partial<Task> = {}): Task => ({
  id,
  list: listId,
  name: `task ${id}`,
  order,
  done: false,
  unknown: { attrs: {}, children: [] },
  ...extra,
});

export function room(lists: TaskList[], tasks: Task[]): RoomItems {
  let items = emptyItems();
  for (const l of lists) items = withItem(items, { kind: 'tasklist', ...l });
  for (const t of tasks) items = withItem(items, { kind: 'task', ...t });
  return items;
}
