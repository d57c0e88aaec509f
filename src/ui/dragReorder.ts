// Drag and drop of tasks (and of notes) with pointer events, which work the
// same for mouse, pen and touch (HTML5 drag and drop does not fire on touch
// screens). The drag starts on a row's handle (touch-action: none, so the
// page does not scroll instead); while dragging, the element under the pointer says where
// the task would land, shown with a class on the target row or list; on
// release the app gets the place. Escape or pointercancel abandon it.
// The task itself is shown by a preview, a copy of its row that follows the
// pointer: fixed, in the app's root, above every list (a row moved inside
// its own list would be clipped by the list's containment and drawn under
// the next list's sticky header). The row stays in place, dimmed.
// Classes are set on DOM nodes directly: re-rendering the board on every
// pointermove would cost frames with thousands of tasks.
import type { DropPlace } from './boardActions';
import './part-styles';

const START_DISTANCE = 4;
const EDGE = 40;

interface Marked {
  el: Element;
  cls: string;
}

/** The attributes naming a draggable row's id and the id of the list it drops into. */
export interface DragAttributes {
  row: string;
  list: string;
}
const TASK_ATTRIBUTES: DragAttributes = { row: 'data-task-id', list: 'data-list-id' };

function dropPlaceAt(
  root: Document | ShadowRoot,
  x: number,
  y: number,
  draggedId: string,
  attrs: DragAttributes,
): { place: DropPlace; mark: Marked } | null {
  const hit = root.elementFromPoint(x, y);
  const row = hit?.closest<HTMLElement>(`[${attrs.row}]`);
  const section = hit?.closest<HTMLElement>(`[${attrs.list}]`);
  const listId = section?.getAttribute(attrs.list);
  if (!listId) return null;
  const rowId = row?.getAttribute(attrs.row);
  if (row && rowId !== draggedId) {
    const rect = row.getBoundingClientRect();
    const after = y > rect.top + rect.height / 2;
    return {
      place: { listId, refId: rowId!, after },
      mark: { el: row, cls: after ? 'lct-drop-after' : 'lct-drop-before' },
    };
  }
  if (row) return null; // over itself: nothing changes
  return { place: { listId, refId: null, after: false }, mark: { el: section!, cls: 'lct-drop-end' } };
}

/** A copy of the row, inert and hidden from assistive technology (the row itself is still there), at the row's place. */
function makePreview(row: HTMLElement, rowAttribute: string): HTMLElement {
  const box = row.getBoundingClientRect();
  const preview = row.cloneNode(true) as HTMLElement;
  for (const el of [preview, ...preview.querySelectorAll('[id]')]) el.removeAttribute('id');
  preview.removeAttribute(rowAttribute);
  preview.classList.add('lct-drag-preview');
  preview.setAttribute('aria-hidden', 'true');
  preview.inert = true;
  Object.assign(preview.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px` });
  (row.closest('.lct-root') ?? row.ownerDocument.body).append(preview);
  return preview;
}

function scrollParent(el: Element | null): Element | null {
  for (let e = el; e; e = e.parentElement) {
    const { overflowY } = getComputedStyle(e);
    if ((overflowY === 'auto' || overflowY === 'scroll') && e.scrollHeight > e.clientHeight) return e;
  }
  return null;
}

/**
 * Drags the row of `handle`, from the pointerdown `start` on it (which may
 * have been dispatched already: see startDrag in onUse.ts).
 */
export function beginDrag(
  start: PointerEvent,
  handle: HTMLElement,
  rowId: string,
  onDrop: (place: DropPlace) => void,
  attrs = TASK_ATTRIBUTES,
): void {
  if (start.pointerType === 'mouse') {
    if (start.button !== 0) return;
    start.preventDefault(); // no text selection while dragging
  }
  const row = handle.closest<HTMLElement>(`[${attrs.row}]`);
  const root = handle.getRootNode() as Document | ShadowRoot;
  const scroller = scrollParent(row);
  let dragging = false;
  let preview: HTMLElement | undefined;
  let target: { place: DropPlace; mark: Marked } | null = null;
  let pointer = { x: start.clientX, y: start.clientY };
  let autoScroll = 0; // requestAnimationFrame id while the pointer rests near the scroller's top or bottom edge
  handle.setPointerCapture?.(start.pointerId);

  const unmark = () => target?.mark.el.classList.remove(target.mark.cls);
  /** the preview follows the pointer, and the drop place is marked */
  const update = () => {
    if (preview) preview.style.transform = `translateY(${pointer.y - start.clientY}px)`;
    unmark();
    target = dropPlaceAt(root, pointer.x, pointer.y, rowId, attrs); // the preview lets the pointer through
    target?.mark.el.classList.add(target.mark.cls);
  };
  const edgeSpeed = () => {
    if (!scroller) return 0;
    const box = scroller.getBoundingClientRect();
    return pointer.y < box.top + EDGE ? -EDGE / 4 : pointer.y > box.bottom - EDGE ? EDGE / 4 : 0;
  };
  const scrollStep = () => {
    const speed = edgeSpeed();
    if (!speed || !scroller) {
      autoScroll = 0;
      return;
    }
    scroller.scrollTop += speed;
    update();
    autoScroll = requestAnimationFrame(scrollStep);
  };
  const finish = () => {
    unmark();
    cancelAnimationFrame(autoScroll);
    row?.classList.remove('lct-dragging');
    preview?.remove();
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
      // the copy first: a copy of the dimmed row would be see-through, the header under it showing
      if (row) preview = makePreview(row, attrs.row);
      row?.classList.add('lct-dragging');
    }
    e.preventDefault();
    pointer = { x: e.clientX, y: e.clientY };
    update();
    if (!autoScroll && edgeSpeed()) autoScroll = requestAnimationFrame(scrollStep);
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
