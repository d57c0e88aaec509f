// A room's edits on their way to the server: applied at once to what the
// user sees, kept in storage until the server has them (a worker restart
// loses none), published in order, each planned against the latest server
// state (rebase on send), then confirmed or failed and rolled back. An edit
// asked for again by its request id (its reply was lost with a stopped
// worker) is answered with what became of it, never made twice. One queue
// per node of the room, knowing the node only by its description
// (node-edits.ts).
import type { Problem, RoomEdit } from '../../core/types';
import type { Reply } from '../../messages';
import { IqError } from '../xmpp/errors';
import { isCreation, resolveIds, touchedItem } from './edits';
import { CrossingWrites } from './merge';
import type { NodeEdits } from './node-edits';
import { publishPlan, type PublisherDeps } from './publisher';
import type { EngineStore, QueuedEdit, RoomQueue, SettledEdit } from './store';

export interface QueueDeps<I extends { id: string }, C, E extends RoomEdit> {
  /** the node the edits are for */
  node: NodeEdits<I, C, E>;
  store: EngineStore;
  /** the room's storage key */
  key: string;
  now: () => number;
  nextId(): string;
  log(...a: unknown[]): void;
  /** the server's items now, to plan against */
  serverItems(): C;
  /** where published and retracted items go (the node's server items) */
  writer: Pick<PublisherDeps<I>, 'roomJid' | 'iq' | 'nextId' | 'published' | 'retracted' | 'log'>;
  /** the node is live and ours to write: publishing may go on */
  mayPublish(): boolean;
}

export interface QueueEvents {
  /** what the user sees changed (an edit queued, confirmed or dropped) */
  changed(): void;
  /** an edit waits: the room needs its session */
  waiting(): void;
  /** nothing left to publish */
  drained(): void;
  /** an edit was refused and rolled back */
  failed(problem: Problem): void;
  /** a publish failed for a reason the server's state may explain: fetch it again */
  resync(): void;
}

type EditReply = Reply<{ itemId: string }>;
type Confirm = (reply: EditReply) => void;

/** What the room this edit is for is like now. */
export interface RoomState {
  /** the node is live: the edit is answered once the server has it */
  live: boolean;
  /** the items are the server's as this worker fetched them, not a restarted worker's cache */
  current: boolean;
}

/** How long, and how many, answers are kept for a client that asks again after losing one. */
const SETTLED_KEPT_MS = 10 * 60_000;
const SETTLED_KEPT = 50;

export class EditQueue<I extends { id: string }, C, E extends RoomEdit> {
  private queue: RoomQueue = { edits: [], ids: {} };
  private flushing = false;
  /** bumped when publishing must stop (session or room lost): a publish answered after that is not taken as done */
  private epoch = 0;
  private readonly confirmations = new Map<string, Confirm>();
  private readonly crossing: CrossingWrites<I>;

  constructor(
    private readonly deps: QueueDeps<I, C, E>,
    private readonly events: QueueEvents,
  ) {
    this.crossing = new CrossingWrites(deps.node.fields);
  }

  /** The edits not yet confirmed, for the view. */
  get pending(): RoomQueue {
    return this.queue;
  }

  get isEmpty(): boolean {
    return this.queue.edits.length === 0;
  }

  /** Edits queued by an earlier worker come before any made since. */
  async load(): Promise<void> {
    const stored = await this.deps.store.queue(this.deps.key, this.deps.node.codec.node);
    this.queue = {
      edits: [...stored.edits, ...this.queue.edits],
      ids: { ...stored.ids, ...this.queue.ids },
      settled: [...(stored.settled ?? []), ...(this.queue.settled ?? [])],
    };
  }

  /** A notification of one of the node's items (merge.ts: did someone else's write cross ours?). */
  noticed(item: I, mine: boolean): void {
    this.crossing.noticed(item, mine);
  }

  /** A notified retraction of one of the node's items, or of all of them (purge). */
  noticedRetract(id: string | 'all'): void {
    this.crossing.retracted(id);
  }

