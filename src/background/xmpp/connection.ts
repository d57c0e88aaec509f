// One XMPP session for one account, kept alive and self-healing: WebSocket
// first and BOSH after it, ping on every tick, reconnect with back-off.
// Speaks XML strings out (core's builders) and DOM Elements in (core's parsers).
import { abandonConnection, outgoing, Strophe } from './strophe';
import { pingIq } from '../../core/stanzas';
import type { Problem } from '../../core/types';
import { CredentialsError, IqError, iqErrorOf } from './errors';

export type ConnectionState = 'offline' | 'connecting' | 'authenticating' | 'online';

export interface Credentials {
  /** bare JID */
  jid: string;
  password: string;
}

export interface ConnectionConfig {
  /** endpoints in order of preference (WebSocket first, BOSH after), read again on each attempt */
  endpoints: () => Promise<string[]>;
  /** `renew` asks for fresh credentials (after an authentication failure) */
  credentials: (renew: boolean) => Promise<Credentials>;
  /** delay before retry number `attempt` (1-based), with jitter */
  retryDelay: (attempt: number) => number;
  now: () => number;
  log: (...a: unknown[]) => void;
  onState: (state: ConnectionState, problem?: Problem) => void;
  /** after each successful (re)connect, once available presence is sent */
  onOnline: () => void;
  /** every incoming message and presence */
  onStanza: (stanza: Element) => void;
}

type StropheConnection = InstanceType<typeof Strophe.Connection>;

const ATTEMPT_TIMEOUT_MS = 20_000;
/**
 * Real livechat servers close sessions idle for 29 s, and Chrome stops a
 * worker after 30 s without events (WebSocket messages count): a ping every
 * 20 s, on our own timer, since Chrome's alarms cannot fire more often than 30 s.
 */
const PING_INTERVAL_MS = 20_000;
const PING_TIMEOUT_MS = 15_000;
const IQ_TIMEOUT_MS = 15_000;

export class XmppConnection {
  private conn: StropheConnection | null = null;
  /** bumped on every new attempt so that callbacks of an abandoned strophe connection are ignored */
  private generation = 0;
  private state: ConnectionState = 'offline';
  private wanted = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attemptTimer: ReturnType<typeof setTimeout> | null = null;
  private preferred = 0;
  private pinging = false;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastPingAt = 0;
  /** set when only the user can fix things (bad credentials, not logged in): no automatic retry */
  private blocked = false;
  private fullJid = '';
  /** how the current connection carries stanzas (strophe picks WebSocket for ws(s)://, BOSH for http(s)://) */
  private transport: 'websocket' | 'bosh' = 'websocket';
  /** iqs waiting for an answer: a dropped strophe connection never settles them, we do */
  private readonly pendingIqs = new Set<(error: IqError) => void>();

  constructor(private readonly config: ConnectionConfig) {}

  get status(): ConnectionState {
    return this.state;
  }

  get jid(): string {
    return this.fullJid;
  }

  /** Connect now (if not already) and keep reconnecting until stop(). */
  start(): void {
    this.wanted = true;
    this.blocked = false;
    if (this.state === 'offline' && !this.retryTimer) void this.attempt(this.preferred, false);
  }

  stop(): void {
    this.wanted = false;
    this.clearTimers();
    this.drop();
    this.setState('offline');
  }

  /** Periodic: ping when online (detects dead sockets, keeps the worker and the server session alive), reconnect when due. */
  tick(): void {
    if (!this.wanted || this.blocked) return;
    if (this.state === 'online') {
      if (this.config.now() - this.lastPingAt >= PING_INTERVAL_MS / 2) void this.ping();
    } else if (this.state === 'offline' && !this.retryTimer) {
      void this.attempt(this.preferred, false);
    }
  }

  send(xml: string): void {
    if (!this.conn || this.state !== 'online') throw new IqError('not-connected', 'wait');
    this.conn.send(outgoing(xml, this.transport));
  }

  /** Send an iq and resolve with the result stanza; reject with IqError on an error reply, timeout or no connection. */
  iq(xml: string, timeoutMs = IQ_TIMEOUT_MS): Promise<Element> {
    const conn = this.conn;
    if (!conn || this.state !== 'online') return Promise.reject(new IqError('not-connected', 'wait'));
    return new Promise((resolve, reject) => {
      const abandon = (error: IqError) => {
        this.pendingIqs.delete(abandon);
        reject(error);
      };
      this.pendingIqs.add(abandon);
      conn.sendIQ(
        outgoing(xml, this.transport),
        (result) => {
          this.pendingIqs.delete(abandon);
          resolve(result);
        },
        (error) => abandon(error ? iqErrorOf(error) : new IqError('timeout', 'wait')),
        timeoutMs,
      );
    });
  }

  private async ping(): Promise<void> {
    if (this.pinging) return;
    this.pinging = true;
    this.lastPingAt = this.config.now();
    const generation = this.generation;
    try {
      const domain = this.fullJid.split('@')[1]?.split('/')[0] ?? '';
      await this.iq(pingIq(domain, `ping-${generation}-${this.lastPingAt}`), PING_TIMEOUT_MS);
    } catch (e) {
      // only silence means a dead session; an error reply still proves the link works
      if (e instanceof IqError && e.condition === 'timeout' && generation === this.generation) {
        this.config.log('xmpp: ping timed out, reconnecting');
        this.lost({ code: 'network', detail: 'ping timeout' });
      }
    } finally {
      this.pinging = false;
    }
  }

