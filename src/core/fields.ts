// The one definition of what a task list and a task are made of, and of the
// fields each edit carries. The codec (how each field travels in an item's
// payload), the merge of crossing writes, the plan's no-op check, the
// validation of edits from the views and the task row's comparison all read
// it; `satisfies` ties it to the types, so a field added to one and not the
// other does not compile.
import type { NoteEdit } from './notes/types';
import type { Edit, Task, TaskList } from './types';

export interface FieldSpec {
  /**
   * text (character data), ref (an item id), integer, flag (true or absent),
   * index (a position ≥ 0), items (whole lists and tasks, for a restore),
   * about (a note's participant: jid, nick, occupantId, each optional text)
   */
  value: 'text' | 'ref' | 'integer' | 'flag' | 'index' | 'items' | 'about';
  /** how it travels in the payload (docs/protocol.md §4): a child element or an attribute */
  wire?: 'child' | 'attr';
  /** may be absent */
  optional?: true;
  /** where the item shows rather than what it shows (a row need not render again for it) */
  position?: true;
}

type ItemFields<T> = Record<Exclude<keyof T, 'id' | 'unknown'>, FieldSpec>;

const LIST_FIELDS = {
  name: { value: 'text', wire: 'child' },
} as const satisfies ItemFields<TaskList>;

/** In the order the official client writes the child elements. */
export const TASK_FIELDS = {
  list: { value: 'ref', wire: 'attr' },
  name: { value: 'text', wire: 'child' },
  order: { value: 'integer', wire: 'attr', position: true },
  done: { value: 'flag', wire: 'attr' },
  description: { value: 'text', wire: 'child', optional: true },
} as const satisfies ItemFields<Task>;

export const ITEM_FIELDS: Record<'tasklist' | 'task', Record<string, FieldSpec>> = { tasklist: LIST_FIELDS, task: TASK_FIELDS };

/** The fields of a kind of item that travel as `wire`. */
export const fieldsOn = (kind: 'tasklist' | 'task', wire: 'child' | 'attr'): string[] =>
  Object.entries(ITEM_FIELDS[kind])
    .filter(([, spec]) => spec.wire === wire)
    .map(([name]) => name);

/** What a task row shows: every field of a task but its position. */
export const TASK_ROW_FIELDS = (Object.keys(TASK_FIELDS) as (keyof typeof TASK_FIELDS)[]).filter(
  (name) => !('position' in TASK_FIELDS[name]),
);

const ITEM_ID: FieldSpec = { value: 'ref' };

/** The fields each edit carries (besides `op`). */
export const EDIT_FIELDS = {
  createList: { name: LIST_FIELDS.name },
  renameList: { id: ITEM_ID, name: LIST_FIELDS.name },
  deleteList: { id: ITEM_ID },
  createTask: { list: TASK_FIELDS.list, name: TASK_FIELDS.name, description: TASK_FIELDS.description },
  editTask: { id: ITEM_ID, name: TASK_FIELDS.name, description: TASK_FIELDS.description },
  setDone: { id: ITEM_ID, done: TASK_FIELDS.done },
  moveTask: { id: ITEM_ID, list: TASK_FIELDS.list, index: { value: 'index' } },
  deleteTask: { id: ITEM_ID },
  restore: { items: { value: 'items' } },
} as const satisfies { [Op in Edit['op']]: Record<Exclude<keyof Extract<Edit, { op: Op }>, 'op'>, FieldSpec> };

/** The fields each note edit carries (besides `op`); a note's text is never empty, as with the official client. */
export const NOTE_EDIT_FIELDS = {
  createNote: { description: { value: 'text' }, about: { value: 'about', optional: true } },
  editNote: { id: ITEM_ID, description: { value: 'text' } },
  deleteNote: { id: ITEM_ID },
  moveNote: { id: ITEM_ID, index: { value: 'index' } },
} as const satisfies { [Op in NoteEdit['op']]: Record<Exclude<keyof Extract<NoteEdit, { op: Op }>, 'op'>, FieldSpec> };
