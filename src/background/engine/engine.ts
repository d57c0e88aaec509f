// The sync engine: one XMPP session per account, one subscription per room,
// live and cached task state for every view. The worker glue (router,
// storage adapters, alarms) drives it; it knows no browser API itself.
import { bareJidKey } from '../../core/jid';
import type { ViewListener } from '../../core/view-delta';
import { roomKey, type Problem, type RoomEdit, type RoomRef, type RoomView } from '../../core/types';
import type { AccountSummary, ManualAccount, PeerTubeRoomPage, RecentRoom, Reply } from '../../messages';
import { AccountSession } from './account-session';
import { RoomSync } from './room-sync';
import { EngineStore, type KV, type RoomRecord, type StoredAccount } from './store';
import { noNotes } from '../../core/notes/view';

export interface EngineDeps {
  /** task snapshots, edit queue, accounts (no secrets) */
  local: KV;
  /** passwords, tokens */
  session: KV;
  fetch: typeof fetch;
  now?: () => number;
  random?: () => number;
  log?: (...a: unknown[]) => void;
}

export type OpenPeerTubeRoom = PeerTubeRoomPage;

/** How long opening a room may wait for the session and the self-presence. */
const OPEN_TIMEOUT_MS = 25_000;
const RECENT_ROOMS_KEPT = 20;

const peerTubeAccountId = (origin: string) => `peertube:${origin}`;
const manualAccountId = (jid: string) => `xmpp:${jid.toLowerCase()}`;

export class Engine {
  private readonly store: EngineStore;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly log: (...a: unknown[]) => void;
  private readonly sessions = new Map<string, AccountSession>();
  private records: RoomRecord[] = [];
  private restored: Promise<void> | null = null;

  constructor(private readonly deps: EngineDeps) {
    this.store = new EngineStore(deps.local, deps.session);
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.log = deps.log ?? (() => {});
  }

  /** Restore accounts, cached rooms and queued edits from storage (worker start / event page wake). */
  restore(): Promise<void> {
    this.restored ??= this.doRestore();
    return this.restored;
  }

  private async doRestore(): Promise<void> {
    for (const account of await this.store.accounts()) this.sessionFor(account);
    this.records = await this.store.rooms();
    const rooms = this.records.flatMap((r) => {
      const room = this.roomFor(r.ref, r.title, r.url);
      return room ? [room] : [];
    });
    // queued edits ask for their session themselves once loaded
    await Promise.all(rooms.map((room) => room.ready()));
  }

  /**
   * The room of a PeerTube watch page, ready to be watched and joined: its
   * account, the user's credentials, the session and the room (with its
   * cached view) exist once this resolves. Nothing is sent to the server yet
   * (see joinRoom), so a view can watch the room while the session connects.
   */
  async findPeerTubeRoom(p: OpenPeerTubeRoom): Promise<Reply<{ room: RoomRef }>> {
    await this.restore();
    let origin: string;
    try {
      origin = new URL(p.origin).origin;
    } catch {
      return fail({ code: 'bad-request', detail: `not an origin: ${p.origin}` });
    }
    if (!p.config.room?.includes('@')) return fail({ code: 'no-room', detail: 'no room JID' });
    const id = peerTubeAccountId(origin);
    const previous = this.sessions.get(id)?.account;
    const account: StoredAccount = {
      ...previous,
      id,
      kind: 'peertube',
      label: previous?.label ?? new URL(origin).host,
      origin,
      config: p.config,
    };
    const session = this.sessionFor(account);
    session.account = { ...session.account, origin, config: p.config };
    // the account is written beside the credentials' checks, not before them: the room opens sooner
    const [problem] = await Promise.all([session.usePageAuth(p.auth), this.saveAccounts()]);
    if (problem) return fail(problem);
    const ref: RoomRef = { account: id, jid: p.config.room };
    const room = this.roomFor(ref, p.title, p.url)!;
    room.setTitle(p.title, p.url);
    await this.remember(ref, p.title, p.url);
    return { ok: true, value: { room: ref } };
  }

  /** Joins a room found before (findPeerTubeRoom); resolves once the user's rights are known. */
  async joinRoom(ref: RoomRef): Promise<Reply<{ room: RoomRef }>> {
    const session = this.sessions.get(ref.account);
    const room = session?.rooms.get(bareJidKey(ref.jid));
    if (!session || !room) return fail({ code: 'bad-request', detail: `unknown room ${ref.jid}` });
    return this.open(session, room);
  }

  async addManualAccount(a: ManualAccount): Promise<Reply<{ id: string }>> {
    await this.restore();
    const jid = a.jid.trim();
    if (!/^[^@/\s]+@[^@/\s]+$/.test(jid)) return fail({ code: 'bad-request', detail: `not a bare JID: ${a.jid}` });
    if (!/^(wss?|https?):\/\/[^\s]+$/.test(a.service)) {
      return fail({ code: 'bad-request', detail: `not a ws://, wss://, http:// or https:// address: ${a.service}` });
    }
    if (!a.password) return fail({ code: 'bad-request', detail: 'empty password' });
    const id = manualAccountId(jid);
    const account: StoredAccount = { id, kind: 'xmpp', label: jid, jid, nickname: jid.split('@')[0], service: a.service };
    const existing = this.sessions.get(id);
    const previous = existing && { account: existing.account, secret: await this.store.secret(id) };
    await this.store.saveSecret(id, { password: a.password });
    // an account added again (new password or address) keeps its rooms and their views
    const session = existing ?? this.sessionFor(account);
    session.replaceAccount(account);
    const problem = await session.connectOnce(OPEN_TIMEOUT_MS);
    if (problem) {
      // keep nothing that does not work, and lose nothing that did
      if (previous) {
        await this.store.saveSecret(id, previous.secret ?? {});
        session.replaceAccount(previous.account);
        session.updateRunning();
      } else {
        session.stop();
        this.sessions.delete(id);
        await this.store.removeSecret(id);
      }
      return fail(problem);
    }
    session.updateRunning();
    await this.saveAccounts();
    return { ok: true, value: { id } };
  }

