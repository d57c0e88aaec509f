// One task list: a header (collapse, name, open count, add, rename,
// delete) and its tasks, in chunks that render their rows only near the
// view (TaskChunk). A collapsed list renders no task at all.
import { useState } from 'preact/hooks';
import type { Task, TaskList } from '../core/types';
import { useBoardActions } from './boardActions';
import { icon, iconButton, pendingMark } from './icons';
import { t, tn } from './i18n';
import { AddTaskForm, boardEdits, RenameListForm } from './onUse';
import { longText } from './LongText';
import { memo } from './memo';
import { useFocusReturn } from './useFocusReturn';
import { CHUNK_SIZE, TaskChunk } from './TaskChunk';
import { domId } from './TaskRow';

/** The tasks in runs of CHUNK_SIZE: only the runs near the view render their rows. */
function chunksOf(tasks: readonly Task[]): (readonly Task[])[] {
  const chunks: Task[][] = [];
  for (let i = 0; i < tasks.length; i += CHUNK_SIZE) chunks.push(tasks.slice(i, i + CHUNK_SIZE));
  return chunks;
}

export const ListSection = memo(function ListSection(props: {
  list: TaskList;
  /** the list's tasks, sorted as shown */
  tasks: readonly Task[];
  collapsed: boolean;
  hideDone: boolean;
  pending: ReadonlySet<string>;
  changed: ReadonlySet<string>;
  /** whether only the rows near the view render (a big room, windowing.ts) */
  windowed: boolean;
}) {
  const { list, tasks } = props;
  const actions = useBoardActions();
  const [mode, setMode] = useState<'view' | 'rename' | 'add'>('view');
  const renameButton = useFocusReturn<HTMLButtonElement>();
  const addButton = useFocusReturn<HTMLButtonElement>();
  const nameId = domId('list', list.id);
  const bodyId = domId('list-body', list.id);
  const total = tasks.length;
  const open = tasks.reduce((n, task) => (task.done ? n : n + 1), 0);
  const shown = props.hideDone ? tasks.filter((task) => !task.done) : tasks;

  const cls = ['lct-list', props.pending.has(list.id) && 'is-pending', props.changed.has(list.id) && 'is-changed']
    .filter(Boolean)
    .join(' ');

  return (
    <section class={cls} data-list-id={list.id} aria-labelledby={nameId}>
      {mode === 'rename' ? (
        <RenameListForm
          list={list}
          onClose={() => {
            renameButton.returnFocus();
            setMode('view');
          }}
        />
      ) : (
        <header class="lct-list-header">
          <button
            type="button"
            class="lct-icon-btn lct-collapse"
            data-focus="collapse"
            aria-expanded={!props.collapsed}
            aria-controls={bodyId}
            aria-labelledby={nameId}
            onClick={() => actions.toggleCollapsed(list.id)}
          >
            {icon('chevron')}
          </button>
          <div class="lct-list-name">
            {/* the "Show more" button stays out of the heading, so the heading is just the name */}
            {longText({ tag: 'h3', id: nameId, text: list.name, maxChars: 100 })}
          </div>
          {props.pending.has(list.id) && pendingMark()}
          <span class="lct-counts" title={tn('openOfTotal', open, [total])}>
            {/* "2 open", not "2/3": a fraction beside a list reads as done/total */}
            <span aria-hidden="true">{tn('openCount', open)}</span>
            <span class="lct-sr">{tn('openOfTotal', open, [total])}</span>
          </span>
          {iconButton('plus', t('addTask'), {
            ref: addButton.ref,
            'data-focus': 'add',
            'aria-describedby': nameId,
            onClick: () => {
              if (props.collapsed) actions.toggleCollapsed(list.id);
              setMode('add');
            },
          })}
          {iconButton('pencil', t('renameList'), { ref: renameButton.ref, 'aria-describedby': nameId, onClick: () => setMode('rename') })}
          {iconButton('trash', t('deleteList'), {
            class: 'lct-danger',
            'aria-describedby': nameId,
            onClick: (e) => {
              const section = e.currentTarget.closest('section')!;
              boardEdits.use((code) => code.deleteList(actions, section, list, total));
            },
          })}
        </header>
      )}
      {!props.collapsed && (
        <div id={bodyId} class="lct-list-body">
          {shown.length > 0 ? (
            // biome-ignore lint/a11y/useSemanticElements: its rows come in chunks (only those near the view are rendered), which a <ul> may not hold
            <div role="list" class="lct-tasks">
              {chunksOf(shown).map((tasks, i) => (
                <TaskChunk
                  key={i}
                  tasks={tasks}
                  first={i * CHUNK_SIZE}
                  setSize={shown.length}
                  pending={props.pending}
                  changed={props.changed}
                  windowed={props.windowed}
                />
              ))}
            </div>
          ) : (
            <p class="lct-empty-list">{total === 0 ? t('emptyList') : t('allDoneHidden')}</p>
          )}
          {mode === 'add' && (
            <AddTaskForm
              list={list}
              onClose={() => {
                addButton.returnFocus();
                setMode('view');
              }}
            />
          )}
        </div>
      )}
    </section>
  );
});
