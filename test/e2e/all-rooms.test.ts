// "All rooms" with the built extension on the demo: alice (Chromium, then
// Firefox ESR: the two-browser layer, extension-browser.ts) moderates the
// demo's two live rooms; the side panel lists both with their open tasks,
// follows bob's tick live, opens a room from the list; the popup quick-adds
// into the room that is not the default one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { LIVE_VIDEO, SECOND_LIVE_VIDEO } from '../../demo/catalog.mjs';
import { fetchItems, readTasks } from '../../demo/muc.mjs';
import {
  BROWSERS,
  doneBox,
  eventually,
  inPanel,
  launchUser,
  openAs,
  PATIENCE_MS,
  watchPath,
  type ExtensionUser,
  type UserBrowser,
} from '../helpers/browser.ts';
import { click, find, shows, type Step } from '../helpers/by-role.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';

/** The room's entry in "All rooms", found by the video's name in it. */
const roomEntry = (name: string): Step => ({ css: 'ul.lct-room-list > li', hasText: name });
/** The room's open tasks, as a screen reader says them: the description of its button (the count shown, hidden from its name). */
const countOf = async (page: Page, name: string) =>
  (await find(page, roomEntry(name), { css: 'button' })).evaluate(
    (b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
  );

describe.each(BROWSERS)('alice in %s', (browserName) => {
  let stack: DemoStack;
  let alice: ExtensionUser;
  let bob: UserBrowser;

  beforeAll(async () => {
    ensureLocalBuild();
    stack = await startDemoStack();
    [alice, bob] = await Promise.all([launchUser(browserName, stack.demo.url, 'alice'), openAs(stack.demo.url, 'bob')]);
    await alice.page.waitForSelector(inPanel('input[type=checkbox]'), { timeout: PATIENCE_MS });
    // alice moderates the second live room too: she opens its page, and stays there
    await alice.page.goto(`${stack.demo.url}${watchPath(SECOND_LIVE_VIDEO)}`);
    await alice.page.waitForFunction(
      (name) => document.querySelector('lct-task-panel')?.shadowRoot?.textContent?.includes(name),
      { timeout: PATIENCE_MS, polling: 200 },
      'Show the new chisel set',
    );
  });

  afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.stop();
  });

  it("lists both rooms with their open tasks, follows bob's tick, and opens the room picked", async () => {
    const panel = await alice.openExtensionPage('src/sidepanel/index.html');
    try {
      // its own tab shows no room: All rooms, the last used first
      await shows(panel, { role: 'heading', name: 'Rooms you moderated recently' });
      await eventually(() => countOf(panel, LIVE_VIDEO.name)).toBe('4 open tasks');
      await eventually(() => countOf(panel, SECOND_LIVE_VIDEO.name)).toBe('2 open tasks');
      const order = await panel.$$eval('ul.lct-room-list .lct-room-name', (els) => els.map((e) => e.textContent ?? ''));
      expect(order[0]).toContain(SECOND_LIVE_VIDEO.name);
      expect(order[1]).toContain(LIVE_VIDEO.name);
      // and as shown
      expect(await panel.$$eval('ul.lct-room-list .lct-room-count', (els) => els.map((e) => e.textContent))).toEqual([
        '2 open tasks',
        '4 open tasks',
      ]);

      await doneBox(bob.page, 'Sand the edges').check();
      await eventually(() => countOf(panel, LIVE_VIDEO.name)).toBe('3 open tasks');

      // Enter on the focused room opens it
      await (await find(panel, roomEntry(LIVE_VIDEO.name), { css: 'button' })).focus();
      await panel.keyboard.press('Enter');
      await shows(panel, { css: '.lct-task-name', hasText: 'Drill the entrance hole' });
      await click(panel, { role: 'button', name: 'All rooms' });
      await shows(panel, { role: 'heading', name: 'Rooms you moderated recently' });
    } finally {
      await panel.close();
    }
  });

  it('the popup quick-adds into the other room, picked in its room picker', async () => {
    // Chromium: the popup over the second room's page starts on that room. Firefox: the popup in
    // its own tab starts on the last room used, the first one, opened from All rooms just before.
    const [start, other] = browserName === 'chromium' ? [SECOND_LIVE_VIDEO, LIVE_VIDEO] : [LIVE_VIDEO, SECOND_LIVE_VIDEO];
    const popup = await alice.openPopup();
    try {
      const picker = await popup.waitForSelector('select[data-testid="popup-room"]', { timeout: PATIENCE_MS });
      const current = await picker!.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      expect(current).toContain(start.name);
      const otherValue = await picker!.evaluate(
        (s, name) => [...(s as HTMLSelectElement).options].find((o) => o.textContent?.includes(name))?.value,
        other.name,
      );
      await picker!.select(otherValue!);
      await popup.waitForFunction(
        (name) => document.querySelector('h1')?.textContent?.includes(name),
        { timeout: PATIENCE_MS },
        other.name,
      );
      const input = await popup.waitForSelector('form[aria-label="Quick add"] input:not([disabled])', { timeout: PATIENCE_MS });
      await input!.type('Added from the popup to the other room');
      await input!.press('Enter');
      await popup.waitForFunction(() => document.body.textContent?.includes('“Added from the popup to the other room” added to'), {
        timeout: PATIENCE_MS,
      });
    } finally {
      await popup.close();
    }
    const roomTasks = async (room: string) => {
      const client = await stack.rawClient('alice');
      try {
        return readTasks(await fetchItems(client, room)).tasks.map((t) => t.name);
      } finally {
        await client.close();
      }
    };
    expect(await roomTasks(other.room!)).toContain('Added from the popup to the other room');
    expect(await roomTasks(start.room!)).not.toContain('Added from the popup to the other room');
  });
});
