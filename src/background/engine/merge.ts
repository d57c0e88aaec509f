// Three-way merge of one item, for an edit that crossed another moderator's:
// our publish replaced the whole item, so a change the server applied just
// before ours (which we had not seen when we planned) would be lost. The
// fields we changed come from our version, the others from theirs.
import type { Item } from '../../core/types';

const FIELDS: Record<Item['kind'], string[]> = {
  tasklist: ['name', 'unknown'],
  task: ['list', 'name', 'description', 'order', 'done', 'unknown'],
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `base` is what we planned against, `theirs` what the server had just before our write, `mine` what we wrote. */
export function mergeItem(base: Item | undefined, theirs: Item, mine: Item): Item {
  if (!base || base.kind !== mine.kind || theirs.kind !== mine.kind) return mine;
  const merged: Record<string, unknown> = { ...mine };
  const b = base as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  for (const field of FIELDS[mine.kind]) {
    if (!same(merged[field], b[field])) continue; // ours changed it: keep ours
    if (t[field] === undefined) delete merged[field];
    else merged[field] = t[field];
  }
  return merged as unknown as Item;
}

export const sameItem = same;
