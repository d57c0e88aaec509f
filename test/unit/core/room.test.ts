import { describe, expect, test } from 'vitest';
import {
  emptyItems,
  getList,
  getTask,
  nextOrder,
  openTasksCount,
  planMove,
  record,
  sortedLists,
  tasksOf,
  withChanges,
  withItem,
  withoutItem,
} from '../../../src/core/room';
import type { RoomItems, Task } from '../../../src/core/types';
import { list, room, task } from './fixtures';
import { officialSaveOrders } from './helpers';

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const orders = (moves: Task[]) => moves.map((t) => [t.id, t.list, t.order]);
/** The room after publishing `moves`, as every client will see it. */
const after = (items: RoomItems, moves: Task[]) => moves.reduce((r, t) => withItem(r, { kind: 'task', ...t }), items);

describe('immutable updates', () => {
  const base = room([list('L1')], [task('a', 'L1', 1)]);

  test('withItem returns new objects and leaves the old state untouched', () => {
    const next = withItem(base, { kind: 'task', ...task('b', 'L1', 2) });
    expect(next).not.toBe(base);
    expect(next.tasks).not.toBe(base.tasks);
    expect(next.lists).toBe(base.lists); // an unchanged part keeps its identity
    expect(ids(tasksOf(base, 'L1'))).toEqual(['a']);
    expect(ids(tasksOf(next, 'L1'))).toEqual(['a', 'b']);
  });

  test('withItem replaces an item with the same id', () => {
    const next = withItem(base, { kind: 'task', ...task('a', 'L1', 1, { name: 'renamed' }) });
    expect(getTask(next, 'a')?.name).toBe('renamed');
    expect(Object.keys(next.tasks)).toEqual(['a']);
  });

  test('an id names one item: a task published under a list id replaces the list', () => {
    const next = withItem(base, { kind: 'task', ...task('L1', 'L1', 5) });
    expect(getList(next, 'L1')).toBeUndefined();
    expect(getTask(next, 'L1')).toBeDefined();
    const back = withItem(next, { kind: 'tasklist', ...list('L1') });
    expect(getTask(back, 'L1')).toBeUndefined();
  });

  test('stored items carry no kind field', () => {
    expect(getList(base, 'L1')).not.toHaveProperty('kind');
    expect(getTask(base, 'a')).not.toHaveProperty('kind');
  });

  test('withoutItem removes lists and tasks, and returns the same object when nothing changes', () => {
    const next = withoutItem(base, 'a');
    expect(getTask(next, 'a')).toBeUndefined();
    expect(next.lists).toBe(base.lists);
    expect(withoutItem(base, 'nope')).toBe(base);
    expect(getList(withoutItem(base, 'L1'), 'L1')).toBeUndefined();
  });

  test('withChanges applies several items and removals as withItem and withoutItem would, leaving the old state untouched', () => {
    const start = room([list('L1'), list('L2')], [task('a', 'L1', 1), task('b', 'L1', 2), task('c', 'L2', 1)]);
    const put = [
      { kind: 'task' as const, ...task('a', 'L2', 2) },
      { kind: 'task' as const, ...task('d', 'L1', 3) },
    ];
    const next = withChanges(start, put, ['b']);
    const oneByOne = put.reduce((r, item) => withItem(r, item), withoutItem(start, 'b'));
    expect(next).toEqual(oneByOne);
    expect(ids(tasksOf(next, 'L2'))).toEqual(['c', 'a']);
    expect(ids(tasksOf(start, 'L1'))).toEqual(['a', 'b']);
    expect(next.lists).toBe(start.lists); // no list touched: same record
    expect(withChanges(start, [], ['nope'])).toBe(start);
  });

  test('withChanges: an id names one item, a task under a list id replaces the list', () => {
    const next = withChanges(base, [{ kind: 'task', ...task('L1', 'L1', 5) }], []);
    expect(getList(next, 'L1')).toBeUndefined();
    expect(getTask(next, 'L1')?.order).toBe(5);
    expect(getList(base, 'L1')).toBeDefined();
  });

  test('hostile ids (__proto__, constructor) are ordinary keys', () => {
    let items = emptyItems();
    expect(getList(items, 'constructor')).toBeUndefined();
    expect(getTask(items, 'toString')).toBeUndefined();
    items = withItem(items, { kind: 'tasklist', ...list('__proto__', 'P') });
    items = withItem(items, { kind: 'task', ...task('constructor', '__proto__', 1) });
    expect(getList(items, '__proto__')?.name).toBe('P');
    expect(ids(sortedLists(items))).toEqual(['__proto__']);
    expect(ids(tasksOf(items, '__proto__'))).toEqual(['constructor']);
    expect(getTask(withoutItem(items, 'constructor'), 'constructor')).toBeUndefined();
  });

  test("a record's copy keeps hostile ids as its own keys, has no prototype, and takes no inherited key", () => {
    // as a cache restores it (structured clone): a plain object, "__proto__" an own key
    const restored = JSON.parse('{"__proto__": 1, "constructor": 2, "a": 3}') as Record<string, number>;
    const inherited = Object.setPrototypeOf(restored, { fromPrototype: 4 }) as Record<string, number>;
    const copy = record(inherited);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy)).toEqual(['__proto__', 'constructor', 'a']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toBe(1);
    expect('fromPrototype' in copy).toBe(false);
    expect(Object.keys(record())).toEqual([]);
  });
});

