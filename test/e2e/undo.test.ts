// Undo in the page panel, with the built extension on the demo: alice in
// Chromium and in Firefox ESR (the two-browser layer, extension-browser.ts),
// bob in Chromium. A task alice deletes comes back for bob in its place when
// she clicks the toast's Undo; a list with its tasks likewise; Ctrl+Z takes
// back a tick once the toast is gone, and leaves a text field's own undo alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import {
  BROWSERS,
  doneBox,
  eventually,
  inPanel,
  launchUser,
  listSection,
  openAs,
  PATIENCE_MS,
  taskNames,
  visible,
  type ExtensionUser,
  type UserBrowser,
} from '../helpers/browser.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { panelList, panelTaskDone, serverTaskNames } from '../helpers/panel-dom.ts';

const FIRST_LIST = LIVE_VIDEO.name; // the server names the first list after the room
const PREP_LIST = 'Stream prep';

/** A control of the task row named `taskName` in the panel (its checkbox, or the button labelled `label`), to use as a user does. */
async function rowControl(page: Page, taskName: string, label?: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (name, lbl) => {
      const root = document.querySelector('lct-task-panel')?.shadowRoot;
      const row = [...(root?.querySelectorAll('.lct-task') ?? [])].find((li) => li.querySelector('.lct-task-name')?.textContent === name);
      return row?.querySelector(lbl ? `button[aria-label="${lbl}"]` : 'input[type=checkbox]') ?? null;
    },
    { timeout: PATIENCE_MS, polling: 100 },
    taskName,
    label ?? '',
  );
  return handle as ElementHandle<Element>;
}

/** The "Delete list" button of the panel's list `listName`. */
async function deleteListButton(page: Page, listName: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (name) => {
      const root = document.querySelector('lct-task-panel')?.shadowRoot;
      const section = [...(root?.querySelectorAll('section.lct-list') ?? [])].find((s) => s.querySelector('h3')?.textContent === name);
      return section?.querySelector('button[aria-label="Delete list"]') ?? null;
    },
    { timeout: PATIENCE_MS, polling: 100 },
    listName,
  );
  return handle as ElementHandle<Element>;
}

async function pressCtrlZ(page: Page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
}

async function confirmDelete(page: Page) {
  const confirm = await page.waitForSelector(inPanel('.lct-dialog button.lct-btn-danger'), { timeout: PATIENCE_MS });
  await confirm!.click();
  await page.waitForSelector(inPanel('.lct-dialog'), { hidden: true, timeout: PATIENCE_MS });
}

const toastText = (page: Page) => page.$eval(inPanel('.lct-toast-region'), (el) => el.textContent ?? '');

describe.each(BROWSERS)('alice in %s', (browserName) => {
  let stack: DemoStack;
  let alice: ExtensionUser;
  let bob: UserBrowser;

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

  it('a deleted task: Undo in the toast, and bob sees it back in its place', async () => {
    const before = await serverTaskNames(stack, FIRST_LIST);
    expect(before).toEqual(['Cut the side panels', 'Drill the entrance hole', 'Sand the edges']);
    await (await rowControl(alice.page, 'Drill the entrance hole', 'Delete task')).click();
    await confirmDelete(alice.page);
    await eventually(() => taskNames(listSection(bob.page, FIRST_LIST))).toEqual(['Cut the side panels', 'Sand the edges']);
    await eventually(() => toastText(alice.page)).toContain('Task “Drill the entrance hole” deleted.');

    const undo = await alice.page.waitForSelector(inPanel('.lct-toast button.lct-toast-undo'), { timeout: PATIENCE_MS });
    await undo!.click();
    await eventually(() => taskNames(listSection(bob.page, FIRST_LIST))).toEqual(before);
    // with its description, under its old id: the same task for everyone
    await visible(listSection(bob.page, FIRST_LIST).getByText('32 mm for blue tits'));
    expect(await serverTaskNames(stack, FIRST_LIST)).toEqual(before);
    await eventually(() => panelList(alice.page, FIRST_LIST)).toEqual({ names: before, pending: 0 });
    await eventually(() => toastText(alice.page)).toBe('');
  });

  it('a deleted list with its tasks: Undo brings back both, in the same order, ticks kept', async () => {
    const before = await serverTaskNames(stack, PREP_LIST);
    await (await deleteListButton(alice.page, PREP_LIST)).click();
    await confirmDelete(alice.page);
    await eventually(() => listSection(bob.page, PREP_LIST).count()).toBe(0);
    await (await alice.page.waitForSelector(inPanel('.lct-toast button.lct-toast-undo'), { timeout: PATIENCE_MS }))!.click();
    await eventually(() => taskNames(listSection(bob.page, PREP_LIST))).toEqual(before);
    expect(await doneBox(bob.page, 'Pin the schedule in the chat').isChecked()).toBe(true);
    expect(await serverTaskNames(stack, PREP_LIST)).toEqual(before);
  });

  it('Ctrl+Z after a tick, once the toast is gone, unticks it for bob; in a text field Ctrl+Z is the field’s', async () => {
    await (await rowControl(alice.page, 'Sand the edges')).click();
    await eventually(() => doneBox(bob.page, 'Sand the edges').isChecked()).toBe(true);
    await eventually(() => toastText(alice.page)).toContain('“Sand the edges” marked done.');
    await eventually(() => toastText(alice.page), 15_000).toBe(''); // the toast leaves by itself

    // in the search field, Ctrl+Z is the field's own: nothing is undone
    const search = await alice.page.waitForSelector(inPanel('input[type=search]'), { timeout: PATIENCE_MS });
    await search!.type('x');
    await pressCtrlZ(alice.page);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await doneBox(bob.page, 'Sand the edges').isChecked()).toBe(true);
    await alice.page.keyboard.press('Escape'); // clears the search

    // anywhere else in the panel, it undoes the tick, for everyone
    await (await rowControl(alice.page, 'Sand the edges')).focus();
    await pressCtrlZ(alice.page);
    await eventually(() => doneBox(bob.page, 'Sand the edges').isChecked()).toBe(false);
    await eventually(() => panelTaskDone(alice.page, 'Sand the edges')).toBe(false);
  });
});
