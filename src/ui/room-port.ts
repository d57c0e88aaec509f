// The one client of the room Port, for every view of a room: the page
// panel (and the rights check before it, in the content script), the popup
// and the side panel. We post `view/watch`; the background answers with
// `bg/room` at once and on every change. When the port drops (Chrome
// stopped the worker, Firefox the event page) we connect again at once,
// which wakes the background, then at growing intervals while it keeps
// failing. Edits go by one-off message and resolve with the background's
// Reply. No UI framework here: the content script carries this file for
// every page, panel or not.
//
// One state is final and told apart: the extension was reloaded, updated or
// removed under this page. Its API then has no id and every call throws
// "Extension context invalidated"; nothing can reach the background again,
// so the client says so (the view asks for a reload) and refuses edits at
// once instead of accepting what it cannot send.
import { retryDelay } from '../core/retry';
import type { Edit, Problem, RoomRef, RoomView } from '../core/types';
import { roomKey } from '../core/types';
import { extensionContextGone, ext } from '../ext';
import { ROOM_PORT, type BackgroundToPort, type PortToBackground, type Reply } from '../messages';
import { send } from '../send';

/** Why the watch ended for good; until then it is on, or coming back. */
export type WatchEnd =
  /** the background refused to watch this room: asking again would be refused again */
  | { reason: 'refused'; problem: Problem }
  /** the extension's context is gone: only a reload of the page helps */
  | { reason: 'context-gone'; problem: Problem };

export interface RoomClient {
  /** the latest view of the room, once one came */
  current(): RoomView | undefined;
  /** set once the watch ended for good */
  ended(): WatchEnd | undefined;
  /** calls `onChange` after every new view and when the watch ends; returns a function that stops it */
  subscribe(onChange: () => void): () => void;
  /** asks the background for an edit of this room; fails at once when the context is gone */
  edit(edit: Edit): Promise<Reply<{ itemId: string }>>;
  /** closes the port; no reconnection after this */
  stop(): void;
}

export const CONTEXT_GONE: Problem = { code: 'context-gone' };

type Port = ReturnType<NonNullable<ReturnType<typeof ext>>['runtime']['connect']>;

export function connectRoom(room: RoomRef, random: () => number = Math.random): RoomClient {
  const key = roomKey(room);
  const listeners = new Set<() => void>();
  let latest: RoomView | undefined;
  let end: WatchEnd | undefined;
  let stopped = false;
  let port: Port | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** failed connections since the last view: 0 reconnects at once */
  let failures = 0;

  const notify = () => listeners.forEach((onChange) => onChange());

  const finish = (why: WatchEnd) => {
    if (end) return;
    end = why;
    clearTimeout(retry);
    port = undefined;
    notify();
  };

  /** true (and the watch ended) when the extension's context is gone */
  const checkContext = (): boolean => {
    if (!extensionContextGone()) return false;
    finish({ reason: 'context-gone', problem: CONTEXT_GONE });
    return true;
  };

  const scheduleReconnect = () => {
    const delay = failures === 0 ? 0 : retryDelay(failures, random);
    failures++;
    retry = setTimeout(connect, delay);
  };

  const connect = () => {
    if (stopped || end || checkContext()) return;
    const api = ext();
    if (!api) return; // no extension at all (component tests): nothing to watch
    let opened: Port;
    try {
      opened = api.runtime.connect({ name: ROOM_PORT });
    } catch (err) {
      if (checkContext() || /context invalidated/i.test(String(err))) return finish({ reason: 'context-gone', problem: CONTEXT_GONE });
      return scheduleReconnect();
    }
    port = opened;
    opened.onMessage.addListener((message: unknown) => {
      if (stopped || end || port !== opened) return;
      const msg = message as BackgroundToPort;
      if (msg?.type === 'bg/room' && roomKey(msg.view.ref) === key) {
        failures = 0;
        latest = msg.view;
        notify();
      } else if (msg?.type === 'bg/refused') {
        finish({ reason: 'refused', problem: msg.error });
      }
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      if (stopped || end || checkContext()) return;
      scheduleReconnect();
    });
    opened.postMessage({ type: 'view/watch', room } satisfies PortToBackground);
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
      if (end?.reason === 'context-gone' || checkContext()) return { ok: false, error: CONTEXT_GONE };
      const reply = await send({ type: 'view/edit', room, edit });
      // The context may have gone during the call: the reply is then a closed channel's, and the view must say why.
      if (!reply.ok && checkContext()) return { ok: false, error: CONTEXT_GONE };
      return reply;
    },
    stop() {
      stopped = true;
      listeners.clear();
      clearTimeout(retry);
      port?.disconnect();
      port = undefined;
    },
  };
}
