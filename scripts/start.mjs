#!/usr/bin/env node
// npm start: the product working in one command. Installs what lacks (npm
// packages, Debian's prosody and chromium), builds the extension for local
// use, starts the XMPP backend and the demo PeerTube site, and opens Chromium
// with the extension on the demo's live video, logged in as alice (owner of
// the room). Without a display it runs headless and saves a screenshot.
// Ctrl+C stops everything.
//
//   npm start -- --no-browser     only the backend and the demo site
//   npm start -- --port 8080      the demo site's port (default: a free one)
//   npm start -- --no-build       reuse dist/chrome as it is
//
// How the demo instance gets enabled: the local build (LCT_LOCAL_CSP=1) holds
// the host permission for http://127.0.0.1 from install, so no browser prompt
// is needed, and this script then asks the background to enable the demo's
// origin from an extension page, exactly the message the popup's "Enable"
// button sends. Released builds have no host permission at install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliOptions, portOption } from './lib/cli.mjs';
import { ensureNodeModules } from './lib/node-modules.mjs';
import { ensureSupportedNode } from './lib/node-version.mjs';
import { ensureDebianPackages } from './lib/system.mjs';

const USAGE = 'usage: npm start -- [--no-browser] [--no-build] [--port P]';
const args = cliOptions(USAGE, {
  'no-browser': { type: 'boolean', default: false },
  'no-build': { type: 'boolean', default: false },
  port: { type: 'string', default: '0' },
});
const port = portOption(args.port, USAGE, 0);
const withBrowser = !args['no-browser'];
const EXTENSION_DIR = resolve('dist/chrome');

ensureSupportedNode();
ensureNodeModules();
try {
  ensureDebianPackages(withBrowser ? ['prosody', 'chromium'] : ['prosody'], 'to run the demo');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (withBrowser && !(args['no-build'] && existsSync(join(EXTENSION_DIR, 'manifest.json')))) {
  console.log('Building the extension (local build)…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env: { ...process.env, LCT_LOCAL_CSP: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Imported after the installs above: they need the npm packages.
const { startBackend } = await import('../server/backend.mjs');
const { startDemo } = await import('../demo/server.mjs');
const { LIVE_VIDEO, USERS, VIDEOS, backendUsers } = await import('../demo/catalog.mjs');

const running = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  for (const stop of running.reverse()) {
    try {
      await stop();
    } catch (error) {
      console.error(`while stopping: ${error.message}`);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

try {
  const backend = await startBackend({
    users: backendUsers(),
    onUnexpectedExit(code) {
      console.error(`prosody exited unexpectedly (code ${code})`);
      stopAll(1);
    },
  });
  running.push(() => backend.stop());
  const demo = await startDemo({ port, backend });
  running.push(() => demo.stop());

  const watchUrl = (video) => `${demo.url}/w/${video.shortUUID}`;
  console.log(`backend ${backend.wsUrl}`);
  console.log(`demo ${demo.url}`);
  console.log('videos:');
  for (const video of VIDEOS) console.log(`  ${watchUrl(video)}  ${video.name}${video.chat ? '' : '  (no chat)'}`);
  console.log('accounts (log in with /login?as=NAME):');
  for (const user of USERS) console.log(`  ${user.name.padEnd(6)} ${user.role.padEnd(12)} XMPP ${user.name}@localhost / ${user.password}`);

  if (withBrowser) {
    const { launchChromium, enableInstance } = await import('../demo/browser.mjs');
    const headless = !process.env.DISPLAY;
    const profileDir = mkdtempSync(join(tmpdir(), 'livechat-tasks-chromium-'));
    running.push(() => rmSync(profileDir, { recursive: true, force: true }));
    const { context, extensionId } = await launchChromium({ extensionDir: EXTENSION_DIR, profileDir, headless });
    running.push(() => context.close());
    await enableInstance(context, extensionId, demo.url);
    const page = context.pages()[0] ?? (await context.newPage());
    const start = `${demo.url}/login?as=alice&next=${encodeURIComponent(`/w/${LIVE_VIDEO.shortUUID}`)}`;
    await page.goto(start);
    console.log(`Chromium: ${watchUrl(LIVE_VIDEO)} as alice, extension ${extensionId}`);
    if (headless) {
      const shot = resolve('.tmp/demo-screenshot.png');
      mkdirSync('.tmp', { recursive: true });
      try {
        await page.getByTestId('lct-panel').getByRole('checkbox').first().waitFor({ timeout: 30_000 });
      } catch {
        console.error('The task panel did not show its tasks within 30 s; the screenshot shows the page as it is.');
      }
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`No display: Chromium runs headless. Screenshot: ${shot}`);
    }
  }
  console.log('Ready. Ctrl+C stops everything.');
} catch (error) {
  console.error(error.stack ?? error.message);
  await stopAll(1);
}
