// Drag and drop of tasks with pointer events, which work the same for mouse,
// pen and touch (HTML5 drag and drop does not fire on touch screens). The
// drag starts on a task's handle (touch-action: none, so the page does not
// scroll instead); while dragging, the element under the pointer says where
// the task would land, shown with a class on the target row or list; on
// release the app gets the place. Escape or pointercancel abandon it.
// Classes are set on DOM nodes directly: re-rendering the board on every
// pointermove would cost frames with thousands of tasks.
import type { DropPlace } from './boardActions';

const START_DISTANCE = 4;
const EDGE = 40;

interface Marked {
  el: Element;
  cls: string;
}

function dropPlaceAt(root: Document | ShadowRoot, x: number, y: number, draggedId: string): { place: DropPlace; mark: Marked } | null {
  const hit = root.elementFromPoint(x, y);
  const row = hit?.closest<HTMLElement>('[data-task-id]');
  const section = hit?.closest<HTMLElement>('[data-list-id]');
  const listId = section?.dataset.listId;
  if (!listId) return null;
  if (row && row.dataset.taskId !== draggedId) {
    const rect = row.getBoundingClientRect();
    const after = y > rect.top + rect.height / 2;
    return {
      place: { listId, refId: row.dataset.taskId!, after },
      mark: { el: row, cls: after ? 'lct-drop-after' : 'lct-drop-before' },
    };
  }
  if (row) return null; // over itself: nothing changes
  return { place: { listId, refId: null, after: false }, mark: { el: section!, cls: 'lct-drop-end' } };
}

function scrollParent(el: Element | null): Element | null {
  for (let e = el; e; e = e.parentElement) {
    const { overflowY } = getComputedStyle(e);
    if ((overflowY === 'auto' || overflowY === 'scroll') && e.scrollHeight > e.clientHeight) return e;
  }
  return null;
}

export function beginDrag(start: PointerEvent, taskId: string, onDrop: (place: DropPlace) => void): void {
  if (start.pointerType === 'mouse') {
    if (start.button !== 0) return;
    start.preventDefault(); // no text selection while dragging
  }
  const handle = start.currentTarget as HTMLElement;
  const row = handle.closest<HTMLElement>('[data-task-id]');
  const root = handle.getRootNode() as Document | ShadowRoot;
  const scroller = scrollParent(row);
  let dragging = false;
  let target: { place: DropPlace; mark: Marked } | null = null;
  handle.setPointerCapture?.(start.pointerId);

  const unmark = () => target?.mark.el.classList.remove(target.mark.cls);
  const finish = () => {
    unmark();
    row?.classList.remove('lct-dragging');
    if (row) row.style.transform = '';
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', up);
    handle.removeEventListener('pointercancel', cancel);
    (root as Document).removeEventListener('keydown', key, true);
    if (handle.hasPointerCapture?.(start.pointerId)) handle.releasePointerCapture(start.pointerId);
  };
  const move = (e: PointerEvent) => {
    if (e.pointerId !== start.pointerId) return;
    if (!dragging) {
      if (Math.hypot(e.clientX - start.clientX, e.clientY - start.clientY) < START_DISTANCE) return;
      dragging = true;
      row?.classList.add('lct-dragging');
    }
    e.preventDefault();
    if (row) row.style.transform = `translateY(${e.clientY - start.clientY}px)`;
    unmark();
    // the dragged row follows the pointer: look through it
    if (row) row.style.pointerEvents = 'none';
    target = dropPlaceAt(root, e.clientX, e.clientY, taskId);
    if (row) row.style.pointerEvents = '';
    target?.mark.el.classList.add(target.mark.cls);
    if (scroller) {
      const box = scroller.getBoundingClientRect();
      if (e.clientY < box.top + EDGE) scroller.scrollTop -= EDGE / 2;
      else if (e.clientY > box.bottom - EDGE) scroller.scrollTop += EDGE / 2;
    }
  };
  const up = (e: PointerEvent) => {
    if (e.pointerId !== start.pointerId) return;
    const place = dragging ? target?.place : undefined;
    finish();
    if (place) onDrop(place);
  };
  const cancel = () => finish();
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      target = null;
      finish();
    }
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', up);
  handle.addEventListener('pointercancel', cancel);
  (root as Document).addEventListener('keydown', key, true);
}
