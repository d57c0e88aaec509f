// Who is in the room, from its presences (room-occupants.ts): what the notes
// tie a note to a participant by.
import { describe, expect, test } from 'vitest';
import { RoomOccupants } from '../../../src/background/engine/room-occupants';
import { parseMucPresence } from '../../../src/core/stanzas';
import { parseXml } from '../core/helpers';

const ROOM = 'room@muc.example.org';
const OCC = 'OWeFk4ma/YsVlwDiniixvq0+i2bM5NHtPpkw3gqNoxE=';

function presence(nick: string, extra: { type?: string; jid?: string; occupantId?: string; status?: string; newNick?: string } = {}) {
  const type = extra.type ? ` type="${extra.type}"` : '';
  const jid = extra.jid ? ` jid="${extra.jid}"` : '';
  const newNick = extra.newNick ? ` nick="${extra.newNick}"` : '';
  const status = extra.status ? `<status code="${extra.status}"/>` : '';
  const occupantId = extra.occupantId ? `<occupant-id xmlns="urn:xmpp:occupant-id:0" id="${extra.occupantId}"/>` : '';
  return parseMucPresence(
    parseXml(
      `<presence xmlns="jabber:client" from="${ROOM}/${nick}"${type}><x xmlns="http://jabber.org/protocol/muc#user"><item affiliation="none" role="participant"${jid}${newNick}/>${status}</x>${occupantId}</presence>`,
    ),
  )!;
}

describe('the room occupants', () => {
  test('come with their real bare JID and occupant-id when the room gives them, and leave', () => {
    const occupants = new RoomOccupants();
    expect(occupants.seen(presence('dave', { jid: 'dave@example.org/converse-1', occupantId: OCC }))).toBe(true);
    expect(occupants.seen(presence('erin'))).toBe(true);
    expect(occupants.current).toEqual({ dave: { nick: 'dave', jid: 'dave@example.org', occupantId: OCC }, erin: { nick: 'erin' } });
    expect(occupants.seen(presence('erin', { type: 'unavailable' }))).toBe(true);
    expect(Object.keys(occupants.current)).toEqual(['dave']);
  });

  test('a presence that changes nothing (a status message) keeps the same record, for views that compare by reference', () => {
    const occupants = new RoomOccupants();
    occupants.seen(presence('dave', { occupantId: OCC }));
    const before = occupants.current;
    expect(occupants.seen(presence('dave', { occupantId: OCC }))).toBe(false);
    expect(occupants.current).toBe(before);
    expect(occupants.seen(presence('nobody', { type: 'unavailable' }))).toBe(false);
  });

  test('a nickname change is the old nickname leaving and the new one coming, with the same occupant-id', () => {
    const occupants = new RoomOccupants();
    occupants.seen(presence('dave', { occupantId: OCC }));
    occupants.seen(presence('dave', { type: 'unavailable', status: '303', newNick: 'david', occupantId: OCC }));
    occupants.seen(presence('david', { occupantId: OCC }));
    expect(occupants.current).toEqual({ david: { nick: 'david', occupantId: OCC } });
  });

  test('a nickname such as "__proto__" is a nickname like any other; leaving the room forgets everyone', () => {
    const occupants = new RoomOccupants();
    occupants.seen(presence('__proto__'));
    expect(Object.keys(occupants.current)).toEqual(['__proto__']);
    expect(occupants.clear()).toBe(true);
    expect(occupants.current).toEqual({});
    expect(occupants.clear()).toBe(false);
  });
});
