// Moderator notes through the engine, on a real Prosody with our module:
// the same engine that follows the tasks follows livechat-notes beside them.
// A raw client speaks as the official client does (its serialization and
// its numbering, transcribed in test/unit/core/notes-official.ts): its notes
// appear here and ours there, reorders agree, offline edits are replayed,
// rights are followed live, and notes we do not fully understand are shown
// safely and written back as they came.
import { Strophe } from 'strophe.js';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { aboutParticipant, isNoteAbout } from '../../../src/core/notes/about';
import { sortNotes } from '../../../src/core/notes/order';
import type { Note } from '../../../src/core/notes/types';
import type { RoomRef, RoomView } from '../../../src/core/types';
import { startTestBackend, type TestBackend } from '../../helpers/backend';
import { child, itemsOf, type RawXmppClient } from '../../helpers/raw-client';
import { officialDrop, officialNotePayload, officialReadNote, officialSort } from '../../unit/core/notes-official';
import { addUser, makeEngine, MemoryKV, moderatedRoom, NetworkLink, openLive, waitForView, type TestEngine } from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

const NOTES = 'livechat-notes';
const NS_NOTE = 'urn:peertube-plugin-livechat:note';

let backend: TestBackend;
let alice: TestEngine;
let bob: TestEngine;
let aliceAccount: string;
let bobAccount: string;

beforeAll(async () => {
  backend = await startTestBackend();
  alice = makeEngine();
  bob = makeEngine();
  aliceAccount = await addUser(alice, backend, 'alice');
  bobAccount = await addUser(bob, backend, 'bob');
});

afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await backend?.stop();
});

const notesOf = (view: RoomView): Note[] => sortNotes(Object.values(view.notes.items));
const texts = (view: RoomView): (string | undefined)[] => notesOf(view).map((n) => n.description);
const noteWith = (view: RoomView, text: string) => Object.values(view.notes.items).find((n) => n.description === text);

/** The notes on the server by item id: as the official client reads them, and their payload as strophe serializes it (officialNotePayload's form). */
async function serverNotes(
  client: RawXmppClient,
  room: string,
): Promise<Map<string, { data: ReturnType<typeof officialReadNote>; xml: string }>> {
  const out = new Map<string, { data: ReturnType<typeof officialReadNote>; xml: string }>();
  for (const item of itemsOf(await client.getItems(room, NOTES))) {
    const note = child(item, 'note', NS_NOTE);
    if (note) out.set(item.getAttribute('id')!, { data: officialReadNote(note), xml: Strophe.serialize(note)! });
  }
  return out;
}

/** Opens the room and waits for its notes to be there. */
async function openWithNotes(t: TestEngine, ref: RoomRef): Promise<RoomView> {
  await openLive(t, ref);
  return waitForView(t.engine, ref, (v) => v.notes.available && v.notes.loaded);
}

