// The background's "All rooms" counts: which rooms it keeps joined, for how
// long, what it tells the views, and when.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { roomKey, type RoomRef } from '../../../src/core/types';
import type { RecentRoom } from '../../../src/messages';
import { LEASE_MS, MAX_FOLLOWED, RoomCounts } from '../../../src/background/room-counts';
import { makeView } from '../pages/fake-ext';
import { makeItems } from '../ui/fixtures';
import { FakeRoomSource } from './fakes';

const ref = (i: number): RoomRef => ({ account: `peertube:https://i${i}.test`, jid: `r${i}@room.i${i}.test` });
/** room 0 is the most recently used */
const recentOf = (n: number): RecentRoom[] =>
  Array.from({ length: n }, (_, i) => ({ ref: ref(i), title: `Stream ${i}`, lastUsed: 1000 - i }));

let source: FakeRoomSource;
let pushes: number;

function setup(rooms: number) {
  source = new FakeRoomSource();
  pushes = 0;
  const recent = recentOf(rooms);
  return new RoomCounts({ engine: Object.assign(source, { recentRooms: () => recent }), push: () => pushes++ });
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('room counts', () => {
  it('counts the open tasks a user sees: not done, in a list that exists; live only for a followed live room', () => {
    const counts = setup(2);
    source.views.set(
      roomKey(ref(0)),
      makeView(ref(0), {
        items: makeItems([{ name: 'Prep', tasks: ['a', 'b', { name: 'c', done: true }] }]),
      }),
    );
    const orphan = makeItems([{ name: 'Gone', tasks: ['lost'] }]);
    delete (orphan.lists as Record<string, unknown>).L1;
    source.views.set(roomKey(ref(1)), makeView(ref(1), { items: orphan, status: 'joining' }));
    const [first, second] = counts.ask();
    expect(first).toMatchObject({ title: 'Stream 0', open: 2, live: true });
    expect(second).toMatchObject({ title: 'Stream 1', open: 0, live: false });
  });

  it('says nothing of a count before the items are known, and tells a room where the user lost the rights', () => {
    const counts = setup(2);
    source.views.set(roomKey(ref(0)), makeView(ref(0), { loaded: false }));
    source.views.set(roomKey(ref(1)), makeView(ref(1), { rights: 'none' }));
    const [first, second] = counts.ask();
    expect(first!.open).toBeUndefined();
    expect(second).toMatchObject({ forbidden: true });
    expect(second!.open).toBeUndefined();
  });

  it(`follows the ${MAX_FOLLOWED} most recent rooms only, and gives the others their cached count, not live`, () => {
    const counts = setup(MAX_FOLLOWED + 3);
    for (let i = 0; i < MAX_FOLLOWED + 3; i++)
      source.views.set(roomKey(ref(i)), makeView(ref(i), { items: makeItems([{ name: 'L', tasks: ['x'] }]) }));
    const summaries = counts.ask();
    expect(summaries).toHaveLength(MAX_FOLLOWED + 3);
    expect(counts.following()).toEqual(recentOf(MAX_FOLLOWED).map((r) => r.ref));
    for (let i = 0; i < MAX_FOLLOWED + 3; i++) expect(source.watchers(ref(i))).toBe(i < MAX_FOLLOWED ? 1 : 0);
    expect(summaries.map((s) => s.live)).toEqual(summaries.map((_, i) => i < MAX_FOLLOWED));
    expect(summaries.every((s) => s.open === 1)).toBe(true);
  });

  it('tells the views when a followed count changes, once for a burst, and not for changes that leave the count as it was', () => {
    const counts = setup(2);
    source.views.set(roomKey(ref(0)), makeView(ref(0), { items: makeItems([{ name: 'L', tasks: ['x'] }]) }));
    counts.ask();
    source.push(makeView(ref(0), { items: makeItems([{ name: 'L renamed', tasks: ['x renamed'] }]) }));
    vi.advanceTimersByTime(1000);
    expect(pushes).toBe(0);
    source.push(makeView(ref(0), { items: makeItems([{ name: 'L', tasks: ['x', 'y'] }]) }));
    source.push(makeView(ref(0), { items: makeItems([{ name: 'L', tasks: ['x', 'y', 'z'] }]) }));
    vi.advanceTimersByTime(1000);
    expect(pushes).toBe(1);
    expect(counts.ask()[0]!.open).toBe(3);
  });

  it('lets the rooms go once no view asked for a lease, and keeps them while views keep asking', () => {
    const counts = setup(3);
    counts.ask();
    vi.advanceTimersByTime(LEASE_MS - 1000);
    counts.ask();
    vi.advanceTimersByTime(LEASE_MS - 1000);
    expect(counts.following()).toHaveLength(3);
    vi.advanceTimersByTime(2000);
    expect(counts.following()).toEqual([]);
    for (let i = 0; i < 3; i++) expect(source.watchers(ref(i))).toBe(0);
  });
});
