// The last few tasks added to the room, newest first, with their done
// boxes: what the popup shows at a glance. Item order in RoomItems is
// arrival order (the server returns oldest first), so the newest are last.
import { useMemo } from 'preact/hooks';
import { getList } from '../core/room-query';
import type { RoomView } from '../core/types';
import { doneToggle } from './DoneToggle';
import { ErrorRegion } from './ErrorRegion';
import { t, uiDir, uiLang } from './i18n';
import { LongText } from './LongText';
import { domId } from './TaskRow';
import { useEditRunner, type OnEdit } from './useEditRunner';

export function RecentTasks(props: { view: RoomView; onEdit: OnEdit; limit?: number }) {
  const { items, pending } = props.view;
  const { run, error, clearError } = useEditRunner(props.onEdit);
  const recent = useMemo(
    () =>
      Object.values(items.tasks)
        .filter((task) => getList(items, task.list))
        .slice(-(props.limit ?? 5))
        .reverse(),
    [items, props.limit],
  );
  const pendingIds = useMemo(() => new Set(pending.map((p) => p.itemId)), [pending]);

  return (
    <section class="lct-root lct-recent" lang={uiLang()} dir={uiDir()} aria-labelledby="lct-recent-title">
      <h2 id="lct-recent-title" class="lct-recent-title">
        {t('recentTasks')}
      </h2>
      {recent.length === 0 ? (
        <p class="lct-hint">{t('noRecentTasks')}</p>
      ) : (
        <ul class="lct-tasks">
          {recent.map((task) => {
            const nameId = domId('recent', task.id);
            return (
              <li key={task.id} class={`lct-task${task.done ? ' is-done' : ''}${pendingIds.has(task.id) ? ' is-pending' : ''}`}>
                {doneToggle(task, nameId, (done) => void run({ op: 'setDone', id: task.id, done }))}
                <div class="lct-task-body">
                  <LongText id={nameId} class="lct-task-name" text={task.name} />
                  <span class="lct-hint lct-recent-list" dir="auto">
                    {getList(items, task.list)!.name.slice(0, 60)}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorRegion error={error} onDismiss={clearError} />
    </section>
  );
}
