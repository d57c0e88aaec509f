// What the engine must know of one pubsub node of a room to follow it: its
// name, the disco feature by which a room says it has it, how to read an
// item, and how its items are kept for the views. The engine's node sync is
// written against this alone, so a second node of the room (livechat-notes)
// is a second instance with a codec of its own.

/** A readable item, or why it was skipped (the server stores any payload: docs/protocol.md §4). */
export type Parsed<I> = { ok: true; item: I } | { ok: false; id?: string; reason: string };

/** `I` is one item, `C` the node's items as views read them. */
export interface NodeCodec<I extends { id: string }, C> {
  readonly node: string;
  /** the disco#info feature of a room that has this node */
  readonly feature: string;
  /** one <item> of a retrieval or a notification; never throws */
  parse(item: Element): Parsed<I>;
  empty(): C;
  /** a copy that can be changed without changing `items` (views keep the one they were given) */
  copy(items: C): C;
  /** adds or replaces in place: an id names one item whatever its payload */
  put(items: C, item: I): void;
  drop(items: C, id: string): void;
  /** the item under `id`, to tell whether it changed */
  get(items: C, id: string): unknown;
  ids(items: C): string[];
}
