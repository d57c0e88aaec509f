// A room's two nodes side by side: livechat-tasks and livechat-notes, each a
// RoomNode (the same code for both), synced together (one disco#info, one
// round trip), stopped, lost and cached together. The tasks make the room's
// status; the notes follow beside them for owners and admins of a room whose
// disco lists them, and a room without them is a room with tasks only.
import type { NoteItems } from '../../core/notes/notes-node';
import type { Note, NoteEdit } from '../../core/notes/types';
import { noNotes } from '../../core/notes/view';
import type { Edit, Item, NotesView, Problem, RoomEdit, RoomItems, Rights } from '../../core/types';
import type { Reply } from '../../messages';
import { sharedFeatures, type NodeLink } from './node-sync';
import { notesEdits } from './notes-edits';
import { RoomNode, type RoomNodeEvents } from './room-node';
import { skippedSummary } from './room-view';
import type { NotesSnapshot, RoomSnapshot } from './room-cache';
import type { EngineStore } from './store';
import { tasksEdits } from './tasks-edits';

/** What the nodes tell their room: the tasks' progress makes the room's. */
export interface RoomNodesEvents extends Omit<RoomNodeEvents, 'refused'> {
  /** the notes are fetched and followed (the tasks' progress is `subscribed` and `live`) */
  notesLive(): void;
  /** a node is not ours to read: not (or no longer) owner or admin, or a room without tasks */
  lostRights(problem: Problem): void;
}

export interface RoomNodesDeps {
  link: Omit<NodeLink, 'features'>;
  store: EngineStore;
  /** the room's storage key */
  key: string;
  now: () => number;
}

export class RoomNodes {
  readonly tasks: RoomNode<Item, RoomItems, Edit>;
  readonly notes: RoomNode<Note, NoteItems, NoteEdit>;

  constructor(deps: RoomNodesDeps, events: RoomNodesEvents) {
    const nodeDeps = { ...deps, link: { ...deps.link, features: sharedFeatures(deps.link) } };
    this.tasks = new RoomNode(tasksEdits, nodeDeps, { ...events, refused: (problem) => events.lostRights(problem) });
    this.notes = new RoomNode(notesEdits, nodeDeps, {
      ...events,
      subscribed: () => {},
      live: () => events.notesLive(),
      refused: (problem) => {
        if (problem.code !== 'no-room') {
          events.lostRights(problem);
          return;
        }
        this.notes.lose(problem);
        events.changed();
      },
    });
  }

  private get both() {
    return [this.tasks, this.notes] as const;
  }

  /** Subscribe and fetch both, side by side. */
  sync(): void {
    for (const node of this.both) void node.sync.sync();
  }

  resyncSoon(): void {
    for (const node of this.both) node.sync.resyncSoon();
  }

  /** Joined with the rights: finish what is not live (a room without a node is asked again on the next join, not every tick), publish what is. */
  heal(): void {
    for (const node of this.both) {
      if (node.live) void node.queue.flush();
      else if (!node.sync.syncing && node.offered !== false) void node.sync.sync();
    }
  }

  onMessage(stanza: Element): void {
    for (const node of this.both) node.sync.onMessage(stanza);
  }

  get queuesEmpty(): boolean {
    return this.both.every((node) => node.queue.isEmpty);
  }

  /** Queued edits from storage, for both nodes. */
  async load(): Promise<void> {
    await Promise.all(this.both.map((node) => node.queue.load()));
  }

  /** What the last worker knew. */
  restore(snapshot: RoomSnapshot): void {
    this.tasks.sync.restore(snapshot.items, snapshot.skipped, snapshot.loaded);
    if (snapshot.notes) {
      this.notes.sync.restore(snapshot.notes.items, snapshot.notes.skipped, snapshot.notes.loaded);
      this.notes.offered = snapshot.notes.offered;
    }
  }

  stop(): void {
    for (const node of this.both) node.stop();
  }

  /** Edits waiting for a reconnect answer now: they are safely queued. */
  release(): void {
    for (const node of this.both) node.queue.release();
  }

  lose(problem: Problem): void {
    for (const node of this.both) node.lose(problem);
  }

  close(): void {
    for (const node of this.both) node.close();
  }

  /** `tasksShown`: the tasks as the user sees them, which a task edit is checked against. */
  edit(edit: RoomEdit, tasksShown: RoomItems, requestId?: string): Promise<Reply<{ itemId: string }>> {
    if (this.tasks.edits.owns(edit)) return this.tasks.edit(edit, tasksShown, requestId);
    if (this.notes.offered === false) {
      return Promise.resolve({ ok: false, error: { code: 'no-room', detail: `${this.notes.edits.codec.node} is not offered here` } });
    }
    // Checked against the notes shown (with rights not known yet, those cached): the queue checks again when sending.
    return this.notes.edit(edit, this.notes.shown().items, requestId);
  }

  /** The notes as shown: only to an owner or admin of a room that has them. */
  notesView(rights: Rights): NotesView {
    const { offered, sync } = this.notes;
    if (rights !== 'moderator' || offered !== true) return noNotes();
    const { items, pending } = this.notes.shown();
    return { available: true, items, pending, skipped: skippedSummary(sync.items.skipped), loaded: sync.loaded };
  }

  /** The notes as the server has them, for the cache; undefined while not known. */
  notesSnapshot(): NotesSnapshot | undefined {
    const { offered, sync } = this.notes;
    if (offered === undefined) return undefined;
    return { offered, items: sync.items.current, skipped: skippedSummary(sync.items.skipped), loaded: sync.loaded };
  }
}
