// One room's live task state: joined as the user's own occupant, rights from
// the self-presence, one subscription, items fetched and followed, edits
// applied optimistically and published in order. Every change is pushed to
// the watchers and cached.
import { planEdit } from '../../core/plan';
import { bareJidKey } from '../../core/jid';
import { emptyItems } from '../../core/room';
import {
  discoInfoIq,
  itemsIq,
  joinPresence,
  leavePresence,
  parseDiscoFeatures,
  parseEvent,
  parseItemsResult,
  parseMucPresence,
  subscribeIq,
  type MucPresence,
  type PubsubEvent,
} from '../../core/stanzas';
import { NS, type Edit, type Item, type Problem, type RoomItems, type RoomRef, type RoomView, type Rights, type SessionStatus } from '../../core/types';
import type { Reply } from '../../messages';
import { IqError } from '../xmpp/connection';
import { describeEdit, isCreation, resolveIds, touchedItem, withQueuedEdits } from './edits';
import { CrossingWrites } from './merge';
import { publishItems, retractItems, type PublisherDeps } from './publisher';
import { ServerItems } from './server-items';
import type { EngineStore, QueuedEdit, RoomQueue, RoomSnapshot } from './store';
import { ViewEmitter } from './view-emitter';

/** What a room needs from its account's session. */
export interface RoomLink {
  readonly online: boolean;
  /** connection status and problem, shown while the session is not online */
  readonly connectionStatus: SessionStatus;
  readonly connectionProblem: Problem | undefined;
  bareJid(): string;
  nickname(): string;
  nextId(): string;
  iq(xml: string): Promise<Element>;
  send(xml: string): void;
  /** the room wants (or no longer wants) the session to run */
  wantsChanged(): void;
}

export interface RoomDeps {
  store: EngineStore;
  now: () => number;
  log: (...a: unknown[]) => void;
}

type Listener = (view: RoomView) => void;
type JoinState = 'out' | 'joining' | 'in';

const SELF_PRESENCE_TIMEOUT_MS = 15_000;
/** How long a room stays joined after its last watcher left (a tab reload should not leave and rejoin). */
export const LINGER_MS = 60_000;
const CHANGED_HIGHLIGHT_MS = 4_000;
const RESYNC_DEBOUNCE_MS = 250;
/**
 * The cache is written once the room has been quiet this long (writing a big
 * room blocks the worker while it is serialized: not during a burst), and at
 * the latest SNAPSHOT_MAX_WAIT_MS after the first change it lacks.
 */
const SNAPSHOT_QUIET_MS = 1_000;
const SNAPSHOT_MAX_WAIT_MS = 10_000;

const MODERATOR_AFFILIATIONS = new Set(['owner', 'admin']);

export class RoomSync {
  readonly key: string;
  /** the room's JID as compared with the server's addresses (jid.ts) */
  private readonly jidKey: string;
  private title: string;
  private url: string | undefined;
  private readonly server: ServerItems;
  private queue: RoomQueue = { edits: [], ids: {} };
  private rights: Rights = 'unknown';
  private status: SessionStatus = 'offline';
  private problem: Problem | undefined;
  private loaded = false;
  private changed = new Map<string, number>();
  private updatedAt = 0;
  private current: RoomView;
  /** the state changed since `current` was built */
  private stale = false;
  private readonly emitter: ViewEmitter;
  private readonly publisher: PublisherDeps;

  private readonly listeners = new Set<Listener>();
  private heldUntil = 0;
  private joinState: JoinState = 'out';
  private affiliation = 'none';
  /** set when another user holds our nickname in this room: we join under a variant of it */
  private nickVariant: string | undefined;
  /** bumped on every (re)join and every loss of the session: stale async steps stop */
  private generation = 0;
  private syncing = false;
  /** numbers sync runs, so that a run abandoned by a disconnect cannot clear a newer run's flag */
  private syncRun = 0;
  private flushing = false;
  private selfPresenceWaiter: ((p: MucPresence) => void) | null = null;
  private readonly confirmations = new Map<string, (reply: Reply<{ itemId: string }>) => void>();
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  /** when the oldest change the cache lacks was made (0: none) */
  private unsavedSince = 0;
  private changedTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly rightsWaiters: Array<() => void> = [];
  private readonly crossing = new CrossingWrites();
  private eventsDuringFetch: PubsubEvent[] | null = null;
  private readonly loading: Promise<void>;

