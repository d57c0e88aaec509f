// Each room view arrives as a fresh copy (a port copies every message), so
// not one task of it is the same object as in the previous view, and every
// memoized list and row would render again. Here the parts of a new view
// equal to the previous one's are swapped for the previous objects: an
// unchanged task, list, record or id list keeps its identity, and the views
// compare by reference as they would in one process.
import { plainEqual as equal } from '../core/plain-equal';
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
    const was = Object.hasOwn(previous, id) ? previous[id] : undefined;
    // an item id is untrusted: assigning to "__proto__" would set the record's prototype
    if (was !== undefined && id !== '__proto__' && equal(was, next[id])) next[id] = was;
    else allSame = false;
  }
  return allSame && count === Object.keys(previous).length ? previous : next;
}

const sameOr = <T>(previous: T, next: T): T => (equal(previous, next) ? previous : next);
