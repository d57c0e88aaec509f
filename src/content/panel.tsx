// The page panel, loaded on demand once the user is known to be owner or
// admin of the watch page's room: the full task app in a shadow root beside
// the chat (or docked at the side), and the "create a task" action on chat
// messages.
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { sortedLists } from '../core/room';
import type { RoomRef, RoomView } from '../core/types';
import { t } from '../ui/i18n';
import { TaskApp } from '../ui/TaskApp';
import { useRoom } from '../ui/useRoom';
import type { OnEdit } from '../ui/useEditRunner';
import { UI_CSS } from '../ui/styles';
import { watchChatMessages, type ChatMessage } from './chat-action';
import { ChatTaskDialog } from './ChatTaskDialog';
import type { MountPanel } from './follow';
import { createPanelHost, type Dock, type PanelHost } from './mount';
import { FRAME_CSS, PanelFrame } from './PanelFrame';
import { DEFAULT_PANEL_STATE, loadPanelState, savePanelState, type PanelState } from './panel-state';

function Panel(props: {
  room: RoomRef;
  dock: Dock;
  state: PanelState;
  onState: (state: PanelState, persist: boolean) => void;
  onView: (view: RoomView | undefined, edit: OnEdit) => void;
}) {
  const { view, edit } = useRoom(props.room);
  useEffect(() => props.onView(view, edit), [view, edit]);
  return (
    <PanelFrame dock={props.dock} title={view?.title ? t('panelTitleRoom', view.title) : t('panelTitle')} state={props.state} onState={props.onState}>
      {view ? (
        <TaskApp view={view} onEdit={edit} variant="panel" />
      ) : (
        <p class="lct-hint" role="status">
          {t('loading')}
        </p>
      )}
    </PanelFrame>
  );
}

export const mountPanel: MountPanel = ({ doc, room, origin }) => {
  let host: PanelHost | undefined;
  let dock: Dock = 'side';
  let state: PanelState = { ...DEFAULT_PANEL_STATE };
  let latest: { view?: RoomView; edit?: OnEdit } = {};
  let dialog: { message: ChatMessage; button: HTMLElement } | null = null;
  let lastListId: string | undefined;
  let stopChat: (() => void) | undefined;

  const onState = (next: PanelState, persist: boolean) => {
    state = next;
    if (persist) savePanelState(origin, state);
    paint();
  };
  const onView = (view: RoomView | undefined, edit: OnEdit) => {
    latest = { view, edit };
    if (dialog) paint();
  };
  const closeDialog = (listId?: string) => {
    const button = dialog?.button;
    dialog = null;
    if (listId) lastListId = listId;
    paint();
    // The button is outside our shadow root: the dialog cannot give focus back by itself.
    if (button?.isConnected) button.focus();
  };
  const openDialog = (message: ChatMessage, button: HTMLElement) => {
    dialog = { message, button };
    paint();
  };

  function paint() {
    if (!host) return;
    const { view, edit } = latest;
    render(
      <>
        <Panel room={room} dock={dock} state={state} onState={onState} onView={onView} />
        {dialog && view && edit && (
          <ChatTaskDialog message={dialog.message} lists={sortedLists(view.items)} listId={lastListId} onEdit={edit} onClose={closeDialog} />
        )}
      </>,
      host.mountPoint,
    );
  }

  host = createPanelHost(doc, UI_CSS + FRAME_CSS, (nextDock, container) => {
    dock = nextDock;
    stopChat?.();
    stopChat = container ? watchChatMessages(container, t('chatTaskAction'), openDialog) : undefined;
    paint();
  });
  paint();
  let live = true;
  void loadPanelState(origin).then((saved) => {
    if (!live) return;
    state = saved;
    paint();
  });

  return {
    unmount() {
      live = false;
      stopChat?.();
      if (host) render(null, host.mountPoint);
      host?.remove();
      host = undefined;
    },
  };
};
