// @vitest-environment happy-dom
// The popup against the fake extension runtime of fake-ext.ts, which stands
// in for the browser and the background (neither exists in unit tests).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roomKey, type RoomRef } from '../../../src/core/types';
import type { Request, Settings, TabInfo } from '../../../src/messages';
import { Popup } from '../../../src/popup/Popup';
import { popupStatus } from '../../../src/popup/status';
import { makeItems } from '../ui/fixtures';
import { installFakeExt, loadCatalog, makeView, type FakeExt } from './fake-ext';

const ORIGIN = 'https://peertube.test';
const ROOM: RoomRef = { account: `peertube:${ORIGIN}`, jid: 'live@room.peertube.test' };
const OLD_ROOM: RoomRef = { account: 'peertube:https://other.test', jid: 'old@room.other.test' };

let ext: FakeExt;
let tabInfo: TabInfo;
let settings: Settings;

function answer(msg: Request) {
  switch (msg.type) {
    case 'view/tab-info':
      return { ok: true, value: tabInfo };
    case 'view/settings-get':
      return { ok: true, value: settings };
    case 'view/settings-set':
      return { ok: true, value: { ...settings, ...msg.settings } };
    case 'view/edit':
      return { ok: true, value: { itemId: 'new-task' } };
    default:
      return { ok: true, value: undefined };
  }
}

beforeEach(() => {
  loadCatalog();
  ext = installFakeExt(answer);
  tabInfo = { room: ROOM, origin: ORIGIN, enabled: true, recent: [], accounts: [] };
  settings = { instances: [ORIGIN], defaultListName: 'Tasks', notifyNewTasks: false, lastList: { [roomKey(ROOM)]: 'L2' } };
  ext.setView(
    makeView(ROOM, {
      title: 'Morning stream',
      items: makeItems([{ name: 'Stream prep', tasks: ['Check sound', { name: 'Old one', done: true }] }, { name: 'Follow-ups' }]),
    }),
  );
  ext.setView(makeView(OLD_ROOM, { title: 'Yesterday', items: makeItems([{ name: 'Backlog' }]) }));
});

afterEach(() => {
  cleanup();
  ext.uninstall();
});

const edits = () => ext.sent.filter((m) => m.type === 'view/edit');

