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
    return {
      error: String(error?.message ?? error)
        .split('\n')[0]
        .slice(0, 200),
    };
  }
}

const span = (values) => {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length > 1 ? [Math.min(...finite), Math.max(...finite)] : null;
};

/**
 * One figure from several runs of it (each a figure as the figure modules
 * return them): the median value and baseline, each with the min–max of the
 * runs, the ratio of the medians, and the runs' values. It fails when most
 * runs failed; a run without a value counts for nothing but its reason.
 */
export function combineRuns(runs) {
  const values = runs.map((r) => r.value).filter((v) => Number.isFinite(v));
  const baselines = runs.map((r) => r.baseline).filter((v) => Number.isFinite(v));
  const value = median(values);
  const baseline = median(baselines);
  // the run closest to the median says the note (its sample counts, its frames…)
  const typical =
    runs.filter((r) => Number.isFinite(r.value)).sort((a, b) => Math.abs(a.value - value) - Math.abs(b.value - value))[0] ?? runs[0];
  const failures = runs.filter((r) => r.failed);
  const { failed: _failed, reason: _reason, ...shape } = typical;
  return {
    ...shape,
    value,
    baseline,
    ratio: ratio(value, baseline),
    runs: values.length,
    values,
    ...(span(values) ? { range: span(values) } : {}),
    ...(span(baselines) ? { baselineRange: span(baselines) } : {}),
    ...(value === null ? { reason: runs.find((r) => r.reason)?.reason ?? 'not produced' } : {}),
    ...(failures.length * 2 > runs.length ? { failed: `${failures.length} of ${runs.length} runs: ${failures[0].failed}` } : {}),
  };
}
