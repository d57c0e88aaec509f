// What changed between two views of one room, and that change applied to a
// view. The background pushes a view whole once per watch, then only its
// changes: at 5,000 items a whole view is about a megabyte to copy and
// decode in every page, one toggle's change a few hundred bytes. A delta
// holds final values (items put whole, ids removed, fields replaced), so the
// changes of a burst diffed at once are one delta, and deltas applied in
// order give the view they were diffed from.
import { has } from './room-query';
import { plainEqual } from './plain-equal';
import { changedBetween } from './record-lineage';
import { changedCopy, record } from './room';
import type { Participant } from './notes/types';
import type { NotesView, RoomView } from './types';

/** Items of one record added or changed (put whole) and removed (by id). */
interface RecordDelta<T> {
  put: T[];
  removed: string[];
}

/** The view's fields besides its room, its items, its notes and its participants, each replaced whole when it changed. */
type Fields = Omit<RoomView, 'ref' | 'items' | 'notes' | 'participants'>;
/** The notes' fields besides their items, likewise. */
type NotesFields = Omit<NotesView, 'items'>;
type OptionalField = { [K in keyof Fields]-?: undefined extends Fields[K] ? K : never }[keyof Fields];

export interface ViewDelta {
  lists?: RecordDelta<RoomView['items']['lists'][string]>;
  tasks?: RecordDelta<RoomView['items']['tasks'][string]>;
  set?: Partial<Fields>;
  /** optional fields that went away */
  unset?: OptionalField[];
  /** notes put whole and removed by id */
  notes?: RecordDelta<NotesView['items'][string]>;
  notesSet?: Partial<NotesFields>;
  /** participants who came or changed (by nickname), and the nicknames that left */
  participants?: { put: Record<string, Participant>; removed: string[] };
}

const NOTES_FIELDS: readonly (keyof NotesFields)[] = ['available', 'pending', 'skipped', 'loaded'];

const FIELDS: readonly (keyof Fields)[] = [
  'title',
  'url',
  'status',
  'rights',
  'pending',
  'changed',
  'problem',
  'skipped',
  'loaded',
  'updatedAt',
];

/**
 * Items are compared by identity first: an unchanged item keeps its object
 * from view to view (room.ts); and only the ids changed since the versions'
 * common ancestor, when they have one (record-lineage.ts).
 */
function diffRecord<T extends { id: string }>(previous: Record<string, T>, next: Record<string, T>): RecordDelta<T> | undefined {
  if (previous === next) return undefined;
  const put: T[] = [];
  const removed: string[] = [];
  const compare = (id: string) => {
    const was = has(previous, id) ? previous[id] : undefined;
    if (!has(next, id)) {
      if (was) removed.push(id);
    } else if (was !== next[id] && !plainEqual(was, next[id])) put.push(next[id]!);
  };
  const changed = changedBetween(previous, next);
  if (changed) changed.forEach(compare);
  else {
    for (const id in next) compare(id);
    for (const id in previous) if (!has(next, id)) compare(id);
  }
  return put.length || removed.length ? { put, removed } : undefined;
}

/**
 * Items put or removed by a delta. A view's first fetch of a big room is a
 * delta of every item (5,000 puts): posted as an object it costs more than the
 * whole view as text, and applied it copies the room once more in the page.
 */
export function deltaItems(delta: ViewDelta): number {
  const count = (r?: RecordDelta<unknown>) => (r ? r.put.length + r.removed.length : 0);
  return count(delta.lists) + count(delta.tasks) + count(delta.notes);
}

/** What turns `previous` into `next` (both views of one room); undefined when nothing changed. */
export function diffViews(previous: RoomView, next: RoomView): ViewDelta | undefined {
  const delta: ViewDelta = {};
  const lists = diffRecord(previous.items.lists, next.items.lists);
  const tasks = diffRecord(previous.items.tasks, next.items.tasks);
  if (lists) delta.lists = lists;
  if (tasks) delta.tasks = tasks;
  const set: Record<string, unknown> = {};
  const unset: OptionalField[] = [];
  let changedFields = false;
  for (const field of FIELDS) {
    if (plainEqual(previous[field], next[field])) continue;
    if (next[field] === undefined) unset.push(field as OptionalField);
    else set[field] = next[field];
    changedFields = true;
  }
  if (Object.keys(set).length) delta.set = set as Partial<Fields>;
  if (unset.length) delta.unset = unset;
  const notes = diffRecord(previous.notes.items, next.notes.items);
  if (notes) delta.notes = notes;
  const notesSet: Partial<Record<keyof NotesFields, unknown>> = {};
  for (const field of NOTES_FIELDS) {
    if (!plainEqual(previous.notes[field], next.notes[field])) notesSet[field] = next.notes[field];
  }
  if (Object.keys(notesSet).length) delta.notesSet = notesSet as Partial<NotesFields>;
  const participants = diffParticipants(previous.participants, next.participants);
  if (participants) delta.participants = participants;
  return lists || tasks || changedFields || notes || delta.notesSet || participants ? delta : undefined;
}

/** Participants are keyed by nickname (unique in a room) and have no id of their own. */
function diffParticipants(previous: RoomView['participants'], next: RoomView['participants']): ViewDelta['participants'] {
  if (previous === next) return undefined;
  const put = record<Participant>();
  const removed: string[] = [];
  for (const nick in next) {
    if (has(next, nick) && !(has(previous, nick) && plainEqual(previous[nick], next[nick]))) put[nick] = next[nick]!;
  }
  for (const nick in previous) if (has(previous, nick) && !has(next, nick)) removed.push(nick);
  return Object.keys(put).length || removed.length ? { put, removed } : undefined;
}

function applyRecord<T extends { id: string }>(current: Record<string, T>, change: RecordDelta<T> | undefined): Record<string, T> {
  if (!change) return current;
  // null prototype: item ids are untrusted ("__proto__" is a key like any other)
  const next = changedCopy(current, ...change.removed, ...change.put.map((item) => item.id));
  for (const id of change.removed) delete next[id];
  for (const item of change.put) next[item.id] = item;
  return next;
}

/** `view` with `delta` applied; parts the delta does not touch keep their identity. */
export function applyViewDelta(view: RoomView, delta: ViewDelta): RoomView {
  const next: RoomView = { ...view, ...delta.set };
  for (const field of delta.unset ?? []) delete next[field];
  if (delta.lists || delta.tasks) {
    next.items = { lists: applyRecord(view.items.lists, delta.lists), tasks: applyRecord(view.items.tasks, delta.tasks) };
  }
  if (delta.notes || delta.notesSet) {
    next.notes = { ...view.notes, ...delta.notesSet, items: applyRecord(view.notes.items, delta.notes) };
  }
  if (delta.participants) {
    const participants = record(view.participants);
    for (const nick of delta.participants.removed) delete participants[nick];
    for (const nick of Object.keys(delta.participants.put)) participants[nick] = delta.participants.put[nick]!;
    next.participants = participants;
  }
  return next;
}

/** How a watcher of a room learns of a new view: with the delta from the view it was last given, except the first. */
export type ViewListener = (view: RoomView, change?: { from: RoomView; delta: ViewDelta }) => void;
