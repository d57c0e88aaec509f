// A room's cache: what the last worker knew of it, shown until the room is
// fetched again; stored in pieces, one per task list. Storage takes a value in the
// calling worker before it answers: one 0.6 MB string, a room of 5,000 items,
// held the worker for 20 to 60 ms, and the cache is written after every quiet
// second, for a change of one task. So a list is stored with its tasks under
// a key of its own, written again only when a change touched it (its list or
// its tasks' array changed: core/tasks-by-list.ts keeps the arrays of the
// lists a change did not touch), the notes under a key of their own, written
// again only when they changed, and the room's own key holds the rest and the
// names of its pieces, all written in one storage call.
import { getList, has } from '../../core/room-query';
import { tasksByList, tasksOf } from '../../core/tasks-by-list';
import type { NoteItems } from '../../core/notes/notes-node';
import type { Rights, RoomItems, Task, TaskList } from '../../core/types';

export interface RoomSnapshot {
  title: string;
  url?: string;
  rights: Rights;
  items: RoomItems;
  skipped: { count: number; sample?: string };
  loaded: boolean;
  updatedAt: number;
  /** the notes as the server had them; absent: not known (an older cache, or a room without notes) */
  notes?: NotesSnapshot;
}

export interface NotesSnapshot {
  /** the room lists the notes feature (false: it does not; the notes are then empty) */
  offered: boolean;
  items: NoteItems;
  skipped: { count: number; sample?: string };
  loaded: boolean;
}

/** What a room's own key holds: the snapshot without its items and notes, and the ids of the lists stored apart. */
export interface ShardedHead extends Omit<RoomSnapshot, 'items'> {
  shards: string[];
  /** the notes are stored apart, under notesKey (before, the head held them) */
  notesApart?: true;
}

/** What was last written of each list, and of the notes, compared by identity. */
export interface Written {
  lists: Map<string, { list: TaskList | undefined; tasks: readonly Task[] }>;
  notes?: NotesSnapshot;
}

const shardKey = (key: string, listId: string) => `${key}#${listId}`;
/** Apart from the lists' pieces (`#`), and from other rooms' keys: a JID has no space. */
const notesKey = (key: string) => `${key} notes`;

const sameNotes = (a: NotesSnapshot | undefined, b: NotesSnapshot) =>
  !!a &&
  a.items === b.items &&
  a.offered === b.offered &&
  a.loaded === b.loaded &&
  a.skipped.count === b.skipped.count &&
  a.skipped.sample === b.skipped.sample;

/** The keys of every piece a head names. */
export const piecesOf = (key: string, head: ShardedHead) => [
  ...head.shards.map((id) => shardKey(key, id)),
  ...(head.notesApart ? [notesKey(key)] : []),
];

/**
 * The values to store for `snapshot` under `key`, given what was written last
 * (`written`), what is written then (`nowWritten`), and the keys of pieces no
 * longer needed.
 */
export function shardsToWrite(
  key: string,
  snapshot: RoomSnapshot,
  written: Written,
): { values: Record<string, unknown>; stale: string[]; nowWritten: Written } {
  const { items, notes, ...rest } = snapshot;
  const groups = tasksByList(items.tasks);
  const ids = new Set([...Object.keys(items.lists), ...groups.keys()]);
  const nowWritten: Written = { lists: new Map(), notes };
  const head: ShardedHead = { ...rest, shards: [...ids], ...(notes ? { notesApart: true } : {}) };
  const values: Record<string, unknown> = { [key]: head };
  for (const id of ids) {
    const piece = { list: getList(items, id), tasks: tasksOf(items, id) };
    nowWritten.lists.set(id, piece);
    const before = written.lists.get(id);
    if (before && before.list === piece.list && before.tasks === piece.tasks) continue;
    // a string: storage copies one in a piece, an object node by node
    values[shardKey(key, id)] = JSON.stringify(piece);
  }
  if (notes && !sameNotes(written.notes, notes)) values[notesKey(key)] = JSON.stringify(notes);
  const stale = [...written.lists.keys()].filter((id) => !ids.has(id)).map((id) => shardKey(key, id));
  if (written.notes && !notes) stale.push(notesKey(key));
  return { values, stale, nowWritten };
}

/** A piece as written (JSON text); undefined when missing or damaged. */
function parsed<T extends object>(text: unknown): T | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The snapshot from its head and its pieces by key; undefined when a piece is missing or damaged (no cache, then). */
export function assembled(key: string, head: ShardedHead, pieces: Record<string, unknown>): RoomSnapshot | undefined {
  const { shards, notesApart, ...rest } = head;
  const snapshot: RoomSnapshot = { ...rest, items: { lists: Object.create(null), tasks: Object.create(null) } };
  const { items } = snapshot;
  for (const id of shards) {
    const piece = parsed<{ list?: TaskList; tasks?: Task[] }>(pieces[shardKey(key, id)]);
    if (!piece) return undefined;
    if (piece.list) items.lists[id] = piece.list;
    for (const task of piece.tasks ?? []) if (!has(items.tasks, task.id)) items.tasks[task.id] = task;
  }
  if (notesApart) {
    const notes = parsed<NotesSnapshot>(pieces[notesKey(key)]);
    if (!notes) return undefined;
    snapshot.notes = notes;
  }
  return snapshot;
}
