import { describe, expect, test } from 'vitest';
import { describeEdit, isCreation, resolveIds, touchedItem } from '../../../src/background/engine/edits';

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
    expect(isCreation({ op: 'deleteTask', id: 't' })).toBe(false);
    expect(touchedItem({ op: 'createList', name: 'x' })).toBe('');
    expect(touchedItem({ op: 'setDone', id: 't', done: true })).toBe('t');
  });

  test('a failed edit is described by what the user tried', () => {
    expect(describeEdit({ op: 'createTask', list: 'l', name: 'Check sound' })).toBe('create task “Check sound”');
    expect(describeEdit({ op: 'setDone', id: 't1', done: false })).toBe('mark task t1 not done');
  });
});