describe('sortedLists: as the official client (lower-cased, code units)', () => {
  // the official comparator (task-lists.js), for comparison
  const official = (a: { name: string }, b: { name: string }) => {
    const n1 = a.name.toLowerCase();
    const n2 = b.name.toLowerCase();
    return n1 < n2 ? -1 : n1 > n2 ? 1 : 0;
  };

  test('case-insensitive alphabetical', () => {
    const items = room([list('1', 'banana'), list('2', 'Apple'), list('3', 'cherry'), list('4', 'apricot')], []);
    expect(sortedLists(items).map((l) => l.name)).toEqual(['Apple', 'apricot', 'banana', 'cherry']);
  });

  test('not locale-aware: accented and non-Latin names after z, like the official client', () => {
    const names = ['été', 'Zoo', 'avion', 'Ábaco', 'مهام', '10 things', '2 things', '_x'];
    const items = room(
      names.map((n, i) => list(`id${i}`, n)),
      [],
    );
    const expected = names
      .map((name) => ({ name }))
      .sort(official)
      .map((l) => l.name);
    expect(sortedLists(items).map((l) => l.name)).toEqual(expected);
    expect(expected).toEqual(['10 things', '2 things', '_x', 'avion', 'Zoo', 'Ábaco', 'été', 'مهام']);
  });

  test('equal names (whatever the case) are ordered by id, the same on every client', () => {
    const items = room([list('c', 'Todo'), list('a', 'todo'), list('b', 'TODO')], []);
    expect(ids(sortedLists(items))).toEqual(['a', 'b', 'c']);
  });
});

describe('tasksOf, openTasksCount, nextOrder', () => {
  const items = room(
    [list('L1'), list('L2')],
    [task('b', 'L1', 2), task('a', 'L1', 2), task('c', 'L1', 1, { done: true }), task('d', 'L2', 0), task('z', 'gone', 1)],
  );

  test('by order, ties by id, only the list asked for', () => {
    expect(ids(tasksOf(items, 'L1'))).toEqual(['c', 'a', 'b']);
    expect(ids(tasksOf(items, 'L2'))).toEqual(['d']);
    expect(tasksOf(items, 'none')).toEqual([]);
  });

  test('open tasks over existing lists only', () => {
    expect(openTasksCount(items)).toBe(3); // z's list is gone: shown nowhere, not counted
  });

  test('open tasks counted again from the last count by the tasks changed, the same as counting them all', () => {
    let next = items;
    const steps: ((i: typeof items) => typeof items)[] = [
      (i) => withItem(i, { kind: 'task', ...task('a', 'L1', 2), done: true }),
      (i) => withoutItem(i, 'd'),
      (i) => withItem(i, { kind: 'task', ...task('n', 'L2', 5) }),
      (i) => withItem(i, { kind: 'task', ...task('z', 'L2', 1) }), // back in a list that exists
      (i) => withChanges(i, [{ kind: 'task', ...task('c', 'L1', 1) }], ['b']),
    ];
    for (const step of steps) {
      next = step(next);
      // a structured copy has no lineage and no count: counted whole
      expect(openTasksCount(next)).toBe(openTasksCount(structuredClone(next)));
    }
    expect(openTasksCount(next)).toBe(3);
  });

  test('a new task goes after the highest order: 1 + max(0, orders)', () => {
    expect(nextOrder(items, 'L1')).toBe(3);
    expect(nextOrder(items, 'L2')).toBe(1);
    expect(nextOrder(items, 'empty')).toBe(1);
    expect(nextOrder(room([list('N')], [task('n', 'N', -5)]), 'N')).toBe(1);
  });
});