test('notes written by the official client appear here, ours there, tied to the participant by occupant-id, JID and nickname', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const dave = await backend.connect('dave');
  await dave.joinRoom(room.jid, 'dave');
  const a = { account: aliceAccount, jid: room.jid };
  const b = { account: bobAccount, jid: room.jid };
  try {
    // presences: a moderator learns the participant's real JID and occupant-id
    const opened = await openWithNotes(alice, a);
    expect(opened.notes.items).toEqual({});
    const daveHere = opened.participants.dave!;
    expect(daveHere).toEqual({ nick: 'dave', jid: `dave@${backend.domain}`, occupantId: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    expect(opened.participants['carol-chat']).toMatchObject({ jid: `carol@${backend.domain}` });
    await openWithNotes(bob, b);

    // the official client (carol's raw client) writes a note about dave
    await room.owner.publish(
      room.jid,
      NOTES,
      officialNotePayload({
        description: 'Asked to be unbanned',
        order: 1,
        about_jid: daveHere.jid,
        about_nick: 'dave',
        about_occupant_id: daveHere.occupantId,
      }),
    );
    const seen = await waitForView(alice.engine, a, (v) => !!noteWith(v, 'Asked to be unbanned'));
    const theirs = noteWith(seen, 'Asked to be unbanned')!;
    expect(theirs).toMatchObject({ order: 1, about: { jid: daveHere.jid, nick: 'dave', occupantId: daveHere.occupantId } });
    expect(theirs.kept).toBeUndefined();
    expect(seen.changed).toContain(theirs.id);
    expect(isNoteAbout(theirs, daveHere, Object.values(seen.participants))).toBe(true);

    // ours, about dave, reaches bob live and the official client as it would have written it
    const about = aboutParticipant(daveHere)!;
    const created = await alice.engine.edit(a, { op: 'createNote', description: 'Posted the same link\nthree times', about });
    expect(created).toMatchObject({ ok: true, value: { itemId: expect.not.stringMatching(/^local:/) } });
    const id = created.ok ? created.value.itemId : '';
    const atBob = await waitForView(bob.engine, b, (v) => texts(v).length === 2);
    expect(texts(atBob)).toEqual(['Posted the same link\nthree times', 'Asked to be unbanned']);
    expect(atBob.changed).toContain(id);
    const onServer = (await serverNotes(room.owner, room.jid)).get(id)!;
    const official = {
      description: 'Posted the same link\nthree times',
      order: 2,
      about_jid: about.jid!,
      about_nick: 'dave',
      about_occupant_id: about.occupantId!,
    };
    expect(onServer.xml).toBe(officialNotePayload(official));
    expect(onServer.data).toEqual(official);

    // edited and deleted here: the official client reads the edit, then nothing
    expect((await bob.engine.edit(b, { op: 'editNote', id, description: 'Posted the same link four times' })).ok).toBe(true);
    expect((await serverNotes(room.owner, room.jid)).get(id)!.data).toEqual({
      ...official,
      description: 'Posted the same link four times',
    });
    await waitForView(alice.engine, a, (v) => !!noteWith(v, 'Posted the same link four times'));
    expect((await alice.engine.edit(a, { op: 'deleteNote', id })).ok).toBe(true);
    await waitForView(bob.engine, b, (v) => texts(v).length === 1);
    expect([...(await serverNotes(room.owner, room.jid)).keys()]).toEqual([theirs.id]);

    // dave leaves: he is no longer among the participants, the note about him stays
    await dave.leaveRoom(room.jid, 'dave');
    const left = await waitForView(alice.engine, a, (v) => !v.participants.dave);
    expect(noteWith(left, 'Asked to be unbanned')).toBeDefined();
  } finally {
    dave.close();
    room.owner.close();
  }
});

test('reorders agree: ours numbered as the official drag and drop, theirs sorted here as there', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const a = { account: aliceAccount, jid: room.jid };
  try {
    await openWithNotes(alice, a);
    for (const text of ['A', 'B', 'C', 'D']) expect((await alice.engine.edit(a, { op: 'createNote', description: text })).ok).toBe(true);
    const four = await waitForView(alice.engine, a, (v) => texts(v).length === 4 && v.notes.pending.length === 0);
    expect(texts(four)).toEqual(['D', 'C', 'B', 'A']);
    const idOf = (text: string) => noteWith(four, text)!.id;
    const shown = notesOf(four).map((n) => ({ id: n.id, order: n.order! }));

    // A moved to the second place: a drop on C's upper half for the official client
    const expected = new Map(shown.map((n) => [n.id, n.order]));
    for (const [id, order] of officialDrop(shown, idOf('A'), idOf('C'), true)) expected.set(id, order);
    expect((await alice.engine.edit(a, { op: 'moveNote', id: idOf('A'), index: 1 })).ok).toBe(true);
    const server = await serverNotes(room.owner, room.jid);
    expect(new Map([...server].map(([id, n]) => [id, n.data.order]))).toEqual(expected);
    expect(texts(await waitForView(alice.engine, a, (v) => texts(v)[1] === 'A'))).toEqual(['D', 'A', 'C', 'B']);

    // the official client drags B onto D's upper half: each note republished whole, in its sequence
    const theirShown = officialSort([...server].map(([id, n]) => ({ id, order: n.data.order! })));
    for (const [id, order] of officialDrop(theirShown, idOf('B'), idOf('D'), true)) {
      await room.owner.publish(room.jid, NOTES, officialNotePayload({ ...server.get(id)!.data, order }), id);
    }
    const after = await serverNotes(room.owner, room.jid);
    const theirOrder = officialSort([...after].map(([id, n]) => ({ id, order: n.data.order! }))).map((n) => n.id);
    const ours = await waitForView(alice.engine, a, (v) => notesOf(v)[0]?.description === 'B');
    expect(notesOf(ours).map((n) => n.id)).toEqual(theirOrder);
    expect(texts(ours)).toEqual(['B', 'D', 'A', 'C']);
  } finally {
    room.owner.close();
  }
});

test('a note edited by one moderator while another moves it keeps both changes, here, there and on the server', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const a = { account: aliceAccount, jid: room.jid };
  const b = { account: bobAccount, jid: room.jid };
  try {
    await openWithNotes(alice, a);
    await openWithNotes(bob, b);
    for (const text of ['A', 'B', 'C']) expect((await alice.engine.edit(a, { op: 'createNote', description: text })).ok).toBe(true);
    const seen = await waitForView(bob.engine, b, (v) => texts(v).length === 3);
    const id = noteWith(seen, 'A')!.id;
    const [edit, move] = await Promise.all([
      alice.engine.edit(a, { op: 'editNote', id, description: 'A, edited' }),
      bob.engine.edit(b, { op: 'moveNote', id, index: 0 }),
    ]);
    expect([edit.ok, move.ok]).toEqual([true, true]);
    const both = (v: RoomView) => texts(v).join() === 'A, edited,C,B';
    await waitForView(alice.engine, a, both);
    await waitForView(bob.engine, b, both);
    const server = (await serverNotes(room.owner, room.jid)).get(id)!.data;
    expect(server).toEqual({ description: 'A, edited', order: 4 });
  } finally {
    room.owner.close();
  }
});

