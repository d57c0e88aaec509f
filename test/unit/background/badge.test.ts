// Badge counting, and the badge kept live per tab through RoomFollower.
// The `action` API cannot run in Node: a recorder keeps the last text per
// tab, like the browser shows it. Rooms come from FakeRoomSource (the
// engine needs a live server; its own tests cover it).
import { describe, expect, it } from 'vitest';
import { Badge, badgeText, type ActionLike } from '../../../src/background/badge';
import { openTasksCount } from '../../../src/core/room-query';
import { RoomFollower } from '../../../src/background/room-follower';
import { TabRooms } from '../../../src/background/tab-rooms';
import { FakeRoomSource, list, makeView, memoryKV, ROOM_A, ROOM_B, task } from './fakes';

class RecordingAction implements ActionLike {
  text = new Map<number, string>();
  async setBadgeText({ tabId, text }: { tabId?: number; text: string }) {
    this.text.set(tabId ?? -1, text);
  }
  async setBadgeBackgroundColor() {}
  async setTitle() {}
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('counting', () => {
  const view = makeView(ROOM_A, {
    lists: [list('L1', 'Prep'), list('L2', 'Live')],
    tasks: [
      task('T1', 'L1', 'Check sound'),
      task('T2', 'L1', 'Check light', { done: true }),
      task('T3', 'L2', 'Thank donors'),
      // its list was deleted by another client: shown nowhere, so not counted
      task('T4', 'gone', 'Orphan'),
    ],
  });

  it('counts the tasks not done that a view shows', () => {
    expect(openTasksCount(view.items)).toBe(2);
    expect(badgeText(view)).toBe('2');
  });

  it('counts no task whose list is missing, even in a view restored from the cache with a list id like "constructor"', () => {
    // the cache is JSON: its records have a prototype, and lists.constructor is Object's
    const cached = JSON.parse(
      JSON.stringify(makeView(ROOM_A, { tasks: [task('T1', 'constructor', 'Orphan'), task('T2', '__proto__', 'Orphan')] })),
    );
    expect(badgeText(cached)).toBe('0');
  });

  it('shows 0 for a room with nothing left to do', () => {
    expect(badgeText(makeView(ROOM_A, { lists: [list('L1', 'Prep')] }))).toBe('0');
  });

  it('shows nothing before the tasks are loaded, or to a user without rights', () => {
    expect(badgeText({ ...view, loaded: false })).toBe('');
    expect(badgeText({ ...view, rights: 'none' })).toBe('');
  });

  it('fits big numbers in the badge', () => {
    const tasks = Array.from({ length: 1200 }, (_, i) => task(`T${i}`, 'L1', `task ${i}`));
    expect(badgeText(makeView(ROOM_A, { lists: [list('L1', 'Prep')], tasks }))).toBe('999+');
  });
});

describe('live badge per tab', () => {
  async function setup() {
    const tabRooms = new TabRooms(memoryKV());
    const rooms = new FakeRoomSource();
    const action = new RecordingAction();
    new RoomFollower(rooms, tabRooms, [new Badge(action)]).start();
    return { tabRooms, rooms, action };
  }

  it('updates every tab of a room when its tasks change, and no other tab', async () => {
    const { tabRooms, rooms, action } = await setup();
    rooms.push(makeView(ROOM_A, { lists: [list('L1', 'Prep')], tasks: [task('T1', 'L1', 'a')] }));
    rooms.push(makeView(ROOM_B, { lists: [list('L1', 'Prep')] }));
    await tabRooms.set(1, { origin: 'https://video.example', room: ROOM_A });
    await tabRooms.set(2, { origin: 'https://video.example', room: ROOM_A });
    await tabRooms.set(3, { origin: 'https://video.example', room: ROOM_B });
    await flush();
    expect(Object.fromEntries(action.text)).toEqual({ 1: '1', 2: '1', 3: '0' });

    rooms.push(makeView(ROOM_A, { lists: [list('L1', 'Prep')], tasks: [task('T1', 'L1', 'a'), task('T2', 'L1', 'b')] }));
    await flush();
    expect(Object.fromEntries(action.text)).toEqual({ 1: '2', 2: '2', 3: '0' });
  });

  it('clears the badge of a tab that leaves its room, and lets the room go when no tab shows it', async () => {
    const { tabRooms, rooms, action } = await setup();
    rooms.push(makeView(ROOM_A, { lists: [list('L1', 'Prep')], tasks: [task('T1', 'L1', 'a')] }));
    await tabRooms.set(1, { origin: 'https://video.example', room: ROOM_A });
    await flush();
    expect(rooms.watchers(ROOM_A)).toBe(1);
    await tabRooms.delete(1);
    await flush();
    expect(action.text.get(1)).toBe('');
    expect(rooms.watchers(ROOM_A)).toBe(0);
  });

  it("hears of a room's changes after the task that made them, once per burst: the room's pages are served first", async () => {
    const { tabRooms, rooms, action } = await setup();
    rooms.push(makeView(ROOM_A, { lists: [list('L1', 'Prep')], tasks: [task('T1', 'L1', 'a')] }));
    await tabRooms.set(1, { origin: 'https://video.example', room: ROOM_A });
    await flush();
    const seen: number[] = [];
    const counting = new RoomFollower(rooms, tabRooms, [{ onView: (view) => seen.push(Object.keys(view.items.tasks).length) }]);
    counting.start();
    rooms.push(makeView(ROOM_A, { lists: [list('L1', 'Prep')], tasks: [task('T1', 'L1', 'a'), task('T2', 'L1', 'b')] }));
    rooms.push(
      makeView(ROOM_A, { lists: [list('L1', 'Prep')], tasks: [task('T1', 'L1', 'a'), task('T2', 'L1', 'b'), task('T3', 'L1', 'c')] }),
    );
    expect(seen).toEqual([]);
    await flush();
    expect(seen).toEqual([3]);
    expect(action.text.get(1)).toBe('3');
  });

  it('shows nothing on a tab whose room could not be opened', async () => {
    const { tabRooms, action } = await setup();
    await tabRooms.set(4, { origin: 'https://video.example', problem: { code: 'forbidden' } });
    await flush();
    expect(action.text.get(4)).toBe('');
  });

  it('picks the rooms of tabs back up after a worker restart', async () => {
    const store = memoryKV();
    const before = new TabRooms(store);
    await before.set(1, { origin: 'https://video.example', room: ROOM_A });
    // a new worker: same session storage, fresh memory
    const tabRooms = new TabRooms(store);
    await tabRooms.load();
    const rooms = new FakeRoomSource();
    rooms.push(makeView(ROOM_A, { lists: [list('L1', 'Prep')], tasks: [task('T1', 'L1', 'a')] }));
    const action = new RecordingAction();
    new RoomFollower(rooms, tabRooms, [new Badge(action)]).start();
    await flush();
    expect(action.text.get(1)).toBe('1');
  });
});
