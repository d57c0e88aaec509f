// How long a subscription lives, as in the livechat plugin's module: it is stored with the
// node, so an admin subscribed from outside the room keeps it while the room is empty and
// across a restart; it still ends when that user leaves the room or stops being owner/admin.
// These tests restart the server, so they have a backend of their own.
import { describe, expect, it } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { child, NS_PUBSUB, type RawXmppClient } from '../../helpers/raw-client.ts';
import { eventsOf, NOTES, outcome, TASKS, taskXml } from './fixtures.ts';

const backend = backendForFile();

/**
 * A room owned by alice with bob as admin, where alice is subscribed to both nodes without
 * being in the room (she joined to create it, then left), and bob is the only occupant.
 */
async function aliceSubscribedFromOutside(otherAdmins: string[] = []) {
  const room = backend.newRoomJid();
  const alice = await backend.connect('alice');
  const bob = await backend.connect('bob');
  await alice.joinRoom(room, 'alice');
  for (const jid of [bob.bareJid, ...otherAdmins]) await alice.setAffiliation(room, jid, 'admin');
  await bob.joinRoom(room, 'bob');
  await alice.leaveRoom(room, 'alice');
  expect(outcome(await alice.subscribe(room, TASKS))).toBe('result');
  expect(outcome(await alice.subscribe(room, NOTES))).toBe('result');
  return { room, alice, bob };
}

/** Names of the tasks whose publication `client` was notified of by `room`. */
function notifiedTaskNames(client: RawXmppClient, room: string): string[] {
  return eventsOf(client, room).flatMap((items) => Array.from(items.getElementsByTagName('name')).map((n) => n.textContent ?? ''));
}

/** bob (re)joins the room and publishes a task; resolves once the publish is acknowledged. */
async function bobPublishes(bob: RawXmppClient, room: string, name: string): Promise<void> {
  await bob.joinRoom(room, 'bob');
  expect(outcome(await bob.publish(room, TASKS, taskXml(name)))).toBe('result');
}

describe('a subscription of an admin outside the room', () => {
  it("is kept when the room's last occupant leaves: a later publish notifies the admin once", async () => {
    const { room, alice, bob } = await aliceSubscribedFromOutside();
    await bob.leaveRoom(room, 'bob'); // the room is empty now

    const notified = alice.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room);
    await bobPublishes(bob, room, 'After the room emptied');
    expect((await notified).getAttribute('type')).toBe('headline');
    await alice.sync();
    expect(notifiedTaskNames(alice, room)).toEqual(['After the room emptied']);
    alice.close();
    bob.close();
  });

  it('still ends when that admin joins and leaves the emptied room', async () => {
    const { room, alice, bob } = await aliceSubscribedFromOutside();
    await bob.leaveRoom(room, 'bob');
    await alice.joinRoom(room, 'alice');
    await alice.leaveRoom(room, 'alice');

    await bobPublishes(bob, room, 'After alice left');
    await alice.sync();
    expect(eventsOf(alice, room)).toEqual([]);
    alice.close();
    bob.close();
  });

  it("is kept across a restart, for both nodes: publishes notify the admin's new session", async () => {
    const { room, alice, bob } = await aliceSubscribedFromOutside();
    alice.close();
    bob.close();
    await backend.restart();

    const aliceAgain = await backend.connect('alice');
    const bobAgain = await backend.connect('bob');
    // Listed among her subscriptions, although she has not subscribed since the restart.
    const listed = await aliceAgain.iq('get', room, `<pubsub xmlns="${NS_PUBSUB}"><subscriptions/></pubsub>`);
    const subscriptions = Array.from(child(child(listed, 'pubsub', NS_PUBSUB), 'subscriptions')!.getElementsByTagName('subscription'));
    expect(subscriptions.map((s) => [s.getAttribute('node'), s.getAttribute('jid')]).sort()).toEqual([
      [NOTES, aliceAgain.bareJid],
      [TASKS, aliceAgain.bareJid],
    ]);

    const notified = aliceAgain.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room);
    await bobPublishes(bobAgain, room, 'After the restart');
    expect((await notified).getAttribute('type')).toBe('headline');
    const note = '<note xmlns="urn:peertube-plugin-livechat:note" order="1"><description>After the restart</description></note>';
    expect(outcome(await bobAgain.publish(room, NOTES, note))).toBe('result');
    await aliceAgain.sync(); // the notification, sent before the publish was acknowledged, is in
    expect(notifiedTaskNames(aliceAgain, room)).toEqual(['After the restart']);
    expect(eventsOf(aliceAgain, room, NOTES)).toHaveLength(1);
    aliceAgain.close();
    bobAgain.close();
  });

  it('still ends after a restart when the admin is demoted, and promoting again does not bring it back', async () => {
    // dave, an admin subscribed from outside too, is the one demoted.
    const dave = await backend.connect('dave');
    const { room, alice, bob } = await aliceSubscribedFromOutside([dave.bareJid]);
    expect(outcome(await dave.subscribe(room, TASKS))).toBe('result');
    alice.close();
    bob.close();
    dave.close();
    await backend.restart();

    const aliceAgain = await backend.connect('alice');
    const bobAgain = await backend.connect('bob');
    const daveAgain = await backend.connect('dave');
    // Nobody has used the room's nodes since the restart when the demotion happens.
    await aliceAgain.setAffiliation(room, daveAgain.bareJid, 'member');
    await aliceAgain.setAffiliation(room, daveAgain.bareJid, 'admin');

    const aliceNotified = aliceAgain.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room);
    await bobPublishes(bobAgain, room, 'After the demotion');
    await aliceNotified; // alice's subscription is untouched: the publish did go out
    await daveAgain.sync();
    expect(eventsOf(daveAgain, room)).toEqual([]);
    aliceAgain.close();
    bobAgain.close();
    daveAgain.close();
  });
});
