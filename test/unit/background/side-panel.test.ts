// The background's side of "the side panel follows the tab": every change of
// what a tab shows goes to the extension's pages as bg/tab-room. The
// runtime is a recorder (no browser in unit tests); the page's side, with
// its sender check, is in test/unit/pages/sidepanel.test.tsx.
import { describe, expect, it, vi } from 'vitest';
import { tellViewsOfTabRooms } from '../../../src/background/side-panel';
import { TabRooms } from '../../../src/background/tab-rooms';
import { memoryKV, ROOM_A } from './fakes';

describe('tab changes told to the views', () => {
  it('sends bg/tab-room for a tab that found a room, failed to, or left it, and none once stopped', async () => {
    const sendMessage = vi.fn(async () => undefined);
    const tabRooms = new TabRooms(memoryKV());
    const stop = tellViewsOfTabRooms(tabRooms, { sendMessage });
    await tabRooms.set(3, { origin: 'https://video.example', room: ROOM_A });
    await tabRooms.set(4, { origin: 'https://video.example', problem: { code: 'not-logged-in' } });
    await tabRooms.delete(3);
    await tabRooms.delete(99); // never had a room: nothing changed
    expect(sendMessage.mock.calls).toEqual([
      [{ type: 'bg/tab-room', tabId: 3 }],
      [{ type: 'bg/tab-room', tabId: 4 }],
      [{ type: 'bg/tab-room', tabId: 3 }],
    ]);
    stop();
    await tabRooms.set(5, { origin: 'https://video.example', room: ROOM_A });
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('takes "no page open to receive it" in its stride', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const tabRooms = new TabRooms(memoryKV());
    tellViewsOfTabRooms(tabRooms, {
      sendMessage: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    });
    await expect(tabRooms.set(3, { origin: 'https://video.example', room: ROOM_A })).resolves.toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
