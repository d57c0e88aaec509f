// Each room view arrives as a fresh copy (a port copies every message), so
// not one task of it is the same object as in the previous view, and every
// memoized list and row would render again. Here the parts of a new view
// equal to the previous one's are swapped for the previous objects: an
// unchanged task, list, record or id list keeps its identity, and the views
// compare by reference as they would in one process.
import type { RoomItems, RoomView } from '../core/types';

/** `next`, with every part equal to `previous`'s replaced by that part of `previous`. */
export function keepUnchanged(previous: RoomView | undefined, next: RoomView): RoomView {
  if (!previous) return next;
  return {
    ...next,
    items: sameItems(previous.items, next.items),
    pending: sameOr(previous.pending, next.pending),
    changed: sameOr(previous.changed, next.changed),
    skipped: sameOr(previous.skipped, next.skipped),
  };
}

function sameItems(previous: RoomItems, next: RoomItems): RoomItems {
  const lists = sameRecord(previous.lists, next.lists);
  const tasks = sameRecord(previous.tasks, next.tasks);
  return lists === previous.lists && tasks === previous.tasks ? previous : { lists, tasks };
}

/** A record whose entries equal to `previous`'s are `previous`'s; `previous` itself when all are. */
function sameRecord<T>(previous: Record<string, T>, next: Record<string, T>): Record<string, T> {
  let count = 0;
  let allSame = true;
  for (const id in next) {
    count++;
    const was = Object.prototype.hasOwnProperty.call(previous, id) ? previous[id] : undefined;
    // an item id is untrusted: assigning to "__proto__" would set the record's prototype
    if (was !== undefined && id !== '__proto__' && equal(was, next[id])) next[id] = was;
    else allSame = false;
  }
  return allSame && count === Object.keys(previous).length ? previous : next;
}

const sameOr = <T>(previous: T, next: T): T => (equal(previous, next) ? previous : next);

/** Deep equality of plain data (what a port carries: objects, arrays, strings, numbers, booleans, null); allocates nothing, as it runs over every item of every view. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let keys = 0;
  for (const k in ra) {
    const x = ra[k];
    const y = rb[k];
    // equal scalars (most fields) need no call
    if ((x !== y && !equal(x, y)) || !Object.prototype.hasOwnProperty.call(rb, k)) return false;
    keys++;
  }
  for (const _ in rb) keys--;
  return keys === 0;
}
