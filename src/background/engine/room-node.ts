// One node of a room with the edits on their way to it: the node followed
// (node-sync.ts) and its edit queue (edit-queue.ts), wired to each other the
// same way for every node. The room (room-sync.ts) holds one per node and
// decides what a node's events mean for the room as a whole.
import type { PendingEdit, Problem, RoomEdit } from '../../core/types';
import type { Reply } from '../../messages';
import { EditQueue } from './edit-queue';
import { withQueuedEdits } from './edits';
import type { NodeEdits } from './node-edits';
import { NodeSync, type NodeLink } from './node-sync';
import type { EngineStore } from './store';

/** What a node tells its room; every other event of the node and its queue is handled here. */
export interface RoomNodeEvents {
  /** the subscription is in place */
  subscribed(): void;
  /** fetched and reconciled; the queue is being published */
  live(): void;
  /** the node is not ours to read (the room lacks it: `no-room`; we lack the rights: `forbidden`) */
  refused(problem: Problem): void;
  /** a transient failure, or an edit refused and rolled back */
  failed(problem: Problem): void;
  /** someone else changed item `id` (now or while we were away), for the highlight */
  othersChanged(id: string): void;
  /** what the user sees of the node changed */
  changed(): void;
  /** an edit waits: the room needs its session */
  waiting(): void;
  /** nothing left to publish */
  drained(): void;
  /** joined with the rights: a resync asked for earlier may run, edits may be published */
  allowed(): boolean;
}

export interface RoomNodeDeps {
  link: NodeLink;
  store: EngineStore;
  /** the room's storage key */
  key: string;
  now: () => number;
}

export class RoomNode<I extends { id: string }, C, E extends RoomEdit> {
  readonly sync: NodeSync<I, C>;
  readonly queue: EditQueue<I, C, E>;
  /** fetched and followed: edits are published as they come */
  private isLive = false;
  /** the room lists the node's feature (undefined: not known yet) */
  offered: boolean | undefined;

  constructor(
    readonly edits: NodeEdits<I, C, E>,
    deps: RoomNodeDeps,
    events: RoomNodeEvents,
  ) {
    const { link } = deps;
    this.sync = new NodeSync(edits.codec, link, {
      subscribed: () => events.subscribed(),
      live: () => {
        this.isLive = true;
        this.offered = true;
        events.live();
        void this.queue.flush();
      },
      noticed: (item, mine) => {
        this.queue.noticed(item, mine);
        if (!mine) events.othersChanged(item.id);
      },
      noticedRetract: (id) => this.queue.noticedRetract(id),
      changedWhileAway: (id) => events.othersChanged(id),
      updated: () => events.changed(),
      refused: (problem) => {
        if (problem.code === 'no-room') this.offered = false;
        events.refused(problem);
      },
      failed: (problem) => events.failed(problem),
      mayResync: () => events.allowed(),
    });
    this.queue = new EditQueue(
      {
        node: edits,
        store: deps.store,
        key: deps.key,
        now: deps.now,
        nextId: () => link.nextId(),
        log: link.log,
        // shared: planning groups a list's tasks once per version, which a change in place would make stale
        serverItems: () => this.sync.items.share(),
        writer: {
          roomJid: link.roomJid,
          iq: (xml) => link.iq(xml),
          nextId: () => link.nextId(),
          log: link.log,
          published: (item, echoed) => {
            if (!echoed) this.sync.items.put(item);
          },
          retracted: (id) => this.sync.items.drop(id),
        },
        mayPublish: () => this.isLive && events.allowed(),
      },
      {
        changed: () => events.changed(),
        waiting: () => events.waiting(),
        drained: () => events.drained(),
        failed: (problem) => events.failed(problem),
        resync: () => this.sync.resyncSoon(),
      },
    );
  }

  get live(): boolean {
    return this.isLive;
  }

  /** The items as the user sees them (the view keeps them), and the edits pending. */
  shown(): { items: C; pending: PendingEdit[] } {
    return withQueuedEdits(this.edits, this.sync.items.share(), this.queue.pending);
  }

  /** Queues `edit`, checked against `shown` (what the user sees). */
  edit(edit: E, shown: C, requestId?: string): Promise<Reply<{ itemId: string }>> {
    return this.queue.add(edit, shown, { live: this.isLive, current: this.sync.current }, requestId);
  }

  /** The session or our occupant is gone: what the node and the queue were doing no longer counts. */
  stop(): void {
    this.isLive = false;
    this.sync.stop();
    this.queue.pause();
  }

  /** Not (or no longer) ours to read: forget the items, fail the queue. */
  lose(problem: Problem): void {
    this.stop();
    this.sync.clear();
    this.queue.failAll(problem);
  }

  close(): void {
    this.isLive = false;
    this.sync.close();
    this.queue.pause();
    this.queue.release();
  }
}
