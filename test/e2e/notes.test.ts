// Moderator notes on the demo's live video, in Chromium and in Firefox ESR
// (the two-browser layer, extension-browser.ts): alice (owner) and bob
// (admin), each in their own browser, share the room's notes live; a note
// made from carol's chat message is tied to carol and quotes it; the marker
// beside carol's messages counts her notes and opens them under the "notes
// about this person" filter; carol, a plain participant, sees none of it.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { fetchNotes } from '../../demo/notes.mjs';
import { BROWSERS, eventually, inPanel, launchUser, PATIENCE_MS, type ExtensionUser } from '../helpers/browser.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';

const CAROL_MESSAGE = 'Hello everyone! Is the glue already dry?';
const SEEDED = 'Moderates the Sunday streams: ask before changing the slow mode.';

/** The notes the panel's Notes tab lists, top first. */
const panelNotes = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('lct-task-panel')?.shadowRoot;
    return [...(root?.querySelectorAll('[role=tabpanel] .lct-note-text') ?? [])].map((n) => n.textContent);
  });

async function openNotesTab(page: Page) {
  const tab = await page.waitForSelector(inPanel('[role=tab][aria-controls$="-notes"]'), { timeout: PATIENCE_MS });
  await tab!.click();
  await page.waitForSelector(inPanel('[role=tab][aria-controls$="-notes"][aria-selected=true]'));
}

/** One of the chat actions (chat-action.ts) of the chat message with `text`, in its shadow root. */
async function chatAction(page: Page, text: string, testid: string) {
  const handle = await page.waitForFunction(
    (t, id) => {
      const msg = [...document.querySelectorAll('.chat-msg')].find((m) => m.querySelector('.chat-msg__text')?.textContent === t);
      const b = msg?.querySelector('[data-lct-task-action]')?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
      return b && !b.hidden ? b : null;
    },
    { timeout: PATIENCE_MS },
    text,
    testid,
  );
  return handle.asElement() as import('puppeteer-core').ElementHandle<HTMLButtonElement>;
}

const markerText = (page: Page, text: string) => chatAction(page, text, 'chat-notes-marker').then((b) => b.evaluate((e) => e.textContent));

describe.each(BROWSERS)('moderator notes in %s', (browserName) => {
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

  it("alice and bob see the room's notes beside the tasks, highest first", async () => {
    for (const { page } of [alice, bob]) {
      await openNotesTab(page);
      await eventually(() => panelNotes(page).then((n) => n[0])).toBe(SEEDED);
      expect(await panelNotes(page)).toHaveLength(4);
    }
  });

  it('a note alice writes shows for bob at once', async () => {
    await (await alice.page.waitForSelector(inPanel('.lct-notes .lct-toolbar button')))!.click();
    const area = await alice.page.waitForSelector(inPanel('form[aria-label="New note"] textarea'));
    await area!.type(`Shared by alice in ${browserName}`);
    await (await alice.page.$(inPanel('form[aria-label="New note"] button[type=submit]')))!.click();
    await eventually(() => panelNotes(bob.page).then((n) => n[0])).toBe(`Shared by alice in ${browserName}`);
    await eventually(() => panelNotes(alice.page).then((n) => n[0])).toBe(`Shared by alice in ${browserName}`);
  });

  it("a note from carol's chat message is tied to carol and quotes it; the marker beside her messages counts and opens her notes", async () => {
    await eventually(() => markerText(alice.page, CAROL_MESSAGE)).toBe('1 note');
    await (await chatAction(alice.page, CAROL_MESSAGE, 'chat-note-about')).click();
    const area = await alice.page.waitForSelector(inPanel('form[aria-label="New note about Carol"] textarea'), { timeout: PATIENCE_MS });
    expect(await area!.evaluate((a) => (a as HTMLTextAreaElement).value)).toBe(`> ${CAROL_MESSAGE}\n\n`);
    await area!.type('Asked again.');
    await (await alice.page.$(inPanel('form[aria-label="New note about Carol"] button[type=submit]')))!.click();
    const text = `> ${CAROL_MESSAGE}\n\nAsked again.`;
    await eventually(() => panelNotes(bob.page).then((n) => n[0])).toBe(text);

    // on the server: tied to carol as the official client ties a note (§9.3)
    const client = await stack.rawClient('alice');
    try {
      const items = await fetchNotes(client, LIVE_VIDEO.room!);
      const about = items
        .map((i) => i.getElementsByTagName('note')[0]!)
        .find((n) => n.getElementsByTagName('description')[0]?.textContent === text)
        ?.getElementsByTagName('note-about')[0];
      expect(about?.getAttribute('nick')).toBe('Carol');
      expect(about?.getAttribute('jid')).toMatch(/^carol@/);
      expect(about?.getElementsByTagName('occupant-id')[0]?.getAttribute('id')).toBeTruthy();
    } finally {
      await client.close();
    }

    // bob's marker counts both, and opens them under the filter
    await eventually(() => markerText(bob.page, CAROL_MESSAGE)).toBe('2 notes');
    await (await chatAction(bob.page, CAROL_MESSAGE, 'chat-notes-marker')).click();
    await bob.page.waitForSelector(inPanel('[role=group].lct-notes-filter'), { timeout: PATIENCE_MS });
    await eventually(() => panelNotes(bob.page)).toEqual([
      text,
      'Asked twice whether the glue was dry: answer after the sanding.\nPrefers cedar.',
    ]);
  });

  it('carol, a plain participant, sees no notes and no note action', async () => {
    const carol = await launchUser(browserName, stack.demo.url, 'carol');
    try {
      await carol.page.waitForSelector('converse-chat-message', { timeout: PATIENCE_MS });
      await new Promise((r) => setTimeout(r, 3000)); // time for a panel that should not come
      expect(await carol.page.evaluate(() => document.querySelectorAll('lct-task-panel, [data-lct-task-action]').length)).toBe(0);
    } finally {
      await carol.close();
    }
  });
});
