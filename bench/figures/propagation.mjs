// Figure 3: alice edits (done, add, move in turn) and bob's page shows it.
// Two browser profiles (two Chromium processes), so times are absolute
// (performance.timeOrigin + now) on the machine's one clock: alice's trusted
// input event, bob's DOM change seen by a MutationObserver.
// Baseline: raw client to raw client through the same demo proxy and server.
// The same edits in firefox-esr, beside it: alice and bob in two Firefox
// profiles (the tests' driver, puppeteer-core over WebDriver BiDi).
import { launch, openAs, waitInPage } from '../lib/browser.mjs';
import { launchFirefox } from '../lib/firefox.mjs';
import { countTasks } from '../lib/room.mjs';
import { attempt, percentile, ratio, round } from '../lib/stats.mjs';
import { RAW_CLIENT } from './cold-start.mjs';
import { userByName } from '../../demo/catalog.mjs';

const EDITS = 200;
const KINDS = ['done', 'add', 'move'];
const SETTLE_MS = 5_000;

const painted = () => window.__lctBench.t.painted ?? null;
const lastResult = () => window.__lctBench.result;

/** Scrolls the panel so that the start or the end of a list is in view, and waits for the frames that render it. */
const reveal = (page, listId, block) =>
  page.evaluate(
    ([id, where]) =>
      new Promise((resolve) => {
        window.__lctBench.root().querySelector(`section[data-list-id="${id}"]`).scrollIntoView({ block: where });
        requestAnimationFrame(() => requestAnimationFrame(resolve));
      }),
    [listId, block],
  );

/** Until the editor's own view holds no unconfirmed edit (bounded), so edits never pile up. */
async function settle(page) {
  await waitInPage(page, () => (window.__lctBench.root()?.querySelector('.is-pending') ? null : true), undefined, {
    timeoutMs: SETTLE_MS,
    what: "alice's edit to be confirmed",
  }).catch(() => {});
}

function summarize(samples) {
  const all = samples.filter((s) => s.ms !== null).map((s) => s.ms);
  const byKind = Object.fromEntries(
    KINDS.map((k) => {
      const v = samples.filter((s) => s.kind === k && s.ms !== null).map((s) => s.ms);
      return [k, { p50: round(percentile(v, 50)), p95: round(percentile(v, 95)), n: v.length }];
    }),
  );
  return { p50: percentile(all, 50), p95: percentile(all, 95), missed: samples.filter((s) => s.ms === null).length, byKind };
}

/**
 * How the edit loop acts on alice's page, with one selector language (CSS,
 * the panel's open shadow root pierced): Playwright's locators pierce it
 * themselves, puppeteer's need its deep combinator.
 */
const playwrightUi = {
  click: (page, sel) => page.locator(sel).first().click(),
  fill: (page, sel, text) => page.locator(sel).first().fill(text),
  press: (page, sel, key) => page.locator(sel).first().press(key),
  focus: (page, sel) => page.locator(sel).first().focus(),
  waitFor: (page, sel) => page.locator(sel).first().waitFor({ timeout: 5_000 }),
};
const deep = (sel) => `lct-task-panel >>> ${sel}`;
const puppeteerUi = {
  click: async (page, sel) => (await page.waitForSelector(deep(sel), { timeout: 5_000 })).click(),
  fill: (page, sel, text) => page.locator(deep(sel)).fill(text),
  press: async (page, sel, key) => (await page.waitForSelector(deep(sel), { timeout: 5_000 })).press(key),
  focus: async (page, sel) => (await page.waitForSelector(deep(sel), { timeout: 5_000 })).focus(),
  waitFor: (page, sel) => page.waitForSelector(deep(sel), { timeout: 5_000 }),
};

/** alice and bob in two Chromium profiles on `path`, with the probe waiting for `tasks` tasks. */
async function chromiumPair({ demo, extensionDir }, path, tasks) {
  const browsers = [];
  try {
    for (let i = 0; i < 2; i++) {
      const b = await launch({ extensionDir, origin: demo.url });
      browsers.push(b);
      await b.context.addInitScript((n) => {
        window.__lctBench.expected = n;
      }, tasks);
    }
    const alice = await openAs(browsers[0].context, demo.url, 'alice', path);
    const bob = await openAs(browsers[1].context, demo.url, 'bob', path);
    return { alice, bob, ui: playwrightUi, close: () => Promise.all(browsers.map((b) => b.close())) };
  } catch (error) {
    await Promise.all(browsers.map((b) => b.close()));
    throw error;
  }
}

