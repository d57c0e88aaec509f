// @vitest-environment happy-dom
// The page panel on a PeerTube-like watch page: where it goes (with the chat,
// beside or under the player; under the player when the chat is closed), that its
// styles and the page's stay apart, collapse and resize remembered per
// instance, and the "create a task" action on chat messages. The background
// is the fake runtime of fake-ext.ts (no browser in unit tests).
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_HOST_ATTR } from '../../../src/content/chat-action';
import type { MountedPanel } from '../../../src/content/follow';
import { CHAT_MIN_PX, CONTAINER_ID, STATE_ATTR } from '../../../src/content/mount';
import { mountPanel } from '../../../src/content/panel';
import { panelStateKey } from '../../../src/content/panel-state';
import { watchRights } from '../../../src/content/rights';
import type { RoomRef } from '../../../src/core/types';
import type { Request } from '../../../src/messages';
import type { RoomClient } from '../../../src/ui/room-port';
import { makeItems } from '../ui/fixtures';
import { installFakeExt, loadCatalog, makeView, type FakeExt } from '../pages/fake-ext';

const ORIGIN = 'https://peertube.test';
const ROOM: RoomRef = { account: `peertube:${ORIGIN}`, jid: '8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b@room.peertube.test' };
const HOSTILE = '<img src=x onerror="window.__pwned=1"> ‮right-to-left';

let ext: FakeExt;
let panel: MountedPanel | undefined;
let watch: RoomClient | undefined;

/** The panel as the page script mounts it: showing the views of its room watch. */
function mount(origin = ORIGIN): MountedPanel {
  watch?.stop();
  watch = watchRights(ROOM, () => {});
  return mountPanel({ doc: document, room: ROOM, origin, client: watch });
}

function answer(msg: Request) {
  if (msg.type === 'view/edit') return { ok: true, value: { itemId: 'new-task' } };
  return { ok: true, value: undefined };
}

/**
 * A watch page as the livechat plugin builds it: the chat container, and ConverseJS messages when open.
 * `row`: inside PeerTube's player row, laid out as a row (the chat beside the player) or a column (under it).
 */
function watchPage(state: 'open' | 'closed', messages: { nick: string; text: string }[] = [], row?: 'row' | 'column') {
  const chat = `<div id="plugin-placeholder-player-next">
      <div id="${CONTAINER_ID}" role="region" ${STATE_ATTR}="${state}">
        <converse-root><div class="chat-content__messages"></div></converse-root>
      </div>
    </div>`;
  document.body.innerHTML = row
    ? `<my-app><div class="root"><div class="player-margin-content">
        <div id="video-wrapper" style="display:flex;flex-direction:${row}"><div id="videojs-wrapper"></div><my-plugin-placeholder>${chat}</my-plugin-placeholder></div>
      </div><div class="video-bottom"></div></div></my-app>`
    : `<my-app><div class="root">${chat}</div></my-app>`;
  for (const m of messages) addChatMessage(m.nick, m.text);
}

function addChatMessage(nick: string, text: string) {
  const list = document.querySelector('.chat-content__messages')!;
  const wrapper = document.createElement('converse-chat-message');
  const msg = document.createElement('div');
  msg.className = 'message chat-msg groupchat';
  const content = document.createElement('div');
  content.className = 'chat-msg__content';
  const heading = document.createElement('span');
  heading.className = 'chat-msg__heading';
  const author = document.createElement('span');
  author.className = 'chat-msg__author';
  author.textContent = nick;
  heading.append(author);
  const body = document.createElement('div');
  body.className = 'chat-msg__text';
  body.textContent = text;
  content.append(heading, body);
  msg.append(content);
  wrapper.append(msg);
  list.append(wrapper);
  return msg;
}

const host = () => document.querySelector('lct-task-panel') as HTMLElement | null;
const shadow = () => within(host()!.shadowRoot as unknown as HTMLElement);

