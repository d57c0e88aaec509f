// What watchers of one room see: the view built from the room's parts when
// something changed, pushed once per burst (view-emitter.ts), the brief
// highlight of what others changed, and the cache a restarted worker first
// paints from (written once the room is quiet).
import type { Participant } from '../../core/notes/types';
import { emptyItems } from '../../core/room';
import { diffViews, type ViewListener } from '../../core/view-delta';
import type { NotesView, PendingEdit, Problem, Rights, RoomItems, RoomRef, RoomView, SessionStatus } from '../../core/types';
import type { NotesSnapshot, RoomSnapshot } from './room-cache';
import type { EngineStore } from './store';
import { ViewEmitter } from './view-emitter';

/** What the view is built from: the room's other parts, read when it is built. */
export interface ViewSource {
  readonly ref: RoomRef;
  rights(): Rights;
  /** the server's items with the queued edits applied; the view keeps them */
  shownItems(): { items: RoomItems; pending: PendingEdit[] };
  /** the server's items now, for the cache */
  serverItems(): RoomItems;
  skipped(): ReadonlyMap<string, string>;
  loaded(): boolean;
  /** the notes as shown (available only to owners and admins of a room that has them) */
  notes(): NotesView;
  /** the notes as the server has them, for the cache; undefined when not known */
  notesSnapshot(): NotesSnapshot | undefined;
  /** who is in the room */
  participants(): Record<string, Participant>;
  online(): boolean;
  connectionStatus(): SessionStatus;
  connectionProblem(): Problem | undefined;
}

export interface ViewDeps {
  store: EngineStore;
  /** the room's storage key */
  key: string;
  now: () => number;
  log(...a: unknown[]): void;
}

const CHANGED_HIGHLIGHT_MS = 4_000;
const NOBODY: Record<string, Participant> = Object.freeze({}) as Record<string, Participant>;

/** How many items were skipped as unreadable, with one reason. */
export function skippedSummary(skipped: ReadonlyMap<string, string>): RoomView['skipped'] {
  const sample = skipped.values().next().value;
  return { count: skipped.size, ...(sample !== undefined ? { sample } : {}) };
}
/**
 * The cache is written once the room has been quiet this long (writing a big
 * room blocks the worker while it is serialized: not during a burst), and at
 * the latest SNAPSHOT_MAX_WAIT_MS after the first change it lacks.
 */
const SNAPSHOT_QUIET_MS = 1_000;
const SNAPSHOT_MAX_WAIT_MS = 10_000;

export class RoomViewState {
  title: string;
  url: string | undefined;
  /** how far the room got, shown while the session is online */
  status: SessionStatus = 'offline';
  problem: Problem | undefined;
  private updatedAt = 0;
  private readonly changedUntil = new Map<string, number>();
  private changedTimer: ReturnType<typeof setTimeout> | null = null;
  private current: RoomView;
  /** something changed since `current` was built */
  private stale = false;
  private readonly listeners = new Set<ViewListener>();
  /** the view the watchers were last given: the next push is its delta */
  private sent: RoomView;
  private readonly emitter: ViewEmitter;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  /** when the oldest change the cache lacks was made (0: none) */
  private unsavedSince = 0;

  constructor(
    private readonly source: ViewSource,
    private readonly deps: ViewDeps,
    title: string,
    url: string | undefined,
  ) {
    this.title = title;
    this.url = url;
    this.current = this.build();
    this.sent = this.current;
    this.emitter = new ViewEmitter(() => this.emit());
  }

  /** The cached parts of a snapshot that are the view's own. */
  restore(snapshot: RoomSnapshot): void {
    this.updatedAt = snapshot.updatedAt;
    if (!this.title) this.title = snapshot.title;
    this.url ??= snapshot.url;
  }

  get(): RoomView {
    if (this.stale) {
      this.stale = false;
      this.current = this.build();
    }
    return this.current;
  }

  get watched(): boolean {
    return this.listeners.size > 0;
  }