test('notes written offline show at once and are published after reconnecting', async () => {
  const link = await NetworkLink.to(backend.port);
  const offline = makeEngine();
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  try {
    const ref = { account: await addUser(offline, backend, 'alice', link.url(backend.wsUrl)), jid: room.jid };
    await openWithNotes(offline, ref);
    const first = await offline.engine.edit(ref, { op: 'createNote', description: 'Before the cut' });
    const firstId = first.ok ? first.value.itemId : '';

    link.cut();
    await waitForView(offline.engine, ref, (v) => v.status !== 'live');
    const created = await offline.engine.edit(ref, { op: 'createNote', description: 'Written offline', about: { nick: 'dave' } });
    expect(created).toMatchObject({ ok: true, value: { itemId: expect.stringMatching(/^local:/) } });
    expect((await offline.engine.edit(ref, { op: 'editNote', id: firstId, description: 'Edited offline' })).ok).toBe(true);
    const local = offline.engine.view(ref)!;
    expect(texts(local)).toEqual(['Written offline', 'Edited offline']);
    expect(local.notes.pending.map((p) => p.kind)).toEqual(['createNote', 'editNote']);
    expect([...(await serverNotes(room.owner, room.jid)).values()].map((n) => n.data.description)).toEqual(['Before the cut']);

    link.restore();
    const synced = await waitForView(offline.engine, ref, (v) => v.status === 'live' && v.notes.pending.length === 0, 30_000);
    expect(texts(synced)).toEqual(['Written offline', 'Edited offline']);
    expect(Object.keys(synced.notes.items).some((id) => id.startsWith('local:'))).toBe(false);
    const server = [...(await serverNotes(room.owner, room.jid)).values()].map((n) => n.data);
    expect(server).toEqual(
      expect.arrayContaining([
        { description: 'Edited offline', order: 1 },
        { description: 'Written offline', order: 2, about_jid: null, about_nick: 'dave' },
      ]),
    );
    expect(server).toHaveLength(2);
  } finally {
    await offline.close();
    await link.close();
    room.owner.close();
  }
});

test('a restarted worker paints the notes from its cache at once, with the notes still queued, then publishes those', async () => {
  const link = await NetworkLink.to(backend.port);
  const first = makeEngine();
  let restarted: TestEngine | undefined;
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  try {
    const ref = { account: await addUser(first, backend, 'alice', link.url(backend.wsUrl)), jid: room.jid };
    await openWithNotes(first, ref);
    expect((await first.engine.edit(ref, { op: 'createNote', description: 'Cached' })).ok).toBe(true);
    // the cache is written once the room is quiet
    const cache = () => [...first.local.data].filter(([key]) => key.startsWith('engine:room:'));
    await vi.waitFor(() => expect(JSON.stringify(cache())).toContain('Cached'), { timeout: 5_000 });
    link.cut();
    await waitForView(first.engine, ref, (v) => v.status !== 'live');
    expect((await first.engine.edit(ref, { op: 'createNote', description: 'Queued' })).ok).toBe(true);

    // stopped without warning: the next worker starts from storage only, still offline
    const stores = { local: new MemoryKV(), session: new MemoryKV() };
    for (const [k, v] of first.local.data) stores.local.data.set(k, structuredClone(v));
    for (const [k, v] of first.session.data) stores.session.data.set(k, structuredClone(v));
    await first.close();
    restarted = makeEngine(stores);
    await restarted.engine.restore();
    const painted = await waitForView(restarted.engine, ref, (v) => v.notes.available);
    expect(texts(painted)).toEqual(['Queued', 'Cached']);
    expect(painted.notes.pending.map((p) => p.kind)).toEqual(['createNote']);

    link.restore();
    await waitForView(restarted.engine, ref, (v) => v.status === 'live' && v.notes.pending.length === 0, 30_000);
    const server = [...(await serverNotes(room.owner, room.jid)).values()].map((n) => n.data.description);
    expect(server.sort()).toEqual(['Cached', 'Queued']);
  } finally {
    await restarted?.close();
    await link.close();
    room.owner.close();
  }
});

