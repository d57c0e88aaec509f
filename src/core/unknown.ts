// Shared by the tasks' types (types.ts) and the notes' (notes/types.ts).

/**
 * What we do not understand in an item, kept verbatim so that republishing
 * an item never strips another client's data: unknown attributes of the
 * payload element, and unknown child elements as serialized XML. Absent from
 * an item that has none (nearly all): every view copies thousands of items,
 * and an empty one per item doubled that copy's cost.
 */
export interface Unknown {
  attrs: Record<string, string>;
  children: string[];
}
