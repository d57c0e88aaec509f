// The full Task Application for one room (docs/protocol.md §8), the same in the
// page panel, the side panel and (in parts) the popup. It only paints the
// RoomView it is given and turns user actions into Edits: the background
// owns the data, applies edits optimistically and pushes the next view.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sortedLists } from '../core/room-query';
import type { RoomItems, RoomView } from '../core/types';
import { roomKey } from '../core/types';
import { activeElementOf, type BoardActions, BoardActionsContext } from './boardActions';
import type { Board } from './boardEdits';
import { ConnectionStatus } from './ConnectionStatus';
import { ErrorRegion } from './ErrorRegion';
import { HighlightContext } from './Highlight';
import { t, tn, uiDir, uiLang } from './i18n';
import { Icon } from './icons';
import { ListSection } from './ListSection';
import { Banners, BlockingState, boardEdits, NewListForm, TaskDialogs } from './onUse';
import { startDrag } from './startDrag';
import { usePref } from './prefs';
import { SearchBar } from './SearchBar';
import { type ShowMessage, ShowMessageContext } from './showMessage';
import { idsByList, useTasksByList } from './roomGroups';
import { useThemeScheme } from './themeScheme';
import { UndoToast } from './UndoToast';
import { LoadingState, onlyLoading } from './LoadingState';
import { useEditRunner, type OnEdit } from './useEditRunner';
import { useFocusReturn } from './useFocusReturn';
import type { TaskModal } from './TaskDialogs';
import { useLocalEdits } from './useLocalEdits';
import { ListsLater, useStagedLists } from './stagedLists';
import { isWindowed } from './windowing';
import { useTaskSearch } from './useTaskSearch';
import { useUndo } from './useUndo';

export interface TaskAppProps {
  view: RoomView;
  onEdit: OnEdit;
  /** 'panel' beside PeerTube's chat (compact), 'sidepanel' for the browser's side panel */
  variant?: 'panel' | 'sidepanel';
  /** the side panel shows the room's title itself, above the Tasks and Notes tabs */
  titleAbove?: boolean;
  /** where the chat is in reach: shows a task's chat message (absent: rows offer no "Show message") */
  showMessage?: ShowMessage;
}

const EMPTY: ReadonlySet<string> = new Set();

/** One room's app; another room gets a fresh one (no dialog, form or preference of the previous room carried over). */
export function TaskApp(props: TaskAppProps) {
  return <RoomTaskApp key={roomKey(props.view.ref)} {...props} />;
}

