// The page panel, loaded on demand once the user is known to be owner or
// admin of the watch page's room: the room's tasks (and notes, when the room
// offers them) in a shadow root beside the chat (see mount.ts for where), and
// the actions on the chat (chat-action.ts): "create a task" on messages, and
// "note about this person" and the notes' markers on messages and participants.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { notesAbout } from '../core/notes/about';
import { sortedLists } from '../core/room-query';
import type { RoomView } from '../core/types';
import { t, tn } from '../ui/i18n';
import { RoomApp, type NotesRequest } from '../ui/RoomApp';
import { uiCss } from '../ui/styles';
import type { RoomClient } from '../ui/room-port';
import { lazy, usePreloadOnceShown } from '../ui/lazy';
import { ProblemBox } from '../ui/StateNotices';
import { useRoomClient } from '../ui/useRoom';
import { watchChat, type ChatMessage, type ChatWatch } from './chat-action';
import { showChatMessage } from './chat-find';
import { answerShowMessage } from './show-requests';
import type { MountPanel } from './follow';
import { createPanelHost, type Layout } from './mount';
import frameCss from './frame.css?inline';
import { PanelFrame } from './PanelFrame';
import { DEFAULT_PANEL_STATE, loadPanelState, savePanelState, type PanelState } from './panel-state';

const ChatTaskDialog = lazy(() => import('./ChatTaskDialog').then((m) => m.ChatTaskDialog));

/** What the page side (placement, chat messages) asks of the mounted panel. */
interface PanelControls {
  setLayout(layout: Layout): void;
  openChatTask(message: ChatMessage, button: HTMLElement): void;
  /** a note about the chat's `nick` (from its message `text`, if any), or the notes about them (`text` null) */
  openNotes(nick: string, text: string | undefined | null): void;
}

/**
 * The number of notes about each author of the chat, or null when the room
 * offers no notes: the official "notes about this person" rules
 * (core/notes/about.ts), a participant not in the room known by nickname.
 */
function noteCounts(view: RoomView | undefined): ((nick: string) => number) | null {
  if (!view?.notes.available || !view.notes.loaded) return null;
  const notes = Object.values(view.notes.items);
  const present = Object.values(view.participants);
  const memo = new Map<string, number>();
  return (nick) => {
    let n = memo.get(nick);
    if (n === undefined) memo.set(nick, (n = notes.length ? notesAbout(notes, view.participants[nick] ?? { nick }, present).length : 0));
    return n;
  };
}

function Panel(props: {
  origin: string;
  /** the page script's room watch (see rights.ts) */
  client: RoomClient;
  initialLayout: Layout;
  controls: { current?: PanelControls };
  /** hears the notes' counts by author at every change of the view */
  onNoteCounts: (count: ((nick: string) => number) | null) => void;
}) {
  const { origin, client } = props;
  const { view, gone } = useRoomClient(client);
  const edit = client.edit;
  const [layout, setLayout] = useState(props.initialLayout);
  const [state, setState] = useState<PanelState>(DEFAULT_PANEL_STATE);
  const [chatTask, setChatTask] = useState<{ message: ChatMessage; button: HTMLElement } | null>(null);
  const [notesRequest, setNotesRequest] = useState<NotesRequest>();
  const lastListId = useRef<string | undefined>(undefined);
  // State setters only: calls from outside schedule a render, never run one.
  props.controls.current = {
    setLayout,
    openChatTask: (message, button) => setChatTask({ message, button }),
    openNotes: (nick, text) => {
      setNotesRequest(text === null ? { kind: 'filter', nick } : { kind: 'create', nick, message: text });
      // a folded panel opens to show them
      setState((s) => (s.collapsed ? { ...s, collapsed: false } : s));
    },
  };

  useEffect(() => props.onNoteCounts(noteCounts(view)), [view?.notes, view?.participants]);
  usePreloadOnceShown(!!view);

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
      <PanelFrame
        layout={layout}
        title={view?.title ? t(view.notes.available ? 'panelTitleRoomNotes' : 'panelTitleRoom', view.title) : t('panelTitle')}
        state={state}
        onState={onState}
      >
        {gone && <ProblemBox problem={gone} />}
        {view ? (
          <RoomApp
            view={view}
            onEdit={edit}
            variant="panel"
            notesRequest={notesRequest}
            showMessage={async (ref) => (layout.chat && showChatMessage(layout.chat, ref) ? 'shown' : 'gone')}
          />
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
  let chat: ChatWatch | undefined;
  let counts: ((nick: string) => number) | null = null;
  const host = createPanelHost(doc, uiCss + frameCss, (next) => {
    const chatChanged = next.chat !== layout?.chat || next.dock !== layout?.dock;
    layout = next;
    controls.current?.setLayout(next);
    if (!chatChanged) return;
    chat?.stop();
    chat = next.chat
      ? watchChat(next.chat, {
          taskLabel: t('chatTaskAction'),
          noteLabel: t('noteAboutPerson'),
          countLabel: (n) => tn('noteCount', n),
          openNotesLabel: t('notesAboutPerson'),
          onTask: (message, button) => controls.current?.openChatTask(message, button),
          onNote: (nick, text) => controls.current?.openNotes(nick, text),
          onOpenNotes: (nick) => controls.current?.openNotes(nick, null),
        })
      : undefined;
    chat?.setNoteCounts(counts);
  });
  const stopShowRequests = answerShowMessage(() => layout?.chat ?? null);
  const onNoteCounts = (next: ((nick: string) => number) | null) => {
    counts = next;
    chat?.setNoteCounts(next);
  };
  render(
    <Panel origin={origin} client={client} initialLayout={layout!} controls={controls} onNoteCounts={onNoteCounts} />,
    host.mountPoint,
  );

  return {
    unmount() {
      stopShowRequests();
      chat?.stop();
      render(null, host.mountPoint);
      host.remove();
    },
  };
};
