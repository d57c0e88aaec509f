// @vitest-environment happy-dom
// The side panel against the fake extension runtime of fake-ext.ts, which
// stands in for the browser's tabs and the background.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomRef } from '../../../src/core/types';
import type { Request, TabInfo } from '../../../src/messages';
import { SidePanel } from '../../../src/sidepanel/SidePanel';
import { makeItems } from '../ui/fixtures';
import { installFakeExt, loadCatalog, makeView, type FakeExt } from './fake-ext';

const A: RoomRef = { account: 'peertube:https://a.test', jid: 'a@room.a.test' };
const B: RoomRef = { account: 'peertube:https://b.test', jid: 'b@room.b.test' };
const recent = [
  { ref: A, title: 'Morning stream', url: 'https://a.test/w/x', lastUsed: 1 },
  { ref: B, title: 'Evening stream', url: 'https://b.test/w/y', lastUsed: 2 },
];

let ext: FakeExt;
let infoByTab: Record<number, TabInfo>;

function answer(msg: Request) {
  if (msg.type === 'view/room-open') return { ok: true, value: { room: msg.room } };
  if (msg.type === 'view/tab-info')
    return { ok: true, value: infoByTab[msg.tabId] ?? { enabled: false, recent, accounts: [], reason: 'not-peertube' } };
  return { ok: true, value: undefined };
}

beforeEach(() => {
  loadCatalog();
  ext = installFakeExt(answer);
  ext.setView(makeView(A, { title: 'Morning stream', items: makeItems([{ name: 'Prep A', tasks: ['Task of A'] }]) }));
  ext.setView(makeView(B, { title: 'Evening stream', items: makeItems([{ name: 'Prep B', tasks: ['Task of B'] }]) }));
  infoByTab = { 7: { room: A, origin: 'https://a.test', enabled: true, recent, accounts: [] } };
});

afterEach(() => {
  cleanup();
  ext.uninstall();
});

describe('side panel', () => {
  it("shows the full task app of the current tab's room", async () => {
    render(<SidePanel />);
    await screen.findByText('Task of A');
    // the full app, not the popup's parts: list management is there
    expect(screen.getByRole('button', { name: 'New list' })).toBeTruthy();
  });

  it('follows the user to another tab', async () => {
    render(<SidePanel />);
    await screen.findByText('Task of A');
    infoByTab[8] = { room: B, origin: 'https://b.test', enabled: true, recent, accounts: [] };
    ext.activeTabId = 8;
    ext.tabs.onActivated.emit({ tabId: 8, windowId: 1 });
    await screen.findByText('Task of B');
    expect(screen.queryByText('Task of A')).toBeNull();
  });

  it('follows navigation in the tab: the room appears once the page reported it', async () => {
    infoByTab[7] = { origin: 'https://a.test', enabled: true, recent, accounts: [], reason: 'not-peertube' };
    render(<SidePanel />);
    await screen.findByRole('heading', { name: 'Rooms you moderated recently' });
    infoByTab[7] = { room: A, origin: 'https://a.test', enabled: true, recent, accounts: [] };
    ext.fromBackground({ type: 'bg/tab-room', tabId: 7 });
    await screen.findByText('Task of A');
  });

  it('asks again only when the background says its tab changed, not when a content script claims so or another tab changed', async () => {
    infoByTab[7] = { origin: 'https://a.test', enabled: true, recent, accounts: [], reason: 'not-peertube' };
    render(<SidePanel />);
    await screen.findByRole('heading', { name: 'Rooms you moderated recently' });
    const asked = () => ext.sent.filter((m) => m.type === 'view/tab-info').length;
    const before = asked();
    infoByTab[7] = { room: A, origin: 'https://a.test', enabled: true, recent, accounts: [] };
    ext.fromBackground({ type: 'bg/tab-room', tabId: 7 }, { id: 'fake-extension-id', url: 'https://a.test/w/x', tab: { id: 7 } });
    ext.fromBackground({ type: 'bg/tab-room', tabId: 7 }, { id: 'another-extension', url: 'chrome-extension://another-extension/bg.js' });
    ext.fromBackground({ type: 'bg/tab-room', tabId: 8 });
    ext.fromBackground({ type: 'bg/tab-room', tabId: '7' });
    await new Promise((r) => setTimeout(r, 20));
    expect(asked()).toBe(before);
    expect(screen.queryByText('Task of A')).toBeNull();
    ext.fromBackground({ type: 'bg/tab-room', tabId: 7 });
    await screen.findByText('Task of A');
  });

  it('offers the recent rooms, newest first, when the tab has none, and opens the one picked', async () => {
    infoByTab = {};
    render(<SidePanel />);
    expect((await screen.findByTestId('sidepanel-reason')).textContent).toBe('This tab is not a PeerTube page with the livechat plugin.');
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Evening stream (b.test)', 'Morning stream (a.test)']);
    fireEvent.click(screen.getByRole('button', { name: 'Evening stream (b.test)' }));
    await screen.findByText('Task of B');
    expect(ext.sent).toContainEqual({ type: 'view/room-open', room: B, title: 'Evening stream' });
    fireEvent.click(screen.getByRole('button', { name: 'Other rooms' }));
    await screen.findByRole('heading', { name: 'Rooms you moderated recently' });
  });

  it('opens a room by address on a manual XMPP account, after checking the address', async () => {
    const X: RoomRef = { account: 'xmpp:me@jabber.test', jid: 'team@conference.jabber.test' };
    ext.setView(makeView(X, { title: 'team', items: makeItems([{ name: 'Team list', tasks: ['Team task'] }]) }));
    infoByTab = {
      7: {
        enabled: false,
        recent: [],
        reason: 'not-peertube',
        accounts: [{ id: 'xmpp:me@jabber.test', label: 'me@jabber.test', kind: 'xmpp', status: 'live' }],
      },
    };
    render(<SidePanel />);
    const form = await screen.findByRole('form', { name: 'Open a room with an XMPP account' });
    const jid = screen.getByRole('textbox', { name: 'Room address (JID)' });
    fireEvent.input(jid, { target: { value: 'not a room' } });
    fireEvent.submit(form);
    await screen.findByText('Enter a room address like room@conference.example.org.');
    expect(ext.sent.some((m) => m.type === 'view/room-open')).toBe(false);

    fireEvent.input(jid, { target: { value: ' team@conference.jabber.test ' } });
    fireEvent.submit(form);
    await screen.findByText('Team task');
    expect(ext.sent).toContainEqual({ type: 'view/room-open', room: X });
  });
});
