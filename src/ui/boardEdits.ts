// What moving a task and deleting a task or a list do: the task app's moves
// (keyboard, drag and drop, the move dialog) and the rows' and list headers'
// delete buttons. Only a user's action runs them, so they are a part loaded
// on use (onUse.ts), preloaded while idle like the others.
import { getList, getTask } from '../core/room-query';
import type { Edit, RoomItems, Task, TaskList } from '../core/types';
import { activeElementOf, attr, type BoardActions, type DropPlace } from './boardActions';
import { t, tn } from './i18n';

/** What a move reads of the task app, as it is when the move is made. */
export interface Board {
  items: RoomItems;
  hideDone: boolean;
  /** a list's tasks in order, as rendered (sorting the room's tasks again would cost a pass over all of them) */
  tasksIn(listId: string): readonly Task[];
  /** tells screen readers (the app's polite live region) */
  announce(message: string): void;
  run(edit: Edit): Promise<string | undefined>;
}

export function moveTo(board: Board, taskId: string, place: DropPlace): void {
  const task = getTask(board.items, taskId);
  const list = getList(board.items, place.listId);
  if (!task || !list) return;
  const rest = board.tasksIn(place.listId).filter((x) => x.id !== taskId);
  const at = place.refId ? rest.findIndex((x) => x.id === place.refId) : -1;
  const index = at < 0 ? rest.length : at + (place.after ? 1 : 0);
  if (task.list === place.listId && board.tasksIn(task.list).findIndex((x) => x.id === taskId) === index) return;
  board.announce(t('taskMoved', [task.name.slice(0, 100), String(index + 1), list.name.slice(0, 100)]));
  void board.run({ op: 'moveTask', id: taskId, list: place.listId, index });
}

/** Alt+↑ / Alt+↓: one visible place up or down in its list, focus staying on the part of the row it was on (`root`: the app's). */
export function moveBy(board: Board, actions: BoardActions, root: HTMLElement | null, taskId: string, delta: -1 | 1): void {
  const task = getTask(board.items, taskId);
  if (!task) return;
  const visible = board.tasksIn(task.list).filter((x) => x.id === taskId || !(board.hideDone && x.done));
  const neighbour = visible[visible.findIndex((x) => x.id === taskId) + delta];
  if (!neighbour) {
    board.announce(delta < 0 ? t('alreadyFirst') : t('alreadyLast'));
    return;
  }
  // after a keyboard move the row is re-created elsewhere
  const focused = activeElementOf(root)?.closest<HTMLElement>('[data-focus]');
  actions.focusAfterChange(`${attr('data-task-id', taskId)} ${attr('data-focus', focused?.dataset.focus ?? 'handle')}`);
  actions.moveTo(taskId, { listId: task.list, refId: neighbour.id, after: delta > 0 });
}

/** The delete button of `row` (the task's): asks, then deletes, focus going to the next task (or the previous one, or the list's add button). */
export async function deleteTask(actions: BoardActions, row: HTMLElement, task: Task): Promise<void> {
  if (!(await actions.confirm(t('deleteTaskTitle'), t('deleteTaskConfirm', task.name.slice(0, 200)), t('delete')))) return;
  // rows come in chunks: the neighbours are found among the list's rows
  const rows = [...row.closest('.lct-tasks')!.querySelectorAll<HTMLElement>('[data-task-id]')];
  const at = rows.indexOf(row);
  const neighbour = rows[at + 1] ?? rows[at - 1];
  actions.focusAfterChange(
    neighbour?.dataset.taskId
      ? `${attr('data-task-id', neighbour.dataset.taskId)} ${attr('data-focus', 'done')}`
      : `${attr('data-list-id', task.list)} ${attr('data-focus', 'add')}`,
  );
  void actions.edit({ op: 'deleteTask', id: task.id });
}

/** The delete button of `section` (the list's, holding `total` tasks): asks, then deletes, focus going to the next list (or the previous one, or "New list"). */
export async function deleteList(actions: BoardActions, section: HTMLElement, list: TaskList, total: number): Promise<void> {
  if (!(await actions.confirm(t('deleteListTitle'), tn('deleteListConfirm', total, [list.name.slice(0, 200)]), t('delete')))) return;
  const neighbour = (section.nextElementSibling ?? section.previousElementSibling) as HTMLElement | null;
  actions.focusAfterChange(
    neighbour?.dataset.listId
      ? `${attr('data-list-id', neighbour.dataset.listId)} ${attr('data-focus', 'collapse')}`
      : attr('data-focus', 'new-list'),
  );
  void actions.edit({ op: 'deleteList', id: list.id });
}
