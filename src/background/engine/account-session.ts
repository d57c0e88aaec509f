// One account: its XMPP session (running while any of its rooms is wanted),
// its credentials (PeerTube temporary passwords renewed before they expire),
// and the routing of incoming stanzas to its rooms.
import { bareKeyOf } from '../../core/jid';
import { retryDelay } from '../../core/retry';
import type { Problem, SessionStatus } from '../../core/types';
import type { AccountSummary, PeerTubeAuth } from '../../messages';
import { XmppConnection, type ConnectionState, type Credentials } from '../xmpp/connection';
import { CredentialsError } from '../xmpp/errors';
import { fetchPeerTubeCredentials, peerTubeEndpoints } from './peertube';
import { LINGER_MS, type RoomLink } from './room-link';
import type { RoomSync } from './room-sync';
import type { EngineStore, StoredAccount } from './store';

/** PeerTube passwords last 24 h and every auth call extends them: renew well before. */
const PASSWORD_RENEW_AFTER_MS = 12 * 3600_000;

export interface AccountDeps {
  store: EngineStore;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  log: (...a: unknown[]) => void;
  /** the account's description changed (jid, nickname learnt): persist it */
  onAccountChanged: (account: StoredAccount) => void;
  onStatus: () => void;
}

const STATUS_OF: Record<ConnectionState, SessionStatus> = {
  offline: 'offline',
  connecting: 'connecting',
  authenticating: 'authenticating',
  online: 'live',
};

export class AccountSession {
  readonly rooms = new Map<string, RoomSync>();
  private readonly connection: XmppConnection;
  private problem: Problem | undefined;
  private idSeq = 0;
  private readonly idPrefix: string;
  private stopTimer: ReturnType<typeof setTimeout> | null = null;
  private onlineWaiters: Array<() => void> = [];
  private renewing = false;

  constructor(
    public account: StoredAccount,
    private readonly deps: AccountDeps,
  ) {
    this.idPrefix = `lct${Math.floor(deps.random() * 1e9).toString(36)}`;
    this.connection = new XmppConnection({
      endpoints: async () => this.endpoints(),
      credentials: (renew) => this.credentials(renew),
      retryDelay: (attempt) => retryDelay(attempt, deps.random),
      now: deps.now,
      log: deps.log,
      onState: (state, problem) => this.onState(state, problem),
      onOnline: () => {
        for (const room of this.rooms.values()) room.onOnline();
      },
      onStanza: (stanza) => this.route(stanza),
    });
  }

  get id(): string {
    return this.account.id;
  }

  get online(): boolean {
    return this.connection.status === 'online';
  }

