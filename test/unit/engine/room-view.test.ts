// A room's watchers by delta (room-view.ts), on vitest's fake clock: the
// first view whole, then each burst's delta from the view every watcher was
// last given, so that each watcher, applying them, has the room's view.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomViewState } from '../../../src/background/engine/room-view';
import { EngineStore, type KV } from '../../../src/background/engine/store';
import { emptyItems, withChanges } from '../../../src/core/room';
import type { PendingEdit, RoomItems, RoomView } from '../../../src/core/types';
import { applyViewDelta, type ViewListener } from '../../../src/core/view-delta';
import { noNotes } from '../../../src/core/notes/view';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const memory = (): KV => {
  const data = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => data.get(key) as T | undefined,
    set: async (key, value) => void data.set(key, value),
    remove: async (keys) => void [keys].flat().forEach((key) => data.delete(key)),
    getMany: async (keys) => Object.fromEntries(keys.filter((key) => data.has(key)).map((key) => [key, data.get(key)])),
    setMany: async (values) => void Object.entries(values).forEach(([key, value]) => data.set(key, value)),
  };
};

function room() {
  let items: RoomItems = withChanges(emptyItems(), [{ kind: 'tasklist', id: 'L1', name: 'Sound' }], []);
  let pending: PendingEdit[] = [];
  const state = new RoomViewState(
    {
      ref: { account: 'xmpp:alice@example.org', jid: 'room@muc.example.org' },
      rights: () => 'moderator',
      shownItems: () => ({ items, pending }),
      serverItems: () => items,
      skipped: () => new Map(),
      loaded: () => true,
      notes: noNotes,
      notesSnapshot: () => undefined,
      participants: () => ({}),
      online: () => true,
      connectionStatus: () => 'live',
      connectionProblem: () => undefined,
    },
    { store: new EngineStore(memory(), memory()), key: 'room', now: Date.now, log: () => undefined },
    'Stream',
    undefined,
  );
  const addTask = (id: string, done = false) => {
    items = withChanges(items, [{ kind: 'task', id, list: 'L1', name: id, order: 0, done }], []);
    pending = [{ id: `edit-${id}`, itemId: id, kind: 'setDone' }];
    state.changed();
  };
  /** a watcher that rebuilds its view from what it is given, as a page does */
  const watcher = () => {
    const got: { view?: RoomView; whole: number; deltas: number } = { whole: 0, deltas: 0 };
    const listener: ViewListener = (view, change) => {
      if (change) {
        got.deltas++;
        got.view = applyViewDelta(structuredClone(got.view!), structuredClone(change.delta));
      } else {
        got.whole++;
        got.view = structuredClone(view);
      }
    };
    return { got, listener };
  };
  return { state, addTask, watcher };
}

describe('room view pushes', () => {
  it('give a watcher the whole view once, then one delta per burst, from which it has the room', async () => {
    const { state, addTask, watcher } = room();
    const one = watcher();
    state.watch(one.listener);
    addTask('t1');
    addTask('t2');
    await vi.advanceTimersByTimeAsync(0);
    addTask('t1', true);
    await vi.advanceTimersByTimeAsync(300);
    expect(one.got).toMatchObject({ whole: 1, deltas: 2 });
    expect(one.got.view).toEqual(structuredClone(state.get()));
    await state.close();
  });

  it('bring the watchers up to date before a new one comes, so that every later delta is from the view they all have', async () => {
    const { state, addTask, watcher } = room();
    const first = watcher();
    state.watch(first.listener);
    addTask('t1'); // not pushed yet when the second watcher comes
    const second = watcher();
    state.watch(second.listener);
    expect(first.got).toMatchObject({ whole: 1, deltas: 1 });
    expect(second.got.view).toEqual(first.got.view);
    addTask('t2');
    await vi.advanceTimersByTimeAsync(300);
    expect(first.got.view).toEqual(structuredClone(state.get()));
    expect(second.got.view).toEqual(structuredClone(state.get()));
    expect(second.got).toMatchObject({ whole: 1, deltas: 1 });
    await state.close();
  });
});
