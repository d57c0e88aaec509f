// The one client of the room Port, for every view of a room: the page
// panel (and the rights check before it, in the content script), the popup
// and the side panel. We post `view/watch`; the background answers with
// `bg/room` at once and `bg/delta` on every change. When the port drops (Chrome
// stopped the worker, Firefox the event page) we connect again at once,
// which wakes the background, then at growing intervals while it keeps
// failing. After the first whole view come deltas (core/view-delta.ts),
// applied in order; on a gap in their numbers we ask for the whole view
// again. Edits go by one-off message and resolve with the background's
// Reply. An edit whose reply was lost (the worker stopped while answering)
// is asked for again under the same id, which wakes a fresh worker: it
// answers with what became of the edit (queued, saved or refused) and never
// makes it twice, so a false "not saved" is never shown. No UI framework
// here: the content script carries this file for every page, panel or not
// (bench/size.mjs holds it to a budget).
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
import { request } from '../send';

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
/** Times an edit is asked for again after a lost reply: at once, then with the connection's back-off (about 7 s in all). */
const EDIT_FOLLOW_UPS = 4;

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

  const watch: PortToBackground = { type: 'view/watch', room };

  const notify = () => listeners.forEach((onChange) => onChange());

  const finish = (why: Problem) => {
    if (end) return;
    end = why;
    clearTimeout(retry);
    port = undefined;
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
      if (!gone()) reconnect();
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
        latest = msg.view;
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
      } else if (msg?.type === 'bg/refused') {
        finish(msg.error);
      }
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      if (!gone()) reconnect();
    });
    opened.postMessage(watch);
  };
  connect();

  return {
    current: () => latest,
    ended: () => end,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    async edit(edit) {
      const id = newEditId();
      for (let attempt = 0; ; attempt++) {
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt - 1, random)));
        if (gone()) return { ok: false, error: CONTEXT_GONE };
        const answer = await request({ type: 'view/edit', room, edit, id });
        const replied = !('noReply' in answer);
        if (replied && answer.ok) return answer;
        // The context may have gone during the call: the failure is then a closed channel's, and the view must say why.
        if (gone()) return { ok: false, error: CONTEXT_GONE };
        if (replied) return answer;
        // Sent again under the same id whatever the browser said: it may have acted on it, or not.
        if (attempt === EDIT_FOLLOW_UPS) return { ok: false, error: { code: 'internal', detail: answer.noReply } };
      }
    },
    stop() {
      listeners.clear();
      clearTimeout(retry);
      port?.disconnect();
      port = undefined;
    },
  };
}
