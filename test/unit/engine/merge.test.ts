import { describe, expect, test } from 'vitest';
import { CrossingWrites, mergeItem } from '../../../src/background/engine/merge';
import type { Item } from '../../../src/core/types';
import { notesEdits } from '../../../src/background/engine/notes-edits';
import { tasksEdits } from '../../../src/background/engine/tasks-edits';
import type { Note } from '../../../src/core/notes/types';

const unknown = { attrs: {}, children: [] };
const base: Item = { kind: 'task', id: 't', list: 'l', name: 'One', order: 1, done: false, unknown };

test('a rename by them and a move by us both survive', () => {
  const theirs: Item = { ...base, name: 'One (renamed)', description: 'by bob' };
  const mine: Item = { ...base, order: 3 };
  expect(mergeItem(base, theirs, mine, tasksEdits.fields)).toEqual({ ...base, name: 'One (renamed)', description: 'by bob', order: 3 });
});

test('a field both changed keeps ours (we wrote last); a description they removed stays removed', () => {
  const withDescription: Item = { ...base, description: 'old' };
  const theirs: Item = { ...base, name: 'Theirs' };
  const mine: Item = { ...withDescription, name: 'Mine', done: true };
  expect(mergeItem(withDescription, theirs, mine, tasksEdits.fields)).toEqual({ ...base, name: 'Mine', done: true });
});

test('unknown data another client added is kept', () => {
  const theirs: Item = { ...base, unknown: { attrs: { color: 'red' }, children: [] } };
  const mine: Item = { ...base, done: true };
  expect(mergeItem(base, theirs, mine, tasksEdits.fields)).toEqual({
    ...base,
    done: true,
    unknown: { attrs: { color: 'red' }, children: [] },
  });
});

test('notes: a text edited by them and a move by us both survive, with the participant they tied it to', () => {
  const note: Note = { id: 'n', order: 1, description: 'Asked to be unbanned' };
  const theirs: Note = { ...note, description: 'Asked to be unbanned, twice', about: { nick: 'dave' } };
  const mine: Note = { ...note, order: 4 };
  expect(mergeItem(note, theirs, mine, notesEdits.fields)).toEqual({ ...theirs, order: 4 });
});

test('without a base (a creation) ours stands', () => {
  const mine: Item = { ...base, name: 'New' };
  expect(mergeItem(undefined, { ...base, name: 'Other' }, mine, tasksEdits.fields)).toBe(mine);
});

describe('crossing writes', () => {
  const theirRename: Item = { ...base, name: 'One (renamed)' };
  const myMove: Item = { ...base, order: 3 };

  test('their write noticed before our own notification is merged into ours', () => {
    const crossing = new CrossingWrites(tasksEdits.fields);
    crossing.watch('t', base);
    crossing.noticed(theirRename, false);
    crossing.noticed(myMove, true);
    expect(crossing.settle(myMove)).toEqual({ echoed: true, merged: { ...base, name: 'One (renamed)', order: 3 } });
  });

  test('their write after ours is theirs to reconcile: nothing to merge', () => {
    const crossing = new CrossingWrites(tasksEdits.fields);
    crossing.watch('t', base);
    crossing.noticed(myMove, true);
    crossing.noticed(theirRename, false);
    expect(crossing.settle(myMove)).toEqual({ echoed: true });
  });

  test('no notification at all (yet): ours is applied as sent', () => {
    const crossing = new CrossingWrites(tasksEdits.fields);
    crossing.watch('t', base);
    expect(crossing.settle(myMove)).toEqual({ echoed: false });
  });

  test('a foreign write that changed nothing we kept needs no second publish', () => {
    const crossing = new CrossingWrites(tasksEdits.fields);
    crossing.watch('t', base);
    crossing.noticed({ ...base, order: 3 }, false);
    expect(crossing.settle(myMove)).toEqual({ echoed: false });
  });
});

describe('crossing retractions', () => {
  const myRenumbering: Item = { ...base, order: 3 };

  test('a retraction noticed before our own notification: our write brought the item back', () => {
    const crossing = new CrossingWrites(tasksEdits.fields);
    crossing.watch('t', base);
    crossing.noticed({ ...base, name: 'One (renamed)' }, false);
    crossing.retracted('t');
    crossing.noticed(myRenumbering, true);
    expect(crossing.settle(myRenumbering)).toEqual({ echoed: true, recreated: true });
  });

  test('a retraction after our own notification deleted our write: nothing came back', () => {
    const crossing = new CrossingWrites(tasksEdits.fields);
    crossing.watch('t', base);
    crossing.noticed(myRenumbering, true);
    crossing.retracted('t');
    expect(crossing.settle(myRenumbering)).toEqual({ echoed: true });
  });

  test('published again by them after their retraction: it exists, and their write is merged as usual', () => {
    const crossing = new CrossingWrites(tasksEdits.fields);
    crossing.watch('t', base);
    crossing.retracted('t');
    crossing.noticed({ ...base, name: 'One (again)' }, false);
    expect(crossing.settle(myRenumbering)).toEqual({ echoed: false, merged: { ...base, name: 'One (again)', order: 3 } });
  });

  test('a purge before our write: every item we were writing came back', () => {
    const crossing = new CrossingWrites(tasksEdits.fields);
    crossing.watch('t', base);
    crossing.watch('u', { ...base, id: 'u' });
    crossing.retracted('all');
    expect(crossing.settle(myRenumbering)).toEqual({ echoed: false, recreated: true });
    expect(crossing.settle({ ...myRenumbering, id: 'u' })).toEqual({ echoed: false, recreated: true });
  });
});
