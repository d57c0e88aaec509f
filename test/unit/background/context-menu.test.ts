// "Add as task" from the context menu. The menus API cannot run in Node:
// the click is the data the browser passes (menus.OnClickData). The engine
// is replaced by a recorder of edits over FakeRoomSource views.
import { describe, expect, it } from 'vitest';
import { addAsTask, draftFromClick, MENU_ID, pickList } from '../../../src/background/context-menu';
import { TabRooms } from '../../../src/background/tab-rooms';
import { DEFAULT_SETTINGS } from '../../../src/background/settings';
import type { Edit, RoomRef } from '../../../src/core/types';
import type { Settings } from '../../../src/messages';
import { FakeRoomSource, list, makeView, memoryKV, ROOM_A, ROOM_B } from './fakes';

describe('what the task says', () => {
  it('takes selected text as the name and the page address as the description', () => {
    expect(
      draftFromClick({ menuItemId: MENU_ID, selectionText: '  Check\n the   sound ', pageUrl: 'https://video.example/w/abc' }),
    ).toEqual({
      name: 'Check the sound',
      description: 'https://video.example/w/abc',
    });
  });

  it('takes a link text (or its address) as the name and the link as the description', () => {
    expect(
      draftFromClick({ menuItemId: MENU_ID, linkText: 'Sponsor', linkUrl: 'https://sponsor.example/', pageUrl: 'https://p/' }),
    ).toEqual({
      name: 'Sponsor',
      description: 'https://sponsor.example/',
    });
    expect(draftFromClick({ menuItemId: MENU_ID, linkUrl: 'https://sponsor.example/', pageUrl: 'https://p/' })).toEqual({
      name: 'https://sponsor.example/',
      description: 'https://sponsor.example/',
    });
  });

  it('keeps a long selection whole in the description behind a short name', () => {
    const text = 'word '.repeat(100).trim();
    const draft = draftFromClick({ menuItemId: MENU_ID, selectionText: text, pageUrl: 'https://p/' });
    expect(draft?.name).toHaveLength(200);
    expect(draft?.name.endsWith('…')).toBe(true);
    expect(draft?.description).toBe(`${text}\n\nhttps://p/`);
  });
});

describe('which list', () => {
  const view = makeView(ROOM_A, { lists: [list('L2', 'Stream'), list('L1', 'Prep'), list('L3', 'After')] });
  const settings = (s: Partial<Settings>) => ({ ...DEFAULT_SETTINGS, ...s });

  it('uses the list last picked in that room while it exists', () => {
    expect(pickList(view, settings({ lastList: { [`${ROOM_A.account} ${ROOM_A.jid}`]: 'L1' } }))).toBe('L1');
    expect(pickList(view, settings({ lastList: { [`${ROOM_A.account} ${ROOM_A.jid}`]: 'deleted' } }))).toBe('L3');
  });

  it('else the default list by name, else the first list in the official order (by name)', () => {
    expect(pickList(view, settings({ defaultListName: ' stream ' }))).toBe('L2');
    expect(pickList(view, settings({ defaultListName: 'none of these' }))).toBe('L3');
    expect(pickList(makeView(ROOM_A), settings({}))).toBeUndefined();
  });
});

describe('adding from a click', () => {
  function setup(settings: Partial<Settings> = {}) {
    const rooms = new FakeRoomSource();
    const edits: { room: RoomRef; edit: Edit }[] = [];
    const problems: [number | undefined, string][] = [];
    const tabRooms = new TabRooms(memoryKV());
    const deps = {
      engine: {
        view: (ref: RoomRef) => rooms.view(ref),
        edit: async (room: RoomRef, edit: Edit) => {
          edits.push({ room, edit });
          return { ok: true as const, value: { itemId: 'new' } };
        },
      },
      tabRooms,
      settings: { get: async () => ({ ...DEFAULT_SETTINGS, ...settings }) },
      reportProblem: (tabId: number | undefined, message: string) => void problems.push([tabId, message]),
      t: (key: string, subs?: string[]) => [key, ...(subs ?? [])].join(':'),
    };
    return { rooms, edits, problems, tabRooms, deps };
  }
  const click = { menuItemId: MENU_ID, selectionText: 'Thank the raid', pageUrl: 'https://video.example/w/abc' };

  it("adds to the tab's room", async () => {
    const { rooms, edits, tabRooms, deps } = setup({ lastRoom: ROOM_B });
    rooms.push(makeView(ROOM_A, { lists: [list('L1', 'Prep')] }));
    await tabRooms.set(5, { origin: 'https://video.example', room: ROOM_A });
    await addAsTask(click, 5, deps);
    expect(edits).toEqual([
      { room: ROOM_A, edit: { op: 'createTask', list: 'L1', name: 'Thank the raid', description: 'https://video.example/w/abc' } },
    ]);
  });

  it('adds to the last room used when the tab shows none', async () => {
    const { rooms, edits, deps } = setup({ lastRoom: ROOM_B });
    rooms.push(makeView(ROOM_B, { lists: [list('LB', 'Stream')] }));
    await addAsTask(click, 9, deps);
    expect(edits.map((e) => [e.room, (e.edit as { list: string }).list])).toEqual([[ROOM_B, 'LB']]);
  });

  it('tells the user when there is no room or no list, and adds nothing', async () => {
    const none = setup();
    await addAsTask(click, 9, none.deps);
    const empty = setup({ lastRoom: ROOM_B });
    empty.rooms.push(makeView(ROOM_B));
    await addAsTask(click, 9, empty.deps);
    expect([...none.problems, ...empty.problems]).toEqual([
      [9, 'menuNoRoom'],
      [9, 'menuNoList'],
    ]);
    expect([...none.edits, ...empty.edits]).toEqual([]);
  });

  it('tells the user when the edit is refused', async () => {
    const { rooms, problems, deps } = setup({ lastRoom: ROOM_B });
    rooms.push(makeView(ROOM_B, { lists: [list('LB', 'Stream')] }));
    deps.engine.edit = async () =>
      ({ ok: false as const, error: { code: 'forbidden' as const, detail: 'not a moderator any more' } }) as never;
    await addAsTask(click, 9, deps);
    expect(problems).toEqual([[9, 'menuAddFailed:not a moderator any more']]);
  });
});
