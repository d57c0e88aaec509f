// The soak of test/soak/ once in real browsers (issue 18, item 4): alice and
// bob, each in a Chromium profile with the built extension, edit the live
// room through their panels while carol edits it as the official in-chat
// client does on the wire (test/soak/official-client.ts), for about a minute.
// In the middle bob's service worker is stopped as Chrome stops it, and
// alice is offline for a few seconds (her browser reaches the demo through a
// TCP relay that is cut: her connection drops, as on a network failure). After quiet, both panels and carol's
// model must equal the server's items. Seeded: LCT_SOAK_E2E_SEED replays what
// is tried, and when.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LIVE_VIDEO, userByName } from '../../demo/catalog.mjs';
import { BROWSERS, eventually, inPanel, launchUser, PATIENCE_MS, type ExtensionUser } from '../helpers/browser.ts';
import { ensureLocalBuild, startDemoStack, type DemoStack } from '../helpers/demo.ts';
import { NetworkLink } from '../helpers/network-link.ts';
import { addTaskInPanel } from '../helpers/panel-dom.ts';
import { RawXmppClient } from '../helpers/raw-client.ts';
import { officialOp } from '../soak/choose.ts';
import { officialDifferences } from '../soak/compare.ts';
import { OfficialClient } from '../soak/official-client.ts';
import { Oracle } from '../soak/oracle.ts';
import { Prng, randomSeed } from '../soak/prng.ts';
import { fetchServerItems, type ServerItems } from '../soak/server-items.ts';

const seed = process.env.LCT_SOAK_E2E_SEED ? Number(process.env.LCT_SOAK_E2E_SEED) : randomSeed();
const EDIT_MS = 60_000;
const ROOM = LIVE_VIDEO.room!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stack: DemoStack;
let alice: ExtensionUser;
let bob: ExtensionUser;
let owner: RawXmppClient;
let carolLink: NetworkLink;
/** alice reaches the demo (pages, API, XMPP) only through this relay: cutting it takes her offline */
let aliceLink: NetworkLink;
let carol: OfficialClient;

const login = (user: string, wsUrl = stack.backend.wsUrl) =>
  RawXmppClient.connect({ wsUrl, username: user, password: userByName(user)!.password });

// two Chromium profiles: skipped when a local run narrows the browsers to Firefox
const inChromium = BROWSERS.includes('chromium');

beforeAll(async () => {
  if (!inChromium) return;
  ensureLocalBuild();
  stack = await startDemoStack();
  // carol is a participant in the demo: the owner makes her an admin, so that she may edit the tasks
  owner = await login('alice');
  await owner.joinRoom(ROOM, 'alice-owner');
  await owner.setAffiliation(ROOM, `carol@${stack.backend.domain}`, 'admin');
  carolLink = await NetworkLink.to(stack.backend.port);
  carol = new OfficialClient('carol', 'carol', userByName('carol')!.password, ROOM, carolLink, stack.backend.wsUrl, new Oracle());
  aliceLink = await NetworkLink.to(Number(new URL(stack.demo.url).port));
  [alice, bob] = await Promise.all([
    launchUser('chromium', aliceLink.url(stack.demo.url).replace(/\/$/, ''), 'alice'),
    launchUser('chromium', stack.demo.url, 'bob'),
    carol.ensureConnected(),
  ]);
  for (const user of [alice, bob]) await user.page.waitForSelector(inPanel('input[type=checkbox]'), { timeout: PATIENCE_MS });
});

afterAll(async () => {
  carol?.stop();
  owner?.close();
  await Promise.all([alice?.close(), bob?.close()]);
  await carolLink?.close();
  await aliceLink?.close();
  await stack?.stop();
});

/**
 * What a panel shows: list name → its tasks as "name" or "name ✓", top to bottom; and how many items are marked not saved yet.
 * Only rows near the view are in the page (windowing.ts): the panel is scrolled through, screen by screen, and each
 * row is put at the place it tells screen readers (aria-posinset).
 */
