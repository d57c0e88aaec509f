// Each list's tasks, grouped once per version of the items and then from a
// grouped version by what changed (tasks-by-list.ts), must always be what
// grouping the version whole gives; a list no change touched keeps its array.
import { describe, expect, it } from 'vitest';
import { withItem } from '../../../src/core/room';
import { byOrderThenId } from '../../../src/core/room-query';
import { tasksByList } from '../../../src/core/tasks-by-list';
import { tasksCodec } from '../../../src/core/tasks-node';
import type { RoomItems, Task } from '../../../src/core/types';
import { change, random, startingRoom } from './room-changes';

/** Grouped whole, the plain way. */
function expected(items: RoomItems): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const task of Object.values(items.tasks).sort(byOrderThenId)) (out[task.list] ??= []).push(task.id);
  return out;
}
const ids = (items: RoomItems) => Object.fromEntries([...tasksByList(items.tasks)].map(([list, tasks]) => [list, tasks.map((t) => t.id)]));

describe('tasks by list', () => {
  it('is the whole grouping at every version, over random changes, branches, and changes in place after grouping', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const versions = [startingRoom()];
      for (let step = 0; step < 40; step++) {
        const base = next() < 0.2 ? versions[Math.max(0, versions.length - 3)]! : versions.at(-1)!;
        const version = change(base, next);
        versions.push(version);
        if (next() < 0.7) expect(ids(version), `seed ${seed}, step ${step}`).toEqual(expected(version));
        if (next() < 0.15) {
          // a version read (grouped) and then changed in place, as the worker's copy of the server's items can be
          const list = Object.keys(version.lists)[0] ?? 'L0';
          tasksCodec.put(version, { kind: 'task', id: `T-late-${step}`, list, name: 'Late', order: -1, done: false });
          expect(ids(version), `seed ${seed}, step ${step}, in place`).toEqual(expected(version));
        }
      }
    }
  });

  it('regroups only the lists a change touched: the others keep their arrays', () => {
    const start = startingRoom();
    const before = tasksByList(start.tasks);
    const moved: Task = { ...start.tasks['T1-3']!, list: 'L2', order: 99 };
    const after = tasksByList(withItem(start, { kind: 'task', ...moved }).tasks);
    expect(after.get('L0')).toBe(before.get('L0'));
    expect(after.get('L3')).toBe(before.get('L3'));
    expect(after.get('L1')).not.toBe(before.get('L1'));
    expect(after.get('L1')!.map((t) => t.id)).not.toContain('T1-3');
    expect(after.get('L2')!.at(-1)).toEqual(moved);
  });

  it('drops a list whose tasks are all gone', () => {
    const start = startingRoom();
    tasksByList(start.tasks);
    let items = start;
    for (let t = 0; t < 10; t++) items = withItem(items, { kind: 'task', ...items.tasks[`T0-${t}`]!, list: 'L1' });
    expect(tasksByList(items.tasks).has('L0')).toBe(false);
    expect(tasksByList(items.tasks).get('L1')).toHaveLength(20);
  });
});
