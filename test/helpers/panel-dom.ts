// The task panel as a user reads and uses it, through puppeteer-core, so in
// either browser (see extension-browser.ts); and the room's tasks as the
// server holds them, to check against.
import type { Page } from 'puppeteer-core';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { fetchItems, readTasks } from '../../demo/muc.mjs';
import { PATIENCE_MS } from './by-role.ts';
import type { DemoStack } from './demo.ts';

/** Puppeteer's selector for an element in the task panel's shadow root. */
export const inPanel = (selector: string) => `lct-task-panel >>> ${selector}`;

/**
 * Adds a task to a list through the panel, as a user would: the list's "Add a task", type,
 * Enter, Cancel. The panel may re-render under the pointer (it repaints when the background
 * comes back): like a user, try again until the form opens.
 */
export async function addTaskInPanel(page: Page, listName: string, name: string): Promise<void> {
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
    if (Date.now() > deadline) throw new Error(`could not add a task to "${listName}"`);
  }
}

/** The task names the panel shows in a list, and how many of them are marked "not saved yet". */
export function panelList(page: Page, listName: string): Promise<{ names: (string | null)[]; pending: number } | null> {
  return page.evaluate((name) => {
    const root = document.querySelector('lct-task-panel')?.shadowRoot;
    const section = [...(root?.querySelectorAll('section.lct-list') ?? [])].find((s) => s.querySelector('h3')?.textContent === name);
    if (!section) return null;
    return {
      names: [...section.querySelectorAll('.lct-task-name')].map((n) => n.textContent),
      pending: section.querySelectorAll('.is-pending').length,
    };
  }, listName);
}

/** Whether the panel shows a task as done (undefined: no such task). */
export function panelTaskDone(page: Page, taskName: string): Promise<boolean | undefined> {
  return page.evaluate((name) => {
    const root = document.querySelector('lct-task-panel')?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])].find(
      (b) => b.closest<HTMLElement>('[data-task-id]')?.querySelector('.lct-task-name')?.textContent === name,
    )?.checked;
  }, taskName);
}

/** A list's task names as the server holds them, in the order the panels show them (order, then id). */
export async function serverTaskNames(stack: DemoStack, listName: string, room = LIVE_VIDEO.room!): Promise<string[]> {
  const client = await stack.rawClient('alice');
  try {
    const { lists, tasks } = readTasks(await fetchItems(client, room));
    const list = lists.find((l) => l.name === listName);
    return tasks
      .filter((t) => t.list === list?.id)
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
      .map((t) => t.name);
  } finally {
    await client.close();
  }
}

/** The task names the panel shows in a list, top to bottom (null: no such list). */
export const panelTaskNames = (page: Page, listName: string) => panelList(page, listName).then((list) => list?.names ?? null);
