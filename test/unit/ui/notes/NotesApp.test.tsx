// @vitest-environment happy-dom
// The notes app from its plain props. A small stand-in below holds the notes
// and applies the app's callbacks as the engine and server would (a new note
// gets 1 + the highest order, a move to an index is numbered by moveNoteTo),
// so the tests check what a moderator sees after each action.
import { readdirSync, readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { moveNoteTo, nextOrder, sortNotes, type OrderChange } from '../../../../src/core/notes/order';
import type { Note, NoteAbout, Participant } from '../../../../src/core/notes/types';
import { NotesApp, type NotesAppProps } from '../../../../src/ui/notes/NotesApp';
import { fromRoot, messages, useLocale } from '../fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  useLocale('en');
});

const OCC_CAROL = 'Q2Fyb2wncyBvY2N1cGFudCBpZCBpbiB0aGlzIHJvb20xMjM=';
const carol: Participant = { nick: 'Carol', jid: 'carol@localhost', occupantId: OCC_CAROL };
const mickey: Participant = { nick: 'Mickey', jid: 'k3jx9w@anon.localhost', occupantId: 'mickey-2' };
const participants = [carol, mickey];

const note = (id: string, order: number | null, description: string, about?: NoteAbout): Note => ({
  id,
  order,
  description,
  ...(about ? { about } : {}),
});
const seed = () => [
  note('n1', 1, 'Pin the reminder'),
  note('n2', 2, 'Asked twice about the glue', { jid: 'carol@localhost', nick: 'Caroline', occupantId: OCC_CAROL }),
  note('n3', 3, 'Posted the same link three times', { jid: 'old@anon.localhost', nick: 'Mickey', occupantId: 'mickey-1' }),
  note('n4', 4, 'Thanks for the tip', { nick: 'Gone' }),
];

function Harness(props: { initial: Note[]; spy: ReturnType<typeof spies>; createAbout?: NotesAppProps['createAbout'] }) {
  const [notes, setNotes] = useState(props.initial);
  const [filter, setFilter] = useState<Participant | undefined>();
  let counter = notes.length;
  return (
    <NotesApp
      notes={notes}
      participants={participants}
      filter={filter}
      createAbout={props.createAbout}
      onFilter={(p) => {
        props.spy.onFilter(p);
        setFilter(p);
      }}
      onCreate={(description, about) => {
        props.spy.onCreate(description, about);
        setNotes((all) => [...all, note(`new${++counter}`, nextOrder(all), description, about)]);
      }}
      onEdit={(n, description) => {
        props.spy.onEdit(n.id, description);
        setNotes((all) => all.map((x) => (x.id === n.id ? { ...x, description } : x)));
      }}
      onDelete={(id) => {
        props.spy.onDelete(id);
        setNotes((all) => all.filter((x) => x.id !== id));
      }}
      onMove={(id, index) => {
        const changes = moveNoteTo(sortNotes(notes), id, index);
        props.spy.onReorder(changes);
        setNotes((all) => all.map((x) => ({ ...x, order: changes.findLast((c) => c.id === x.id)?.order ?? x.order })));
      }}
    />
  );
}

const spies = () => ({
  onFilter: vi.fn<(p?: Participant) => void>(),
  onCreate: vi.fn<(d: string, a?: NoteAbout) => void>(),
  onEdit: vi.fn<(id: string, d: string) => void>(),
  onDelete: vi.fn<(id: string) => void>(),
  onReorder: vi.fn<(c: OrderChange[]) => void>(),
});

function setup(initial = seed(), createAbout?: NotesAppProps['createAbout']) {
  const spy = spies();
  const result = render(<Harness initial={initial} spy={spy} createAbout={createAbout} />);
  return { spy, ...result };
}

const texts = () => [...document.querySelectorAll('.lct-note-text')].map((el) => el.textContent);
const item = (text: string) => screen.getByText(text).closest('li')!;

