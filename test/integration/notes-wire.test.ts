// Moderator notes on the wire, against the real backend: what a moderator's
// presences carry (real JID, occupant-id), notes published by a raw client in
// the official client's format read by our codec, and our republishes read
// back by it (docs/protocol.md §9). The sync engine is not involved yet.
import { describe, expect, it } from 'vitest';
import { aboutParticipant, notesAbout, participantOf, resolveAbout } from '../../src/core/notes/about';
import { parseNoteItem, serializeNote } from '../../src/core/notes/codec';
import { dropNote, nextOrder, sortNotes } from '../../src/core/notes/order';
import type { Note, Participant } from '../../src/core/notes/types';
import { parseMucPresence } from '../../src/core/stanzas';
import { backendForFile } from '../helpers/backend-for-file.ts';
import { children, itemsOf, publishedId, type RawXmppClient } from '../helpers/raw-client.ts';
import { NOTES, openRoom } from './server/fixtures.ts';
import { officialNotePayload, officialReadNote } from '../unit/core/notes-official.ts';

const backend = backendForFile();

/** `client` joins `room` as `nick`; resolves with the participant `observer` (already in) sees. */
async function joinSeenBy(observer: RawXmppClient, client: RawXmppClient, room: string, nick: string): Promise<Participant> {
  const seen = observer.waitFor(
    (s) => s.localName === 'presence' && s.getAttribute('from') === `${room}/${nick}` && !s.getAttribute('type'),
  );
  await client.joinRoom(room, nick);
  return participantOf(parseMucPresence(await seen)!);
}

async function notesOf(client: RawXmppClient, room: string): Promise<Note[]> {
  return itemsOf(await client.getItems(room, NOTES)).map((item) => {
    const parsed = parseNoteItem(item);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.note;
  });
}

describe('presences: what a moderator learns of a participant', () => {
  it('an owner sees the real JID and the occupant-id; a plain participant only the occupant-id', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const carol = await backend.connect('carol');
    clients.carol = carol;
    const carolSeenByAlice = await joinSeenBy(alice, carol, room, 'carol');
    expect(carolSeenByAlice).toEqual({ nick: 'carol', jid: 'carol@localhost', occupantId: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });

    const dave = await backend.connect('dave');
    clients.dave = dave;
    const seenByCarol = carol.waitFor((s) => s.localName === 'presence' && s.getAttribute('from') === `${room}/dave`);
    const daveSeenByAlice = await joinSeenBy(alice, dave, room, 'dave');
    const daveSeenByCarol = participantOf(parseMucPresence(await seenByCarol)!);
    expect(daveSeenByCarol).toEqual({ nick: 'dave', occupantId: daveSeenByAlice.occupantId });
    // the room gives one id per person: the same to every observer, another for another person
    expect(daveSeenByAlice.occupantId).not.toBe(carolSeenByAlice.occupantId);
    closeAll();
  });
});

describe('notes: the official format and ours on the same node', () => {
  it('a note published as the official client writes it is read here, tied to the participant; our edit is read there', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const carol = await backend.connect('carol');
    clients.carol = carol;
    const carolSeen = await joinSeenBy(alice, carol, room, 'carol');

    // alice's client is the official one: a note about carol, then one about no one
    const about = aboutParticipant(carolSeen)!;
    const first = publishedId(
      await alice.publish(
        room,
        NOTES,
        officialNotePayload({
          description: 'Asked twice about the glue',
          order: 1,
          about_jid: about.jid,
          about_nick: about.nick,
          about_occupant_id: about.occupantId,
        }),
      ),
    );
    await alice.publish(room, NOTES, officialNotePayload({ description: 'Pin the reminder', order: 2 }));

    // bob reads them with our codec, and finds carol among the participants he sees
    const bobNotes = sortNotes(await notesOf(clients.bob!, room));
    expect(bobNotes.map((n) => n.description)).toEqual(['Pin the reminder', 'Asked twice about the glue']);
    const present = [carolSeen];
    expect(resolveAbout(bobNotes[1]!.about, present)).toBe(carolSeen);
    expect(notesAbout(bobNotes, carolSeen, present).map((n) => n.id)).toEqual([first]);

    // bob edits the note and creates one about carol, with our serializer
    await clients.bob!.publish(room, NOTES, serializeNote({ ...bobNotes[1]!, description: 'Answered about the glue' }), first);
    await clients.bob!.publish(room, NOTES, serializeNote({ id: '', order: nextOrder(bobNotes), description: 'Likes cedar', about }));

    // alice, the official client, reads what it always reads
    const items = itemsOf(await alice.getItems(room, NOTES));
    const official = items.map((item) => ({ id: item.getAttribute('id'), ...officialReadNote(children(item)[0]!) }));
    expect(official.sort((a, b) => a.order! - b.order!)).toEqual([
      {
        id: first,
        description: 'Answered about the glue',
        order: 1,
        about_jid: 'carol@localhost',
        about_nick: 'carol',
        about_occupant_id: about.occupantId,
      },
      { id: expect.any(String), description: 'Pin the reminder', order: 2 },
      {
        id: expect.any(String),
        description: 'Likes cedar',
        order: 3,
        about_jid: 'carol@localhost',
        about_nick: 'carol',
        about_occupant_id: about.occupantId,
      },
    ]);
    closeAll();
  });

  it("unknown and odd parts of another client's note survive our renumbering", async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const odd = `<note xmlns="urn:peertube-plugin-livechat:note" order="abc" color="red"><description>a<b>bold</b> text</description><note-about nick="M" extra="1"/><due>tomorrow</due></note>`;
    const oddId = publishedId(await alice.publish(room, NOTES, odd))!;
    await alice.publish(room, NOTES, officialNotePayload({ description: 'plain', order: 1 }));

    const shown = sortNotes(await notesOf(clients.bob!, room));
    const plain = shown.find((n) => n.id !== oddId)!;
    // bob drags the plain note below the odd one: the odd note (no number) is renumbered
    const changes = dropNote(shown, plain.id, oddId, false);
    expect(changes.map((c) => c.id)).toEqual([oddId, plain.id]);
    for (const change of changes) {
      const note = shown.find((n) => n.id === change.id)!;
      await clients.bob!.publish(room, NOTES, serializeNote({ ...note, order: change.order }), note.id);
    }

    const after = await notesOf(alice, room);
    const oddAfter = after.find((n) => n.id === oddId)!;
    expect(oddAfter).toMatchObject({ order: changes[0]!.order, description: 'abold text', about: { nick: 'M' } });
    expect(oddAfter.unknown).toEqual({ attrs: { color: 'red' }, children: ['<due>tomorrow</due>'] });
    expect(oddAfter.kept?.description?.xml).toBe('<description>a<b>bold</b> text</description>');
    expect(oddAfter.kept?.about?.xml).toMatch(/^<note-about (?=.*nick="M")(?=.*extra="1")[^>]*\/>$/);
    expect(sortNotes(after).map((n) => n.id)).toEqual([oddId, plain.id]);
    closeAll();
  });
});
