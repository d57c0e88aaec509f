// The live RoomView of one room for a view (page panel, side panel, popup).
// A runtime Port named ROOM_PORT carries the watch: we post `view/watch`,
// the background answers with `bg/room` at once and on every change. When
// the port drops (the service worker or event page was stopped) we connect
// again, at growing intervals, which also wakes the background.
// Edits go by one-off message (send) and resolve with the background's Reply.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Edit, Problem, RoomRef, RoomView } from '../core/types';
import { roomKey } from '../core/types';
import type { BackgroundToPort, PortToBackground, Reply } from '../messages';
import { ROOM_PORT } from '../messages';
import { send } from '../send';
import { ext } from './ext';

const RETRY_MS = [0, 500, 1000, 2000, 5000];

export function useRoom(room: RoomRef | undefined): {
  view: RoomView | undefined;
  /** set when the background refused to watch this room (then we stop asking) */
  refused: Problem | undefined;
  edit: (e: Edit) => Promise<Reply<{ itemId: string }>>;
} {
  const [view, setView] = useState<RoomView | undefined>(undefined);
  const [refused, setRefused] = useState<Problem | undefined>(undefined);
  const key = room ? roomKey(room) : '';

  useEffect(() => {
    setView(undefined);
    setRefused(undefined);
    const api = ext();
    if (!room || !api) return;
    let closed = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let port: ReturnType<typeof api.runtime.connect> | undefined;

    const connect = () => {
      try {
        port = api.runtime.connect({ name: ROOM_PORT });
      } catch {
        return; // extension reloaded or removed: this context is orphaned, nothing to reconnect to
      }
      port.onMessage.addListener((message: unknown) => {
        const msg = message as BackgroundToPort;
        if (msg?.type === 'bg/room' && roomKey(msg.view.ref) === roomKey(room)) {
          attempt = 0;
          setView(msg.view);
        } else if (msg?.type === 'bg/refused') {
          closed = true; // asking again would be refused again
          setRefused(msg.error);
        }
      });
      port.onDisconnect.addListener(() => {
        port = undefined;
        if (closed) return;
        const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!;
        timer = setTimeout(connect, delay);
      });
      port.postMessage({ type: 'view/watch', room } satisfies PortToBackground);
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(timer);
      port?.disconnect();
    };
  }, [key]);

  const edit = useCallback(
    (e: Edit): Promise<Reply<{ itemId: string }>> =>
      room ? send({ type: 'view/edit', room, edit: e }) : Promise.resolve({ ok: false, error: { code: 'internal', detail: 'no room' } }),
    [key],
  );

  return { view, refused, edit };
}
