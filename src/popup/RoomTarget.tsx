// The popup's room picker: which room quick-add writes to. It starts on the
// tab's room, else the last room used; any recent room can be chosen (the
// background opens it, as "All rooms" in the side panel does).
import { roomKey, type RoomRef } from '../core/types';
import type { RecentRoom } from '../messages';
import { t } from '../ui/i18n';
import { roomLabel } from '../ui/room-label';

export function RoomTarget(props: { rooms: RecentRoom[]; room: RoomRef; onPick: (room: RecentRoom) => void }) {
  const current = roomKey(props.room);
  const rooms = [...props.rooms].sort((a, b) => b.lastUsed - a.lastUsed);
  if (rooms.length < 2 && rooms.every((r) => roomKey(r.ref) === current)) return null;
  return (
    <label class="lct-field lct-room-target">
      <span>{t('popupTargetRoom')}</span>
      <select
        class="lct-input"
        data-testid="popup-room"
        value={current}
        onChange={(e) => {
          const picked = rooms.find((r) => roomKey(r.ref) === e.currentTarget.value);
          if (picked) props.onPick(picked);
        }}
      >
        {rooms.map((r) => (
          <option key={roomKey(r.ref)} value={roomKey(r.ref)}>
            {roomLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
