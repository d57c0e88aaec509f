// The room as the server has it: the items fetched and then followed through
// notifications, and the items skipped as unreadable (malformed or foreign
// payloads are never fatal, PROTOCOL.md §4).
import { parseItem } from '../../core/codec';
import { emptyItems } from '../../core/room';
import { has } from '../../core/room-query';
import type { Item, RoomItems, Task } from '../../core/types';

export class ServerItems {
  private items: RoomItems = emptyItems();
  /**
   * `items` is referenced by a built view: copied before the next change.
   * Notifications change the room in place between two views; copying the
   * whole room for each of thousands of notifications would be quadratic.
   */
  private shared = true;
  /** id (or a stand-in for an item without one) → why it was skipped */
  readonly skipped = new Map<string, string>();

  constructor(private readonly logSkipped: (id: string, reason: string) => void) {}

  /** The items, to read now (planning, saving as text); not to keep. */
  get current(): RoomItems {
    return this.items;
  }

  /** The items for a view, which keeps them: the next change copies them first. */
  share(): RoomItems {
    this.shared = true;
    return this.items;
  }

  isList(id: string): boolean {
    return has(this.items.lists, id);
  }

  /** From the cache: what the last worker knew. */
  restore(items: RoomItems, skipped: { count: number; sample?: string }): void {
    this.items = items;
    this.shared = true;
    this.skipped.clear();
    for (let i = 0; i < skipped.count; i++) this.skipped.set(`cached:${i}`, skipped.sample ?? '');
  }

  /** The node was purged or deleted, or we may no longer read it. */
  clear(): void {
    this.items = emptyItems();
    this.shared = false;
    this.skipped.clear();
  }

  /**
   * The whole node, as fetched. `changed` hears of each item that is new or
   * differs from what we had (what happened while we were away).
   */
  replaceAll(elements: Element[], changed?: (id: string) => void): void {
    const before = this.items;
    // Built in place (withItem copies the room per item: quadratic for 5,000
    // items); same rule: an id names one item, the later payload wins.
    const items = emptyItems();
    this.skipped.clear();
    for (const el of elements) {
      const parsed = parseItem(el);
      if (!parsed.ok) {
        this.skip(parsed.id, parsed.reason);
        continue;
      }
      const { kind, ...item } = parsed.item;
      delete items.lists[item.id];
      delete items.tasks[item.id];
      if (kind === 'tasklist') items.lists[item.id] = item;
      else items.tasks[item.id] = item as Task;
    }
    if (changed) {
      for (const id of [...Object.keys(items.lists), ...Object.keys(items.tasks)]) {
        const old = before.lists[id] ?? before.tasks[id];
        const now = items.lists[id] ?? items.tasks[id];
        if (!old || JSON.stringify(old) !== JSON.stringify(now)) changed(id);
      }
    }
    this.items = items;
    this.shared = false;
  }

  /** A notified item: the item, or undefined when it was skipped as unreadable. */
  notified(el: Element): Item | undefined {
    const parsed = parseItem(el);
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

  /** An id names one item whatever its payload: a task under a list's id replaces the list. */
  put(item: Item): void {
    const { kind, ...rest } = item;
    const items = this.drop(rest.id);
    if (kind === 'tasklist') items.lists[rest.id] = rest;
    else items.tasks[rest.id] = rest as Task;
  }

  drop(id: string): RoomItems {
    const items = this.own();
    delete items.lists[id];
    delete items.tasks[id];
    return items;
  }

  private own(): RoomItems {
    if (this.shared) {
      this.items = { lists: copyRecord(this.items.lists), tasks: copyRecord(this.items.tasks) };
      this.shared = false;
    }
    return this.items;
  }

  private skip(id: string | undefined, reason: string): void {
    this.logSkipped(id ?? '(no id)', reason);
    this.skipped.set(id ?? `anonymous:${this.skipped.size}`, reason);
  }
}

function copyRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}
