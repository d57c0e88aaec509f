// Coalesced pushes, on vitest's fake clock: what a receiver gets during a
// burst, and that the last value always arrives. A delivery's cost is played
// by moving the clock while it runs (as copying a big view takes time).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../../src/background/coalesce';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A receiver whose every delivery takes `costMs`. */
function receiver(costMs: number) {
  const got: number[] = [];
  const deliver = (v: number) => {
    got.push(v);
    vi.setSystemTime(Date.now() + costMs);
  };
  return { got, deliver };
}

describe('coalesce', () => {
  it('delivers a single change at once', () => {
    const got: number[] = [];
    const push = coalesce((v: number) => got.push(v), 100);
    push(1);
    expect(got).toEqual([1]);
  });

  it('during a burst of costly deliveries delivers about one value per interval, and always the last one', () => {
    const { got, deliver } = receiver(30);
    const push = coalesce(deliver, 100);
    for (let i = 1; i <= 1000; i++) {
      push(i);
      vi.advanceTimersByTime(1); // a burst over one second
    }
    vi.advanceTimersByTime(1000);
    expect(got[0]).toBe(1);
    expect(got.at(-1)).toBe(1000);
    // one per interval, plus what the bucket lets through at once at the start
    expect(got.length).toBeLessThanOrEqual(12);
    expect(got).toEqual([...got].sort((a, b) => a - b));
  });

  it("an edit's two pushes of a costly view both go at once; a third right after waits for what they cost", () => {
    const { got, deliver } = receiver(10);
    const push = coalesce(deliver, 100);
    push(1);
    push(2);
    expect(got).toEqual([1, 2]);
    push(3);
    expect(got).toEqual([1, 2]);
    vi.advanceTimersByTime(100);
    expect(got).toEqual([1, 2, 3]);
  });

  it('cheap deliveries are never held back: a change and another right after both go at once', () => {
    const got: number[] = [];
    const push = coalesce((v: number) => got.push(v), 100);
    push(1);
    push(2);
    expect(got).toEqual([1, 2]);
  });

  it('after a quiet interval the next change goes at once again', () => {
    const { got, deliver } = receiver(30);
    const push = coalesce(deliver, 100);
    push(1);
    push(2);
    vi.advanceTimersByTime(100);
    expect(got).toEqual([1, 2]);
    vi.advanceTimersByTime(100);
    push(3);
    expect(got).toEqual([1, 2, 3]);
  });

  it('cancel drops a waiting value', () => {
    const { got, deliver } = receiver(30);
    const push = coalesce(deliver, 100);
    push(1);
    push(2);
    push.cancel();
    vi.advanceTimersByTime(1000);
    expect(got).toEqual([1]);
  });
});
