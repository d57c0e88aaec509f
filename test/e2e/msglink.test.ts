// A task linked to its chat message, and the quick-add syntax, with the built
// extension in Chromium and in firefox-esr (extension-browser.ts), against the
// demo: alice makes a task from a message bob sent; a raw client edits it as
// the official Task Application does (it republishes only name, description,
// done, order and list); alice's row still offers "Show message", which
// scrolls the chat to the message and highlights it, and says so once the
// chat no longer has it; the side panel does the same through the watch
// page's tab. Then the popup's "#List task" line, completed by
// keyboard, into a list of the room and into a list it creates; and the same
// line in the panel's own "Add a task" form.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_VIDEO } from '../../demo/catalog.mjs';
import { fetchItems, joinRoom, publishRaw, readTasks, sendGroupchat, taskXml } from '../../demo/muc.mjs';
import type { XmppClient } from '../../demo/xmpp-client.mjs';
import { click, eventually, find, PANEL, PATIENCE_MS, type Role, selectOption, shows, type Step, textOf } from '../helpers/by-role.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { BROWSERS, launchUser, type ExtensionUser } from '../helpers/extension-browser.ts';
import { panelTaskNames } from '../helpers/panel-dom.ts';

const ROOM = LIVE_VIDEO.room!;
const PREP_LIST = 'Stream prep';
const ASK = 'Could a moderator pin the giveaway rules?';
const SIDE_ASK = 'Who brings the raffle drum?';

const role = (r: Role, name?: string): Step => ({ role: r, name });
const button = (name: string) => role('button', name);
const row = (name: string): Step => ({ row: name });
const chatMessage = (text: string): Step => ({ css: 'converse-chat-message', hasText: text });
const option = (text: string): Step => ({ css: '[role=option]', hasText: text });

/** The message's place in the chat's visible part, whether an animation (the highlight) runs on it, and the chat's scroll. */
function messageState(page: Page, msgid: string) {
  return page.evaluate((id) => {
    const msg = [...document.querySelectorAll('.chat-msg')].find((m) => m.getAttribute('data-msgid') === id);
    const content = document.querySelector('.chat-content')!;
    if (!msg) return null;
    const m = msg.getBoundingClientRect();
    const c = content.getBoundingClientRect();
    return { visible: m.top >= c.top - 1 && m.bottom <= c.bottom + 1, highlighted: msg.getAnimations().length > 0 };
  }, msgid);
}

