// The moderator notes node (`livechat-notes`) beside the tasks, as the livechat plugin's module
// serves it: the same rights (owners and admins only) and the same node settings; the payload
// is whatever the official client publishes, kept as it is. The raw client speaks here as the
// official client does: a note about a participant carries the participant's real bare JID
// and nickname and the occupant-id the room stamped on the participant's presence.
import { describe, expect, it } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import {
  child,
  children,
  itemsOf,
  NS_OCCUPANT_ID,
  NS_PUBSUB,
  occupantIdOf,
  publishedId,
  realJidOf,
  xmlEscape,
} from '../../helpers/raw-client.ts';
import { eventsOf, NOTES, openRoom, outcome, TASKS, UUID_V4 } from './fixtures.ts';

const NS_NOTE = 'urn:peertube-plugin-livechat:note';
const NS_PUBSUB_OWNER = 'http://jabber.org/protocol/pubsub#owner';

const backend = backendForFile();

/** A note as the official client serializes it (`note-about` after `description`, in the note namespace). */
function noteXml(order: number, description: string, about?: { jid?: string; nick?: string; occupantId?: string }): string {
  let aboutXml = '';
  if (about) {
    const attributes = [about.jid && ` jid="${xmlEscape(about.jid)}"`, about.nick && ` nick="${xmlEscape(about.nick)}"`]
      .filter(Boolean)
      .join('');
    const occupantId = about.occupantId ? `<occupant-id xmlns="${NS_OCCUPANT_ID}" id="${xmlEscape(about.occupantId)}"/>` : '';
    aboutXml = `<note-about${attributes}>${occupantId}</note-about>`;
  }
  return `<note xmlns="${NS_NOTE}" order="${order}"><description>${xmlEscape(description)}</description>${aboutXml}</note>`;
}

describe('a note in the official format', () => {
  it('about a participant, published by one admin, reaches another admin as it was written', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin', carol: 'none' });
    const bob = clients.bob!;
    for (const client of [alice, bob]) expect(outcome(await client.subscribe(room, NOTES))).toBe('result');
    // What alice, a moderator, knows about carol from carol's presence in the room.
    await alice.sync();
    const carolPresence = alice.lastPresenceFrom(`${room}/carol`)!;
    const carol = { jid: realJidOf(carolPresence)!.split('/')[0]!, nick: 'carol', occupantId: occupantIdOf(carolPresence)! };
    expect(carol.jid).toBe(clients.carol!.bareJid);
    expect(carol.occupantId).toBeTruthy();

    const description = 'Posted the same link three times\nand "asked" <nicely> to be unbanned & more';
    const notified = bob.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room);
    const published = await alice.publish(room, NOTES, noteXml(4, description, carol));
    expect(outcome(published)).toBe('result');
    const id = publishedId(published)!;
    expect(id).toMatch(UUID_V4);

    const item = child(child(child(await notified, 'event'), 'items'), 'item')!;
    expect(item.getAttribute('id')).toBe(id);
    expect(item.getAttribute('publisher')).toBe(alice.bareJid);
    for (const received of [item, itemsOf(await bob.getItems(room, NOTES))[0]!]) {
      const note = child(received, 'note', NS_NOTE)!;
      expect(note.getAttribute('order')).toBe('4');
      expect(children(note).map((e) => `${e.namespaceURI} ${e.localName}`)).toEqual([`${NS_NOTE} description`, `${NS_NOTE} note-about`]);
      expect(child(note, 'description')!.textContent).toBe(description);
      const about = child(note, 'note-about', NS_NOTE)!;
      expect([about.getAttribute('jid'), about.getAttribute('nick')]).toEqual([carol.jid, 'carol']);
      expect(child(about, 'occupant-id', NS_OCCUPANT_ID)!.getAttribute('id')).toBe(carol.occupantId);
    }
    closeAll();
  });

  it('edited and deleted by another admin: the author sees the new text, then the retraction', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    expect(outcome(await alice.subscribe(room, NOTES))).toBe('result');
    const id = publishedId(await alice.publish(room, NOTES, noteXml(1, 'Asked to be unbanned', { nick: 'Mickey' })))!;

    expect(outcome(await bob.publish(room, NOTES, noteXml(1, 'Asked twice to be unbanned', { nick: 'Mickey' }), id))).toBe('result');
    expect(outcome(await bob.retract(room, NOTES, id, '1'))).toBe('result');
    await alice.sync();
    const [, edit, retraction] = eventsOf(alice, room, NOTES);
    expect(child(child(child(edit, 'item')!, 'note', NS_NOTE), 'description')?.textContent).toBe('Asked twice to be unbanned');
    expect(child(retraction, 'retract')?.getAttribute('id')).toBe(id);
    expect(itemsOf(await alice.getItems(room, NOTES))).toEqual([]);
    closeAll();
  });
});

describe('rights on the notes', () => {
  it.each(['none', 'member'] as const)(
    'a participant with affiliation %s in the room is refused everything, and learns nothing',
    async (affiliation) => {
      const { room, alice, clients, closeAll } = await openRoom(backend, { carol: affiliation });
      const carol = clients.carol!;
      expect(outcome(await alice.subscribe(room, NOTES))).toBe('result');
      const id = publishedId(await alice.publish(room, NOTES, noteXml(1, 'Only for moderators')))!;

      expect(outcome(await carol.subscribe(room, NOTES))).toBe('auth/forbidden');
      const retrieval = await carol.getItems(room, NOTES);
      expect(outcome(retrieval)).toBe('auth/forbidden');
      expect(child(retrieval, 'pubsub', NS_PUBSUB)).toBeUndefined();
      expect(outcome(await carol.publish(room, NOTES, noteXml(2, 'Sneaky')))).toBe('auth/forbidden');
      expect(outcome(await carol.publish(room, NOTES, noteXml(1, 'Overwritten'), id))).toBe('auth/forbidden');
      expect(outcome(await carol.retract(room, NOTES, id, '1'))).toBe('auth/forbidden');

      const descriptions = itemsOf(await alice.getItems(room, NOTES)).map((item) => child(child(item, 'note'), 'description')?.textContent);
      expect(descriptions).toEqual(['Only for moderators']);
      await alice.sync();
      expect(eventsOf(alice, room, NOTES)).toHaveLength(1); // alice's own note, nothing else
      closeAll();
    },
  );
});

describe('the notes node', () => {
  it('has the same settings as the tasks node: 5,000 items, persisted, whitelist, last item never sent', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.subscribe(room, TASKS);
    await alice.subscribe(room, NOTES);
    const settings = async (node: string) => {
      const reply = await alice.iq('get', room, `<pubsub xmlns="${NS_PUBSUB_OWNER}"><configure node="${node}"/></pubsub>`);
      const fields = Array.from(reply.getElementsByTagName('field'));
      return Object.fromEntries(
        fields
          .filter((f) => f.getAttribute('var')?.startsWith('pubsub#'))
          .map((f) => [
            f.getAttribute('var'),
            children(f, 'value')
              .map((v) => v.textContent)
              .join(' '),
          ]),
      );
    };
    const notes = await settings(NOTES);
    expect(notes).toMatchObject({
      'pubsub#max_items': '5000',
      'pubsub#persist_items': expect.stringMatching(/^(1|true)$/),
      'pubsub#access_model': 'whitelist',
      'pubsub#send_last_published_item': 'never',
    });
    expect(notes).toEqual(await settings(TASKS));
    closeAll();
  });
});