describe('the notes list', () => {
  test("highest order first, with each note's participant", () => {
    setup();
    expect(texts()).toEqual(['Thanks for the tip', 'Posted the same link three times', 'Asked twice about the glue', 'Pin the reminder']);
    expect(within(item('Asked twice about the glue')).getByText('Carol')).toBeTruthy();
    // someone not in the room: the nickname the note has, marked absent
    expect(within(item('Thanks for the tip')).getByText('Gone')).toBeTruthy();
    expect(within(item('Thanks for the tip')).getByText(/not in the chat/)).toBeTruthy();
    expect(within(item('Pin the reminder')).queryByRole('button', { name: 'Notes about this person' })).toBeNull();
  });

  test('hostile text stays text, line breaks kept', () => {
    setup([note('x', 1, '<img src=x onerror=alert(1)>\nsecond line', { nick: '<b>bold</b>' })]);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.lct-note-text')!.textContent).toBe('<img src=x onerror=alert(1)>\nsecond line');
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
  });

  test('a note without text or with an odd order is still listed', () => {
    setup([{ id: 'a', order: null }, note('b', 2, 'two')]);
    expect(document.querySelectorAll('.lct-note')).toHaveLength(2);
  });

  test('empty room', () => {
    setup([]);
    expect(screen.getByText('No notes yet.')).toBeTruthy();
  });
});

