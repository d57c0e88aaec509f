// Turns what a user asked for of the notes (a NoteEdit) into what to publish
// and retract, planned when the edit is SENT against the latest notes known
// (rebase on send, as the tasks' plan.ts): an edit keeps the note's latest
// order and participant, a move republishes the latest text. Numbering as the
// official client (order.ts); what we do not understand and the wire forms
// we did not write are carried along (codec.ts).
import { tooBig } from '../plan';
import { record } from '../room';
import { has } from '../room-query';
import { serializeNote } from './codec';
import type { NoteItems } from './notes-node';
import { moveNoteTo, nextOrder, sortNotes } from './order';
import type { Note, NoteEdit } from './types';

export type NotePlan = { publish: Note[]; retract: string[] };
export type NotePlanError = 'empty-text' | 'too-long' | 'no-such-note';

const nothing = (): NotePlan => ({ publish: [], retract: [] });

/** A note id of '' means "let the server generate it" (creations). */
export function planNoteEdit(notes: NoteItems, edit: NoteEdit): NotePlan | { error: NotePlanError } {
  switch (edit.op) {
    case 'createNote': {
      // The official client refuses a blank note; the text is kept as typed (line breaks matter).
      if (!edit.description.trim()) return { error: 'empty-text' };
      const note: Note = { id: '', order: nextOrder(Object.values(notes)), description: edit.description };
      if (edit.about && (edit.about.jid || edit.about.nick || edit.about.occupantId)) note.about = { ...edit.about };
      return checked({ publish: [note], retract: [] });
    }
    case 'editNote': {
      const note = has(notes, edit.id) ? notes[edit.id]! : undefined;
      if (!note) return { error: 'no-such-note' };
      if (!edit.description.trim()) return { error: 'empty-text' };
      if (note.description === edit.description) return nothing();
      return checked({ publish: [{ ...note, description: edit.description }], retract: [] });
    }
    case 'deleteNote':
      return has(notes, edit.id) ? { publish: [], retract: [edit.id] } : { error: 'no-such-note' };
    case 'moveNote': {
      if (!has(notes, edit.id)) return { error: 'no-such-note' };
      const changes = moveNoteTo(sortNotes(Object.values(notes)), edit.id, edit.index);
      return { publish: changes.map(({ id, order }) => ({ ...notes[id]!, order })), retract: [] };
    }
  }
}

function checked(plan: NotePlan): NotePlan | { error: NotePlanError } {
  return plan.publish.some((note) => tooBig(serializeNote(note))) ? { error: 'too-long' } : plan;
}

/**
 * The notes as they will be once the edit is confirmed, to show at once: a
 * copy when the edit changes anything (a creation under `tempId` until the
 * server names it), `notes` itself otherwise.
 */
export function applyNoteOptimistic(notes: NoteItems, edit: NoteEdit, tempId: string): NoteItems {
  const plan = planNoteEdit(notes, edit);
  if ('error' in plan || (plan.publish.length === 0 && plan.retract.length === 0)) return notes;
  const next = record(notes);
  for (const id of plan.retract) delete next[id];
  for (const note of plan.publish) next[note.id || tempId] = note.id ? note : { ...note, id: tempId };
  return next;
}
