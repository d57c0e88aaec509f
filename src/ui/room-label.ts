// How pickers name a room (side panel's "All rooms", the popup's target room).
import type { RecentRoom } from '../messages';
import { t } from './i18n';

/** Where a room lives, for telling rooms with the same title apart. */
function placeOf(room: RecentRoom): string {
  try {
    if (room.url) return new URL(room.url).host;
  } catch {
    // not a URL: fall back to the account
  }
  return room.ref.account.replace(/^(peertube|xmpp):/, '').replace(/^https?:\/\//, '');
}

/** The room's name as pickers show it: its title and where it lives. */
export function roomLabel(room: RecentRoom): string {
  return t('sidePanelRoomOn', [room.title.slice(0, 120) || room.ref.jid, placeOf(room)]);
}
