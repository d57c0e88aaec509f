// The full Task Application for one room (PROTOCOL.md §8), the same in the
// page panel, the side panel and (in parts) the popup. It only paints the
// RoomView it is given and turns user actions into Edits: the background
// owns the data, applies edits optimistically and pushes the next view.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getList, getTask, sortedLists, tasksOf } from '../core/room';
import type { RoomView, Task } from '../core/types';
import { roomKey } from '../core/types';
import type { BoardActions, DropPlace } from './boardActions';
import { BoardActionsContext } from './boardActions';
import { Dialog } from './Dialog';
import { ErrorRegion } from './ErrorRegion';
import { beginDrag } from './dragReorder';
import { t, tn, uiDir, uiLang } from './i18n';
import { Icon } from './icons';
import { ItemForm } from './ItemForm';
import { ListSection } from './ListSection';
import { MoveDialog } from './MoveDialog';
import { usePref } from './prefs';
import { Banners, BlockingState } from './StateNotices';
import { useEditRunner, type OnEdit } from './useEditRunner';

export interface TaskAppProps {
  view: RoomView;
  onEdit: OnEdit;
  /** 'panel' beside PeerTube's chat (compact), 'sidepanel' for the browser's side panel */
  variant?: 'panel' | 'sidepanel';
}

type Modal =
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; resolve: (ok: boolean) => void }
  | { kind: 'move'; taskId: string };

const EMPTY: ReadonlySet<string> = new Set();

/** Tasks per list, reusing last render's array when a list's tasks are the same objects, so untouched lists skip re-rendering. */
function useTasksByList(view: RoomView, listIds: string[]): Map<string, Task[]> {
  const previous = useRef(new Map<string, Task[]>());
  return useMemo(() => {
    const next = new Map<string, Task[]>();
    for (const id of listIds) {
      const fresh = tasksOf(view.items, id);
      const old = previous.current.get(id);
      const same = old && old.length === fresh.length && old.every((task, i) => task === fresh[i]);
      next.set(id, same ? old : fresh);
    }
    previous.current = next;
    return next;
  }, [view.items, listIds]);
}

function activeElementOf(node: Node | null): Element | null {
  return node ? ((node.getRootNode() as Document | ShadowRoot).activeElement ?? null) : null;
}

