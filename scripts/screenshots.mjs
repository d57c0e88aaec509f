#!/usr/bin/env node
// npm run screenshots: the README's pictures, from the real extension on the
// demo (Prosody, the demo site, Debian's Chromium; not part of npm test, so
// tests never rewrite tracked files). alice (owner of the room) on the live
// video at 1366×768, the whole watch page with the panel, light and dark; the
// toolbar popup over that page; the side panel (the extension page): All rooms,
// light and dark, then opened on the room from that list, and its undo toast after a tick;
// a task made from a chat message shown in the chat, "#List" completion in
// the popup and in the panel's add form, and a search in the side panel, light and dark.
//
//   npm run screenshots                   writes docs/screenshots/*.png
//   npm run screenshots -- --no-build     reuse dist/chrome (a local build) as it is
//   npm run screenshots -- --review       also every size the layout tests check
//                                         (1920×1080, 1366×768, 1280×720, 1024×768),
//                                         light and dark, and the Notes tab opened from a chat
//                                         message's marker (1366 wide and below), into .tmp/screenshots/ (untracked)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliOptions } from './lib/cli.mjs';
import { ensureNodeModules } from './lib/node-modules.mjs';
import { ensureSupportedNode } from './lib/node-version.mjs';
import { ensureDebianPackages } from './lib/system.mjs';

const USAGE = 'usage: npm run screenshots -- [--review] [--no-build]';
const args = cliOptions(USAGE, { review: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } });
const OUT = resolve('docs/screenshots');
const REVIEW_OUT = resolve('.tmp/screenshots');
const EXTENSION_DIR = resolve('dist/chrome');
const README_SIZE = { width: 1366, height: 768 };
const REVIEW_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

