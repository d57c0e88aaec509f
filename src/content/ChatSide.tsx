// What the page panel adds to PeerTube's chat, loaded with its own chunk once
// the panel is on the page (lazy.ts): it is not needed to see the tasks. The
// actions on chat messages and participants (chat-action.ts), the notes'
// counts they show, the answer to the side panel's "show this message"
// (show-requests.ts), and the dialog making a task from a message
// (ChatTaskDialog.tsx, loaded on use), the one thing it renders.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { notesAbout } from '../core/notes/about';
import { sortedLists } from '../core/room-query';
import type { RoomView } from '../core/types';
import { t, tn } from '../ui/i18n';
import { lazy } from '../ui/lazy';
import type { OnEdit } from '../ui/useEditRunner';
import { type ChatMessage, type ChatWatch, watchChat } from './chat-action';
import type { Layout } from './mount';
import { answerShowMessage } from './show-requests';

const ChatTaskDialog = lazy(() => import('./ChatTaskDialog').then((m) => m.ChatTaskDialog));

export interface ChatSideProps {
  layout: Pick<Layout, 'chat' | 'dock'>;
  view: RoomView | undefined;
  onEdit: OnEdit;
  /** a note about the chat's `nick` (from its message `text`, if any), or the notes about them (`text` null) */
  onNotes: (nick: string, text: string | undefined | null) => void;
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

export function ChatSide(props: ChatSideProps) {
  const { chat, dock } = props.layout;
  const latest = useRef(props);
  latest.current = props;
  const watch = useRef<ChatWatch | undefined>(undefined);
  const counts = useMemo(() => noteCounts(props.view), [props.view?.notes, props.view?.participants]);
  /** the message a task is being made from, and its button */
  const [chatTask, setChatTask] = useState<{ message: ChatMessage; button: HTMLElement } | null>(null);
  /** the list the last task from the chat went to, which the next one offers first */
  const lastListId = useRef<string | undefined>(undefined);
  const closeChatTask = (listId?: string) => {
    if (listId) lastListId.current = listId;
    // The button is outside our shadow root: the dialog cannot give focus back by itself.
    if (chatTask?.button.isConnected) chatTask.button.focus();
    setChatTask(null);
  };

  // Layout effects: preact runs their cleanups as the panel is unmounted, not
  // after the next paint, so nothing of ours is left on the page after it.
  // A new chat element, or the chat opened or closed: its messages are watched anew.
  useLayoutEffect(() => {
    if (!chat) return;
    const w = watchChat(chat, {
      taskLabel: t('chatTaskAction'),
      noteLabel: t('noteAboutPerson'),
      countLabel: (n) => tn('noteCount', n),
      openNotesLabel: t('notesAboutPerson'),
      onTask: (message, button) => setChatTask({ message, button }),
      onNote: (nick, text) => latest.current.onNotes(nick, text),
      onOpenNotes: (nick) => latest.current.onNotes(nick, null),
    });
    w.setNoteCounts(counts);
    watch.current = w;
    return () => {
      w.stop();
      watch.current = undefined;
    };
  }, [chat, dock]);

  useLayoutEffect(() => watch.current?.setNoteCounts(counts), [counts]);

  useLayoutEffect(() => answerShowMessage(() => latest.current.layout.chat), []);

  return chatTask && props.view ? (
    <ChatTaskDialog
      message={chatTask.message}
      lists={sortedLists(props.view.items)}
      listId={lastListId.current}
      onEdit={props.onEdit}
      onClose={closeChatTask}
    />
  ) : null;
}