describe.each(BROWSERS)('linked tasks and quick-add in %s', (browserName) => {
  let stack: DemoStack;
  let alice: ExtensionUser;
  let bob: XmppClient;

  beforeAll(async () => {
    ensureLocalBuild();
    stack = await startDemoStack();
    alice = await launchUser(browserName, stack.demo.url, 'alice');
    bob = await stack.rawClient('bob');
    await joinRoom(bob, ROOM, 'Bob');
  });

  afterAll(async () => {
    await bob?.close();
    await alice?.close();
    await stack?.stop();
  });

  it('a task from a message, edited by the official client, still shows the message in the chat', async () => {
    const { page } = alice;
    sendGroupchat(bob, ROOM, ASK);
    // enough chat after it that it scrolls out of sight
    for (let i = 1; i <= 25; i++) sendGroupchat(bob, ROOM, `filler message ${i}`);
    await shows(page, chatMessage('filler message 25'));
    await click(page, chatMessage(ASK), button('Create a task from this message'));
    const dialog = role('dialog', 'Create a task from a chat message');
    await selectOption(page, [dialog, role('combobox', 'List')], PREP_LIST);
    await click(page, dialog, button('Create the task'));
    await eventually(() => panelTaskNames(page, PREP_LIST)).toContain('Bob');

    // on the server: the message, then the reference line with the id the chat shows
    const msgid = await page.evaluate(
      (text) => [...document.querySelectorAll('.chat-msg')].find((m) => m.textContent?.includes(text))?.getAttribute('data-msgid'),
      ASK,
    );
    expect(msgid).toMatch(/^[0-9a-f-]{36}$/);
    // the panel shows the task before the server has it (not saved yet): the server is read once it has
    const onServer = async () => readTasks(await fetchItems(bob, ROOM));
    await eventually(async () => (await onServer()).tasks.some((t: { name: string }) => t.name === 'Bob')).toBe(true);
    const { lists, tasks } = await onServer();
    const task = tasks.find((t: { name: string }) => t.name === 'Bob')!;
    const escaped = ASK.replace(/[?.]/g, '\\$&');
    expect(task.description).toMatch(new RegExp(`^${escaped}\\n\\n— from the chat: Bob, \\d\\d:\\d\\d( [AP]M)? \\[msg:${msgid}\\]$`));

    // the official client edits it: the text changed, ticked done, republished with its five fields only
    const edited = task.description!.replace(ASK, 'Pin the giveaway rules (done by bob)');
    await publishRaw(bob, ROOM, taskXml({ list: task.list!, name: 'Bob', description: edited, order: task.order, done: true }), task.id);
    await eventually(() => textOf(page, PANEL, row('Bob'))).toContain('done by bob');
    expect(lists.some((l: { id: string }) => l.id === task.list)).toBe(true);

    await page.evaluate(() => {
      document.querySelector('.chat-content')!.scrollTop = 0;
    });
    await eventually(() => messageState(page, msgid!).then((s) => s?.visible)).toBe(false);
    await click(page, PANEL, row('Bob'), button('Show the message in the chat'));
    await eventually(() => messageState(page, msgid!)).toEqual({ visible: true, highlighted: true });

    // the chat no longer has it (ConverseJS prunes old messages): the panel says so
    await page.evaluate((id) => {
      for (const m of document.querySelectorAll('.chat-msg'))
        if (m.getAttribute('data-msgid') === id) m.closest('converse-chat-message')!.remove();
    }, msgid);
    await click(page, PANEL, row('Bob'), button('Show the message in the chat'));
    await shows(page, PANEL, row('Bob'), { css: '[role=status]', hasText: 'This message is no longer in the chat.' });
  });

  it("the side panel (its page in a tab of the watch page's window) shows the message in that tab's chat, and says when it is gone", async () => {
    const { page } = alice;
    // a task linked to a message still in the chat, published by bob's raw client as any client may
    sendGroupchat(bob, ROOM, SIDE_ASK);
    await shows(page, chatMessage(SIDE_ASK));
    const msgid = await page.evaluate(
      (text) => [...document.querySelectorAll('.chat-msg')].find((m) => m.textContent?.includes(text))?.getAttribute('data-msgid'),
      SIDE_ASK,
    );
    const prep = readTasks(await fetchItems(bob, ROOM)).lists.find((l) => l.name === PREP_LIST)!;
    const description = `${SIDE_ASK}\n\n— from the chat: Bob, 10:00 [msg:${msgid}]`;
    await publishRaw(bob, ROOM, taskXml({ list: prep.id, name: 'Side check', description, order: 100 }));
    await page.evaluate(() => {
      document.querySelector('.chat-content')!.scrollTop = 0;
    });
    await eventually(() => messageState(page, msgid!).then((s) => s?.visible)).toBe(false);

    const side = await alice.openExtensionPage('src/sidepanel/index.html');
    try {
      // The side panel's page in a tab is about its own tab (no room): alice picks the room she moderates, as
      // the side panel offers it; the page stays in front (Chromium gives input and frames to the front tab).
      const pick = await side.waitForSelector(`::-p-text(${LIVE_VIDEO.name})`, { timeout: PATIENCE_MS });
      await pick!.click();
      const showButton = async (name: string) =>
        (await side.waitForFunction(
          (n) =>
            [...document.querySelectorAll('[data-task-id]')]
              .find((li) => li.querySelector('.lct-task-name')?.textContent === n)
              ?.querySelector('button[aria-label="Show the message in the chat"]'),
          { timeout: PATIENCE_MS },
          name,
        )) as unknown as ElementHandle<HTMLElement>;
      // the first test's message was dropped from the chat
      await (await showButton('Bob')).click();
      await eventually(() => side.evaluate(() => [...document.querySelectorAll('[role=status]')].map((s) => s.textContent))).toContain(
        'This message is no longer in the chat.',
      );
      await (await showButton('Side check')).click();
      // the user looks at the page beside (hidden behind the side panel's tab here, its chat jumped to the message)
      await page.bringToFront();
      await eventually(() => messageState(page, msgid!)).toEqual({ visible: true, highlighted: true });
    } finally {
      await side.close();
    }
  });

  it('the popup\'s "#List task": list names completed by keyboard, and a new list when "Create list" is taken', async () => {
    const popup = await alice.openPopup();
    try {
      const line = [role('combobox', 'New task')];
      await (await find(popup, ...line)).click();
      await popup.keyboard.type('#stream p');
      await shows(popup, option(PREP_LIST));
      await popup.keyboard.press('ArrowDown');
      await eventually(() => find(popup, ...line).then((el) => el.evaluate((e) => e.getAttribute('aria-activedescendant')))).toBeTruthy();
      await popup.keyboard.press('Enter');
      await eventually(() => find(popup, ...line).then((el) => el.evaluate((e) => (e as HTMLInputElement).value))).toBe('#Stream prep ');
      await popup.keyboard.type('Bring the raffle tickets');
      await popup.keyboard.press('Enter');
      await shows(popup, { css: '[role=status]', hasText: '“Bring the raffle tickets” added to “Stream prep”.' });
      await eventually(() => panelTaskNames(alice.page, PREP_LIST)).toContain('Bring the raffle tickets');

      await popup.keyboard.type('#Raffle');
      await shows(popup, option('Create list “Raffle”'));
      await popup.keyboard.press('Tab');
      await popup.keyboard.type('Draw at nine');
      await popup.keyboard.press('Enter');
      await shows(popup, { css: '[role=status]', hasText: '“Draw at nine” added to “Raffle”.' });
      await eventually(() => panelTaskNames(alice.page, 'Raffle')).toEqual(['Draw at nine']);
    } finally {
      await popup.close();
    }
  });

  it('the panel\'s "Add a task" form reads "#List task" too, and says where the task went', async () => {
    const { page } = alice;
    const raffle = [PANEL, role('region', 'Raffle')];
    await click(page, ...raffle, button('Add a task'));
    const name = [...raffle, role('form', 'New task'), role('combobox', 'Name')];
    await (await find(page, ...name)).click();
    await page.keyboard.type('#stream p');
    await shows(page, ...raffle, option(PREP_LIST));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => find(page, ...name).then((el) => el.evaluate((e) => (e as HTMLInputElement).value))).toBe('#Stream prep ');
    await page.keyboard.type('Count the tickets');
    await page.keyboard.press('Enter');
    await shows(page, ...raffle, { css: '[role=status]', hasText: '“Count the tickets” added to “Stream prep”.' });
    await eventually(() => panelTaskNames(page, PREP_LIST)).toContain('Count the tickets');
    expect(await panelTaskNames(page, 'Raffle')).toEqual(['Draw at nine']);

    // the form stays open on its list, focused, for the next one: plain text goes to its own list
    await page.keyboard.type('Announce the winner');
    await page.keyboard.press('Enter');
    await eventually(() => panelTaskNames(page, 'Raffle')).toEqual(['Draw at nine', 'Announce the winner']);

    await page.keyboard.type('#Prizes');
    await shows(page, ...raffle, option('Create list “Prizes”'));
    await page.keyboard.press('Tab');
    await page.keyboard.type('Wrap them');
    await page.keyboard.press('Enter');
    await eventually(() => panelTaskNames(page, 'Prizes')).toEqual(['Wrap them']);
    // on the server once saved (the panel shows it before)
    await eventually(async () => {
      const { lists, tasks } = readTasks(await fetchItems(bob, ROOM));
      const prizes = lists.find((l: { name: string }) => l.name === 'Prizes');
      return prizes && tasks.filter((t) => t.list === prizes.id).map((t) => t.name);
    }).toEqual(['Wrap them']);
  });
});
