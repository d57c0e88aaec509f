// The bench's arithmetic and its table: what a reader of the README relies on.
import { describe, expect, it } from 'vitest';
import { combineRuns, median, percentile, ratio } from '../../../bench/lib/stats.mjs';
import { markdown, tableRows } from '../../../bench/lib/report.mjs';

describe('bench statistics', () => {
  it('interpolates percentiles and ignores missing samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 95)).toBeCloseTo(59.05);
    expect(percentile([null as unknown as number, 4], 50)).toBe(4);
    expect(percentile([], 50)).toBeNull();
  });

  it('gives no ratio without a baseline', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(30, null)).toBeNull();
    expect(ratio(null, 10)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
  });
});

describe('figures taken several times', () => {
  const run = (value: number | null, baseline: number | null, extra = {}) => ({
    label: 'Toggle',
    unit: 'ms',
    value,
    baseline,
    note: `took ${value}`,
    ...extra,
  });

  it('report the median of the runs with their min–max, and the ratio of the medians', () => {
    const figure = combineRuns([run(30, 10), run(90, 12), run(40, 11)]);
    expect(figure).toMatchObject({
      value: 40,
      baseline: 11,
      ratio: 3.64,
      range: [30, 90],
      baselineRange: [10, 12],
      runs: 3,
      note: 'took 40',
    });
    expect(tableRows({ figure })[0]!.slice(1, 4)).toEqual(['40.0 ms (30.0–90.0 ms)', '11.0 ms (10.0–12.0 ms)', '3.64×']);
  });

  it('leave out a run without a value, and fail only when most runs failed', () => {
    expect(combineRuns([run(null, 10, { reason: 'timed out' }), run(60, 10, { failed: 'slow' }), run(20, 10)])).toMatchObject({
      value: 40,
      runs: 2,
      range: [20, 60],
    });
    expect(combineRuns([run(70, 10, { failed: 'slow' }), run(60, 10, { failed: 'slow' }), run(20, 10)]).failed).toBe('2 of 3 runs: slow');
    expect(combineRuns([run(null, null, { reason: 'timed out' })])).toMatchObject({ value: null, reason: 'timed out' });
  });
});

describe('bench table', () => {
  const figures = {
    coldStart: { label: 'Cold start to tasks', unit: 'ms', value: 508.2, baseline: 365, ratio: 1.39, note: 'median' },
    sizeContent: {
      label: 'Size: content script',
      unit: 'gz',
      value: 24_747,
      baseline: 4_500,
      baselineLabel: 'raw client',
      ratio: 5.5,
      failed: 'over budget',
    },
    warmTab: { label: 'Warm tab to tasks', value: null, baseline: null, reason: 'panel never mounted' },
  };

  it('shows each figure with its baseline and ratio, failures and missing values with their reason', () => {
    expect(tableRows(figures)).toEqual([
      ['Cold start to tasks', '508 ms', '365 ms', '1.39×', 'median'],
      ['Size: content script', '24.2 KB gz FAIL', '4.4 KB gz (raw client)', '5.5×', ''],
      ['Warm tab to tasks', 'n/a', '—', '—', 'not measured: panel never mounted'],
    ]);
  });

  it('writes a Markdown table with the machine and the failures', () => {
    const md = markdown({
      generatedAt: '2026-11-23T09:00:00.000Z',
      durationS: 280,
      machine: { cpu: 'Some CPU', cores: 2, memoryGiB: 23.5, os: 'Debian 12', node: 'v20', chromium: '156', prosody: '0.12.3' },
      failures: ['Size: content script: over budget'],
      figures,
    });
    expect(md).toContain('Some CPU, 2 cores, 23.5 GiB RAM');
    expect(md).toContain('Chromium 156 (headless), Prosody 0.12.3');
    expect(md).toContain('| Cold start to tasks | 508 ms | 365 ms | 1.39× | median |');
    expect(md).toContain('**Failed:** Size: content script: over budget.');
  });
});
