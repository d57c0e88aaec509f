// Coalesced pushes, on vitest's fake clock: what a receiver gets during a
// burst, and that the last value always arrives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../../src/background/coalesce';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('coalesce', () => {
  it('delivers a single change at once', () => {
    const got: number[] = [];
    const push = coalesce((v: number) => got.push(v), 100);
    push(1);
    expect(got).toEqual([1]);
  });

  it('during a burst delivers at most one value per interval, and always the last one', () => {
    const got: number[] = [];
    const push = coalesce((v: number) => got.push(v), 100);
    for (let i = 1; i <= 1000; i++) {
      push(i);
      vi.advanceTimersByTime(1); // a burst over one second
    }
    vi.advanceTimersByTime(1000);
    expect(got[0]).toBe(1);
    expect(got.at(-1)).toBe(1000);
    expect(got.length).toBeLessThanOrEqual(11);
    expect(got).toEqual([...got].sort((a, b) => a - b));
  });

  it('after a quiet interval the next change goes at once again', () => {
    const got: number[] = [];
    const push = coalesce((v: number) => got.push(v), 100);
    push(1);
    push(2);
    vi.advanceTimersByTime(100);
    expect(got).toEqual([1, 2]);
    vi.advanceTimersByTime(100);
    push(3);
    expect(got).toEqual([1, 2, 3]);
  });

  it('cancel drops a waiting value', () => {
    const got: number[] = [];
    const push = coalesce((v: number) => got.push(v), 100);
    push(1);
    push(2);
    push.cancel();
    vi.advanceTimersByTime(1000);
    expect(got).toEqual([1]);
  });
});