test('notes follow the rights live: a demoted admin loses them at once, gets them back when promoted; others never see them', async () => {
  const room = await moderatedRoom(backend, 'carol', ['bob']);
  const b = { account: bobAccount, jid: room.jid };
  const erin = makeEngine();
  try {
    await room.owner.publish(room.jid, NOTES, officialNotePayload({ description: 'Moderators only', order: 1 }), 'secret');
    const shown = await openWithNotes(bob, b);
    expect(noteWith(shown, 'Moderators only')).toBeDefined();
    expect(Object.keys(shown.participants).length).toBeGreaterThan(0);
    const stop = bob.engine.watch(b, () => {});

    await room.owner.setAffiliation(room.jid, `bob@${backend.domain}`, 'member');
    const demoted = await waitForView(bob.engine, b, (v) => v.rights === 'none');
    expect(demoted.notes).toEqual({ available: false, items: {}, pending: [], skipped: { count: 0 }, loaded: false });
    expect(demoted.participants).toEqual({});
    expect(await bob.engine.edit(b, { op: 'createNote', description: 'Too late' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(JSON.stringify([...bob.local.data.entries()].filter(([k]) => k.includes(room.jid)))).not.toContain('Moderators only');

    await room.owner.setAffiliation(room.jid, `bob@${backend.domain}`, 'admin');
    await waitForView(bob.engine, b, (v) => v.notes.available && !!noteWith(v, 'Moderators only'));
    stop();

    // a participant who is not owner or admin sees no notes, nor who is who
    const e = { account: await addUser(erin, backend, 'erin'), jid: room.jid };
    expect(await erin.engine.openRoom(e)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(erin.engine.view(e)).toMatchObject({ notes: { available: false, items: {} }, participants: {} });
  } finally {
    await erin.close();
    room.owner.close();
  }
});

test('odd and hostile notes are shown as text, never break the list, and are written back as they came', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const a = { account: aliceAccount, jid: room.jid };
  const hostile = '<img src=x onerror="alert(1)"> & </description>';
  const odd = `<note xmlns="${NS_NOTE}" order="abc" flag="x"><description>${hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description><color xmlns="urn:example:color">red</color></note>`;
  try {
    await room.owner.publish(room.jid, NOTES, odd, 'odd');
    await room.owner.publish(room.jid, NOTES, `<note xmlns="${NS_NOTE}" order="5"/>`, 'bare');
    await room.owner.publish(
      room.jid,
      NOTES,
      `<task xmlns="urn:peertube-plugin-livechat:task" list="l" order="1"><name>lost</name></task>`,
      'foreign',
    );
    await room.owner.publish(room.jid, NOTES, officialNotePayload({ description: 'x'.repeat(100_000), order: 2 }), 'huge');
    const before = await serverNotes(room.owner, room.jid);
    const view = await openWithNotes(alice, a);
    expect(notesOf(view).map((n) => n.id)).toEqual(['bare', 'huge', 'odd']);
    expect(view.notes.items.odd).toMatchObject({ order: null, description: hostile });
    expect(view.notes.items.bare!.description).toBeUndefined();
    expect(view.notes.items.huge!.description).toHaveLength(100_000);
    expect(view.notes.skipped).toMatchObject({ count: 1, sample: expect.stringContaining('task') });

    // a move republishes the odd note with everything we do not understand, only its order changed
    expect((await alice.engine.edit(a, { op: 'moveNote', id: 'odd', index: 0 })).ok).toBe(true);
    let server = await serverNotes(room.owner, room.jid);
    expect(server.get('odd')!.xml).toBe(before.get('odd')!.xml.replace('order="abc"', `order="${server.get('odd')!.data.order}"`));
    expect(server.get('odd')!.xml).toContain('flag="x"');
    expect(server.get('odd')!.data.order).toBeGreaterThan(5);
    // an edit of the text keeps the rest byte for byte
    expect((await alice.engine.edit(a, { op: 'editNote', id: 'odd', description: 'Calm now' })).ok).toBe(true);
    server = await serverNotes(room.owner, room.jid);
    expect(server.get('odd')!.xml).toContain('<color xmlns="urn:example:color">red</color>');
    expect(server.get('odd')!.xml).toContain('flag="x"');
    expect(server.get('odd')!.data.description).toBe('Calm now');
    // the note without a text moves without gaining one
    expect((await alice.engine.edit(a, { op: 'moveNote', id: 'bare', index: 0 })).ok).toBe(true);
    expect((await serverNotes(room.owner, room.jid)).get('bare')!.xml).toMatch(
      /^<note order="\d+" xmlns="urn:peertube-plugin-livechat:note"\/>$/,
    );
    // the foreign item is still there, untouched
    expect(itemsOf(await room.owner.getItems(room.jid, NOTES)).map((i) => i.getAttribute('id'))).toContain('foreign');
  } finally {
    room.owner.close();
  }
});
