// Searching tasks in the page panel, with the built extension in Chromium and
// in firefox-esr (extension-browser.ts) on the demo: as one types, across
// lists, by name and description, highlighted, with the status filter, the
// "/" shortcut, and both themes.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { click, countOf, eventually, fill, find, PANEL, type Role, selectOption, textOf, type Step } from '../helpers/by-role.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { BROWSERS, launchUser, type ExtensionUser } from '../helpers/extension-browser.ts';
import { inPanel, panelTaskNames } from '../helpers/panel-dom.ts';

const role = (r: Role, name?: string): Step => ({ role: r, name });
const FIELD = [PANEL, role('searchbox', 'Search tasks')];
const STATUS = [PANEL, role('combobox', 'Show tasks')];
const list = (name: string) => role('region', name);

/** Every task name the panel shows, top to bottom. */
const allNames = (page: Page) => page.$$eval(inPanel('.lct-task-name'), (names) => names.map((n) => n.textContent));
const marks = (page: Page) => page.$$eval(inPanel('mark.lct-match'), (found) => found.map((m) => m.textContent));

describe.each(BROWSERS)('searching tasks in the page panel in %s', (browserName) => {
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

  it('filters across lists as one types, by name and description, and highlights the matches', async () => {
    const { page } = alice;
    await (await find(page, PANEL, role('button', 'New list'))).focus();
    await page.keyboard.press('/');
    const field = await find(page, ...FIELD);
    await eventually(() => field.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.type('BLUE');
    await eventually(() => allNames(page)).toEqual(['Drill the entrance hole']);
    expect(await marks(page)).toEqual(['blue']);
    await eventually(() => textOf(page, PANEL, { css: '[role=status]', hasText: 'match' })).toBe('1 task matches');
    expect(await countOf(page, PANEL, list('Stream prep'))).toBe(0);

    await fill(page, FIELD, 'chat');
    // "Check sound levels" by its description, "Pin the schedule…" by its name
    await eventually(() => panelTaskNames(page, 'Stream prep')).toEqual(['Check sound levels', 'Pin the schedule in the chat']);
    expect(await countOf(page, PANEL, list(LIVE_VIDEO.name))).toBe(0);
    await click(page, role('button', 'Dark theme'));
    // the highlight stays readable in the dark theme: its text is light
    await eventually(() => page.$eval(inPanel('mark.lct-match'), (el) => getComputedStyle(el).color)).not.toBe('rgb(0, 0, 0)');
    await click(page, role('button', 'Light theme'));
  });

  it('filters by status, and Escape gives every task back', async () => {
    const { page } = alice;
    const openCount = () => textOf(page, PANEL, list(LIVE_VIDEO.name), { css: '.lct-counts' });
    await fill(page, FIELD, 'the');
    await selectOption(page, STATUS, 'Done');
    await eventually(() => allNames(page)).toEqual(['Cut the side panels', 'Pin the schedule in the chat']);
    await eventually(openCount).toContain('0 open');
    await selectOption(page, STATUS, 'Open');
    await eventually(() => panelTaskNames(page, LIVE_VIDEO.name)).toEqual(['Drill the entrance hole', 'Sand the edges']);
    await eventually(openCount).toContain('2 open');
    await selectOption(page, STATUS, 'All');
    await (await find(page, ...FIELD)).focus();
    await page.keyboard.press('Escape');
    await eventually(() => find(page, ...FIELD).then((f) => f.evaluate((el) => (el as HTMLInputElement).value))).toBe('');
    await eventually(() => allNames(page).then((names) => names.length)).toBeGreaterThanOrEqual(6);
  });
});
