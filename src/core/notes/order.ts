// The order of moderator notes, computed exactly as the official client does
// (docs/protocol.md §9.2: its ChatRoomNotes comparator and createNote, and the
// draggables' _saveOrders), so that both clients show the same list and
// renumber it the same way.
import type { Note } from './types';

/** One publish of a renumbering: the note `id` gets `order`. */
export interface OrderChange {
  id: string;
  order: number;
}

/**
 * Notes as shown: highest order first. A stable sort: equal orders keep the
 * order they are given in (arrival order, or the previous display order, as
 * the official collection does). A note whose order is not a number sorts as 0.
 */
export function sortNotes<N extends Pick<Note, 'order'>>(notes: readonly N[]): N[] {
  return [...notes].sort((a, b) => (b.order ?? 0) - (a.order ?? 0));
}

/** The order of a new note: 1 + the highest order of all notes held (filtered or not), at least 1. */
export function nextOrder(notes: Iterable<Pick<Note, 'order'>>): number {
  let highest = 0;
  for (const n of notes) if (n.order !== null && n.order > highest) highest = n.order;
  return highest + 1;
}

/**
 * Dropping note `movedId` on note `targetId`, above it (`upperHalf`) or below
 * it, in `shown` (the notes in display order, sortNotes). Returns the publishes
 * in the official client's sequence: the renumbered notes in ascending order,
 * the moved note last; none when the note is dropped on itself.
 *
 * One deliberate difference: the official client does nothing when the target's
 * order is not a number (its new order would be NaN); we count it as 0, as it
 * is sorted, so that such a note can be put back in order by a drag.
 */
export function dropNote(shown: readonly Note[], movedId: string, targetId: string, upperHalf: boolean): OrderChange[] {
  if (movedId === targetId) return [];
  const target = shown.find((n) => n.id === targetId);
  if (!target || !shown.some((n) => n.id === movedId)) return [];
  const targetOrder = target.order ?? 0;
  // The list is shown highest first: above the target means one more than it.
  const newOrder = upperHalf ? Math.max(0, targetOrder + 1) : targetOrder;

  const changes: OrderChange[] = [];
  let current = newOrder + 1;
  // The official client walks its (descending) collection reversed: ascending,
  // equal orders in reverse display order.
  for (let i = shown.length - 1; i >= 0; i--) {
    const note = shown[i]!;
    if (note.id === movedId) continue;
    // Not a number: always renumbered (it takes the number it is about to get).
    const order = note.order ?? current;
    if (order < newOrder) continue;
    current++;
    // Already above the number it would get: the rest is in order.
    if (order > current) break;
    changes.push({ id: note.id, order: current });
  }
  changes.push({ id: movedId, order: newOrder });
  return changes;
}

/**
 * Moving a note to position `toIndex` of `shown` (0 = top), as a keyboard
 * move or a drop between two notes: a drop on the note now at that position,
 * above it when moving up, below it when moving down.
 */
export function moveNoteTo(shown: readonly Note[], id: string, toIndex: number): OrderChange[] {
  const from = shown.findIndex((n) => n.id === id);
  const to = Math.max(0, Math.min(shown.length - 1, toIndex));
  if (from < 0 || to === from) return [];
  return dropNote(shown, id, shown[to]!.id, to < from);
}
