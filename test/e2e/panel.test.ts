// Two moderators, alice (owner) and bob (admin), each in their own browser
// profile with the built extension, on the demo's live video: every feature
// of the task panel, each change seen by the other one; once with both in
// Chromium, once with both in firefox-esr (extension-browser.ts). (carol, who
// sees no panel, and PeerTube's single-page navigation are in
// navigation.test.ts.) Things are found as a user finds them, by role and
// name (by-role.ts).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import {
  click,
  countOf,
  eventually,
  fill,
  find,
  gone,
  PANEL,
  type Role,
  selectOption,
  shows,
  type Step,
  textOf,
} from '../helpers/by-role.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { BROWSERS, launchUser, type ExtensionUser } from '../helpers/extension-browser.ts';
import { panelTaskDone, panelTaskNames } from '../helpers/panel-dom.ts';

const FIRST_LIST = LIVE_VIDEO.name; // the server names the first list after the room
const PREP_LIST = 'Stream prep';

const role = (r: Role, name?: string): Step => ({ role: r, name });
const button = (name: string) => role('button', name);
/** a task list's section, by its name as shown */
const list = (name: string) => role('region', name);
/** a task's row, by the name of its done box */
const row = (name: string): Step => ({ row: name });
const chatMessage = (text: string): Step => ({ css: 'converse-chat-message', hasText: text });

/** Presses the mouse on a task's handle, as a user starting a drag; returns the x the drag keeps. */
async function grabTask(page: Page, task: string): Promise<number> {
  const handle = await find(page, PANEL, row(task), button('Move'));
  await handle.scrollIntoView();
  const from = await handle.boundingBox();
  if (!from) throw new Error('the row is not laid out');
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  return x;
}

/** The vertical middle of what the steps reach, on the page. */
async function middleOf(page: Page, ...steps: Step[]): Promise<{ y: number; height: number }> {
  const box = await (await find(page, ...steps)).boundingBox();
  if (!box) throw new Error('not laid out');
  return { y: box.y + box.height / 2, height: box.height };
}

/** At (x, y): whether the dragged task's preview is what shows there, and how opaque it is drawn. */
function previewAt(page: Page, x: number, y: number): Promise<{ onTop: boolean; opacity: string } | null> {
  return page.evaluate(
    (px, py) => {
      const root = document.querySelector('lct-task-panel')!.shadowRoot!;
      const preview = root.querySelector<HTMLElement>('.lct-drag-preview');
      if (!preview) return null;
      // the preview lets the pointer through (inert, no pointer events): let it be hit for a moment
      preview.inert = false;
      preview.style.pointerEvents = 'auto';
      const hit = root.elementFromPoint(px, py);
      preview.style.pointerEvents = '';
      preview.inert = true;
      return { onTop: !!hit && preview.contains(hit), opacity: getComputedStyle(preview).opacity };
    },
    x,
    y,
  );
}

