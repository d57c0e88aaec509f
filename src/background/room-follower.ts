// Follows live the rooms that open tabs show, one engine watch per room
// whatever the number of tabs, for the background's own consumers (badge,
// notifications). Holding the watch keeps the room joined while a tab shows it.
import type { RoomRef, RoomView } from '../core/types';
import { roomKey } from '../core/types';
import type { TabRooms, TabRecord } from './tab-rooms';

export interface RoomWatcher {
  watch(ref: RoomRef, listener: (view: RoomView) => void): () => void;
}

export interface RoomViewConsumer {
  /** A room changed (or a tab started showing it): `tabIds` are the tabs to update. */
  onView(view: RoomView, tabIds: number[]): void;
  /** A tab shows no room any more (left, failed, or closed). */
  onTabWithoutRoom?(tabId: number): void;
}

interface Watch {
  unsubscribe: () => void;
  last?: RoomView;
  /** a dispatch of `last` is queued */
  queued?: boolean;
}

export class RoomFollower {
  private watches = new Map<string, Watch>();

  constructor(
    private readonly engine: RoomWatcher,
    private readonly tabRooms: TabRooms,
    private readonly consumers: RoomViewConsumer[],
  ) {}

  /** Follows the rooms of the tabs known now and every later change. */
  start(): () => void {
    for (const [tabId, record] of this.tabRooms.entries()) this.onTab(tabId, record);
    return this.tabRooms.subscribe((tabId, record) => this.onTab(tabId, record));
  }

  private onTab(tabId: number, record: TabRecord | undefined) {
    const room = record?.room;
    if (room) {
      const watch = this.watches.get(roomKey(room));
      if (watch) {
        if (watch.last) this.dispatch(watch.last, [tabId]);
      } else {
        this.follow(room);
      }
    } else {
      for (const c of this.consumers) c.onTabWithoutRoom?.(tabId);
    }
    this.dropUnshownRooms();
  }

  private follow(room: RoomRef) {
    const key = roomKey(room);
    const watch: Watch = { unsubscribe: () => undefined };
    this.watches.set(key, watch);
    // The engine may call back synchronously with the cached view. The consumers hear of a change in a
    // task of its own, after the room's pages (watchers like us) got it: a badge never holds up a view,
    // and a burst of views reaches them once.
    watch.unsubscribe = this.engine.watch(room, (view) => {
      watch.last = view;
      if (watch.queued) return;
      watch.queued = true;
      setTimeout(() => {
        watch.queued = false;
        if (this.watches.get(key) === watch) this.dispatch(watch.last!, this.tabRooms.tabsOf(room));
      });
    });
  }

  private dispatch(view: RoomView, tabIds: number[]) {
    for (const c of this.consumers) c.onView(view, tabIds);
  }

  private dropUnshownRooms() {
    const shown = new Set(this.tabRooms.entries().flatMap(([, r]) => (r.room ? [roomKey(r.room)] : [])));
    for (const [key, watch] of this.watches) {
      if (!shown.has(key)) {
        watch.unsubscribe();
        this.watches.delete(key);
      }
    }
  }
}
