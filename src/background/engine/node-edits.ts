// What the edit queue must know of one node to carry a user's edits to it:
// how an edit is planned against the node's items and shown before the
// server has it, how an item is written, how two crossing writes of one item
// are merged. The queue (edit-queue.ts), the publisher and the merge are
// written against this alone: livechat-tasks is one instance (tasks-edits.ts),
// livechat-notes another (notes-edits.ts).
import type { NodeCodec } from '../../core/node-codec';
import type { RoomEdit } from '../../core/types';

type NodePlan<I> = { publish: I[]; retract: string[] };

export interface NodeEdits<I extends { id: string }, C, E extends RoomEdit> {
  readonly codec: NodeCodec<I, C>;
  /** whether `edit` is one of this node's */
  owns(edit: RoomEdit): edit is E;
  /** the item's payload element, serialized as the official client writes it */
  serialize(item: I): string;
  /** what to publish (an id '' for a creation) and retract; an error code when the edit does not fit `items` */
  plan(items: C, edit: E): NodePlan<I> | { error: string };
  /** `items` as they will be once `edit` is confirmed (a creation under `tempId`); `items` itself when it changes nothing */
  optimistic(items: C, edit: E, tempId: string): C;
  /** plan errors a restarted worker's cache may cause (the item may be newer than the cache): checked again when sent */
  maybeNewerThanCache: ReadonlySet<string>;
  /** item `id` as it would be published again, if there is one */
  itemOf(items: C, id: string): I | undefined;
  /** the fields of an item a crossing write may have changed (merge.ts): all but its id */
  fields(item: I): readonly string[];
  /** a short, log- and user-readable summary of what the user tried to do */
  describe(edit: E): string;
  /** retracting item `id` waits for everything retracted before it (a task list goes after its tasks) */
  retractsLast(items: C, id: string): boolean;
}
