// One room's live state, from parts that do not know each other: our
// occupant, its rights and who else is in (room-presence.ts), the room's two
// nodes, livechat-tasks and livechat-notes, each followed with its edits on
// their way (room-node.ts, the same code for both), and what watchers see
// and the cache (room-view.ts). This coordinator owns who keeps the room
// joined and routes each part's events to the others. The tasks make the
// room's status; the notes follow beside them, for owners and admins of a
// room that has them.
import { bareJidKey } from '../../core/jid';
import type { ViewListener } from '../../core/view-delta';
import type { Problem, RoomEdit, RoomRef, RoomView, SessionStatus } from '../../core/types';
import type { Reply } from '../../messages';
import { RoomNodes } from './room-nodes';
import { RoomPresence } from './room-presence';
import { LINGER_MS, type RoomDeps, type RoomLink } from './room-link';
import { RoomViewState } from './room-view';

/** Problems about one edit: they stay shown when the room goes live again. */
const EDIT_PROBLEMS: ReadonlySet<Problem['code'] | undefined> = new Set(['edit-failed', 'edit-not-sent']);

export class RoomSync {
  private readonly jidKey: string;
  private readonly presence: RoomPresence;
  /** livechat-tasks and livechat-notes */
  private readonly nodes: RoomNodes;
  private readonly shown: RoomViewState;
  private heldUntil = 0;
  private readonly loading: Promise<void>;

  constructor(
    readonly ref: RoomRef,
    title: string,
    url: string | undefined,
    private readonly link: RoomLink,
    private readonly deps: RoomDeps,
    readonly key: string,
  ) {
    this.jidKey = bareJidKey(ref.jid);
    const { log } = deps;
    this.presence = new RoomPresence(
      { roomJid: ref.jid, nickname: () => link.nickname(), send: (xml) => link.send(xml), log },
      {
        joining: () => {
          this.interrupt();
          this.setStatus('joining');
        },
        granted: () => {
          if (this.shown.problem?.code === 'forbidden') this.shown.problem = undefined;
          this.shown.changed();
          this.presence.settleWaiters();
          void this.nodes.sync();
        },
        refused: (problem) => this.loseRights(problem),
        unanswered: (problem) => {
          this.setProblem(problem);
          this.presence.settleWaiters();
        },
        left: () => {
          this.interrupt();
          this.setStatus('offline');
        },
        // Subscribing again is idempotent; refetching catches what we missed meanwhile.
        occupantChanged: () => this.nodes.resyncSoon(),
        participantsChanged: () => this.shown.changed(),
      },
    );
    this.nodes = new RoomNodes(
      {
        link: { roomJid: ref.jid, bareJid: () => link.bareJid(), nextId: () => link.nextId(), iq: (xml: string) => link.iq(xml), log },
        store: deps.store,
        key,
        now: deps.now,
      },
      {
        subscribed: () => {
          if (this.shown.status !== 'live') this.setStatus('subscribed');
        },
        live: () => {
          this.shown.status = 'live';
          if (!EDIT_PROBLEMS.has(this.shown.problem?.code)) this.shown.problem = undefined;
          this.shown.changed();
          this.pushThenCache();
        },
        notesLive: () => {
          // a failure of the notes' fetch, now healed, no longer stands beside live tasks
          if (this.shown.status === 'live' && !EDIT_PROBLEMS.has(this.shown.problem?.code)) this.shown.problem = undefined;
          this.shown.changed();
          this.pushThenCache();
        },
        lostRights: (problem) => this.loseRights(problem),
        failed: (problem) => this.setProblem(problem),
        othersChanged: (id) => this.shown.markChanged(id),
        changed: () => this.shown.changed(),
        waiting: () => this.wake(),
        drained: () => link.wantsChanged(),
        allowed: () => this.presence.state === 'in' && this.presence.rights === 'moderator',
      },
    );
    this.shown = new RoomViewState(
      {
        ref,
        rights: () => this.presence.rights,
        shownItems: () => this.nodes.tasks.shown(),
        serverItems: () => this.nodes.tasks.sync.items.current,
        skipped: () => this.nodes.tasks.sync.items.skipped,
        loaded: () => this.nodes.tasks.sync.loaded,
        notes: () => this.nodes.notesView(this.presence.rights),
        notesSnapshot: () => this.nodes.notesSnapshot(),
        participants: () => this.presence.participants,
        online: () => link.online,
        connectionStatus: () => link.connectionStatus,
        connectionProblem: () => link.connectionProblem,
      },
      { store: deps.store, key, now: deps.now, log },
      title,
      url,
    );
    this.loading = this.load();
  }

  /** Cached snapshot and queued edits from storage: the first view paints from them. */
  private async load(): Promise<void> {
    const [snapshot] = await Promise.all([this.deps.store.snapshot(this.key), this.nodes.load()]);
    if (snapshot) {
      this.nodes.restore(snapshot);
      this.presence.restoreRights(snapshot.rights);
      this.shown.restore(snapshot);
    }
    this.shown.changed();
    if (!this.nodes.queuesEmpty) this.wake();
  }

