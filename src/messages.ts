// The one typed protocol between the extension's contexts.
// Names say the direction: `content/…` from a content script to the
// background, `view/…` from any view (page panel, popup, side panel,
// options) to the background, `bg/…` from the background to views or to a
// tab's content script.
// The background checks the sender of every message (see
// src/background/router.ts): extension pages may ask anything; a content
// script only about the room of its own tab.

import type { RoomEdit, RoomRef, SessionStatus, Problem } from './core/types';
import type { MessageRef } from './core/message-ref';
import type { ViewDelta } from './core/view-delta';

/** What the PeerTube page tells about its room (docs/protocol.md §7). */
export interface PeerTubeRoomConfig {
  /** room bare JID */
  room: string;
  localWebsocketServiceUrl: string | null;
  localBoshServiceUrl: string | null;
  isRemoteChat?: boolean;
  peertubeVideoUUID: string;
}

/** Credentials the content script reads from the PeerTube page; secrets: kept in storage.session only. */
export type PeerTubeAuth = { kind: 'peertube'; tokenType: string; accessToken: string } | { kind: 'oidc'; token: string };

export interface ManualAccount {
  /** bare JID */
  jid: string;
  password: string;
  /** ws:// wss:// or http(s):// (BOSH) endpoint */
  service: string;
}

export interface AccountSummary {
  id: string;
  label: string;
  kind: 'peertube' | 'xmpp';
  status: SessionStatus;
  problem?: Problem;
}

export interface RecentRoom {
  ref: RoomRef;
  title: string;
  url?: string;
  lastUsed: number;
}

/** A recent room as the "All rooms" view shows it (background/room-counts.ts): no items, just the count. */
export interface RoomSummary extends RecentRoom {
  /** open tasks, once the room's items are known (cached or live) */
  open?: number;
  /** the count follows the room live (the background follows the most recent rooms only) */
  live: boolean;
  /** the user is no longer a moderator there */
  forbidden?: true;
}

/** How often a view showing "All rooms" asks again, which keeps the counts live (the background's lease is longer). */
export const ALL_ROOMS_RENEW_MS = 30_000;

/** A PeerTube watch page with a chat, as the background found it (background/peertube-detect.ts). */
export interface PeerTubeRoomPage {
  origin: string;
  videoUUID: string;
  title: string;
  url: string;
  config: PeerTubeRoomConfig;
  auth: PeerTubeAuth | null;
}

type ContentToBackground =
  /**
   * The tab shows a page of a video's chat (`videoId` from its address, and
   * the user's PeerTube credentials from its storage); the background finds
   * the video's room, and the reply says whether the panel may show.
   */
  | { type: 'content/watch-page'; videoId: string; url: string; auth: PeerTubeAuth | null }
  /** The tab left the watch page (single-page navigation). */
  | { type: 'content/room-left' };

type ViewToBackground =
  /**
   * An edit of a room, asked for over the room's port (`view/edit` below; a
   * runtime message of this type is refused), and handled as this request
   * once the port's watch is checked. `id`: the view's name for this edit. A
   * view whose reply was lost (the worker stopped while answering) asks again
   * under the same id and learns what became of the edit, which is never made
   * twice. A task edit or a note edit (core/notes/types.ts NoteEdit); the
   * reply's `itemId` is the item the edit touched (a creation's new item: its
   * temporary `local:…` id while queued offline, else the server's).
   */
  | { type: 'view/edit'; room: RoomRef; edit: RoomEdit; id?: string }
  /** Popup and side panel: what the given tab shows, plus recent rooms and accounts. */
  | { type: 'view/tab-info'; tabId: number }
  /** The user clicked Enable on the instance: the browser's permission prompt follows (instance-requests.ts). */
  | { type: 'view/instance-request'; origin: string }
  | { type: 'view/instance-enable'; origin: string }
  | { type: 'view/instance-disable'; origin: string }
  | { type: 'view/account-add'; account: ManualAccount }
  | { type: 'view/account-remove'; id: string }
  /** Options / side panel: join a room (by its JID) on a manual XMPP account. */
  | { type: 'view/room-open'; room: RoomRef; title?: string }
  /** Side panel's "All rooms": every recent room with its open-task count; asking again keeps the counts live (room-counts.ts). */
  | { type: 'view/all-rooms' }
  /**
   * Side panel: show a task's chat message in the chat of the room's tab in
   * window `windowId` (the side panel's, beside it), by asking that tab's
   * content script (bg/show-message).
   */
  | { type: 'view/show-message'; room: RoomRef; ref: MessageRef; windowId: number }
  | { type: 'view/settings-get' }
  | { type: 'view/settings-set'; settings: Partial<Settings> };

