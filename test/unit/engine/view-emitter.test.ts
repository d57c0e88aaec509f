// When a room pushes its view, on vitest's fake clock: a push's cost is
// played by moving the clock while it runs (building and copying a big room).
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

describe('view pushes', () => {
  it('the changes of one task go as one push, right after it', () => {
    const { pushed, change } = room(0);
    change();
    change();
    change();
    expect(pushed).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(pushed).toEqual([3]);
  });

  it('a cheap room pushes each change at once, however close', () => {
    const { pushed, change } = room(0);
    change();
    vi.advanceTimersByTime(0);
    change();
    vi.advanceTimersByTime(0);
    expect(pushed).toEqual([1, 2]);
  });

  it('costly pushes in a row are paced, and a held push carries the latest state', () => {
    const { pushed, change } = room(30);
    change();
    vi.advanceTimersByTime(0);
    change();
    change();
    vi.advanceTimersByTime(0);
    expect(pushed).toEqual([1]);
    vi.advanceTimersByTime(250);
    expect(pushed).toEqual([1, 3]);
  });

  it('cancel drops a waiting push', () => {
    const { pushed, emitter, change } = room(0);
    change();
    emitter.cancel();
    vi.advanceTimersByTime(1000);
    expect(pushed).toEqual([]);
  });
});
