// What undoes an edit, planned from the room as the user saw it when they
// made it. A deletion is undone by publishing what was deleted again, under
// the same ids (a `restore` edit: a list before its tasks, every field and
// another client's data as they were); a tick, an edit, a rename or a move by
// the opposite edit, which the background plans against the server's latest
// items like any other, so a change someone made meanwhile to another field
// of the item survives the undo.
import { getList, getTask } from './room-query';
import { tasksOf } from './tasks-by-list';
import type { Edit, RoomItems } from './types';

/** What the user did, for the message that offers to undo it. */
export type UndoneAction =
  | { did: 'deleteTask'; name: string }
  | { did: 'deleteList'; name: string; tasks: number }
  | { did: 'setDone'; name: string; done: boolean }
  | { did: 'editTask'; name: string }
  | { did: 'renameList'; name: string }
  | { did: 'moveTask'; name: string };

export interface Undo {
  /** the edit that puts things back */
  edit: Edit;
  action: UndoneAction;
}

/** The undo of `edit` made on `items`; undefined for an edit that changes nothing or that has no undo (creations). */
export function planUndo(items: RoomItems, edit: Edit): Undo | undefined {
  switch (edit.op) {
    case 'deleteTask': {
      const task = getTask(items, edit.id);
      if (!task) return undefined;
      return { edit: { op: 'restore', items: [{ kind: 'task', ...task }] }, action: { did: 'deleteTask', name: task.name } };
    }
    case 'deleteList': {
      const list = getList(items, edit.id);
      if (!list) return undefined;
      const tasks = tasksOf(items, edit.id);
      return {
        edit: { op: 'restore', items: [{ kind: 'tasklist', ...list }, ...tasks.map((task) => ({ kind: 'task' as const, ...task }))] },
        action: { did: 'deleteList', name: list.name, tasks: tasks.length },
      };
    }
    case 'setDone': {
      const task = getTask(items, edit.id);
      if (!task || task.done === edit.done) return undefined;
      return { edit: { op: 'setDone', id: task.id, done: task.done }, action: { did: 'setDone', name: task.name, done: edit.done } };
    }
    case 'editTask': {
      const task = getTask(items, edit.id);
      if (!task) return undefined;
      const undo: Edit = { op: 'editTask', id: task.id, name: task.name };
      if (task.description !== undefined) undo.description = task.description;
      if (task.name === edit.name.trim() && (task.description ?? '') === (edit.description?.trim() ? edit.description : ''))
        return undefined;
      return { edit: undo, action: { did: 'editTask', name: edit.name.trim() } };
    }
    case 'renameList': {
      const list = getList(items, edit.id);
      if (!list || list.name === edit.name.trim()) return undefined;
      return { edit: { op: 'renameList', id: list.id, name: list.name }, action: { did: 'renameList', name: edit.name.trim() } };
    }
    case 'moveTask': {
      const task = getTask(items, edit.id);
      if (!task) return undefined;
      const index = tasksOf(items, task.list).findIndex((t) => t.id === task.id);
      if (task.list === edit.list && index === edit.index) return undefined;
      return { edit: { op: 'moveTask', id: task.id, list: task.list, index }, action: { did: 'moveTask', name: task.name } };
    }
    case 'createList':
    case 'createTask':
    case 'restore':
      return undefined;
  }
}
