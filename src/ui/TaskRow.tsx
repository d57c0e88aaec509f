// One task: drag handle, done box, name and description, and its actions
// (edit, move to list, delete). Memoized by task reference: core updates
// are immutable, so an unchanged task costs nothing on re-render.
import { useEffect, useState } from 'preact/hooks';
import { TASK_ROW_FIELDS } from '../core/fields';
import { parseMessageRef } from '../core/message-ref';
import type { Task } from '../core/types';
import { useBoardActions } from './boardActions';
import { doneToggle } from './DoneToggle';
import { useHighlight } from './Highlight';
import { iconButton, pendingMark } from './icons';
import { t } from './i18n';
import { boardEdits, EditTaskForm } from './onUse';
import { longText } from './LongText';
import { memo } from './memo';
import { useShowMessage } from './showMessage';
import { useFocusReturn } from './useFocusReturn';

export const domId = (prefix: string, id: string) => `lct-${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** how long "no longer in the chat" stays under the task */
const MESSAGE_GONE_MS = 6000;

type RowProps = { task: Task; pending: boolean; changed: boolean };

/**
 * Rows render again only when what they show changed: a move renumbers the
 * tasks around it (their order), and the whole list need not render for it.
 * The skipped row's handlers keep the previous task object, equal in all they read.
 */
const sameRow = (a: RowProps, b: RowProps) =>
  a.pending === b.pending &&
  a.changed === b.changed &&
  (a.task === b.task || (a.task.id === b.task.id && TASK_ROW_FIELDS.every((field) => a.task[field] === b.task[field])));

export const TaskRow = memo(function TaskRow(props: RowProps) {
  const { task } = props;
  const actions = useBoardActions();
  const marks = useHighlight();
  const showMessage = useShowMessage();
  const messageRef = showMessage ? parseMessageRef(task.description) : undefined;
  /** why "Show message" could not show it, said for a few seconds */
  const [messageMissing, setMessageMissing] = useState<'' | 'gone' | 'no-chat'>('');
  useEffect(() => {
    if (!messageMissing) return;
    const timer = setTimeout(() => setMessageMissing(''), MESSAGE_GONE_MS);
    return () => clearTimeout(timer);
  }, [messageMissing]);
  const [editing, setEditing] = useState(false);
  const editButton = useFocusReturn<HTMLButtonElement>();
  const stopEditing = () => {
    editButton.returnFocus();
    setEditing(false);
  };
  const nameId = domId('task', task.id);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    if ((e.target as HTMLElement).closest('form')) return;
    e.preventDefault();
    actions.moveBy(task.id, e.key === 'ArrowUp' ? -1 : 1);
  };

  const cls = ['lct-task', task.done && 'is-done', props.pending && 'is-pending', props.changed && 'is-changed'].filter(Boolean).join(' ');

  if (editing) {
    return (
      // biome-ignore lint/a11y/useSemanticElements: rows come in chunks (TaskChunk), and an <li> must be a child of its list
      <div role="listitem" class={cls} data-task-id={task.id}>
        <EditTaskForm task={task} onClose={stopEditing} />
      </div>
    );
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: rows come in chunks (TaskChunk), and an <li> must be a child of its list
    <div role="listitem" class={cls} data-task-id={task.id} onKeyDown={onKeyDown}>
      {iconButton('grip', t('dragHandle'), {
        class: 'lct-handle',
        'data-focus': 'handle',
        'aria-describedby': nameId,
        title: t('dragHandleHint'),
        onPointerDown: (e) => actions.startDrag(e, task.id),
        onKeyDown: (e) => {
          // the handle moves with plain arrows too: it exists for moving
          if (!e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            actions.moveBy(task.id, e.key === 'ArrowUp' ? -1 : 1);
          }
        },
      })}
      {doneToggle(task, nameId, (done) => void actions.edit({ op: 'setDone', id: task.id, done }))}
      <div class="lct-task-body">
        {longText({ id: nameId, class: 'lct-task-name', text: task.name, marks })}
        {task.description && longText({ tag: 'p', class: 'lct-task-desc', text: task.description, marks })}
        {messageRef && (
          // there while the row offers "Show message", so that filling it is announced
          <p class="lct-hint" role="status">
            {messageMissing && t(messageMissing === 'gone' ? 'messageGone' : 'messageNoChat')}
          </p>
        )}
        {props.pending && pendingMark()}
      </div>
      <div class="lct-task-actions">
        {messageRef &&
          iconButton('chat', t('showMessage'), {
            'data-focus': 'show-message',
            'aria-describedby': nameId,
            onClick: () => void showMessage?.(messageRef).then((shown) => setMessageMissing(shown === 'shown' ? '' : shown)),
          })}
        {iconButton('pencil', t('editTask'), {
          ref: editButton.ref,
          'data-focus': 'edit',
          'aria-describedby': nameId,
          onClick: () => setEditing(true),
        })}
        {iconButton('move', t('moveTask'), {
          'data-focus': 'move',
          'aria-describedby': nameId,
          onClick: () => actions.openMoveDialog(task.id),
        })}
        {iconButton('trash', t('deleteTask'), {
          class: 'lct-danger',
          'data-focus': 'delete',
          'aria-describedby': nameId,
          onClick: (e) => {
            const row = e.currentTarget.closest<HTMLElement>('[data-task-id]')!;
            boardEdits.use((code) => code.deleteTask(actions, row, task));
          },
        })}
      </div>
    </div>
  );
}, sameRow);
