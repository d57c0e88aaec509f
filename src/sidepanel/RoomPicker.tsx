// The rooms the user moderated recently, across instances and accounts,
// most recent first: one click opens a room's tasks in the side panel.
import { roomKey } from '../core/types';
import type { RecentRoom } from '../messages';
import { t } from '../ui/i18n';

/** Where a room lives, for telling rooms with the same title apart. */
function placeOf(room: RecentRoom): string {
  try {
    if (room.url) return new URL(room.url).host;
  } catch {
    // not a URL: fall back to the account
  }
  return room.ref.account.replace(/^(peertube|xmpp):/, '').replace(/^https?:\/\//, '');
}

export function RoomPicker(props: { recent: RecentRoom[]; onPick: (room: RecentRoom) => void }) {
  const rooms = [...props.recent].sort((a, b) => b.lastUsed - a.lastUsed);
  return (
    <section class="lct-rooms" aria-labelledby="lct-rooms-title">
      <h2 id="lct-rooms-title" class="lct-recent-title">
        {t('sidePanelRecent')}
      </h2>
      {rooms.length === 0 ? (
        <p class="lct-hint">{t('sidePanelNoRecent')}</p>
      ) : (
        <ul class="lct-room-list">
          {rooms.map((room) => (
            <li key={roomKey(room.ref)}>
              <button type="button" class="lct-btn lct-room-btn" dir="auto" onClick={() => props.onPick(room)}>
                {t('sidePanelRoomOn', [room.title.slice(0, 120) || room.ref.jid, placeOf(room)])}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
