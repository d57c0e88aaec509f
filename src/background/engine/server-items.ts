// One node as the server has it: the items fetched and then followed through
// notifications, and the items skipped as unreadable (malformed or foreign
// payloads are never fatal, docs/protocol.md §4). Knows the node's items only
// through its codec (core/node-codec.ts).
import type { NodeCodec } from '../../core/node-codec';

export class ServerItems<I extends { id: string }, C> {
  private items: C;
  /**
   * `items` is referenced by a built view: copied before the next change.
   * Notifications change the room in place between two views; copying the
   * whole room for each of thousands of notifications would be quadratic.
   */
  private shared = true;
  /** id (or a stand-in for an item without one) → why it was skipped */
  readonly skipped = new Map<string, string>();

  constructor(
    private readonly codec: NodeCodec<I, C>,
    private readonly logSkipped: (id: string, reason: string) => void,
  ) {
    this.items = codec.empty();
  }

  /** The items, to read now (planning, saving as text); not to keep. */
  get current(): C {
    return this.items;
  }

  /** The items for a view, which keeps them: the next change copies them first. */
  share(): C {
    this.shared = true;
    return this.items;
  }

  /** From the cache: what the last worker knew. */
  restore(items: C, skipped: { count: number; sample?: string }): void {
    this.items = items;
    this.shared = true;
    this.skipped.clear();
    for (let i = 0; i < skipped.count; i++) this.skipped.set(`cached:${i}`, skipped.sample ?? '');
  }

  /** The node was purged or deleted, or we may no longer read it. */
  clear(): void {
    this.items = this.codec.empty();
    this.shared = false;
    this.skipped.clear();
  }

  /**
   * The whole node, as fetched. `changed` hears of each item that is new or
   * differs from what we had (what happened while we were away).
   */
  replaceAll(elements: Element[], changed?: (id: string) => void): void {
    const { codec } = this;
    const before = this.items;
    // Built in place (a copy per item would be quadratic for 5,000 items);
    // same rule: an id names one item, the later payload wins.
    const items = codec.empty();
    this.skipped.clear();
    for (const el of elements) {
      const parsed = codec.parse(el);
      if (parsed.ok) codec.put(items, parsed.item);
      else this.skip(parsed.id, parsed.reason);
    }
    if (changed) {
      for (const id of codec.ids(items)) {
        const old = codec.get(before, id);
        if (!old || JSON.stringify(old) !== JSON.stringify(codec.get(items, id))) changed(id);
      }
    }
    this.items = items;
    this.shared = false;
  }

  /** A notified item: the item, or undefined when it was skipped as unreadable. */
  notified(el: Element): I | undefined {
    const parsed = this.codec.parse(el);
    if (!parsed.ok) {
      this.skip(parsed.id, parsed.reason);
      return undefined;
    }
    this.skipped.delete(parsed.item.id);
    this.put(parsed.item);
    return parsed.item;
  }

  retracted(id: string): void {
    this.drop(id);
    this.skipped.delete(id);
  }

  put(item: I): void {
    this.codec.put(this.own(), item);
  }

  drop(id: string): void {
    this.codec.drop(this.own(), id);
  }

  private own(): C {
    if (this.shared) {
      this.items = this.codec.copy(this.items);
      this.shared = false;
    }
    return this.items;
  }

  private skip(id: string | undefined, reason: string): void {
    this.logSkipped(id ?? '(no id)', reason);
    this.skipped.set(id ?? `anonymous:${this.skipped.size}`, reason);
  }
}
