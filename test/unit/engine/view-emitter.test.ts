// When a room pushes its view, on vitest's fake clock: a push's cost is
// played by moving the clock while it runs (building and copying a big room).
// A push waits for the end of the code that made the change (a microtask).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewEmitter } from '../../../src/background/engine/view-emitter';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function room(costMs: number) {
  let state = 0;
  const pushed: number[] = [];
  const emitter = new ViewEmitter(() => {
    pushed.push(state);
    vi.setSystemTime(Date.now() + costMs);
  });
  const change = () => {
    state += 1;
    emitter.changed();
  };
  return { pushed, emitter, change };
}

/** The end of the current run of code: queued microtasks run. */
const endOfRun = () => Promise.resolve();

describe('view pushes', () => {
  it('the changes of one run of code go as one push, right after it, before any timer', async () => {
    const { pushed, change } = room(0);
    change();
    change();
    change();
    expect(pushed).toEqual([]);
    await endOfRun();
    expect(pushed).toEqual([3]);
  });

  it('a cheap room pushes each change at once, however close', async () => {
    const { pushed, change } = room(0);
    change();
    await endOfRun();
    change();
    await endOfRun();
    expect(pushed).toEqual([1, 2]);
  });

  it('costly pushes in a row are paced, and a held push carries the latest state', async () => {
    const { pushed, change } = room(30);
    change();
    await endOfRun();
    change();
    change();
    await endOfRun();
    expect(pushed).toEqual([1]);
    vi.advanceTimersByTime(250);
    expect(pushed).toEqual([1, 3]);
  });

  it('cancel drops a waiting push, and a change after it is pushed once', async () => {
    const { pushed, emitter, change } = room(0);
    change();
    emitter.cancel();
    await endOfRun();
    vi.advanceTimersByTime(1000);
    expect(pushed).toEqual([]);
    change();
    emitter.cancel();
    change();
    await endOfRun();
    expect(pushed).toEqual([3]);
  });
});