describe('creating, editing, deleting', () => {
  test('a note about no one goes on top; an empty one is refused', () => {
    const { spy } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New note' }));
    const form = screen.getByRole('form', { name: 'New note' });
    fireEvent.submit(form);
    expect(screen.getByRole('alert').textContent).toBe('Please type the note.');
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note' }), { target: { value: 'Line 1\nLine 2' } });
    fireEvent.submit(form);
    expect(spy.onCreate).toHaveBeenCalledWith('Line 1\nLine 2', undefined);
    expect(texts()[0]).toBe('Line 1\nLine 2');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New note' }));
  });

  test('"note about this person" from outside opens the form for that participant, tied by occupant-id, JID and nickname', () => {
    const { spy } = setup(seed(), { person: mickey });
    const form = screen.getByRole('form', { name: 'New note about Mickey' });
    expect(screen.getByText('Address: k3jx9w@anon.localhost')).toBeTruthy();
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note' }), { target: { value: 'Again' } });
    fireEvent.keyDown(within(form).getByRole('textbox', { name: 'Note' }), { key: 'Enter', ctrlKey: true });
    expect(spy.onCreate).toHaveBeenCalledWith('Again', { jid: 'k3jx9w@anon.localhost', nick: 'Mickey', occupantId: 'mickey-2' });
  });

  test('a note from a chat message starts with the message quoted, the cursor after it', () => {
    const { spy } = setup(seed(), { person: mickey, message: 'spam.example <b>cheap</b>' });
    const area = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    expect(area.value).toBe('> spam.example <b>cheap</b>\n\n');
    expect(area.selectionStart).toBe(area.value.length);
    fireEvent.input(area, { target: { value: `${area.value}Third time` } });
    fireEvent.submit(screen.getByRole('form', { name: 'New note about Mickey' }));
    expect(spy.onCreate).toHaveBeenCalledWith('> spam.example <b>cheap</b>\n\nThird time', expect.objectContaining({ nick: 'Mickey' }));
  });

  test('a second "note about" while the form is open starts a fresh form for the new participant', () => {
    const spy = spies();
    const props = {
      notes: seed(),
      participants,
      onFilter: spy.onFilter,
      onCreate: spy.onCreate,
      onEdit: vi.fn(),
      onDelete: vi.fn(),
      onMove: vi.fn(),
    };
    const { rerender } = render(<NotesApp {...props} createAbout={{ person: carol, message: 'first' }} />);
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('> first\n\n');
    rerender(<NotesApp {...props} createAbout={{ person: mickey, message: 'second' }} />);
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('> second\n\n');
    expect(screen.getByRole('form', { name: 'New note about Mickey' })).toBeTruthy();
  });

  test('edited in place; Escape cancels', () => {
    const { spy } = setup();
    fireEvent.click(within(item('Pin the reminder')).getByRole('button', { name: 'Edit note' }));
    const area = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    expect(area.value).toBe('Pin the reminder');
    fireEvent.keyDown(area, { key: 'Escape' });
    expect(spy.onEdit).not.toHaveBeenCalled();
    fireEvent.click(within(item('Pin the reminder')).getByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Pin it again' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit note' }));
    expect(spy.onEdit).toHaveBeenCalledWith('n1', 'Pin it again');
    expect(screen.getByText('Pin it again')).toBeTruthy();
  });

  test('an edit form survives another moderator reordering the list', () => {
    const spy = spies();
    const initial = seed();
    const { rerender } = render(
      <NotesApp
        notes={initial}
        participants={participants}
        onFilter={spy.onFilter}
        onCreate={spy.onCreate}
        onEdit={(n, d) => spy.onEdit(n.id, d)}
        onDelete={spy.onDelete}
        onMove={vi.fn()}
      />,
    );
    fireEvent.click(within(item('Pin the reminder')).getByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'half typed' } });
    rerender(
      <NotesApp
        notes={initial.map((n) => (n.id === 'n1' ? { ...n, order: 9 } : n))}
        participants={participants}
        onFilter={spy.onFilter}
        onCreate={spy.onCreate}
        onEdit={(n, d) => spy.onEdit(n.id, d)}
        onDelete={spy.onDelete}
        onMove={vi.fn()}
      />,
    );
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('half typed');
  });

  test('deleted only after confirmation', () => {
    const { spy } = setup();
    fireEvent.click(within(item('Pin the reminder')).getByRole('button', { name: 'Delete note' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this note?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(spy.onDelete).not.toHaveBeenCalled();
    expect(screen.getByText('Pin the reminder')).toBeTruthy();
    fireEvent.click(within(item('Pin the reminder')).getByRole('button', { name: 'Delete note' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(spy.onDelete).toHaveBeenCalledWith('n1');
    expect(screen.queryByText('Pin the reminder')).toBeNull();
  });
});

describe('moving with the keyboard', () => {
  test('arrows on the handle and Alt+arrows on the note move it, with the official numbering', () => {
    const { spy } = setup();
    const handle = within(item('Pin the reminder')).getByRole('button', { name: 'Move' });
    fireEvent.keyDown(handle, { key: 'ArrowUp' });
    // dropped above "Asked twice…" (order 2): 3, and the notes from 3 up renumbered
    expect(spy.onReorder).toHaveBeenLastCalledWith([
      { id: 'n3', order: 5 },
      { id: 'n4', order: 6 },
      { id: 'n1', order: 3 },
    ]);
    expect(texts()).toEqual(['Thanks for the tip', 'Posted the same link three times', 'Pin the reminder', 'Asked twice about the glue']);
    fireEvent.keyDown(item('Thanks for the tip'), { key: 'ArrowDown', altKey: true });
    expect(texts()).toEqual(['Posted the same link three times', 'Thanks for the tip', 'Pin the reminder', 'Asked twice about the glue']);
  });

  test('nothing happens at the ends', () => {
    const { spy } = setup();
    fireEvent.keyDown(within(item('Thanks for the tip')).getByRole('button', { name: 'Move' }), { key: 'ArrowUp' });
    fireEvent.keyDown(within(item('Pin the reminder')).getByRole('button', { name: 'Move' }), { key: 'ArrowDown' });
    expect(spy.onReorder).not.toHaveBeenCalled();
  });
});

/**
 * happy-dom does no layout: every note row gets a 40px high box, one below the
 * other, and elementFromPoint answers from those boxes (below the rows: the
 * list). A mock of the layout engine only; the drag code is the real one.
 */
function fakeLayout() {
  const rows = () => [...document.querySelectorAll<HTMLElement>('[data-note-id]')];
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const i = rows().indexOf(this);
    const top = i < 0 ? 0 : i * 40;
    return { top, bottom: top + 40, left: 0, right: 300, width: 300, height: i < 0 ? 0 : 40, x: 0, y: top, toJSON() {} } as DOMRect;
  });
  vi.spyOn(document, 'elementFromPoint').mockImplementation((_x, y) => {
    const hit = rows()[Math.floor(y / 40)];
    if (hit && hit.style.pointerEvents !== 'none') return hit.querySelector('.lct-note-body');
    return y >= 1000 ? document.querySelector('.lct-note-list') : null;
  });
}

function drag(text: string, fromY: number, toY: number, pointerType = 'mouse') {
  const handle = within(item(text)).getByRole('button', { name: 'Move' });
  fireEvent.pointerDown(handle, { pointerId: 3, pointerType, button: 0, clientX: 10, clientY: fromY });
  fireEvent.pointerMove(handle, { pointerId: 3, pointerType, clientX: 10, clientY: (fromY + toY) / 2 });
  fireEvent.pointerMove(handle, { pointerId: 3, pointerType, clientX: 10, clientY: toY });
  fireEvent.pointerUp(handle, { pointerId: 3, pointerType, clientX: 10, clientY: toY });
}

describe('moving by drag and drop (mouse and touch)', () => {
  // rows: tip 0-40 (4), link 40-80 (3), glue 80-120 (2), pin 120-160 (1)
  test('the docs/protocol.md §9.2 example: the lowest note dropped on the lower half of the second-highest', () => {
    fakeLayout();
    const { spy } = setup();
    drag('Pin the reminder', 140, 70);
    expect(spy.onReorder).toHaveBeenCalledWith([
      { id: 'n3', order: 5 },
      { id: 'n4', order: 6 },
      { id: 'n1', order: 3 },
    ]);
    expect(texts()).toEqual(['Thanks for the tip', 'Posted the same link three times', 'Pin the reminder', 'Asked twice about the glue']);
  });

  test('with touch, on the upper half: above it', () => {
    fakeLayout();
    const { spy } = setup();
    drag('Pin the reminder', 140, 45, 'touch');
    expect(spy.onReorder).toHaveBeenCalledWith([
      { id: 'n4', order: 6 },
      { id: 'n1', order: 4 },
    ]);
    expect(texts()).toEqual(['Thanks for the tip', 'Pin the reminder', 'Posted the same link three times', 'Asked twice about the glue']);
  });

  test('past the last note: below it; on itself: nothing', () => {
    fakeLayout();
    const { spy } = setup();
    drag('Pin the reminder', 140, 150);
    expect(spy.onReorder).not.toHaveBeenCalled();
    drag('Thanks for the tip', 20, 1500);
    expect(texts().at(-1)).toBe('Thanks for the tip');
  });
});

describe('filter and search', () => {
  test('"notes about this person" shows that participant\'s notes in full, and new notes are about them', () => {
    const { spy } = setup();
    fireEvent.click(within(item('Posted the same link three times')).getByRole('button', { name: 'Notes about this person' }));
    // the note's JID and occupant-id are from an earlier session: it finds today's Mickey by nickname
    expect(spy.onFilter).toHaveBeenCalledWith(mickey);
    expect(texts()).toEqual(['Posted the same link three times']);
    const header = screen.getByRole('group', { name: 'Notes about this person' });
    expect(within(header).getByText('Occupant id: mickey-2')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 note of 4 shown');
    fireEvent.click(screen.getByRole('button', { name: 'New note' }));
    expect(screen.getByRole('form', { name: 'New note about Mickey' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(header).getByRole('button', { name: 'Show all notes' }));
    expect(texts()).toHaveLength(4);
  });

  test('under a filter, a note shows the nickname it was written under when it changed', () => {
    setup();
    fireEvent.click(within(item('Asked twice about the glue')).getByRole('button', { name: 'Notes about this person' }));
    expect(within(item('Asked twice about the glue')).getByText('Nickname when the note was written: Caroline')).toBeTruthy();
  });

  test('text search, over the text and the participant', () => {
    setup();
    const search = screen.getByRole('searchbox', { name: 'Search notes' });
    fireEvent.input(search, { target: { value: 'GLUE' } });
    expect(texts()).toEqual(['Asked twice about the glue']);
    fireEvent.input(search, { target: { value: 'carol@localhost' } });
    expect(texts()).toEqual(['Asked twice about the glue']);
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(screen.getByText('No note matches.')).toBeTruthy();
  });
});

describe('strings', () => {
  test('in French', () => {
    useLocale('fr');
    setup();
    expect(screen.getByRole('button', { name: 'Nouvelle note' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Supprimer la note' })).toHaveLength(4);
  });

  test('every key the notes UI uses exists in en and fr', () => {
    const dir = fromRoot('src/ui/notes');
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      for (const m of source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of source.matchAll(/\btn\('([A-Za-z0-9_]+)'/g)) ['one', 'other'].forEach((c) => used.add(`${m[1]}_${c}`));
    }
    expect(used.size).toBeGreaterThan(15);
    for (const key of used) {
      expect(messages.en[key]?.message, `en ${key}`).toBeTruthy();
      expect(messages.fr[key]?.message, `fr ${key}`).toBeTruthy();
    }
  });
});
