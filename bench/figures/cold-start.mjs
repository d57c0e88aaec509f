// Figure 1: a fresh browser profile opens the watch page as alice; time from
// the watch page's navigation start until every task of the room is painted.
// Baseline: the raw client doing the same round trips on the same page.
// The same figure in firefox-esr, beside it: a fresh Firefox profile with the
// Firefox build, logged in and enabled on a page without chat, then the watch
// page loaded; from its navigation start until all tasks are painted.
import { readFileSync } from 'node:fs';
import { launch, openAs, waitInPage } from '../lib/browser.mjs';
import { launchFirefox } from '../lib/firefox.mjs';
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

async function firefoxRun({ demo, firefoxExtensionDir, video, expected }) {
  const alice = await launchFirefox({ demo, extensionDir: firefoxExtensionDir, user: 'alice', expected });
  try {
    // The page without chat filled the HTTP cache with the demo's scripts; Chromium's run starts with an empty one.
    await alice.page.setCacheEnabled(false);
    await alice.page.goto(`${demo.url}/w/${video.shortUUID}`);
    await waitInPage(alice.page, painted, undefined, { what: `the panel to show ${expected} tasks in Firefox` });
    return await alice.page.evaluate(() => ({ ...window.__lctBench.t }));
  } finally {
    await alice.close();
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

/** Rows coldStart (Chromium) and coldStartFirefox, each beside the same raw client's runs (in Chromium). */
export async function coldStart(env) {
  const ext = [];
  const raw = [];
  const firefox = [];
  for (let i = 0; i < RUNS; i++) {
    ext.push(await attempt(() => extensionRun(env)));
    raw.push(await attempt(() => rawRun(env)));
    firefox.push(await attempt(() => firefoxRun(env)));
  }
  const painted = (runs) => runs.filter((r) => r.value).map((r) => r.value.painted);
  const baseline = median(painted(raw));
  const failure = (runs) => runs.find((r) => r.error)?.error;
  const row = (runs, browser) => {
    const value = median(painted(runs));
    return {
      unit: 'ms',
      value: round(value),
      baseline: round(baseline),
      ratio: ratio(value, baseline),
      ...(value === null ? { reason: failure(runs) } : {}),
      note: `median of ${RUNS} runs, a fresh ${browser} profile each; the watch page's navigation start until all ${env.expected} tasks are painted${
        browser === 'Firefox' ? ' (baseline: the raw client in Chromium)' : ''
      }`,
    };
  };
  return {
    coldStart: row(ext, 'Chromium'),
    coldStartFirefox: row(firefox, 'Firefox'),
    detail: {
      runs: RUNS,
      tasks: env.expected,
      extensionPaintedMs: ext.map((r) => round(r.value?.painted)),
      extensionMountMs: ext.map((r) => round(r.value?.mount)),
      firefoxPaintedMs: firefox.map((r) => round(r.value?.painted)),
      firefoxMountMs: firefox.map((r) => round(r.value?.mount)),
      rawPaintedMs: raw.map((r) => round(r.value?.painted)),
      errors: [...ext, ...raw, ...firefox].filter((r) => r.error).map((r) => r.error),
    },
  };
}
