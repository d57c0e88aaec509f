// @vitest-environment happy-dom
// Done and moves show in the frame of the input, before the background's next
// view carries them (useLocalEdits.ts); the background's view stays the truth.
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { withItem } from '../../../src/core/room';
import type { RoomEdit, RoomView } from '../../../src/core/types';
import type { Reply } from '../../../src/messages';
import { makeView } from './fixtures';
import { renderApp } from './render';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const row = (name: string) => screen.getByText(name).closest<HTMLElement>('[data-task-id]')!;
const names = () => screen.getAllByRole('listitem').map((li) => li.querySelector('.lct-task-name')!.textContent);
const isDone = (name: string) => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;
const pending = (name: string) => row(name).classList.contains('is-pending');

/** The background stand-in: edits wait until the test answers them. */
function heldEdits() {
  const answers: ((r: Reply<{ itemId: string }>) => void)[] = [];
  const onEdit = vi.fn((_e: RoomEdit) => new Promise<Reply<{ itemId: string }>>((resolve) => answers.push(resolve)));
  const answer = (r: Reply<{ itemId: string }>) =>
    act(async () => {
      answers.shift()!(r);
      await new Promise<void>((resolve) => queueMicrotask(resolve)); // the app's await of the reply goes on
    });
  return { onEdit, answer };
}

const ROOM = () => makeView([{ name: 'Prep', tasks: ['one', 'two', 'three'] }]);
const setDone = (view: RoomView, name: string, done: boolean): RoomView => {
  const task = Object.values(view.items.tasks).find((t) => t.name === name)!;
  return { ...view, items: withItem(view.items, { kind: 'task', ...task, done }) };
};

test('a task ticked done shows done and "not saved yet" at once, before the background answers; its view then takes over', async () => {
  const held = heldEdits();
  const room = ROOM();
  const app = renderApp(room, held.onEdit);
  fireEvent.click(screen.getByRole('checkbox', { name: 'one' }));
  expect(held.onEdit).toHaveBeenCalledWith({ op: 'setDone', id: row('one').dataset.taskId, done: true });
  await act(() => Promise.resolve());
  expect(isDone('one')).toBe(true);
  expect(pending('one')).toBe(true);

  // the background's view shows it: the row is as the view says, done and saved
  const saved = setDone(room, 'one', true);
  app.push(saved);
  await held.answer({ ok: true, value: { itemId: 'x' } });
  expect(isDone('one')).toBe(true);
  expect(pending('one')).toBe(false);
  // someone else unticks it later: the row follows, the local edit is long gone
  app.push(setDone(saved, 'one', false));
  expect(isDone('one')).toBe(false);
});

test('a refused edit goes back at once, and the refusal is said', async () => {
  const held = heldEdits();
  renderApp(ROOM(), held.onEdit);
  fireEvent.click(screen.getByRole('checkbox', { name: 'two' }));
  await act(() => Promise.resolve());
  expect(isDone('two')).toBe(true);
  await held.answer({ ok: false, error: { code: 'forbidden' } });
  expect(isDone('two')).toBe(false);
  expect(pending('two')).toBe(false);
  expect(screen.getByRole('alert').textContent).not.toBe('');
});

test('a keyboard move shows the new order at once', async () => {
  const held = heldEdits();
  renderApp(ROOM(), held.onEdit);
  fireEvent.keyDown(screen.getByRole('checkbox', { name: 'one' }), { key: 'ArrowDown', altKey: true });
  await act(() => Promise.resolve());
  expect(names()).toEqual(['two', 'one', 'three']);
  expect(pending('one')).toBe(true);
});

test("accepted but never shown by the background (the server made it something else): the view's truth comes back a few seconds after the reply", async () => {
  vi.useFakeTimers();
  const held = heldEdits();
  renderApp(ROOM(), held.onEdit);
  fireEvent.click(screen.getByRole('checkbox', { name: 'three' }));
  await act(() => Promise.resolve());
  await held.answer({ ok: true, value: { itemId: 'x' } });
  expect(isDone('three')).toBe(true);
  await act(() => {
    vi.advanceTimersByTime(3_100);
  });
  expect(isDone('three')).toBe(false);
});
