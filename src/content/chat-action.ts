// Actions on PeerTube's in-page chat (ConverseJS, light DOM): on each message
// (`.chat-msg` with `.chat-msg__author` and `.chat-msg__text`) a "create a
// task" button, and when the room offers notes, a "note about this person"
// button and, when its author has notes, a marker with their count that opens
// them; on each participant of the participant list (`li.occupant` with
// `.occupant-nick`, converse-muc-sidebar) the note button and the marker.
// Each set lives in its own shadow root, so neither the chat's styles nor ours
// leak. New messages are found from the mutation records (only the added
// nodes are looked at), at most once per frame-ish tick, so a busy chat costs
// little. Text from the chat is only ever read through textContent, and
// written as text.
import type { MessageRef } from '../core/message-ref';
import BUTTON_CSS from './chat-action.css?inline';

export interface ChatMessage {
  nick: string;
  text: string;
  /** how the chat can find the message again (chat-find.ts); absent when it shows neither id nor time */
  ref?: MessageRef;
  /** when it was sent, if the chat says */
  time?: Date;
}

/** What the actions do and say; the page panel gives them (panel.tsx). */
export interface ChatHooks {
  taskLabel: string;
  noteLabel: string;
  /** the marker's text: "2 notes" */
  countLabel: (count: number) => string;
  /** the marker's hint */
  openNotesLabel: string;
  onTask: (msg: ChatMessage, button: HTMLButtonElement) => void;
  /** "note about this person": on a message (`text` is the message's), or on a participant (no text) */
  onNote: (nick: string, text: string | undefined, button: HTMLButtonElement) => void;
  onOpenNotes: (nick: string, button: HTMLButtonElement) => void;
}

export interface ChatWatch {
  /**
   * The notes' counts by author's nickname, or null when the room offers no
   * notes (the note buttons and markers are hidden). Call on every change of
   * the notes or the participants.
   */
  setNoteCounts(count: ((nick: string) => number) | null): void;
  /** Stops watching and removes everything added. */
  stop(): void;
}

export const ACTION_HOST_ATTR = 'data-lct-task-action';
const MESSAGE = '.chat-msg';
const OCCUPANT = 'li.occupant';
const SCAN_DELAY_MS = 150;

/** The sender and text of a chat message element, or null if it has none (info lines, retractions, uploads). */
function readChatMessage(el: Element): ChatMessage | null {
  // ConverseJS stamps each message with its sender's full occupant JID (room/nick);
  // the author line shows "/me" actions as "**nick".
  const from = el.getAttribute('data-from')?.split(/\/(.*)/s)[1];
  const author = (el.querySelector('.chat-msg__author')?.textContent ?? '').trim().replace(/^\*\*/, '').trim();
  const nick = from || author;
  const text = (el.querySelector('.chat-msg__text')?.textContent ?? '').trim();
  if (!nick || !text) return null;
  // ConverseJS writes data-msgid="undefined" for a message it has no id for
  const id = el.getAttribute('data-msgid');
  const iso = el.getAttribute('data-isodate') ?? '';
  const time = Number.isNaN(Date.parse(iso)) ? undefined : new Date(iso);
  const ref = id && id !== 'undefined' ? { id } : time ? { time: iso } : undefined;
  return { nick, text, ...(ref ? { ref } : {}), ...(time ? { time } : {}) };
}

const readOccupantNick = (el: Element): string => (el.querySelector('.occupant-nick')?.textContent ?? '').trim();

/** The note button and marker of one message or participant, updated with the counts. */
interface NoteParts {
  host: Element;
  /** the author, read again at each update: ConverseJS may re-render the element */
  nick: () => string;
  note: HTMLButtonElement;
  marker: HTMLButtonElement;
}

function button(doc: Document, label: string, text: string, testid: string, onClick: (b: HTMLButtonElement) => void) {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (label) {
    b.setAttribute('aria-label', label);
    b.title = label;
  }
  b.dataset.testid = testid;
  b.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick(b);
  });
  return b;
}

/**
 * Adds the actions to every chat message and participant under `root`, now
 * and as they arrive.
 */
export function watchChat(root: Element, hooks: ChatHooks): ChatWatch {
  const done = new WeakSet<Element>();
  const parts = new Set<NoteParts>();
  let counts: ((nick: string) => number) | null = null;

  const update = (p: NoteParts) => {
    const n = counts ? counts(p.nick()) : 0;
    p.note.hidden = !counts;
    p.marker.hidden = n === 0;
    if (n) p.marker.textContent = hooks.countLabel(n);
  };

  /** A host with the note parts (and `first`, the task button, on messages) at the end of `place`. */
  const decorate = (place: Element, nick: () => string, text: () => string | undefined, first?: HTMLButtonElement) => {
    const doc = place.ownerDocument;
    const host = doc.createElement('span');
    host.setAttribute(ACTION_HOST_ATTR, '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = BUTTON_CSS;
    const note = button(doc, hooks.noteLabel, '✎', 'chat-note-about', (b) => nick() && hooks.onNote(nick(), text(), b));
    const marker = button(doc, '', '', 'chat-notes-marker', (b) => nick() && hooks.onOpenNotes(nick(), b));
    marker.className = 'marker';
    marker.title = hooks.openNotesLabel;
    shadow.append(style, ...(first ? [first] : []), note, marker);
    place.append(host);
    const p: NoteParts = { host, nick, note, marker };
    parts.add(p);
    update(p);
  };

  const visitMessage = (el: Element) => {
    // A message still empty (ConverseJS renders its content a moment later)
    // is not marked: the nodes rendered into it are seen as added nodes.
    if (done.has(el) || !readChatMessage(el)) return;
    done.add(el);
    // The message is read at click time: ConverseJS may have corrected it since.
    const task = button(el.ownerDocument, hooks.taskLabel, '+', 'chat-create-task', (b) => {
      const msg = readChatMessage(el);
      if (msg) hooks.onTask(msg, b);
    });
    decorate(
      el.querySelector('.chat-msg__heading') ?? el.querySelector('.chat-msg__content') ?? el,
      () => readChatMessage(el)?.nick ?? '',
      () => readChatMessage(el)?.text,
      task,
    );
  };
  const visitOccupant = (el: Element) => {
    if (done.has(el) || !readOccupantNick(el)) return;
    done.add(el);
    decorate(
      el.querySelector('.occupant-nick')?.parentElement ?? el,
      () => readOccupantNick(el),
      () => undefined,
    );
  };
  const scan = (el: Element) => {
    const message = el.closest(MESSAGE);
    if (message) visitMessage(message);
    el.querySelectorAll(MESSAGE).forEach(visitMessage);
    const occupant = el.closest(OCCUPANT);
    if (occupant) visitOccupant(occupant);
    el.querySelectorAll(OCCUPANT).forEach(visitOccupant);
  };

  let added: Element[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const batch = added;
    added = [];
    for (const el of batch) if (el.isConnected) scan(el);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => {
        // Our own button hosts are added nodes too; skip them.
        if (n.nodeType === 1 && !(n as Element).hasAttribute(ACTION_HOST_ATTR)) added.push(n as Element);
      });
    }
    if (added.length && !timer) timer = setTimeout(flush, SCAN_DELAY_MS);
  });
  observer.observe(root, { childList: true, subtree: true });
  scan(root);

  return {
    setNoteCounts(next) {
      counts = next;
      for (const p of parts) {
        if (p.host.isConnected) update(p);
        else parts.delete(p);
      }
    },
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      parts.clear();
      root.querySelectorAll(`[${ACTION_HOST_ATTR}]`).forEach((h) => h.remove());
    },
  };
}
