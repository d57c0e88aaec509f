// @vitest-environment happy-dom
// Undo in the task app: the toast after a change, its button, Ctrl+Z, and
// what a refused edit or a text field does to them.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Edit } from '../../../src/core/types';
import { acceptingEdits, makeView } from './fixtures';
import { renderApp } from './render';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const row = (name: string) => screen.getByText(name).closest<HTMLElement>('[data-task-id]')!;
const toast = () => document.querySelector<HTMLElement>('.lct-toast-region')!;
const ctrlZ = (target: Element = document.body) => fireEvent.keyDown(target, { key: 'z', ctrlKey: true });
const prep = () =>
  makeView([
    { name: 'Prep', tasks: [{ name: 'Check sound', description: 'Ask chat' }, 'Check light'] },
    { name: 'Later', tasks: ['Tidy'] },
  ]);

async function deleteTask(name: string) {
  fireEvent.click(within(row(name)).getByRole('button', { name: 'Delete task' }));
  fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('undo', () => {
  test('a deleted task: the toast says so in a polite live region, and its Undo publishes the task again as it was', async () => {
    const onEdit = acceptingEdits();
    const { push } = renderApp(prep(), onEdit);
    expect(toast().getAttribute('aria-live')).toBe('polite');
    expect(toast().textContent).toBe('');
    await deleteTask('Check sound');
    await waitFor(() => expect(toast().textContent).toContain('Task “Check sound” deleted.'));
    // the toast never takes focus
    expect(toast().contains(document.activeElement)).toBe(false);
    push(
      makeView([
        { name: 'Prep', tasks: [{ id: 'L1-T2', name: 'Check light' }] },
        { name: 'Later', tasks: ['Tidy'] },
      ]),
    );
    fireEvent.click(within(toast()).getByRole('button', { name: 'Undo' }));
    expect(onEdit).toHaveBeenLastCalledWith({
      op: 'restore',
      items: [
        {
          kind: 'task',
          id: 'L1-T1',
          list: 'L1',
          name: 'Check sound',
          description: 'Ask chat',
          order: 0,
          done: false,
          unknown: { attrs: {}, children: [] },
        },
      ],
    } satisfies Edit);
    expect(toast().textContent).toBe('');
    expect(screen.getByText('Undone: Task “Check sound” deleted.')).toBeTruthy();
    // focus goes to the task put back, once it shows
    push(prep());
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Check sound' }));
  });

  test('a deleted list comes back first, then its tasks', async () => {
    const onEdit = acceptingEdits();
    renderApp(prep(), onEdit);
    const section = screen.getByRole('heading', { name: 'Prep' }).closest('section')!;
    fireEvent.click(within(section).getByRole('button', { name: 'Delete list' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(toast().textContent).toContain('List “Prep” deleted, with its 2 tasks.'));
    fireEvent.click(within(toast()).getByRole('button', { name: 'Undo' }));
    const restore = onEdit.mock.lastCall![0] as Extract<Edit, { op: 'restore' }>;
    expect(restore.items.map((i) => `${i.kind} ${i.id}`)).toEqual(['tasklist L1', 'task L1-T1', 'task L1-T2']);
  });

  test('Ctrl+Z undoes the latest change first, also once the toast is gone, and says when there is nothing left', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const onEdit = acceptingEdits();
    renderApp(prep(), onEdit);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check light' }));
    await waitFor(() => expect(toast().textContent).toContain('“Check light” marked done.'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tidy' }));
    await waitFor(() => expect(toast().textContent).toContain('“Tidy” marked done.'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(9_000);
    });
    expect(toast().textContent).toBe('');
    ctrlZ(screen.getByRole('checkbox', { name: 'Check sound' }));
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'setDone', id: 'L2-T1', done: false });
    ctrlZ();
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'setDone', id: 'L1-T2', done: false });
    const calls = onEdit.mock.calls.length;
    ctrlZ();
    expect(onEdit.mock.calls.length).toBe(calls);
    await waitFor(() => expect(screen.getByText('Nothing to undo.')).toBeTruthy());
  });

  test('the toast stays while focus is in it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp(prep());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check light' }));
    const undo = await within(toast()).findByRole('button', { name: 'Undo' });
    fireEvent.focusIn(undo);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20_000);
    });
    expect(within(toast()).getByRole('button', { name: 'Undo' })).toBeTruthy();
    fireEvent.focusOut(undo);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(9_000);
    });
    expect(toast().textContent).toBe('');
  });

  test('in a text field Ctrl+Z is the field’s own', async () => {
    const onEdit = acceptingEdits();
    renderApp(prep(), onEdit);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check light' }));
    await waitFor(() => expect(toast().textContent).toContain('marked done'));
    const calls = onEdit.mock.calls.length;
    ctrlZ(screen.getByRole('searchbox'));
    expect(onEdit.mock.calls.length).toBe(calls);
  });

  test('an edit the background refused is not offered to undo', async () => {
    const onEdit = vi.fn(async () => ({ ok: false as const, error: { code: 'edit-failed' as const } }));
    renderApp(prep(), onEdit);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check light' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
    expect(toast().textContent).toBe('');
    ctrlZ();
    expect(onEdit).toHaveBeenCalledTimes(1);
  });

  test('a move is undone to its place, an edit to its old name and description', async () => {
    const onEdit = acceptingEdits();
    renderApp(prep(), onEdit);
    fireEvent.keyDown(within(row('Check sound')).getByRole('checkbox'), { key: 'ArrowDown', altKey: true });
    ctrlZ();
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'moveTask', id: 'L1-T1', list: 'L1', index: 0 });
    fireEvent.click(within(row('Check sound')).getByRole('button', { name: 'Edit task' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Check mic' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit the task' }));
    await waitFor(() => expect(toast().textContent).toContain('“Check mic” edited.'));
    ctrlZ();
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'editTask', id: 'L1-T1', name: 'Check sound', description: 'Ask chat' });
  });
});
