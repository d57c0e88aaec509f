// alice's session beyond the page panel, in Chromium and in Firefox ESR: a
// quick-add from the toolbar popup, then faults in the middle of the session:
// the browser stops the extension's background (Chrome its service worker
// after 30 s idle, Firefox its event page after 30 s whatever happens), and
// the XMPP server goes away and comes back. alice runs in puppeteer-core
// (see extension-browser.ts: it can open the popup and stop the background
// in both browsers); bob in Playwright's Chromium watches what the other
// moderators see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  eventually,
  inPanel,
  launchUser,
  listSection,
  openAs,
  PATIENCE_MS,
  taskNames,
  taskRow,
  visible,
  type ExtensionUser,
  type UserBrowser,
} from '../helpers/browser.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { addTaskInPanel, panelList, panelTaskDone, serverTaskNames } from '../helpers/panel-dom.ts';

const PREP_LIST = 'Stream prep';
let stack: DemoStack;
let alice: ExtensionUser;
let bob: UserBrowser;

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
      const listName = await popup.$eval(
        'form[aria-label="Quick add"] select',
        (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent,
      );
      expect(listName).toBeTruthy();
      await input!.type('Quick-added from the popup');
      await input!.press('Enter');
      await popup.waitForFunction(() => document.body.textContent?.includes('“Quick-added from the popup” added to'), {
        timeout: PATIENCE_MS,
      });
      await popup.close();
      await eventually(() => panelList(alice.page, listName!).then((l) => l?.names.at(-1))).toBe('Quick-added from the popup');
      await eventually(async () => (await taskNames(listSection(bob.page, listName!))).at(-1)).toBe('Quick-added from the popup');
    });
  });

  describe('faults mid-session', () => {
    it('the background stopped: an edit made right after is not lost, and the panel keeps following', async () => {
      const before = await serverTaskNames(stack, PREP_LIST);
      await alice.stopBackground();
      await addTaskInPanel(alice.page, PREP_LIST, 'Added after the worker stopped');
      // bob sees it: it reached the server
      await visible(taskRow(bob.page, 'Added after the worker stopped'));
      // alice's panel shows it confirmed, not pending
      await eventually(() => panelList(alice.page, PREP_LIST)).toEqual({
        names: [...before, 'Added after the worker stopped'],
        pending: 0,
      });
      // and hears bob's changes again
      await taskRow(bob.page, 'Check sound levels').getByRole('checkbox').check();
      await eventually(() => panelTaskDone(alice.page, 'Check sound levels')).toBe(true);
    });

    it('the background stopped twice in a row while alice edits: every edit arrives once, in order', async () => {
      const before = await serverTaskNames(stack, PREP_LIST);
      await alice.stopBackground();
      await addTaskInPanel(alice.page, PREP_LIST, 'First after second stop');
      await alice.stopBackground();
      await addTaskInPanel(alice.page, PREP_LIST, 'Second after second stop');
      await eventually(() => serverTaskNames(stack, PREP_LIST)).toEqual([...before, 'First after second stop', 'Second after second stop']);
      await eventually(() => taskNames(listSection(bob.page, PREP_LIST))).toEqual(await serverTaskNames(stack, PREP_LIST));
    });

    it('the background stopped while it answers an edit: the panel does not say the change was lost, and it is saved once', async () => {
      const name = 'Answered by a stopped worker';
      const before = await serverTaskNames(stack, PREP_LIST);
      // The server holds its answers: the background waits for the publish's, and is stopped meanwhile.
      stack.pauseBackend();
      try {
        await addTaskInPanel(alice.page, PREP_LIST, name);
        await eventually(() => panelList(alice.page, PREP_LIST).then((l) => l?.pending)).toBeGreaterThan(0);
        await alice.stopBackground();
        // the panel's reply channel closed with the background: give the panel time to tell it
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      } finally {
        stack.resumeBackend();
      }
      const reconnect = 60_000;
      await visible(taskRow(bob.page, name), reconnect);
      await eventually(() => panelList(alice.page, PREP_LIST), reconnect).toEqual({ names: [...before, name], pending: 0 });
      // no "Your change was not saved" in any of the panel's alert regions
      expect(await alice.page.$$eval(inPanel('.lct-live[role=alert]'), (regions) => regions.map((r) => r.textContent).join(''))).toBe('');
      expect(await serverTaskNames(stack, PREP_LIST)).toEqual([...before, name]);
    });

    it('the backend restarted: edits made while it was down are shown pending, then published after the reconnect', async () => {
      await stack.stopBackend();
      // alice's panel says it is not connected any more
      await alice.page.waitForSelector(inPanel('.lct-status:not(.lct-status-live)'), { timeout: PATIENCE_MS });
      await addTaskInPanel(alice.page, PREP_LIST, 'Made while the server was down');
      await eventually(() => panelList(alice.page, PREP_LIST).then((l) => l?.pending)).toBeGreaterThan(0);

      await stack.startBackendAgain();
      // the reconnect has a back-off: allow for it
      const reconnect = 60_000;
      await visible(taskRow(bob.page, 'Made while the server was down'), reconnect);
      await eventually(() => panelList(alice.page, PREP_LIST).then((l) => l?.pending), reconnect).toBe(0);
      expect(await serverTaskNames(stack, PREP_LIST)).toContain('Made while the server was down');
      await alice.page.waitForSelector(inPanel('.lct-status.lct-status-live'), { timeout: reconnect });

      // live again both ways
      await taskRow(bob.page, 'Thank the new followers').getByRole('checkbox').check();
      await eventually(() => panelTaskDone(alice.page, 'Thank the new followers'), reconnect).toBe(true);
    });
  });
});
