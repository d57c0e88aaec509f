// @vitest-environment happy-dom
// Every dialog (the chat message's one, rendered outside the task app's
// root on the page; the confirmations and "Move to list…" inside it): focus
// moves in and stays in, Escape closes it wherever focus went, focus goes
// back to what opened it, and its surface gets the theme's colours itself.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { ChatTaskDialog } from '../../../src/content/ChatTaskDialog';
import { Dialog } from '../../../src/ui/Dialog';
import { MoveDialog } from '../../../src/ui/MoveDialog';
import { loadCatalog } from '../pages/fake-ext';
import { acceptingEdits, makeItems, stylesheet } from './fixtures';

beforeAll(() => {
  loadCatalog();
  const style = document.createElement('style');
  style.textContent = stylesheet;
  document.head.append(style);
});
afterEach(cleanup);

/** A button that opens a dialog with three fields, as the apps do. */
function Opener(props: { onCancel?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog
          title="A dialog"
          onCancel={() => {
            props.onCancel?.();
            setOpen(false);
          }}
        >
          <input aria-label="First" />
          <p>Some text</p>
          <button type="button">Middle</button>
          <button type="button">Last</button>
        </Dialog>
      )}
    </>
  );
}

function openDialog(onCancel?: () => void) {
  render(<Opener onCancel={onCancel} />);
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByRole('dialog', { name: 'A dialog' }) };
}

describe('a dialog', () => {
  test('takes focus, keeps Tab and Shift+Tab inside, and gives focus back on Escape', () => {
    const onCancel = vi.fn();
    const { opener } = openDialog(onCancel);
    const first = screen.getByRole('textbox', { name: 'First' });
    const last = screen.getByRole('button', { name: 'Last' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  test('when focus fell out of it (a click on its text), Tab brings it back in and Escape still closes it', () => {
    const onCancel = vi.fn();
    const { opener } = openDialog(onCancel);
    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'First' }));
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(opener);
  });

  test('a click on the backdrop cancels, a click inside does not', () => {
    const onCancel = vi.fn();
    const { dialog } = openDialog(onCancel);
    fireEvent.click(screen.getByText('Some text'));
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(dialog.parentElement!);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  test("outside the app's root, its surface still gets the page theme's colours (not transparent)", () => {
    // PeerTube's theme variables, on the page's body
    document.body.style.setProperty('--bg', '#fafafa');
    document.body.style.setProperty('--fg', '#101010');
    try {
      const { dialog } = openDialog();
      expect(dialog.closest('.lct-root')).toBeNull();
      expect(getComputedStyle(dialog).backgroundColor).toBe('#fafafa');
      expect(getComputedStyle(dialog).color).toBe('#101010');
    } finally {
      document.body.style.removeProperty('--bg');
      document.body.style.removeProperty('--fg');
    }
  });
});

describe("the chat message's dialog", () => {
  const items = makeItems([{ name: 'Stream prep' }, { name: 'Follow-ups' }]);
  const lists = Object.values(items.lists);

  test('opens on the list picker, and Escape cancels it', () => {
    const onClose = vi.fn();
    render(
      <ChatTaskDialog message={{ nick: 'viewer42', text: 'Please say hi' }} lists={lists} onEdit={acceptingEdits()} onClose={onClose} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Create a task from a chat message' });
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'List' }));
    expect(dialog.textContent).toContain('Please say hi');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledWith();
  });

  test('creates the task in the picked list and closes with that list', async () => {
    const onClose = vi.fn();
    const onEdit = acceptingEdits();
    render(<ChatTaskDialog message={{ nick: 'viewer42', text: 'Please say hi' }} lists={lists} onEdit={onEdit} onClose={onClose} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'List' }), { target: { value: lists[1]!.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the task' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(lists[1]!.id));
    expect(onEdit).toHaveBeenCalledWith({ op: 'createTask', list: lists[1]!.id, name: 'viewer42', description: 'Please say hi' });
  });
});

describe('"Move to list…"', () => {
  test('focuses the picker; Escape cancels without moving', () => {
    const items = makeItems([{ name: 'Stream prep', tasks: ['Check sound'] }, { name: 'Follow-ups' }]);
    const task = Object.values(items.tasks)[0]!;
    const onMove = vi.fn();
    const onCancel = vi.fn();
    render(<MoveDialog task={task} lists={Object.values(items.lists)} onMove={onMove} onCancel={onCancel} />);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'List' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onMove).not.toHaveBeenCalled();
  });
});
