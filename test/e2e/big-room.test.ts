// A long list in the page panel, with the built extension in Chromium and in
// firefox-esr (extension-browser.ts) on the demo: only the rows near the view
// are in the page (windowing.ts), and yet the user scrolls to any task, keeps
// focus and place, tabs from row to row, and screen readers are told each
// row's place in the list. Before the long list arrives, the room is small:
// then every row is in the page, wherever it is.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { fetchItems, publishRaw, readTasks, taskListXml, taskXml } from '../../demo/muc.mjs';
import { eventually, find, PANEL } from '../helpers/by-role.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { BROWSERS, launchUser, type ExtensionUser } from '../helpers/extension-browser.ts';
import { inPanel } from '../helpers/panel-dom.ts';

const LIST = 'Long list';
const COUNT = 300;
const taskName = (i: number) => `Long task ${String(i).padStart(3, '0')}`;

/**
 * The long list's rows in the page: name, place told to screen readers, and
 * whether it is in the scroller's view; first, when `scroll` is given, the
 * panel is scrolled so that this share of the list (0 top, 1 bottom) is at the top.
 */
const rows = (page: Page, scroll?: number) =>
  page.evaluate(
    (listName, fraction) => {
      const root = document.querySelector('lct-task-panel')!.shadowRoot!;
      const section = [...root.querySelectorAll<HTMLElement>('section.lct-list')].find(
        (s) => s.querySelector('h3')?.textContent === listName,
      );
      if (!section) return [];
      // what the user scrolls: the nearest ancestor that scrolls and has more than it shows
      let scroller = section.parentElement!;
      while (!(/auto|scroll/.test(getComputedStyle(scroller).overflowY) && scroller.scrollHeight > scroller.clientHeight))
        scroller = scroller.parentElement!;
      if (fraction !== null) {
        const top = section.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
        scroller.scrollTop = top + fraction * (section.offsetHeight - scroller.clientHeight);
      }
      const view = scroller.getBoundingClientRect();
      return [...section.querySelectorAll<HTMLElement>('[data-task-id]')].map((row) => {
        const box = row.getBoundingClientRect();
        return {
          name: row.querySelector('.lct-task-name')?.textContent ?? '',
          place: `${row.getAttribute('aria-posinset')}/${row.getAttribute('aria-setsize')}`,
          inView: box.bottom > view.top && box.top < view.bottom,
        };
      });
    },
    LIST,
    scroll ?? null,
  );

/** The name of the task whose row holds focus in the panel ('' when focus is elsewhere). */
const focusedTask = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('lct-task-panel')!.shadowRoot!.activeElement;
    return active?.closest('[data-task-id]')?.querySelector('.lct-task-name')?.textContent ?? '';
  });

