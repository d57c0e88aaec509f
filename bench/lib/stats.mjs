// Small numeric helpers for the bench's figures.
export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export const median = (values) => percentile(values, 50);
export const round = (v, digits = 1) => (v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits);
export const ratio = (value, baseline) => (value === null || baseline === null || !baseline ? null : round(value / baseline, 2));

/** Runs `fn`; resolves with { value } or { error: the first line of its message }, so one side's failure keeps the other's figure. */
export async function attempt(fn) {
  try {
    return { value: await fn() };
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0].slice(0, 200) };
  }
}