  /** Manual-account rooms: join a room JID on a manual account. */
  async openRoom(ref: RoomRef, title?: string): Promise<Reply<{ room: RoomRef }>> {
    await this.restore();
    const session = this.sessions.get(ref.account);
    if (!session) return fail({ code: 'bad-request', detail: `unknown account ${ref.account}` });
    if (!/^[^@/\s]+@[^@/\s]+$/.test(ref.jid)) return fail({ code: 'bad-request', detail: `not a room JID: ${ref.jid}` });
    const room = this.roomFor(ref, title ?? ref.jid)!;
    if (title) room.setTitle(title);
    await this.remember(ref, title ?? room.view().title ?? ref.jid);
    return this.open(session, room);
  }

  private async open(session: AccountSession, room: RoomSync): Promise<Reply<{ room: RoomRef }>> {
    session.retryNow();
    room.hold();
    await room.rightsKnown(OPEN_TIMEOUT_MS);
    const view = room.view();
    if (view.rights === 'moderator') return { ok: true, value: { room: room.ref } };
    return fail(view.problem ?? { code: view.rights === 'none' ? 'forbidden' : 'network' });
  }

  async removeAccount(id: string): Promise<void> {
    await this.restore();
    const session = this.sessions.get(id);
    if (session) {
      session.stop();
      for (const room of session.rooms.values()) {
        await room.close();
        await this.store.forgetRoom(room.key);
      }
    }
    this.sessions.delete(id);
    this.records = this.records.filter((r) => r.ref.account !== id);
    await this.store.saveRooms(this.records);
    await this.store.removeSecret(id);
    await this.saveAccounts();
  }

  accounts(): AccountSummary[] {
    return [...this.sessions.values()].map((s) => s.summary());
  }

  recentRooms(): RecentRoom[] {
    return [...this.records]
      .sort((a, b) => b.lastUsed - a.lastUsed)
      .map((r) => ({ ref: r.ref, title: r.title, ...(r.url ? { url: r.url } : {}), lastUsed: r.lastUsed }));
  }

  /** Current view (from cache at once), then every change; returns unsubscribe. Holding a watch keeps the room joined. */
  watch(ref: RoomRef, listener: ViewListener): () => void {
    const room = this.roomFor(ref, ref.jid);
    if (!room) {
      listener(unknownRoomView(ref));
      return () => {};
    }
    return room.watch(listener);
  }

  view(ref: RoomRef): RoomView | undefined {
    return this.sessions.get(ref.account)?.rooms.get(bareJidKey(ref.jid))?.view();
  }

  /** `requestId`, when given: the same edit asked for again (its reply was lost) is answered with its fate, not made twice. */
  async edit(ref: RoomRef, edit: RoomEdit, requestId?: string): Promise<Reply<{ itemId: string }>> {
    await this.restore();
    const room = this.roomFor(ref, ref.jid);
    if (!room) return fail({ code: 'bad-request', detail: `unknown account ${ref.account}` });
    return room.edit(edit, requestId);
  }

  /** Every ~20 s (alarm / timer): XMPP ping, reconnect what should be connected, join or leave rooms. */
  tick(): void {
    for (const session of this.sessions.values()) session.tick();
  }

  async close(): Promise<void> {
    for (const session of this.sessions.values()) {
      session.stop();
      for (const room of session.rooms.values()) await room.close();
    }
  }

  // --- internals ---------------------------------------------------------------

  private sessionFor(account: StoredAccount): AccountSession {
    let session = this.sessions.get(account.id);
    if (!session) {
      session = new AccountSession(account, {
        store: this.store,
        fetch: this.deps.fetch,
        now: this.now,
        random: this.random,
        log: this.log,
        onAccountChanged: () => void this.saveAccounts(),
        onStatus: () => {},
      });
      this.sessions.set(account.id, session);
    }
    return session;
  }

  /** The room of a known account, created (and loaded from the cache) on first use. */
  private roomFor(ref: RoomRef, title: string, url?: string): RoomSync | undefined {
    const session = this.sessions.get(ref.account);
    if (!session) return undefined;
    let room = session.rooms.get(bareJidKey(ref.jid));
    if (!room) {
      room = new RoomSync(ref, title, url, session.linkFor(), { store: this.store, now: this.now, log: this.log }, roomKey(ref));
      session.rooms.set(bareJidKey(ref.jid), room);
    }
    return room;
  }

  private async remember(ref: RoomRef, title: string, url?: string): Promise<void> {
    const key = roomKey(ref);
    const others = this.records.filter((r) => roomKey(r.ref) !== key);
    this.records = [{ ref, title, ...(url ? { url } : {}), lastUsed: this.now() }, ...others].slice(0, RECENT_ROOMS_KEPT);
    await this.store.saveRooms(this.records);
  }

  private saveAccounts(): Promise<void> {
    return this.store.saveAccounts([...this.sessions.values()].map((s) => s.account));
  }
}

function fail<T>(error: Problem): Reply<T> {
  return { ok: false, error };
}

function unknownRoomView(ref: RoomRef): RoomView {
  return {
    ref,
    title: ref.jid,
    status: 'offline',
    rights: 'unknown',
    items: { lists: {}, tasks: {} },
    pending: [],
    notes: noNotes(),
    participants: {},
    changed: [],
    problem: { code: 'bad-request', detail: `unknown account ${ref.account}` },
    skipped: { count: 0 },
    loaded: false,
    updatedAt: 0,
  };
}
