// @vitest-environment happy-dom
// The side panel against the fake extension runtime of fake-ext.ts, which
// stands in for the browser's tabs and the background.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomRef } from '../../../src/core/types';
import type { MessageShown, Request, RoomSummary, TabInfo } from '../../../src/messages';
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
/** what the background says of every recent room (view/all-rooms) */
let summaries: RoomSummary[];

/** What a screen reader says after a button's name: the text of the elements it is described by. */
function description(el: Element): string {
  const ids = el.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** what the background says of "Show message" (view/show-message) */
let messageShown: MessageShown;

function answer(msg: Request) {
  if (msg.type === 'view/show-message') return { ok: true, value: messageShown };
  if (msg.type === 'view/room-open') return { ok: true, value: { room: msg.room } };
  if (msg.type === 'view/all-rooms') return { ok: true, value: summaries };
  if (msg.type === 'view/tab-info')
    return { ok: true, value: infoByTab[msg.tabId] ?? { enabled: false, recent, accounts: [], reason: 'not-peertube' } };
  return { ok: true, value: undefined };
}

beforeEach(() => {
  loadCatalog();
  ext = installFakeExt(answer);
  messageShown = 'no-chat';
  ext.setView(makeView(A, { title: 'Morning stream', items: makeItems([{ name: 'Prep A', tasks: ['Task of A'] }]) }));
  ext.setView(makeView(B, { title: 'Evening stream', items: makeItems([{ name: 'Prep B', tasks: ['Task of B'] }]) }));
  infoByTab = { 7: { room: A, origin: 'https://a.test', enabled: true, recent, accounts: [] } };
  summaries = [
    { ...recent[0]!, open: 1, live: false },
    { ...recent[1]!, open: 3, live: true },
  ];
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

  it('offers every recent room, newest first, with its open tasks, when the tab has none, and opens the one picked', async () => {
    infoByTab = {};
    render(<SidePanel />);
    expect((await screen.findByTestId('sidepanel-reason')).textContent).toBe('This tab is not a PeerTube page with the livechat plugin.');
    const list = await screen.findByRole('list', { name: 'Rooms you moderated recently' });
    await screen.findByText('3 open tasks');
    const buttons = Array.from(list.querySelectorAll('button')).map((b) => [b.textContent, description(b)]);
    expect(buttons).toEqual([
      ['Evening stream (b.test)3 open tasks', '3 open tasks'],
      ['Morning stream (a.test)1 open task, last known', '1 open task, last known'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Evening stream (b.test)' }));
    await screen.findByText('Task of B');
    expect(ext.sent).toContainEqual({ type: 'view/room-open', room: B, title: 'Evening stream' });
    fireEvent.click(screen.getByRole('button', { name: 'All rooms' }));
    await screen.findByRole('heading', { name: 'Rooms you moderated recently' });
  });

  it('follows the counts: asks again when the background says one changed', async () => {
    infoByTab = {};
    render(<SidePanel />);
    await screen.findByText('3 open tasks');
    summaries = [summaries[0]!, { ...summaries[1]!, open: 4 }];
    ext.fromBackground({ type: 'bg/room-counts' });
    await screen.findByText('4 open tasks');
    expect(description(screen.getByRole('button', { name: 'Evening stream (b.test)' }))).toBe('4 open tasks');
  });

  it("leaves the tab's room for All rooms and back, and another tab shows its own room again", async () => {
    render(<SidePanel />);
    await screen.findByText('Task of A');
    fireEvent.click(screen.getByRole('button', { name: 'All rooms' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Evening stream (b.test)' }));
    await screen.findByText('Task of B');
    expect(screen.queryByText('Task of A')).toBeNull();
    ext.tabs.onActivated.emit({ tabId: 7, windowId: 1 });
    await screen.findByText('Task of A');
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

describe('side panel: "Show message"', () => {
  const linked = 'Pin it\n\n— from the chat: Bob, 14:32 [msg:m-1]';

  it("asks the background to show the message in the chat of the room's tab in this window, and says why when it cannot", async () => {
    ext.setView(
      makeView(A, { title: 'Morning stream', items: makeItems([{ name: 'Prep A', tasks: [{ name: 'Bob', description: linked }] }]) }),
    );
    render(<SidePanel />);
    const button = await screen.findByRole('button', { name: 'Show the message in the chat' });
    fireEvent.click(button);
    expect(await screen.findByText('Open this room’s chat in a tab of this window to see the message.')).toBeTruthy();
    expect(ext.sent.filter((m) => m.type === 'view/show-message')).toEqual([
      { type: 'view/show-message', room: A, ref: { id: 'm-1' }, windowId: 1 },
    ]);
    messageShown = 'gone';
    fireEvent.click(button);
    expect(await screen.findByText('This message is no longer in the chat.')).toBeTruthy();
    messageShown = 'shown';
    fireEvent.click(button);
    expect(await screen.findByText('The message is highlighted in the chat.')).toBeTruthy();
  });
});
