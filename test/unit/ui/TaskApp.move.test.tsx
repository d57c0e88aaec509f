// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { makeView, type ListSpec } from './fixtures';
import { renderApp } from './render';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// the task's own row, not the drag preview (a copy of it)
const row = (name: string) =>
  screen.getByText(name, { ignore: '.lct-drag-preview *, script, style' }).closest<HTMLElement>('[data-task-id]')!;
const preview = () => document.querySelector<HTMLElement>('.lct-drag-preview');
const lists: ListSpec[] = [
  { name: 'A list', tasks: ['one', 'two', 'three'] },
  { name: 'B list', tasks: ['four', 'five'] },
];

describe('moving tasks by keyboard', () => {
  test('Alt+↓ moves a task one place down, Alt+↑ one place up', () => {
    const { onEdit } = renderApp(makeView(lists));
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'one' }), { key: 'ArrowDown', altKey: true });
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'moveTask', id: 'L1-T1', list: 'L1', index: 1 });
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'three' }), { key: 'ArrowUp', altKey: true });
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'moveTask', id: 'L1-T3', list: 'L1', index: 1 });
    expect(screen.getByText('“three” moved to position 2 of “A list”.')).toBeTruthy();
  });

  test('at the top or bottom nothing is sent and screen readers are told why', () => {
    const { onEdit } = renderApp(makeView(lists));
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'one' }), { key: 'ArrowUp', altKey: true });
    expect(screen.getByText('This task is already first.')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'five' }), { key: 'ArrowDown', altKey: true });
    expect(screen.getByText('This task is already last.')).toBeTruthy();
    expect(onEdit).not.toHaveBeenCalled();
  });

  test('arrows without Alt do nothing on the checkbox, but move from the drag handle', () => {
    const { onEdit } = renderApp(makeView(lists));
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'one' }), { key: 'ArrowDown' });
    expect(onEdit).not.toHaveBeenCalled();
    fireEvent.keyDown(within(row('two')).getByRole('button', { name: 'Move' }), { key: 'ArrowDown' });
    expect(onEdit).toHaveBeenCalledWith({ op: 'moveTask', id: 'L1-T2', list: 'L1', index: 2 });
  });

  test('with done tasks hidden, a task moves past the next visible task', () => {
    const { onEdit } = renderApp(makeView([{ name: 'A list', tasks: ['one', { name: 'two', done: true }, 'three'] }]));
    fireEvent.click(screen.getByRole('button', { name: /Hide done/ }));
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'one' }), { key: 'ArrowDown', altKey: true });
    expect(onEdit).toHaveBeenCalledWith({ op: 'moveTask', id: 'L1-T1', list: 'L1', index: 2 });
  });

  test('focus stays on the moved task once the new order arrives', () => {
    const { push } = renderApp(makeView(lists));
    screen.getByRole('checkbox', { name: 'one' }).focus();
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'one' }), { key: 'ArrowDown', altKey: true });
    push(
      makeView([
        {
          name: 'A list',
          tasks: [
            { id: 'L1-T2', name: 'two', order: 1 },
            { id: 'L1-T1', name: 'one', order: 2 },
            { id: 'L1-T3', name: 'three', order: 3 },
          ],
        },
        lists[1]!,
      ]),
    );
    expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-labelledby'))[1]).toBe('lct-task-L1-T1');
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'one' }));
    // once there, focus is the user's again: later updates do not pull it back
    const other = screen.getByRole('checkbox', { name: 'five' });
    other.focus();
    push(makeView(lists, { changed: ['L2-T1'] }));
    expect(document.activeElement).toBe(other);
  });

  test('"Move to list…" sends the task to the end of the chosen list', () => {
    const { onEdit } = renderApp(makeView(lists));
    fireEvent.click(within(row('one')).getByRole('button', { name: 'Move to list…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move the task to a list' });
    const select = within(dialog).getByRole('combobox', { name: 'List' }) as HTMLSelectElement;
    expect(select.value).toBe('L1');
    expect(document.activeElement).toBe(select);
    fireEvent.change(select, { target: { value: 'L2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(onEdit).toHaveBeenCalledWith({ op: 'moveTask', id: 'L1-T1', list: 'L2', index: 2 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

/**
 * happy-dom does no layout: this gives every task row a 40px high box, one
 * below the other in document order, and answers elementFromPoint from those
 * boxes (an empty area below a list's rows belongs to that list). A mock of
 * the layout engine only; the drag code under test is the real one.
 */
function fakeLayout() {
  const rows = () => [...document.querySelectorAll<HTMLElement>('[data-task-id]')];
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const i = rows().indexOf(this);
    const top = i < 0 ? 0 : i * 40;
    return { top, bottom: top + 40, left: 0, right: 300, width: 300, height: i < 0 ? 0 : 40, x: 0, y: top, toJSON() {} } as DOMRect;
  });
  vi.spyOn(document, 'elementFromPoint').mockImplementation((_x, y) => {
    const all = rows().filter((r) => r.style.pointerEvents !== 'none');
    const hit = rows()[Math.floor(y / 40)];
    if (hit && all.includes(hit)) return hit.querySelector('.lct-task-name');
    if (y >= 1000) return document.querySelector('[data-list-id="L2"] .lct-list-body');
    return null;
  });
}

function drag(
  handle: HTMLElement,
  fromY: number,
  toY: number,
  pointerType = 'mouse',
  finish = 'pointerUp' as 'pointerUp' | 'pointerCancel',
) {
  fireEvent.pointerDown(handle, { pointerId: 7, pointerType, button: 0, clientX: 10, clientY: fromY });
  fireEvent.pointerMove(handle, { pointerId: 7, pointerType, clientX: 10, clientY: (fromY + toY) / 2 });
  fireEvent.pointerMove(handle, { pointerId: 7, pointerType, clientX: 10, clientY: toY });
  fireEvent[finish](handle, { pointerId: 7, pointerType, clientX: 10, clientY: toY });
}

const handleOf = (name: string) => within(row(name)).getByRole('button', { name: 'Move' });

describe('moving tasks by drag and drop (pointer events)', () => {
  // rows: one 0-40, two 40-80, three 80-120, four 120-160, five 160-200
  test('with a mouse, dropping on the lower half of a row puts the task after it', () => {
    fakeLayout();
    const { onEdit } = renderApp(makeView(lists));
    drag(handleOf('one'), 20, 110);
    expect(onEdit).toHaveBeenCalledWith({ op: 'moveTask', id: 'L1-T1', list: 'L1', index: 2 });
  });

  test('with touch, onto another list, before the row under the finger', () => {
    fakeLayout();
    const { onEdit } = renderApp(makeView(lists));
    drag(handleOf('two'), 60, 165, 'touch');
    expect(onEdit).toHaveBeenCalledWith({ op: 'moveTask', id: 'L1-T2', list: 'L2', index: 1 });
  });

  test('onto the empty end of another list, at its end', () => {
    fakeLayout();
    const { onEdit } = renderApp(makeView(lists));
    drag(handleOf('one'), 20, 1500);
    expect(onEdit).toHaveBeenCalledWith({ op: 'moveTask', id: 'L1-T1', list: 'L2', index: 2 });
  });

  test('shows the task being moved and where it will land while dragging', () => {
    fakeLayout();
    renderApp(makeView(lists));
    const handle = handleOf('one');
    fireEvent.pointerDown(handle, { pointerId: 7, pointerType: 'mouse', button: 0, clientX: 10, clientY: 20 });
    fireEvent.pointerMove(handle, { pointerId: 7, pointerType: 'mouse', clientX: 10, clientY: 90 });
    expect(row('three').classList.contains('lct-drop-before')).toBe(true);
    expect(row('one').classList.contains('lct-dragging')).toBe(true);
    // a preview of the task follows the pointer (70 px down), hidden from screen readers
    expect(preview()?.textContent).toContain('one');
    expect(preview()?.getAttribute('aria-hidden')).toBe('true');
    expect(preview()?.style.transform).toBe('translateY(70px)');
    // drawn as the row is, not dimmed as the row left behind is (a see-through preview shows what it passes over)
    expect(preview()?.classList.contains('lct-dragging')).toBe(false);
    fireEvent.pointerUp(handle, { pointerId: 7, pointerType: 'mouse', clientX: 10, clientY: 90 });
    expect(row('three').classList.contains('lct-drop-before')).toBe(false);
    expect(row('one').classList.contains('lct-dragging')).toBe(false);
    expect(preview()).toBeNull();
  });

  test('Escape, a cancelled pointer, or dropping where it was changes nothing', () => {
    fakeLayout();
    const { onEdit } = renderApp(makeView(lists));
    const handle = handleOf('one');
    fireEvent.pointerDown(handle, { pointerId: 7, pointerType: 'mouse', button: 0, clientX: 10, clientY: 20 });
    fireEvent.pointerMove(handle, { pointerId: 7, pointerType: 'mouse', clientX: 10, clientY: 100 });
    fireEvent.keyDown(document, { key: 'Escape' });
    fireEvent.pointerUp(handle, { pointerId: 7, pointerType: 'mouse', clientX: 10, clientY: 100 });
    drag(handleOf('one'), 20, 100, 'touch', 'pointerCancel');
    drag(handleOf('two'), 60, 30); // upper half of the first row's lower neighbour… is "after one": where it is
    drag(handleOf('two'), 60, 62); // a click-sized wobble is no drag
    expect(onEdit).not.toHaveBeenCalled();
  });
});
