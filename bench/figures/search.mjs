// Figure: searching a room at the node's maximum (5,000 items, the scale
// figure's fill). Alice types a query into the panel's search field key by
// key, as a person does, then clears it with Escape; each keystroke is timed
// from its keydown to the first frame whose page shows that keystroke's
// result: the field holds the typed text, the count says as many matches as
// an independent reading of the room's items gives (every word in the name
// or description, case folded), and the rows shown all match. The floor is
// one frame, measured in the same page: a search that keeps up with typing
// paints each keystroke in the next frame.
import { fetchItems, readTasks } from '../../demo/muc.mjs';
import { launch, openAs, waitInPage } from '../lib/browser.mjs';
import { fillRoom, LISTS, TASKS_PER_LIST } from '../lib/fill.mjs';
import { connectAs } from '../lib/room.mjs';
import { attempt, median, percentile, ratio, round } from '../lib/stats.mjs';

/** Typed one key at a time; every word narrows the search further. */
export const QUERY = 'task 42 of list 17';
// A typist's pace: each keystroke is measured alone.
const BETWEEN_KEYS_MS = 250;
const KEY_TIMEOUT_MS = 30_000;

/** The room's tasks that belong to a list, as the raw protocol gives them. */
async function roomTasks(backend, room) {
  const client = await connectAs(backend, 'alice', 'bench-search');
  try {
    const { lists, tasks } = readTasks(await fetchItems(client, room));
    const listIds = new Set(lists.map((l) => l.id));
    return tasks.filter((t) => listIds.has(t.list));
  } finally {
    await client.close();
  }
}

/** How many tasks hold every word of `query` (the room's texts are ASCII: folding is lower case). */
export function expectedMatches(tasks, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  return tasks.filter((t) => words.every((w) => [t.name, t.description].some((s) => s?.toLowerCase().includes(w)))).length;
}

/**
 * In the page: arms a wait for the frame showing `query` with `count` matches
 * (null: no search, no count shown). The keydown that starts it is the probe's
 * input time; resolves with { ms, frames } from it to that frame, or null.
 */
function armKeystroke([query, count, timeoutMs]) {
  const B = window.__lctBench;
  B.inputAbs = null;
  const root = B.root();
  const field = root.querySelector('input.lct-search-input');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shows = () => {
    if (field.value !== query) return false;
    const status = root.querySelector('.lct-search-count')?.textContent ?? '';
    const said = status ? Number(status.replace(/\D/g, '')) : null;
    if (said !== count) return false;
    // the first rows shown are enough to see a filter at work; all of them would cost frames in a 5,000-row page
    return [...root.querySelectorAll('[data-task-id]')].slice(0, 50).every((row) => {
      const text = row.textContent.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  };
  B.keystroke = new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs;
    let frames = 0; // frames begun since the key: 1 is the next frame
    // the time inside the frame callback, not the frame's start (which may precede the key's handling)
    const frame = () => {
      if (B.inputAbs !== null) frames += 1;
      if (B.inputAbs !== null && shows()) return resolve({ ms: performance.timeOrigin + performance.now() - B.inputAbs, frames });
      if (performance.now() > deadline) return resolve(null);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function typeQuery({ demo, extensionDir, video, tasks }) {
  const browser = await launch({ extensionDir, origin: demo.url });
  try {
    await browser.context.addInitScript((n) => {
      window.__lctBench.expected = n;
    }, tasks.length);
    const page = await openAs(browser.context, demo.url, 'alice', `/w/${video.shortUUID}`);
    await waitInPage(page, () => window.__lctBench.t.firstRowPainted ?? null, undefined, {
      timeoutMs: 60_000,
      what: 'the first task of the big room',
    });
    // the room fully shown and quiet, so that typing measures typing alone
    await waitInPage(page, () => window.__lctBench.t.painted ?? null, undefined, {
      timeoutMs: 60_000,
      what: 'every task of the big room',
    }).catch(() => null);
    await page.waitForTimeout(1_000);
    const frameMs = await page.evaluate(() => window.__lctBench.t.frameMs ?? null);
    const field = page.locator('lct-task-panel input.lct-search-input');
    await field.focus();
    const keys = [...QUERY].map((key, i) => ({ key, query: QUERY.slice(0, i + 1) }));
    keys.push({ key: 'Escape', query: '' });
    const samples = [];
    for (const { key, query } of keys) {
      await page.evaluate(armKeystroke, [query, expectedMatches(tasks, query), KEY_TIMEOUT_MS]);
      await field.press(key === ' ' ? 'Space' : key);
      const shown = await page.evaluate(() => window.__lctBench.keystroke);
      if (shown === null) throw new Error(`the search for "${query}" was not shown within ${KEY_TIMEOUT_MS / 1000} s`);
      samples.push({ key, ...shown });
      await page.waitForTimeout(BETWEEN_KEYS_MS);
    }
    return { samples, frameMs };
  } finally {
    await browser.close();
  }
}

export async function search(env) {
  let tasks = await roomTasks(env.backend, env.video.room);
  let fill = null;
  // the scale figure may have filled the room already in this run
  if (tasks.length < LISTS * TASKS_PER_LIST) {
    fill = await fillRoom(env.backend, env.video.room);
    tasks = await roomTasks(env.backend, env.video.room);
  }
  const run = await attempt(() => typeQuery({ ...env, tasks }));
  const samples = run.value?.samples ?? [];
  const ms = samples.map((s) => s.ms);
  const nextFrame = samples.filter((s) => s.frames === 1).length;
  const frame = run.value?.frameMs ?? null;
  const figure = (value, what) => ({
    unit: 'ms',
    value: round(value ?? null),
    baseline: round(frame),
    baselineLabel: 'one frame',
    ratio: ratio(value ?? null, frame),
    note: `${what} over ${ms.length} keystrokes ("${QUERY}" typed, then Escape) in ${tasks.length} tasks; keydown until the frame showing its result (waiting for the frame included); ${nextFrame} of ${ms.length} shown in the next frame`,
    ...(run.error ? { reason: run.error } : {}),
  });
  return {
    searchKeystroke: figure(ms.length ? median(ms) : null, 'median'),
    searchKeystrokeP95: figure(ms.length ? percentile(ms, 95) : null, 'p95'),
    detail: { fill, tasks: tasks.length, samples: run.value?.samples ?? run.error },
  };
}