  constructor(
    readonly ref: RoomRef,
    title: string,
    url: string | undefined,
    private readonly link: RoomLink,
    private readonly deps: RoomDeps,
    key: string,
  ) {
    this.key = key;
    this.jidKey = bareJidKey(ref.jid);
    this.title = title;
    this.url = url;
    this.server = new ServerItems((id, reason) => deps.log('room: skipped item', ref.jid, id, reason));
    this.current = this.buildView();
    this.emitter = new ViewEmitter(() => this.emit());
    this.publisher = {
      roomJid: ref.jid,
      iq: (xml) => this.link.iq(xml),
      nextId: () => this.link.nextId(),
      crossing: this.crossing,
      published: (item, echoed) => {
        if (!echoed) this.server.put(item);
      },
      retracted: (id) => void this.server.drop(id),
      isList: (id) => this.server.isList(id),
      log: deps.log,
    };
    this.loading = this.load();
  }

  /** Cached snapshot and queued edits from storage: the first view paints from them. */
  private async load(): Promise<void> {
    const [snapshot, queue] = await Promise.all([this.deps.store.snapshot(this.key), this.deps.store.queue(this.key)]);
    if (snapshot) {
      this.server.restore(snapshot.items, snapshot.skipped);
      this.rights = snapshot.rights;
      this.loaded = snapshot.loaded;
      this.updatedAt = snapshot.updatedAt;
      if (!this.title) this.title = snapshot.title;
      this.url ??= snapshot.url;
    }
    // edits queued by an earlier worker come before any made since
    this.queue = { edits: [...queue.edits, ...this.queue.edits], ids: { ...queue.ids, ...this.queue.ids } };
    this.changedView();
    if (this.queue.edits.length > 0) this.wake();
  }

  ready(): Promise<void> {
    return this.loading;
  }

  view(): RoomView {
    if (this.stale) {
      this.stale = false;
      this.current = this.buildView();
    }
    return this.current;
  }

  setTitle(title: string, url?: string): void {
    if (title) this.title = title;
    if (url) this.url = url;
    this.changedView();
  }

  // --- who keeps the room joined -------------------------------------------

