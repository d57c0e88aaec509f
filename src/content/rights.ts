// Before anything is added to the page, the content script learns the user's
// rights in the room over the room Port, without loading the UI framework:
// a plain participant's page stays untouched and pays only for this. For a
// moderator the panel then shows the views this same watch receives: one
// port per tab, so each change of the room crosses from the background once.
import type { RoomRef, RoomView, Rights } from '../core/types';
import { ROOM_PORT, type BackgroundToPort, type PortToBackground } from '../messages';
import { ext } from '../ui/ext';

/** When the worker restarts the port drops; watching resumes after this pause. */
export const RECONNECT_MS = 1000;

/** The room's views as the watch receives them. */
export interface RoomFeed {
  /** the latest view, once one came */
  current(): RoomView | undefined;
  /** calls `onView` with every later view; returns a function that stops it */
  subscribe(onView: (view: RoomView) => void): () => void;
}

export interface RoomWatch {
  feed: RoomFeed;
  stop(): void;
}

/** Calls `onRights` with the user's rights in the room on every change, and keeps its views for the panel. */
export function watchRights(room: RoomRef, onRights: (rights: Rights) => void): RoomWatch {
  let stopped = false;
  let port: ReturnType<NonNullable<ReturnType<typeof ext>>['runtime']['connect']> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let last: Rights | undefined;
  let latest: RoomView | undefined;
  const viewers = new Set<(view: RoomView) => void>();

  const connect = () => {
    const api = ext();
    if (stopped || !api) return;
    try {
      port = api.runtime.connect({ name: ROOM_PORT });
    } catch {
      return; // the extension was reloaded or removed: this page's script is orphaned
    }
    port.onMessage.addListener((message) => {
      const m = message as BackgroundToPort;
      if (m?.type === 'bg/room') {
        latest = m.view;
        viewers.forEach((onView) => onView(m.view));
      }
      // Refused (e.g. not this tab's room): no panel, and no point asking again.
      const rights = m?.type === 'bg/refused' ? 'none' : m?.type === 'bg/room' ? m.view.rights : undefined;
      if (m?.type === 'bg/refused') stopped = true;
      if (!rights || rights === last) return;
      last = rights;
      onRights(rights);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
    });
    port.postMessage({ type: 'view/watch', room } satisfies PortToBackground);
  };
  connect();

  return {
    feed: {
      current: () => latest,
      subscribe(onView) {
        viewers.add(onView);
        return () => viewers.delete(onView);
      },
    },
    stop() {
      stopped = true;
      viewers.clear();
      clearTimeout(retry);
      port?.disconnect();
    },
  };
}
