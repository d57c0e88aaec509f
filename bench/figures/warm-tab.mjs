// Figure 2: with the room already open in one tab, a second tab of the same
// room: time from the panel's mount until its tasks are painted. The floor is
// one frame, measured in the same page (the median gap between blank
// requestAnimationFrames from the mount on).
import { launch, openAs, waitInPage } from '../lib/browser.mjs';
import { attempt, median, percentile, ratio, round } from '../lib/stats.mjs';

const TABS = 10;
const times = () => {
  const t = window.__lctBench.t;
  return t.painted !== undefined && t.frameMs !== undefined ? { ...t } : null;
};

/** One frame of a page without the panel: the floor, when the panel cannot be measured. */
const blankFrame = () =>
  new Promise((resolve) => {
    const ts = [];
    const tick = (t) => {
      ts.push(t);
      if (ts.length < 9) return requestAnimationFrame(tick);
      const gaps = ts
        .slice(1)
        .map((x, i) => x - ts[i])
        .sort((a, b) => a - b);
      return resolve(gaps[gaps.length >> 1]);
    };
    requestAnimationFrame(tick);
  });

export async function warmTab({ demo, extensionDir, video, expected }) {
  const browser = await launch({ extensionDir, origin: demo.url });
  try {
    await browser.context.addInitScript((n) => {
      window.__lctBench.expected = n;
    }, expected);
    const path = `/w/${video.shortUUID}`;
    const first = await openAs(browser.context, demo.url, 'alice', path);
    const samples = [];
    const run = await attempt(async () => {
      await waitInPage(first, times, undefined, { what: 'the first tab to show the tasks' });
      for (let i = 0; i < TABS; i++) {
        const page = await browser.context.newPage();
        await page.goto(`${demo.url}${path}`);
        samples.push(await waitInPage(page, times, undefined, { what: 'the second tab to show the tasks' }));
        await page.close();
      }
    });
    const values = samples.map((t) => t.painted - t.mount);
    const value = run.error ? null : median(values);
    const baseline = run.error ? await first.evaluate(blankFrame) : median(samples.map((t) => t.frameMs));
    return {
      unit: 'ms',
      value: round(value),
      baseline: round(baseline),
      ratio: ratio(value, baseline),
      ...(run.error ? { reason: run.error } : {}),
      detail: {
        tabs: samples.length,
        p95Ms: round(percentile(values, 95)),
        valuesMs: values.map((v) => round(v)),
        framesToPaint: samples.map((t) => t.framesToPaint),
        frameMs: samples.map((t) => round(t.frameMs)),
      },
      note: `median of ${TABS} tabs (p95 ${round(percentile(values, 95))} ms); panel mount until all tasks painted, median ${median(samples.map((t) => t.framesToPaint))} frame(s); goal: one frame`,
    };
  } finally {
    await browser.close();
  }
}