  watch(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.view());
    this.wake();
    return () => {
      if (!this.listeners.delete(listener)) return;
      this.heldUntil = Math.max(this.heldUntil, this.deps.now() + LINGER_MS);
    };
  }

  /** Keep the room joined for a while without a watcher (a page just opened it; a watch will follow). */
  hold(): void {
    this.heldUntil = Math.max(this.heldUntil, this.deps.now() + LINGER_MS);
    this.wake();
  }

  /** Someone needs the room: get the session running and the room joined. */
  private wake(): void {
    this.link.wantsChanged();
    if (this.link.online && this.joinState === 'out') void this.join();
  }

  wanted(): boolean {
    return this.listeners.size > 0 || this.queue.edits.length > 0 || this.deps.now() < this.heldUntil;
  }

  /** Resolves once rights are known (joined and self-presence seen) or the session reported a problem. */
  async rightsKnown(timeoutMs: number): Promise<void> {
    await this.loading;
    if (this.joinState === 'in' && this.rights !== 'unknown') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.rightsWaiters.push(done);
    });
  }

  private settleRightsWaiters(): void {
    for (const done of this.rightsWaiters.splice(0)) done();
  }

  // --- session events --------------------------------------------------------

  /** The account's session came (back) online: rejoin, resubscribe, refetch, publish the queue. */
  onOnline(): void {
    this.joinState = 'out';
    this.generation += 1;
    if (this.wanted()) void this.join();
  }

  /** The account's session is down or reconnecting. */
  onOffline(): void {
    this.generation += 1;
    this.joinState = 'out';
    this.syncing = false;
    this.syncRun += 1;
    this.selfPresenceWaiter = null;
    if (this.link.connectionProblem && this.link.connectionProblem.code !== 'network') this.settleRightsWaiters();
    this.status = this.link.connectionStatus;
    this.releaseConfirmations();
    this.changedView();
  }

  /** The session state changed while offline (connecting, authenticating, a new problem). */
  onConnectionState(): void {
    if (!this.link.online) this.onOffline();
  }

  /** Periodic healing: join what should be joined, leave what nobody holds, finish an interrupted sync. */
  tick(): void {
    if (!this.link.online) return;
    if (this.wanted()) {
      if (this.joinState === 'out') void this.join();
      else if (this.joinState === 'in' && this.rights === 'moderator' && this.status !== 'live' && !this.syncing) {
        void this.sync(this.generation);
      } else if (this.status === 'live') void this.flush();
    } else if (this.joinState !== 'out') {
      this.leave();
    }
  }

  onStanza(stanza: Element): void {
    if (stanza.nodeName === 'presence') this.onPresence(stanza);
    else if (stanza.nodeName === 'message') this.onMessage(stanza);
  }

  // --- joining and rights ----------------------------------------------------

  private async join(): Promise<void> {
    const generation = ++this.generation;
    this.joinState = 'joining';
    this.status = 'joining';
    this.changedView();
    const nick = this.nick();
    const selfPresence = new Promise<MucPresence | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), SELF_PRESENCE_TIMEOUT_MS);
      this.selfPresenceWaiter = (p) => {
        clearTimeout(timer);
        resolve(p);
      };
    });
    try {
      this.link.send(joinPresence(this.ref.jid, nick));
    } catch (e) {
      this.deps.log('room: join not sent', this.ref.jid, e);
      this.joinState = 'out';
      return;
    }
    const presence = await selfPresence;
    if (generation !== this.generation) return;
    this.selfPresenceWaiter = null;
    if (!presence) {
      this.joinState = 'out';
      this.setProblem({ code: 'network', detail: `no answer from ${this.ref.jid}` });
      this.settleRightsWaiters();
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
      this.loseRights({ code, detail: `${this.ref.jid}: ${presence.error.condition}` });
      return;
    }
    this.joinState = 'in';
    await this.applyAffiliation(presence.affiliation, generation);
  }

  /** Our occupant nickname: the user's own (so that Prosody merges our session with the in-chat one). */
  private nick(): string {
    return this.nickVariant ?? this.link.nickname();
  }

  private leave(): void {
    this.generation += 1;
    this.joinState = 'out';
    this.status = 'offline';
    // No unsubscribe: subscriptions are per bare JID, and the in-chat client of
    // the same user would lose its notifications with ours.
    try {
      this.link.send(leavePresence(this.ref.jid, this.nick()));
    } catch {
      // the session is gone anyway
    }
    this.changedView();
    this.link.wantsChanged();
  }

  private onPresence(stanza: Element): void {
    const presence = parseMucPresence(stanza);
    if (!presence || bareJidKey(presence.room) !== this.jidKey) return;
    if (presence.error || (presence.self && !presence.unavailable)) {
      if (this.selfPresenceWaiter) {
        this.selfPresenceWaiter(presence);
        return;
      }
    }
    if (presence.nick !== this.nick()) return;
    if (presence.self && presence.unavailable) {
      this.onRemovedFromRoom(presence);
      return;
    }
    if (this.joinState !== 'in') return;
    if (presence.self && presence.affiliation !== this.affiliation) {
      void this.applyAffiliation(presence.affiliation, this.generation);
    } else {
      // Another session of our occupant came or went: the server may have
      // dropped the bare-JID subscription (PROTOCOL.md §2). Subscribing again
      // is idempotent; refetching catches what we missed meanwhile.
      this.scheduleResync();
    }
  }

  private onRemovedFromRoom(presence: MucPresence): void {
    if (this.joinState === 'out') return;
    this.generation += 1;
    this.joinState = 'out';
    if (presence.destroyed) {
      this.loseRights({ code: 'no-room', detail: `${this.ref.jid} was destroyed` });
    } else if (presence.statuses.some((s) => s === '301' || s === '307' || s === '321')) {
      this.loseRights({ code: 'forbidden', detail: `removed from ${this.ref.jid}` });
    } else {
      this.status = 'offline';
      this.changedView();
    }
  }

  private async applyAffiliation(affiliation: string, generation: number): Promise<void> {
    this.affiliation = affiliation;
    if (MODERATOR_AFFILIATIONS.has(affiliation)) {
      this.rights = 'moderator';
      if (this.problem?.code === 'forbidden') this.problem = undefined;
      this.changedView();
      this.settleRightsWaiters();
      await this.sync(generation);
    } else {
      this.loseRights({ code: 'forbidden', detail: `affiliation ${affiliation || 'none'} in ${this.ref.jid}` });
    }
  }

  /** Not (or no longer) owner/admin: the view loses the tasks at once, and the cache forgets them. */
  private loseRights(problem: Problem): void {
    this.rights = 'none';
    this.server.clear();
    this.loaded = false;
    this.status = this.joinState === 'in' ? 'joining' : 'offline';
    this.problem = problem;
    this.failQueued(problem);
    this.changedView();
    void this.saveSnapshot();
    this.settleRightsWaiters();
  }

  // --- subscription and items ------------------------------------------------

  private scheduleResync(): void {
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      if (this.joinState === 'in' && this.rights === 'moderator') void this.sync(this.generation);
    }, RESYNC_DEBOUNCE_MS);
  }

  /** Check the room has the Task Application, subscribe, fetch everything, reconcile, then publish the queue. */
  private async sync(generation: number): Promise<void> {
    if (this.syncing) {
      this.scheduleResync();
      return;
    }
    this.syncing = true;
    const run = ++this.syncRun;
    try {
      const features = parseDiscoFeatures(await this.link.iq(discoInfoIq(this.ref.jid, this.link.nextId())));
      if (generation !== this.generation) return;
      if (!features.includes(NS.tasklist)) {
        this.loseRights({ code: 'no-room', detail: `${this.ref.jid} has no task application` });
        return;
      }
      // Notifications handled while the items were on their way (even in the
      // same network read as the result) are newer than or included in the
      // snapshot: replayed on top of it, in order, nothing is lost. The items
      // are asked for right behind the subscription, not after its answer:
      // the server handles both in order, so the fetch finds the
      // subscription in place, one round trip sooner.
      const during: PubsubEvent[] = [];
      this.eventsDuringFetch = during;
      let elements: Element[];
      try {
        const subscribed = this.link.iq(subscribeIq(this.ref.jid, this.link.bareJid(), this.link.nextId()));
        const fetched = this.fetchItems();
        fetched.catch(() => {}); // its failure counts only once the subscription succeeded
        await subscribed;
        if (generation === this.generation && this.status !== 'live') {
          this.status = 'subscribed';
          this.changedView();
        }
        elements = await fetched;
      } finally {
        this.eventsDuringFetch = null;
      }
      if (generation !== this.generation) return;
      // what changed while we were away, for the highlight
      this.server.replaceAll(elements, this.loaded ? (id) => this.markChanged(id) : undefined);
      for (const event of during) this.applyEvent(event);
      this.status = 'live';
      this.problem = this.problem?.code === 'edit-failed' ? this.problem : undefined;
      this.loaded = true;
      this.changedView();
      // at once, not after the debounce: a worker stopped right now must still paint this next time
      void this.saveSnapshot();
      void this.flush();
    } catch (e) {
      if (generation !== this.generation) return;
      if (e instanceof IqError && e.condition === 'forbidden') {
        this.loseRights({ code: 'forbidden', detail: `${this.ref.jid}: forbidden` });
      } else {
        // transient: the next tick (or reconnect) tries again
        this.deps.log('room: sync failed', this.ref.jid, e);
        this.setProblem({ code: 'network', detail: String(e instanceof Error ? e.message : e) });
      }
    } finally {
      if (run === this.syncRun) this.syncing = false;
    }
  }

  private async fetchItems(): Promise<Element[]> {
    try {
      const result = parseItemsResult(await this.link.iq(itemsIq(this.ref.jid, this.link.nextId())));
      if ('error' in result) throw new IqError(result.error.condition, result.error.type, result.error.text);
      return result.items;
    } catch (e) {
      // an empty node does not exist yet
      if (e instanceof IqError && e.condition === 'item-not-found') return [];
      throw e;
    }
  }

  private onMessage(stanza: Element): void {
    if (bareJidKey(stanza.getAttribute('from') ?? '') !== this.jidKey || this.rights !== 'moderator') return;
    const events = parseEvent(stanza).filter((e) => bareJidKey(e.room) === this.jidKey);
    if (events.length === 0) return;
    this.eventsDuringFetch?.push(...events);
    for (const event of events) this.applyEvent(event);
    this.changedView();
  }

  private applyEvent(event: PubsubEvent): void {
    const me = this.link.bareJid();
    switch (event.type) {
      case 'items':
        for (const el of event.items) {
          const item = this.server.notified(el);
          if (!item) continue;
          const mine = el.getAttribute('publisher') === me;
          this.crossing.noticed(item, mine);
          if (!mine) this.markChanged(item.id);
        }
        break;
      case 'retract':
        for (const id of event.ids) this.server.retracted(id);
        break;
      case 'purge':
      case 'delete':
        this.server.clear();
        break;
    }
  }

  private markChanged(id: string): void {
    this.changed.set(id, this.deps.now() + CHANGED_HIGHLIGHT_MS);
    this.scheduleChangedExpiry();
  }

  private scheduleChangedExpiry(): void {
    if (this.changedTimer || this.changed.size === 0) return;
    this.changedTimer = setTimeout(() => {
      this.changedTimer = null;
      const now = this.deps.now();
      for (const [key, until] of this.changed) if (until <= now) this.changed.delete(key);
      this.changedView();
      this.scheduleChangedExpiry();
    }, CHANGED_HIGHLIGHT_MS);
  }

  // --- edits -----------------------------------------------------------------

  async edit(edit: Edit): Promise<Reply<{ itemId: string }>> {
    await this.loading;
    if (this.rights === 'none') {
      return { ok: false, error: this.problem ?? { code: 'forbidden', detail: this.ref.jid } };
    }
    const check = planEdit(this.view().items, resolveIds(edit, this.queue.ids));
    if ('error' in check) return { ok: false, error: { code: 'edit-failed', detail: `${describeEdit(edit)}: ${check.error}` } };
    const id = `${this.deps.now().toString(36)}-${this.link.nextId()}`;
    const queued: QueuedEdit = { id, edit, queuedAt: this.deps.now() };
    if (isCreation(edit)) {
      queued.tempId = `local:${id}`;
      // Named by us, not by the server: publishing it again after a lost
      // answer updates the same item instead of creating a second one.
      queued.createId = crypto.randomUUID();
    }
    this.queue.edits.push(queued);
    // In storage before the edit is answered: a worker restart must not lose
    // it. Its publish need not wait for the write: an edit the server has is
    // not lost either, and a publish repeated from the queue is harmless.
    const saved = this.deps.store.saveQueue(this.key, this.queue);
    this.changedView();
    this.wake();
    const itemId = queued.tempId ?? touchedItem(edit);
    if (this.status !== 'live') {
      await saved;
      return { ok: true, value: { itemId } };
    }
    const confirmed = new Promise<Reply<{ itemId: string }>>((resolve) => this.confirmations.set(id, resolve));
    void this.flush();
    await saved;
    return confirmed;
  }

  /** Publish queued edits in order, each planned against the latest server state (rebase). */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.edits.length > 0 && this.status === 'live' && this.rights === 'moderator') {
        const queued = this.queue.edits[0]!;
        const generation = this.generation;
        const outcome = await this.publish(queued);
        if (outcome === 'later' || generation !== this.generation) break;
        this.queue.edits.shift();
        // shown confirmed at once; the queue's write only guards a restart, where republishing is harmless
        this.changedView();
        await this.deps.store.saveQueue(this.key, this.queue);
      }
    } finally {
      this.flushing = false;
      if (this.queue.edits.length === 0) this.link.wantsChanged();
      if (this.status !== 'live') this.releaseConfirmations();
    }
  }

  private async publish(queued: QueuedEdit): Promise<'done' | 'failed' | 'later'> {
    const edit = resolveIds(queued.edit, this.queue.ids);
    const plan = planEdit(this.server.current, edit);
    if ('error' in plan) {
      this.fail(queued, { code: 'edit-failed', detail: `${describeEdit(edit)}: ${plan.error}` });
      return 'failed';
    }
    const items = plan.publish.map((item) => (item.id ? item : { ...item, id: (queued.createId ??= crypto.randomUUID()) }));
    // the item the user acted on (a move republishes others before it)
    let itemId = touchedItem(edit) || (queued.createId ?? '');
    // watched from planning on: a write by someone else before ours is merged, not lost
    for (const item of items) this.crossing.watch(item.id, itemOf(this.server.current, item.id));
    try {
      await publishItems(this.publisher, items, (id) => {
        if (id === queued.createId && queued.tempId) {
          this.queue.ids[queued.tempId] = id;
          void this.deps.store.saveQueue(this.key, this.queue);
        }
        // the user's own item is on the server: their edit is, whatever else is still on its way
        if (id === itemId) this.confirm(queued, id);
      });
      await retractItems(this.publisher, plan.retract);
    } catch (e) {
      for (const item of items) this.crossing.forget(item.id);
      if (e instanceof IqError && isTransient(e)) return 'later';
      const condition = e instanceof IqError ? e.message : String(e);
      this.fail(queued, { code: 'edit-failed', detail: `${describeEdit(edit)}: ${condition}` });
      // our rights may have changed, or the item under us: get the server's truth
      this.scheduleResync();
      return 'failed';
    }
    this.confirm(queued, itemId);
    return 'done';
  }

  private confirm(queued: QueuedEdit, itemId: string): void {
    this.confirmations.get(queued.id)?.({ ok: true, value: { itemId } });
    this.confirmations.delete(queued.id);
  }

  private fail(queued: QueuedEdit, problem: Problem): void {
    this.deps.log('room: edit failed', this.ref.jid, problem.detail);
    this.problem = problem;
    this.confirmations.get(queued.id)?.({ ok: false, error: problem });
    this.confirmations.delete(queued.id);
  }

  /** Lost the rights: queued edits can never be published; roll them back and say so. */
  private failQueued(problem: Problem): void {
    if (this.queue.edits.length === 0) return;
    for (const queued of this.queue.edits) {
      this.confirmations.get(queued.id)?.({ ok: false, error: problem });
      this.confirmations.delete(queued.id);
    }
    this.queue = { edits: [], ids: {} };
    void this.deps.store.saveQueue(this.key, this.queue);
  }

  /** Edits waiting for a reconnect answer now: they are safely queued. */
  private releaseConfirmations(): void {
    for (const queued of this.queue.edits) {
      const resolve = this.confirmations.get(queued.id);
      if (!resolve) continue;
      resolve({ ok: true, value: { itemId: queued.tempId ?? touchedItem(queued.edit) } });
      this.confirmations.delete(queued.id);
    }
  }

  // --- the view ----------------------------------------------------------------

  private setProblem(problem: Problem | undefined): void {
    this.problem = problem;
    this.changedView();
  }

  private buildView(): RoomView {
    const { items, pending } = withQueuedEdits(this.server.share(), this.queue);
    const online = this.link.online;
    const skipped = this.server.skipped;
    const skippedSample = skipped.values().next().value;
    return {
      ref: this.ref,
      title: this.title,
      ...(this.url ? { url: this.url } : {}),
      status: online ? this.status : this.link.connectionStatus,
      rights: this.rights,
      items: this.rights === 'none' ? emptyItems() : items,
      pending: this.rights === 'none' ? [] : pending,
      changed: [...this.changed.keys()],
      ...(this.currentProblem() ? { problem: this.currentProblem() } : {}),
      skipped: { count: skipped.size, ...(skippedSample !== undefined ? { sample: skippedSample } : {}) },
      loaded: this.loaded,
      updatedAt: this.updatedAt,
    };
  }

  private currentProblem(): Problem | undefined {
    if (!this.link.online && this.link.connectionProblem) return this.link.connectionProblem;
    return this.problem;
  }

  /** Something changed: the view is rebuilt and pushed once per burst (view-emitter.ts), the cache written once quiet. */
  private changedView(): void {
    this.updatedAt = this.deps.now();
    this.stale = true;
    this.scheduleSnapshot();
    if (this.listeners.size > 0) this.emitter.changed();
  }

  private emit(): void {
    const view = this.view();
    for (const listener of this.listeners) {
      try {
        listener(view);
      } catch (e) {
        this.deps.log('room: listener failed', e);
      }
    }
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

  async saveSnapshot(): Promise<void> {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.unsavedSince = 0;
    // the store copies the items as text at once: no need to share them
    const snapshot: RoomSnapshot = {
      title: this.title,
      ...(this.url ? { url: this.url } : {}),
      rights: this.rights,
      items: this.server.current,
      skipped: this.view().skipped,
      loaded: this.loaded,
      updatedAt: this.updatedAt,
    };
    await this.deps.store.saveSnapshot(this.key, snapshot);
  }

  /** Stop timers (engine closing); the snapshot is written first. */
  async close(): Promise<void> {
    for (const timer of [this.resyncTimer, this.changedTimer]) if (timer) clearTimeout(timer);
    this.resyncTimer = this.changedTimer = null;
    this.emitter.cancel();
    this.generation += 1;
    this.releaseConfirmations();
    await this.saveSnapshot();
  }
}

function isTransient(e: IqError): boolean {
  return e.condition === 'not-connected' || e.condition === 'timeout' || e.errorType === 'wait';
}

function itemOf(items: RoomItems, id: string): Item | undefined {
  const list = items.lists[id];
  if (list) return { kind: 'tasklist', ...list };
  const task = items.tasks[id];
  return task ? { kind: 'task', ...task } : undefined;
}