  /**
   * Queues an edit checked against what the user sees. Answers once the server
   * has it when the room is live, else once it is safely stored. An edit
   * already received under `requestId` is answered with its fate instead.
   */
  async add(edit: E, shown: C, room: RoomState, requestId?: string): Promise<EditReply> {
    const known = requestId === undefined ? undefined : this.fateOf(requestId, room.live);
    if (known) return known;
    const { node } = this.deps;
    const check = node.plan(shown, resolveIds(edit, this.queue.ids));
    // A restarted worker shows its cache until the room is fetched again, and
    // the user may be editing something newer they saw before the restart:
    // such an edit waits, and is checked against the server's items when sent.
    if ('error' in check && (room.current || !node.maybeNewerThanCache.has(check.error))) {
      return { ok: false, error: this.notSent(edit, check.error) };
    }
    const id = `${this.deps.now().toString(36)}-${this.deps.nextId()}`;
    const queued: QueuedEdit = { id, edit, queuedAt: this.deps.now(), ...(requestId !== undefined ? { requestId } : {}) };
    if (isCreation(edit)) {
      queued.tempId = `local:${id}`;
      // Named by us, not by the server: publishing it again after a lost
      // answer updates the same item instead of creating a second one.
      queued.createId = crypto.randomUUID();
    }
    this.queue.edits.push(queued);
    // On its way first: the views hear of it right after, and other moderators no later than needed.
    const confirmed = room.live ? this.confirmation(id) : undefined;
    if (room.live) void this.flush();
    // In storage before the edit is answered: a worker restart must not lose
    // it. Its publish need not wait for the write: an edit the server has is
    // not lost either, and a publish repeated from the queue is harmless.
    const saved = this.save();
    this.events.changed();
    this.events.waiting();
    await saved;
    return confirmed ?? { ok: true, value: { itemId: queued.tempId ?? touchedItem(edit) } };
  }

  /** An edit asked for again: still queued (answered as a new one would be), or answered already; undefined if never received. */
  private fateOf(requestId: string, live: boolean): Promise<EditReply> | undefined {
    const queued = this.queue.edits.find((q) => q.requestId === requestId);
    if (queued && !live) return Promise.resolve({ ok: true, value: { itemId: queued.tempId ?? touchedItem(queued.edit) } });
    if (queued) {
      const confirmed = this.confirmation(queued.id);
      void this.flush();
      return confirmed;
    }
    const settled = this.queue.settled?.find((s) => s.requestId === requestId);
    return settled && Promise.resolve(settled.reply);
  }

  /** Resolves with the edit's answer, beside anyone else waiting for it. */
  private confirmation(id: string): Promise<EditReply> {
    return new Promise((resolve) => {
      const before = this.confirmations.get(id);
      this.confirmations.set(id, before ? (reply) => (before(reply), resolve(reply)) : resolve);
    });
  }