describe.each(BROWSERS)('alice and bob in %s', (browserName) => {
  let stack: DemoStack;
  let alice: ExtensionUser;
  let bob: ExtensionUser;

  beforeAll(async () => {
    ensureLocalBuild();
    stack = await startDemoStack();
    [alice, bob] = await Promise.all([launchUser(browserName, stack.demo.url, 'alice'), launchUser(browserName, stack.demo.url, 'bob')]);
  });

  afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await stack?.stop();
  });

  describe('the task panel beside the chat', () => {
    it("shows alice (owner) and bob (admin) the room's lists and tasks as the server has them", async () => {
      for (const { page } of [alice, bob]) {
        await shows(page, PANEL, list(FIRST_LIST));
        await eventually(() => panelTaskNames(page, FIRST_LIST)).toEqual([
          'Cut the side panels',
          'Drill the entrance hole',
          'Sand the edges',
        ]);
        await eventually(() => panelTaskNames(page, PREP_LIST)).toEqual([
          'Check sound levels',
          'Pin the schedule in the chat',
          'Thank the new followers',
        ]);
        await eventually(() => panelTaskDone(page, 'Cut the side panels')).toBe(true);
        await eventually(() => panelTaskDone(page, 'Drill the entrance hole')).toBe(false);
        await eventually(() => textOf(page, PANEL, row('Drill the entrance hole'))).toContain('32 mm for blue tits');
      }
    });

    it("follows PeerTube's light and dark themes", async () => {
      // (the README's pictures are npm run screenshots' job: tests write no tracked file)
      const { page } = alice;
      const panelBackground = async () => (await find(page, PANEL)).evaluate((el) => getComputedStyle(el).backgroundColor);
      await page.evaluate(() => {
        document.documentElement.dataset.theme = 'light';
      });
      const light = await panelBackground();
      await click(page, button('Dark theme'));
      await eventually(panelBackground).not.toBe(light);
      await click(page, button('Light theme'));
      await eventually(panelBackground).toBe(light);
    });

    it("a list alice creates shows for bob, and bob's rename shows for alice", async () => {
      await click(alice.page, PANEL, button('New list'));
      const form = role('form', 'New task list');
      await fill(alice.page, [PANEL, form, role('textbox', 'Name')], 'Giveaway');
      await click(alice.page, PANEL, form, button('Add'));
      await shows(bob.page, PANEL, list('Giveaway'));

      await click(bob.page, PANEL, list('Giveaway'), button('Rename list'));
      const rename = role('form', 'Rename the task list');
      await fill(bob.page, [PANEL, rename, role('textbox', 'Name')], 'Giveaway prizes');
      await click(bob.page, PANEL, rename, button('Save'));
      await shows(alice.page, PANEL, list('Giveaway prizes'));
      await gone(alice.page, PANEL, list('Giveaway'));
    });

    it("a task alice creates (name and description) shows for bob, and bob's edit shows for alice", async () => {
      await click(alice.page, PANEL, list('Giveaway prizes'), button('Add a task'));
      const form = [PANEL, list('Giveaway prizes'), role('form', 'New task')];
      await fill(alice.page, [...form, role('combobox', 'Name')], 'Pick a winner');
      await fill(alice.page, [...form, role('textbox', 'Description (optional)')], 'Among the followers');
      await click(alice.page, ...form, button('Add'));
      await click(alice.page, ...form, button('Cancel'));
      await eventually(() => textOf(bob.page, PANEL, row('Pick a winner'))).toContain('Among the followers');
      await eventually(() => panelTaskNames(bob.page, 'Giveaway prizes')).toEqual(['Pick a winner']);

      await click(bob.page, PANEL, row('Pick a winner'), button('Edit task'));
      const edit = role('form', 'Edit the task');
      await fill(bob.page, [PANEL, edit, role('textbox', 'Name')], 'Pick two winners');
      await fill(bob.page, [PANEL, edit, role('textbox', 'Description (optional)')], 'Among the followers, live on stream');
      await click(bob.page, PANEL, edit, button('Save'));
      await eventually(() => textOf(alice.page, PANEL, row('Pick two winners'))).toContain('Among the followers, live on stream');
      await gone(alice.page, PANEL, row('Pick a winner'));
    });

    it('done and undone: alice ticks a task, bob sees it struck through, bob unticks it, alice sees it open', async () => {
      const box = role('checkbox', 'Sand the edges');
      await click(alice.page, PANEL, box);
      await eventually(() => panelTaskDone(alice.page, 'Sand the edges')).toBe(true);
      await eventually(() => panelTaskDone(bob.page, 'Sand the edges')).toBe(true);
      const decoration = async () =>
        (await find(bob.page, PANEL, row('Sand the edges'), { css: '.lct-task-name' })).evaluate(
          (el) => getComputedStyle(el).textDecorationLine,
        );
      await eventually(decoration).toContain('line-through');
      const counts = { css: '.lct-counts .lct-sr' };
      await eventually(() => textOf(bob.page, PANEL, list(FIRST_LIST), counts)).toBe('1 open task of 3');

      await click(bob.page, PANEL, box);
      await eventually(() => panelTaskDone(alice.page, 'Sand the edges')).toBe(false);
      await eventually(() => textOf(alice.page, PANEL, list(FIRST_LIST), counts)).toBe('2 open tasks of 3');
    });

    it('alice moves a task up with Alt+↑; bob sees the new order', async () => {
      await (await find(alice.page, PANEL, role('checkbox', 'Sand the edges'))).focus();
      await alice.page.keyboard.down('Alt');
      await alice.page.keyboard.press('ArrowUp');
      await alice.page.keyboard.up('Alt');
      const expected = ['Cut the side panels', 'Sand the edges', 'Drill the entrance hole'];
      await eventually(() => panelTaskNames(alice.page, FIRST_LIST)).toEqual(expected);
      await eventually(() => panelTaskNames(bob.page, FIRST_LIST)).toEqual(expected);
    });

    it('bob drags a task below another with the mouse; alice sees the new order', async () => {
      const page = bob.page;
      // As a user who drags tasks would: a taller window and the panel as tall as the chat's column
      // allows (End on its grip), so that both ends of the drag show without scrolling the lists
      // (the panel shares the chat's column, which is the player's height).
      const grip = [PANEL, role('separator', 'Resize the task panel')];
      const gripValue = async (name: string) => (await find(page, ...grip)).evaluate((el, n) => el.getAttribute(n), name);
      await page.setViewport({ width: 1366, height: 1080 });
      // the panel has measured its taller column (it re-checks its place after a resize), then takes it all
      await eventually(async () => Number(await gripValue('aria-valuemax'))).toBeGreaterThan(500);
      await (await find(page, ...grip)).focus();
      await page.keyboard.press('End');
      await eventually(() => gripValue('aria-valuenow')).toBe(await gripValue('aria-valuemax'));
      const x = await grabTask(page, 'Cut the side panels');
      const to = await middleOf(page, PANEL, row('Drill the entrance hole'));
      await page.mouse.move(x, to.y + to.height * 0.3, { steps: 12 });
      await page.mouse.up();
      const expected = ['Sand the edges', 'Drill the entrance hole', 'Cut the side panels'];
      await eventually(() => panelTaskNames(bob.page, FIRST_LIST)).toEqual(expected);
      await eventually(() => panelTaskNames(alice.page, FIRST_LIST)).toEqual(expected);
    });

    it('bob drags a task onto another list; alice sees it there', async () => {
      const page = bob.page;
      // as a user would: fold the list in between so that both ends of the drag are in view
      const between = [PANEL, list(FIRST_LIST), button(FIRST_LIST)];
      await click(page, ...between);
      const x = await grabTask(page, 'Thank the new followers');
      try {
        // on its way, the task is drawn above the next list's header, not under it nor see-through
        const header = await middleOf(page, PANEL, list('Giveaway prizes'), { css: '.lct-list-header' });
        await page.mouse.move(x, header.y, { steps: 8 });
        expect(await previewAt(page, x, header.y)).toEqual({ onTop: true, opacity: '1' });
        const to = await middleOf(page, PANEL, row('Pick two winners'));
        await page.mouse.move(x, to.y - to.height * 0.2, { steps: 7 });
      } finally {
        await page.mouse.up();
      }
      await eventually(() => panelTaskNames(alice.page, 'Giveaway prizes')).toEqual(['Thank the new followers', 'Pick two winners']);
      await eventually(() => panelTaskNames(alice.page, PREP_LIST)).toEqual(['Check sound levels', 'Pin the schedule in the chat']);
      await click(page, ...between);
    });

    it('alice moves a task to another list with "Move to list…"; bob sees it at the end of that list', async () => {
      await click(alice.page, PANEL, row('Check sound levels'), button('Move to list…'));
      const dialog = role('dialog', 'Move the task to a list');
      await selectOption(alice.page, [PANEL, dialog, role('combobox', 'List')], 'Giveaway prizes');
      await click(alice.page, PANEL, dialog, button('Move'));
      const expected = ['Thank the new followers', 'Pick two winners', 'Check sound levels'];
      await eventually(() => panelTaskNames(bob.page, 'Giveaway prizes')).toEqual(expected);
      await eventually(() => panelTaskNames(bob.page, PREP_LIST)).toEqual(['Pin the schedule in the chat']);
    });

    it('a task from a chat message: sender as name, message as description, in both panels', async () => {
      await click(alice.page, chatMessage('Which wood is best for a birdhouse?'), button('Create a task from this message'));
      const dialog = role('dialog', 'Create a task from a chat message');
      await selectOption(alice.page, [dialog, role('combobox', 'List')], PREP_LIST);
      await click(alice.page, dialog, button('Create the task'));
      for (const { page } of [alice, bob]) {
        await eventually(() => textOf(page, PANEL, row('Carol'))).toContain('Which wood is best for a birdhouse?');
        await eventually(() => panelTaskNames(page, PREP_LIST)).toEqual(['Pin the schedule in the chat', 'Carol']);
      }
    });

    it('a message posted in the chat meanwhile gets the action too', async () => {
      await fill(bob.page, [role('textbox', 'Message')], 'Can someone clip the last minute?');
      await bob.page.keyboard.press('Enter');
      await shows(alice.page, chatMessage('Can someone clip the last minute?'), button('Create a task from this message'));
    });

    it('bob deletes a task after confirming; alice sees it gone', async () => {
      await click(bob.page, PANEL, row('Pick two winners'), button('Delete task'));
      const dialog = role('dialog', 'Delete this task?');
      await eventually(() => textOf(bob.page, PANEL, dialog)).toContain('Pick two winners');
      await click(bob.page, PANEL, dialog, button('Delete'));
      await gone(alice.page, PANEL, row('Pick two winners'));
      await eventually(() => panelTaskNames(alice.page, 'Giveaway prizes')).toEqual(['Thank the new followers', 'Check sound levels']);
    });

    it('cancelling a deletion keeps the task', async () => {
      await click(alice.page, PANEL, row('Check sound levels'), button('Delete task'));
      await click(alice.page, PANEL, role('dialog', 'Delete this task?'), button('Cancel'));
      await gone(alice.page, PANEL, role('dialog'));
      await shows(alice.page, PANEL, row('Check sound levels'));
    });

    it('alice deletes a list with its tasks after confirming; bob sees list and tasks gone', async () => {
      await click(alice.page, PANEL, list('Giveaway prizes'), button('Delete list'));
      const dialog = role('dialog', 'Delete this list?');
      await eventually(() => textOf(alice.page, PANEL, dialog)).toContain('2 tasks');
      await click(alice.page, PANEL, dialog, button('Delete'));
      await gone(bob.page, PANEL, list('Giveaway prizes'));
      await gone(bob.page, PANEL, row('Check sound levels'));
      await gone(bob.page, PANEL, row('Thank the new followers'));
      // the other lists are untouched
      await eventually(() => panelTaskNames(bob.page, FIRST_LIST)).toEqual([
        'Sand the edges',
        'Drill the entrance hole',
        'Cut the side panels',
      ]);
    });

    it('collapsing a list hides its tasks and shows them again; "Hide done" hides done tasks', async () => {
      const { page } = alice;
      const collapse = [PANEL, list(FIRST_LIST), button(FIRST_LIST)];
      const tasks = [PANEL, list(FIRST_LIST), { css: '.lct-task' }];
      await click(page, ...collapse);
      await eventually(async () => (await find(page, ...collapse)).evaluate((el) => el.getAttribute('aria-expanded'))).toBe('false');
      await gone(page, ...tasks);
      await click(page, ...collapse);
      await eventually(() => countOf(page, ...tasks)).toBe(3);

      await click(page, PANEL, button('Hide done'));
      await gone(page, PANEL, row('Cut the side panels'));
      await shows(page, PANEL, row('Sand the edges'));
      await click(page, PANEL, button('Hide done'));
      await shows(page, PANEL, row('Cut the side panels'));
    });
  });

  describe('who sees the panel, and where', () => {
    it("with the chat closed the panel stays, docked at the page's side", async () => {
      const { page } = alice;
      const dock = () => page.$eval('[data-testid=lct-panel-host]', (el) => el.getAttribute('data-dock'));
      await click(page, button('Close'));
      await eventually(() =>
        page.$eval('#peertube-plugin-livechat-container', (el) => el.getAttribute('peertube-plugin-livechat-state')),
      ).toBe('closed');
      await eventually(dock).toBe('side');
      await shows(page, PANEL, list(FIRST_LIST));
      await click(page, button('Open chat'));
      await eventually(dock).toBe('chat');
    });

    it('no script error in either page during all of this', () => {
      expect(alice.pageErrors).toEqual([]);
      expect(bob.pageErrors).toEqual([]);
      expect(alice.dialogs).toEqual([]);
      expect(bob.dialogs).toEqual([]);
    });
  });
});