describe('planMove: the official numbering, the fewest publishes', () => {
  const abc = room(
    [list('L1'), list('L2'), list('L3')],
    [task('A', 'L1', 1), task('B', 'L1', 2), task('C', 'L1', 3), task('X', 'L2', 1), task('Y', 'L2', 2)],
  );
  const models = (items: RoomItems, listId: string) => tasksOf(items, listId).map((t) => ({ id: t.id, order: t.order }));
  /** A list of `n` tasks numbered 0 to n - 1, as the bench's: no gap anywhere. */
  const dense = (n: number) =>
    room(
      [list('L1')],
      Array.from({ length: n }, (_, i) => task(`t${String(i).padStart(2, '0')}`, 'L1', i)),
    );

  test('same list, down one: the two tasks swap orders', () => {
    const moves = planMove(abc, 'A', 'L1', 1);
    expect(orders(moves)).toEqual([
      ['B', 'L1', 1],
      ['A', 'L1', 2],
    ]);
    expect(ids(tasksOf(after(abc, moves), 'L1'))).toEqual(['B', 'A', 'C']);
  });

  test('same list, up one: the two tasks swap orders', () => {
    const moves = planMove(abc, 'C', 'L1', 1);
    expect(orders(moves)).toEqual([
      ['B', 'L1', 3],
      ['C', 'L1', 2],
    ]);
    expect(ids(tasksOf(after(abc, moves), 'L1'))).toEqual(['A', 'C', 'B']);
  });

  test('one down in a list without gaps: two publishes, where the official client republishes every task below', () => {
    const items = dense(99);
    const moves = planMove(items, 't10', 'L1', 11);
    expect(orders(moves)).toEqual([
      ['t11', 'L1', 10],
      ['t10', 'L1', 11],
    ]);
    expect(officialSaveOrders(models(items, 'L1'), 't10', 12)).toHaveLength(88);
    expect(ids(tasksOf(after(items, moves), 'L1')).slice(9, 13)).toEqual(['t09', 't11', 't10', 't12']);
  });

  test('a long way down a list without gaps: the shorter run moves, toward the gap the task left', () => {
    const items = dense(99);
    const moves = planMove(items, 't10', 'L1', 50);
    // t11..t50 (40 tasks) move up one into the gap; the 48 after would be the other way
    expect(moves).toHaveLength(41);
    expect(orders(moves).at(-1)).toEqual(['t10', 'L1', 50]);
    const result = tasksOf(after(items, moves), 'L1');
    expect(result.findIndex((t) => t.id === 't10')).toBe(50);
    expect(new Set(result.map((t) => t.order)).size).toBe(99);
  });

  test('same list, to the bottom: one publish', () => {
    const moves = planMove(abc, 'A', 'L1', 2);
    expect(orders(moves)).toEqual([['A', 'L1', 4]]);
    expect(ids(tasksOf(after(abc, moves), 'L1'))).toEqual(['B', 'C', 'A']);
  });

  test('to the top: order 0, as a drop on the list, and nothing else when the first task is above 0', () => {
    const moves = planMove(abc, 'C', 'L1', 0);
    expect(orders(moves)).toEqual([['C', 'L1', 0]]);
    expect(ids(tasksOf(after(abc, moves), 'L1'))).toEqual(['C', 'A', 'B']);
  });

  test('a gap stops the renumbering', () => {
    const gaps = room([list('L1')], [task('A', 'L1', 1), task('B', 'L1', 5), task('C', 'L1', 9)]);
    const moves = planMove(gaps, 'C', 'L1', 1);
    expect(orders(moves)).toEqual([['C', 'L1', 2]]);
    expect(ids(tasksOf(after(gaps, moves), 'L1'))).toEqual(['A', 'C', 'B']);
  });

  test('a renumbering that would not change an order publishes nothing for that task', () => {
    const items = room([list('L1')], [task('A', 'L1', 1), task('B', 'L1', 4), task('C', 'L1', 7)]);
    // official: newOrder 2, B set to 4 (unchanged, published anyway), stops at C
    expect(officialSaveOrders(models(items, 'L1'), 'C', 2)).toEqual([
      ['B', 4],
      ['C', 2],
    ]);
    expect(orders(planMove(items, 'C', 'L1', 1))).toEqual([['C', 'L1', 2]]);
  });

  test('already there: nothing to publish', () => {
    expect(planMove(abc, 'A', 'L1', 0)).toEqual([]);
    expect(planMove(abc, 'B', 'L1', 1)).toEqual([]);
    expect(planMove(abc, 'C', 'L1', 2)).toEqual([]);
    expect(planMove(abc, 'C', 'L1', 99)).toEqual([]);
  });

  test('to another list, between two tasks, keeping its name and data', () => {
    const moves = planMove(abc, 'A', 'L2', 1);
    // no gap between X and Y: Y moves up one (X down to 0 would be as many publishes, below the list)
    expect(orders(moves)).toEqual([
      ['Y', 'L2', 3],
      ['A', 'L2', 2],
    ]);
    expect(moves.at(-1)).toMatchObject({ name: 'task A', done: false });
    const next = after(abc, moves);
    expect(ids(tasksOf(next, 'L2'))).toEqual(['X', 'A', 'Y']);
    expect(ids(tasksOf(next, 'L1'))).toEqual(['B', 'C']);
  });

  test('to the top of another list', () => {
    const moves = planMove(abc, 'A', 'L2', 0);
    expect(orders(moves)).toEqual([['A', 'L2', 0]]);
    expect(ids(tasksOf(after(abc, moves), 'L2'))).toEqual(['A', 'X', 'Y']);
  });

  test('to the end of another list', () => {
    expect(orders(planMove(abc, 'A', 'L2', 2))).toEqual([['A', 'L2', 3]]);
  });

  test('to an empty list: order 0', () => {
    expect(orders(planMove(abc, 'B', 'L3', 0))).toEqual([['B', 'L3', 0]]);
    expect(orders(planMove(abc, 'B', 'L3', 5))).toEqual([['B', 'L3', 0]]);
  });

  test('out-of-range and odd indexes are clamped', () => {
    expect(orders(planMove(abc, 'A', 'L1', 99))).toEqual([['A', 'L1', 4]]);
    expect(planMove(abc, 'A', 'L1', -3)).toEqual([]);
    expect(planMove(abc, 'A', 'L1', Number.NaN)).toEqual([]);
    expect(orders(planMove(abc, 'A', 'L1', 1.7))).toEqual(orders(planMove(abc, 'A', 'L1', 1)));
  });

  test('an unknown task: nothing', () => {
    expect(planMove(abc, 'nope', 'L1', 0)).toEqual([]);
  });

  test('tied orders (two clients appended at once): the task still lands where asked', () => {
    const tied = room([list('L1'), list('L2')], [task('A', 'L1', 1), task('B', 'L1', 1), task('C', 'L1', 1), task('X', 'L2', 1)]);
    // the official scheme would put X after C: orders 1,1,1 stay below the new order 2
    const official = officialSaveOrders(models(tied, 'L1'), 'X', 2);
    expect(official).toEqual([['X', 2]]);
    const moves = planMove(tied, 'X', 'L1', 1);
    expect(ids(tasksOf(after(tied, moves), 'L1'))).toEqual(['A', 'X', 'B', 'C']);
    expect(orders(moves)).toEqual([
      ['B', 'L1', 3],
      ['C', 'L1', 4],
      ['X', 'L1', 2],
    ]);
  });

  test('negative orders: the task still goes to the top', () => {
    const neg = room([list('L1')], [task('A', 'L1', -5), task('B', 'L1', 3)]);
    const moves = planMove(neg, 'B', 'L1', 0);
    expect(ids(tasksOf(after(neg, moves), 'L1'))).toEqual(['B', 'A']);
    expect(orders(moves)).toEqual([['B', 'L1', -6]]);
  });

  test('random rooms: always lands where asked, and never publishes more than the official client would', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const distinct = round % 2 === 0;
      const tasks: Task[] = [];
      const used = new Set<number>();
      for (let i = 0; i < 1 + rnd(7); i++) {
        let order = rnd(12);
        if (distinct) while (used.has(order)) order = rnd(30);
        used.add(order);
        tasks.push(task(`t${i}`, rnd(2) ? 'L1' : 'L2', order));
      }
      const items = room([list('L1'), list('L2')], tasks);
      const moved = tasks[rnd(tasks.length)]!;
      const target = rnd(2) ? 'L1' : 'L2';
      const index = rnd(tasks.length + 1);
      const moves = planMove(items, moved.id, target, index);
      const others = tasksOf(items, target).filter((t) => t.id !== moved.id);
      const at = Math.min(index, others.length);
      const result = tasksOf(after(items, moves), target);
      expect(result.findIndex((t) => t.id === moved.id)).toBe(at);
      expect(ids(result.filter((t) => t.id !== moved.id))).toEqual(ids(others)); // the others keep their order
      // orders go below 0 only at the top of a list already there
      const lowest = Math.min(0, ...tasksOf(items, target).map((t) => t.order));
      for (const t of moves) expect(t.order).toBeGreaterThanOrEqual(t.id === moved.id && at === 0 ? lowest - 1 : lowest);
      if (distinct && moves.length) {
        const newOrder = at === 0 ? 0 : others[at - 1]!.order + 1;
        const officialSaves = officialSaveOrders(tasksOf(items, target), moved.id, newOrder).filter(
          ([id, order]) => id === moved.id || getTask(items, id)!.order !== order,
        );
        expect(moves.length).toBeLessThanOrEqual(officialSaves.length);
      }
    }
  });
});