ensureSupportedNode();
ensureNodeModules();
try {
  ensureDebianPackages(['prosody', 'chromium'], 'to take the screenshots');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (!args['no-build']) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env: { ...process.env, LCT_LOCAL_CSP: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Imported after the installs above: they need the npm packages.
const { default: puppeteer } = await import('puppeteer-core');
const { startBackend } = await import('../server/backend.mjs');
const { startDemo } = await import('../demo/server.mjs');
const { LIVE_VIDEO, SECOND_LIVE_VIDEO, backendUsers } = await import('../demo/catalog.mjs');
const { CHROMIUM, chromiumArgs } = await import('../demo/browser.mjs');

const TIMEOUT = 30_000;
const isOurWorker = (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');

const dataDir = mkdtempSync(join(tmpdir(), 'lct-shots-data-'));
const profileDir = mkdtempSync(join(tmpdir(), 'lct-shots-profile-'));
const backend = await startBackend({ users: backendUsers(), data: dataDir, log: () => {} });
const demo = await startDemo({ backend, log: () => {} });
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  pipe: true,
  enableExtensions: [EXTENSION_DIR],
  userDataDir: profileDir,
  defaultViewport: README_SIZE,
  args: chromiumArgs(EXTENSION_DIR).filter((a) => !a.includes('-extension')),
});

try {
  const extensionId = new URL((await browser.waitForTarget(isOurWorker, { timeout: TIMEOUT })).url()).host;
  const extensionPage = (path) => `chrome-extension://${extensionId}/src/${path}/index.html`;
  // Enable the demo instance as the popup's "Enable" does (the local build holds its host already).
  const setup = await browser.newPage();
  await setup.goto(extensionPage('popup'));
  const reply = await setup.evaluate((origin) => chrome.runtime.sendMessage({ type: 'view/instance-enable', origin }), demo.url);
  if (!reply?.ok) throw new Error(`enabling ${demo.url} failed: ${JSON.stringify(reply)}`);
  await setup.close();

  const [page] = await browser.pages();
  const watchPath = `/w/${LIVE_VIDEO.shortUUID}`;
  await page.goto(`${demo.url}/login?as=alice&next=${encodeURIComponent(watchPath)}`);
  await page.waitForFunction((path) => location.pathname === path, {}, watchPath);
  await page.waitForSelector('lct-task-panel >>> .lct-task', { timeout: TIMEOUT });

  /** The watch page at `size` in `theme`, as PeerTube's theme switch sets it, once the panel has settled. */
  const shootWatch = async (path, size, theme) => {
    await page.setViewport(size);
    // the demo's theme button, as a user switches PeerTube's theme
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.click('#theme-toggle');
    await page.evaluate(() => window.scrollTo(0, 0));
    // the panel re-places itself after a resize (throttled), then paints
    await new Promise((r) => setTimeout(r, 600));
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
  };

  mkdirSync(OUT, { recursive: true });
  for (const theme of ['light', 'dark']) await shootWatch(join(OUT, `watch-${theme}.png`), README_SIZE, theme);
  if (args.review) {
    mkdirSync(REVIEW_OUT, { recursive: true });
    for (const size of REVIEW_SIZES) {
      for (const theme of ['light', 'dark'])
        await shootWatch(join(REVIEW_OUT, `watch-${size.width}x${size.height}-${theme}.png`), size, theme);
    }
  }
  if (args.review) {
    // The Notes tab, opened as a moderator does from the marker beside one of carol's messages.
    await page.setViewport(README_SIZE);
    const marker = await page.waitForSelector('.chat-msg [data-lct-task-action] >>> [data-testid="chat-notes-marker"]:not([hidden])', {
      timeout: TIMEOUT,
    });
    await marker.click();
    await page.waitForSelector('lct-task-panel >>> .lct-notes-filter', { timeout: TIMEOUT });
    for (const size of REVIEW_SIZES.filter((s) => s.width <= 1366)) {
      for (const theme of ['light', 'dark'])
        await shootWatch(join(REVIEW_OUT, `notes-${size.width}x${size.height}-${theme}.png`), size, theme);
    }
    // back to the tasks for the pictures below
    await page.click('lct-task-panel >>> [role=tab][aria-controls$="-tasks"]');
  }
  await page.setViewport(README_SIZE);
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== 'light') await page.click('#theme-toggle'); // back to light

  // The toolbar popup over the watch page, as a click on the extension's button opens it.
  await page.bringToFront();
  const worker = await (await browser.waitForTarget(isOurWorker)).worker();
  await worker.evaluate(() => chrome.action.openPopup());
  const popupTarget = await browser.waitForTarget((t) => t.url() === extensionPage('popup'), { timeout: TIMEOUT });
  const popup = await popupTarget.asPage();
  await popup.waitForSelector('main, body > *', { timeout: TIMEOUT });
  await new Promise((r) => setTimeout(r, 1500)); // the popup asks the worker about the tab, then lays out
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  console.log(`wrote ${join(OUT, 'popup.png')}`);
  await popup.close();

  // alice moderates the second live room too: its page once, so that All rooms has two rooms.
  const second = await browser.newPage();
  await second.goto(`${demo.url}/w/${SECOND_LIVE_VIDEO.shortUUID}`);
  await second.waitForSelector('lct-task-panel >>> .lct-task', { timeout: TIMEOUT });
  await second.close();

  // The side panel: its page in a tab of a side panel's width, All rooms with their live counts
  // in the system's light and dark themes, then opened on the room from the list.
  const side = await browser.newPage();
  await side.setViewport({ width: 400, height: 720 });
  await side.goto(extensionPage('sidepanel'));
  await side.waitForSelector('.lct-room-count.is-live', { timeout: TIMEOUT });
  await new Promise((r) => setTimeout(r, 1000)); // both counts live
  for (const scheme of ['light', 'dark']) {
    await side.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await side.screenshot({ path: join(OUT, `all-rooms-${scheme}.png`) });
    console.log(`wrote ${join(OUT, `all-rooms-${scheme}.png`)}`);
  }
  await side.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  const recent = await side.waitForSelector(`::-p-text(${LIVE_VIDEO.name})`, { timeout: TIMEOUT });
  await recent.click();
  await side.waitForSelector('.lct-task', { timeout: TIMEOUT });
  await new Promise((r) => setTimeout(r, 300));
  await side.screenshot({ path: join(OUT, 'sidepanel.png') });
  console.log(`wrote ${join(OUT, 'sidepanel.png')}`);
  if (args.review) {
    await side.click('[role=tab][aria-controls$="-notes"]');
    await side.waitForSelector('.lct-note', { timeout: TIMEOUT });
    await side.screenshot({ path: join(REVIEW_OUT, 'sidepanel-notes.png') });
    console.log(`wrote ${join(REVIEW_OUT, 'sidepanel-notes.png')}`);
    await side.click('[role=tab][aria-controls$="-tasks"]');
  }

  // The undo toast, after ticking a task in the side panel, in the system's light and dark themes (then undone).
  await (await side.waitForSelector('.lct-task ::-p-aria(Sand the edges)', { timeout: TIMEOUT })).click();
  await side.waitForSelector('.lct-toast', { timeout: TIMEOUT });
  for (const scheme of ['light', 'dark']) {
    await side.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await side.screenshot({ path: join(OUT, `undo-${scheme}.png`) });
    console.log(`wrote ${join(OUT, `undo-${scheme}.png`)}`);
  }
  await side.click('.lct-toast-undo');

  // The search in the side panel: "chat" typed, matches highlighted across lists, in light and dark.
  await side.type('input.lct-search-input', 'chat');
  await side.waitForSelector('mark.lct-match', { timeout: TIMEOUT });
  await new Promise((r) => setTimeout(r, 300));
  for (const scheme of ['light', 'dark']) {
    await side.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await side.screenshot({ path: join(OUT, `search-${scheme}.png`) });
    console.log(`wrote ${join(OUT, `search-${scheme}.png`)}`);
  }

  // A task made from carol's chat message with the message's "+", then "Show the message in the chat" from its row:
  // the chat scrolled to the message and highlighted. The page's right column (chat and panel), light and dark.
  await page.bringToFront();
  await page.setViewport(README_SIZE);
  const CAROL_ASKS = 'Which wood is best for a birdhouse?';
  const message = await page.waitForSelector(`converse-chat-message ::-p-text(${CAROL_ASKS})`, { timeout: TIMEOUT });
  await message.evaluate((el) =>
    el
      .closest('converse-chat-message')
      .querySelector('[data-lct-task-action]')
      .shadowRoot.querySelector('button[aria-label="Create a task from this message"]')
      .click(),
  );
  await (await page.waitForSelector('lct-task-panel >>> ::-p-aria(Create the task)', { timeout: TIMEOUT })).click();
  const linkedRow = 'lct-task-panel >>> .lct-task:has(button[aria-label="Show the message in the chat"])';
  await page.waitForSelector(linkedRow, { timeout: TIMEOUT });
  /** The chat and the panel below it, with a margin. */
  const column = await page.evaluate(() => {
    const boxes = [document.querySelector('#peertube-plugin-livechat-container'), document.querySelector('lct-task-panel')].map((e) =>
      e.getBoundingClientRect(),
    );
    const x = Math.max(0, Math.min(...boxes.map((b) => b.left)) - 6);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.top)) - 6);
    return { x, y, width: Math.max(...boxes.map((b) => b.right)) + 6 - x, height: Math.max(...boxes.map((b) => b.bottom)) + 6 - y };
  });
  // "#List" completion in the panel's add form (of the tasks without a list), the same column, light and dark.
  await (await page.waitForSelector('lct-task-panel >>> section.lct-list:has(h3) button[aria-label="Add a task"]')).click();
  await (await page.waitForSelector('lct-task-panel >>> form[aria-label="New task"] [role=combobox]')).type('#st');
  await page.waitForSelector('lct-task-panel >>> [role=option]', { timeout: TIMEOUT });
  for (const theme of ['light', 'dark']) {
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.click('#theme-toggle');
    await new Promise((r) => setTimeout(r, 300));
    await page.screenshot({ path: join(OUT, `quickadd-panel-${theme}.png`), clip: column });
    console.log(`wrote ${join(OUT, `quickadd-panel-${theme}.png`)}`);
  }
  // the theme button has the focus now: the form's Cancel closes it
  await page.click('lct-task-panel >>> form[aria-label="New task"] button[type=button]');
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== 'light') await page.click('#theme-toggle');

  // Then the task's "Show the message in the chat", with the chat scrolled away from it first.
  for (const theme of ['light', 'dark']) {
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.click('#theme-toggle');
    await page.evaluate(() => {
      document.querySelector('.chat-content').scrollTop = 0;
    });
    await (await page.waitForSelector(`${linkedRow} button[aria-label="Show the message in the chat"]`)).click();
    await new Promise((r) => setTimeout(r, 900)); // scrolled, the highlight at its full colour
    await page.screenshot({ path: join(OUT, `msglink-${theme}.png`), clip: column });
    console.log(`wrote ${join(OUT, `msglink-${theme}.png`)}`);
  }

  // The same completion in the toolbar popup, in the system's light and dark themes.
  await worker.evaluate(() => chrome.action.openPopup());
  const quickPopup = await (await browser.waitForTarget((t) => t.url() === extensionPage('popup'), { timeout: TIMEOUT })).asPage();
  await (await quickPopup.waitForSelector('[role=combobox]:not([disabled])', { timeout: TIMEOUT })).type('#');
  await quickPopup.waitForSelector('[role=option]', { timeout: TIMEOUT });
  for (const scheme of ['light', 'dark']) {
    await quickPopup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await quickPopup.screenshot({ path: join(OUT, `quickadd-popup-${scheme}.png`) });
    console.log(`wrote ${join(OUT, `quickadd-popup-${scheme}.png`)}`);
  }
  await quickPopup.close();

  // The moderator's guide, its first screen, in the system's light and dark themes.
  const guide = await browser.newPage();
  await guide.setViewport({ width: 900, height: 720 });
  await guide.goto(extensionPage('help'));
  await guide.waitForSelector('h1', { timeout: TIMEOUT });
  for (const scheme of ['light', 'dark']) {
    await guide.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await guide.screenshot({ path: join(OUT, `help-${scheme}.png`) });
    console.log(`wrote ${join(OUT, `help-${scheme}.png`)}`);
  }
} finally {
  await browser.close();
  await demo.stop();
  await backend.stop();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