describe.each(BROWSERS)('a long list in the page panel in %s', (browserName) => {
  let stack: DemoStack;
  let alice: ExtensionUser;

  beforeAll(async () => {
    ensureLocalBuild();
    stack = await startDemoStack();
    alice = await launchUser(browserName, stack.demo.url, 'alice');
    await alice.page.waitForSelector(inPanel('.lct-task'));
  });

  afterAll(async () => {
    await alice?.close();
    await stack?.stop();
  });

  it('a small room has every row in the page, also rows far below the view of a panel made as small as it goes', async () => {
    const { page } = alice;
    const grip = await find(page, PANEL, { role: 'separator', name: 'Resize the task panel' });
    await grip.focus();
    await page.keyboard.press('Home');
    await eventually(() => grip.evaluate((el) => el.getAttribute('aria-valuenow') === el.getAttribute('aria-valuemin'))).toBe(true);
    const inPage = () =>
      page.evaluate(() => {
        const root = document.querySelector('lct-task-panel')!.shadowRoot!;
        const scroller = root.querySelector('.lct-frame-body')!.getBoundingClientRect();
        const rows = [...root.querySelectorAll('.lct-task')];
        // how far below the view the lowest row is, in heights of the view (windowing renders rows within one)
        const lowest = Math.max(...rows.map((row) => row.getBoundingClientRect().top));
        return { rows: rows.length, screensBelow: (lowest - scroller.bottom) / scroller.height };
      });
    const reader = await stack.rawClient('alice');
    const seeded = readTasks(await fetchItems(reader, LIVE_VIDEO.room!).finally(() => reader.close())).tasks.length;
    await eventually(inPage).toEqual({ rows: seeded, screensBelow: expect.any(Number) });
    expect((await inPage()).screensBelow).toBeGreaterThan(1);
    // the tests below want the long list's first rows in view: the panel as tall as its place allows
    await grip.focus();
    await page.keyboard.press('End');
    await eventually(() => grip.evaluate((el) => el.getAttribute('aria-valuenow') === el.getAttribute('aria-valuemax'))).toBe(true);
  });

  it('gets a long list while open', async () => {
    const publisher = await stack.rawClient('alice');
    try {
      const room = LIVE_VIDEO.room!;
      const listId = await publishRaw(publisher, room, taskListXml(LIST));
      for (let i = 1; i <= COUNT; i += 25)
        await Promise.all(
          Array.from({ length: 25 }, (_, k) => publishRaw(publisher, room, taskXml({ list: listId, name: taskName(i + k), order: i + k }))),
        );
    } finally {
      await publisher.close();
    }
    await eventually(() => rows(alice.page).then((r) => r.length)).toBeGreaterThan(0);
  }, 180_000);

  it('renders only the rows near the view, each telling its place in the list, and any task is reached by scrolling', async () => {
    const { page } = alice;
    await eventually(() => rows(page).then((r) => r.length)).toBeGreaterThan(0);
    const first = await rows(page);
    expect(first.length).toBeLessThan(COUNT / 2);
    for (const row of first) expect(row.place).toBe(`${Number(row.name.slice(-3))}/${COUNT}`);

    // scrolled to the end of the list (again, as a user would, while rows replace the boxes that stood for them)
    await eventually(() => rows(page, 1).then((r) => r.some((row) => row.name === taskName(COUNT) && row.inView))).toBe(true);
    const last = await rows(page);
    expect(last.some((row) => row.name === taskName(1))).toBe(false); // the top rows left the page
    expect(last.length).toBeLessThan(COUNT / 2);
    expect(last.find((row) => row.name === taskName(COUNT))!.place).toBe(`${COUNT}/${COUNT}`);

    await eventually(() => rows(page, 0.5).then((r) => r.filter((row) => row.inView).map((row) => row.name))).toContain(
      taskName(COUNT / 2),
    );
  });

  it('keeps the row that holds focus while it is scrolled far away, and Tab goes on to the next row across chunks', async () => {
    const { page } = alice;
    await eventually(() => rows(page, 1).then((r) => r.some((row) => row.name === taskName(COUNT - 1) && row.inView))).toBe(true);
    // focus the done box of the next-to-last task, then scroll to the top
    await page.evaluate(
      (name) => {
        const root = document.querySelector('lct-task-panel')!.shadowRoot!;
        const row = [...root.querySelectorAll<HTMLElement>('[data-task-id]')].find(
          (r) => r.querySelector('.lct-task-name')?.textContent === name,
        )!;
        row.querySelector<HTMLInputElement>('input[type=checkbox]')!.focus();
      },
      taskName(COUNT - 1),
    );
    expect(await focusedTask(page)).toBe(taskName(COUNT - 1));
    await eventually(() => rows(page, 0).then((r) => r.some((row) => row.name === taskName(1) && row.inView))).toBe(true);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await focusedTask(page)).toBe(taskName(COUNT - 1));

    // the last control of task 25 (the end of the first chunk), then Tab: the next row's first control
    await page.evaluate((name) => {
      const root = document.querySelector('lct-task-panel')!.shadowRoot!;
      const row = [...root.querySelectorAll<HTMLElement>('[data-task-id]')].find(
        (r) => r.querySelector('.lct-task-name')?.textContent === name,
      )!;
      [...row.querySelectorAll<HTMLElement>('button')].at(-1)!.focus();
    }, taskName(25));
    // focus in a chunk's last row renders the chunk after it, out of view as it is: Tab has a next row to go to
    await eventually(() => rows(page).then((r) => r.some((row) => row.name === taskName(26)))).toBe(true);
    await page.keyboard.press('Tab');
    await eventually(() => focusedTask(page)).toBe(taskName(26));
    // and from a chunk's first row, Shift+Tab goes back to the row before it
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await eventually(() => focusedTask(page)).toBe(taskName(25));
  });
});
