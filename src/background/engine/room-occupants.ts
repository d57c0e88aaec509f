// Who is in the room, from the presences the room sends us (every occupant's
// when we join, then each change): the nickname, and the real bare JID and
// XEP-0421 occupant-id when the room gives them (docs/protocol.md §9.3, §9.6).
// The notes tie a note to a participant by these, and find it again by them.
import { participantOf } from '../../core/notes/about';
import type { Participant } from '../../core/notes/types';
import { plainEqual } from '../../core/plain-equal';
import { record } from '../../core/room';
import type { MucPresence } from '../../core/stanzas';

export class RoomOccupants {
  private readonly byNick = new Map<string, Participant>();
  /** the record last handed out, kept while nothing changes (views compare by reference) */
  private shared: Record<string, Participant> | null = null;

  /** A presence from the room; true when who is in changed. */
  seen(presence: MucPresence): boolean {
    if (presence.error) return false;
    // A nickname change (303) is the old nickname leaving, then the new one coming.
    if (presence.unavailable) return this.changed(this.byNick.delete(presence.nick));
    const next = participantOf(presence);
    if (plainEqual(this.byNick.get(presence.nick), next)) return false;
    this.byNick.set(presence.nick, next);
    return this.changed(true);
  }

  /** We are out of the room: we know of nobody in it. */
  clear(): boolean {
    const had = this.byNick.size > 0;
    this.byNick.clear();
    return this.changed(had);
  }

  /** Everyone in, by nickname; the same object until someone comes, changes or leaves. */
  get current(): Record<string, Participant> {
    this.shared ??= record(Object.fromEntries(this.byNick));
    return this.shared;
  }

  private changed(changed: boolean): boolean {
    if (changed) this.shared = null;
    return changed;
  }
}