/** alice and bob in two firefox-esr profiles on `path`, with the probe waiting for `tasks` tasks. */
async function firefoxPair({ demo, firefoxExtensionDir }, path, tasks) {
  const users = [];
  try {
    for (const user of ['alice', 'bob'])
      users.push(await launchFirefox({ demo, extensionDir: firefoxExtensionDir, user, expected: tasks }));
    for (const u of users) await u.page.goto(`${demo.url}${path}`);
    return { alice: users[0].page, bob: users[1].page, ui: puppeteerUi, close: () => Promise.all(users.map((u) => u.close())) };
  } catch (error) {
    await Promise.all(users.map((u) => u.close()));
    throw error;
  }
}

async function extensionEdits(env, openPair) {
  const { backend, video } = env;
  const path = `/w/${video.shortUUID}`;
  const { tasks } = await countTasks(backend, video.room);
  const pair = await openPair(env, path, tasks);
  try {
    const { alice, bob, ui } = pair;
    for (const page of [alice, bob]) await waitInPage(page, painted, undefined, { what: `the panel to show ${tasks} tasks` });
    const lists = () =>
      alice.evaluate(() =>
        [...window.__lctBench.root().querySelectorAll('section[data-list-id]')].map((s) => ({
          id: s.getAttribute('data-list-id'),
          rows: [...s.querySelectorAll('[data-task-id]')].map((r) => r.getAttribute('data-task-id')),
        })),
      );
    const start = await lists();
    if (start.length < 2 || start[0].rows.length < 2 || !start[1].rows.length) throw new Error('the room needs two lists with tasks');
    const [moveList, addList] = start;
    const doneId = addList.rows[0];
    const addInput = `section[data-list-id="${addList.id}"] form input.lct-input`;
    await ui.click(alice, `section[data-list-id="${addList.id}"] button[data-focus="add"]`);
    await ui.waitFor(alice, addInput);

    const samples = [];
    for (let i = 0; i < EDITS; i++) {
      const kind = KINDS[i % KINDS.length];
      // Both users look at the list the edit changes, as people would: a
      // windowed list has rows only near its view. New tasks come at its end.
      const listId = kind === 'move' ? moveList.id : addList.id;
      for (const page of [alice, bob]) await reveal(page, listId, kind === 'add' ? 'end' : 'start');
      let act;
      if (kind === 'done') {
        const done = await alice.evaluate(
          (id) => window.__lctBench.root().querySelector(`[data-task-id="${id}"]`).classList.contains('is-done'),
          doneId,
        );
        await bob.evaluate((arg) => window.__lctBench.arm('done', arg), { id: doneId, done: !done });
        act = () => ui.click(alice, `[data-task-id="${doneId}"] input.lct-done`);
      } else if (kind === 'add') {
        const name = `Bench task ${i} ${Date.now().toString(36)}`;
        await ui.fill(alice, addInput, name);
        await bob.evaluate((arg) => window.__lctBench.arm('add', arg), { name });
        act = () => ui.press(alice, addInput, 'Enter');
      } else {
        const rows = (await lists()).find((l) => l.id === moveList.id).rows;
        const handle = `[data-task-id="${rows[0]}"] button.lct-handle`;
        await ui.focus(alice, handle);
        await bob.evaluate((arg) => window.__lctBench.arm('move', arg), { id: rows[0], afterId: rows[1] });
        act = () => ui.press(alice, handle, 'ArrowDown');
      }
      await alice.evaluate(() => {
        window.__lctBench.inputAbs = null;
      });
      await act();
      const seen = await bob.evaluate(lastResult);
      const input = await alice.evaluate(() => window.__lctBench.inputAbs);
      samples.push({ kind, ms: seen !== null && input !== null ? seen - input : null });
      await settle(alice);
    }
    return samples;
  } finally {
    await pair.close();
  }
}

