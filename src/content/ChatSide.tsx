// What the page panel adds to PeerTube's chat, loaded with its own chunk once
// the panel is on the page (lazy.ts): it is not needed to see the tasks. The
// actions on chat messages and participants (chat-action.ts), the notes'
// counts they show, and the answer to the side panel's "show this message"
// (show-requests.ts). It renders nothing in the panel.
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { notesAbout } from '../core/notes/about';
import type { RoomView } from '../core/types';
import { t, tn } from '../ui/i18n';
import { type ChatMessage, type ChatWatch, watchChat } from './chat-action';
import type { Layout } from './mount';
import { answerShowMessage } from './show-requests';

export interface ChatSideProps {
  layout: Pick<Layout, 'chat' | 'dock'>;
  view: RoomView | undefined;
  onTask: (message: ChatMessage, button: HTMLElement) => void;
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
      onTask: (message, button) => latest.current.onTask(message, button),
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

  return null;
}
