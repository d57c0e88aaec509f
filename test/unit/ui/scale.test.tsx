// @vitest-environment happy-dom
// Many items in 50 lists: everything is there, and an update re-renders
// only what changed (rows are memoized by item reference, core updates are
// immutable). A few hundred tasks here because happy-dom builds DOM ~50 times slower
// than a browser. happy-dom has no layout, so every row renders here: windowing
// (only the rows near the view) is tested in Chromium and firefox-esr
// (test/e2e/big-room.test.ts), its speed measured by npm run bench.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { withItem } from '../../../src/core/room';
import type { RoomView } from '../../../src/core/types';
import { makeView, type ListSpec } from './fixtures';
import { renderApp } from './render';

afterEach(cleanup);

const big: ListSpec[] = Array.from({ length: 50 }, (_, l) => ({
  name: `List ${String(l).padStart(2, '0')}`,
  tasks: Array.from({ length: 6 }, (_, t) => ({ name: `Task ${l}.${t}`, done: t % 3 === 0 })),
}));

/** Task rows rendered again during `run` (a memoized row that skips leaves its element undiffed). */
function countRowRenders(run: () => void): number {
  let n = 0;
  const old = options.diffed;
  options.diffed = (vnode) => {
    if (vnode.type === 'div' && (vnode.props as Record<string, unknown>)['data-task-id']) n++;
    old?.(vnode);
  };
  try {
    run();
  } finally {
    options.diffed = old;
  }
  return n;
}

test('a big room shows all lists at once; without layout to tell what is in view (happy-dom), every task rather than none', () => {
  renderApp(makeView(big));
  expect(document.querySelectorAll('h3')).toHaveLength(50);
  expect(document.querySelectorAll('[data-task-id]')).toHaveLength(300);
  // screen readers are told each row's place in its list, since far rows are not in a real browser's page
  const rows = [...document.querySelectorAll('[data-list-id="L7"] [data-task-id]')];
  expect(rows.map((row) => [row.getAttribute('aria-posinset'), row.getAttribute('aria-setsize')])).toEqual(
    rows.map((_, i) => [String(i + 1), '6']),
  );
});

test('300 tasks in 50 lists: a change by someone else re-renders one row only', async () => {
  const view = makeView(big);
  const app = renderApp(view);
  await waitFor(() => expect(document.querySelectorAll('[data-task-id]')).toHaveLength(300));

  const task = view.items.tasks['L7-T5']!;
  const next: RoomView = { ...view, items: withItem(view.items, { kind: 'task', ...task, name: 'Renamed' }), changed: ['L7-T5'] };
  expect(countRowRenders(() => app.push(next))).toBe(1);
  expect(screen.getByText('Renamed').closest<HTMLElement>('[data-task-id]')!.classList.contains('is-changed')).toBe(true);
});

test('views arrive as copies (a port copies every message): a copy with one change still re-renders one row only', async () => {
  const view = makeView(big);
  const app = renderApp(structuredClone(view));
  await waitFor(() => expect(document.querySelectorAll('[data-task-id]')).toHaveLength(300));

  expect(countRowRenders(() => app.push(structuredClone(view)))).toBe(0);
  const task = view.items.tasks['L7-T5']!;
  const next: RoomView = { ...view, items: withItem(view.items, { kind: 'task', ...task, done: !task.done }), changed: ['L7-T5'] };
  expect(countRowRenders(() => app.push(structuredClone(next)))).toBe(1);
  expect(document.querySelector('[data-task-id="L7-T5"]')!.classList.contains('is-changed')).toBe(true);
  expect(document.querySelectorAll('[data-task-id]')).toHaveLength(300);
});

test('a move that renumbers a whole list shows the new order without rendering its rows again', async () => {
  const view = makeView(big);
  const app = renderApp(structuredClone(view));
  await waitFor(() => expect(document.querySelectorAll('[data-task-id]')).toHaveLength(300));

  // L7-T5 goes first, and every task of the list gets a new order number (new objects)
  const tasks = { ...view.items.tasks };
  for (const id of Object.keys(tasks).filter((id) => id.startsWith('L7-')))
    tasks[id] = { ...tasks[id]!, order: id === 'L7-T5' ? 0 : tasks[id]!.order * 10 + 10 };
  const next: RoomView = { ...view, items: { ...view.items, tasks } };
  expect(countRowRenders(() => app.push(structuredClone(next)))).toBe(0);
  const shown = [...document.querySelectorAll('[data-list-id="L7"] [data-task-id]')].map((row) => row.getAttribute('data-task-id'));
  expect(shown).toEqual(['L7-T5', 'L7-T1', 'L7-T2', 'L7-T3', 'L7-T4', 'L7-T6']);
  expect(document.querySelector('[data-task-id="L7-T5"]')!.getAttribute('aria-posinset')).toBe('1');
  expect(document.querySelector('[data-task-id="L7-T6"]')!.getAttribute('aria-posinset')).toBe('6');
});

test('collapsed lists render no rows at all', () => {
  const view = makeView(big);
  const app = renderApp(view);
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[aria-expanded="true"]')) fireEvent.click(button);
  app.push({ ...view });
  expect(document.querySelectorAll('h3')).toHaveLength(50);
  expect(document.querySelectorAll('[data-task-id]')).toHaveLength(0);
});
