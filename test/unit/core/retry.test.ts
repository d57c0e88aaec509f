import { describe, expect, test } from 'vitest';
import { RETRY_CAP_MS, retryDelay } from '../../../src/core/retry';

describe('retryDelay', () => {
  test('between half and all of 1 s × 2^(attempt-1), capped at 60 s', () => {
    expect(retryDelay(1, () => 0)).toBe(500);
    expect(retryDelay(1, () => 1)).toBe(1000);
    expect(retryDelay(3, () => 0)).toBe(2000);
    expect(retryDelay(3, () => 1)).toBe(4000);
    expect(retryDelay(7, () => 1)).toBe(60_000);
    expect(retryDelay(50, () => 0)).toBe(30_000);
    expect(retryDelay(10_000, () => 1)).toBe(60_000);
  });

  test('jitter spreads retries', () => {
    const values = new Set([0, 0.25, 0.5, 0.75].map((r) => retryDelay(4, () => r)));
    expect(values.size).toBe(4);
  });

  test('odd inputs still give a delay within bounds, never 0', () => {
    for (const attempt of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2.5]) {
      for (const r of [0, 0.5, 1, -3, 7, Number.NaN]) {
        const d = retryDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(500);
        expect(d).toBeLessThanOrEqual(RETRY_CAP_MS);
      }
    }
  });

  test('uses Math.random by default and stays in bounds', () => {
    for (let i = 0; i < 100; i++) {
      const d = retryDelay(6);
      expect(d).toBeGreaterThanOrEqual(16_000);
      expect(d).toBeLessThanOrEqual(32_000);
    }
  });
});
