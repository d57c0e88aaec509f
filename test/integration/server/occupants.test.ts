// What the notes tie a participant by, as a livechat plugin instance's Prosody gives it:
// XEP-0421 occupant-ids (built into Prosody's mod_muc since 0.12, on by default) advertised and
// stamped by the room, and real JIDs shown to moderators only (semi-anonymous rooms).
import { describe, expect, it } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { NS_OCCUPANT_ID, occupantIdOf, realJidOf } from '../../helpers/raw-client.ts';
import { openRoom } from './fixtures.ts';

const backend = backendForFile();

// base64 of an HMAC-SHA256: 32 bytes, 44 characters ending in "=".
const OCCUPANT_ID = /^[A-Za-z0-9+/]{43}=$/;

describe('occupant-id (XEP-0421)', () => {
  it('the room advertises occupant-ids and that it is semi-anonymous', async () => {
    const { room, closeAll } = await openRoom(backend);
    const outsider = await backend.connect('erin');
    const features = await outsider.discoFeatures(room);
    expect(features).toEqual(expect.arrayContaining([NS_OCCUPANT_ID, 'muc_semianonymous']));
    expect(features).not.toContain('muc_nonanonymous');
    outsider.close();
    closeAll();
  });

  it("every presence carries one, the same for a user's sessions and rejoins, different between users", async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin', carol: 'none' });
    const carol = clients.carol!;
    await alice.sync();
    const seenByAlice = (nick: string) => occupantIdOf(alice.lastPresenceFrom(`${room}/${nick}`)!);
    const ids = { alice: seenByAlice('alice'), bob: seenByAlice('bob'), carol: seenByAlice('carol') };
    for (const id of Object.values(ids)) expect(id).toMatch(OCCUPANT_ID);
    expect(new Set(Object.values(ids)).size).toBe(3);
    // A participant sees the same ids as a moderator.
    await carol.sync();
    expect(occupantIdOf(carol.lastPresenceFrom(`${room}/bob`)!)).toBe(ids.bob);

    await carol.leaveRoom(room, 'carol');
    const carolElsewhere = await backend.connect('carol', 'second-device');
    expect(occupantIdOf(await carolElsewhere.joinRoom(room, 'carol-again'))).toBe(ids.carol);
    carolElsewhere.close();
    closeAll();
  });

  it("a forged occupant-id in a client's presence is replaced by the room's", async () => {
    const { room, closeAll } = await openRoom(backend);
    const dave = await backend.connect('dave');
    const occupant = `${room}/dave`;
    const joined = dave.waitFor((s) => s.localName === 'presence' && s.getAttribute('from') === occupant);
    dave.send(
      `<presence xmlns="jabber:client" to="${occupant}"><x xmlns="http://jabber.org/protocol/muc"/>` +
        `<occupant-id xmlns="${NS_OCCUPANT_ID}" id="forged"/></presence>`,
    );
    const ids = (await joined).getElementsByTagNameNS(NS_OCCUPANT_ID, 'occupant-id');
    expect(ids).toHaveLength(1);
    expect(ids[0]!.getAttribute('id')).toMatch(OCCUPANT_ID);
    dave.close();
    closeAll();
  });

  it("groupchat messages carry the author's occupant-id", async () => {
    const { room, clients, alice, closeAll } = await openRoom(backend, { carol: 'none' });
    await alice.sync();
    const carolId = occupantIdOf(alice.lastPresenceFrom(`${room}/carol`)!);
    expect(carolId).toMatch(OCCUPANT_ID);
    const message = alice.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === `${room}/carol`);
    clients.carol!.send(`<message xmlns="jabber:client" to="${room}" type="groupchat"><body>Hello</body></message>`);
    expect(occupantIdOf(await message)).toBe(carolId);
    closeAll();
  });
});

describe('real JIDs', () => {
  it("owners and admins (moderators) see each occupant's real JID; a plain participant sees none", async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin', carol: 'none' });
    const bob = clients.bob!;
    const carol = clients.carol!;
    await Promise.all([alice.sync(), bob.sync(), carol.sync()]);
    for (const moderator of [alice, bob]) expect(realJidOf(moderator.lastPresenceFrom(`${room}/carol`)!)).toBe(carol.jid);
    for (const nick of ['alice', 'bob']) expect(realJidOf(carol.lastPresenceFrom(`${room}/${nick}`)!)).toBeUndefined();
    closeAll();
  });
});
