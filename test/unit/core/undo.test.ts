// Planning an undo (core/undo.ts) and the restore it sends (core/plan.ts): the
// room the server ends with after the edit and its undo is the room before.
import { describe, expect, test } from 'vitest';
import { planEdit, type Plan } from '../../../src/core/plan';
import { tasksOf, withItem, withoutItem } from '../../../src/core/room';
import type { Edit, Item, RoomItems } from '../../../src/core/types';
import { planUndo } from '../../../src/core/undo';
import { list, room, task } from './fixtures';

const planned = (items: RoomItems, edit: Edit): Plan => {
  const p = planEdit(items, edit);
  if ('error' in p) throw new Error(`unexpected error ${p.error}`);
  return p;
};

/** The server's items once it applied a plan: retractions, then publishes in order. */
function serverApplies(items: RoomItems, plan: Plan): RoomItems {
  let next = items;
  for (const id of plan.retract) next = withoutItem(next, id);
  for (const item of plan.publish) next = withItem(next, item as Item);
  return next;
}

/** Makes `edit`, then its undo planned from the room as it was: the room that results. */
function editThenUndo(items: RoomItems, edit: Edit): RoomItems {
  const undo = planUndo(items, edit);
  if (!undo) throw new Error(`no undo for ${edit.op}`);
  const after = serverApplies(items, planned(items, edit));
  return serverApplies(after, planned(after, undo.edit));
}

const base = room(
  [{ ...list('L1', 'Stream'), unknown: { attrs: { colour: 'red' }, children: [] } }, list('L2', 'Later')],
  [
    task('A', 'L1', 1),
    task('B', 'L1', 5, {
      description: 'line 1\nline 2',
      unknown: { attrs: { prio: 'high' }, children: ['<due xmlns="urn:x">soon</due>'] },
    }),
    task('C', 'L1', 9, { done: true }),
    task('X', 'L2', 1),
  ],
);

describe('planUndo: the edit and its undo leave the room as it was', () => {
  test.each<[string, Edit]>([
    ['a deleted task (description and unknown data kept)', { op: 'deleteTask', id: 'B' }],
    ['a deleted list with its tasks (orders, done, unknown data kept)', { op: 'deleteList', id: 'L1' }],
    ['a tick', { op: 'setDone', id: 'A', done: true }],
    ['an untick', { op: 'setDone', id: 'C', done: false }],
    ['an edit that removed the description', { op: 'editTask', id: 'B', name: 'B renamed' }],
    ['a renamed list', { op: 'renameList', id: 'L1', name: 'Now' }],
  ])('%s', (_what, edit) => {
    expect(editThenUndo(base, edit)).toEqual(base);
  });

  test('a move across lists goes back to its place, between the same neighbours', () => {
    const back = editThenUndo(base, { op: 'moveTask', id: 'B', list: 'L2', index: 0 });
    expect(tasksOf(back, 'L1').map((t) => t.id)).toEqual(['A', 'B', 'C']);
    expect(tasksOf(back, 'L2').map((t) => t.id)).toEqual(['X']);
  });

  test('a move within its list goes back to its place', () => {
    const back = editThenUndo(base, { op: 'moveTask', id: 'C', list: 'L1', index: 0 });
    expect(tasksOf(back, 'L1').map((t) => t.id)).toEqual(['A', 'B', 'C']);
  });

  test("a deleted list's restore publishes the list first, then its tasks", () => {
    const undo = planUndo(base, { op: 'deleteList', id: 'L1' })!;
    expect(undo.action).toEqual({ did: 'deleteList', name: 'Stream', tasks: 3 });
    const after = serverApplies(base, planned(base, { op: 'deleteList', id: 'L1' }));
    expect(planned(after, undo.edit).publish.map((i) => i.id)).toEqual(['L1', 'A', 'B', 'C']);
  });

  test('nothing to undo for an edit that changes nothing, a creation, or an item not there', () => {
    expect(planUndo(base, { op: 'setDone', id: 'C', done: true })).toBeUndefined();
    expect(planUndo(base, { op: 'editTask', id: 'B', name: 'task B', description: 'line 1\nline 2' })).toBeUndefined();
    expect(planUndo(base, { op: 'moveTask', id: 'A', list: 'L1', index: 0 })).toBeUndefined();
    expect(planUndo(base, { op: 'createTask', list: 'L1', name: 'new' })).toBeUndefined();
    expect(planUndo(base, { op: 'deleteTask', id: 'gone' })).toBeUndefined();
  });

  test("an edit's undo is planned against the latest items when sent: a move made meanwhile by someone else stays", () => {
    const undo = planUndo(base, { op: 'editTask', id: 'B', name: 'B renamed' })!;
    const edited = serverApplies(base, planned(base, { op: 'editTask', id: 'B', name: 'B renamed' }));
    const moved = serverApplies(edited, planned(edited, { op: 'moveTask', id: 'B', list: 'L2', index: 1 }));
    const back = serverApplies(moved, planned(moved, undo.edit)).tasks.B!;
    expect(back).toMatchObject({ list: 'L2', name: 'task B', description: 'line 1\nline 2' });
  });
});

describe('planEdit: restore', () => {
  test('refused when a task would come back without its list', () => {
    const undo = planUndo(base, { op: 'deleteTask', id: 'X' })!;
    const gone = withoutItem(withoutItem(base, 'X'), 'L2');
    expect(planEdit(gone, undo.edit)).toEqual({ error: 'no-such-list' });
  });

  test('an item still there is published as it was (the undo wins, as the later write)', () => {
    const restore: Edit = { op: 'restore', items: [{ kind: 'task', ...base.tasks.A!, name: 'old A' }] };
    expect(planned(base, restore)).toEqual({ publish: [{ kind: 'task', ...base.tasks.A!, name: 'old A' }], retract: [] });
  });
});
