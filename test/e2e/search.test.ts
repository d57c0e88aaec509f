// Searching tasks in the page panel, in Chromium with the built extension on
// the demo: as one types, across lists, by name and description, highlighted,
// with the status filter, the "/" shortcut, and both themes. With
// LCT_SHOTS=<folder> it also saves screenshots of the search there.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { eventually, listSection, panelOf, startWithAlice, taskNames, type UserBrowser } from '../helpers/browser.ts';
import type { DemoStack } from '../helpers/demo.ts';

const SHOTS = process.env.LCT_SHOTS;
let stack: DemoStack;
let alice: UserBrowser;

beforeAll(async () => {
  ({ stack, alice } = await startWithAlice());
});

afterAll(async () => {
  await alice?.close();
  await stack?.stop();
});

const allNames = () => panelOf(alice.page).locator('.lct-task-name').allTextContents();

describe('searching tasks in the page panel', () => {
  it('filters across lists as one types, by name and description, and highlights the matches', async () => {
    const panel = panelOf(alice.page);
    const field = panel.getByRole('searchbox', { name: 'Search tasks' });
    await panel.getByRole('button', { name: 'New list' }).focus();
    await alice.page.keyboard.press('/');
    await eventually(() => field.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await alice.page.keyboard.type('BLUE');
    await eventually(allNames).toEqual(['Drill the entrance hole']);
    expect(await panel.locator('mark.lct-match').allTextContents()).toEqual(['blue']);
    await expect.poll(() => panel.getByRole('status').filter({ hasText: 'match' }).textContent()).toBe('1 task matches');
    expect(await listSection(alice.page, 'Stream prep').count()).toBe(0);

    await field.fill('chat');
    // "Check sound levels" by its description, "Pin the schedule…" by its name
    await eventually(() => taskNames(listSection(alice.page, 'Stream prep'))).toEqual([
      'Check sound levels',
      'Pin the schedule in the chat',
    ]);
    expect(await listSection(alice.page, LIVE_VIDEO.name).count()).toBe(0);
    if (SHOTS) await panel.screenshot({ path: join(SHOTS, 'search-light.png') });
    await alice.page.getByRole('button', { name: 'Dark theme' }).click();
    const mark = panel.locator('mark.lct-match').first();
    // the highlight stays readable in the dark theme: its text is light
    await eventually(() => mark.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(0, 0, 0)');
    if (SHOTS) await panel.screenshot({ path: join(SHOTS, 'search-dark.png') });
    await alice.page.getByRole('button', { name: 'Light theme' }).click();
  });

  it('filters by status, and Escape gives every task back', async () => {
    const panel = panelOf(alice.page);
    const field = panel.getByRole('searchbox', { name: 'Search tasks' });
    await field.fill('the');
    await panel.getByRole('combobox', { name: 'Show tasks' }).selectOption('done');
    await eventually(allNames).toEqual(['Cut the side panels', 'Pin the schedule in the chat']);
    await eventually(() => listSection(alice.page, LIVE_VIDEO.name).locator('.lct-counts').first().textContent()).toContain('0 open');
    await panel.getByRole('combobox', { name: 'Show tasks' }).selectOption('open');
    await eventually(() => taskNames(listSection(alice.page, LIVE_VIDEO.name))).toEqual(['Drill the entrance hole', 'Sand the edges']);
    await eventually(() => listSection(alice.page, LIVE_VIDEO.name).locator('.lct-counts').first().textContent()).toContain('2 open');
    await panel.getByRole('combobox', { name: 'Show tasks' }).selectOption('all');
    await field.focus();
    await alice.page.keyboard.press('Escape');
    await eventually(() => field.inputValue()).toBe('');
    await eventually(() => allNames().then((names) => names.length)).toBeGreaterThanOrEqual(6);
  });
});
