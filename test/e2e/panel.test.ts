// Two moderators, alice (owner) and bob (admin), each in their own Chromium
// profile with the built extension, on the demo's live video: every feature
// of the task panel, each change seen by the other one. (carol, who sees no
// panel, and PeerTube's single-page navigation run in both browsers in
// navigation.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import {
  doneBox,
  eventually,
  gone,
  listSection,
  openAs,
  panelOf,
  taskNames,
  taskRow,
  visible,
  type UserBrowser,
} from '../helpers/browser.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';

const FIRST_LIST = LIVE_VIDEO.name; // the server names the first list after the room
const PREP_LIST = 'Stream prep';

let stack: DemoStack;
let alice: UserBrowser;
let bob: UserBrowser;

beforeAll(async () => {
  ensureLocalBuild();
  stack = await startDemoStack();
  [alice, bob] = await Promise.all([openAs(stack.demo.url, 'alice'), openAs(stack.demo.url, 'bob')]);
});

afterAll(async () => {
  await Promise.all([alice?.close(), bob?.close()]);
  await stack?.stop();
});

describe('the task panel beside the chat', () => {
  it("shows alice (owner) and bob (admin) the room's lists and tasks as the server has them", async () => {
    for (const { page } of [alice, bob]) {
      await visible(listSection(page, FIRST_LIST));
      await eventually(() => taskNames(listSection(page, FIRST_LIST))).toEqual([
        'Cut the side panels',
        'Drill the entrance hole',
        'Sand the edges',
      ]);
      await eventually(() => taskNames(listSection(page, PREP_LIST))).toEqual([
        'Check sound levels',
        'Pin the schedule in the chat',
        'Thank the new followers',
      ]);
      await eventually(() => doneBox(page, 'Cut the side panels').isChecked()).toBe(true);
      await eventually(() => doneBox(page, 'Drill the entrance hole').isChecked()).toBe(false);
      await eventually(() => taskRow(page, 'Drill the entrance hole').textContent()).toContain('32 mm for blue tits');
    }
  });

  it("follows PeerTube's light and dark themes", async () => {
    // (the README's pictures are npm run screenshots' job: tests write no tracked file)
    const { page } = alice;
    const panelBackground = () => panelOf(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'light';
    });
    const light = await panelBackground();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await eventually(panelBackground).not.toBe(light);
    await page.getByRole('button', { name: 'Light theme' }).click();
    await eventually(panelBackground).toBe(light);
  });

  it("a list alice creates shows for bob, and bob's rename shows for alice", async () => {
    await panelOf(alice.page).getByRole('button', { name: 'New list' }).click();
    const form = panelOf(alice.page).getByRole('form', { name: 'New task list' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Giveaway');
    await form.getByRole('button', { name: 'Add' }).click();
    await visible(listSection(bob.page, 'Giveaway'));

    await listSection(bob.page, 'Giveaway').getByRole('button', { name: 'Rename list' }).click();
    const rename = panelOf(bob.page).getByRole('form', { name: 'Rename the task list' });
    await rename.getByRole('textbox', { name: 'Name' }).fill('Giveaway prizes');
    await rename.getByRole('button', { name: 'Save' }).click();
    await visible(listSection(alice.page, 'Giveaway prizes'));
    await gone(listSection(alice.page, 'Giveaway'));
  });

  it("a task alice creates (name and description) shows for bob, and bob's edit shows for alice", async () => {
    const list = listSection(alice.page, 'Giveaway prizes');
    await list.getByRole('button', { name: 'Add a task' }).click();
    const form = list.getByRole('form', { name: 'New task' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Pick a winner');
    await form.getByRole('textbox', { name: 'Description (optional)' }).fill('Among the followers');
    await form.getByRole('button', { name: 'Add' }).click();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => taskRow(bob.page, 'Pick a winner').textContent()).toContain('Among the followers');
    await eventually(() => taskNames(listSection(bob.page, 'Giveaway prizes'))).toEqual(['Pick a winner']);

    await taskRow(bob.page, 'Pick a winner').getByRole('button', { name: 'Edit task' }).click();
    const edit = panelOf(bob.page).getByRole('form', { name: 'Edit the task' });
    await edit.getByRole('textbox', { name: 'Name' }).fill('Pick two winners');
    await edit.getByRole('textbox', { name: 'Description (optional)' }).fill('Among the followers, live on stream');
    await edit.getByRole('button', { name: 'Save' }).click();
    await eventually(() => taskRow(alice.page, 'Pick two winners').textContent()).toContain('Among the followers, live on stream');
    await gone(taskRow(alice.page, 'Pick a winner'));
  });

  it('done and undone: alice ticks a task, bob sees it struck through, bob unticks it, alice sees it open', async () => {
    await doneBox(alice.page, 'Sand the edges').check();
    await eventually(() => doneBox(bob.page, 'Sand the edges').isChecked()).toBe(true);
    const decoration = () =>
      taskRow(bob.page, 'Sand the edges')
        .locator('.lct-task-name')
        .evaluate((el) => getComputedStyle(el).textDecorationLine);
    await eventually(decoration).toContain('line-through');
    await eventually(() => listSection(bob.page, FIRST_LIST).locator('.lct-counts .lct-sr').textContent()).toBe('1 open task of 3');

    await doneBox(bob.page, 'Sand the edges').uncheck();
    await eventually(() => doneBox(alice.page, 'Sand the edges').isChecked()).toBe(false);
    await eventually(() => listSection(alice.page, FIRST_LIST).locator('.lct-counts .lct-sr').textContent()).toBe('2 open tasks of 3');
  });

  it('alice moves a task up with Alt+↑; bob sees the new order', async () => {
    const row = taskRow(alice.page, 'Sand the edges');
    await row.getByRole('checkbox').focus();
    await alice.page.keyboard.press('Alt+ArrowUp');
    const expected = ['Cut the side panels', 'Sand the edges', 'Drill the entrance hole'];
    await eventually(() => taskNames(listSection(alice.page, FIRST_LIST))).toEqual(expected);
    await eventually(() => taskNames(listSection(bob.page, FIRST_LIST))).toEqual(expected);
  });

  it('bob drags a task below another with the mouse; alice sees the new order', async () => {
    const page = bob.page;
    // As a user who drags tasks would: a taller window and the panel as tall as the chat's column
    // allows (End on its grip), so that both ends of the drag show without scrolling the lists
    // (the panel shares the chat's column, which is the player's height).
    const grip = panelOf(page).getByRole('separator', { name: 'Resize the task panel' });
    await page.setViewportSize({ width: 1366, height: 1080 });
    // the panel has measured its taller column (it re-checks its place after a resize), then takes it all
    await eventually(async () => Number(await grip.getAttribute('aria-valuemax'))).toBeGreaterThan(500);
    await grip.press('End');
    await eventually(() => grip.getAttribute('aria-valuenow')).toBe(await grip.getAttribute('aria-valuemax'));
    const handle = taskRow(page, 'Cut the side panels').getByRole('button', { name: 'Move', exact: true });
    await handle.scrollIntoViewIfNeeded();
    const target = await taskRow(page, 'Drill the entrance hole').boundingBox();
    const from = await handle.boundingBox();
    if (!target || !from) throw new Error('rows not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, target.y + target.height * 0.8, { steps: 12 });
    await page.mouse.up();
    const expected = ['Sand the edges', 'Drill the entrance hole', 'Cut the side panels'];
    await eventually(() => taskNames(listSection(bob.page, FIRST_LIST))).toEqual(expected);
    await eventually(() => taskNames(listSection(alice.page, FIRST_LIST))).toEqual(expected);
  });

  it('bob drags a task onto another list; alice sees it there', async () => {
    const page = bob.page;
    // as a user would: fold the list in between so that both ends of the drag are in view
    const between = listSection(page, FIRST_LIST).getByRole('button', { name: FIRST_LIST, exact: true });
    await between.click();
    const handle = taskRow(page, 'Thank the new followers').getByRole('button', { name: 'Move', exact: true });
    await handle.scrollIntoViewIfNeeded();
    const target = await taskRow(page, 'Pick two winners').boundingBox();
    const from = await handle.boundingBox();
    if (!target || !from) throw new Error('rows not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, target.y + target.height * 0.3, { steps: 15 });
    await page.mouse.up();
    const expected = ['Thank the new followers', 'Pick two winners'];
    await eventually(() => taskNames(listSection(alice.page, 'Giveaway prizes'))).toEqual(expected);
    await eventually(() => taskNames(listSection(alice.page, PREP_LIST))).toEqual(['Check sound levels', 'Pin the schedule in the chat']);
    await between.click();
  });

  it('alice moves a task to another list with "Move to list…"; bob sees it at the end of that list', async () => {
    await taskRow(alice.page, 'Check sound levels').getByRole('button', { name: 'Move to list…' }).click();
    const dialog = panelOf(alice.page).getByRole('dialog', { name: 'Move the task to a list' });
    await dialog.getByRole('combobox', { name: 'List' }).selectOption({ label: 'Giveaway prizes' });
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    const expected = ['Thank the new followers', 'Pick two winners', 'Check sound levels'];
    await eventually(() => taskNames(listSection(bob.page, 'Giveaway prizes'))).toEqual(expected);
    await eventually(() => taskNames(listSection(bob.page, PREP_LIST))).toEqual(['Pin the schedule in the chat']);
  });

  it('a task from a chat message: sender as name, message as description, in both panels', async () => {
    const message = alice.page.locator('converse-chat-message').filter({ hasText: 'Which wood is best for a birdhouse?' });
    await message.getByRole('button', { name: 'Create a task from this message' }).click();
    const dialog = alice.page.getByRole('dialog', { name: 'Create a task from a chat message' });
    await dialog.getByRole('combobox', { name: 'List' }).selectOption({ label: PREP_LIST });
    await dialog.getByRole('button', { name: 'Create the task' }).click();
    for (const { page } of [alice, bob]) {
      await eventually(() => taskRow(page, 'Carol').textContent()).toContain('Which wood is best for a birdhouse?');
      await eventually(() => taskNames(listSection(page, PREP_LIST))).toEqual(['Pin the schedule in the chat', 'Carol']);
    }
  });

  it('a message posted in the chat meanwhile gets the action too', async () => {
    const input = bob.page.getByRole('textbox', { name: 'Message' });
    await input.fill('Can someone clip the last minute?');
    await input.press('Enter');
    const message = alice.page.locator('converse-chat-message').filter({ hasText: 'Can someone clip the last minute?' });
    await visible(message.getByRole('button', { name: 'Create a task from this message' }));
  });

  it('bob deletes a task after confirming; alice sees it gone', async () => {
    await taskRow(bob.page, 'Pick two winners').getByRole('button', { name: 'Delete task' }).click();
    const dialog = panelOf(bob.page).getByRole('dialog', { name: 'Delete this task?' });
    await eventually(() => dialog.textContent()).toContain('Pick two winners');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await gone(taskRow(alice.page, 'Pick two winners'));
    await eventually(() => taskNames(listSection(alice.page, 'Giveaway prizes'))).toEqual([
      'Thank the new followers',
      'Check sound levels',
    ]);
  });

  it('cancelling a deletion keeps the task', async () => {
    await taskRow(alice.page, 'Check sound levels').getByRole('button', { name: 'Delete task' }).click();
    await panelOf(alice.page).getByRole('dialog', { name: 'Delete this task?' }).getByRole('button', { name: 'Cancel' }).click();
    await gone(panelOf(alice.page).getByRole('dialog'));
    await visible(taskRow(alice.page, 'Check sound levels'));
  });

  it('alice deletes a list with its tasks after confirming; bob sees list and tasks gone', async () => {
    await listSection(alice.page, 'Giveaway prizes').getByRole('button', { name: 'Delete list' }).click();
    const dialog = panelOf(alice.page).getByRole('dialog', { name: 'Delete this list?' });
    await eventually(() => dialog.textContent()).toContain('2 tasks');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await gone(listSection(bob.page, 'Giveaway prizes'));
    await gone(taskRow(bob.page, 'Check sound levels'));
    await gone(taskRow(bob.page, 'Thank the new followers'));
    // the other lists are untouched
    await eventually(() => taskNames(listSection(bob.page, FIRST_LIST))).toEqual([
      'Sand the edges',
      'Drill the entrance hole',
      'Cut the side panels',
    ]);
  });

  it('collapsing a list hides its tasks and shows them again; "Hide done" hides done tasks', async () => {
    const list = listSection(alice.page, FIRST_LIST);
    const collapse = list.getByRole('button', { name: FIRST_LIST, exact: true });
    await collapse.click();
    await eventually(() => collapse.getAttribute('aria-expanded')).toBe('false');
    await gone(list.locator('li.lct-task'));
    await collapse.click();
    await eventually(() => list.locator('li.lct-task').count()).toBe(3);

    await panelOf(alice.page).getByRole('button', { name: 'Hide done' }).click();
    await gone(taskRow(alice.page, 'Cut the side panels'));
    await visible(taskRow(alice.page, 'Sand the edges'));
    await panelOf(alice.page).getByRole('button', { name: 'Hide done' }).click();
    await visible(taskRow(alice.page, 'Cut the side panels'));
  });
});

describe('who sees the panel, and where', () => {
  it("with the chat closed the panel stays, docked at the page's side", async () => {
    const { page } = alice;
    await page.getByRole('button', { name: 'Close' }).click();
    await eventually(() => page.locator('#peertube-plugin-livechat-container').getAttribute('peertube-plugin-livechat-state')).toBe(
      'closed',
    );
    await eventually(() => page.getByTestId('lct-panel-host').getAttribute('data-dock')).toBe('side');
    await visible(listSection(page, FIRST_LIST));
    await page.getByRole('button', { name: 'Open chat' }).click();
    await eventually(() => page.getByTestId('lct-panel-host').getAttribute('data-dock')).toBe('chat');
  });

  it('no script error in either page during all of this', () => {
    expect(alice.pageErrors).toEqual([]);
    expect(bob.pageErrors).toEqual([]);
    expect(alice.dialogs).toEqual([]);
    expect(bob.dialogs).toEqual([]);
  });
});
