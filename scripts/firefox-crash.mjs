#!/usr/bin/env node
// How often firefox-esr's content process crashes on a page that redirects
// while it loads, with the extension enabled on that origin (issue 13 item 3;
// not part of npm test: a few hundred loads take minutes).
//
//   LCT_LOCAL_CSP=1 node scripts/build.mjs      (a local build, once)
//   node scripts/firefox-crash.mjs [loads=300]
//
// The page is the demo's /login, which sends the tab on with
// location.replace() while it is still parsing, to the live video's watch
// page (where the content script loads the panel). Each load counts as
// crashed when the tab ends on about:tabcrashed or stops answering; a crashed
// tab is replaced by a new one. The same loads against http://localhost:<port>
// (the same demo, an origin the extension is not enabled on) are the control.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const loads = Number(process.argv[2] ?? 300);
const helper = (path) => fileURLToPath(new URL(`../test/helpers/${path}`, import.meta.url));
const { module: demo } = await runnerImport(helper('demo.ts'));
const { module: users } = await runnerImport(helper('extension-browser.ts'));
const { LIVE_VIDEO } = await import('../demo/catalog.mjs');

const withTimeout = (promise, ms) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

/** Loads `origin`'s login-and-redirect page `count` times in alice's Firefox; resolves with the crashes seen. */
async function run(alice, origin, count) {
  let page = alice.page;
  let crashed = 0;
  let slow = 0;
  const target = users.watchPath(LIVE_VIDEO);
  for (let i = 0; i < count; i++) {
    let ok = false;
    try {
      await page.goto(`${origin}/login?as=alice&next=${encodeURIComponent(target)}`, { timeout: 15_000 });
      await page.waitForFunction((path) => location.pathname === path && document.readyState === 'complete', { timeout: 15_000 }, target);
      ok = true;
    } catch {
      // a crashed tab shows about:tabcrashed, or no longer answers at all
      const where = await withTimeout(
        page.evaluate(() => document.documentURI),
        3_000,
      ).catch(() => 'no answer');
      if (where === 'no answer' || String(where).startsWith('about:tabcrashed')) crashed++;
      else slow++;
      await withTimeout(page.close(), 5_000).catch(() => {});
      page = await alice.browser.newPage();
    }
    if (!ok || (i + 1) % 25 === 0) process.stdout.write(`  ${origin}: ${i + 1}/${count} loads, ${crashed} crashed, ${slow} slow\n`);
  }
  return { loads: count, crashed, slow };
}

demo.ensureLocalBuild();
const stack = await demo.startDemoStack();
const enabled = stack.demo.url;
const control = enabled.replace('127.0.0.1', 'localhost');
const alice = await users.launchUser('firefox', enabled, 'alice');
try {
  const version = await alice.browser.version();
  console.log(`${version}, ${loads} loads each; enabled origin ${enabled}, control ${control}`);
  const withExtension = await run(alice, enabled, loads);
  const without = await run(alice, control, loads);
  console.log(`\nenabled origin: ${withExtension.crashed}/${withExtension.loads} crashed (${withExtension.slow} slow but alive)`);
  console.log(`control origin: ${without.crashed}/${without.loads} crashed (${without.slow} slow but alive)`);
} finally {
  await alice.close();
  await stack.stop();
}
