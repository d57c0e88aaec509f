// A room's cache in pieces, one per list and one for the notes (room-cache.ts,
// EngineStore): it reads back as the snapshot written, a change writes again
// only the pieces it touched, and a piece lost or damaged makes no cache
// rather than a wrong one.
import { describe, expect, it, vi } from 'vitest';
import type { NotesSnapshot, RoomSnapshot } from '../../../src/background/engine/room-cache';
import type { NoteItems } from '../../../src/core/notes/notes-node';
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
const notesOf = (count: number): NotesSnapshot => {
  const items: NoteItems = {};
  for (let i = 0; i < count; i++) items[`N${i}`] = { id: `N${i}`, order: i, description: `Note ${i}` };
  return { offered: true, items, skipped: { count: 0 }, loaded: true };
};
const HEAD = `engine:room:${ROOM}`;
const NOTES = `engine:room:${ROOM} notes`;
/** As the cache held it before pieces: the whole snapshot through JSON. */
const plain = (s: RoomSnapshot | NotesSnapshot | undefined) => JSON.parse(JSON.stringify(s));

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

  describe('notes', () => {
    it('read back with the tasks, by this worker and by the next one', async () => {
      const local = memoryKV();
      const written = { ...snapshot(startingRoom()), notes: notesOf(3) };
      await new EngineStore(local, memoryKV()).saveSnapshot(ROOM, written);
      expect(plain(await new EngineStore(local, memoryKV()).snapshot(ROOM))).toEqual(plain(written));
    });

    it('are written again only when they changed, not with every change of a task', async () => {
      const local = memoryKV();
      const store = new EngineStore(local, memoryKV());
      const items = startingRoom();
      const notes = notesOf(500);
      await store.saveSnapshot(ROOM, { ...snapshot(items), notes });
      const setMany = vi.spyOn(local, 'setMany');
      const toggled = withItem(items, { kind: 'task', ...items.tasks['T2-5']!, done: true });
      await store.saveSnapshot(ROOM, { ...snapshot(toggled), notes: { ...notes } });
      expect(Object.keys(setMany.mock.calls[0]![0]).sort()).toEqual([HEAD, `${HEAD}#L2`]);
      expect(JSON.stringify(setMany.mock.calls[0]![0][HEAD]).length).toBeLessThan(300); // the head holds no note
      const moreNotes = notesOf(501);
      await store.saveSnapshot(ROOM, { ...snapshot(toggled), notes: moreNotes });
      expect(Object.keys(setMany.mock.calls[1]![0]).sort()).toEqual([HEAD, NOTES]);
      expect(plain((await new EngineStore(local, memoryKV()).snapshot(ROOM))!.notes)).toEqual(plain(moreNotes));
    });

    it('no longer known: their piece is removed; the room forgotten: too', async () => {
      const local = memoryKV();
      const store = new EngineStore(local, memoryKV());
      await store.saveSnapshot(ROOM, { ...snapshot(startingRoom()), notes: notesOf(2) });
      expect(local.data.has(NOTES)).toBe(true);
      await store.saveSnapshot(ROOM, snapshot(startingRoom()));
      expect(local.data.has(NOTES)).toBe(false);
      expect((await store.snapshot(ROOM))!.notes).toBeUndefined();
      await store.saveSnapshot(ROOM, { ...snapshot(startingRoom()), notes: notesOf(2) });
      await new EngineStore(local, memoryKV()).forgetRoom(ROOM);
      expect([...local.data.keys()].filter((key) => key.startsWith('engine:room:'))).toEqual([]);
    });

    it('their piece missing or damaged: no cache', async () => {
      for (const harm of [
        (data: Map<string, unknown>) => data.delete(NOTES),
        (data: Map<string, unknown>) => data.set(NOTES, '{"items":'),
      ]) {
        const local = memoryKV();
        await new EngineStore(local, memoryKV()).saveSnapshot(ROOM, { ...snapshot(startingRoom()), notes: notesOf(2) });
        harm(local.data);
        expect(await new EngineStore(local, memoryKV()).snapshot(ROOM)).toBeUndefined();
      }
    });

    it('in the head, as the version before this one wrote them, read back', async () => {
      const local = memoryKV();
      const store = new EngineStore(local, memoryKV());
      const notes = notesOf(2);
      await store.saveSnapshot(ROOM, snapshot(startingRoom()));
      const { notesApart: _, ...head } = local.data.get(HEAD) as Record<string, unknown>;
      local.data.set(HEAD, { ...head, notes });
      expect(plain((await new EngineStore(local, memoryKV()).snapshot(ROOM))!.notes)).toEqual(plain(notes));
    });
  });
});
