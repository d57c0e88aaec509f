// "All rooms": the rooms the user moderated recently, across instances and
// accounts, most recent first, each with its open-task count (live for the
// most recent ones, the last known for the others: background/room-counts.ts).
// One click, or Enter on the focused room, opens a room's tasks in the side
// panel. A room's button is named by the room; its count describes it (hidden
// from the name, so that the name stays the room's while the count changes).
import { roomKey } from '../core/types';
import type { RecentRoom, RoomSummary } from '../messages';
import { t, tn } from '../ui/i18n';
import { roomLabel } from '../ui/room-label';

function countText(room: Partial<RoomSummary>): string {
  if (room.forbidden) return t('roomNoRights');
  if (room.open === undefined) return t('roomCountUnknown');
  const open = tn('roomOpenTasks', room.open);
  return room.live ? open : t('roomCountLastKnown', open);
}

/** An id part from a room key (account and JID: spaces, colons, slashes, @). */
const domSafe = (key: string) => key.replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);

/** `rooms`: summaries once the background gave them; the recent rooms alone (no counts) until then. */
export function RoomPicker(props: { rooms: (RecentRoom & Partial<RoomSummary>)[]; onPick: (room: RecentRoom) => void }) {
  const rooms = [...props.rooms].sort((a, b) => b.lastUsed - a.lastUsed);
  return (
    <section class="lct-rooms" aria-labelledby="lct-rooms-title">
      <h2 id="lct-rooms-title" class="lct-recent-title">
        {t('sidePanelRecent')}
      </h2>
      {rooms.length === 0 ? (
        <p class="lct-hint">{t('sidePanelNoRecent')}</p>
      ) : (
        <ul class="lct-room-list" aria-labelledby="lct-rooms-title">
          {rooms.map((room) => {
            const key = roomKey(room.ref);
            const countId = `lct-room-count-${domSafe(key)}`;
            const counted = room.live !== undefined;
            return (
              <li key={key}>
                <button
                  type="button"
                  class="lct-btn lct-room-btn"
                  aria-describedby={counted ? countId : undefined}
                  onClick={() => props.onPick(room)}
                >
                  <span class="lct-room-name" dir="auto">
                    {roomLabel(room)}
                  </span>
                  {counted && (
                    <span id={countId} aria-hidden="true" class={`lct-room-count${room.live ? ' is-live' : ''}`} data-testid="room-count">
                      {countText(room)}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
