// The page panel, loaded on demand once the user is known to be owner or
// admin of the watch page's room: the full task app in a shadow root beside
// the chat (see mount.ts for where), and the "create a task" action on chat
// messages.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sortedLists } from '../core/room-query';
import { t } from '../ui/i18n';
import { uiCss } from '../ui/styles';
import type { RoomClient } from '../ui/room-port';
import { ProblemBox } from '../ui/StateNotices';
import { TaskApp } from '../ui/TaskApp';
import { useRoomClient } from '../ui/useRoom';
import { watchChatMessages, type ChatMessage } from './chat-action';
import { ChatTaskDialog } from './ChatTaskDialog';
import type { MountPanel } from './follow';
import { createPanelHost, type Layout } from './mount';
import frameCss from './frame.css?inline';
import { PanelFrame } from './PanelFrame';
import { DEFAULT_PANEL_STATE, loadPanelState, savePanelState, type PanelState } from './panel-state';

/** What the page side (placement, chat messages) asks of the mounted panel. */
interface PanelControls {
  setLayout(layout: Layout): void;
  openChatTask(message: ChatMessage, button: HTMLElement): void;
}

function Panel(props: {
  origin: string;
  /** the page script's room watch (see rights.ts) */
  client: RoomClient;
  initialLayout: Layout;
  controls: { current?: PanelControls };
}) {
  const { origin, client } = props;
  const { view, gone } = useRoomClient(client);
  const edit = client.edit;
  const [layout, setLayout] = useState(props.initialLayout);
  const [state, setState] = useState<PanelState>(DEFAULT_PANEL_STATE);
  const [chatTask, setChatTask] = useState<{ message: ChatMessage; button: HTMLElement } | null>(null);
  const lastListId = useRef<string | undefined>(undefined);
  // State setters only: calls from outside schedule a render, never run one.
  props.controls.current = { setLayout, openChatTask: (message, button) => setChatTask({ message, button }) };

  useEffect(() => {
    let live = true;
    void loadPanelState(origin).then((saved) => live && setState(saved));
    return () => {
      live = false;
    };
  }, [origin]);

  const onState = (next: PanelState, persist: boolean) => {
    setState(next);
    if (persist) savePanelState(origin, next);
  };
  const closeChatTask = (listId?: string) => {
    if (listId) lastListId.current = listId;
    // The button is outside our shadow root: the dialog cannot give focus back by itself.
    if (chatTask?.button.isConnected) chatTask.button.focus();
    setChatTask(null);
  };

  return (
    <>
      <PanelFrame layout={layout} title={view?.title ? t('panelTitleRoom', view.title) : t('panelTitle')} state={state} onState={onState}>
        {gone && <ProblemBox problem={gone} />}
        {view ? (
          <TaskApp view={view} onEdit={edit} variant="panel" />
        ) : (
          <p class="lct-hint" role="status">
            {t('loading')}
          </p>
        )}
      </PanelFrame>
      {chatTask && view && (
        <ChatTaskDialog
          message={chatTask.message}
          lists={sortedLists(view.items)}
          listId={lastListId.current}
          onEdit={edit}
          onClose={closeChatTask}
        />
      )}
    </>
  );
}

export const mountPanel: MountPanel = ({ doc, origin, client }) => {
  const controls: { current?: PanelControls } = {};
  let layout: Layout | undefined;
  let stopChat: (() => void) | undefined;
  const host = createPanelHost(doc, uiCss + frameCss, (next) => {
    const chatChanged = next.chat !== layout?.chat || next.dock !== layout?.dock;
    layout = next;
    controls.current?.setLayout(next);
    if (!chatChanged) return;
    stopChat?.();
    stopChat = next.chat
      ? watchChatMessages(next.chat, t('chatTaskAction'), (message, button) => controls.current?.openChatTask(message, button))
      : undefined;
  });
  render(<Panel origin={origin} client={client} initialLayout={layout!} controls={controls} />, host.mountPoint);

  return {
    unmount() {
      stopChat?.();
      render(null, host.mountPoint);
      host.remove();
    },
  };
};
