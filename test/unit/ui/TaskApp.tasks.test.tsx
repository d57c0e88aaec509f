// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { acceptingEdits, makeView } from './fixtures';
import { renderApp } from './render';

afterEach(cleanup);

const row = (name: string) => screen.getByText(name).closest<HTMLElement>('[data-task-id]')!;

describe('tasks', () => {
  test('are shown in their order with their description', () => {
    renderApp(
      makeView([
        {
          name: 'Prep',
          tasks: [
            { name: 'second', order: 5 },
            { name: 'first', order: 1, description: 'Ask chat' },
          ],
        },
      ]),
    );
    const names = screen.getAllByRole('listitem').map((li) => li.querySelector('.lct-task-name')!.textContent);
    expect(names).toEqual(['first', 'second']);
    expect(within(row('first')).getByText('Ask chat')).toBeTruthy();
  });

  test('made from a chat message, offer no "Show message" where the chat is out of reach (the side panel)', () => {
    renderApp(
      makeView([{ name: 'Prep', tasks: [{ name: 'Bob', description: 'Pin it\n\n— from the chat: Bob, 14:32 [msg:m-1]' }] }]),
      undefined,
      'sidepanel',
    );
    expect(within(row('Bob')).getAllByRole('button').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Show the message in the chat' })).toBeNull();
  });

  test('are created with a name and an optional description, and the form stays for the next one', async () => {
    const { onEdit } = renderApp(makeView([{ name: 'Prep' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    let form = screen.getByRole('form', { name: 'New task' });
    fireEvent.input(within(form).getByRole('combobox', { name: 'Name' }), { target: { value: 'Check sound' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Description (optional)' }), { target: { value: 'Ask chat' } });
    fireEvent.submit(form);
    expect(onEdit).toHaveBeenCalledWith({ op: 'createTask', list: 'L1', name: 'Check sound', description: 'Ask chat' });
    form = await screen.findByRole('form', { name: 'New task' });
    const name = within(form).getByRole('combobox', { name: 'Name' }) as HTMLInputElement;
    expect(name.value).toBe('');
    fireEvent.input(name, { target: { value: 'Check light' } });
    fireEvent.submit(form);
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'createTask', list: 'L1', name: 'Check light' });
  });

  test('"Add a task" on a collapsed list opens it with the form', () => {
    const { onEdit } = renderApp(makeView([{ name: 'Prep', tasks: ['Old'] }]));
    fireEvent.click(screen.getByRole('button', { name: 'Prep' }));
    expect(screen.queryByText('Old')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    expect(screen.getByText('Old')).toBeTruthy();
    fireEvent.input(screen.getByRole('combobox', { name: 'Name' }), { target: { value: 'New' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New task' }));
    expect(onEdit).toHaveBeenCalledWith({ op: 'createTask', list: 'L1', name: 'New' });
  });

  test('emptying the description removes it', () => {
    const { onEdit } = renderApp(makeView([{ name: 'Prep', tasks: [{ name: 'Check sound', description: 'old' }] }]));
    fireEvent.click(within(row('Check sound')).getByRole('button', { name: 'Edit task' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Description (optional)' }), { target: { value: '  ' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit the task' }));
    expect(onEdit).toHaveBeenCalledWith({ op: 'editTask', id: 'L1-T1', name: 'Check sound' });
  });

  test('are edited in place (Ctrl+Enter saves from the description)', () => {
    const { onEdit } = renderApp(makeView([{ name: 'Prep', tasks: [{ name: 'Check sound', description: 'old' }] }]));
    fireEvent.click(within(row('Check sound')).getByRole('button', { name: 'Edit task' }));
    const form = screen.getByRole('form', { name: 'Edit the task' });
    const description = within(form).getByRole('textbox', { name: 'Description (optional)' }) as HTMLTextAreaElement;
    expect(description.value).toBe('old');
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), { target: { value: 'Check mic' } });
    fireEvent.input(description, { target: { value: 'line 1\nline 2' } });
    fireEvent.keyDown(description, { key: 'Enter', ctrlKey: true });
    expect(onEdit).toHaveBeenCalledWith({ op: 'editTask', id: 'L1-T1', name: 'Check mic', description: 'line 1\nline 2' });
    // keyboard users land back on the button they started from
    expect(document.activeElement).toBe(within(row('Check sound')).getByRole('button', { name: 'Edit task' }));
  });

  test('are deleted after confirmation only', async () => {
    const { onEdit } = renderApp(makeView([{ name: 'Prep', tasks: ['Check sound'] }]));
    fireEvent.click(within(row('Check sound')).getByRole('button', { name: 'Delete task' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this task?' });
    expect(dialog.textContent).toContain('The task “Check sound” will be deleted');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onEdit).toHaveBeenCalledWith({ op: 'deleteTask', id: 'L1-T1' }));
  });

  test("after a deletion, focus goes to the next task, or the previous, or the list's add button", async () => {
    const { push } = renderApp(makeView([{ name: 'Prep', tasks: ['a', 'b'] }]));
    const del = async (name: string) => {
      fireEvent.click(within(row(name)).getByRole('button', { name: 'Delete task' }));
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    };
    await del('a');
    push(makeView([{ name: 'Prep', tasks: [{ id: 'L1-T2', name: 'b' }] }]));
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'b' }));
    await del('b');
    push(makeView([{ name: 'Prep' }]));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a task' }));
  });

  test('are ticked done and back with their checkbox, named after the task', () => {
    const { onEdit, push } = renderApp(makeView([{ name: 'Prep', tasks: ['Check sound'] }]));
    const box = screen.getByRole('checkbox', { name: 'Check sound' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(onEdit).toHaveBeenCalledWith({ op: 'setDone', id: 'L1-T1', done: true });
    push(makeView([{ name: 'Prep', tasks: [{ name: 'Check sound', done: true }] }]));
    const done = screen.getByRole('checkbox', { name: 'Check sound' }) as HTMLInputElement;
    expect(done.checked).toBe(true);
    fireEvent.click(done);
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'setDone', id: 'L1-T1', done: false });
  });

  test('done tasks are struck through', () => {
    renderApp(makeView([{ name: 'Prep', tasks: [{ name: 'Done one', done: true }, 'Open one'] }]));
    const struck = (name: string) =>
      getComputedStyle(screen.getByText(name)).textDecorationLine || getComputedStyle(screen.getByText(name)).textDecoration;
    expect(struck('Done one')).toContain('line-through');
    expect(struck('Open one')).not.toContain('line-through');
  });

  test('"Hide done" hides done tasks, says so when all are done, and is remembered', () => {
    const view = makeView([
      { name: 'Prep', tasks: [{ name: 'Done one', done: true }, 'Open one'] },
      { name: 'Post', tasks: [{ name: 'All done', done: true }] },
    ]);
    const first = renderApp(view);
    const toggle = screen.getByRole('button', { name: /Hide done/, pressed: false });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByText('Done one')).toBeNull();
    expect(screen.getByText('Open one')).toBeTruthy();
    expect(screen.getByText('All tasks are done (done tasks are hidden).')).toBeTruthy();
    first.unmount();
    renderApp(view);
    expect(screen.getByRole('button', { name: /Hide done/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByText('Done one')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Hide done/ }));
    expect(screen.getByText('Done one')).toBeTruthy();
  });

  test('an empty list says so', () => {
    renderApp(makeView([{ name: 'Prep' }]));
    expect(screen.getByText('No tasks in this list.')).toBeTruthy();
  });

  test('pending items are marked as not saved yet', () => {
    renderApp(
      makeView([{ name: 'Prep', tasks: ['Saved', { id: 'local:1', name: 'Being saved' }] }], {
        pending: [{ id: 'e1', itemId: 'local:1', kind: 'createTask' }],
      }),
    );
    expect(within(row('Being saved')).getByText('Not saved yet')).toBeTruthy();
    expect(row('Being saved').classList.contains('is-pending')).toBe(true);
    expect(within(row('Saved')).queryByText('Not saved yet')).toBeNull();
  });

  test('changes by other moderators are highlighted and told to screen readers', () => {
    const { push } = renderApp(makeView([{ name: 'Prep', tasks: ['Mine', 'Theirs'] }]));
    expect(row('Theirs').classList.contains('is-changed')).toBe(false);
    push(makeView([{ name: 'Prep', tasks: ['Mine', 'Theirs'] }], { changed: ['L1-T2'] }));
    expect(row('Theirs').classList.contains('is-changed')).toBe(true);
    expect(getComputedStyle(row('Theirs')).animation).toContain('lct-flash');
    expect(row('Mine').classList.contains('is-changed')).toBe(false);
    expect(screen.getByText('1 item was changed by another moderator.')).toBeTruthy();
  });

  test('a refused edit is told in the alert region, and can be dismissed', async () => {
    const onEdit = async () => ({ ok: false as const, error: { code: 'forbidden' as const } });
    renderApp(makeView([{ name: 'Prep', tasks: ['Check sound'] }]), onEdit);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check sound' }));
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('Your change was not saved: You are not (or no longer) a moderator of this room.'));
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(alert.textContent).toBe('');
  });

  test('an edit that cannot reach the background is told too', async () => {
    const onEdit = () => Promise.reject(new Error('Extension context invalidated.'));
    renderApp(makeView([{ name: 'Prep', tasks: ['Check sound'] }]), onEdit);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check sound' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Your change was not saved: Something went wrong in the extension. (Error: Extension context invalidated.)',
      ),
    );
  });
});

describe('the add form of a list reads "#List name task"', () => {
  const nameField = () => within(screen.getByRole('form', { name: 'New task' })).getByRole('combobox', { name: 'Name' });
  const openForm = (listName: string) =>
    fireEvent.click(within(screen.getByRole('region', { name: listName })).getByRole('button', { name: 'Add a task' }));

  test("completing the room's list names, the task goes to the named list and the form says where", async () => {
    const { onEdit } = renderApp(makeView([{ name: 'Prep' }, { name: 'Giveaway prizes' }]));
    openForm('Prep');
    fireEvent.input(nameField(), { target: { value: '#giv' } });
    expect(nameField().getAttribute('aria-expanded')).toBe('true');
    const options = within(screen.getByRole('listbox', { name: 'Lists' }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Giveaway prizes', 'Create list “giv”']);
    fireEvent.keyDown(nameField(), { key: 'Tab' });
    expect((nameField() as HTMLInputElement).value).toBe('#Giveaway prizes ');
    expect(document.activeElement).toBe(nameField());
    fireEvent.input(nameField(), { target: { value: '#Giveaway prizes Pick a winner' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New task' }));
    expect(onEdit).toHaveBeenCalledWith({ op: 'createTask', list: 'L2', name: 'Pick a winner' });
    expect(await screen.findByText('“Pick a winner” added to “Giveaway prizes”.')).toBeTruthy();
    // the form stays on its own list, empty, for the next task
    expect((nameField() as HTMLInputElement).value).toBe('');
  });

  test('"Create list" creates the list first; an untaken "#word" is part of the name; the own list says nothing', async () => {
    const onEdit = acceptingEdits();
    renderApp(makeView([{ name: 'Prep' }]), onEdit);
    openForm('Prep');
    fireEvent.input(nameField(), { target: { value: '#Raid' } });
    fireEvent.click(screen.getByRole('option', { name: 'Create list “Raid”' }));
    fireEvent.input(nameField(), { target: { value: '#Raid welcome them' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New task' }));
    await waitFor(() => expect(onEdit).toHaveBeenCalledTimes(2));
    expect(onEdit.mock.calls.map((c) => c[0])).toEqual([
      { op: 'createList', name: 'Raid' },
      { op: 'createTask', list: 'new-1', name: 'welcome them' },
    ]);
    fireEvent.input(nameField(), { target: { value: '#Later check the mic' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New task' }));
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'createTask', list: 'L1', name: '#Later check the mic' });
    fireEvent.input(nameField(), { target: { value: '#prep ' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New task' }));
    expect(screen.getByText('Please type a name.')).toBeTruthy();
    expect(onEdit).toHaveBeenCalledTimes(3);
    expect(within(screen.getByRole('region', { name: 'Prep' })).getByRole('status').textContent).toBe('');
  });

  test('Escape closes the completion first, then the form', () => {
    renderApp(makeView([{ name: 'Prep' }]));
    openForm('Prep');
    fireEvent.input(nameField(), { target: { value: '#P' } });
    fireEvent.keyDown(nameField(), { key: 'Escape' });
    expect(nameField().getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(nameField(), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'New task' })).toBeNull();
  });
});