export interface Settings {
  /** instances the user enabled (origins) */
  instances: string[];
  /** default list name for quick-add when no list was picked */
  defaultListName: string;
  /** desktop notifications when another moderator adds a task */
  notifyNewTasks: boolean;
  /** last list picked in quick-add, per room key */
  lastList: Record<string, string>;
  /** last room used (for quick-add from a tab with no room) */
  lastRoom?: RoomRef;
}

export interface TabInfo {
  room?: RoomRef;
  /** origin of the tab when it is an http(s) page */
  origin?: string;
  /** whether the extension is enabled on that origin */
  enabled: boolean;
  recent: RecentRoom[];
  accounts: AccountSummary[];
  /** why there is no room, when there is none (a _locales key suffix) */
  reason?: 'not-peertube' | 'no-chat' | 'not-enabled' | 'not-moderator' | 'not-logged-in';
  /** what went wrong when the background tried to open the tab's room, if it failed */
  problem?: Problem;
}

export type Reply<T = undefined> = { ok: true; value: T } | { ok: false; error: Problem };

/** Replies, by request type. */
export interface Replies {
  'content/watch-page': Reply<{ room: RoomRef }>;
  'content/room-left': Reply;
  'view/edit': Reply<{ itemId: string }>;
  'view/tab-info': Reply<TabInfo>;
  'view/instance-request': Reply;
  'view/instance-enable': Reply;
  'view/instance-disable': Reply;
  'view/account-add': Reply<{ id: string }>;
  'view/account-remove': Reply;
  'view/room-open': Reply<{ room: RoomRef }>;
  'view/all-rooms': Reply<RoomSummary[]>;
  'view/show-message': Reply<MessageShown>;
  'view/settings-get': Reply<Settings>;
  'view/settings-set': Reply<Settings>;
}

/**
 * Live room state goes over a runtime Port named `room`: the view posts
 * `view/watch`, the background answers at once with the whole view
 * (`bg/room`), then with what changed on every change (`bg/delta`, a few
 * hundred bytes where the whole view of a big room is a megabyte); a change
 * of many items (a big room's first fetch) goes whole again, as text
 * (router.ts, MAX_DELTA_ITEMS). Every
 * message of a port is numbered from 1 up: a view that sees a gap, or a delta
 * before any whole view, posts `view/watch` again and gets the whole view
 * again. Closing the port stops the watch.
 *
 * Edits of the watched room go over the same port (`view/edit`, answered by
 * `bg/edited` with the same id, in any order): one message on a channel
 * already open, where a runtime message opens a channel of its own each time
 * (the first thing another moderator waits for when this one ticks a task).
 */
export const ROOM_PORT = 'room';
export type PortToBackground = { type: 'view/watch'; room: RoomRef } | { type: 'view/edit'; id: string; edit: RoomEdit };
export type BackgroundToPort =
  /**
   * the whole view, as text (core/view-text.ts: tasks as rows, about 450 KB
   * at 5,000 items where plain JSON is a megabyte): extension messaging copies
   * an object value by value (that megabyte took about 100 ms to post and as
   * long again to arrive), a string at once
   */
  | { type: 'bg/room'; seq: number; view: string }
  | { type: 'bg/delta'; seq: number; delta: ViewDelta }
  /** the watch was refused (bad message, or a content script asking for another room); the port closes after it */
  | { type: 'bg/refused'; error: Problem }
  /** the answer to the port's edit `id` */
  | { type: 'bg/edited'; id: string; reply: Reply<{ itemId: string }> };

/**
 * Pushed by the background to the extension's pages (runtime.sendMessage,
 * no reply); a page checks that the sender is one of our own pages, not a
 * content script (ui/from-background.ts).
 */
export type BackgroundToView =
  /** what tab `tabId` shows changed: its content script found a room, left it, or the room failed to open */
  | { type: 'bg/tab-room'; tabId: number }
  /** an open-task count of "All rooms" changed: views showing it ask `view/all-rooms` again */
  | { type: 'bg/room-counts' };

/** What became of "Show message": shown, no longer in the chat, or no chat of the room within reach. */
export type MessageShown = 'shown' | 'gone' | 'no-chat';

/**
 * Sent by the background to one tab's content script (tabs.sendMessage); the
 * content script checks that the sender is our background or a page of ours.
 */
export type BackgroundToContent =
  /** scroll the chat to the message and highlight it; the reply says whether the chat has it */
  { type: 'bg/show-message'; ref: MessageRef };
export interface ContentReplies {
  'bg/show-message': { shown: boolean };
}

export type Request = ContentToBackground | ViewToBackground;
export type ReplyTo<R extends Request> = Replies[R['type']];
