// The live RoomView of one room for a preact view (page panel, side panel,
// popup), over the room-port client of room-port.ts.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Problem, RoomEdit, RoomRef, RoomView } from '../core/types';
import { roomKey } from '../core/types';
import type { Reply } from '../messages';
import { connectRoom, type RoomClient } from './room-port';

export interface RoomState {
  view: RoomView | undefined;
  /** set when the background refused to watch this room (then we stop asking) */
  refused: Problem | undefined;
  /** set when the extension's context is gone: the view says so, and edits fail at once */
  gone: Problem | undefined;
}

/** What a client has now, rendered again on each of its changes. */
export function useRoomClient(client: RoomClient | undefined): RoomState {
  const read = (): RoomState => {
    // By code, not by identity: the page panel's chunk has its own copy of room-port.ts.
    const end = client?.ended();
    const gone = end?.code === 'context-gone';
    return { view: client?.current(), refused: gone ? undefined : end, gone: gone ? end : undefined };
  };
  const [state, setState] = useState(read);
  useEffect(() => {
    setState(read()); // a view may have come between the first render and now
    return client?.subscribe(() => setState(read()));
  }, [client]);
  return state;
}

/** Watches `room` for as long as the component shows it. */
export function useRoom(room: RoomRef | undefined): RoomState & { edit: (e: RoomEdit) => Promise<Reply<{ itemId: string }>> } {
  const key = room ? roomKey(room) : '';
  const [client, setClient] = useState<RoomClient>();
  useEffect(() => {
    const next = room ? connectRoom(room) : undefined;
    setClient(next);
    return () => next?.stop();
  }, [key]);
  const state = useRoomClient(client);
  const edit = useCallback(
    (e: RoomEdit): Promise<Reply<{ itemId: string }>> =>
      client?.edit(e) ?? Promise.resolve({ ok: false, error: { code: 'internal', detail: 'no room' } }),
    [client],
  );
  // Until the effects catch up with a new room, the previous room's view is not this one's.
  const view = state.view && roomKey(state.view.ref) === key ? state.view : undefined;
  return { ...state, view, edit };
}
