// A room's cache: what the last worker knew of it, shown until the room is
// fetched again; stored in pieces, one per task list. Storage takes a value in the
// calling worker before it answers: one 0.6 MB string, a room of 5,000 items,
// held the worker for 20 to 60 ms, and the cache is written after every quiet
// second, for a change of one task. So a list is stored with its tasks under
// a key of its own, written again only when a change touched it (its list or
// its tasks' array changed: core/tasks-by-list.ts keeps the arrays of the
// lists a change did not touch), and the room's own key holds the rest and the
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

/** What a room's own key holds: the snapshot without its items, and the ids of the lists stored apart. */
export interface ShardedHead extends Omit<RoomSnapshot, 'items'> {
  shards: string[];
}

/** What was last written of one list, compared by identity. */
export type Written = Map<string, { list: TaskList | undefined; tasks: readonly Task[] }>;

export const shardKey = (key: string, listId: string) => `${key}#${listId}`;

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
  const { items, ...rest } = snapshot;
  const groups = tasksByList(items.tasks);
  const ids = new Set([...Object.keys(items.lists), ...groups.keys()]);
  const nowWritten: Written = new Map();
  const values: Record<string, unknown> = { [key]: { ...rest, shards: [...ids] } satisfies ShardedHead };
  for (const id of ids) {
    const piece = { list: getList(items, id), tasks: tasksOf(items, id) };
    nowWritten.set(id, piece);
    const before = written.get(id);
    if (before && before.list === piece.list && before.tasks === piece.tasks) continue;
    // a string: storage copies one in a piece, an object node by node
    values[shardKey(key, id)] = JSON.stringify(piece);
  }
  const stale = [...written.keys()].filter((id) => !ids.has(id)).map((id) => shardKey(key, id));
  return { values, stale, nowWritten };
}

/** The snapshot from its head and its pieces by key; undefined when a piece is missing or damaged (no cache, then). */
export function assembled(key: string, head: ShardedHead, pieces: Record<string, unknown>): RoomSnapshot | undefined {
  const { shards, ...rest } = head;
  const items: RoomItems = { lists: Object.create(null), tasks: Object.create(null) };
  for (const id of shards) {
    const text = pieces[shardKey(key, id)];
    if (typeof text !== 'string') return undefined;
    let piece: { list?: TaskList; tasks?: Task[] };
    try {
      piece = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (piece.list) items.lists[id] = piece.list;
    for (const task of piece.tasks ?? []) if (!has(items.tasks, task.id)) items.tasks[task.id] = task;
  }
  return { ...rest, items };
}
