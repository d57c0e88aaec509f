#!/usr/bin/env node
// npm run bench: the extension against the protocol's floor, side by side in
// one run on this machine (issue 7). Starts the real backend (Prosody with our
// module) and the demo PeerTube site on loopback, drives Debian's Chromium
// with the built extension (a local build is made first when dist/ holds
// none), and for each figure measures the baseline in the same run; cold
// start and propagation are also taken in Debian's firefox-esr with the
// Firefox build, beside the same baseline. Writes
// bench/results.json and bench/results.md (the table and the machine, for the
// README; a partial run with --only writes .tmp/bench-results.* instead) and
// prints the table. A figure that cannot be measured is null with its reason;
// the run goes on. Exit code 1 when a budget or limit failed (sizes, the 50 ms
// frame while scrolling).
//
//   npm run bench                 everything (about 10-20 minutes: each browser figure is taken 3 times)
//   npm run bench -- --build      build the extension first even when dist/chrome holds a local build
//   npm run bench -- --only size,worker,cold,warm,propagation,scale,search,server
//   npm run bench -- --only propagation --runs 1   one figure, taken once (a quick look; the table's figures take 3)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { ensureNodeModules } from '../scripts/lib/node-modules.mjs';
import { ensureDebianPackages } from '../scripts/lib/system.mjs';

const GROUPS = ['size', 'worker', 'cold', 'warm', 'propagation', 'scale', 'search', 'server'];
const WATCHDOG_MS = 40 * 60_000;
const { values: args } = parseArgs({
  options: { only: { type: 'string' }, build: { type: 'boolean', default: false }, runs: { type: 'string', default: '3' } },
});
/** How many times each browser figure is taken in one run. */
const BROWSER_RUNS = Number(args.runs);
if (!Number.isInteger(BROWSER_RUNS) || BROWSER_RUNS < 1) throw new Error(`--runs: a whole number of runs, not "${args.runs}"`);
const only = new Set(args.only ? args.only.split(',') : GROUPS);
for (const g of only) if (!GROUPS.includes(g)) throw new Error(`--only: unknown group "${g}" (known: ${GROUPS.join(', ')})`);

