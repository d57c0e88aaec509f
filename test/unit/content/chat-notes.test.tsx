// @vitest-environment happy-dom
// The notes on a PeerTube-like watch page: Tasks and Notes as tabs in the
// page panel when the room offers notes (and no tabs when it does not),
// "note about this person" on chat messages and on the participant list,
// and the marker with the count of its author's notes beside each message.
// The background is the fake runtime of fake-ext.ts.
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_HOST_ATTR } from '../../../src/content/chat-action';
import type { MountedPanel } from '../../../src/content/follow';
import { CONTAINER_ID, STATE_ATTR } from '../../../src/content/mount';
import { mountPanel } from '../../../src/content/panel';
import { watchRights } from '../../../src/content/rights';
import type { Note, Participant } from '../../../src/core/notes/types';
import type { NotesView, RoomRef, RoomView } from '../../../src/core/types';
import type { Request } from '../../../src/messages';
import type { RoomClient } from '../../../src/ui/room-port';
import { makeItems } from '../ui/fixtures';
import { installFakeExt, loadCatalog, makeView, type FakeExt } from '../pages/fake-ext';

const ORIGIN = 'https://peertube.test';
const ROOM: RoomRef = { account: `peertube:${ORIGIN}`, jid: 'live@room.peertube.test' };
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const carol: Participant = { nick: 'Carol', jid: 'carol@peertube.test', occupantId: 'occ-carol' };
const alice: Participant = { nick: 'Alice', jid: 'alice@peertube.test', occupantId: 'occ-alice' };
const mickey: Participant = { nick: 'Mickey', jid: 'k3jx9w@anon.peertube.test', occupantId: 'occ-mickey' };
const NOTES: Note[] = [
  { id: 'n1', order: 1, description: 'Pin the reminder' },
  // written under another nickname: found by occupant-id
  { id: 'n2', order: 2, description: 'Asked twice about the glue', about: { jid: carol.jid, nick: 'Caroline', occupantId: 'occ-carol' } },
  // an earlier session: found by JID
  { id: 'n3', order: 3, description: 'Prefers cedar', about: { jid: carol.jid, nick: 'Carol', occupantId: 'old' } },
];

let ext: FakeExt;
let panel: MountedPanel | undefined;
let watch: RoomClient | undefined;

const notesView = (notes: Note[], available = true): NotesView => ({
  available,
  items: Object.fromEntries(notes.map((n) => [n.id, n])),
  pending: [],
  skipped: { count: 0 },
  loaded: true,
});
const view = (notes: Note[], available = true): RoomView =>
  makeView(ROOM, {
    title: 'Morning stream',
    items: makeItems([{ name: 'Stream prep', tasks: ['Check sound'] }]),
    notes: notesView(notes, available),
    participants: { Alice: alice, Carol: carol, Mickey: mickey },
  });

/** The chat as ConverseJS renders it: messages stamped with their sender (data-from) and the participant list. */
function watchPage(messages: { nick: string; text: string }[]) {
  document.body.innerHTML = `<div id="${CONTAINER_ID}" ${STATE_ATTR}="open"><converse-root>
      <div class="chat-content__messages"></div>
      <converse-muc-sidebar><ul class="occupant-list"></ul></converse-muc-sidebar>
    </converse-root></div>`;
  for (const m of messages) {
    const msg = document.createElement('div');
    msg.className = 'message chat-msg groupchat';
    msg.setAttribute('data-from', `${ROOM.jid}/${m.nick}`);
    msg.innerHTML =
      '<div class="chat-msg__content"><span class="chat-msg__heading"><span class="chat-msg__author"></span></span><div class="chat-msg__text"></div></div>';
    msg.querySelector('.chat-msg__author')!.textContent = m.nick;
    msg.querySelector('.chat-msg__text')!.textContent = m.text;
    document.querySelector('.chat-content__messages')!.append(msg);
  }
  for (const nick of ['Alice', 'Carol', 'Mickey']) {
    const li = document.createElement('li');
    li.className = 'occupant';
    li.innerHTML = '<div class="col occupant-nick-badge"><span class="occupant-nick"></span></div>';
    li.querySelector('.occupant-nick')!.textContent = nick;
    document.querySelector('.occupant-list')!.append(li);
  }
}

