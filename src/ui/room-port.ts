// The one client of the room Port, for every view of a room: the page
// panel (and the rights check before it, in the content script), the popup
// and the side panel. We post `view/watch`; the background answers with
// `bg/room` at once and `bg/delta` on every change. When the port drops (Chrome
// stopped the worker, Firefox the event page) we connect again at once,
// which wakes the background, then at growing intervals while it keeps
// failing. After the first whole view come deltas (core/view-delta.ts),
// applied in order; on a gap in their numbers we ask for the whole view
// again. Edits go over the same port (`view/edit`, answered by `bg/edited`).
// An edit whose answer was lost with its port (the worker stopped while
// answering) is posted again under the same id on the next port: the
// background answers with what became of it (queued, saved or refused) and
// never makes it twice, so a false "not saved" is never shown. No UI
// framework here: the content script carries this file for every page, panel
// or not (bench/size.mjs holds it to a budget).
//
// One end is told apart: the extension was reloaded, updated or removed
// under this page. Nothing can reach the background again, so the client
// says so (the view asks for a reload) and refuses edits at once instead of
// accepting what it cannot send.
import { retryDelay } from '../core/retry';
import type { Problem, RoomEdit, RoomRef, RoomView } from '../core/types';
import { applyViewDelta } from '../core/view-delta';
import { extensionContextGone, ext } from '../ext';
import { ROOM_PORT, type BackgroundToPort, type PortToBackground, type Reply } from '../messages';
import { viewFromText } from '../core/view-text';

export interface RoomClient {
  /** the latest view of the room, once one came */
  current(): RoomView | undefined;
  /**
   * Why the watch ended for good, once it did: code `context-gone` (only a
   * reload of the page helps), or the background's refusal to watch this room
   * (asking again would be refused again). Until then it is on, or coming back.
   */
  ended(): Problem | undefined;
  /** calls `onChange` after every new view and when the watch ends; returns a function that stops it */
  subscribe(onChange: () => void): () => void;
  /** asks the background for an edit of this room; fails at once when the context is gone */
  edit(edit: RoomEdit): Promise<Reply<{ itemId: string }>>;
  /** closes the port; no reconnection after this */
  stop(): void;
}

const CONTEXT_GONE: Problem = { code: 'context-gone' };
/** Ports an edit's answer may be lost with before it is taken as unanswered (about 7 s with the connection's back-off). */
const EDIT_TRIES = 5;
const NO_ANSWER: Problem = { code: 'internal', detail: 'no answer from the background' };

type EditReply = Reply<{ itemId: string }>;
interface Unanswered {
  edit: RoomEdit;
  /** ports that failed or dropped before its answer came */
  tries: number;
  resolve(reply: EditReply): void;
}

/** An id for one edit, the same in every attempt (32 hex digits; crypto.randomUUID needs a secure page). */
function newEditId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type Port = ReturnType<NonNullable<ReturnType<typeof ext>>['runtime']['connect']>;

export function connectRoom(room: RoomRef, random: () => number = Math.random): RoomClient {
  const listeners = new Set<() => void>();
  let latest: RoomView | undefined;
  /** the number of the last message the open port gave `latest` by; undefined while a whole view is awaited */
  let seq: number | undefined;
  let end: Problem | undefined;
  /** the open port; messages and drops of any other (stopped, ended, replaced) are not ours any more */
  let port: Port | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** failed connections since the last view: after none we reconnect at once */
  let failures = 0;
  /** edits posted and not answered yet, by id, in the order they were made */
  const unanswered = new Map<string, Unanswered>();
  /** stop() was called: the port closes once no edit waits for its answer */
  let stopping = false;

  const watch: PortToBackground = { type: 'view/watch', room };

  const notify = () => listeners.forEach((onChange) => onChange());

  const close = () => {
    clearTimeout(retry);
    port?.disconnect();
    port = undefined;
  };

  const answer = (id: string, reply: EditReply) => {
    unanswered.get(id)?.resolve(reply);
    unanswered.delete(id);
    if (stopping && unanswered.size === 0) close();
  };

  /** A port failed or dropped with edits unanswered: each is posted again on the next one, a few times. */
  const answersLost = () => {
    for (const [id, pending] of unanswered) if (++pending.tries >= EDIT_TRIES) answer(id, { ok: false, error: NO_ANSWER });
  };

  const post = (id: string, edit: RoomEdit) => port?.postMessage({ type: 'view/edit', id, edit });

  const finish = (why: Problem) => {
    if (end) return;
    end = why;
    clearTimeout(retry);
    port = undefined;
    for (const id of [...unanswered.keys()]) answer(id, { ok: false, error: why });
    notify();
  };

  /** true, and the watch ended, when the extension's context is gone */
  const gone = (): boolean => {
    const isGone = extensionContextGone();
    if (isGone) finish(CONTEXT_GONE);
    return isGone;
  };

  const reconnect = () => {
    retry = setTimeout(connect, failures && retryDelay(failures, random));
    failures++;
  };

  const connect = () => {
    const api = ext();
    if (gone() || !api) return; // without any extension (component tests) there is nothing to watch
    let opened: Port;
    try {
      opened = api.runtime.connect({ name: ROOM_PORT });
    } catch {
      if (gone()) return;
      answersLost();
      reconnect();
      return;
    }
    port = opened;
    seq = undefined;
    opened.onMessage.addListener((message: unknown) => {
      if (port !== opened) return;
      // One port watches one room: its views are that room's.
      const msg = message as BackgroundToPort;
      if (msg?.type === 'bg/room') {
        failures = 0;
        latest = viewFromText(msg.view);
        seq = msg.seq;
        notify();
      } else if (msg?.type === 'bg/delta') {
        if (!latest || seq === undefined || msg.seq !== seq + 1) {
          // lost track: the background starts again with the whole view
          if (seq !== undefined) opened.postMessage(watch);
          seq = undefined;
          return;
        }
        latest = applyViewDelta(latest, msg.delta);
        seq = msg.seq;
        notify();
      } else if (msg?.type === 'bg/edited') {
        answer(msg.id, msg.reply);
      } else if (msg?.type === 'bg/refused') {
        finish(msg.error);
      }
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      if (gone()) return;
      answersLost();
      reconnect();
    });
    opened.postMessage(watch);
    for (const [id, pending] of unanswered) post(id, pending.edit);
  };
  connect();

  return {
    current: () => latest,
    ended: () => end,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    edit(edit) {
      if (end ?? gone()) return Promise.resolve({ ok: false, error: end ?? CONTEXT_GONE });
      if (!ext() || stopping) return Promise.resolve({ ok: false, error: { code: 'internal', detail: 'not watching the room' } });
      return new Promise((resolve) => {
        const id = newEditId();
        unanswered.set(id, { edit, tries: 0, resolve });
        post(id, edit); // with no port open now, on the next one
      });
    },
    stop() {
      // Edits on their way are still answered (a view closing just after an edit must not drop it): the port closes after them.
      listeners.clear();
      stopping = true;
      if (unanswered.size === 0) close();
    },
  };
}
