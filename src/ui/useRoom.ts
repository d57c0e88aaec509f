// The live RoomView of one room for a preact view (side panel, popup,
// options), over a room-port client of its own (room-port.ts).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RoomEdit, RoomRef } from '../core/types';
import { roomKey } from '../core/types';
import type { Reply } from '../messages';
import { connectRoom, type RoomClient } from './room-port';
import { type RoomState, useRoomClient } from './useRoomClient';

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
