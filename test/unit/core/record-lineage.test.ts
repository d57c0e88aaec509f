// Versions of a room's records compared by the ids changed between them
// (record-lineage.ts) must give exactly what comparing them whole gives: the
// view deltas the worker sends and the lists the page groups again depend on
// it. Random edits of every kind the engine and the page make (model
// changes, in-place changes of the server's copy, deltas applied), each
// version diffed against earlier ones by lineage and against structured
// copies of the same versions, which have none.
import { describe, expect, it, vi } from 'vitest';
import { changedBetween } from '../../../src/core/record-lineage';
import { withItem, withoutItem } from '../../../src/core/room';
import { tasksCodec } from '../../../src/core/tasks-node';
import type { RoomItems, RoomView } from '../../../src/core/types';
import { diffViews } from '../../../src/core/view-delta';
import { makeView } from '../ui/fixtures';
import { change, random, startingRoom } from './room-changes';

const view = (items: RoomItems): RoomView => makeView([], { items });

const sorted = (delta: ReturnType<typeof diffViews>) =>
  delta && {
    ...delta,
    ...(delta.tasks && {
      tasks: { put: [...delta.tasks.put].sort((a, b) => a.id.localeCompare(b.id)), removed: [...delta.tasks.removed].sort() },
    }),
    ...(delta.lists && {
      lists: { put: [...delta.lists.put].sort((a, b) => a.id.localeCompare(b.id)), removed: [...delta.lists.removed].sort() },
    }),
  };

describe('record lineage', () => {
  it('gives the same deltas as comparing whole records, over random changes of every kind and between versions apart and on other branches', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const versions = [startingRoom()];
      for (let step = 0; step < 30; step++) {
        // a branch now and then: a version made from an older one (the shown items beside the server's)
        const base = next() < 0.2 ? versions[Math.max(0, versions.length - 3)]! : versions.at(-1)!;
        versions.push(change(base, next));
      }
      for (let i = 0; i < versions.length; i++) {
        for (let j = Math.max(0, i - 8); j < i; j++) {
          const byLineage = diffViews(view(versions[j]!), view(versions[i]!));
          const whole = diffViews(structuredClone(view(versions[j]!)), structuredClone(view(versions[i]!)));
          expect(sorted(byLineage), `seed ${seed}, versions ${j} → ${i}`).toEqual(sorted(whole));
        }
      }
    }
  });

  it('knows the ids changed between versions a few copies apart, and nothing of versions made apart', () => {
    const start = startingRoom();
    const a = withItem(start, { kind: 'task', id: 'T0-1', list: 'L0', name: 'Done', order: 1, done: true });
    const b = withoutItem(a, 'T1-1');
    const server = tasksCodec.copy(start);
    tasksCodec.put(server, { kind: 'task', id: 'T2-2', list: 'L1', name: 'Moved', order: 0, done: false });
    expect([...changedBetween(start.tasks, b.tasks)!].sort()).toEqual(['T0-1', 'T1-1']);
    // two branches of `start`: what either changed
    expect([...changedBetween(b.tasks, server.tasks)!].sort()).toEqual(['T0-1', 'T1-1', 'T2-2']);
    expect(changedBetween(b.tasks, b.tasks)!.size).toBe(0);
    expect(changedBetween(startingRoom().tasks, b.tasks)).toBeUndefined();
  });

  it('is known to every copy of the module in a context: the content script and its panel each bundle one', async () => {
    vi.resetModules();
    const other = await import('../../../src/core/record-lineage');
    expect(other.changedBetween).not.toBe(changedBetween);
    const start = startingRoom();
    const next = withItem(start, { kind: 'task', id: 'T0-1', list: 'L0', name: 'Done', order: 1, done: true });
    expect([...other.changedBetween(start.tasks, next.tasks)!]).toEqual(['T0-1']);
  });

  it('forgets versions more than a few copies back, so that old versions of a big room are not kept', () => {
    const start = startingRoom();
    let items = start;
    for (let i = 0; i < 20; i++) items = withItem(items, { kind: 'task', id: 'T0-0', list: 'L0', name: `v${i}`, order: 0, done: false });
    expect(changedBetween(start.tasks, items.tasks)).toBeUndefined();
    // and the comparison falls back to the whole records
    expect(diffViews(view(start), view(items))?.tasks?.put.map((t) => t.name)).toEqual(['v19']);
  });
});