function mount(): MountedPanel {
  watch = watchRights(ROOM, () => {});
  return mountPanel({ doc: document, room: ROOM, origin: ORIGIN, client: watch });
}

const shadow = () => within(document.querySelector('lct-task-panel')!.shadowRoot as unknown as HTMLElement);
const messageEl = (text: string) => [...document.querySelectorAll('.chat-msg')].find((m) => m.textContent?.includes(text))!;
const occupantEl = (nick: string) => [...document.querySelectorAll('li.occupant')].find((m) => m.textContent?.includes(nick))!;
/** The chat action of `testid` on a message or participant, once it is there. */
const action = (el: Element, testid: string) =>
  waitFor(() => {
    const b = el.querySelector(`[${ACTION_HOST_ATTR}]`)?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`);
    if (!b) throw new Error(`no ${testid} yet`);
    return b;
  });
/** The notes in the panel's page, its Notes tab shown or not. */
const notesInPage = () => document.querySelector('lct-task-panel')!.shadowRoot!.querySelectorAll('.lct-note-text').length;
const noteTexts = () => [...shadow().getByRole('tabpanel', { name: 'Notes' }).querySelectorAll('.lct-note-text')].map((e) => e.textContent);

beforeEach(() => {
  loadCatalog();
  ext = installFakeExt((msg: Request) =>
    msg.type === 'view/edit' ? { ok: true, value: { itemId: 'new' } } : { ok: true, value: undefined },
  );
  document.head.innerHTML = '';
});

afterEach(() => {
  panel?.unmount();
  panel = undefined;
  watch?.stop();
  ext.uninstall();
  document.body.innerHTML = '';
});

describe('tasks and notes', () => {
  it('are two tabs when the room offers notes, reached with the arrow keys', async () => {
    ext.setView(view(NOTES));
    watchPage([]);
    panel = mount();
    const tasksTab = await waitFor(() => shadow().getByRole('tab', { name: 'Tasks' }));
    expect(shadow().getByRole('tablist', { name: 'Tasks and notes' })).toBeTruthy();
    // the panel's title bar names both
    expect(shadow().getByRole('button', { name: /Tasks and notes: Morning stream/ })).toBeTruthy();
    expect(tasksTab.getAttribute('aria-selected')).toBe('true');
    expect(shadow().getByText('Check sound')).toBeTruthy();
    // the notes are built once their tab is first shown, not hidden behind the tasks before
    expect(notesInPage()).toBe(0);
    fireEvent.keyDown(tasksTab, { key: 'ArrowRight' });
    const notesTab = shadow().getByRole('tab', { name: 'Notes' });
    expect(notesTab.getAttribute('aria-selected')).toBe('true');
    expect(notesTab.tabIndex).toBe(0);
    expect(tasksTab.tabIndex).toBe(-1);
    expect(noteTexts()).toEqual(['Prefers cedar', 'Asked twice about the glue', 'Pin the reminder']);
    fireEvent.keyDown(notesTab, { key: 'Home' });
    expect(tasksTab.getAttribute('aria-selected')).toBe('true');
    // and then stay, with what the user left in them
    expect(notesInPage()).toBe(3);
  });

  it('a note not saved yet is marked so; one another moderator changed is highlighted', async () => {
    const v = view(NOTES);
    ext.setView({ ...v, notes: { ...v.notes, pending: [{ id: 'e1', itemId: 'n1', kind: 'editNote' }] }, changed: ['n2'] });
    watchPage([]);
    panel = mount();
    fireEvent.click(await waitFor(() => shadow().getByRole('tab', { name: 'Notes' })));
    const notes = shadow().getByRole('tabpanel', { name: 'Notes' });
    const pin = within(notes).getByText('Pin the reminder').closest('li')!;
    expect(within(pin).getByText('Not saved yet')).toBeTruthy();
    expect(pin.classList.contains('is-pending')).toBe(true);
    const glue = within(notes).getByText('Asked twice about the glue').closest('li')!;
    expect(within(glue).queryByText('Not saved yet')).toBeNull();
    expect(glue.classList.contains('is-changed')).toBe(true);
  });

  it('without notes for this user: the tasks alone, and no note action in the chat', async () => {
    ext.setView(view(NOTES, false));
    watchPage([{ nick: 'Carol', text: 'hello' }]);
    panel = mount();
    await waitFor(() => expect(shadow().getByText('Check sound')).toBeTruthy());
    expect(shadow().queryByRole('tablist')).toBeNull();
    expect((await action(messageEl('hello'), 'chat-note-about')).hidden).toBe(true);
    expect((await action(messageEl('hello'), 'chat-notes-marker')).hidden).toBe(true);
  });
});

describe('notes in the chat', () => {
  it('a marker beside the messages of an author with notes, with the count, that opens them', async () => {
    ext.setView(view(NOTES));
    watchPage([
      { nick: 'Carol', text: 'is the glue dry?' },
      { nick: 'Alice', text: 'soon' },
    ]);
    panel = mount();
    const marker = await action(messageEl('glue dry'), 'chat-notes-marker');
    await waitFor(() => expect(marker.hidden).toBe(false));
    expect(marker.textContent).toBe('2 notes');
    expect(marker.title).toBe('Notes about this person');
    expect((await action(messageEl('soon'), 'chat-notes-marker')).hidden).toBe(true);
    // the participant list has it too
    expect((await action(occupantEl('Carol'), 'chat-notes-marker')).textContent).toBe('2 notes');

    fireEvent.click(marker);
    await waitFor(() => expect(shadow().getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe('true'));
    const filter = shadow().getByRole('group', { name: 'Notes about this person' });
    expect(within(filter).getByText('Carol')).toBeTruthy();
    expect(noteTexts()).toEqual(['Prefers cedar', 'Asked twice about the glue']);
    await waitFor(() =>
      expect(filter.getRootNode()).toHaveProperty('activeElement', within(filter).getByRole('button', { name: 'Show all notes' })),
    );

    // another moderator's note about Carol: the count follows, in the singular for one
    ext.setView(view([...NOTES.slice(0, 2)]));
    await waitFor(() => expect(marker.textContent).toBe('1 note'));
  });

  it('"note about this person" on a message: a note tied to its author, quoting the message', async () => {
    ext.setView(view(NOTES));
    watchPage([{ nick: 'Mickey', text: HOSTILE }]);
    panel = mount();
    const button = await action(messageEl('img'), 'chat-note-about');
    await waitFor(() => expect(button.hidden).toBe(false));
    expect(button.getAttribute('aria-label')).toBe('Note about this person');
    fireEvent.click(button);
    const form = await waitFor(() => shadow().getByRole('form', { name: 'New note about Mickey' }));
    const area = within(form).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    expect(area.value).toBe(`> ${HOSTILE}\n\n`);
    fireEvent.input(area, { target: { value: `${area.value}Third time` } });
    fireEvent.submit(form);
    await waitFor(() => expect(ext.sent.some((m) => m.type === 'view/edit')).toBe(true));
    expect(ext.sent.filter((m) => m.type === 'view/edit')).toEqual([
      {
        type: 'view/edit',
        room: ROOM,
        edit: {
          op: 'createNote',
          description: `> ${HOSTILE}\n\nThird time`,
          about: { jid: mickey.jid, nick: 'Mickey', occupantId: 'occ-mickey' },
        },
        id: expect.any(String),
      },
    ]);
    expect(document.querySelector('lct-task-panel')!.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('"note about this person" on the participant list: an empty note tied to them', async () => {
    ext.setView(view(NOTES));
    watchPage([]);
    panel = mount();
    fireEvent.click(await action(occupantEl('Alice'), 'chat-note-about'));
    const form = await waitFor(() => shadow().getByRole('form', { name: 'New note about Alice' }));
    expect((within(form).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('');
    expect(within(shadow().getByRole('tabpanel', { name: 'Notes' })).getByText('Occupant id: occ-alice')).toBeTruthy();
  });

  it('leaves nothing in the chat when the panel goes', async () => {
    ext.setView(view(NOTES));
    watchPage([{ nick: 'Carol', text: 'hi' }]);
    panel = mount();
    await action(occupantEl('Carol'), 'chat-note-about');
    panel.unmount();
    panel = undefined;
    expect(document.querySelector(`[${ACTION_HOST_ATTR}]`)).toBeNull();
  });
});
