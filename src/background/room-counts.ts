// The "All rooms" view's numbers: each recent room with its open-task count.
// Views never get these rooms' full views (a big room's is a megabyte): the
// background keeps one small summary per room and sends only those.
//
// Live counts need the room joined and subscribed, which is what an engine
// watch does. A view asks (`view/all-rooms`) while it shows the list and
// again every ALL_ROOMS_RENEW_MS: each ask follows the MAX_FOLLOWED most recently used
// rooms for LEASE_MS more. When no view asks any more the watches end and
// the rooms are left (unless a tab or a view still holds them). Rooms past
// the bound show the count of their cached items, marked as not live.
// A followed room's count changing is pushed to the views (`bg/room-counts`)
// at most once per PUSH_MS; they ask again for the summaries.
import { openTasksCount } from '../core/room-query';
import { roomKey, type RoomRef, type RoomView } from '../core/types';
import type { RecentRoom, RoomSummary } from '../messages';
import type { RoomWatcher } from './room-follower';

/** At most this many rooms are kept joined for their counts. */
export const MAX_FOLLOWED = 8;
/** How long one ask keeps the rooms followed: three of a view's asks (ALL_ROOMS_RENEW_MS). */
export const LEASE_MS = 90_000;
const PUSH_MS = 250;

export interface RoomCountsDeps {
  engine: RoomWatcher & { recentRooms(): RecentRoom[]; view(ref: RoomRef): RoomView | undefined };
  /** tells the views that counts changed */
  push(): void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Followed {
  unsubscribe: () => void;
  /** what the views were last told of this room, to push only real changes */
  told?: string;
}

function summarize(room: RecentRoom, view: RoomView | undefined, followed: boolean): RoomSummary {
  const summary: RoomSummary = { ...room, live: followed && view?.status === 'live' };
  if (view?.loaded && view.rights !== 'none') summary.open = openTasksCount(view.items);
  if (view?.rights === 'none') summary.forbidden = true;
  return summary;
}

export class RoomCounts {
  private followed = new Map<string, Followed>();
  private leaseEnd = 0;
  private leaseTimer: unknown;
  private pushTimer: unknown;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly deps: RoomCountsDeps) {
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** A view shows the list: follow the most recent rooms for a while, and say what is known of every recent room. */
  ask(): RoomSummary[] {
    const recent = this.deps.engine.recentRooms();
    this.follow(recent.slice(0, MAX_FOLLOWED).map((r) => r.ref));
    this.leaseEnd = this.now() + LEASE_MS;
    this.clearTimer(this.leaseTimer);
    this.leaseTimer = this.setTimer(() => this.expire(), LEASE_MS);
    return recent.map((room) => {
      const key = roomKey(room.ref);
      const summary = summarize(room, this.deps.engine.view(room.ref), this.followed.has(key));
      const f = this.followed.get(key);
      if (f) f.told = told(summary);
      return summary;
    });
  }

  /** Rooms followed now (for tests and the README's bound). */
  following(): RoomRef[] {
    return this.deps.engine
      .recentRooms()
      .map((r) => r.ref)
      .filter((ref) => this.followed.has(roomKey(ref)));
  }

  private follow(refs: RoomRef[]) {
    const keep = new Set(refs.map(roomKey));
    for (const [key, f] of this.followed) {
      if (!keep.has(key)) {
        f.unsubscribe();
        this.followed.delete(key);
      }
    }
    for (const ref of refs) {
      const key = roomKey(ref);
      if (this.followed.has(key)) continue;
      const f: Followed = { unsubscribe: () => undefined };
      this.followed.set(key, f);
      // The engine may call back synchronously with the cached view.
      f.unsubscribe = this.deps.engine.watch(ref, (view) => this.onView(ref, view, f));
    }
  }

  private onView(ref: RoomRef, view: RoomView, f: Followed) {
    const now = told(summarize({ ref, title: '', lastUsed: 0 }, view, true));
    if (f.told === undefined || f.told === now) {
      f.told ??= now;
      return;
    }
    f.told = now;
    this.pushSoon();
  }

  private pushSoon() {
    if (this.pushTimer !== undefined) return;
    this.pushTimer = this.setTimer(() => {
      this.pushTimer = undefined;
      this.deps.push();
    }, PUSH_MS);
  }

  private expire() {
    if (this.now() < this.leaseEnd) return;
    this.follow([]);
  }
}

/** The parts of a summary a view shows that change with the room. */
function told(s: RoomSummary): string {
  return `${s.open ?? '-'} ${s.live} ${s.forbidden ?? false}`;
}
