// A room's cache in pieces, one per list (room-cache.ts, EngineStore): it
// reads back as the snapshot written, a change writes again only the pieces
// it touched, and a piece lost or damaged makes no cache rather than a wrong one.
import { describe, expect, it, vi } from 'vitest';
import type { RoomSnapshot } from '../../../src/background/engine/room-cache';
import { EngineStore } from '../../../src/background/engine/store';
import { withItem, withoutItem } from '../../../src/core/room';
import type { RoomItems } from '../../../src/core/types';
import { memoryKV } from '../background/fakes';
import { change, random, startingRoom } from '../core/room-changes';

const ROOM = 'peertube:https://video.example aaaa@room.video.example';
const snapshot = (items: RoomItems): RoomSnapshot => ({
  title: 'Room',
  rights: 'moderator',
  items,
  skipped: { count: 0 },
  loaded: true,
  updatedAt: 7,
});
/** As the cache held it before pieces: the whole snapshot through JSON. */
const plain = (s: RoomSnapshot | undefined) => JSON.parse(JSON.stringify(s));

describe('room cache', () => {
  it('reads back as the snapshot written, by this worker and by the next one, over random changes', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const local = memoryKV();
      const store = new EngineStore(local, memoryKV());
      const next = random(seed);
      let items = startingRoom();
      for (let step = 0; step < 20; step++) {
        items = change(items, next);
        await store.saveSnapshot(ROOM, snapshot(items));
        expect(plain(await store.snapshot(ROOM)), `seed ${seed}, step ${step}`).toEqual(plain(snapshot(items)));
      }
      expect(plain(await new EngineStore(local, memoryKV()).snapshot(ROOM))).toEqual(plain(snapshot(items)));
    }
  });

  it('writes again only the list a change touched, with the rest of the snapshot, in one call', async () => {
    const local = memoryKV();
    const store = new EngineStore(local, memoryKV());
    const items = startingRoom(); // lists L0..L3
    await store.saveSnapshot(ROOM, snapshot(items));
    const setMany = vi.spyOn(local, 'setMany');
    await store.saveSnapshot(ROOM, snapshot(withItem(items, { kind: 'task', ...items.tasks['T2-5']!, done: true })));
    expect(setMany).toHaveBeenCalledTimes(1);
    expect(Object.keys(setMany.mock.calls[0]![0]).sort()).toEqual([`engine:room:${ROOM}`, `engine:room:${ROOM}#L2`]);
  });

  it('removes the piece of a list gone, and every piece when the room is forgotten', async () => {
    const local = memoryKV();
    const store = new EngineStore(local, memoryKV());
    let items = startingRoom();
    await store.saveSnapshot(ROOM, snapshot(items));
    items = withoutItem(items, 'L3');
    for (let t = 0; t < 10; t++) items = withoutItem(items, `T3-${t}`);
    await store.saveSnapshot(ROOM, snapshot(items));
    expect(local.data.has(`engine:room:${ROOM}#L3`)).toBe(false);
    expect(local.data.has(`engine:room:${ROOM}#L2`)).toBe(true);
    await store.forgetRoom(ROOM);
    expect([...local.data.keys()].filter((key) => key.startsWith('engine:room:'))).toEqual([]);
  });

  it('a piece missing or damaged: no cache, not a room without that list', async () => {
    for (const harm of [
      (key: string, data: Map<string, unknown>) => data.delete(key),
      (key: string, data: Map<string, unknown>) => data.set(key, '{"tasks":['),
    ]) {
      const local = memoryKV();
      const store = new EngineStore(local, memoryKV());
      await store.saveSnapshot(ROOM, snapshot(startingRoom()));
      harm(`engine:room:${ROOM}#L1`, local.data);
      expect(await store.snapshot(ROOM)).toBeUndefined();
    }
  });

  it('reads the caches of earlier versions: the snapshot whole, as one string or as an object', async () => {
    const written = plain(snapshot(startingRoom()));
    const asText = new EngineStore(memoryKV({ [`engine:room:${ROOM}`]: JSON.stringify(written) }), memoryKV());
    expect(plain(await asText.snapshot(ROOM))).toEqual(written);
    const asObject = new EngineStore(memoryKV({ [`engine:room:${ROOM}`]: written }), memoryKV());
    expect(plain(await asObject.snapshot(ROOM))).toEqual(written);
  });
});
