// "Move to list…": the keyboard (and touch) way to send a task to another
// list; it lands at the end of the chosen list.
import { useState } from 'preact/hooks';
import type { Task, TaskList } from '../core/types';
import { Dialog } from './Dialog';
import { t } from './i18n';
import { ListSelect } from './ListSelect';
import { shortName } from './shortName';

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
        <ListSelect lists={props.lists} value={listId} onChange={setListId} />
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