beforeEach(() => {
  loadCatalog();
  ext = installFakeExt(answer);
  ext.setView(
    makeView(ROOM, {
      title: 'Morning stream',
      items: makeItems([{ name: 'Stream prep', tasks: ['Check sound'] }, { name: 'Follow-ups' }]),
    }),
  );
  document.head.innerHTML = '';
});

afterEach(() => {
  panel?.unmount();
  panel = undefined;
  watch?.stop();
  watch = undefined;
  ext.uninstall();
  document.body.innerHTML = '';
});

describe('page panel', () => {
  it('sits right after the open chat, in its container, in an open shadow root, showing the room tasks', async () => {
    watchPage('open');
    panel = mount();
    const container = document.getElementById(CONTAINER_ID)!;
    expect(host()!.parentElement).toBe(container);
    expect(host()!.previousElementSibling?.localName).toBe('converse-root');
    expect(host()!.shadowRoot!.mode).toBe('open');
    await waitFor(() => expect(shadow().getByText('Check sound')).toBeTruthy());
    expect(shadow().getByRole('button', { name: /Morning stream/ })).toBeTruthy();
  });

  it('with the chat closed, docks under the player row in the page flow (floating would cover the player), and moves below the chat when it opens', async () => {
    watchPage('closed', [], 'row');
    panel = mount();
    expect(host()!.previousElementSibling?.id).toBe('video-wrapper');
    expect(host()!.getAttribute('data-dock')).toBe('side');
    expect(host()!.style.position).not.toBe('fixed');
    document.getElementById(CONTAINER_ID)!.setAttribute(STATE_ATTR, 'open');
    await waitFor(() => expect(host()!.getAttribute('data-dock')).toBe('chat'));
    expect(host()!.parentElement?.id).toBe(CONTAINER_ID);
  });

  it("beside the player, shares the chat's column: the grip is between chat and panel, and moving it up gives the panel more", async () => {
    watchPage('open', [], 'row');
    // happy-dom lays nothing out: the column's height as PeerTube's row would give it
    Object.defineProperty(document.getElementById(CONTAINER_ID)!, 'clientHeight', { value: 600 });
    panel = mount();
    expect(host()!.parentElement?.id).toBe(CONTAINER_ID);
    expect(host()!.hasAttribute('data-split')).toBe(true);
    // the one page rule that lets the chat share its column, there while the panel is
    expect(document.getElementById('lct-task-panel-split')?.textContent).toContain('converse-root');
    const grip = await waitFor(() => shadow().getByRole('separator', { name: 'Resize the task panel' }));
    const frame = host()!.shadowRoot!.querySelector('[data-testid="lct-panel"]')!;
    expect(frame.firstElementChild).toBe(grip);
    fireEvent.keyDown(grip, { key: 'Home' });
    const min = Number(grip.getAttribute('aria-valuenow'));
    fireEvent.keyDown(grip, { key: 'ArrowUp' });
    expect(Number(grip.getAttribute('aria-valuenow'))).toBeGreaterThan(min);
    // at most what leaves the chat its minimum
    fireEvent.keyDown(grip, { key: 'End' });
    expect(Number(grip.getAttribute('aria-valuenow'))).toBe(600 - CHAT_MIN_PX);
    expect(grip.getAttribute('aria-valuemax')).toBe(String(600 - CHAT_MIN_PX));
    // the size set is the most the panel takes: a short panel leaves no dead space, the chat keeps the rest
    const style = (frame as HTMLElement).style;
    expect([style.maxHeight, style.height]).toEqual([`${600 - CHAT_MIN_PX}px`, '']);
    panel.unmount();
    panel = undefined;
    expect(document.getElementById('lct-task-panel-split')).toBeNull();
  });

  it("under the player (PeerTube's narrow layout), follows the chat in its column, the grip at its bottom", async () => {
    watchPage('open', [], 'column');
    panel = mount();
    expect(host()!.parentElement?.id).toBe(CONTAINER_ID);
    expect(host()!.hasAttribute('data-split')).toBe(false);
    const grip = await waitFor(() => shadow().getByRole('separator', { name: 'Resize the task panel' }));
    const frame = host()!.shadowRoot!.querySelector('[data-testid="lct-panel"]')!;
    expect(frame.lastElementChild).toBe(grip);
    document.getElementById('video-wrapper')!.style.flexDirection = 'row';
    window.dispatchEvent(new Event('resize'));
    document.body.append(document.createElement('div')); // PeerTube re-renders: the place is checked again
    await waitFor(() => expect(host()!.hasAttribute('data-split')).toBe(true));
  });

  it('keeps page styles out and its own styles in', async () => {
    watchPage('open');
    const pageStyle = document.createElement('style');
    pageStyle.textContent = `button { color: rgb(255, 0, 0) !important; } .lct-root { display: none !important; }`;
    document.head.append(pageStyle);
    const pageButton = document.createElement('button');
    pageButton.className = 'lct-btn';
    document.body.append(pageButton);
    panel = mount();
    await waitFor(() => expect(shadow().getByText('Check sound')).toBeTruthy());

    const toggle = shadow().getByRole('button', { name: /Morning stream/ });
    expect(getComputedStyle(toggle).color).not.toBe('rgb(255, 0, 0)');
    expect(getComputedStyle(toggle).cursor).toBe('pointer'); // our stylesheet applies inside
    expect(getComputedStyle(host()!.shadowRoot!.querySelector('.lct-root')!).display).not.toBe('none');
    // The page cannot select our elements, and our class names style nothing of the page.
    expect(document.querySelectorAll('.lct-root').length).toBe(0);
    expect(getComputedStyle(pageButton).color).toBe('rgb(255, 0, 0)');
    expect(getComputedStyle(pageButton).borderRadius).toBe(getComputedStyle(document.createElement('button')).borderRadius);
  });

  it('collapses and remembers it per instance', async () => {
    watchPage('open');
    panel = mount();
    const toggle = await waitFor(() => shadow().getByRole('button', { name: /Morning stream/ }));
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(shadow().queryByText('Check sound')).toBeNull();
    expect(ext.storage.get(panelStateKey(ORIGIN))).toMatchObject({ collapsed: true });

    panel.unmount();
    panel = mount();
    await waitFor(() =>
      expect(
        shadow()
          .getByRole('button', { name: /Morning stream/ })
          .getAttribute('aria-expanded'),
      ).toBe('false'),
    );
    panel.unmount();
    panel = mount('https://other.test');
    await waitFor(() => expect(shadow().getByText('Check sound')).toBeTruthy());
  });

  it('resizes from the keyboard within limits and remembers the size', async () => {
    watchPage('open');
    panel = mount();
    const handle = await waitFor(() => shadow().getByRole('separator', { name: 'Resize the task panel' }));
    const before = Number(handle.getAttribute('aria-valuenow'));
    fireEvent.keyDown(handle, { key: 'ArrowDown' });
    expect(Number(handle.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
    expect(ext.storage.get(panelStateKey(ORIGIN))).toMatchObject({ height: Number(handle.getAttribute('aria-valuenow')) });
    fireEvent.keyDown(handle, { key: 'Home' });
    expect(handle.getAttribute('aria-valuenow')).toBe(handle.getAttribute('aria-valuemin'));
    fireEvent.keyDown(handle, { key: 'ArrowUp' });
    expect(handle.getAttribute('aria-valuenow')).toBe(handle.getAttribute('aria-valuemin'));
  });

  it('says at once when the extension was reloaded under the page, and sends no tick it can no longer save', async () => {
    watchPage('open');
    panel = mount();
    await waitFor(() => expect(shadow().getByText('Check sound')).toBeTruthy());
    // What a reload or update of the extension does to the page's script: no runtime id, and its port drops.
    delete (globalThis as { browser?: { runtime: { id?: string } } }).browser!.runtime.id;
    ext.ports[0]!.onDisconnect.emit();
    await waitFor(() => expect(shadow().getByText('The extension was updated or reloaded: reload the page.')).toBeTruthy());
    expect(shadow().getByText('Check sound')).toBeTruthy(); // what it showed stays readable
    fireEvent.click(shadow().getByRole('checkbox', { name: 'Check sound' }));
    await waitFor(() =>
      expect(shadow().getByText('Your change was not saved: The extension was updated or reloaded: reload the page.')).toBeTruthy(),
    );
    expect(ext.sent.filter((m) => m.type === 'view/edit')).toEqual([]);
    expect(ext.ports).toHaveLength(1);
  });

  it('is removed with everything it added when unmounted', async () => {
    watchPage('open', [{ nick: 'Alice', text: 'hello' }]);
    panel = mount();
    await waitFor(() => expect(document.querySelector(`[${ACTION_HOST_ATTR}]`)).toBeTruthy());
    panel.unmount();
    panel = undefined;
    expect(host()).toBeNull();
    expect(document.querySelector(`[${ACTION_HOST_ATTR}]`)).toBeNull();
  });
});

describe('task from a chat message', () => {
  const actionButton = (msg: Element) =>
    msg.querySelector(`[${ACTION_HOST_ATTR}]`)?.shadowRoot?.querySelector('button') as HTMLButtonElement | undefined;

  it('adds a labelled button to each message and creates the task in the list picked', async () => {
    watchPage('open', [{ nick: 'Alice', text: 'first' }]);
    panel = mount();
    await waitFor(() => expect(shadow().getByText('Check sound')).toBeTruthy());
    const later = addChatMessage('Mallory', HOSTILE);
    const button = await waitFor(() => {
      const b = actionButton(later);
      if (!b) throw new Error('no button yet');
      return b;
    });
    expect(button.getAttribute('aria-label')).toBe('Create a task from this message');
    expect(button.tabIndex).toBe(0);

    fireEvent.click(button);
    const dialog = await waitFor(() => shadow().getByRole('dialog', { name: 'Create a task from a chat message' }));
    // the hostile text is shown as text
    expect(within(dialog).getByText(HOSTILE)).toBeTruthy();
    expect(dialog.querySelector('img')).toBeNull();
    // another moderator adds a list meanwhile: the picker offers it at once
    ext.setView(
      makeView(ROOM, {
        title: 'Morning stream',
        items: makeItems([{ name: 'Stream prep', tasks: ['Check sound'] }, { name: 'Follow-ups' }, { name: 'Giveaway' }]),
      }),
    );
    await within(dialog).findByRole('option', { name: 'Giveaway' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'List' }), { target: { value: 'L2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the task' }));

    await waitFor(() => expect(shadow().queryByRole('dialog')).toBeNull());
    const edits = ext.sent.filter((m) => m.type === 'view/edit');
    expect(edits).toEqual([
      {
        type: 'view/edit',
        room: ROOM,
        edit: { op: 'createTask', list: 'L2', name: 'Mallory', description: HOSTILE },
        id: expect.any(String),
      },
    ]);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('keeps the dialog open with the reason when the task cannot be created', async () => {
    ext.uninstall();
    ext = installFakeExt((msg) => (msg.type === 'view/edit' ? { ok: false, error: { code: 'forbidden' } } : { ok: true }));
    ext.setView(makeView(ROOM, { items: makeItems([{ name: 'Stream prep' }]) }));
    watchPage('open', [{ nick: 'Alice', text: 'please fix the sound' }]);
    panel = mount();
    await waitFor(() => expect(shadow().getByText('Stream prep')).toBeTruthy());
    const msg = document.querySelector('.chat-msg')!;
    fireEvent.click(actionButton(msg)!);
    const dialog = await waitFor(() => shadow().getByRole('dialog'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the task' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).not.toBe(''));
    expect(shadow().getByRole('dialog')).toBeTruthy();
  });

  it("works on the plugin's full-page chat too, where there is no chat container", async () => {
    document.body.innerHTML = '<converse-root><div class="chat-content__messages"></div></converse-root>';
    addChatMessage('Alice', 'on the full page');
    panel = mount();
    expect(host()!.getAttribute('data-dock')).toBe('side');
    expect(host()!.style.position).toBe('fixed');
    await waitFor(() => expect(actionButton(document.querySelector('.chat-msg')!)).toBeTruthy());
  });
});