  summary(): AccountSummary {
    return {
      id: this.account.id,
      label: this.account.label,
      kind: this.account.kind,
      status: STATUS_OF[this.connection.status],
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  /** The link a room of this account talks through. */
  linkFor(): RoomLink {
    const session = this;
    return {
      get online() {
        return session.online;
      },
      get connectionStatus() {
        return STATUS_OF[session.connection.status];
      },
      get connectionProblem() {
        return session.problem;
      },
      bareJid: () => this.account.jid ?? '',
      nickname: () => this.account.nickname ?? localPart(this.account.jid ?? ''),
      nextId: () => `${this.idPrefix}-${++this.idSeq}`,
      iq: (xml) => this.connection.iq(xml),
      send: (xml) => this.connection.send(xml),
      wantsChanged: () => this.updateRunning(),
    };
  }

  /** Run the session while a room wants it; stop it a while after the last one let go. */
  updateRunning(): void {
    const wanted = [...this.rooms.values()].some((r) => r.wanted());
    if (wanted) {
      if (this.stopTimer) clearTimeout(this.stopTimer);
      this.stopTimer = null;
      this.connection.start();
    } else if (!this.stopTimer && this.connection.status !== 'offline') {
      this.stopTimer = setTimeout(() => {
        this.stopTimer = null;
        if (![...this.rooms.values()].some((r) => r.wanted())) this.connection.stop();
      }, LINGER_MS);
    }
  }

  /** New account data (address, password): the next session uses it. */
  replaceAccount(account: StoredAccount): void {
    this.account = account;
    this.connection.stop();
  }

  /** Start the session (if needed) and wait until it is online or reports a problem. */
  async connectOnce(timeoutMs: number): Promise<Problem | undefined> {
    this.problem = undefined;
    this.connection.start();
    if (!this.online) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.onlineWaiters.push(done);
      });
    }
    if (this.online) return undefined;
    return this.problem ?? { code: 'network', detail: 'no connection' };
  }

  /** New PeerTube credentials from a page (the user may have logged in again): retry now. */
  retryNow(): void {
    this.connection.start();
  }

  /**
   * The PeerTube token a page handed over (kept in session storage). A new
   * one, maybe another user's, is traded at once (which also extends the
   * password), and the session starts over if the user changed. Resolves
   * with the problem when there is no token or it is refused.
   */
  async usePageAuth(auth: PeerTubeAuth | null): Promise<Problem | undefined> {
    const secret = (await this.deps.store.secret(this.account.id)) ?? {};
    if (!auth) return secret.auth ? undefined : { code: 'not-logged-in' };
    if (JSON.stringify(secret.auth) === JSON.stringify(auth)) return undefined;
    await this.deps.store.saveSecret(this.account.id, { ...secret, auth });
    const before = this.account.jid;
    try {
      await this.credentials(true);
    } catch (e) {
      if (e instanceof CredentialsError) return e.problem;
      throw e;
    }
    if (before && before !== this.account.jid) {
      this.connection.stop();
      this.updateRunning();
    }
    return undefined;
  }

  /** PeerTube passwords last 24 h from the last auth call: extend them while online, for the next reconnect. */
  private async renewIfDue(): Promise<void> {
    if (this.account.kind !== 'peertube' || this.renewing || !this.online) return;
    const secret = await this.deps.store.secret(this.account.id);
    if (!secret?.auth || secret.obtainedAt === undefined || this.deps.now() - secret.obtainedAt < PASSWORD_RENEW_AFTER_MS) return;
    this.renewing = true;
    try {
      await this.credentials(true);
    } catch (e) {
      this.deps.log('account: password renewal failed', this.account.id, e);
    } finally {
      this.renewing = false;
    }
  }

  tick(): void {
    void this.renewIfDue();
    this.connection.tick();
    for (const room of this.rooms.values()) room.tick();
    this.updateRunning();
  }

  stop(): void {
    if (this.stopTimer) clearTimeout(this.stopTimer);
    this.stopTimer = null;
    this.connection.stop();
  }

  private onState(state: ConnectionState, problem?: Problem): void {
    this.problem = state === 'online' ? undefined : problem;
    if (state === 'online' || (state === 'offline' && problem)) {
      for (const done of this.onlineWaiters.splice(0)) done();
    }
    for (const room of this.rooms.values()) room.onConnectionState();
    this.deps.onStatus();
  }

  private route(stanza: Element): void {
    const from = stanza.getAttribute('from') ?? '';
    this.rooms.get(bareKeyOf(from))?.onStanza(stanza);
  }

  private async endpoints(): Promise<string[]> {
    const a = this.account;
    if (a.kind === 'peertube') return a.origin && a.config ? peerTubeEndpoints(a.origin, a.config) : [];
    return a.service ? [a.service] : [];
  }

  private async credentials(renew: boolean): Promise<Credentials> {
    const a = this.account;
    const secret = (await this.deps.store.secret(a.id)) ?? {};
    if (a.kind === 'xmpp') {
      if (!a.jid || !secret.password) throw new CredentialsError({ code: 'auth', detail: 'no password stored' }, false);
      return { jid: a.jid, password: secret.password };
    }
    const fresh =
      !renew &&
      a.jid &&
      secret.password &&
      secret.obtainedAt !== undefined &&
      this.deps.now() - secret.obtainedAt < PASSWORD_RENEW_AFTER_MS;
    if (fresh) return { jid: a.jid!, password: secret.password! };
    const got = await fetchPeerTubeCredentials(this.deps.fetch, a.origin ?? '', secret.auth ?? null);
    await this.deps.store.saveSecret(a.id, { ...secret, password: got.password, obtainedAt: this.deps.now() });
    if (a.jid !== got.jid || a.nickname !== got.nickname) {
      this.account = { ...a, jid: got.jid, nickname: got.nickname, label: `${got.nickname} (${new URL(a.origin ?? '').host})` };
      this.deps.onAccountChanged(this.account);
    }
    return { jid: got.jid, password: got.password };
  }
}

function localPart(jid: string): string {
  return jid.slice(0, Math.max(0, jid.indexOf('@'))) || jid;
}
