// Chromium for the bench: Debian's build through playwright-core, one fresh
// profile per launch, with or without the extension. Precise memory figures
// and a DevTools port (for the service worker's heap, which Playwright has no
// CDP session for) are turned on; every listener is on loopback.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, enableInstance } from '../../demo/browser.mjs';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
const BENCH_ARGS = ['--enable-precise-memory-info', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0'];

/**
 * A fresh profile; with `extensionDir` the extension is loaded and enabled on
 * `origin`. Resolves to { context, worker, extensionId, devtoolsUrl, close() }.
 */
export async function launch({ extensionDir, origin }) {
  const profileDir = mkdtempSync(join(tmpdir(), 'lct-bench-profile-'));
  const args = extensionDir ? chromiumArgs(extensionDir) : chromiumArgs('').filter((a) => !a.includes('extension'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1366, height: 860 },
      args: [...args, ...BENCH_ARGS],
    });
    await context.addInitScript({ content: PROBE });
    let worker;
    let extensionId;
    if (extensionDir) {
      const isOurs = (w) => w.url().startsWith('chrome-extension://');
      worker =
        context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
      extensionId = new URL(worker.url()).host;
      await enableInstance(context, extensionId, origin);
    }
    const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
    return {
      context,
      worker,
      extensionId,
      devtoolsUrl: `ws://127.0.0.1:${port}${path}`,
      async close() {
        await context.close().catch(() => {});
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

/** Opens `path` on the demo logged in as `user` (the demo's log-in page stores PeerTube's tokens, then goes on). */
export async function openAs(context, demoUrl, user, path) {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/login?as=${user}&next=${encodeURIComponent(path)}`);
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

/** Polls the page's probe until `read` gives a value (bounded); `page` is a Playwright page or a puppeteer one (Firefox). */
export async function waitInPage(page, read, arg, { timeoutMs = 30_000, what = 'a value' } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await page.evaluate(read, arg);
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
}
