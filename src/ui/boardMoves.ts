// Moving a task in the task app (Alt+↑/↓, a drop, "Move to list…"): where
// it lands, what screen readers hear, where focus goes. Loaded on use, or
// while idle after first paint (lazy.ts): no first paint needs it.
import { getList, getTask } from '../core/room-query';
import type { Edit, RoomItems, Task } from '../core/types';
import { attr, type DropPlace } from './boardActions';
import { t } from './i18n';

/** The task app as a move needs it, as it is now. */
export interface MoveContext {
  items: RoomItems;
  hideDone: boolean;
  /** a list's tasks in order, as rendered (sorting the room's tasks again would cost a pass over all of them) */
  tasksIn(listId: string): Task[];
  run(edit: Edit): Promise<string | undefined>;
  announce(message: string): void;
  /** the app's part holding focus now (its data-focus), if any */
  focused(): string | undefined;
  /** once the items have changed, focus this element of the app (CSS selector) */
  focusAfterChange(selector: string): void;
}

export function moveTo(app: MoveContext, taskId: string, place: DropPlace): void {
  const task = getTask(app.items, taskId);
  const list = getList(app.items, place.listId);
  if (!task || !list) return;
  const rest = app.tasksIn(place.listId).filter((x) => x.id !== taskId);
  const at = place.refId ? rest.findIndex((x) => x.id === place.refId) : -1;
  const index = at < 0 ? rest.length : at + (place.after ? 1 : 0);
  if (task.list === place.listId && app.tasksIn(task.list).findIndex((x) => x.id === taskId) === index) return;
  app.announce(t('taskMoved', [task.name.slice(0, 100), String(index + 1), list.name.slice(0, 100)]));
  void app.run({ op: 'moveTask', id: taskId, list: place.listId, index });
}

/** One visible place up (-1) or down (1) in its list; focus stays on the same part of its row. */
export function moveBy(app: MoveContext, taskId: string, delta: -1 | 1): void {
  const task = getTask(app.items, taskId);
  if (!task) return;
  const visible = app.tasksIn(task.list).filter((x) => x.id === taskId || !(app.hideDone && x.done));
  const neighbour = visible[visible.findIndex((x) => x.id === taskId) + delta];
  if (!neighbour) {
    app.announce(delta < 0 ? t('alreadyFirst') : t('alreadyLast'));
    return;
  }
  app.focusAfterChange(`${attr('data-task-id', taskId)} ${attr('data-focus', app.focused() ?? 'handle')}`);
  moveTo(app, taskId, { listId: task.list, refId: neighbour.id, after: delta > 0 });
}
