// Before anything is added to the page, the content script learns the user's
// rights in the room over the room Port, without loading the UI framework:
// a plain participant's page stays untouched and pays only for this. For a
// moderator the panel then shows the views this same watch receives, and
// edits through it: one port per tab, so each change of the room crosses
// from the background once.
import type { RoomRef, Rights } from '../core/types';
import { connectRoom, type RoomClient } from '../ui/room-port';

/** Calls `onRights` with the user's rights in the room on every change; the panel shows the same client. */
export function watchRights(room: RoomRef, onRights: (rights: Rights) => void): RoomClient {
  const client = connectRoom(room);
  let last: Rights | undefined;
  const check = () => {
    const end = client.ended();
    // Refused (e.g. not this tab's room): no panel. A gone context changes
    // nothing here: a panel already shown stays, saying so.
    const rights = !end ? client.current()?.rights : end.code !== 'context-gone' ? 'none' : undefined;
    if (!rights || rights === last) return;
    last = rights;
    onRights(rights);
  };
  client.subscribe(check);
  return client;
}
