// A list's form for adding tasks, opened by its header's "+": it stays open
// for the next task (adding several in a row is common), and says where a
// task went when its "#List" sent it to another list. Loaded on first use
// (onUse.ts) with the form it holds.
import { useState } from 'preact/hooks';
import type { TaskList } from '../core/types';
import { addTask } from './addTask';
import { useBoardActions } from './boardActions';
import { t } from './i18n';
import { ItemForm } from './ItemForm';
import { shortName } from './shortName';

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
