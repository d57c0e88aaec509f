// Stand-ins for what cannot run in a Node unit test: browser storage (a
// Map), the sync engine (which needs a live XMPP server; its own
// integration tests cover it), and room views built by hand.
import type { KV } from '../../../src/background/engine/store';
import type { RoomRef, RoomView, Task, TaskList } from '../../../src/core/types';
import { roomKey } from '../../../src/core/types';
import { noNotes } from '../../../src/core/notes/view';

export function memoryKV(initial: Record<string, unknown> = {}): KV & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    async get<T>(key: string) {
      // stored values come back as copies, as from browser storage
      return data.has(key) ? (structuredClone(data.get(key)) as T) : undefined;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    async remove(keys) {
      for (const key of [keys].flat()) data.delete(key);
    },
    async getMany(keys) {
      return Object.fromEntries(keys.filter((key) => data.has(key)).map((key) => [key, structuredClone(data.get(key))]));
    },
    async setMany(values) {
      for (const [key, value] of Object.entries(values)) data.set(key, structuredClone(value));
    },
  };
}

export const ROOM_A: RoomRef = { account: 'peertube:https://video.example', jid: 'aaaa@room.video.example' };
export const ROOM_B: RoomRef = { account: 'peertube:https://video.example', jid: 'bbbb@room.video.example' };

const unknown = { attrs: {}, children: [] };

export function list(id: string, name: string): TaskList {
  return { id, name, unknown };
}

export function task(id: string, listId: string, name: string, extra: Partial<Task> = {}): Task {
  return { id, list: listId, name, order: 0, done: false, unknown, ...extra };
}

export function makeView(ref: RoomRef, parts: { lists?: TaskList[]; tasks?: Task[] } & Partial<Omit<RoomView, 'items'>> = {}): RoomView {
  const { lists = [], tasks = [], ...rest } = parts;
  return {
    ref,
    title: 'Stream',
    status: 'live',
    rights: 'moderator',
    items: {
      lists: Object.fromEntries(lists.map((l) => [l.id, l])),
      tasks: Object.fromEntries(tasks.map((t) => [t.id, t])),
    },
    pending: [],
    notes: noNotes(),
    participants: {},
    changed: [],
    skipped: { count: 0 },
    loaded: true,
    updatedAt: 0,
    ...rest,
  };
}

/** Just the engine's watch/view surface: views are pushed by the test. */
export class FakeRoomSource {
  private listeners = new Map<string, Set<(v: RoomView) => void>>();
  views = new Map<string, RoomView>();

  watch(ref: RoomRef, listener: (view: RoomView) => void): () => void {
    const key = roomKey(ref);
    const set = this.listeners.get(key) ?? new Set();
    this.listeners.set(key, set);
    set.add(listener);
    const cached = this.views.get(key);
    if (cached) listener(cached);
    return () => set.delete(listener);
  }

  view(ref: RoomRef): RoomView | undefined {
    return this.views.get(roomKey(ref));
  }

  push(view: RoomView) {
    this.views.set(roomKey(view.ref), view);
    for (const l of this.listeners.get(roomKey(view.ref)) ?? []) l(view);
  }

  watchers(ref: RoomRef): number {
    return this.listeners.get(roomKey(ref))?.size ?? 0;
  }
}
