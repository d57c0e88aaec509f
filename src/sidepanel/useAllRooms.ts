// The "All rooms" list while it shows: asked of the background at once, again
// when it says a count changed (bg/room-counts), and every
// ALL_ROOMS_RENEW_MS, which keeps the most recent rooms followed live
// (background/room-counts.ts). Nothing is asked while the list is hidden, so
// the background lets the rooms go.
import { useEffect, useState } from 'preact/hooks';
import { ALL_ROOMS_RENEW_MS, type RoomSummary } from '../messages';
import { send } from '../send';
import { onBackgroundMessage } from '../ui/from-background';

export function useAllRooms(shown: boolean): RoomSummary[] | undefined {
  const [rooms, setRooms] = useState<RoomSummary[]>();
  useEffect(() => {
    if (!shown) return;
    let stopped = false;
    const ask = async () => {
      const reply = await send({ type: 'view/all-rooms' });
      if (!stopped && reply.ok) setRooms(reply.value);
    };
    void ask();
    const timer = setInterval(() => void ask(), ALL_ROOMS_RENEW_MS);
    const stop = onBackgroundMessage((m) => {
      if (m.type === 'bg/room-counts') void ask();
    });
    return () => {
      stopped = true;
      clearInterval(timer);
      stop();
    };
  }, [shown]);
  return rooms;
}
