// "Move to list…": the keyboard (and touch) way to send a task to another
// list; it lands at the end of the chosen list.
import { useState } from 'preact/hooks';
import type { Task, TaskList } from '../core/types';
import { Dialog } from './Dialog';
import { t } from './i18n';

const shortName = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

export function MoveDialog(props: { task: Task; lists: TaskList[]; onMove: (listId: string) => void; onCancel: () => void }) {
  const [listId, setListId] = useState(props.task.list);
  return (
    <Dialog title={t('moveTaskTitle')} onCancel={props.onCancel} initialFocus="select">
      <form
        class="lct-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onMove(listId);
        }}
      >
        <p class="lct-text" dir="auto">
          {shortName(props.task.name)}
        </p>
        <label class="lct-field">
          <span>{t('targetList')}</span>
          <select class="lct-input" value={listId} onChange={(e) => setListId(e.currentTarget.value)}>
            {props.lists.map((l) => (
              <option key={l.id} value={l.id}>
                {shortName(l.name)}
              </option>
            ))}
          </select>
        </label>
        <div class="lct-form-actions">
          <button type="submit" class="lct-btn lct-btn-primary">
            {t('move')}
          </button>
          <button type="button" class="lct-btn" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