export function TaskApp({ view, onEdit, variant = 'panel' }: TaskAppProps) {
  const { run, error, clearError } = useEditRunner(onEdit);
  const [hideDone, setHideDone] = usePref('hideDone', false);
  const [collapsedIds, setCollapsedIds] = usePref<string[]>(`collapsed:${roomKey(view.ref)}`, []);
  const [modal, setModal] = useState<Modal | null>(null);
  const [creatingList, setCreatingList] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  /** after a keyboard move the row is re-created elsewhere: focus follows it */
  const focusAfterMove = useRef<{ taskId: string; focus: string } | null>(null);

  const lists = useMemo(() => sortedLists(view.items), [view.items]);
  const listIds = useMemo(() => lists.map((l) => l.id), [lists]);
  const tasksByList = useTasksByList(view, listIds);
  const pending = useMemo(() => (view.pending.length ? new Set(view.pending.map((p) => p.itemId)) : EMPTY), [view.pending]);
  const changed = useMemo(() => (view.changed.length ? new Set(view.changed) : EMPTY), [view.changed]);
  const collapsed = useMemo(() => new Set(collapsedIds), [collapsedIds]);

  // The actions object never changes (rows are memoized); it reads the latest state through this ref.
  const latest = useRef({ view, hideDone, collapsedIds, run });
  latest.current = { view, hideDone, collapsedIds, run };

  const actions = useMemo<BoardActions>(() => {
    const moveTo = (taskId: string, place: DropPlace) => {
      const { items } = latest.current.view;
      const task = getTask(items, taskId);
      const list = getList(items, place.listId);
      if (!task || !list) return;
      const rest = tasksOf(items, place.listId).filter((x) => x.id !== taskId);
      const at = place.refId ? rest.findIndex((x) => x.id === place.refId) : -1;
      const index = at < 0 ? rest.length : at + (place.after ? 1 : 0);
      if (task.list === place.listId && tasksOf(items, task.list).findIndex((x) => x.id === taskId) === index) return;
      setAnnouncement(t('taskMoved', [task.name.slice(0, 100), String(index + 1), list.name.slice(0, 100)]));
      void latest.current.run({ op: 'moveTask', id: taskId, list: place.listId, index });
    };
    return {
      edit: (e) => latest.current.run(e),
      confirm: (title, message, confirmLabel) =>
        new Promise<boolean>((resolve) => setModal({ kind: 'confirm', title, message, confirmLabel, resolve })),
      toggleCollapsed: (listId) => {
        const ids = latest.current.collapsedIds;
        setCollapsedIds(ids.includes(listId) ? ids.filter((id) => id !== listId) : [...ids, listId]);
      },
      moveTo,
      moveBy: (taskId, delta) => {
        const { view: v, hideDone: hide } = latest.current;
        const task = getTask(v.items, taskId);
        if (!task) return;
        const visible = tasksOf(v.items, task.list).filter((x) => x.id === taskId || !(hide && x.done));
        const neighbour = visible[visible.findIndex((x) => x.id === taskId) + delta];
        if (!neighbour) {
          setAnnouncement(delta < 0 ? t('alreadyFirst') : t('alreadyLast'));
          return;
        }
        const focused = activeElementOf(rootRef.current)?.closest<HTMLElement>('[data-focus]');
        focusAfterMove.current = { taskId, focus: focused?.dataset.focus ?? 'handle' };
        moveTo(taskId, { listId: task.list, refId: neighbour.id, after: delta > 0 });
      },
      openMoveDialog: (taskId) => setModal({ kind: 'move', taskId }),
      startDrag: (e, taskId) => beginDrag(e, taskId, (place) => moveTo(taskId, place)),
    };
  }, [setCollapsedIds]);

  useLayoutEffect(() => {
    const target = focusAfterMove.current;
    if (!target || !rootRef.current) return;
    const row = rootRef.current.querySelector(`[data-task-id="${target.taskId.replace(/["\\]/g, '\\$&')}"]`);
    const el = row?.querySelector<HTMLElement>(`[data-focus="${target.focus}"]`);
    if (el && activeElementOf(el) !== el) el.focus();
  });

  // Changes by other moderators: highlighted in the rows (class), and told to screen readers.
  useEffect(() => {
    if (view.changed.length) setAnnouncement(tn('changedByOthers', view.changed.length));
  }, [view.changed]);

  const closeModal = (ok: boolean) => {
    if (modal?.kind === 'confirm') modal.resolve(ok);
    setModal(null);
  };
  const movingTask = modal?.kind === 'move' ? getTask(view.items, modal.taskId) : undefined;
  const blocked = view.rights === 'none' || !view.loaded;

  return (
    <div ref={rootRef} class={`lct-root lct-${variant}`} lang={uiLang()} dir={uiDir()}>
      <header class="lct-header">
        <h2 class="lct-title" dir="auto" title={view.title.slice(0, 500)}>
          {view.title.slice(0, 200) || t('tasks')}
        </h2>
        <span class={`lct-status lct-status-${view.status}`} title={t(`status_${view.status}`)}>
          <span class="lct-sr">{t(`status_${view.status}`)}</span>
        </span>
        {!blocked && (
          <div class="lct-toolbar">
            <button type="button" class="lct-btn lct-toggle" aria-pressed={hideDone} onClick={() => setHideDone(!hideDone)}>
              <Icon name="eye" />
              {t('hideDone')}
            </button>
            <button type="button" class="lct-btn" onClick={() => setCreatingList(true)}>
              <Icon name="plus" />
              {t('newList')}
            </button>
          </div>
        )}
      </header>
      <ErrorRegion error={error} onDismiss={clearError} />
      <div class="lct-sr" aria-live="polite">
        {announcement}
      </div>
      {blocked ? (
        <BlockingState view={view} />
      ) : (
        <BoardActionsContext.Provider value={actions}>
          <Banners view={view} />
          <div class="lct-lists">
            {creatingList && (
              <ItemForm
                label={t('newListLabel')}
                submitLabel={t('add')}
                onCancel={() => setCreatingList(false)}
                onSubmit={(v) => {
                  setCreatingList(false);
                  void run({ op: 'createList', name: v.name });
                }}
              />
            )}
            {lists.length === 0 && !creatingList && (
              <div class="lct-state lct-empty">
                <p>{t('noLists')}</p>
                <button type="button" class="lct-btn lct-btn-primary" onClick={() => setCreatingList(true)}>
                  {t('createFirstList')}
                </button>
              </div>
            )}
            {lists.map((list) => (
              <ListSection
                key={list.id}
                list={list}
                tasks={tasksByList.get(list.id)!}
                collapsed={collapsed.has(list.id)}
                hideDone={hideDone}
                pending={pending}
                changed={changed}
              />
            ))}
          </div>
        </BoardActionsContext.Provider>
      )}
      {modal?.kind === 'confirm' && (
        <Dialog title={modal.title} onCancel={() => closeModal(false)} initialFocus=".lct-cancel">
          <p class="lct-text" dir="auto">
            {modal.message}
          </p>
          <div class="lct-form-actions">
            <button type="button" class="lct-btn lct-btn-danger" onClick={() => closeModal(true)}>
              {modal.confirmLabel}
            </button>
            <button type="button" class="lct-btn lct-cancel" onClick={() => closeModal(false)}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
      {movingTask && (
        <MoveDialog
          task={movingTask}
          lists={lists}
          onCancel={() => closeModal(false)}
          onMove={(listId) => {
            closeModal(false);
            actions.moveTo(movingTask.id, { listId, refId: null, after: false });
          }}
        />
      )}
    </div>
  );
}
