// Random changes of a room's items of every kind the engine and the views
// make, for tests of what is derived from versions of the items.
import { emptyItems, withChanges, withItem, withoutItem } from '../../../src/core/room';
import { tasksCodec } from '../../../src/core/tasks-node';
import type { Item, RoomItems, RoomView } from '../../../src/core/types';
import { applyViewDelta, diffViews } from '../../../src/core/view-delta';
import { makeView } from '../ui/fixtures';

const view = (items: RoomItems): RoomView => makeView([], { items });

/** A small deterministic generator (mulberry32), so that a failure replays. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function startingRoom(): RoomItems {
  const put: Item[] = [];
  for (let l = 0; l < 4; l++) {
    put.push({ kind: 'tasklist', id: `L${l}`, name: `List ${l}` });
    for (let t = 0; t < 10; t++) put.push({ kind: 'task', id: `T${l}-${t}`, list: `L${l}`, name: `Task ${t}`, order: t, done: false });
  }
  return withChanges(emptyItems(), put, []);
}

/** One change of the kinds the engine and the views make, as a new version of the items. */
export function change(items: RoomItems, next: () => number): RoomItems {
  const pick = <T>(all: T[]): T => all[Math.floor(next() * all.length)]!;
  const taskIds = Object.keys(items.tasks);
  const listIds = Object.keys(items.lists);
  const id = () => (taskIds.length && next() < 0.8 ? pick(taskIds) : `T-new-${Math.floor(next() * 1e6)}`);
  const task = (taskId: string): Item => ({
    kind: 'task',
    id: taskId,
    list: listIds.length ? pick(listIds) : 'L0',
    name: `Task ${Math.floor(next() * 100)}`,
    order: Math.floor(next() * 20),
    done: next() < 0.5,
  });
  switch (Math.floor(next() * 6)) {
    case 0:
      return withItem(items, task(id()));
    case 1:
      return withoutItem(items, id());
    case 2:
      return withChanges(items, [task(id()), task(id()), { kind: 'tasklist', id: `L${Math.floor(next() * 6)}`, name: 'Renamed' }], [id()]);
    case 3: {
      // the server's copy: copied once, then changed in place by several notifications
      const own = tasksCodec.copy(items);
      tasksCodec.put(own, task(id()));
      tasksCodec.drop(own, id());
      tasksCodec.put(own, task(id()));
      return own;
    }
    case 4: {
      // what a page does: a delta from a structured copy applied to its version
      const target = withChanges(items, [task(id())], [id()]);
      const delta = diffViews(structuredClone(view(items)), structuredClone(view(target)));
      return delta ? applyViewDelta(view(items), structuredClone(delta)).items : items;
    }
    default:
      // the same entry put again (an echo): no change at all
      return taskIds.length ? withItem(items, { kind: 'task', ...items.tasks[pick(taskIds)]! }) : items;
  }
}
