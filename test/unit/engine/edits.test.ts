import { describe, expect, test } from 'vitest';
import { isCreation, resolveIds, touchedItem, withQueuedEdits } from '../../../src/background/engine/edits';
import { notesEdits } from '../../../src/background/engine/notes-edits';
import { describeEdit, tasksEdits } from '../../../src/background/engine/tasks-edits';
import type { RoomItems } from '../../../src/core/types';
import { record } from '../../../src/core/room';

describe('edits queued offline', () => {
  test('a task created in a list made offline goes to the list once the server named it', () => {
    const edit = { op: 'createTask', list: 'local:1', name: 'Check sound' } as const;
    expect(resolveIds(edit, { 'local:1': 'f3b1' })).toEqual({ op: 'createTask', list: 'f3b1', name: 'Check sound' });
    // not yet named: unchanged, and the original edit is never mutated
    expect(resolveIds(edit, {})).toEqual(edit);
    expect(edit.list).toBe('local:1');
  });

  test('moves resolve both the task and the target list', () => {
    expect(resolveIds({ op: 'moveTask', id: 'local:2', list: 'local:1', index: 0 }, { 'local:1': 'L', 'local:2': 'T' })).toEqual({
      op: 'moveTask',
      id: 'T',
      list: 'L',
      index: 0,
    });
  });

  test('creations have no item id yet; other edits name theirs', () => {
    expect(isCreation({ op: 'createList', name: 'x' })).toBe(true);
    expect(isCreation({ op: 'createNote', description: 'x' })).toBe(true);
    expect(touchedItem({ op: 'moveNote', id: 'n', index: 0 })).toBe('n');
    expect(isCreation({ op: 'deleteTask', id: 't' })).toBe(false);
    expect(touchedItem({ op: 'createList', name: 'x' })).toBe('');
    expect(touchedItem({ op: 'setDone', id: 't', done: true })).toBe('t');
  });

  test('a failed edit is described by what the user tried', () => {
    expect(describeEdit({ op: 'createTask', list: 'l', name: 'Check sound' })).toBe('create task “Check sound”');
    expect(describeEdit({ op: 'setDone', id: 't1', done: false })).toBe('mark task t1 not done');
    expect(notesEdits.describe({ op: 'createNote', description: 'Posted the same link three times in a row' })).toBe(
      'create note “Posted the same link three times in a ro…”',
    );
  });
});

describe('the view of queued edits', () => {
  const server: RoomItems = { lists: {}, tasks: {} };
  test('a list and a task created in it offline show at once, under temporary ids', () => {
    const queue = {
      edits: [
        { id: 'e1', edit: { op: 'createList', name: 'Offline list' } as const, tempId: 'local:e1', queuedAt: 1 },
        { id: 'e2', edit: { op: 'createTask', list: 'local:e1', name: 'Offline task' } as const, tempId: 'local:e2', queuedAt: 2 },
      ],
      ids: {},
    };
    const { items, pending } = withQueuedEdits(tasksEdits, server, queue);
    expect(items.lists['local:e1']?.name).toBe('Offline list');
    expect(items.tasks['local:e2']).toMatchObject({ list: 'local:e1', name: 'Offline task' });
    expect(pending).toEqual([
      { id: 'e1', itemId: 'local:e1', kind: 'createList' },
      { id: 'e2', itemId: 'local:e2', kind: 'createTask' },
    ]);
  });

  test('once the list is on the server, the pending task shows in it under the real id', () => {
    const withList = { lists: { L: { id: 'L', name: 'Offline list', unknown: { attrs: {}, children: [] } } }, tasks: {} };
    const queue = {
      edits: [{ id: 'e2', edit: { op: 'createTask', list: 'local:e1', name: 'Offline task' } as const, tempId: 'local:e2', queuedAt: 2 }],
      ids: { 'local:e1': 'L' },
    };
    const { items } = withQueuedEdits(tasksEdits, withList, queue);
    expect(items.tasks['local:e2']).toMatchObject({ list: 'L', name: 'Offline task' });
  });
});

describe('the view of queued note edits', () => {
  test('a note written offline shows at once on top, under a temporary id; a move queued after it sees it', () => {
    const server = record({ A: { id: 'A', order: 1, description: 'old' }, B: { id: 'B', order: 2, description: 'older' } });
    const queue = {
      edits: [
        { id: 'e1', edit: { op: 'createNote', description: 'new', about: { nick: 'carol' } } as const, tempId: 'local:e1', queuedAt: 1 },
        { id: 'e2', edit: { op: 'moveNote', id: 'A', index: 0 } as const, queuedAt: 2 },
      ],
      ids: {},
    };
    const { items, pending } = withQueuedEdits(notesEdits, server, queue);
    expect(items['local:e1']).toEqual({ id: 'local:e1', order: 3, description: 'new', about: { nick: 'carol' } });
    // A dropped above the top note (order 3): 4
    expect(items.A!.order).toBe(4);
    expect(server.A!.order).toBe(1);
    expect(pending.map((p) => p.kind)).toEqual(['createNote', 'moveNote']);
  });
});
