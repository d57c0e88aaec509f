// The sync engine: one XMPP session per account, one subscription per room,
// live and cached task state for every view. API surface first (the worker
// glue codes against it); the implementation lands behind these names.
import type { Edit, RoomRef, RoomView } from '../../core/types';
import type {
  AccountSummary,
  ManualAccount,
  PeerTubeAuth,
  PeerTubeRoomConfig,
  RecentRoom,
  Reply,
} from '../../messages';

/** A key-value store: chrome.storage.local / storage.session in the extension, a Map in tests. */
export interface KV {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

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

export interface OpenPeerTubeRoom {
  origin: string;
  videoUUID: string;
  title: string;
  url: string;
  config: PeerTubeRoomConfig;
  auth: PeerTubeAuth | null;
}

export declare class Engine {
  constructor(deps: EngineDeps);
  /** Restore accounts, cached rooms and queued edits from storage (worker start / event page wake). */
  restore(): Promise<void>;
  /** A PeerTube watch page with a chat: ensures account + credentials + session + room; resolves once rights are known. */
  openPeerTubeRoom(p: OpenPeerTubeRoom): Promise<Reply<{ room: RoomRef }>>;
  addManualAccount(a: ManualAccount): Promise<Reply<{ id: string }>>;
  /** Manual-account rooms: join a room JID on a manual account. */
  openRoom(ref: RoomRef, title?: string): Promise<Reply<{ room: RoomRef }>>;
  removeAccount(id: string): Promise<void>;
  accounts(): AccountSummary[];
  recentRooms(): RecentRoom[];
  /** Current view (from cache at once), then every change; returns unsubscribe. Holding a watch keeps the room joined. */
  watch(ref: RoomRef, listener: (view: RoomView) => void): () => void;
  view(ref: RoomRef): RoomView | undefined;
  edit(ref: RoomRef, edit: Edit): Promise<Reply<{ itemId: string }>>;
  /** Every ~20 s (alarm / timer): XMPP ping, reconnect what should be connected. */
  tick(): void;
  close(): Promise<void>;
}
