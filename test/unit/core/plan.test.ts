import { describe, expect, test } from 'vitest';
import { MAX_PAYLOAD_BYTES, applyOptimistic, planEdit, type Plan } from '../../../src/core/plan';
import { getList, getTask, tasksOf, withItem, withoutItem } from '../../../src/core/room';
import type { Edit, Item, RoomItems } from '../../../src/core/types';
import { list, room, task } from './fixtures';

const planned = (items: RoomItems, edit: Edit): Plan => {
  const p = planEdit(items, edit);
  if ('error' in p) throw new Error(`unexpected error ${p.error}`);
  return p;
};
/** What every subscriber ends up with once the server applied a plan (new items named n1, n2…). */
function serverApplies(items: RoomItems, plan: Plan): RoomItems {
  let next = items;
  let n = 0;
  for (const id of plan.retract) next = withoutItem(next, id);
  for (const item of plan.publish) next = withItem(next, item.id ? item : ({ ...item, id: `n${++n}` } as Item));
  return next;
}

const base = room(
  [list('L1', 'Stream'), list('L2', 'Later')],
  [
    task('A', 'L1', 1),
    task('B', 'L1', 2, { description: 'desc', unknown: { attrs: { prio: 'high' }, children: ['<due>x</due>'] } }),
    task('C', 'L1', 3, { done: true }),
    task('X', 'L2', 1),
  ],
);

