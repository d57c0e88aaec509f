// The moderator notes' edits as the edit queue carries them (node-edits.ts).
import { serializeNote } from '../../core/notes/codec';
import { notesCodec, type NoteItems } from '../../core/notes/notes-node';
import { applyNoteOptimistic, planNoteEdit } from '../../core/notes/plan';
import type { Note, NoteEdit } from '../../core/notes/types';
import { has } from '../../core/room-query';
import type { NodeEdits } from './node-edits';

/**
 * Every field of a note but its id. A kept wire form is merged like any
 * field: the codec writes it only while it carries the note's current value.
 */
const FIELDS = ['order', 'description', 'about', 'kept', 'unknown'] as const satisfies readonly Exclude<keyof Note, 'id'>[];

const NOTE_OPS: ReadonlySet<string> = new Set<NoteEdit['op']>(['createNote', 'editNote', 'deleteNote', 'moveNote']);

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export const notesEdits: NodeEdits<Note, NoteItems, NoteEdit> = {
  codec: notesCodec,
  owns: (edit): edit is NoteEdit => NOTE_OPS.has(edit.op),
  serialize: serializeNote,
  plan: planNoteEdit,
  optimistic: applyNoteOptimistic,
  maybeNewerThanCache: new Set(['no-such-note']),
  itemOf: (notes, id) => (has(notes, id) ? notes[id] : undefined),
  fields: () => FIELDS,
  describe(edit) {
    switch (edit.op) {
      case 'createNote':
        return `create note “${short(edit.description)}”`;
      case 'editNote':
        return `edit note “${short(edit.description)}”`;
      case 'deleteNote':
        return `delete note ${edit.id}`;
      case 'moveNote':
        return `move note ${edit.id}`;
    }
  },
  retractsLast: () => false,
};
