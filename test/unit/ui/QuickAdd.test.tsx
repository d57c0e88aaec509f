// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { QuickAdd } from '../../../src/ui/QuickAdd';
import { acceptingEdits, makeView } from './fixtures';

afterEach(cleanup);

const lists = [{ name: 'Prep' }, { name: 'During' }];
const type = (text: string) => fireEvent.input(screen.getByRole('combobox', { name: 'New task' }), { target: { value: text } });
const submit = () => fireEvent.submit(screen.getByRole('form', { name: 'Quick add' }));

describe('quick add', () => {
  test('Enter adds the task to the chosen list, then the line is empty for the next one', async () => {
    const onEdit = acceptingEdits();
    render(<QuickAdd view={makeView(lists)} onEdit={onEdit} />);
    const picker = screen.getByRole('combobox', { name: 'List' }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.text)).toEqual(['During', 'Prep']);
    type('  Thank the raid  ');
    submit();
    await waitFor(() => expect(onEdit).toHaveBeenCalledWith({ op: 'createTask', list: 'L2', name: 'Thank the raid' }));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'New task' }) as HTMLInputElement).value).toBe(''));
    expect(screen.getByText('“Thank the raid” added to “During”.')).toBeTruthy();
  });

  test('the preselected list is used, and picking another is reported so it can be remembered', async () => {
    const onEdit = acceptingEdits();
    const onListPicked = vi.fn();
    render(<QuickAdd view={makeView(lists)} onEdit={onEdit} listId="L1" onListPicked={onListPicked} />);
    const picker = screen.getByRole('combobox', { name: 'List' }) as HTMLSelectElement;
    expect(picker.value).toBe('L1');
    type('a');
    submit();
    await waitFor(() => expect(onEdit).toHaveBeenLastCalledWith({ op: 'createTask', list: 'L1', name: 'a' }));
    fireEvent.change(picker, { target: { value: 'L2' } });
    expect(onListPicked).toHaveBeenCalledWith('L2');
    type('b');
    submit();
    await waitFor(() => expect(onEdit).toHaveBeenLastCalledWith({ op: 'createTask', list: 'L2', name: 'b' }));
  });

  test('with no list yet, the default list is created first and the task goes into it', async () => {
    const onEdit = acceptingEdits();
    render(<QuickAdd view={makeView([])} onEdit={onEdit} defaultListName="Inbox" />);
    expect((screen.getByRole('combobox', { name: 'List' }) as HTMLSelectElement).selectedOptions[0]!.text).toBe('New list “Inbox”');
    type('First task');
    submit();
    await waitFor(() => expect(onEdit).toHaveBeenCalledTimes(2));
    expect(onEdit.mock.calls.map((c) => c[0])).toEqual([
      { op: 'createList', name: 'Inbox' },
      { op: 'createTask', list: 'new-1', name: 'First task' },
    ]);
  });

  test('an empty line sends nothing and says why', () => {
    const onEdit = acceptingEdits();
    render(<QuickAdd view={makeView(lists)} onEdit={onEdit} />);
    type('   ');
    submit();
    expect(screen.getByText('Please type a name.')).toBeTruthy();
    expect(onEdit).not.toHaveBeenCalled();
  });

  test('a refused add keeps the typed text and shows the error', async () => {
    const onEdit = vi.fn(async () => ({ ok: false as const, error: { code: 'network' as const } }));
    render(<QuickAdd view={makeView(lists)} onEdit={onEdit} />);
    type('Keep me');
    submit();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Your change was not saved: The chat server cannot be reached.'),
    );
    expect((screen.getByRole('combobox', { name: 'New task' }) as HTMLInputElement).value).toBe('Keep me');
  });

  test('with autoFocus the line takes the focus as soon as the room is ready (the popup opens to type)', () => {
    const { rerender } = render(<QuickAdd view={makeView(lists, { loaded: false })} onEdit={acceptingEdits()} autoFocus />);
    expect(document.activeElement).not.toBe(screen.getByRole('combobox', { name: 'New task' }));
    rerender(<QuickAdd view={makeView(lists)} onEdit={acceptingEdits()} autoFocus />);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'New task' }));
  });

  test('disabled, with the reason, while loading or without rights', () => {
    const { unmount } = render(<QuickAdd view={makeView([], { loaded: false })} onEdit={acceptingEdits()} />);
    expect((screen.getByRole('combobox', { name: 'New task' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Loading tasks…')).toBeTruthy();
    unmount();
    render(<QuickAdd view={makeView(lists, { rights: 'none' })} onEdit={acceptingEdits()} />);
    expect((screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Only the room's owners and moderators (admins) can see its tasks.")).toBeTruthy();
  });
});

describe('quick add: "#List name task"', () => {
  const rooms = [{ name: 'Stream prep' }, { name: 'Stream' }, { name: 'Giveaway' }];
  const line = () => screen.getByRole('combobox', { name: 'New task' }) as HTMLInputElement;
  const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(line(), { key: k, ...init });
  const completion = () => within(screen.getByRole('listbox', { name: 'Lists', hidden: true }));
  const optionNames = () =>
    completion()
      .queryAllByRole('option')
      .map((o) => o.textContent);

  test('is a combobox completing list names as one types, with arrows, Enter, Escape and Tab', () => {
    render(<QuickAdd view={makeView(rooms)} onEdit={acceptingEdits()} />);
    const input = line();
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    type('#str');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Lists' });
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    // lists starting with it, in the room's order, then "Create list"
    expect(optionNames()).toEqual(['Stream', 'Stream prep', 'Create list “str”']);
    key('ArrowDown');
    key('ArrowDown');
    const active = completion().getByRole('option', { selected: true });
    expect(active.textContent).toBe('Stream prep');
    expect(input.getAttribute('aria-activedescendant')).toBe(active.id);
    key('Enter');
    expect(input.value).toBe('#Stream prep ');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    // Escape closes the list and leaves the text
    type('#gi');
    key('Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('#gi');
    // Tab takes the first option
    type('#giv');
    key('Tab');
    expect(input.value).toBe('#Giveaway ');
  });

  test('the task goes to the named list, whatever list is picked below', async () => {
    const onEdit = acceptingEdits();
    render(<QuickAdd view={makeView(rooms)} onEdit={onEdit} listId="L3" />);
    type('#stream prep Check the mic');
    submit();
    await waitFor(() => expect(onEdit).toHaveBeenCalledWith({ op: 'createTask', list: 'L1', name: 'Check the mic' }));
    expect(await screen.findByText('“Check the mic” added to “Stream prep”.')).toBeTruthy();
    // a list name alone is no task
    type('#Stream');
    submit();
    expect(screen.getByText('Please type a name.')).toBeTruthy();
  });

  test('"#word" creates a list only when "Create list" was taken; otherwise it is part of the task', async () => {
    const onEdit = acceptingEdits();
    render(<QuickAdd view={makeView(rooms)} onEdit={onEdit} listId="L3" />);
    type('#raid welcome them');
    submit();
    await waitFor(() => expect(onEdit).toHaveBeenCalledWith({ op: 'createTask', list: 'L3', name: '#raid welcome them' }));
    onEdit.mockClear();

    type('#Raid night');
    expect(optionNames()).toEqual(['Create list “Raid night”']);
    fireEvent.click(completion().getByRole('option', { name: 'Create list “Raid night”' }));
    expect(line().value).toBe('#Raid night ');
    type('#Raid night welcome the raiders');
    submit();
    await waitFor(() => expect(onEdit).toHaveBeenCalledTimes(2));
    expect(onEdit.mock.calls.map((c) => c[0])).toEqual([
      { op: 'createList', name: 'Raid night' },
      { op: 'createTask', list: 'new-2', name: 'welcome the raiders' },
    ]);
    expect(await screen.findByText('“welcome the raiders” added to “Raid night”.')).toBeTruthy();
  });
});
