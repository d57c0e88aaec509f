// What undoStack.ts remembers for an edit: its undo (core/undo.ts) and what
// the toast says of it. Loaded on use (lazy.ts): no first paint needs it.
import { planUndo, type Undo, type UndoneAction } from '../core/undo';
import type { Edit, RoomItems } from '../core/types';
import { t, tn } from './i18n';

/** The undo of `edit` made on `items`, with its message; undefined for an edit that has none. */
export function planEntry(items: RoomItems, edit: Edit): { undo: Undo; message: string } | undefined {
  const undo = planUndo(items, edit);
  return undo && { undo, message: undoMessage(undo.action) };
}

function undoMessage(action: UndoneAction): string {
  const name = action.name.slice(0, 100);
  switch (action.did) {
    case 'deleteTask':
      return t('undoDeletedTask', name);
    case 'deleteList':
      return action.tasks ? tn('undoDeletedList', action.tasks, [name]) : t('undoDeletedEmptyList', name);
    case 'setDone':
      return t(action.done ? 'undoMarkedDone' : 'undoMarkedNotDone', name);
    case 'editTask':
      return t('undoEditedTask', name);
    case 'renameList':
      return t('undoRenamedList', name);
    case 'moveTask':
      return t('undoMovedTask', name);
  }
}
