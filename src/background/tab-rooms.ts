// Which room each tab shows, as its content script reported it. Kept in
// storage.session because Chrome stops the worker while tabs stay open: the
// badge, the context menu and the access checks must still know after a
// restart. Tab ids only mean something for one browser session, like that area.
import type { KV } from './engine/store';
import type { Problem, RoomRef } from '../core/types';
import { roomKey } from '../core/types';
import { chatPageVideoId } from '../core/chat-page';
import { originOfPage } from './origins';

export interface TabRecord {
  /** the page's origin when its content script reported */
  origin: string;
  /** the room, once the background could open it */
  room?: RoomRef;
  /** why there is no room, when opening it failed */
  problem?: Problem;
}

type Listener = (tabId: number, record: TabRecord | undefined) => void;

const STORAGE_KEY = 'tabRooms';

export class TabRooms {
  private records = new Map<number, TabRecord>();
  private listeners = new Set<Listener>();

  constructor(private readonly session: KV) {}

  async load(): Promise<void> {
    const stored = (await this.session.get<Record<string, TabRecord>>(STORAGE_KEY)) ?? {};
    for (const [id, record] of Object.entries(stored)) this.records.set(Number(id), record);
  }

  get(tabId: number): TabRecord | undefined {
    return this.records.get(tabId);
  }

  entries(): [number, TabRecord][] {
    return [...this.records];
  }

  /** Tabs whose room is `ref`. */
  tabsOf(ref: RoomRef): number[] {
    const key = roomKey(ref);
    return this.entries()
      .filter(([, r]) => r.room && roomKey(r.room) === key)
      .map(([id]) => id);
  }

  async set(tabId: number, record: TabRecord): Promise<void> {
    this.records.set(tabId, record);
    this.emit(tabId, record);
    await this.persist();
  }

  async delete(tabId: number): Promise<void> {
    if (!this.records.delete(tabId)) return;
    this.emit(tabId, undefined);
    await this.persist();
  }

  /**
   * tabs.onUpdated: a tab that loads a page of another origin has left its
   * room without its content script saying so (the script went with the
   * page). Without host access to the new page the browser hides its URL,
   * which also means another origin. A page of the same instance that shows
   * no chat (a full load, which its content script does not report) has left
   * the room too.
   */
  async onTabUpdated(tabId: number, change: { status?: string; url?: string }, tab: { url?: string }): Promise<void> {
    const record = this.records.get(tabId);
    if (!record || (change.status !== 'loading' && change.url === undefined)) return;
    const url = tab.url ?? change.url;
    if (originOfPage(url) !== record.origin || !isChatPage(url)) await this.delete(tabId);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(tabId: number, record: TabRecord | undefined) {
    for (const l of this.listeners) l(tabId, record);
  }

  private persist(): Promise<void> {
    return this.session.set(STORAGE_KEY, Object.fromEntries(this.records));
  }
}

function isChatPage(url: string | undefined): boolean {
  if (!url) return false;
  const { pathname, search } = new URL(url);
  return chatPageVideoId(pathname, search) !== null;
}
