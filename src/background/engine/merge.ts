// Three-way merge of one item, for an edit that crossed another moderator's:
// our publish replaced the whole item, so a change the server applied just
// before ours (which we had not seen when we planned) would be lost. The
// fields we changed come from our version, the others from theirs.
// Knows an item's fields only through `fieldsOf` (node-edits.ts): a task
// list and a task have theirs, a note its own.

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every field of an item but its id; items of one kind give the same array. */
export type FieldsOf<I> = (item: I) => readonly string[];

/** `base` is what we planned against, `theirs` what the server had just before our write, `mine` what we wrote. */
export function mergeItem<I>(base: I | undefined, theirs: I, mine: I, fieldsOf: FieldsOf<I>): I {
  const fields = fieldsOf(mine);
  // an item of another kind under the same id: ours replaces it whole
  if (!base || fieldsOf(base) !== fields || fieldsOf(theirs) !== fields) return mine;
  const merged: Record<string, unknown> = { ...(mine as object) };
  const b = base as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  for (const field of fields) {
    if (!same(merged[field], b[field])) continue; // ours changed it: keep ours
    if (t[field] === undefined) delete merged[field];
    else merged[field] = t[field];
  }
  return merged as unknown as I;
}

/** An item we are publishing: what we planned against, and a write by someone else that got in before ours. */
interface InFlight<I> {
  base: I | undefined;
  foreign?: I;
  /** someone else's retraction got in before our write: ours made the item exist again */
  recreated: boolean;
  /** our own notification came back: later writes by others are theirs to reconcile */
  echoed: boolean;
}

/**
 * Follows our writes from planning to the server's answer, to tell whether
 * another moderator's write reached the server just before ours. Prosody
 * sends the notifications of a publish before its result, on the same stream,
 * so when the result is here we know which writes came first.
 */
export class CrossingWrites<I extends { id: string }> {
  private readonly flights = new Map<string, InFlight<I>>();

  constructor(private readonly fieldsOf: FieldsOf<I>) {}

  /** We are about to write item `id`, planned against `base`. */
  watch(id: string, base: I | undefined): void {
    this.flights.set(id, { base, echoed: false, recreated: false });
  }

  /** A notification of item `item`, ours or someone else's. */
  noticed(item: I, mine: boolean): void {
    const flight = this.flights.get(item.id);
    if (!flight) return;
    if (mine) flight.echoed = true;
    else if (!flight.echoed) {
      flight.foreign = item;
      flight.recreated = false; // they published it again after the retraction: it exists
    }
  }

  /**
   * A retraction notified, of item `id` or (`all`) of every item (purge). One
   * that comes before our own notification reached the server before our
   * write: the item was gone, and our write brought it back. One that comes
   * after was done after ours, and the item is gone as it should be.
   */
  retracted(id: string | 'all'): void {
    const flights = id === 'all' ? [...this.flights.values()] : [this.flights.get(id)];
    for (const flight of flights) {
      if (flight && !flight.echoed) flight.recreated = true;
    }
  }

  forget(id: string): void {
    this.flights.delete(id);
  }

  /**
   * The server accepted our write `mine`. Says whether our own notification
   * was already applied, whether our write recreated an item someone had just
   * retracted, and, when someone else's write came just before ours, the merge
   * of both to publish again (undefined when ours already says it all).
   */
  settle(mine: I): { echoed: boolean; recreated?: true; merged?: I } {
    const flight = this.flights.get(mine.id);
    this.flights.delete(mine.id);
    const echoed = !!flight?.echoed;
    // what they wrote before their retraction is gone with it: nothing to merge
    if (flight?.recreated) return { echoed, recreated: true };
    if (!flight?.foreign) return { echoed };
    const merged = mergeItem(flight.base, flight.foreign, mine, this.fieldsOf);
    if (same(merged, mine)) return { echoed };
    // the merge is a new write planned against their version
    this.watch(mine.id, flight.foreign);
    return { echoed, merged };
  }
}