  /**
   * Adds a watcher, given the current view whole at once (the others are
   * brought to it first, so that every later delta is from the one view they
   * all have); the function returned removes it and says whether it was there.
   */
  watch(listener: ViewListener): () => boolean {
    this.emit();
    this.listeners.add(listener);
    listener(this.sent);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: the view is rebuilt and pushed once per burst, the cache written once quiet. */
  changed(): void {
    this.updatedAt = this.deps.now();
    this.stale = true;
    this.scheduleSnapshot();
    if (this.listeners.size > 0) this.emitter.changed();
  }

  /** Pushes what changed now, not at the end of the run: before writing the cache of a big room, which blocks the worker. */
  pushNow(): void {
    this.emit();
  }

  /** Someone else changed item `id`: highlighted for a moment. */
  markChanged(id: string): void {
    this.changedUntil.set(id, this.deps.now() + CHANGED_HIGHLIGHT_MS);
    this.scheduleChangedExpiry();
  }

  async saveSnapshot(): Promise<void> {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.unsavedSince = 0;
    // the store copies the items as text at once: no need to share them
    const snapshot: RoomSnapshot = {
      title: this.title,
      ...(this.url ? { url: this.url } : {}),
      rights: this.source.rights(),
      items: this.source.serverItems(),
      skipped: this.get().skipped,
      loaded: this.source.loaded(),
      updatedAt: this.updatedAt,
    };
    const notes = this.source.notesSnapshot();
    if (notes) snapshot.notes = notes;
    await this.deps.store.saveSnapshot(this.deps.key, snapshot);
  }

  /** Stop timers and pushes (engine closing); the snapshot is written. */
  async close(): Promise<void> {
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = null;
    this.emitter.cancel();
    await this.saveSnapshot();
  }

  private build(): RoomView {
    const { source } = this;
    const { items, pending } = source.shownItems();
    const online = source.online();
    const rights = source.rights();
    const notes = source.notes();
    const problem = !online && source.connectionProblem() ? source.connectionProblem() : this.problem;
    return {
      ref: source.ref,
      title: this.title,
      ...(this.url ? { url: this.url } : {}),
      status: online ? this.status : source.connectionStatus(),
      rights,
      items: rights === 'none' ? emptyItems() : items,
      pending: rights === 'none' ? [] : pending,
      notes,
      // only the notes need them, and only moderators see the real JIDs they carry
      participants: notes.available ? source.participants() : NOBODY,
      changed: [...this.changedUntil.keys()],
      ...(problem ? { problem } : {}),
      skipped: skippedSummary(source.skipped()),
      loaded: source.loaded(),
      updatedAt: this.updatedAt,
    };
  }

  /** Pushes what changed since the last push, once, to every watcher. */
  private emit(): void {
    const view = this.get();
    const from = this.sent;
    if (view === from) return;
    if (this.listeners.size === 0) {
      this.sent = view;
      return;
    }
    const delta = diffViews(from, view);
    if (!delta) return; // the same view: the watchers' stays the base of the next delta
    this.sent = view;
    for (const listener of this.listeners) {
      try {
        listener(view, { from, delta });
      } catch (e) {
        this.deps.log('room: listener failed', e);
      }
    }
  }

  private scheduleChangedExpiry(): void {
    if (this.changedTimer || this.changedUntil.size === 0) return;
    this.changedTimer = setTimeout(() => {
      this.changedTimer = null;
      const now = this.deps.now();
      for (const [id, until] of this.changedUntil) if (until <= now) this.changedUntil.delete(id);
      this.changed();
      this.scheduleChangedExpiry();
    }, CHANGED_HIGHLIGHT_MS);
  }

  private scheduleSnapshot(): void {
    const now = this.deps.now();
    if (!this.unsavedSince) this.unsavedSince = now;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    const wait = Math.min(SNAPSHOT_QUIET_MS, Math.max(0, this.unsavedSince + SNAPSHOT_MAX_WAIT_MS - now));
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.saveSnapshot();
    }, wait);
  }
}