  ready(): Promise<void> {
    return this.loading;
  }

  view(): RoomView {
    return this.shown.get();
  }

  setTitle(title: string, url?: string): void {
    if (title) this.shown.title = title;
    if (url) this.shown.url = url;
    this.shown.changed();
  }

  // --- who keeps the room joined -------------------------------------------

  watch(listener: ViewListener): () => void {
    const unwatch = this.shown.watch(listener);
    this.wake();
    return () => {
      if (unwatch()) this.linger();
    };
  }

  /** Keep the room joined for a while without a watcher (a page just opened it; a watch will follow). */
  hold(): void {
    this.linger();
    this.wake();
  }

  private linger(): void {
    this.heldUntil = Math.max(this.heldUntil, this.deps.now() + LINGER_MS);
  }

  wanted(): boolean {
    return this.shown.watched || !this.nodes.queuesEmpty || this.deps.now() < this.heldUntil;
  }

  /** Resolves once rights are known (joined and self-presence seen) or the session reported a problem. */
  async rightsKnown(timeoutMs: number): Promise<void> {
    await this.loading;
    await this.presence.rightsKnown(timeoutMs);
  }

  /** Someone needs the room: get the session running and the room joined. */
  private wake(): void {
    this.link.wantsChanged();
    if (this.link.online && this.presence.state === 'out') void this.presence.join();
  }

  // --- session events --------------------------------------------------------

  /** The account's session came (back) online: rejoin, resubscribe, refetch, publish the queue. */
  onOnline(): void {
    this.presence.reset();
    this.interrupt();
    if (this.wanted()) void this.presence.join();
  }

  /** The account's session is down or reconnecting. */
  onOffline(): void {
    this.presence.reset();
    this.interrupt();
    if (this.link.connectionProblem && this.link.connectionProblem.code !== 'network') this.presence.settleWaiters();
    this.shown.status = this.link.connectionStatus;
    this.nodes.release();
    this.shown.changed();
  }

  /** The session state changed while offline (connecting, authenticating, a new problem). */
  onConnectionState(): void {
    if (!this.link.online) this.onOffline();
  }

  /** Periodic healing: join what should be joined, leave what nobody holds, finish an interrupted sync. */
  tick(): void {
    if (!this.link.online) return;
    const joined = this.presence.state;
    if (this.wanted()) {
      if (joined === 'out') void this.presence.join();
      else if (joined === 'in' && this.presence.rights === 'moderator') this.nodes.heal();
    } else if (joined !== 'out') {
      this.leave();
    }
  }

  onStanza(stanza: Element): void {
    if (stanza.nodeName === 'presence') this.presence.onPresence(stanza);
    else if (stanza.nodeName === 'message') this.onMessage(stanza);
  }

  private onMessage(stanza: Element): void {
    if (bareJidKey(stanza.getAttribute('from') ?? '') !== this.jidKey || this.presence.rights !== 'moderator') return;
    this.nodes.onMessage(stanza);
  }

  private leave(): void {
    this.presence.leave();
    this.interrupt();
    this.setStatus('offline');
    this.link.wantsChanged();
  }

  /** The session or our occupant is gone: what the nodes and the queues were doing no longer counts. */
  private interrupt(): void {
    this.nodes.stop();
  }

  /** Not (or no longer) owner/admin: the view loses the tasks and the notes at once, and the cache forgets them. */
  private loseRights(problem: Problem): void {
    this.presence.revoke();
    this.nodes.lose(problem);
    this.shown.status = this.presence.state === 'in' ? 'joining' : 'offline';
    this.shown.problem = problem;
    this.shown.changed();
    void this.shown.saveSnapshot();
    this.presence.settleWaiters();
  }

  private setStatus(status: SessionStatus): void {
    this.shown.status = status;
    this.shown.changed();
  }

  private setProblem(problem: Problem): void {
    this.shown.problem = problem;
    this.shown.changed();
  }

  // --- edits -----------------------------------------------------------------

  /** `requestId`: the view's id for this edit; asked again with it (a lost reply), the edit is answered, not made twice. */
  async edit(edit: RoomEdit, requestId?: string): Promise<Reply<{ itemId: string }>> {
    await this.loading;
    if (this.presence.rights === 'none') {
      return { ok: false, error: this.shown.problem ?? { code: 'forbidden', detail: this.ref.jid } };
    }
    return this.nodes.edit(edit, this.view().items, requestId);
  }

  saveSnapshot(): Promise<void> {
    return this.shown.saveSnapshot();
  }

  /**
   * A fetch went live: the cache is written at once, not after the quiet debounce (a worker
   * stopped right now must still paint this next time), and the view is pushed first, since
   * writing a 5,000-item room blocks the worker for a while.
   */
  private pushThenCache(): void {
    this.shown.pushNow();
    void this.shown.saveSnapshot();
  }

  /** Stop timers (engine closing); the snapshot is written first. */
  async close(): Promise<void> {
    this.nodes.close();
    await this.shown.close();
  }
}