  /** Publish queued edits in order, each planned against the latest server state (rebase). */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.edits.length > 0 && this.deps.mayPublish()) {
        const queued = this.queue.edits[0]!;
        const epoch = this.epoch;
        const reply = await this.publish(queued);
        if (reply === 'later') break;
        if (epoch !== this.epoch) {
          // publishing stopped meanwhile: the edit stays queued and is published again later
          this.answer(queued, reply);
          break;
        }
        this.queue.edits.shift();
        this.record(queued, reply);
        this.events.changed();
        // Answered once its removal is stored: a worker stopped between an
        // answer and that write would publish the edit again, over what others
        // changed since (a deleted task back, a rename undone).
        await this.save();
        this.deliver(queued.id, reply);
      }
    } finally {
      this.flushing = false;
      if (this.queue.edits.length === 0) this.events.drained();
      if (!this.deps.mayPublish()) this.release();
    }
  }

  /** Publishing must stop: what is on its way is not taken as done (it is published again later, harmlessly). */
  pause(): void {
    this.epoch += 1;
  }

  /** Edits waiting for a reconnect answer now: they are safely queued. */
  release(): void {
    for (const queued of this.queue.edits) {
      const resolve = this.confirmations.get(queued.id);
      if (!resolve) continue;
      resolve({ ok: true, value: { itemId: queued.tempId ?? touchedItem(queued.edit) } });
      this.confirmations.delete(queued.id);
    }
  }

  /** Lost the rights: queued edits can never be published; roll them back and say so. */
  failAll(problem: Problem): void {
    if (this.queue.edits.length === 0) return;
    for (const queued of this.queue.edits) this.answer(queued, { ok: false, error: problem });
    this.queue = { edits: [], ids: {}, settled: this.queue.settled };
    void this.save();
  }

  /** Publishes one edit: its answer, for the caller to give once the edit has left the stored queue, or 'later'. */
  private async publish(queued: QueuedEdit): Promise<EditReply | 'later'> {
    const { node } = this.deps;
    const edit = resolveIds(queued.edit as E, this.queue.ids);
    const server = this.deps.serverItems();
    const plan = node.plan(server, edit);
    if ('error' in plan) return this.fail(this.notSent(edit, plan.error));
    const items = plan.publish.map((item) => (item.id ? item : { ...item, id: (queued.createId ??= crypto.randomUUID()) }));
    // the item the user acted on (a move republishes others before it)
    const itemId = touchedItem(edit) || (queued.createId ?? '');
    // watched from planning on: a write by someone else before ours is merged, not lost
    for (const item of items) this.crossing.watch(item.id, node.itemOf(server, item.id));
    const publisher: PublisherDeps<I> = {
      ...this.deps.writer,
      node: node.codec.node,
      serialize: node.serialize,
      retractsLast: (id) => node.retractsLast(this.deps.serverItems(), id),
      crossing: this.crossing,
    };
    // a move that renumbers others is answered as soon as the moved item is on the server
    const answerEarly = items.length > 1 || plan.retract.length > 0;
    try {
      await publishPlan(publisher, items, plan.retract, itemId, (id) => {
        if (id === queued.createId && queued.tempId) {
          this.queue.ids[queued.tempId] = id;
          void this.save();
        }
        // The user's own item is on the server: their edit is, whatever else
        // is still on its way. It stays queued until the rest is: a worker
        // stopped before then finishes it.
        if (id === itemId && answerEarly) this.answer(queued, { ok: true, value: { itemId: id } });
      });
    } catch (e) {
      for (const item of items) this.crossing.forget(item.id);
      if (e instanceof IqError && e.transient) return 'later';
      const condition = e instanceof IqError ? e.message : String(e);
      const failed = this.fail({ code: 'edit-failed', detail: `${node.describe(edit)}: ${condition}` });
      // our rights may have changed, or the item under us: get the server's truth
      this.events.resync();
      return failed;
    }
    return { ok: true, value: { itemId } };
  }

  private fail(problem: Problem): EditReply {
    this.deps.log('room: edit failed', this.deps.writer.roomJid, problem.detail);
    this.events.failed(problem);
    return { ok: false, error: problem };
  }

  private answer(queued: QueuedEdit, reply: EditReply): void {
    this.record(queued, reply);
    this.deliver(queued.id, reply);
  }

  /** The answer kept for a client that asks again (stored with the queue's next write). */
  private record(queued: QueuedEdit, reply: EditReply): void {
    if (queued.requestId !== undefined) this.settle({ requestId: queued.requestId, reply, at: this.deps.now() });
  }

  private deliver(id: string, reply: EditReply): void {
    this.confirmations.get(id)?.(reply);
    this.confirmations.delete(id);
  }

  /** Kept (and stored with the queue) for a client whose reply was lost: asking again gets this. */
  private settle(answer: SettledEdit): void {
    const others = (this.queue.settled ?? []).filter((s) => s.requestId !== answer.requestId);
    this.queue.settled = [...others, answer].slice(-SETTLED_KEPT);
  }

  private save(): Promise<void> {
    const since = this.deps.now() - SETTLED_KEPT_MS;
    if (this.queue.settled) this.queue.settled = this.queue.settled.filter((s) => s.at > since);
    return this.deps.store.saveQueue(this.deps.key, this.queue, this.deps.node.codec.node);
  }

  /** Refused here, before the server was asked: it does not fit the items it was checked against. */
  private notSent(edit: E, error: string): Problem {
    return { code: 'edit-not-sent', detail: `${this.deps.node.describe(edit)}: ${error}` };
  }
}
