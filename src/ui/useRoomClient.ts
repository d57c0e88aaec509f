// The live RoomView of a room-port client (room-port.ts) for a preact view.
// A file of its own: the page panel is given its client by the content
// script, and importing connectRoom's module would make the panel's first
// chunk claim what that module imports (see panelCoreGroup in vite.config.ts).
import { useEffect, useState } from 'preact/hooks';
import type { Problem, RoomView } from '../core/types';
import type { RoomClient } from './room-port';

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
