// The task app's dialogs (its `modal`): confirming a deletion, moving a task
// to another list. Loaded on use with both (onUse.ts): no first paint shows
// them.
import { getTask } from '../core/room-query';
import type { RoomItems, TaskList } from '../core/types';
import { ConfirmDialog } from './ConfirmDialog';
import { MoveDialog } from './MoveDialog';

export type TaskModal =
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; resolve: (ok: boolean) => void }
  | { kind: 'move'; taskId: string };

export function TaskDialogs(props: {
  modal: TaskModal;
  items: RoomItems;
  lists: TaskList[];
  /** closes the dialog; `ok` confirms */
  onClose: (ok: boolean) => void;
  onMove: (taskId: string, listId: string) => void;
}) {
  const { modal, onClose } = props;
  if (modal.kind === 'confirm') {
    return <ConfirmDialog title={modal.title} message={modal.message} confirmLabel={modal.confirmLabel} onClose={onClose} />;
  }
  // a task deleted meanwhile (by another moderator) has nothing to move
  const task = getTask(props.items, modal.taskId);
  return task ? (
    <MoveDialog
      task={task}
      lists={props.lists}
      onCancel={() => onClose(false)}
      onMove={(listId) => {
        onClose(false);
        props.onMove(task.id, listId);
      }}
    />
  ) : null;
}
