// Records a version's line (record-lineage.ts says what for): a copy of a
// record is linked to the version it was copied from with the ids it changed.
// A file apart from the reading: every view reads lines at its first paint,
// only an update writes them (room.ts, the worker's tasks node), so the page
// panel's first chunk holds no writing.
//
// A link holds its base strongly (the common ancestor of two versions must
// still be there to be found), so lines are cut MAX_DEPTH copies back: memory
// holds at most that many old versions per line.
import { caches, links } from './record-lineage';

type Rec = object;
const MAX_DEPTH = 6;

/** `next` is a copy of `base` in which `ids` changed (more may be noted with `noteChanged` while it is changed in place). */
export function derived(next: Rec, base: Rec, ids: string[] = []): void {
  if (next === base) return;
  links.set(next, { base, ids });
  // cut the line MAX_DEPTH copies back, so that it holds no more old versions than that
  let node: Rec | undefined = base;
  for (let depth = 1; node && depth < MAX_DEPTH; depth++) node = links.get(node)?.base;
  if (node) links.delete(node);
}

/** `id` changed in `version` in place (a version being built, or one the worker reads but no view holds). */
export function noteChanged(version: Rec, id: string): void {
  links.get(version)?.ids.push(id);
  for (const cache of caches) cache.delete(version);
}
