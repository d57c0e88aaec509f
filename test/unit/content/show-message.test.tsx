// @vitest-environment happy-dom
// A task linked to its chat message, in the page panel: made from a message,
// its description ends in a readable reference; its row offers "Show message",
// which scrolls the chat to the message and highlights it, and says so (in the
// row) when the chat no longer has it. Tasks without a reference offer nothing.
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_HOST_ATTR } from '../../../src/content/chat-action';
import type { MountedPanel } from '../../../src/content/follow';
import { CONTAINER_ID, STATE_ATTR } from '../../../src/content/mount';
import { mountPanel } from '../../../src/content/panel';
import { watchRights } from '../../../src/content/rights';
import type { RoomRef } from '../../../src/core/types';
import type { Request } from '../../../src/messages';
import type { RoomClient } from '../../../src/ui/room-port';
import { installFakeExt, loadCatalog, makeView, type FakeExt } from '../pages/fake-ext';
import { makeItems } from '../ui/fixtures';

const ROOM: RoomRef = { account: 'peertube:https://peertube.test', jid: 'a1@room.peertube.test' };
const SENT = '2026-12-03T14:32:05.000Z';

let ext: FakeExt;
let panel: MountedPanel | undefined;
let watch: RoomClient | undefined;

function chatWith(messages: { nick: string; text: string; msgid?: string; isodate?: string }[]) {
  document.body.innerHTML = `<my-app><div class="root"><div id="${CONTAINER_ID}" ${STATE_ATTR}="open">
    <converse-root><div class="chat-content__messages"></div></converse-root></div></div></my-app>`;
  const list = document.querySelector('.chat-content__messages')!;
  for (const m of messages) {
    const msg = document.createElement('div');
    msg.className = 'message chat-msg groupchat';
    if (m.msgid) msg.setAttribute('data-msgid', m.msgid);
    if (m.isodate) msg.setAttribute('data-isodate', m.isodate);
    msg.innerHTML =
      '<div class="chat-msg__content"><span class="chat-msg__heading"><span class="chat-msg__author"></span></span><div class="chat-msg__text"></div></div>';
    msg.querySelector('.chat-msg__author')!.textContent = m.nick;
    msg.querySelector('.chat-msg__text')!.textContent = m.text;
    list.append(msg);
  }
}

function mount(): MountedPanel {
  watch = watchRights(ROOM, () => {});
  return mountPanel({ doc: document, room: ROOM, origin: 'https://peertube.test', client: watch });
}

const shadow = () => within(document.querySelector('lct-task-panel')!.shadowRoot as unknown as HTMLElement);

beforeEach(() => {
  loadCatalog();
  ext = installFakeExt((msg: Request) =>
    msg.type === 'view/edit' ? { ok: true, value: { itemId: 'T9' } } : { ok: true, value: undefined },
  );
});

