// What the engine keeps across worker restarts. Task snapshots, queued edits
// and account descriptions go to `local`; passwords and tokens only to `session`.
import { NOTES_NODE, TASKS_NODE } from '../../core/ns';
import type { RoomEdit, RoomRef } from '../../core/types';
import type { PeerTubeAuth, PeerTubeRoomConfig, Reply } from '../../messages';
import { assembled, piecesOf, type RoomSnapshot, shardsToWrite, type ShardedHead, type Written } from './room-cache';

/** A key-value store: chrome.storage.local / storage.session in the extension, a Map in tests. */
export interface KV {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** one key, or several in one call */
  remove(keys: string | string[]): Promise<void>;
  /** the values of those keys that are stored */
  getMany(keys: string[]): Promise<Record<string, unknown>>;
  /** several keys in one write: all or none */
  setMany(values: Record<string, unknown>): Promise<void>;
}

export interface StoredAccount {
  id: string;
  kind: 'peertube' | 'xmpp';
  label: string;
  /** bare JID, once known (PeerTube: from the auth API) */
  jid?: string;
  /** occupant nickname, the same as the in-chat client's so that Prosody merges the sessions */
  nickname?: string;
  /** PeerTube: instance origin and the room configuration's endpoints */
  origin?: string;
  config?: PeerTubeRoomConfig;
  /** manual: ws(s):// or http(s):// endpoint */
  service?: string;
}

export interface AccountSecret {
  password?: string;
  /** when the password was obtained (PeerTube passwords last 24 h) */
  obtainedAt?: number;
  auth?: PeerTubeAuth | null;
}

export interface RoomRecord {
  ref: RoomRef;
  title: string;
  url?: string;
  lastUsed: number;
}

export interface QueuedEdit {
  id: string;
  edit: RoomEdit;
  /** the temporary item id a creation shows under until the server names it */
  tempId?: string;
  /** the id a creation is published under (a UUIDv4, as the server would generate) */
  createId?: string;
  queuedAt: number;
  /** the id the view sent the edit under: asked again with it, the edit is answered, not made twice */
  requestId?: string;
}

/** The answer to an edit that came with a request id, kept a while for a view that lost it. */
export interface SettledEdit {
  requestId: string;
  reply: Reply<{ itemId: string }>;
  at: number;
}

export interface RoomQueue {
  edits: QueuedEdit[];
  /** temporary id → server id, for edits queued against items created offline */
  ids: Record<string, string>;
  /** the latest answers to edits with a request id */
  settled?: SettledEdit[];
}

const ACCOUNTS = 'engine:accounts';
const ROOMS = 'engine:rooms';
const snapshotKey = (roomKey: string) => `engine:room:${roomKey}`;
/** The tasks' queue keeps the key it had before the room had a second node. */
const queueKey = (roomKey: string, node: string) => (node === TASKS_NODE ? `engine:queue:${roomKey}` : `engine:queue:${roomKey} ${node}`);
const secretKey = (accountId: string) => `engine:secret:${accountId}`;

export class EngineStore {
  /** Per room cache key, the pieces this worker stored last (room-cache.ts). */
  private readonly written = new Map<string, Written>();

  constructor(
    private readonly local: KV,
    private readonly session: KV,
  ) {}

  async accounts(): Promise<StoredAccount[]> {
    return (await this.local.get<StoredAccount[]>(ACCOUNTS)) ?? [];
  }
  saveAccounts(accounts: StoredAccount[]): Promise<void> {
    return this.local.set(ACCOUNTS, accounts);
  }

  secret(accountId: string): Promise<AccountSecret | undefined> {
    return this.session.get<AccountSecret>(secretKey(accountId));
  }
  saveSecret(accountId: string, secret: AccountSecret): Promise<void> {
    return this.session.set(secretKey(accountId), secret);
  }
  removeSecret(accountId: string): Promise<void> {
    return this.session.remove(secretKey(accountId));
  }

  async rooms(): Promise<RoomRecord[]> {
    return (await this.local.get<RoomRecord[]>(ROOMS)) ?? [];
  }
  saveRooms(rooms: RoomRecord[]): Promise<void> {
    return this.local.set(ROOMS, rooms);
  }

  async snapshot(roomKey: string): Promise<RoomSnapshot | undefined> {
    const key = snapshotKey(roomKey);
    const stored = await this.local.get<RoomSnapshot | ShardedHead | string>(key);
    if (stored && typeof stored === 'object' && 'shards' in stored) {
      return assembled(key, stored, await this.local.getMany(piecesOf(key, stored)));
    }
    if (typeof stored !== 'string') return stored; // an older version stored the object itself
    try {
      return JSON.parse(stored) as RoomSnapshot; // or the whole snapshot as one string
    } catch {
      return undefined; // a damaged cache is no cache: the room is fetched anyway
    }
  }
  /** In pieces, one per task list and one for the notes, and only the pieces a change touched (room-cache.ts). */
  async saveSnapshot(roomKey: string, snapshot: RoomSnapshot): Promise<void> {
    const key = snapshotKey(roomKey);
    const { values, stale, nowWritten } = shardsToWrite(key, snapshot, this.written.get(key) ?? { lists: new Map() });
    // what this worker wrote is what it compares with: a new worker writes every piece once
    this.written.set(key, nowWritten);
    try {
      await this.local.setMany(values);
    } catch (error) {
      this.written.delete(key);
      throw error;
    }
    if (stale.length) await this.local.remove(stale);
  }

  /** The edits waiting for one node of a room. */
  async queue(roomKey: string, node: string): Promise<RoomQueue> {
    return (await this.local.get<RoomQueue>(queueKey(roomKey, node))) ?? { edits: [], ids: {} };
  }
  saveQueue(roomKey: string, queue: RoomQueue, node: string): Promise<void> {
    const empty = queue.edits.length === 0 && !queue.settled?.length;
    return empty ? this.local.remove(queueKey(roomKey, node)) : this.local.set(queueKey(roomKey, node), queue);
  }

  async forgetRoom(roomKey: string): Promise<void> {
    const key = snapshotKey(roomKey);
    const head = await this.local.get<ShardedHead | object | string>(key);
    const pieces = head && typeof head === 'object' && 'shards' in head ? piecesOf(key, head) : [];
    this.written.delete(key);
    await this.local.remove([key, ...pieces, ...[TASKS_NODE, NOTES_NODE].map((node) => queueKey(roomKey, node))]);
  }
}
