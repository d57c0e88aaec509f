// The shared vocabulary of the extension. Pure data: no browser API, no DOM.
// Everything here crosses contexts by structured clone, so it stays plain
// objects and arrays (no Map, no class instances).
import { bareJidKey } from './jid';
import type { Note, NoteEdit, Participant } from './notes/types';
import type { Unknown } from './unknown';

// The node and namespace names are in ns.ts (only the background needs them).
export { NS, TASKS_NODE } from './ns';

// Unknown (what we keep of an item without understanding it) is shared with
// the notes' types (notes/types.ts), which this file imports.
export type { Unknown } from './unknown';

export interface TaskList {
  id: string;
  name: string;
  unknown?: Unknown;
}

export interface Task {
  id: string;
  /** id of the TaskList; a task whose list is missing is shown nowhere but kept. */
  list: string;
  name: string;
  /** absent when the item has no <description>. */
  description?: string;
  order: number;
  done: boolean;
  unknown?: Unknown;
}

export type Item = ({ kind: 'tasklist' } & TaskList) | ({ kind: 'task' } & Task);

/** A room's items as the server has them (plus our pending edits applied). */
export interface RoomItems {
  lists: Record<string, TaskList>;
  tasks: Record<string, Task>;
}

/** Identifies a room across instances and accounts. */
export interface RoomRef {
  /** Account id: `peertube:<origin>` or `xmpp:<bare jid>`. */
  account: string;
  /** Room bare JID, the pubsub service. */
  jid: string;
}

/** One key per room whatever the spelling of its JID's case (jid.ts). */
export const roomKey = (r: RoomRef) => `${r.account} ${bareJidKey(r.jid)}`;

/** The session state machine's states, in order of progress. */
export type SessionStatus = 'offline' | 'connecting' | 'authenticating' | 'joining' | 'subscribed' | 'live';

/** Why a session is not live, shown to the user (a _locales key suffix) with detail. */
export interface Problem {
  code:
    | 'network' // server unreachable or dropped; retrying
    | 'auth' // credentials refused
    | 'not-logged-in' // PeerTube user not logged in
    | 'forbidden' // not owner/admin (or lost it)
    | 'no-room' // room does not exist / no chat
    | 'edit-failed' // the server refused an edit; it was rolled back
    | 'edit-not-sent' // an edit did not fit the items it was checked against here; the server was never asked
    | 'malformed' // some items could not be read
    | 'bad-request' // a message was refused: unknown type, bad fields, or not allowed from its sender
    | 'permission' // the browser permission for the instance is not granted
    | 'context-gone' // the extension was reloaded, updated or removed under this page (a view's own state, never from the background)
    | 'internal';
  detail?: string;
  /** when the next automatic retry happens (ms since epoch), if any */
  retryAt?: number;
}

export type Rights = 'unknown' | 'moderator' | 'none';

/** A pending (optimistic, not yet confirmed) edit, for display. */
export interface PendingEdit {
  id: string; // local edit id
  itemId: string; // item it touches (a temporary id `local:…` for creations)
  kind: RoomEdit['op'];
}

/**
 * The notes of a room as a view paints them (RoomView.notes): the server's
 * notes with the pending edits applied.
 */
export interface NotesView {
  /**
   * The room offers notes to this user: its disco#info lists the notes
   * feature and the user is owner or admin (the same rights as the tasks,
   * followed live). false while unknown, and when rights are lost.
   */
  available: boolean;
  /** by item id; a note created here shows under a temporary id `local:…` until the server has it */
  items: Record<string, Note>;
  /** edits of notes not yet confirmed by the server */
  pending: PendingEdit[];
  /** notes skipped as unreadable (not a <note> payload), with one sample reason */
  skipped: { count: number; sample?: string };
  /** true once the notes were fetched at least once */
  loaded: boolean;
}

/** Everything a view needs to paint one room. Pushed by the background on every change. */
export interface RoomView {
  ref: RoomRef;
  /** Room title (video or channel name), best known. */
  title: string;
  /** PeerTube page of the room, when known, for the room picker. */
  url?: string;
  status: SessionStatus;
  rights: Rights;
  items: RoomItems;
  pending: PendingEdit[];
  /** the moderator notes (node livechat-notes), when the room offers them to this user */
  notes: NotesView;
  /**
   * Who is in the room now, by occupant nickname, as their presences say:
   * the real bare JID and the XEP-0421 occupant-id when the room gives them
   * (to moderators). Kept only while notes are available (empty otherwise):
   * the notes' "about" line, filter and per-message marker read it.
   */
  participants: Record<string, Participant>;
  /** ids (tasks, lists or notes) changed by someone else in the last moments, for a brief highlight. */
  changed: string[];
  problem?: Problem;
  /** number of items skipped as malformed, with one sample reason */
  skipped: { count: number; sample?: string };
  /** true once items were fetched at least once (else the view shows "loading"). */
  loaded: boolean;
  updatedAt: number;
}

/** Edits a view can ask for. Ids of lists and tasks are item ids. */
export type Edit =
  | { op: 'createList'; name: string }
  | { op: 'renameList'; id: string; name: string }
  | { op: 'deleteList'; id: string }
  | { op: 'createTask'; list: string; name: string; description?: string }
  | { op: 'editTask'; id: string; name: string; description?: string }
  | { op: 'setDone'; id: string; done: boolean }
  /** Move a task into `list` at position `index` of that list's sorted tasks (as shown, 0 = top). */
  | { op: 'moveTask'; id: string; list: string; index: number }
  | { op: 'deleteTask'; id: string }
  /**
   * Undo (ui/useUndo.ts): publish these items again as they were, under their
   * own ids, lists before tasks (docs/protocol.md §4: a retracted id may be
   * published again, and is the same item to every client).
   */
  | { op: 'restore'; items: Item[] };

/** Any edit of a room: its tasks' or its notes'. */
export type RoomEdit = Edit | NoteEdit;
