// Figure 1: a fresh browser profile opens the watch page as alice; time from
// the watch page's navigation start until every task of the room is painted.
// Baseline: the raw client doing the same round trips on the same page.
import { readFileSync } from 'node:fs';
import { launch, openAs, waitInPage } from '../lib/browser.mjs';
import { attempt, median, ratio, round } from '../lib/stats.mjs';

export const RAW_CLIENT = readFileSync(new URL('../baseline/raw-client.js', import.meta.url), 'utf8');
const RUNS = 5;

const painted = () => window.__lctBench.t.painted ?? null;
const setExpected = (n) => {
  window.__lctBench.expected = n;
};

async function extensionRun({ demo, extensionDir, video, expected }) {
  const browser = await launch({ extensionDir, origin: demo.url });
  try {
    await browser.context.addInitScript(setExpected, expected);
    const page = await openAs(browser.context, demo.url, 'alice', `/w/${video.shortUUID}`);
    await waitInPage(page, painted, undefined, { what: `the panel to show ${expected} tasks` });
    return await page.evaluate(() => ({ ...window.__lctBench.t }));
  } finally {
    await browser.close();
  }
}

async function rawRun({ demo, video, expected }) {
  const browser = await launch({});
  try {
    await browser.context.addInitScript({ content: RAW_CLIENT });
    await browser.context.addInitScript(setExpected, expected);
    await browser.context.addInitScript((id) => {
      if (location.pathname === `/w/${id}`)
        window.RawXmpp.coldStartOnWatchPage(id).catch((e) => {
          window.__lctBench.error = String(e);
        });
    }, video.shortUUID);
    const page = await openAs(browser.context, demo.url, 'alice', `/w/${video.shortUUID}`);
    await waitInPage(
      page,
      () => (window.__lctBench.error ? { error: window.__lctBench.error } : (window.__lctBench.t.painted ?? null)),
      undefined,
      { what: `the raw client to show ${expected} tasks` },
    ).then((v) => {
      if (v.error) throw new Error(v.error);
    });
    return await page.evaluate(() => ({ ...window.__lctBench.t }));
  } finally {
    await browser.close();
  }
}

export async function coldStart(env) {
  const ext = [];
  const raw = [];
  for (let i = 0; i < RUNS; i++) {
    ext.push(await attempt(() => extensionRun(env)));
    raw.push(await attempt(() => rawRun(env)));
  }
  const painted = (runs) => runs.filter((r) => r.value).map((r) => r.value.painted);
  const value = median(painted(ext));
  const baseline = median(painted(raw));
  const failure = (runs) => runs.find((r) => r.error)?.error;
  return {
    unit: 'ms',
    value: round(value),
    baseline: round(baseline),
    ratio: ratio(value, baseline),
    ...(value === null ? { reason: failure(ext) } : {}),
    detail: {
      runs: RUNS,
      tasks: env.expected,
      extensionPaintedMs: ext.map((r) => round(r.value?.painted)),
      extensionMountMs: ext.map((r) => round(r.value?.mount)),
      rawPaintedMs: raw.map((r) => round(r.value?.painted)),
      errors: [...ext, ...raw].filter((r) => r.error).map((r) => r.error),
    },
    note: `median of ${RUNS} runs, a fresh profile each; the watch page's navigation start until all ${env.expected} tasks are painted`,
  };
}