function panelState(page: Page): Promise<{ lists: Record<string, string[]>; pending: number; live: boolean }> {
  return page.evaluate(async () => {
    const root = document.querySelector('lct-task-panel')?.shadowRoot;
    const lists: Record<string, string[]> = {};
    const first = root?.querySelector('section.lct-list');
    let scroller: Element | null = first?.parentElement ?? null;
    while (scroller && !(/auto|scroll/.test(getComputedStyle(scroller).overflowY) && scroller.scrollHeight > scroller.clientHeight))
      scroller = scroller.parentElement ?? ((scroller.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    if (scroller) scroller.scrollTop = 0;
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (;;) {
      await frames();
      for (const section of root?.querySelectorAll('section.lct-list') ?? []) {
        const shown = (lists[section.querySelector('h3')?.textContent ?? ''] ??= []);
        for (const row of section.querySelectorAll('.lct-task'))
          shown[Number(row.getAttribute('aria-posinset')) - 1] =
            `${row.querySelector('.lct-task-name')?.textContent}${row.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked ? ' ✓' : ''}`;
      }
      if (!scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += scroller.clientHeight;
    }
    return {
      lists,
      pending: root?.querySelectorAll('.is-pending').length ?? 0,
      live: !!root?.querySelector('.lct-status.lct-status-live'),
    };
  });
}

/** The server's items as a panel shows them: tasks by order, ties by id; a task whose list is gone is shown nowhere. */
function asShown(server: ServerItems): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [listId, list] of server) {
    if (list.kind !== 'list') continue;
    lists[list.name ?? ''] = [...server]
      .filter(([, t]) => t.kind === 'task' && t.list === listId)
      .sort(([idA, a], [idB, b]) => (a.order ?? 0) - (b.order ?? 0) || (idA < idB ? -1 : 1))
      .map(([, t]) => `${t.name}${t.done ? ' ✓' : ''}`);
  }
  return lists;
}

const serverItems = () => fetchServerItems(owner, ROOM);

/** One pair of hands per user: an action in the panel waits for the one before to end (a dialog it opened, a form it fills). */
const hands = new Map<ExtensionUser, Promise<unknown>>();
function byHand<T>(user: ExtensionUser, action: () => Promise<T>): Promise<T> {
  const next = (hands.get(user) ?? Promise.resolve()).catch(() => {}).then(action);
  hands.set(user, next);
  return next;
}

/** One edit a moderator makes in the panel, as a user would; false if the panel changed under the pointer first. */
async function panelEdit(user: ExtensionUser, prng: Prng, name: string): Promise<string | undefined> {
  const page = user.page;
  const rows = await page.$$(inPanel('.lct-task'));
  const row = prng.pick(rows);
  const op = prng.weighted({ add: 3, toggle: 3, move: 2, delete: rows.length > 12 ? 2 : 0.3 });
  const click = async (handle: ElementHandle | null | undefined) => {
    if (!handle) throw new Error('gone');
    await handle.click();
  };
  try {
    switch (op) {
      case 'add': {
        const headings = await page.$$eval(inPanel('section.lct-list h3'), (hs) => hs.map((h) => h.textContent ?? ''));
        const list = prng.pick(headings);
        if (!list) return undefined;
        await addTaskInPanel(page, list, name);
        return op;
      }
      case 'toggle':
        await click(await row?.$('input[type=checkbox]'));
        return op;
      case 'move':
        await (await row?.$('button.lct-handle'))?.focus();
        await page.keyboard.press(prng.chance(0.5) ? 'ArrowUp' : 'ArrowDown');
        return op;
      case 'delete': {
        await click(await row?.$('button.lct-i-trash'));
        const confirm = await page.waitForSelector(inPanel('[role=dialog] button.lct-btn-danger'), { timeout: 2_000 });
        await click(confirm);
        return op;
      }
    }
  } catch {
    // the row was re-rendered or taken away by someone else's edit: the user looks again
    await page.keyboard.press('Escape').catch(() => {});
  }
  return undefined;
}

/** Lists (by name) with their tasks, keys sorted: two screens compared as a user would. */
const normal = (lists: Record<string, string[]>) =>
  JSON.stringify(Object.fromEntries(Object.entries(lists).sort(([a], [b]) => (a < b ? -1 : 1))));

test.runIf(inChromium)(
  `alice, bob (Chromium) and the official client edit one room for a minute through a worker stop and an offline spell; all end equal to the server (seed ${seed})`,
  async () => {
    console.log(`browser soak seed ${seed} (replay: LCT_SOAK_E2E_SEED=${seed})`);
    const root = new Prng(seed);
    const counts: Record<string, number> = {};
    const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
    let names = 0;
    const deadline = Date.now() + EDIT_MS;
    const editor = async (user: ExtensionUser, who: string, prng: Prng) => {
      while (Date.now() < deadline) {
        await sleep(prng.int(300, 1_500));
        const op = await byHand(user, () => panelEdit(user, prng, `${who} task ${++names}`));
        if (op) count(`${who} ${op}`);
      }
    };
    const official = async (prng: Prng) => {
      while (Date.now() < deadline) {
        await sleep(prng.int(400, 1_200));
        if (!carol.ready) continue;
        const op = officialOp(carol, prng, (what) => `carol ${what} ${++names}`);
        if (op) count(`carol ${op}`);
      }
    };
    const faults = async (prng: Prng) => {
      await sleep(prng.int(10_000, 20_000));
      console.log(`browser soak: bob's worker stopped at ${new Date().toISOString()}`);
      await bob.stopBackground();
      await sleep(prng.int(8_000, 15_000));
      const offlineMs = prng.int(3_000, 8_000);
      console.log(`browser soak: alice offline for ${offlineMs} ms at ${new Date().toISOString()}`);
      aliceLink.cut();
      // alice goes on editing; one task she adds meanwhile shows whether the spell is real
      const made = `alice task while offline ${++names}`;
      const shownOffline = await byHand(alice, async () => {
        const list = prng.pick(Object.keys((await panelState(alice.page)).lists))!;
        await addTaskInPanel(alice.page, list, made);
        // shown at once, marked not saved yet
        for (const end = Date.now() + 3_000; Date.now() < end; await sleep(100)) {
          if ((await panelState(alice.page)).lists[list]?.includes(made)) return true;
        }
        return false;
      });
      await sleep(offlineMs);
      const reachedServer = [...(await serverItems()).values()].some((item) => item.name === made);
      aliceLink.restore();
      return { shownOffline, offlineEditReachedServer: reachedServer };
    };
    const [, , , faulted] = await Promise.all([
      editor(alice, 'alice', new Prng(root.int(0, 2 ** 31))),
      editor(bob, 'bob', new Prng(root.int(0, 2 ** 31))),
      official(new Prng(root.int(0, 2 ** 31))),
      faults(new Prng(root.int(0, 2 ** 31))),
    ]);
    console.log(`browser soak: edits ${JSON.stringify(counts)}`);
    expect(faulted).toEqual({ shownOffline: true, offlineEditReachedServer: false });
    for (const who of ['alice', 'bob', 'carol']) expect(Object.keys(counts).some((k) => k.startsWith(who))).toBe(true);

    // quiet: both panels live with nothing pending, carol connected again
    const settle = 60_000;
    for (const user of [alice, bob]) {
      await eventually(async () => {
        const state = await panelState(user.page);
        return state.live && state.pending === 0;
      }, settle).toBe(true);
    }
    await eventually(() => carol.ready, settle).toBe(true);
    // then all three show what the server has
    const mismatches = async () => {
      const server = await serverItems();
      const shown = normal(asShown(server));
      const [a, b] = await Promise.all([panelState(alice.page), panelState(bob.page)]);
      return [
        ...(normal(a.lists) === shown ? [] : [`alice's panel ${normal(a.lists)}`]),
        ...(normal(b.lists) === shown ? [] : [`bob's panel ${normal(b.lists)}`]),
        ...officialDifferences(server, carol).map((d) => `carol's model: ${d}`),
      ].map((d) => `${d}; the server: ${shown}`);
    };
    await eventually(mismatches, settle).toEqual([]);
    // nothing twice (every name is unique: a replayed creation would show)
    const onServer = [...(await serverItems()).values()].map((item) => `${item.kind} ${item.name}`);
    expect(onServer.length).toBe(new Set(onServer).size);
  },
  240_000,
);
