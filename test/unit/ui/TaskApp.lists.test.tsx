// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { makeView } from './fixtures';
import { renderApp } from './render';

afterEach(cleanup);

const listNames = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('task lists', () => {
  test('are shown alphabetically, whatever order they arrive in', () => {
    renderApp(makeView([{ name: 'zebra' }, { name: 'Stream prep' }, { name: 'after show' }]));
    expect(listNames()).toEqual(['after show', 'Stream prep', 'zebra']);
  });

  test('are created from "New list" with the typed name', async () => {
    const { onEdit } = renderApp(makeView([{ name: 'Stream prep' }]));
    fireEvent.click(screen.getByRole('button', { name: /New list/ }));
    const form = screen.getByRole('form', { name: 'New task list' });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), { target: { value: '  Moderation  ' } });
    fireEvent.submit(form);
    expect(onEdit).toHaveBeenCalledWith({ op: 'createList', name: 'Moderation' });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New task list' })).toBeNull());
  });

  test('an empty name is refused with a message, and nothing is sent', () => {
    const { onEdit } = renderApp(makeView([{ name: 'Stream prep' }]));
    fireEvent.click(screen.getByRole('button', { name: /New list/ }));
    fireEvent.submit(screen.getByRole('form', { name: 'New task list' }));
    expect(screen.getByText('Please type a name.')).toBeTruthy();
    expect(onEdit).not.toHaveBeenCalled();
  });

  test('are renamed', () => {
    const { onEdit } = renderApp(makeView([{ name: 'Stream prep' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Rename list' }));
    const form = screen.getByRole('form', { name: 'Rename the task list' });
    const input = within(form).getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    expect(input.value).toBe('Stream prep');
    fireEvent.input(input, { target: { value: 'Before the stream' } });
    fireEvent.submit(form);
    expect(onEdit).toHaveBeenCalledWith({ op: 'renameList', id: 'L1', name: 'Before the stream' });
  });

  test('Escape cancels a rename without sending anything', () => {
    const { onEdit } = renderApp(makeView([{ name: 'Stream prep' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Rename list' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Name' }), { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(listNames()).toEqual(['Stream prep']);
    expect(onEdit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename list' }));
    fireEvent.click(screen.getByRole('button', { name: /New list/ }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Name' }), { key: 'Escape' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /New list/ }));
  });

  test('are deleted only after confirmation, which says how many tasks go with it', async () => {
    const { onEdit } = renderApp(makeView([{ name: 'Stream prep', tasks: ['Check sound', 'Check light'] }]));
    fireEvent.click(screen.getByRole('button', { name: 'Delete list' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this list?', description: /its 2 tasks/ });
    expect(dialog.textContent).toContain('The list “Stream prep” and its 2 tasks will be deleted for every moderator.');
    expect(onEdit).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onEdit).toHaveBeenCalledWith({ op: 'deleteList', id: 'L1' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('after deleting a list, focus goes to the next list', async () => {
    const { push } = renderApp(makeView([{ name: 'A' }, { name: 'B' }]));
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete list' })[0]!);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    push(makeView([{ id: 'L2', name: 'B' }]));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'B' }));
  });

  test('the confirmation can be cancelled, by button or Escape, and focus goes back', async () => {
    const { onEdit } = renderApp(makeView([{ name: 'Stream prep' }]));
    const deleteButton = screen.getByRole('button', { name: 'Delete list' });
    deleteButton.focus();
    fireEvent.click(deleteButton);
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(deleteButton);
    fireEvent.click(deleteButton);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await Promise.resolve();
    expect(onEdit).not.toHaveBeenCalled();
  });

  test('the confirmation keeps keyboard focus inside (Tab and Shift+Tab wrap around)', () => {
    renderApp(makeView([{ name: 'Stream prep' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Delete list' }));
    const dialog = screen.getByRole('dialog');
    const [confirm, cancel] = within(dialog).getAllByRole('button');
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel!, { key: 'Tab' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.keyDown(confirm!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
  });

  test('collapse hides the tasks, and stays collapsed after the app is mounted again', () => {
    const view = makeView([
      { name: 'Stream prep', tasks: ['Check sound'] },
      { name: 'Other', tasks: ['Say hello'] },
    ]);
    const first = renderApp(view);
    const toggle = screen.getByRole('button', { name: 'Stream prep', expanded: true });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Check sound')).toBeNull();
    expect(screen.getByText('Say hello')).toBeTruthy();
    first.unmount();
    renderApp(view);
    expect(screen.getByRole('button', { name: 'Stream prep' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Check sound')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stream prep' }));
    expect(screen.getByText('Check sound')).toBeTruthy();
  });

  test('another room starts fresh: its own collapsed lists, no dialog left open from the previous room', () => {
    const roomA = makeView([{ name: 'Stream prep', tasks: ['Check sound'] }]);
    const roomB = makeView([{ name: 'Stream prep', tasks: ['Other room task'] }], {
      ref: { ...roomA.ref, jid: 'other@room.video.example.org' },
    });
    const { push } = renderApp(roomA);
    fireEvent.click(screen.getByRole('button', { name: 'Stream prep' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete list' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    push(roomB);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Stream prep' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Other room task')).toBeTruthy();
    push(roomA);
    expect(screen.getByRole('button', { name: 'Stream prep' }).getAttribute('aria-expanded')).toBe('false');
  });

  test('show open and total counts: "2 open" on screen (not "2/3", read as done/total), the total for screen readers', () => {
    renderApp(makeView([{ name: 'Stream prep', tasks: [{ name: 'a', done: true }, 'b', 'c'] }, { name: 'Empty' }]));
    expect(screen.getByText('2 open tasks of 3')).toBeTruthy();
    expect(screen.getByText('0 open tasks of 0')).toBeTruthy();
    const header = screen.getByRole('heading', { name: 'Stream prep' }).closest('header')!;
    expect(header.querySelector('.lct-counts [aria-hidden="true"]')!.textContent).toBe('2 open');
    expect(header.textContent).not.toContain('2/3');
  });
});
