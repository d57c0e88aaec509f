// @vitest-environment happy-dom
// Tasks grouped by list at each view, regrouped from the changed tasks alone:
// after every kind of change (toggle, move within and across lists, delete,
// add, a view from a delta, a whole new view) each list holds exactly its
// tasks in order, and the lists no change touched keep their array (their
// sections do not render again).
import { renderHook } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { emptyItems, withChanges, withItem, withoutItem } from '../../../src/core/room';
import { byOrderThenId } from '../../../src/core/room-query';
import type { Item, RoomItems, Task } from '../../../src/core/types';
import { applyViewDelta, diffViews } from '../../../src/core/view-delta';
import { makeView } from './fixtures';
import { useTasksByList } from '../../../src/ui/roomGroups';

const LISTS = ['L0', 'L1', 'L2'];

function room(): RoomItems {
  const put: Item[] = LISTS.map((id) => ({ kind: 'tasklist', id, name: id }));
  for (const list of LISTS)
    for (let t = 0; t < 5; t++) put.push({ kind: 'task', id: `${list}-${t}`, list, name: `t${t}`, order: t, done: false });
  return withChanges(emptyItems(), put, []);
}

/** The grouping done the plain way: every task of the room, per list, sorted. */
function expected(items: RoomItems): Record<string, string[]> {
  return Object.fromEntries(
    LISTS.map((list) => [
      list,
      Object.values(items.tasks)
        .filter((t) => t.list === list)
        .sort(byOrderThenId)
        .map((t) => t.id),
    ]),
  );
}

const ids = (byList: Map<string, readonly Task[]>) => Object.fromEntries(LISTS.map((l) => [l, (byList.get(l) ?? []).map((t) => t.id)]));
const task = (items: RoomItems, id: string, change: Partial<Task>): Item => ({ kind: 'task', ...items.tasks[id]!, ...change });

describe('tasks by list', () => {
  it('hold each list’s tasks in order after every kind of change, and untouched lists keep their array', () => {
    const start = room();
    const { result, rerender } = renderHook(({ items }) => useTasksByList(items, LISTS), { initialProps: { items: start } });
    const changes: [string, (items: RoomItems) => RoomItems, string[]][] = [
      ['toggle', (i) => withItem(i, task(i, 'L0-1', { done: true })), ['L0']],
      ['move within a list', (i) => withItem(i, task(i, 'L0-0', { order: 9 })), ['L0']],
      ['move to another list', (i) => withChanges(i, [task(i, 'L1-2', { list: 'L2', order: 0 })], []), ['L1', 'L2']],
      ['delete', (i) => withoutItem(i, 'L2-4'), ['L2']],
      ['add', (i) => withItem(i, { kind: 'task', id: 'new', list: 'L1', name: 'new', order: 2, done: false }), ['L1']],
      [
        'a view from a delta, as a page gets it',
        (i) => {
          const next = withItem(i, task(i, 'L2-0', { name: 'renamed', order: 7 }));
          const view = (items: RoomItems) => makeView([], { items });
          return applyViewDelta(view(i), structuredClone(diffViews(view(i), view(next))!)).items;
        },
        ['L2'],
      ],
      ['a whole new view (no lineage)', (i) => structuredClone(withItem(i, task(i, 'L0-2', { list: 'L1' }))), LISTS],
    ];
    let items = start;
    for (const [what, make, touched] of changes) {
      const before = result.current;
      items = make(items);
      rerender({ items });
      expect(ids(result.current), what).toEqual(expected(items));
      for (const list of LISTS) {
        if (touched.includes(list)) continue;
        expect(result.current.get(list), `${what}: ${list} untouched`).toBe(before.get(list));
      }
    }
  });
});