function RoomTaskApp({ view: received, onEdit, variant = 'panel', titleAbove = false, showMessage }: TaskAppProps) {
  // done and moves show at once, before the background's view carries them
  // (deltas keep every unchanged item's object, core/view-delta.ts: memoized lists and rows compare by reference)
  const [view, onEditNow] = useLocalEdits(received, onEdit);
  const { run, error, clearError } = useEditRunner(onEditNow);
  const [hideDone, setHideDone] = usePref('hideDone', false);
  const [collapsedIds, setCollapsedIds] = usePref<string[]>(`collapsed:${roomKey(view.ref)}`, []);
  const [modal, setModal] = useState<TaskModal | null>(null);
  const [creatingList, setCreatingList] = useState(false);
  const newListButton = useFocusReturn<HTMLButtonElement>();
  const stopCreatingList = () => {
    newListButton.returnFocus();
    setCreatingList(false);
  };
  const [announcement, setAnnouncement] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  useThemeScheme(rootRef); // scrollbars and native controls as dark as the page's theme
  const undo = useUndo({ items: view.items, run, announce: setAnnouncement, root: rootRef });
  /** where focus goes once the next items arrive: after a keyboard move the row is re-created elsewhere, after a deletion it is gone */
  const focusAfterChange = useRef<{ selector: string; before: RoomItems } | null>(null);

  const lists = useMemo(() => sortedLists(view.items), [view.items.lists]);
  const listIds = useMemo(() => lists.map((l) => l.id), [lists]);
  const tasksByList = useTasksByList(view.items, listIds);
  const pending = useMemo(
    () =>
      idsByList(
        view.items,
        view.pending.map((p) => p.itemId),
      ),
    [view.items, view.pending],
  );
  const changed = useMemo(() => idsByList(view.items, view.changed), [view.items, view.changed]);
  const search = useTaskSearch(tasksByList);
  const collapsed = useMemo(() => new Set(collapsedIds), [collapsedIds]);
  const blocked = view.rights === 'none' || !view.loaded;

  // The actions object never changes (rows are memoized); it reads the latest state through this ref.
  const latest = useRef({ view, lists, hideDone, collapsedIds, run: undo.run, tasksByList, showMessage });
  latest.current = { view, lists, hideDone, collapsedIds, run: undo.run, tasksByList, showMessage };

  // One function for every row, the same as long as the chat stays in reach: shows the message, and tells the row whether it could.
  const reachChat = !!showMessage;
  const showRowMessage = useMemo(
    () =>
      reachChat
        ? async (ref: Parameters<ShowMessage>[0]) => {
            const shown = (await latest.current.showMessage?.(ref)) ?? 'no-chat';
            if (shown === 'shown') setAnnouncement(t('messageShown'));
            return shown;
          }
        : null,
    [reachChat],
  );

  const actions = useMemo<BoardActions>(() => {
    /** the app as a move reads it (boardEdits.ts), as it is when the move is made */
    const board = (): Board => {
      const { view: v, hideDone: hide, tasksByList: byList, run: send } = latest.current;
      return { items: v.items, hideDone: hide, tasksIn: (listId) => byList.get(listId) ?? [], announce: setAnnouncement, run: send };
    };
    const boardActions: BoardActions = {
      edit: (e) => latest.current.run(e),
      lists: () => latest.current.lists,
      confirm: (title, message, confirmLabel) =>
        new Promise<boolean>((resolve) => setModal({ kind: 'confirm', title, message, confirmLabel, resolve })),
      toggleCollapsed: (listId) => {
        const ids = latest.current.collapsedIds;
        setCollapsedIds(ids.includes(listId) ? ids.filter((id) => id !== listId) : [...ids, listId]);
      },
      moveTo: (taskId, place) => boardEdits.use((code) => code.moveTo(board(), taskId, place)),
      moveBy: (taskId, delta) => boardEdits.use((code) => code.moveBy(board(), boardActions, rootRef.current, taskId, delta)),
      openMoveDialog: (taskId) => setModal({ kind: 'move', taskId }),
      startDrag: (e, taskId) => {
        void boardEdits.get(); // so that the drop moves the task at once, also when the drag came before the idle preload
        startDrag(e, taskId, (place) => boardActions.moveTo(taskId, place));
      },
      focusAfterChange: (selector) => {
        focusAfterChange.current = { selector, before: latest.current.view.items };
      },
    };
    return boardActions;
  }, [setCollapsedIds]);

  useLayoutEffect(() => {
    const target = focusAfterChange.current;
    if (!target || target.before === view.items || !rootRef.current) return;
    focusAfterChange.current = null;
    const el = rootRef.current.querySelector<HTMLElement>(target.selector);
    if (el && activeElementOf(el) !== el) el.focus();
  }, [view.items]);

  // Changes by other moderators: highlighted in the rows (class), and told to screen readers.
  useEffect(() => {
    if (view.changed.length) setAnnouncement(tn('changedByOthers', view.changed.length));
  }, [view.changed]);

  const closeModal = (ok: boolean) => {
    if (modal?.kind === 'confirm') modal.resolve(ok);
    setModal(null);
  };
  const staged = useStagedLists(lists.length);
  // by the room's size, not what a search shows: typing in the search field must not switch every row's chunk
  let roomTasks = 0;
  for (const tasks of tasksByList.values()) roomTasks += tasks.length;
  const windowed = isWindowed(roomTasks);
  const later = lists.slice(staged).filter((list) => !collapsed.has(list.id));

  return (
    <div ref={rootRef} class={`lct-root lct-${variant}`} lang={uiLang()} dir={uiDir()}>
      <header class="lct-header">
        {variant === 'sidepanel' && !titleAbove ? (
          <RoomTitle view={view} />
        ) : (
          // the page panel's frame, or the side panel above the tabs, already shows the room's name
          <span class="lct-title" />
        )}
        <ConnectionStatus status={view.status} />
        {!blocked && (
          <div class="lct-toolbar">
            <button type="button" class="lct-btn lct-toggle" aria-pressed={hideDone} onClick={() => setHideDone(!hideDone)}>
              <Icon name="eye" />
              {t('hideDone')}
            </button>
            <button ref={newListButton.ref} type="button" class="lct-btn" data-focus="new-list" onClick={() => setCreatingList(true)}>
              <Icon name="plus" />
              {t('newList')}
            </button>
          </div>
        )}
      </header>
      {!blocked && <SearchBar filter={search.filter} onChange={search.setFilter} active={search.active} matches={search.matches} />}
      <ErrorRegion error={error} onDismiss={clearError} />
      <div class="lct-sr" aria-live="polite">
        {announcement}
      </div>
      {blocked ? (
        onlyLoading(view) ? (
          <LoadingState />
        ) : (
          <BlockingState view={view} />
        )
      ) : (
        <BoardActionsContext.Provider value={actions}>
          <ShowMessageContext.Provider value={showRowMessage}>
            <HighlightContext.Provider value={search.highlight}>
              <Banners view={view} />
              <div class="lct-lists">
                {creatingList && <NewListForm onClose={stopCreatingList} onCreate={(name) => void run({ op: 'createList', name })} />}
                {lists.length === 0 && !creatingList && (
                  <div class="lct-state lct-empty">
                    <p>{t('noLists')}</p>
                    <button type="button" class="lct-btn lct-btn-primary" onClick={() => setCreatingList(true)}>
                      {t('createFirstList')}
                    </button>
                  </div>
                )}
                {search.active && search.matches === 0 && lists.length > 0 && <p class="lct-state lct-empty">{t('noTaskMatches')}</p>}
                {lists.slice(0, staged).map((list) => {
                  const tasks = search.shownByList.get(list.id)!;
                  if (search.active && !tasks.length) return null; // a search shows only the lists it found tasks in
                  return (
                    <ListSection
                      key={list.id}
                      list={list}
                      tasks={tasks}
                      collapsed={collapsed.has(list.id)}
                      hideDone={hideDone && search.filter.status !== 'done'}
                      pending={pending.get(list.id) ?? EMPTY}
                      changed={changed.get(list.id) ?? EMPTY}
                      windowed={windowed}
                    />
                  );
                })}
                <ListsLater
                  lists={lists.length - staged}
                  rows={later.reduce((n, list) => n + search.shownByList.get(list.id)!.length, 0)}
                />
              </div>
            </HighlightContext.Provider>
          </ShowMessageContext.Provider>
        </BoardActionsContext.Provider>
      )}
      <UndoToast
        entry={blocked ? null : undo.toast}
        onDismiss={undo.dismiss}
        onUndo={(entry) => {
          actions.focusAfterChange(entry.focus);
          void undo.undo(entry);
        }}
      />
      {modal && (
        <TaskDialogs
          modal={modal}
          items={view.items}
          lists={lists}
          onClose={closeModal}
          onMove={(taskId, listId) => actions.moveTo(taskId, { listId, refId: null, after: false })}
        />
      )}
    </div>
  );
}

/** The room's name as the side panel's heading (the page panel's frame shows it there). */
export function RoomTitle({ view }: { view: RoomView }) {
  return (
    <h2 class="lct-title" dir="auto" title={view.title.slice(0, 500)}>
      {view.title.slice(0, 200) || t('tasks')}
    </h2>
  );
}