describe('popup', () => {
  it('asks about the active tab and shows its room, connection and recent tasks', async () => {
    render(<Popup />);
    await screen.findByRole('heading', { name: 'Room: Morning stream' });
    expect(ext.sent).toContainEqual({ type: 'view/tab-info', tabId: ext.activeTabId });
    expect(screen.getByTestId('popup-connection').textContent).toBe('Connection: Connected');
    const recent = screen.getByRole('region', { name: 'Recent tasks' });
    expect(within(recent).getByText('Check sound')).toBeTruthy();
    expect(within(recent).getAllByRole('checkbox')).toHaveLength(2);
  });

  it('quick-adds into the list picked last time, and remembers a new pick', async () => {
    render(<Popup />);
    const input = await screen.findByRole('combobox', { name: 'New task' });
    const list = screen.getByRole('combobox', { name: 'List' }) as HTMLSelectElement;
    await waitFor(() => expect(list.value).toBe('L2'));
    fireEvent.input(input, { target: { value: 'Thank the raid' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(edits()).toHaveLength(1));
    expect(edits()[0]).toEqual({
      type: 'view/edit',
      room: ROOM,
      edit: { op: 'createTask', list: 'L2', name: 'Thank the raid' },
      id: expect.any(String),
    });

    fireEvent.change(list, { target: { value: 'L1' } });
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/settings-set', settings: { lastList: { [roomKey(ROOM)]: 'L1' } } }));
  });

  it('on a tab with no room, says why and adds to the last room used', async () => {
    tabInfo = { origin: ORIGIN, enabled: true, recent: [], accounts: [], reason: 'not-moderator' };
    settings = { ...settings, lastRoom: OLD_ROOM };
    render(<Popup />);
    expect((await screen.findByTestId('popup-reason')).textContent).toBe(
      'You are not owner or admin of this chat room, so no task panel shows.',
    );
    await screen.findByRole('heading', { name: 'Room: Yesterday' });
    const input = screen.getByRole('combobox', { name: 'New task' });
    fireEvent.input(input, { target: { value: 'Reply to mail' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(edits()[0]).toMatchObject({ room: OLD_ROOM, edit: { op: 'createTask', name: 'Reply to mail' } }));
  });

  it("quick-adds into another recent room picked from the tab's", async () => {
    tabInfo = {
      ...tabInfo,
      recent: [
        { ref: OLD_ROOM, title: 'Yesterday', url: 'https://other.test/w/y', lastUsed: 1 },
        { ref: ROOM, title: 'Morning stream', url: `${ORIGIN}/w/x`, lastUsed: 2 },
      ],
    };
    render(<Popup />);
    const picker = (await screen.findByRole('combobox', { name: 'Add to room' })) as HTMLSelectElement;
    expect(picker.value).toBe(roomKey(ROOM));
    expect(Array.from(picker.options).map((o) => o.textContent)).toEqual(['Morning stream (peertube.test)', 'Yesterday (other.test)']);
    fireEvent.change(picker, { target: { value: roomKey(OLD_ROOM) } });
    await screen.findByRole('heading', { name: 'Room: Yesterday' });
    expect(ext.sent).toContainEqual({ type: 'view/room-open', room: OLD_ROOM, title: 'Yesterday' });
    const input = screen.getByRole('combobox', { name: 'New task' });
    fireEvent.input(input, { target: { value: 'Plan the next one' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(edits()[0]).toMatchObject({ room: OLD_ROOM, edit: { op: 'createTask', name: 'Plan the next one' } }));
  });

  it('with no room at all, says so and offers no quick-add', async () => {
    tabInfo = { enabled: false, recent: [], accounts: [], reason: 'not-peertube' };
    render(<Popup />);
    await screen.findByText('This tab is not a PeerTube page with the livechat plugin.');
    expect(screen.getByText('No room to add tasks to yet. Open a PeerTube live chat you moderate.')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'New task' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Enable on/ })).toBeNull();
  });

  it('enables the instance: tells the background it was asked, asks the browser for this origin, then enables', async () => {
    tabInfo = { origin: ORIGIN, enabled: false, recent: [], accounts: [], reason: 'not-enabled' };
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: 'Enable on peertube.test' }));
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/instance-enable', origin: ORIGIN }));
    expect(ext.permissionRequests).toEqual([{ origins: [`${ORIGIN}/*`] }]);
    // The request first: Firefox may close the popup for its prompt, and the background then enables on the grant.
    const calls = ext.calls.filter((c) => c.startsWith('send:view/instance-') || c === 'permissions.request');
    expect(calls).toEqual(['send:view/instance-request', 'permissions.request', 'send:view/instance-enable']);
    expect(ext.sent).toContainEqual({ type: 'view/instance-request', origin: ORIGIN });
    // and asks again what the tab shows
    await waitFor(() => expect(ext.sent.filter((m) => m.type === 'view/tab-info').length).toBe(2));
  });

  it('changes nothing when the browser permission is refused', async () => {
    ext.grant = false;
    tabInfo = { origin: ORIGIN, enabled: false, recent: [], accounts: [], reason: 'not-enabled' };
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: 'Enable on peertube.test' }));
    await screen.findByText('The browser permission was not granted: nothing changed.');
    expect(ext.sent.some((m) => m.type === 'view/instance-enable')).toBe(false);
  });

  it('disables the instance', async () => {
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disable on peertube.test' }));
    await waitFor(() => expect(ext.sent).toContainEqual({ type: 'view/instance-disable', origin: ORIGIN }));
    await screen.findByText('Disabled on peertube.test.');
  });

  it('opens the side panel for the current tab', async () => {
    render(<Popup />);
    await screen.findByRole('heading', { name: 'Room: Morning stream' });
    fireEvent.click(screen.getByRole('button', { name: 'Open the side panel' }));
    expect(ext.sidePanelOpened).toEqual([{ tabId: ext.activeTabId }]);
  });

  it("tells what went wrong when the background could not open the tab's room", async () => {
    tabInfo = { origin: ORIGIN, enabled: true, recent: [], accounts: [], problem: { code: 'network', detail: 'connection refused' } };
    render(<Popup />);
    await screen.findByText('The chat server cannot be reached.');
    expect(screen.getByText('connection refused')).toBeTruthy();
  });

  describe('says exactly one thing in each state', () => {
    /** every non-empty status or alert the popup shows */
    const messages = () =>
      [...document.querySelectorAll<HTMLElement>('[role="status"], [role="alert"]')]
        .filter((el) => !el.closest('[hidden]') && el.textContent!.trim() !== '')
        .map((el) => el.textContent!.trim());

    it('after Enable, once the panel appeared on the page: says so, and nothing about the tab not being a PeerTube page', async () => {
      tabInfo = { origin: ORIGIN, enabled: false, recent: [], accounts: [], reason: 'not-enabled' };
      let asked = 0;
      const answerTabInfo = () => {
        asked++;
        // the first answers come before the injected content script reported the room
        if (asked === 1) return tabInfo;
        if (asked < 4) return { origin: ORIGIN, enabled: true, recent: [], accounts: [], reason: 'not-peertube' as const };
        return { room: ROOM, origin: ORIGIN, enabled: true, recent: [], accounts: [] };
      };
      ext.uninstall();
      ext = installFakeExt((msg) => (msg.type === 'view/tab-info' ? { ok: true, value: answerTabInfo() } : answer(msg)));
      ext.setView(makeView(ROOM, { title: 'Morning stream' }));
      render(<Popup />);
      await waitFor(() => expect(messages()).toEqual(['Livechat Tasks is not enabled on this instance.']));
      fireEvent.click(screen.getByRole('button', { name: 'Enable on peertube.test' }));
      await waitFor(() => expect(messages()).toEqual(['Enabled: the task panel is now on this page.']), { timeout: 4000 });
      expect(document.body.textContent).not.toContain('not a PeerTube page');
      expect(document.body.textContent).not.toContain('Reload');
      await screen.findByRole('heading', { name: 'Room: Morning stream' });
    });

    it('a plain participant: one plain sentence, no raw address or affiliation on screen (only under "Details"), no quick-add', async () => {
      const detail = 'affiliation none in f2c1a9e4-aaaa@room.localhost';
      tabInfo = {
        origin: ORIGIN,
        enabled: true,
        recent: [],
        accounts: [],
        reason: 'not-moderator',
        problem: { code: 'forbidden', detail },
      };
      // the last room used is the same room, where they have no rights either
      settings = { ...settings, lastRoom: ROOM };
      ext.setView(makeView(ROOM, { title: 'Morning stream', rights: 'none' }));
      render(<Popup />);
      await waitFor(() =>
        expect(messages()).toEqual([
          'You are not owner or admin of this chat room, so no task panel shows. No room to add tasks to yet. Open a PeerTube live chat you moderate.',
        ]),
      );
      const details = screen.getByText('Details').closest('details')!;
      expect(details.open).toBe(false);
      expect(within(details).getByText(detail)).toBeTruthy();
      expect(screen.queryByText(/Only the room's owners/)).toBeNull();
      expect(screen.queryByText(/not \(or no longer\) a moderator/)).toBeNull();
      expect(screen.queryByRole('combobox', { name: 'New task' })).toBeNull();
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Livechat Tasks');
    });

    it('after Disable: "Disabled on …" alone, not also "not enabled"', async () => {
      let enabled = true;
      ext.uninstall();
      ext = installFakeExt((msg) => {
        if (msg.type === 'view/instance-disable') enabled = false;
        if (msg.type === 'view/tab-info') {
          return {
            ok: true,
            value: enabled ? tabInfo : { origin: ORIGIN, enabled: false, recent: [], accounts: [], reason: 'not-enabled' },
          };
        }
        return answer(msg);
      });
      render(<Popup />);
      fireEvent.click(await screen.findByRole('button', { name: 'Disable on peertube.test' }));
      await screen.findByRole('button', { name: 'Enable on peertube.test' });
      expect(messages()).toEqual(['Disabled on peertube.test.']);
    });

    it('after Enable, when no panel came (not a watch page, or it needs a reload): only "Enabled. Reload…", not "not a PeerTube page" too', () => {
      const info: TabInfo = { origin: ORIGIN, enabled: true, recent: [], accounts: [], reason: 'not-peertube' };
      expect(popupStatus({ info, action: 'enabled' })).toEqual({ text: 'Enabled. Reload the page to show the task panel.' });
      // the page did answer, with its own reason: that reason is the one thing said
      expect(popupStatus({ info: { ...info, reason: 'not-logged-in' }, action: 'enabled' })).toMatchObject({
        text: 'You are not logged in on this PeerTube instance.',
      });
    });

    it('on its room, as a moderator: no status line at all, the room and quick-add speak for themselves', async () => {
      render(<Popup />);
      await screen.findByRole('heading', { name: 'Room: Morning stream' });
      expect(messages()).toEqual([]);
    });
  });
});
