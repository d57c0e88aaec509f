// When to try again after a network failure: the connection's back-off.

const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry): exponential from 1 s,
 * capped at 60 s, with "equal jitter" (between half and all of that), so that
 * many clients cut off together do not all come back in the same second, and
 * no retry is ever immediate.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const n = Number.isFinite(attempt) && attempt >= 1 ? Math.floor(attempt) : 1;
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (n - 1));
  const r = Math.min(1, Math.max(0, random() || 0)); // NaN counts as 0
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}
