// Drag and drop of rows (dragReorder.ts) is loaded on use (lazy.ts), or
// while idle after first paint: no first paint needs it.
import type { DropPlace } from './boardActions';
import type { DragAttributes } from './dragReorder';
import { part } from './lazy';

const drag = part(() => import('./dragReorder'));

/**
 * Drags a row from a pointerdown on its handle (dragReorder.ts). Pressed
 * before the drag's code came, what the press does at once is done now (no
 * text selection, the pointer held by the handle), and the drag begins when
 * the code arrived, if the pointer is still down.
 */
export function startDrag(start: PointerEvent, rowId: string, onDrop: (place: DropPlace) => void, attrs?: DragAttributes): void {
  const handle = start.currentTarget as HTMLElement;
  const code = drag.now();
  if (code) {
    code.beginDrag(start, handle, rowId, onDrop, attrs);
    return;
  }
  if (start.pointerType === 'mouse') {
    if (start.button !== 0) return;
    start.preventDefault();
  }
  handle.setPointerCapture?.(start.pointerId);
  let released = false;
  const release = (e: PointerEvent) => {
    if (e.pointerId === start.pointerId) released = true;
  };
  handle.addEventListener('pointerup', release);
  handle.addEventListener('pointercancel', release);
  void drag.get().then((loaded) => {
    handle.removeEventListener('pointerup', release);
    handle.removeEventListener('pointercancel', release);
    if (loaded && !released) loaded.beginDrag(start, handle, rowId, onDrop, attrs);
  });
}
