// The task app's forms (ItemForm.tsx) as each place opens them, with what
// their submit does: a list's add form, a task's edit form, a list's rename
// form, and the new list form. Only a user opens one, so they are a part
// loaded on use (onUse.ts) with the form they hold. `onClose` is called on
// cancel and after a submit that closes the form (the opener gives focus
// back to its button).
import { useState } from 'preact/hooks';
import type { Task, TaskList } from '../core/types';
import { addTask } from './addTask';
import { useBoardActions } from './boardActions';
import { t } from './i18n';
import { ItemForm } from './ItemForm';
import { shortName } from './shortName';

/** A list's add form: it stays open for the next task (adding several in a row is common), and says where a task went when its "#List" sent it to another list. */
export function AddTaskForm({ list, onClose }: { list: TaskList; onClose: () => void }) {
  const actions = useBoardActions();
  const [formKey, setFormKey] = useState(0);
  /** said after a task from this form went to another list ("#List") */
  const [addedElsewhere, setAddedElsewhere] = useState('');
  return (
    <>
      <ItemForm
        key={formKey}
        label={t('newTaskLabel')}
        withDescription
        listNames={() => actions.lists().map((l) => l.name)}
        submitLabel={t('add')}
        onCancel={onClose}
        onSubmit={async (v) => {
          setFormKey(formKey + 1);
          setAddedElsewhere('');
          const to = await addTask(actions, list, v);
          if (to && to.id !== list.id) setAddedElsewhere(t('taskAdded', [shortName(v.name, 60), shortName(to.name, 60)]));
        }}
      />
      <p class="lct-hint lct-live" role="status">
        {addedElsewhere}
      </p>
    </>
  );
}

export function EditTaskForm({ task, onClose }: { task: Task; onClose: () => void }) {
  const actions = useBoardActions();
  return (
    <ItemForm
      label={t('editTaskLabel')}
      withDescription
      initial={task}
      submitLabel={t('save')}
      onCancel={onClose}
      onSubmit={(v) => {
        onClose();
        void actions.edit({ op: 'editTask', id: task.id, ...v });
      }}
    />
  );
}

export function RenameListForm({ list, onClose }: { list: TaskList; onClose: () => void }) {
  const actions = useBoardActions();
  return (
    <ItemForm
      label={t('renameListLabel')}
      initial={list}
      submitLabel={t('save')}
      onCancel={onClose}
      onSubmit={(v) => {
        onClose();
        if (v.name !== list.name) void actions.edit({ op: 'renameList', id: list.id, name: v.name });
      }}
    />
  );
}

/** `onCreate` makes the list (a list's creation is not undone: it is not the board's edit). */
export function NewListForm({ onClose, onCreate }: { onClose: () => void; onCreate: (name: string) => void }) {
  return (
    <ItemForm
      label={t('newListLabel')}
      submitLabel={t('add')}
      onCancel={onClose}
      onSubmit={(v) => {
        onClose();
        onCreate(v.name);
      }}
    />
  );
}