describe('planEdit: each operation', () => {
  test('createList: a new item without id, trimmed name', () => {
    expect(planned(base, { op: 'createList', name: '  Prep  ' })).toEqual({
      publish: [{ kind: 'tasklist', id: '', name: 'Prep' }],
      retract: [],
    });
  });

  test('renameList keeps the list id and unknown data', () => {
    const items = withItem(base, { kind: 'tasklist', ...list('L1', 'Stream'), unknown: { attrs: { color: 'red' }, children: [] } });
    expect(planned(items, { op: 'renameList', id: 'L1', name: 'Show' }).publish).toEqual([
      { kind: 'tasklist', id: 'L1', name: 'Show', unknown: { attrs: { color: 'red' }, children: [] } },
    ]);
  });

  test('renaming to the same name publishes nothing', () => {
    expect(planned(base, { op: 'renameList', id: 'L1', name: ' Stream ' })).toEqual({ publish: [], retract: [] });
  });

  test('deleteList retracts its tasks first (in display order), then the list', () => {
    expect(planned(base, { op: 'deleteList', id: 'L1' })).toEqual({ publish: [], retract: ['A', 'B', 'C', 'L1'] });
    expect(planned(base, { op: 'deleteList', id: 'L2' }).retract).toEqual(['X', 'L2']);
  });

  test('createTask appends at 1 + the highest order of its list, not done', () => {
    const p = planned(base, { op: 'createTask', list: 'L1', name: ' Check sound ', description: 'Ask chat' });
    expect(p.publish).toEqual([{ kind: 'task', id: '', list: 'L1', name: 'Check sound', description: 'Ask chat', order: 4, done: false }]);
    const inEmpty = planned(room([list('E')], []), { op: 'createTask', list: 'E', name: 'first' });
    expect(inEmpty.publish[0]).toMatchObject({ order: 1 });
  });

  test('a blank description is none; any other is kept exactly, line breaks included', () => {
    expect(planned(base, { op: 'createTask', list: 'L1', name: 'n', description: '  \n ' }).publish[0]).not.toHaveProperty('description');
    expect(planned(base, { op: 'createTask', list: 'L1', name: 'n', description: ' a\nb ' }).publish[0]).toMatchObject({
      description: ' a\nb ',
    });
  });

  test('editTask changes name and description, keeps order, list, done and unknown data', () => {
    const p = planned(base, { op: 'editTask', id: 'B', name: 'Renamed', description: 'new' });
    expect(p.publish).toEqual([
      {
        kind: 'task',
        id: 'B',
        list: 'L1',
        name: 'Renamed',
        description: 'new',
        order: 2,
        done: false,
        unknown: { attrs: { prio: 'high' }, children: ['<due>x</due>'] },
      },
    ]);
  });

  test('editTask without description removes it; unchanged edit publishes nothing', () => {
    expect(planned(base, { op: 'editTask', id: 'B', name: 'task B' }).publish[0]).not.toHaveProperty('description');
    expect(planned(base, { op: 'editTask', id: 'B', name: 'task B', description: 'desc' })).toEqual({ publish: [], retract: [] });
  });

  test('setDone toggles done only; same value publishes nothing', () => {
    expect(planned(base, { op: 'setDone', id: 'A', done: true }).publish).toEqual([{ kind: 'task', ...getTask(base, 'A')!, done: true }]);
    expect(planned(base, { op: 'setDone', id: 'C', done: false }).publish[0]).toMatchObject({ id: 'C', done: false, order: 3 });
    expect(planned(base, { op: 'setDone', id: 'C', done: true })).toEqual({ publish: [], retract: [] });
  });

  test('moveTask publishes the moved and renumbered tasks', () => {
    const p = planned(base, { op: 'moveTask', id: 'A', list: 'L1', index: 1 });
    expect(p.publish.map((i) => [i.id, i.kind === 'task' && i.order])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
    // renumbered tasks are republished whole: B keeps its description and unknown data
    expect(p.publish[0]).toMatchObject({ description: 'desc', unknown: { attrs: { prio: 'high' } } });
    const moved = planned(base, { op: 'moveTask', id: 'X', list: 'L1', index: 3 });
    expect(moved.publish).toEqual([{ kind: 'task', ...getTask(base, 'X')!, list: 'L1', order: 4 }]);
  });

  test('deleteTask retracts it', () => {
    expect(planned(base, { op: 'deleteTask', id: 'B' })).toEqual({ publish: [], retract: ['B'] });
  });
});

describe('planEdit: refusals', () => {
  test.each<[string, Edit, string]>([
    ['empty list name', { op: 'createList', name: '   ' }, 'empty-name'],
    ['rename to empty', { op: 'renameList', id: 'L1', name: '' }, 'empty-name'],
    ['rename unknown list', { op: 'renameList', id: 'nope', name: 'x' }, 'no-such-list'],
    ['delete unknown list', { op: 'deleteList', id: 'nope' }, 'no-such-list'],
    ['task in unknown list', { op: 'createTask', list: 'nope', name: 'x' }, 'no-such-list'],
    ['task without name', { op: 'createTask', list: 'L1', name: ' \t' }, 'empty-name'],
    ['edit unknown task', { op: 'editTask', id: 'nope', name: 'x' }, 'no-such-task'],
    ['edit to empty name', { op: 'editTask', id: 'A', name: '' }, 'empty-name'],
    ['done on unknown task', { op: 'setDone', id: 'nope', done: true }, 'no-such-task'],
    ['move unknown task', { op: 'moveTask', id: 'nope', list: 'L1', index: 0 }, 'no-such-task'],
    ['move to unknown list', { op: 'moveTask', id: 'A', list: 'nope', index: 0 }, 'no-such-list'],
    ['delete unknown task', { op: 'deleteTask', id: 'nope' }, 'no-such-task'],
    ['a list id is not a task', { op: 'deleteTask', id: 'L1' }, 'no-such-task'],
  ])('%s', (_, edit, error) => {
    expect(planEdit(base, edit)).toEqual({ error });
  });

  test('text too big for the server is refused instead of dropping the connection', () => {
    const huge = 'é'.repeat(MAX_PAYLOAD_BYTES / 2 + 1); // 2 bytes each in UTF-8
    expect(planEdit(base, { op: 'createTask', list: 'L1', name: 'n', description: huge })).toEqual({ error: 'too-long' });
    expect(planEdit(base, { op: 'createList', name: 'x'.repeat(100_000) })).not.toHaveProperty('error');
    // counted in UTF-8 bytes, as the server counts: 4 bytes per emoji
    const justOver = '😀'.repeat(MAX_PAYLOAD_BYTES / 4);
    expect(planEdit(base, { op: 'createList', name: justOver })).toEqual({ error: 'too-long' });
    expect(planEdit(base, { op: 'createList', name: '😀'.repeat(MAX_PAYLOAD_BYTES / 4 - 100) })).not.toHaveProperty('error');
  });

  test('markup in names is data, published escaped', () => {
    const p = planned(base, { op: 'createList', name: '<script>alert(1)</script>' });
    expect(p.publish[0]).toMatchObject({ name: '<script>alert(1)</script>' });
  });
});

describe('rebase on send: concurrent edits by two moderators both survive', () => {
  test('we edit a task while someone else reorders the list', () => {
    // someone else moves A below B (B→1, A→2), notified before we send
    const reordered = serverApplies(base, planned(base, { op: 'moveTask', id: 'A', list: 'L1', index: 1 }));
    // our edit, planned at send time against the latest state
    const ours = planned(reordered, { op: 'editTask', id: 'B', name: 'Renamed', description: 'desc' });
    const final = serverApplies(reordered, ours);
    expect(tasksOf(final, 'L1').map((t) => [t.id, t.name])).toEqual([
      ['B', 'Renamed'],
      ['A', 'task A'],
      ['C', 'task C'],
    ]);
    expect(getTask(final, 'B')?.order).toBe(1);
    // planned against the stale state instead, the edit would have put back B's old order and undone the move (the official client's bug)
    const stale = serverApplies(reordered, planned(base, { op: 'editTask', id: 'B', name: 'Renamed', description: 'desc' }));
    expect(tasksOf(stale, 'L1').map((t) => t.id)).toEqual(['A', 'B', 'C']);
  });

  test('we reorder while someone else renames and ticks tasks: the move republishes their latest data', () => {
    let theirs = serverApplies(base, planned(base, { op: 'editTask', id: 'A', name: 'Their name' }));
    theirs = serverApplies(theirs, planned(theirs, { op: 'setDone', id: 'B', done: true }));
    const final = serverApplies(theirs, planned(theirs, { op: 'moveTask', id: 'C', list: 'L1', index: 0 }));
    expect(tasksOf(final, 'L1').map((t) => [t.id, t.name, t.done])).toEqual([
      ['C', 'task C', true],
      ['A', 'Their name', false],
      ['B', 'task B', true],
    ]);
    expect(getTask(final, 'B')?.unknown).toEqual({ attrs: { prio: 'high' }, children: ['<due>x</due>'] });
  });

  test('we tick a task someone else moved to another list: it stays in its new list', () => {
    const moved = serverApplies(base, planned(base, { op: 'moveTask', id: 'A', list: 'L2', index: 0 }));
    const final = serverApplies(moved, planned(moved, { op: 'setDone', id: 'A', done: true }));
    expect(getTask(final, 'A')).toMatchObject({ list: 'L2', order: 0, done: true });
  });

  test('an edit of a task someone deleted meanwhile is refused, not resurrecting it', () => {
    const deleted = serverApplies(base, planned(base, { op: 'deleteTask', id: 'B' }));
    expect(planEdit(deleted, { op: 'editTask', id: 'B', name: 'x' })).toEqual({ error: 'no-such-task' });
    expect(planEdit(deleted, { op: 'moveTask', id: 'B', list: 'L2', index: 0 })).toEqual({ error: 'no-such-task' });
  });

  test('a task created in a list someone deleted meanwhile is refused', () => {
    const gone = serverApplies(base, planned(base, { op: 'deleteList', id: 'L2' }));
    expect(planEdit(gone, { op: 'createTask', list: 'L2', name: 'x' })).toEqual({ error: 'no-such-list' });
  });
});

describe('applyOptimistic', () => {
  test('a created list and task show at once under the temporary id', () => {
    const withList = applyOptimistic(base, { op: 'createList', name: 'New' }, 'local:1');
    expect(getList(withList, 'local:1')).toMatchObject({ id: 'local:1', name: 'New' });
    const withTask = applyOptimistic(withList, { op: 'createTask', list: 'local:1', name: 'T' }, 'local:2');
    expect(tasksOf(withTask, 'local:1').map((t) => [t.id, t.order])).toEqual([['local:2', 1]]);
  });

  test('edits, moves and deletions show their result', () => {
    expect(getTask(applyOptimistic(base, { op: 'editTask', id: 'A', name: 'Z' }, 't'), 'A')?.name).toBe('Z');
    expect(tasksOf(applyOptimistic(base, { op: 'moveTask', id: 'C', list: 'L1', index: 0 }, 't'), 'L1').map((t) => t.id)).toEqual([
      'C',
      'A',
      'B',
    ]);
    const noL1 = applyOptimistic(base, { op: 'deleteList', id: 'L1' }, 't');
    expect(getList(noL1, 'L1')).toBeUndefined();
    expect(tasksOf(noL1, 'L1')).toEqual([]);
  });

  test('an edit that cannot be planned, or changes nothing, returns the same state', () => {
    expect(applyOptimistic(base, { op: 'deleteTask', id: 'nope' }, 't')).toBe(base);
    expect(applyOptimistic(base, { op: 'setDone', id: 'C', done: true }, 't')).toBe(base);
  });

  test('the input state is never modified', () => {
    const snapshot = JSON.stringify(base);
    applyOptimistic(base, { op: 'deleteList', id: 'L1' }, 't');
    applyOptimistic(base, { op: 'moveTask', id: 'A', list: 'L2', index: 0 }, 't');
    expect(JSON.stringify(base)).toBe(snapshot);
  });
});