ensureNodeModules();
ensureDebianPackages(['prosody', 'chromium', 'firefox-esr'], 'to run the benchmarks');
// The demo runs on http://127.0.0.1: only a local build (LCT_LOCAL_CSP=1) holds that host from install.
const isLocalBuild = (dir) =>
  existsSync(`${dir}/manifest.json`) &&
  (JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')).host_permissions ?? []).includes('http://127.0.0.1/*');
const builtLocally = () => isLocalBuild('dist/chrome') && isLocalBuild('dist/firefox');
if (args.build || !builtLocally()) {
  console.log('bench: building the extension (local build, LCT_LOCAL_CSP=1)…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env: { ...process.env, LCT_LOCAL_CSP: '1' } });
  if (build.status !== 0 || !builtLocally()) process.exit(build.status || 1);
}
// Private copies: a rebuild of dist/ during the run must not change what is measured.
const EXTENSION_DIR = mkdtempSync(join(tmpdir(), 'lct-bench-extension-'));
cpSync('dist/chrome', EXTENSION_DIR, { recursive: true });
const FIREFOX_EXTENSION_DIR = mkdtempSync(join(tmpdir(), 'lct-bench-extension-firefox-'));
cpSync('dist/firefox', FIREFOX_EXTENSION_DIR, { recursive: true });
process.on('exit', () => {
  for (const dir of [EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) rmSync(dir, { recursive: true, force: true });
});

const { startBackend } = await import('../server/backend.mjs');
const { startDemo } = await import('../demo/server.mjs');
const { LIVE_VIDEO, SECOND_LIVE_VIDEO, backendUsers } = await import('../demo/catalog.mjs');
const { machineInfo } = await import('./lib/machine.mjs');
const { markdown, textTable } = await import('./lib/report.mjs');
const { countTasks } = await import('./lib/room.mjs');
const { combineRuns } = await import('./lib/stats.mjs');
const { measureSizes, BUDGETS } = await import('./size.mjs');
const { coldStart, RAW_CLIENT } = await import('./figures/cold-start.mjs');
const { warmTab } = await import('./figures/warm-tab.mjs');
const { propagation } = await import('./figures/propagation.mjs');
const { scale } = await import('./figures/scale.mjs');
const { search } = await import('./figures/search.mjs');
const { serverFigures } = await import('./figures/server.mjs');
const { workerCosts } = await import('./figures/worker-costs.mjs');

const started = Date.now();
const results = {
  generatedAt: new Date().toISOString(),
  durationS: null,
  browserRuns: BROWSER_RUNS,
  machine: machineInfo(),
  ok: true,
  failures: [],
  figures: {},
  details: {},
};
const log = (text) => console.log(`bench: ${text}`);

/**
 * Runs one group of figures `repeats` times (browser figures: the machine is
 * shared and noisy, one run proves little); each figure is then the median of
 * its runs with their min–max (combineRuns). On error a run's rows are null
 * with the reason, and the run goes on.
 */
async function group(name, rows, measure, repeats = 1) {
  if (!only.has(name)) return;
  const t0 = Date.now();
  const runs = Object.fromEntries(Object.keys(rows).map((key) => [key, []]));
  const details = [];
  for (let i = 1; i <= repeats; i++) {
    log(`${name}${repeats > 1 ? ` (run ${i} of ${repeats})` : ''}…`);
    try {
      const measured = await measure();
      if (measured.detail) details.push(measured.detail);
      for (const [key, label] of Object.entries(rows)) {
        runs[key].push(measured[key] ? { label, ...measured[key] } : { label, value: null, baseline: null, reason: 'not produced' });
      }
    } catch (error) {
      log(`${name} failed: ${error.stack ?? error.message}`);
      for (const [key, label] of Object.entries(rows)) {
        runs[key].push({ label, value: null, baseline: null, reason: error.message.split('\n')[0].slice(0, 200) });
      }
    }
  }
  if (details.length) results.details[name] = repeats > 1 ? details : details[0];
  for (const key of Object.keys(rows)) results.figures[key] = repeats > 1 ? combineRuns(runs[key]) : runs[key][0];
  log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function finish() {
  results.durationS = Math.round((Date.now() - started) / 1000);
  for (const f of Object.values(results.figures)) if (f.failed) results.failures.push(`${f.label}: ${f.failed}`);
  results.ok = results.failures.length === 0;
  // A partial run (--only) must not replace the full run's files that the README quotes.
  const out = args.only ? '.tmp/bench-results' : 'bench/results';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${out}.md`, markdown(results));
  console.log(`\n${textTable(results.figures)}\n`);
  const m = results.machine;
  console.log(`${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Chromium ${m.chromium}; Prosody ${m.prosody}; ${results.durationS} s`);
  console.log(`bench: wrote ${out}.json and ${out}.md`);
  if (!results.ok) console.log(`bench: FAILED: ${results.failures.join('; ')}`);
}

const watchdog = setTimeout(() => {
  log(`still running after ${WATCHDOG_MS / 60_000} min: stopping with what was measured`);
  finish();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

const running = [];
try {
  await group(
    'size',
    {
      sizeContent: 'Size: content script, first paint of the panel',
      sizeContentAll: 'Size: content script, all (parts loaded on use)',
      sizeWorker: 'Size: worker',
      sizePopup: 'Size: popup',
      sizeSidepanel: 'Size: side panel',
    },
    async () => {
      const sizes = measureSizes(EXTENSION_DIR);
      const floor = gzipSync(RAW_CLIENT, { level: 9 }).length;
      const row = (ctx) => {
        const s = sizes[ctx];
        if (!s) return undefined;
        const budget = BUDGETS[ctx];
        return {
          unit: 'gz',
          value: s.gzipBytes,
          baseline: floor,
          baselineLabel: 'raw client',
          ratio: Math.round((s.gzipBytes / floor) * 100) / 100,
          note: budget
            ? `budget ${(budget / 1024).toFixed(0)} KB gz: ${s.withinBudget ? 'ok' : 'OVER'}; ${s.files} files`
            : ctx === 'contentAll'
              ? `${s.files} files, no budget: the first paint and every chunk the panel loads on first use`
              : `${s.files} files, no budget`,
          ...(budget ? { budget } : {}),
          ...(s.withinBudget === false ? { failed: `${s.gzipBytes} B gz over the ${budget} B budget` } : {}),
        };
      };
      return {
        sizeContent: row('content'),
        sizeContentAll: row('contentAll'),
        sizeWorker: row('worker'),
        sizePopup: row('popup'),
        sizeSidepanel: row('sidepanel'),
      };
    },
  );

  await group(
    'worker',
    {
      workerFetchCpu: 'Worker: read a 5,000-item fetch (CPU)',
      bytesPerChange: 'Bytes pushed per change (toggle, 5,000 items)',
      workerNotesFetchCpu: 'Worker: read a 5,000-note fetch (CPU)',
      bytesPerNoteChange: 'Bytes pushed per change (note edited, 5,000 notes)',
    },
    () => workerCosts(),
  );

  const needsDemo = ['cold', 'warm', 'propagation', 'scale', 'search'].some((g) => only.has(g));
  let env;
  if (needsDemo) {
    const quiet = () => {};
    const backend = await startBackend({ users: backendUsers(), log: (line) => /error/i.test(line) && log(`prosody: ${line}`) });
    running.push(() => backend.stop());
    const demo = await startDemo({ backend, log: quiet });
    running.push(() => demo.stop());
    env = { backend, demo, extensionDir: resolve(EXTENSION_DIR), firefoxExtensionDir: resolve(FIREFOX_EXTENSION_DIR) };
  }

  await group(
    'cold',
    { coldStart: 'Cold start to tasks', coldStartFirefox: 'Cold start to tasks, Firefox' },
    async () => {
      const { tasks } = await countTasks(env.backend, LIVE_VIDEO.room);
      return coldStart({ ...env, video: LIVE_VIDEO, expected: tasks });
    },
    BROWSER_RUNS,
  );
  await group(
    'warm',
    { warmTab: 'Warm tab to tasks' },
    async () => {
      const { tasks } = await countTasks(env.backend, LIVE_VIDEO.room);
      return { warmTab: await warmTab({ ...env, video: LIVE_VIDEO, expected: tasks }) };
    },
    BROWSER_RUNS,
  );
  await group(
    'propagation',
    {
      propagationP50: 'Propagation alice → bob, p50',
      propagationP95: 'Propagation alice → bob, p95',
      propagationFirefoxP50: 'Propagation alice → bob, Firefox, p50',
      propagationFirefoxP95: 'Propagation alice → bob, Firefox, p95',
    },
    () => propagation({ ...env, video: LIVE_VIDEO }),
    BROWSER_RUNS,
  );
  await group(
    'scale',
    {
      scaleFirstPaint: 'Scale: first paint (5,000 items)',
      scaleAllRows: 'Scale: all visible tasks painted',
      scaleToggle: 'Scale: toggle done, shown',
      scaleToggleConfirmed: 'Scale: toggle done, confirmed',
      scaleMove: 'Scale: keyboard move, shown',
      scaleMoveConfirmed: 'Scale: keyboard move, confirmed',
      scaleWorkerHeap: 'Scale: worker JS heap',
      scalePanelHeap: 'Scale: page + panel JS heap',
      scaleLongestFrame: 'Scale: longest frame while scrolling',
    },
    () => scale({ ...env, video: SECOND_LIVE_VIDEO }),
    BROWSER_RUNS,
  );
  await group(
    'search',
    { searchKeystroke: 'Search: keystroke to result, median (5,000 items)', searchKeystrokeP95: 'Search: keystroke to result, p95' },
    () => search({ ...env, video: SECOND_LIVE_VIDEO }),
    BROWSER_RUNS,
  );

  while (running.length) await running.pop()();

  await group(
    'server',
    {
      serverPublishRate: 'Server: acked publishes/s at 5,000 items',
      serverPropagation: 'Server: publish → notification p50 at 5,000',
      serverPropagationP95: 'Server: publish → notification p95 at 5,000',
      serverFanout: 'Server: fan-out to 50 admins, last one p50',
      serverRetrieval: 'Server: retrieve 5,000 items p50',
      serverRetrievalNagle: 'Server: retrieve 5,000 items p50, Nagle on',
    },
    () => serverFigures(),
  );
} catch (error) {
  log(`stopped: ${error.stack ?? error.message}`);
  results.failures.push(`run: ${error.message}`);
} finally {
  while (running.length)
    await running
      .pop()()
      .catch(() => {});
  finish();
  clearTimeout(watchdog);
}
process.exit(results.ok ? 0 : 1);
