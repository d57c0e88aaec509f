// Planning note edits (core/notes/plan.ts): what goes to the server for each
// edit, planned against the latest notes, numbered as the official client.
import { describe, expect, test } from 'vitest';
import { parseNoteItem, serializeNote } from '../../../src/core/notes/codec';
import type { NoteItems } from '../../../src/core/notes/notes-node';
import { sortNotes } from '../../../src/core/notes/order';
import { applyNoteOptimistic, planNoteEdit } from '../../../src/core/notes/plan';
import type { Note } from '../../../src/core/notes/types';
import { record } from '../../../src/core/room';
import { parseXml } from './helpers';
import { officialDrop } from './notes-official';

const NS_NOTE = 'urn:peertube-plugin-livechat:note';
const notes = (...list: Note[]): NoteItems => record(Object.fromEntries(list.map((n) => [n.id, n])));
const note = (id: string, order: number | null, description = id): Note => ({ id, order, description });
const read = (id: string, payload: string): Note => {
  const parsed = parseNoteItem(parseXml(`<item xmlns="http://jabber.org/protocol/pubsub" id="${id}">${payload}</item>`));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.note;
};

describe('creating a note', () => {
  test('on top of all notes, about the participant given, the text as typed', () => {
    const plan = planNoteEdit(notes(note('A', 3), note('B', null), note('C', 7)), {
      op: 'createNote',
      description: '  Asked to be unbanned\n\nsecond line ',
      about: { jid: 'dave@example.org', nick: 'dave', occupantId: 'occ=' },
    });
    expect(plan).toEqual({
      publish: [
        {
          id: '',
          order: 8,
          description: '  Asked to be unbanned\n\nsecond line ',
          about: { jid: 'dave@example.org', nick: 'dave', occupantId: 'occ=' },
        },
      ],
      retract: [],
    });
  });

  test('the first note is 1; about no one when nothing is known of the participant', () => {
    expect(planNoteEdit(notes(), { op: 'createNote', description: 'x', about: {} })).toEqual({
      publish: [{ id: '', order: 1, description: 'x' }],
      retract: [],
    });
  });

  test('a blank note or one too big for a stanza is refused', () => {
    expect(planNoteEdit(notes(), { op: 'createNote', description: ' \n ' })).toEqual({ error: 'empty-text' });
    expect(planNoteEdit(notes(), { op: 'createNote', description: 'é'.repeat(150_000) })).toEqual({ error: 'too-long' });
  });
});

describe('editing a note', () => {
  const odd = read(
    'odd',
    `<note xmlns="${NS_NOTE}" order="0x10" flag="x"><description>old</description><note-about nick="dave" extra="1"/><color xmlns="urn:example">red</color></note>`,
  );

  test('changes only the text: the odd order, the participant and what we do not understand are written back as they came', () => {
    const plan = planNoteEdit(notes(odd), { op: 'editNote', id: 'odd', description: 'new' });
    if ('error' in plan) throw new Error(plan.error);
    expect(serializeNote(plan.publish[0]!)).toBe(
      `<note flag="x" order="0x10" xmlns="${NS_NOTE}"><description>new</description><note-about nick="dave" extra="1"/><color xmlns="urn:example">red</color></note>`,
    );
  });

  test('the same text publishes nothing; a note gone or a blank text is refused', () => {
    expect(planNoteEdit(notes(odd), { op: 'editNote', id: 'odd', description: 'old' })).toEqual({ publish: [], retract: [] });
    expect(planNoteEdit(notes(odd), { op: 'editNote', id: 'gone', description: 'x' })).toEqual({ error: 'no-such-note' });
    expect(planNoteEdit(notes(odd), { op: 'editNote', id: 'odd', description: '' })).toEqual({ error: 'empty-text' });
  });
});

describe('deleting and moving notes', () => {
  test('a delete retracts the note', () => {
    expect(planNoteEdit(notes(note('A', 1)), { op: 'deleteNote', id: 'A' })).toEqual({ publish: [], retract: ['A'] });
    expect(planNoteEdit(notes(), { op: 'deleteNote', id: 'A' })).toEqual({ error: 'no-such-note' });
  });

  test('a move publishes what the official drag and drop publishes, in its sequence, each note whole', () => {
    const items = notes(note('A', 1), note('B', 2), note('C', 3), note('D', 4));
    const shown = sortNotes(Object.values(items)).map((n) => ({ id: n.id, order: n.order! }));
    // A to the second place (shown D C B A): dropped on C's upper half
    const plan = planNoteEdit(items, { op: 'moveNote', id: 'A', index: 1 });
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.publish.map((n) => [n.id, n.order])).toEqual(officialDrop(shown, 'A', 'C', true));
    expect(plan.publish.map((n) => n.description)).toEqual(['D', 'A']);
    // D (the top) to the third place (D C B A → C B D A): dropped on B's lower half
    const lower = planNoteEdit(items, { op: 'moveNote', id: 'D', index: 2 });
    if ('error' in lower) throw new Error(lower.error);
    expect(lower.publish.map((n) => [n.id, n.order])).toEqual(officialDrop(shown, 'D', 'B', false));
  });

  test('a move to where the note is publishes nothing', () => {
    expect(planNoteEdit(notes(note('A', 1), note('B', 2)), { op: 'moveNote', id: 'A', index: 1 })).toEqual({ publish: [], retract: [] });
  });
});

describe('notes shown before the server has the edit', () => {
  test('a creation under its temporary id, a delete gone; the notes given are never changed', () => {
    const items = notes(note('A', 1));
    const created = applyNoteOptimistic(items, { op: 'createNote', description: 'new' }, 'local:1');
    expect(created['local:1']).toEqual({ id: 'local:1', order: 2, description: 'new' });
    expect(Object.keys(items)).toEqual(['A']);
    expect(applyNoteOptimistic(created, { op: 'deleteNote', id: 'A' }, '')).not.toHaveProperty('A');
  });

  test('an edit that changes nothing or cannot apply keeps the same notes object', () => {
    const items = notes(note('A', 1));
    expect(applyNoteOptimistic(items, { op: 'editNote', id: 'A', description: 'A' }, '')).toBe(items);
    expect(applyNoteOptimistic(items, { op: 'deleteNote', id: 'gone' }, '')).toBe(items);
  });
});