afterEach(() => {
  panel?.unmount();
  panel = undefined;
  watch?.stop();
  ext.uninstall();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('a task linked to its chat message', () => {
  it("is made with the message, then a line naming the sender, the time and the message's id", async () => {
    ext.setView(makeView(ROOM, { items: makeItems([{ name: 'Stream prep' }]) }));
    chatWith([{ nick: 'Alice', text: 'Pin the schedule please', msgid: 'm-42', isodate: SENT }]);
    panel = mount();
    await waitFor(() => expect(shadow().getByText('Stream prep')).toBeTruthy());
    const button = await waitFor(() => {
      const b = document.querySelector(`[${ACTION_HOST_ATTR}]`)?.shadowRoot?.querySelector('button');
      if (!b) throw new Error('no button yet');
      return b;
    });
    fireEvent.click(button);
    const dialog = await waitFor(() => shadow().getByRole('dialog'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the task' }));
    await waitFor(() => expect(ext.sent.some((m) => m.type === 'view/edit')).toBe(true));
    const edit = ext.sent.find((m) => m.type === 'view/edit')!;
    const at = new Date(SENT).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });
    expect(edit.type === 'view/edit' && edit.edit).toEqual({
      op: 'createTask',
      list: 'L1',
      name: 'Alice',
      description: `Pin the schedule please\n\n— from the chat: Alice, ${at} [msg:m-42]`,
    });
  });

  it('offers "Show message", which scrolls to the message and highlights it, and says when it is gone', async () => {
    ext.setView(
      makeView(ROOM, {
        items: makeItems([
          {
            name: 'Stream prep',
            tasks: [
              // edited by people since: the text above and a line after the reference
              { name: 'Alice', description: 'PIN IT\n\n— from the chat: Alice, 14:32 [msg:m-42]\nbob: on it' },
              { name: 'Bot', description: `Raid incoming\n\n— from the chat: Bot [msg:@${SENT}]` },
              { name: 'Check sound', description: 'no message here' },
            ],
          },
        ]),
      }),
    );
    chatWith([
      { nick: 'Bot', text: 'Raid incoming', isodate: SENT },
      { nick: 'Alice', text: 'Pin the schedule please', msgid: 'm-42', isodate: '2026-12-03T14:33:00.000Z' },
    ]);
    const scrolled: Element[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    const animated = vi.fn();
    (Element.prototype as { animate?: unknown }).animate ??= () => ({});
    vi.spyOn(Element.prototype as unknown as { animate: () => unknown }, 'animate').mockImplementation(function (this: Element) {
      animated(this);
      return {};
    });
    panel = mount();
    await waitFor(() => expect(shadow().getByText('Check sound')).toBeTruthy());
    const shows = shadow().getAllByRole('button', { name: 'Show the message in the chat' });
    // two tasks refer to a message; "Check sound" does not
    expect(shows).toHaveLength(2);
    expect(shows[0]!.getAttribute('aria-describedby')).toBe(shadow().getByText('Alice').id);

    const [byTime, byId] = document.querySelectorAll('.chat-msg');
    fireEvent.click(shows[0]!);
    await waitFor(() => expect(scrolled).toEqual([byId]));
    expect(animated).toHaveBeenCalledWith(byId);
    await waitFor(() => expect(shadow().getByText('The message is highlighted in the chat.')).toBeTruthy());

    fireEvent.click(shows[1]!);
    await waitFor(() => expect(scrolled).toEqual([byId, byTime]));

    // the chat dropped it
    byId!.remove();
    fireEvent.click(shows[0]!);
    const notice = await waitFor(() => shadow().getByText('This message is no longer in the chat.'));
    // said in the task's row, where the user looks, politely
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.closest<HTMLElement>('[data-task-id]')).toBe(shows[0]!.closest('[data-task-id]'));
    expect(scrolled).toHaveLength(2);
  });

  it('shows it when the side panel asks through the background (bg/show-message), and hears no one else', async () => {
    ext.setView(makeView(ROOM, { items: makeItems([{ name: 'Stream prep' }]) }));
    chatWith([{ nick: 'Alice', text: 'Pin the schedule please', msgid: 'm-42', isodate: SENT }]);
    const scrolled: Element[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    (Element.prototype as { animate?: unknown }).animate ??= () => ({});
    panel = mount();
    await waitFor(() => expect(shadow().getByText('Stream prep')).toBeTruthy());
    const ask = { type: 'bg/show-message', ref: { id: 'm-42' } };
    const message = document.querySelector('.chat-msg')!;
    // another page's content script cannot reach this one through runtime messaging, but the check holds anyway
    expect(ext.fromBackground(ask, { id: 'fake-extension-id', url: 'https://evil.test/', tab: { id: 3 } })).toBeUndefined();
    expect(ext.fromBackground(ask, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
    expect(ext.fromBackground({ type: 'bg/show-message', ref: { id: 42 } })).toBeUndefined();
    expect(scrolled).toEqual([]);
    expect(ext.fromBackground(ask)).toEqual({ shown: true });
    expect(scrolled).toEqual([message]);
    message.remove();
    expect(ext.fromBackground(ask)).toEqual({ shown: false });
    panel.unmount();
    panel = undefined;
    expect(ext.fromBackground(ask)).toBeUndefined();
  });
});