  private async attempt(index: number, renew: boolean): Promise<void> {
    this.clearTimers();
    this.drop();
    const generation = ++this.generation;
    this.setState('connecting');
    let endpoints: string[];
    let credentials: Credentials;
    try {
      endpoints = await this.config.endpoints();
      credentials = await this.config.credentials(renew);
    } catch (e) {
      if (generation !== this.generation || !this.wanted) return;
      if (e instanceof CredentialsError && !e.retry) {
        this.blocked = true;
        this.setState('offline', e.problem);
        return;
      }
      this.scheduleRetry(e instanceof CredentialsError ? e.problem : { code: 'network', detail: String(e) });
      return;
    }
    if (generation !== this.generation || !this.wanted) return;
    if (endpoints.length === 0) {
      this.blocked = true;
      this.setState('offline', { code: 'internal', detail: 'no XMPP endpoint' });
      return;
    }
    const endpointIndex = index % endpoints.length;
    const service = endpoints[endpointIndex]!;
    // strophe picks WebSocket for ws(s):// and BOSH for http(s)://
    const conn = new Strophe.Connection(service);
    this.conn = conn;
    this.transport = /^wss?:/i.test(service) ? 'websocket' : 'bosh';
    let connected = false;
    const fail = (problem: Problem) => {
      if (generation !== this.generation) return;
      this.drop();
      if (!this.wanted) {
        this.setState('offline');
        return;
      }
      // WebSocket refused before the session existed: try the next endpoint (BOSH) at once
      if (!connected && endpointIndex + 1 < endpoints.length) {
        this.config.log(`xmpp: ${service} failed (${problem.detail ?? problem.code}), trying ${endpoints[endpointIndex + 1]}`);
        void this.attempt(endpointIndex + 1, renew);
        return;
      }
      this.scheduleRetry(problem);
    };
    this.attemptTimer = setTimeout(() => fail({ code: 'network', detail: `no answer from ${service}` }), ATTEMPT_TIMEOUT_MS);
    conn.addHandler((s) => this.incoming(generation, s), null, 'message', null);
    conn.addHandler((s) => this.incoming(generation, s), null, 'presence', null);
    conn.connect(credentials.jid, credentials.password, (status, condition) => {
      if (generation !== this.generation) return;
      switch (status) {
        case Strophe.Status.AUTHENTICATING:
          this.setState('authenticating');
          break;
        case Strophe.Status.CONNECTED:
          connected = true;
          if (this.attemptTimer) clearTimeout(this.attemptTimer);
          this.attemptTimer = null;
          this.failures = 0;
          this.preferred = endpointIndex;
          this.fullJid = conn.jid;
          // available presence: headline notifications go to available resources only
          conn.send(outgoing('<presence xmlns="jabber:client"/>', this.transport));
          this.pingTimer = setInterval(() => void this.ping(), PING_INTERVAL_MS);
          this.setState('online');
          this.config.onOnline();
          break;
        case Strophe.Status.AUTHFAIL:
          if (!renew) {
            // the temporary password may have expired: renew it once
            this.drop();
            void this.attempt(endpointIndex, true);
          } else {
            this.drop();
            this.blocked = true;
            this.setState('offline', { code: 'auth', detail: condition ?? 'authentication failed' });
          }
          break;
        case Strophe.Status.CONNFAIL:
        case Strophe.Status.CONNTIMEOUT:
        case Strophe.Status.ERROR:
        case Strophe.Status.DISCONNECTED:
          fail({ code: 'network', detail: condition || `disconnected from ${service}` });
          break;
      }
    });
  }

  private incoming(generation: number, stanza: Element): boolean {
    if (generation === this.generation) {
      try {
        this.config.onStanza(stanza);
      } catch (e) {
        this.config.log('xmpp: stanza handler failed', e);
      }
    }
    return true;
  }

  private lost(problem: Problem): void {
    this.drop();
    this.scheduleRetry(problem);
  }

  private scheduleRetry(problem: Problem): void {
    if (!this.wanted) {
      this.setState('offline');
      return;
    }
    this.failures += 1;
    const delay = this.config.retryDelay(this.failures);
    this.clearTimers();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.attempt(this.preferred, false);
    }, delay);
    this.setState('offline', { ...problem, retryAt: this.config.now() + delay });
  }

  /** Abandon the current strophe connection without waiting for the server. */
  private drop(): void {
    const conn = this.conn;
    this.conn = null;
    this.generation += 1;
    if (this.attemptTimer) clearTimeout(this.attemptTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.attemptTimer = null;
    this.pingTimer = null;
    for (const abandon of [...this.pendingIqs]) abandon(new IqError('not-connected', 'wait'));
    if (conn) abandonConnection(conn);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.attemptTimer) clearTimeout(this.attemptTimer);
    this.retryTimer = null;
    this.attemptTimer = null;
  }

  private setState(state: ConnectionState, problem?: Problem): void {
    this.state = state;
    this.config.onState(state, problem);
  }
}
