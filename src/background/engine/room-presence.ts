// Our occupant in one room, and the rights it gives: joined under the user's
// own nickname (so that Prosody merges us with the user's in-chat session),
// owner or admin read from the self-presence, and everything that takes
// those away (leaving, kick, ban, a lower affiliation, the room destroyed).
import { bareJidKey } from '../../core/jid';
import { joinPresence, leavePresence, parseMucPresence, type MucPresence } from '../../core/stanzas';
import type { Problem, Rights } from '../../core/types';
import { RoomOccupants } from './room-occupants';

/** What the occupant needs of its session. */
export interface PresenceLink {
  readonly roomJid: string;
  nickname(): string;
  send(xml: string): void;
  log(...a: unknown[]): void;
}

/** What the occupant tells its room. */
export interface PresenceEvents {
  /** a join is on its way */
  joining(): void;
  /** joined as owner or admin (or became one) */
  granted(): void;
  /** not, or no longer, owner or admin here; or no such room */
  refused(problem: Problem): void;
  /** the room did not answer our join */
  unanswered(problem: Problem): void;
  /** out of the room with rights unchanged (the server let us go) */
  left(): void;
  /** another session of our occupant came or went: the server may have dropped our subscription (docs/protocol.md §2) */
  occupantChanged(): void;
  /** someone came into the room, changed or left (participants) */
  participantsChanged(): void;
}

type JoinState = 'out' | 'joining' | 'in';

const SELF_PRESENCE_TIMEOUT_MS = 15_000;
const MODERATOR_AFFILIATIONS = new Set(['owner', 'admin']);

export class RoomPresence {
  private readonly roomKey: string;
  private joinState: JoinState = 'out';
  private affiliation = 'none';
  private currentRights: Rights = 'unknown';
  /** set when another user holds our nickname in this room: we join under a variant of it */
  private nickVariant: string | undefined;
  /** numbers join attempts: an answer to an abandoned one is ignored */
  private attempt = 0;
  private selfPresenceWaiter: ((p: MucPresence) => void) | null = null;
  private readonly rightsWaiters: Array<() => void> = [];
  private readonly occupants = new RoomOccupants();

  constructor(
    private readonly link: PresenceLink,
    private readonly events: PresenceEvents,
  ) {
    this.roomKey = bareJidKey(link.roomJid);
  }

  get state(): JoinState {
    return this.joinState;
  }

  get rights(): Rights {
    return this.currentRights;
  }

  /** Who is in the room, by nickname, as their presences say (empty while we are out). */
  get participants(): RoomOccupants['current'] {
    return this.occupants.current;
  }

  /** What the last worker knew, from its cache. */
  restoreRights(rights: Rights): void {
    this.currentRights = rights;
  }

  /** The tasks are not ours to see (the node refused us too). */
  revoke(): void {
    this.currentRights = 'none';
  }

  /** Resolves once rights are known (joined and self-presence seen), or when settleWaiters says to stop waiting. */
  async rightsKnown(timeoutMs: number): Promise<void> {
    if (this.joinState === 'in' && this.currentRights !== 'unknown') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.rightsWaiters.push(done);
    });
  }

  /** Rights are known, or will not be soon (a problem only the user can fix). */
  settleWaiters(): void {
    for (const done of this.rightsWaiters.splice(0)) done();
  }

  /** The session went away or came back: we are out, whatever we were doing. */
  reset(): void {
    this.attempt += 1;
    this.joinState = 'out';
    this.selfPresenceWaiter = null;
    this.forgetOccupants();
  }

  async join(): Promise<void> {
    const attempt = ++this.attempt;
    this.joinState = 'joining';
    this.events.joining();
    const nick = this.nick();
    const selfPresence = new Promise<MucPresence | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), SELF_PRESENCE_TIMEOUT_MS);
      this.selfPresenceWaiter = (p) => {
        clearTimeout(timer);
        resolve(p);
      };
    });
    try {
      this.link.send(joinPresence(this.link.roomJid, nick));
    } catch (e) {
      this.link.log('room: join not sent', this.link.roomJid, e);
      this.joinState = 'out';
      return;
    }
    const presence = await selfPresence;
    if (attempt !== this.attempt) return;
    this.selfPresenceWaiter = null;
    if (!presence) {
      this.joinState = 'out';
      this.events.unanswered({ code: 'network', detail: `no answer from ${this.link.roomJid}` });
      return;
    }
    if (presence.error?.condition === 'conflict' && !this.nickVariant) {
      // Someone else has the user's nickname here. Joining under another one
      // works, but Prosody cannot merge us with the user's in-chat session.
      this.nickVariant = `${nick} (tasks)`;
      this.joinState = 'out';
      void this.join();
      return;
    }
    if (presence.error) {
      this.joinState = 'out';
      const code = presence.error.condition === 'item-not-found' ? 'no-room' : 'forbidden';
      this.events.refused({ code, detail: `${this.link.roomJid}: ${presence.error.condition}` });
      return;
    }
    this.joinState = 'in';
    this.applyAffiliation(presence.affiliation);
  }

  leave(): void {
    this.attempt += 1;
    this.joinState = 'out';
    this.forgetOccupants();
    // No unsubscribe: subscriptions are per bare JID, and the in-chat client of
    // the same user would lose its notifications with ours.
    try {
      this.link.send(leavePresence(this.link.roomJid, this.nick()));
    } catch {
      // the session is gone anyway
    }
  }

  onPresence(stanza: Element): void {
    const presence = parseMucPresence(stanza);
    if (!presence || bareJidKey(presence.room) !== this.roomKey) return;
    if (this.joinState !== 'out' && this.occupants.seen(presence)) this.events.participantsChanged();
    if (presence.error || (presence.self && !presence.unavailable)) {
      if (this.selfPresenceWaiter) {
        this.selfPresenceWaiter(presence);
        return;
      }
    }
    if (presence.nick !== this.nick()) return;
    if (presence.self && presence.unavailable) {
      this.onRemoved(presence);
      return;
    }
    if (this.joinState !== 'in') return;
    if (presence.self && presence.affiliation !== this.affiliation) this.applyAffiliation(presence.affiliation);
    else this.events.occupantChanged();
  }

  /** Our occupant nickname: the user's own (so that Prosody merges our session with the in-chat one). */
  private nick(): string {
    return this.nickVariant ?? this.link.nickname();
  }

  private onRemoved(presence: MucPresence): void {
    if (this.joinState === 'out') return;
    this.attempt += 1;
    this.joinState = 'out';
    this.forgetOccupants();
    if (presence.destroyed) {
      this.events.refused({ code: 'no-room', detail: `${this.link.roomJid} was destroyed` });
    } else if (presence.statuses.some((s) => s === '301' || s === '307' || s === '321')) {
      this.events.refused({ code: 'forbidden', detail: `removed from ${this.link.roomJid}` });
    } else {
      this.events.left();
    }
  }

  private forgetOccupants(): void {
    if (this.occupants.clear()) this.events.participantsChanged();
  }

  private applyAffiliation(affiliation: string): void {
    this.affiliation = affiliation;
    if (MODERATOR_AFFILIATIONS.has(affiliation)) {
      this.currentRights = 'moderator';
      this.events.granted();
    } else {
      this.events.refused({ code: 'forbidden', detail: `affiliation ${affiliation || 'none'} in ${this.link.roomJid}` });
    }
  }
}