async function rawEdits({ demo, video }) {
  const wsUrl = `${demo.url.replace(/^http/, 'ws')}/plugins/livechat/ws/xmpp-websocket`;
  const browsers = [];
  try {
    const pages = [];
    for (const name of ['alice', 'bob']) {
      const b = await launch({});
      browsers.push(b);
      await b.context.addInitScript({ content: RAW_CLIENT });
      const page = await b.context.newPage();
      await page.goto(`${demo.url}/bench/raw-${name}`);
      const user = userByName(name);
      await page.evaluate(
        async ({ url, username, password, room }) => {
          const container = document.createElement('ol');
          container.id = 'raw-tasks';
          document.body.append(container);
          const { client, model } = await window.RawXmpp.showRoom({
            url,
            domain: 'localhost',
            username,
            password,
            room,
            nick: `${username}-raw-bench`,
            container,
          });
          window.__raw = { client, model, room };
        },
        { url: wsUrl, username: user.name, password: user.password, room: video.room },
      );
      pages.push(page);
    }
    const [alice, bob] = pages;
    // The same targets as the extension's run: the first two lists by name.
    const plan = await alice.evaluate(() => {
      const { model } = window.__raw;
      const lists = [...model.lists.values()].sort((a, b) => a.name.localeCompare(b.name));
      const first = (listId) =>
        [...model.tasks.values()].filter((t) => t.list === listId).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
      return { moveList: lists[0].id, addList: lists[1].id, doneId: first(lists[1].id)[0].id };
    });
    await alice.evaluate((p) => {
      const R = window.RawXmpp;
      const ordered = (listId) =>
        [...window.__raw.model.tasks.values()].filter((t) => t.list === listId).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
      window.__rawPrepare = (kind, i) => {
        const { model } = window.__raw;
        if (kind === 'done') {
          const t = model.tasks.get(p.doneId);
          window.__rawNext = { id: t.id, task: { ...t, done: !t.done } };
          return { id: t.id, done: !t.done };
        }
        if (kind === 'add') {
          const tasks = ordered(p.addList);
          const name = `Raw task ${i} ${Date.now().toString(36)}`;
          window.__rawNext = { id: undefined, task: { list: p.addList, name, order: (tasks.at(-1)?.order ?? 0) + 1 } };
          return { name };
        }
        const tasks = ordered(p.moveList);
        window.__rawNext = { id: tasks[0].id, task: { ...tasks[0], order: tasks.at(-1).order + 1 } };
        return { id: tasks[0].id, afterId: tasks.at(-1).id };
      };
      window.__rawGo = () => {
        const { id, task } = window.__rawNext;
        window.__lctBench.inputAbs = performance.timeOrigin + performance.now();
        return R.publish(window.__raw.client, window.__raw.room, id, R.taskXml(task)).then(() => true);
      };
    }, plan);

    const samples = [];
    for (let i = 0; i < EDITS; i++) {
      const kind = KINDS[i % KINDS.length];
      const expect = await alice.evaluate(([k, n]) => window.__rawPrepare(k, n), [kind, i]);
      await bob.evaluate(([k, e]) => window.__lctBench.arm(k, e), [kind, expect]);
      await alice.evaluate(([k, e]) => window.__lctBench.arm(k, e), [kind, expect]);
      await alice.evaluate(() => window.__rawGo());
      const seen = await bob.evaluate(lastResult);
      const input = await alice.evaluate(() => window.__lctBench.inputAbs);
      await alice.evaluate(lastResult); // alice's own copy caught up before the next edit
      samples.push({ kind, ms: seen !== null ? seen - input : null });
    }
    return samples;
  } finally {
    for (const b of browsers) await b.close();
  }
}

/** Rows propagationP50/P95 (Chromium) and propagationFirefoxP50/P95, each beside the same raw → raw baseline. */
export async function propagation(env) {
  const ext = await attempt(async () => summarize(await extensionEdits(env, chromiumPair)));
  const firefox = await attempt(async () => summarize(await extensionEdits(env, firefoxPair)));
  const raw = await attempt(async () => summarize(await rawEdits(env)));
  const note = (s) =>
    `${EDITS} edits (done/add/move), ${s.missed} missed; by kind p50 ${KINDS.map((k) => `${k} ${s.byKind[k].p50}`).join(', ')} ms`;
  const row = (measured, key, text) => ({
    unit: 'ms',
    value: round(measured.value?.[key] ?? null),
    baseline: round(raw.value?.[key] ?? null),
    ratio: ratio(measured.value?.[key] ?? null, raw.value?.[key] ?? null),
    note: text,
    ...(measured.error ? { reason: measured.error } : {}),
  });
  return {
    propagationP50: row(ext, 'p50', ext.value ? note(ext.value) : ''),
    propagationP95: row(ext, 'p95', "alice's input event until bob's DOM shows it; two Chromium processes, one clock (timeOrigin + now)"),
    propagationFirefoxP50: row(firefox, 'p50', firefox.value ? note(firefox.value) : ''),
    propagationFirefoxP95: row(firefox, 'p95', 'the same in two firefox-esr processes; baseline: raw → raw in Chromium'),
    detail: { edits: EDITS, extension: ext.value ?? ext.error, firefox: firefox.value ?? firefox.error, raw: raw.value ?? raw.error },
  };
}
