// alice's session beyond the page panel, in Chromium and in Firefox ESR: a
// quick-add from the toolbar popup, then faults in the middle of the session:
// the browser stops the extension's background (Chrome its service worker
// after 30 s idle, Firefox its event page after 30 s whatever happens), and
// the XMPP server goes away and comes back. alice runs in puppeteer-core
// (see extension-browser.ts: it can open the popup and stop the background
// in both browsers); bob in Playwright's Chromium watches what the other
// moderators see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { fetchItems, readTasks } from '../../demo/muc.mjs';
import {
  BROWSERS, eventually, inPanel, launchUser, listSection, openAs, PATIENCE_MS, taskNames, taskRow, visible,
  type ExtensionUser, type UserBrowser,
} from '../helpers/browser.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';

const PREP_LIST = 'Stream prep';
let stack: DemoStack;
let alice: ExtensionUser;
let bob: UserBrowser;

/**
 * Adds a task to a list through alice's panel, as she would: the list's "Add a task", type,
 * Enter, Cancel. The panel may re-render under the pointer (it repaints when the worker comes
 * back): like a user, try again until the form opens.
 */
async function aliceAddsTask(listName: string, name: string) {
  const { page } = alice;
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const sections = await page.$$(inPanel('section.lct-list'));
    let opened = false;
    for (const s of sections) {
      if ((await s.$eval('h3', (h) => h.textContent).catch(() => null)) !== listName) continue;
      await (await s.$('button[aria-label="Add a task"]'))?.click().catch(() => {});
      const input = await s.waitForSelector('form[aria-label="New task"] input', { timeout: 2_000 }).catch(() => null);
      if (!input) break;
      await input.type(name);
      await input.press('Enter');
      await (await s.$('form[aria-label="New task"] button[type=button]'))!.click(); // Cancel: closes the form
      opened = true;
      break;
    }
    if (opened) return;
    if (Date.now() > deadline) throw new Error(`alice could not add a task to "${listName}"`);
  }
}

/** The task names alice's panel shows in a list, and whether any of them is marked "not saved yet". */
function alicesList(listName: string) {
  return alice.page.evaluate((name) => {
    const root = document.querySelector('lct-task-panel')?.shadowRoot;
    const section = [...(root?.querySelectorAll('section.lct-list') ?? [])].find((s) => s.querySelector('h3')?.textContent === name);
    if (!section) return null;
    return {
      names: [...section.querySelectorAll('.lct-task-name')].map((n) => n.textContent),
      pending: section.querySelectorAll('.is-pending').length,
    };
  }, listName);
}

async function serverTaskNames(listName: string) {
  const client = await stack.rawClient('alice');
  try {
    const { lists, tasks } = readTasks(await fetchItems(client, LIVE_VIDEO.room!));
    const list = lists.find((l) => l.name === listName);
    // as the panels sort them: by order, then by id
    return tasks
      .filter((t) => t.list === list?.id)
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
      .map((t) => t.name);
  } finally {
    await client.close();
  }
}

describe.each(BROWSERS)('alice in %s', (browserName) => {
  beforeAll(async () => {
    ensureLocalBuild();
    stack = await startDemoStack();
    [alice, bob] = await Promise.all([launchUser(browserName, stack.demo.url, 'alice'), openAs(stack.demo.url, 'bob')]);
    await alice.page.waitForSelector(inPanel('input[type=checkbox]'), { timeout: PATIENCE_MS });
    await visible(listSection(bob.page, PREP_LIST));
  });

  afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.stop();
  });

  describe('the toolbar popup', () => {
    it('a task quick-added from the popup over the watch page shows in both panels, in the list the popup showed', async () => {
      const popup = await alice.openPopup();
      const input = await popup.waitForSelector('form[aria-label="Quick add"] input:not([disabled])', { timeout: PATIENCE_MS });
      const listName = await popup.$eval('form[aria-label="Quick add"] select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent);
      expect(listName).toBeTruthy();
      await input!.type('Quick-added from the popup');
      await input!.press('Enter');
      await popup.waitForFunction(() => document.body.textContent?.includes('“Quick-added from the popup” added to'), { timeout: PATIENCE_MS });
      await popup.close();
      await eventually(() => alicesList(listName!).then((l) => l?.names.at(-1))).toBe('Quick-added from the popup');
      await eventually(async () => (await taskNames(listSection(bob.page, listName!))).at(-1)).toBe('Quick-added from the popup');
    });
  });

  describe('faults mid-session', () => {
    it('the background stopped: an edit made right after is not lost, and the panel keeps following', async () => {
      const before = await serverTaskNames(PREP_LIST);
      await alice.stopBackground();
      await aliceAddsTask(PREP_LIST, 'Added after the worker stopped');
      // bob sees it: it reached the server
      await visible(taskRow(bob.page, 'Added after the worker stopped'));
      // alice's panel shows it confirmed, not pending
      await eventually(() => alicesList(PREP_LIST)).toEqual({ names: [...before, 'Added after the worker stopped'], pending: 0 });
      // and hears bob's changes again
      await taskRow(bob.page, 'Check sound levels').getByRole('checkbox').check();
      await eventually(() => alice.page.evaluate(() => {
        const root = document.querySelector('lct-task-panel')?.shadowRoot;
        const box = [...(root?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])]
          .find((b) => b.closest('li')?.querySelector('.lct-task-name')?.textContent === 'Check sound levels');
        return box?.checked;
      })).toBe(true);
    });

    it('the background stopped twice in a row while alice edits: every edit arrives once, in order', async () => {
      const before = await serverTaskNames(PREP_LIST);
      await alice.stopBackground();
      await aliceAddsTask(PREP_LIST, 'First after second stop');
      await alice.stopBackground();
      await aliceAddsTask(PREP_LIST, 'Second after second stop');
      await eventually(() => serverTaskNames(PREP_LIST)).toEqual([...before, 'First after second stop', 'Second after second stop']);
      await eventually(() => taskNames(listSection(bob.page, PREP_LIST))).toEqual(await serverTaskNames(PREP_LIST));
    });

    it('the backend restarted: edits made while it was down are shown pending, then published after the reconnect', async () => {
      await stack.stopBackend();
      // alice's panel says it is not connected any more
      await alice.page.waitForSelector(inPanel('.lct-status:not(.lct-status-live)'), { timeout: PATIENCE_MS });
      await aliceAddsTask(PREP_LIST, 'Made while the server was down');
      await eventually(() => alicesList(PREP_LIST).then((l) => l?.pending)).toBeGreaterThan(0);

      await stack.startBackendAgain();
      // the reconnect has a back-off: allow for it
      const reconnect = 60_000;
      await visible(taskRow(bob.page, 'Made while the server was down'), reconnect);
      await eventually(() => alicesList(PREP_LIST).then((l) => l?.pending), reconnect).toBe(0);
      expect(await serverTaskNames(PREP_LIST)).toContain('Made while the server was down');
      await alice.page.waitForSelector(inPanel('.lct-status.lct-status-live'), { timeout: reconnect });

      // live again both ways
      await taskRow(bob.page, 'Thank the new followers').getByRole('checkbox').check();
      await eventually(() => alice.page.evaluate(() => {
        const root = document.querySelector('lct-task-panel')?.shadowRoot;
        return [...(root?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])]
          .find((b) => b.closest('li')?.querySelector('.lct-task-name')?.textContent === 'Thank the new followers')?.checked;
      }), reconnect).toBe(true);
    });
  });
});
