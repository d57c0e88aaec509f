// Firefox only: the Firefox build as addons.mozilla.org receives it (`web-ext
// lint`, the gecko settings), and the life of its event page in Debian's
// firefox-esr. Firefox suspends an MV3 event page after 30 s whatever its
// WebSocket does; the background keeps itself alive with a 20 s alarm
// (src/background/keepalive.ts), and whatever suspends it, the next message
// or alarm wakes a new one that must rebuild the session from storage.
// The flows both browsers share run in the two-browser files (session.test.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../build/manifest.ts';
import { keepalivePeriodMinutes, KEEPALIVE_ALARM } from '../../src/background/keepalive.ts';
import { inPanel, launchUser, PATIENCE_MS, type ExtensionUser } from '../helpers/browser.ts';
import { EXTENSION_DIR, ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { addTaskInPanel, panelList, serverTaskNames } from '../helpers/panel-dom.ts';

beforeAll(() => ensureLocalBuild());

describe('the Firefox build for addons.mozilla.org', () => {
  it('web-ext lint finds no error and no warning in the Firefox build', () => {
    const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', EXTENSION_DIR.firefox, '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
    });
    type Finding = { code: string; message: string; file?: string };
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as { errors: Finding[]; warnings: Finding[] };
    const lines = (findings: Finding[]) => findings.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`);
    expect(lines(report.errors)).toEqual([]);
    expect(lines(report.warnings)).toEqual([]);
  });

  it('declares what addons.mozilla.org asks: its id, the oldest Firefox it runs on, and that it collects no data', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR.firefox, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: Record<string, { id?: string; strict_min_version?: string; data_collection_permissions?: unknown }>;
    };
    expect(manifest.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      // Firefox for Android knows data_collection_permissions from 142 on
      gecko_android: { strict_min_version: '142.0' },
    });
  });
});

describe("the event page's life in firefox-esr", () => {
  const PREP_LIST = 'Stream prep';
  let stack: DemoStack;
  let alice: ExtensionUser;

  beforeAll(async () => {
    stack = await startDemoStack();
    alice = await launchUser('firefox', stack.demo.url, 'alice');
    await alice.page.waitForSelector(inPanel('.lct-status.lct-status-live'), { timeout: PATIENCE_MS });
  });

  afterAll(async () => {
    await alice?.close();
    await stack?.stop();
  });

  it("the keep-alive alarm fires every 20 s, and keeps the event page running past Firefox's 30 s idle limit", async () => {
    const popup = await alice.openExtensionPage('src/popup/index.html');
    const alarm = await popup.evaluate(
      (name) =>
        (globalThis as unknown as { browser: { alarms: { get(n: string): Promise<{ periodInMinutes?: number }> } } }).browser.alarms.get(
          name,
        ),
      KEEPALIVE_ALARM,
    );
    await popup.close();
    expect(alarm?.periodInMinutes).toBe(keepalivePeriodMinutes(true));
    expect(alarm.periodInMinutes! * 60).toBe(20);
    // Left alone with the panel open for 40 s, sampled every second: never suspended.
    const stopped: number[] = [];
    for (let second = 0; second < 40; second++) {
      if (!(await alice.backgroundRunning())) stopped.push(second);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(stopped).toEqual([]);
    await alice.page.waitForSelector(inPanel('.lct-status.lct-status-live'), { timeout: 1_000 });
  });

  /** Records each change of the panel's connection status, with the time it showed: [ms since epoch, status]. */
  const recordStatus = () =>
    alice.page.evaluate(() => {
      const root = document.querySelector('lct-task-panel')!.shadowRoot!;
      const read = () => /lct-status-(\w+)/.exec(root.querySelector('.lct-status')?.className ?? '')?.[1] ?? 'none';
      const log: [number, string][] = [[Date.now(), read()]];
      (window as unknown as { lctStatusLog: typeof log }).lctStatusLog = log;
      new MutationObserver(() => {
        const now = read();
        if (now !== log.at(-1)![1]) log.push([Date.now(), now]);
      }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    });
  const statusLog = () => alice.page.evaluate(() => (window as unknown as { lctStatusLog: [number, string][] }).lctStatusLog);

  /** Suspends the event page and resolves with the time the next one woke (first seen running). */
  async function suspendAndWake(): Promise<number> {
    await alice.stopBackground();
    const deadline = Date.now() + PATIENCE_MS;
    while (!(await alice.backgroundRunning())) {
      if (Date.now() > deadline) throw new Error('the event page did not wake');
    }
    return Date.now();
  }

  it('suspended while live: the panel follows the new event page within a second of the wake, and is live again', async () => {
    await recordStatus();
    const wokeAt = await suspendAndWake();
    await alice.page.waitForFunction(
      () => {
        const log = (window as unknown as { lctStatusLog: [number, string][] }).lctStatusLog;
        return log.length >= 3 && log.at(-1)![1] === 'live';
      },
      { timeout: PATIENCE_MS },
    );
    const log = await statusLog();
    // the old page's last state, then the new one's: connecting (its port reached the panel), …, live
    expect(log[0]![1]).toBe('live');
    const followed = log.find(([at, status]) => at >= wokeAt - 50 && status !== 'live');
    expect(followed, JSON.stringify(log)).toBeDefined();
    expect(followed![0] - wokeAt).toBeLessThan(1_000);
    // and live again once the new page has signed in and joined (about a second here; slack for a busy machine)
    expect(log.at(-1)![1]).toBe('live');
    expect(log.at(-1)![0] - wokeAt).toBeLessThan(5_000);
  });

  it('suspended with an edit queued (server down): the edit is kept, and published once after the wake', async () => {
    await stack.stopBackend();
    await alice.page.waitForSelector(inPanel('.lct-status:not(.lct-status-live)'), { timeout: PATIENCE_MS });
    await addTaskInPanel(alice.page, PREP_LIST, 'Queued before the suspension');
    expect((await panelList(alice.page, PREP_LIST))?.pending).toBeGreaterThan(0);
    await suspendAndWake();
    // the new event page read the queue from storage: the panel still shows the edit, pending
    await alice.page.waitForSelector(inPanel('.lct-status:not(.lct-status-live)'), { timeout: PATIENCE_MS });
    expect((await panelList(alice.page, PREP_LIST))?.names).toContain('Queued before the suspension');
    expect((await panelList(alice.page, PREP_LIST))?.pending).toBeGreaterThan(0);

    await stack.startBackendAgain();
    await alice.page.waitForSelector(inPanel('.lct-status.lct-status-live'), { timeout: 60_000 });
    await alice.page.waitForFunction(
      (list) => {
        const section = [...(document.querySelector('lct-task-panel')?.shadowRoot?.querySelectorAll('section.lct-list') ?? [])].find(
          (s) => s.querySelector('h3')?.textContent === list,
        );
        return section && section.querySelectorAll('.is-pending').length === 0;
      },
      { timeout: PATIENCE_MS },
      PREP_LIST,
    );
    expect((await serverTaskNames(stack, PREP_LIST)).filter((n) => n === 'Queued before the suspension')).toHaveLength(1);
  });
});
