// Before anything is added to the page, the content script learns the user's
// rights in the room over the room Port, without loading the UI framework:
// a plain participant's page stays untouched and pays only for this.
import type { RoomRef, Rights } from '../core/types';
import { ROOM_PORT, type BackgroundToPort, type PortToBackground } from '../messages';
import { ext } from '../ui/ext';

/** When the worker restarts the port drops; watching resumes after this pause. */
export const RECONNECT_MS = 1000;

/** Calls `onRights` with the user's rights in the room on every change; returns a stop function. */
export function watchRights(room: RoomRef, onRights: (rights: Rights) => void): () => void {
  let stopped = false;
  let port: ReturnType<NonNullable<ReturnType<typeof ext>>['runtime']['connect']> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let last: Rights | undefined;

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

  return () => {
    stopped = true;
    clearTimeout(retry);
    port?.disconnect();
  };
}
