// Which ids differ between two versions of one record, without a pass over
// the record. A room of 5,000 items changes by one task per toggle, but every
// version of its tasks record is a whole copy; comparing two versions entry by
// entry costs a pass over all 5,000, and the worker (the delta for the
// views), the page (which lists to group again) and the counts did that at
// every change. So a copy made to change a few entries remembers what it was
// copied from and which ids it changed; two versions whose lines meet within
// a few copies are compared by those ids alone. Versions that do not meet
// (a fetch rebuilt the room, a line was cut) are compared whole, as before.
//
// Copies are linked to their base by record-derive.ts (room.ts's updates, the
// worker's in-place changes); here is the reading, and the links both share.

type Rec = object;
/** How a version was copied from its base (record-derive.ts). */
export interface Link {
  base: Rec;
  /** ids put, replaced or removed in this version since `base` (grows while the version is changed in place) */
  ids: string[];
}

/**
 * One map for every copy of this module in a context: the page's content
 * script and its panel are bundled apart (the panel is imported by its own
 * address, Chrome's per-session one), and the views the content script
 * builds from deltas are compared by the panel. A content script's global is
 * its own (an isolated world), not the page's.
 */
const LINKS = Symbol.for('livechat-tasks.record-lineage');
const CACHES = Symbol.for('livechat-tasks.record-caches');
const shared = globalThis as { [LINKS]?: WeakMap<Rec, Link>; [CACHES]?: WeakMap<Rec, unknown>[] };
export const links = (shared[LINKS] ??= new WeakMap<Rec, Link>());
/** What is derived from versions (groupings, counts): a version changed in place loses its entries. */
export const caches = (shared[CACHES] ??= []);
/** Past this many ids, a walk over the whole record is about as cheap and simpler. */
const MAX_IDS = 2_000;

/** A map of what is derived from versions, whose entry for a version goes when that version is changed in place. */
export function derivedCache<V>(): WeakMap<Rec, V> {
  const cache = new WeakMap<Rec, V>();
  caches.push(cache);
  return cache;
}

/**
 * The ids whose entries may differ between `a` and `b` (a superset: an id
 * changed and changed back is in it), or undefined when their lines do not
 * meet within reach: then compare them whole.
 */
export function changedBetween(a: Rec, b: Rec): ReadonlySet<string> | undefined {
  if (a === b) return new Set();
  // a's ancestors (a itself first), with the ids changed on the way down to a
  const fromA = new Map<Rec, string[][]>();
  let path: string[][] = [];
  for (let node: Rec | undefined = a; node; ) {
    fromA.set(node, path);
    const link = links.get(node);
    if (!link) break;
    path = [...path, link.ids];
    node = link.base;
  }
  path = [];
  for (let node: Rec | undefined = b; node; ) {
    const meet = fromA.get(node);
    if (meet) return idSet([...meet, ...path]);
    const link = links.get(node);
    if (!link) return undefined;
    path.push(link.ids);
    node = link.base;
  }
  return undefined;
}

/**
 * The nearest version up `version`'s line (itself included) that `wanted`
 * accepts, with the ids that may differ from it; undefined when none is
 * within reach, or too much changed since.
 */
export function nearestAncestor(
  version: Rec,
  wanted: (ancestor: Rec) => boolean,
): { ancestor: Rec; changed: ReadonlySet<string> } | undefined {
  const path: string[][] = [];
  for (let node: Rec | undefined = version; node; ) {
    if (wanted(node)) {
      const changed = idSet(path);
      return changed && { ancestor: node, changed };
    }
    const link = links.get(node);
    if (!link) return undefined;
    path.push(link.ids);
    node = link.base;
  }
  return undefined;
}

function idSet(groups: string[][]): ReadonlySet<string> | undefined {
  let size = 0;
  for (const ids of groups) size += ids.length;
  if (size > MAX_IDS) return undefined;
  const set = new Set<string>();
  for (const ids of groups) for (const id of ids) set.add(id);
  return set;
}
