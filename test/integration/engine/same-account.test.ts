// The official in-chat Task App and our extension are two clients of the same
// user: subscriptions are per bare JID and the server drops them when that
// user's occupant leaves the room (docs/protocol.md §2). Both must keep receiving
// notifications whatever the other does. The in-chat app is played by the
// independent raw client, joined as the same occupant (same nickname).
import { expect, test, vi } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { NS_PUBSUB_EVENT, type RawXmppClient } from '../../helpers/raw-client';
import { addUser, makeEngine, moderatedRoom, openLive, taskNamed, waitForView } from './harness';
import { LINGER_MS } from '../../../src/background/engine/room-link';

vi.mock('strophe.js', () => import('./strophe-browser'));

const backend = backendForFile();

const NS_TASK = 'urn:peertube-plugin-livechat:task';
const task = (name: string) => `<task xmlns="${NS_TASK}" list="l" order="1"><name>${name}</name></task>`;

/** Resolves when `client` receives the notification of item `id`. */
const notified = (client: RawXmppClient, id: string) =>
  client.waitFor(
    (s) =>
      s.localName === 'message' &&
      [...(s.getElementsByTagNameNS(NS_PUBSUB_EVENT, 'item') as unknown as Element[])].some((i) => i.getAttribute('id') === id),
  );

test('the in-chat app of the same user coming and going does not stop our notifications', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const alice = makeEngine();
  try {
    const ref = { account: await addUser(alice, backend, 'alice'), jid: room.jid };
    // the in-chat app is there first, subscribed, as the same occupant
    const inChat = await backend.connect('alice');
    await inChat.joinRoom(room.jid, 'alice');
    await inChat.subscribe(room.jid, 'livechat-tasks');
    await openLive(alice, ref);
    const stop = alice.engine.watch(ref, () => {});

    await inChat.leaveRoom(room.jid, 'alice');
    inChat.close();
    await room.owner.publish(room.jid, 'livechat-tasks', task('After the chat left'), 't1');
    await waitForView(alice.engine, ref, (v) => !!taskNamed(v, 'After the chat left'));

    // it comes back (page reload) and leaves again
    const again = await backend.connect('alice');
    await again.joinRoom(room.jid, 'alice');
    await again.subscribe(room.jid, 'livechat-tasks');
    await again.leaveRoom(room.jid, 'alice');
    again.close();
    await room.owner.publish(room.jid, 'livechat-tasks', task('After the reload'), 't2');
    await waitForView(alice.engine, ref, (v) => !!taskNamed(v, 'After the reload'));
    // and one more, well after any resync we did on its presence: a live notification
    await room.owner.publish(room.jid, 'livechat-tasks', task('Much later'), 't3');
    const view = await waitForView(alice.engine, ref, (v) => !!taskNamed(v, 'Much later'));
    expect(view.status).toBe('live');
    stop();
  } finally {
    await alice.close();
    room.owner.close();
  }
});

test('our extension coming and going does not stop the in-chat app getting notifications', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const inChat = await backend.connect('alice');
  try {
    await inChat.joinRoom(room.jid, 'alice');
    expect((await inChat.subscribe(room.jid, 'livechat-tasks')).getAttribute('type')).toBe('result');

    const alice = makeEngine();
    const ref = { account: await addUser(alice, backend, 'alice'), jid: room.jid };
    await openLive(alice, ref);
    const seen = notified(inChat, 'x1');
    await room.owner.publish(room.jid, 'livechat-tasks', task('While both are in'), 'x1');
    await seen;
    // the extension goes away (worker stopped, browser closed…)
    await alice.close();
    await inChat.sync();

    const stillSeen = notified(inChat, 'x2');
    await room.owner.publish(room.jid, 'livechat-tasks', task('After the extension left'), 'x2');
    await stillSeen;
  } finally {
    inChat.close();
    room.owner.close();
  }
});

test('our extension leaves the room a while after the last view closed; the in-chat app keeps its notifications', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const inChat = await backend.connect('alice');
  // the engine's clock, moved forward instead of waiting a minute
  let skew = 0;
  const alice = makeEngine(undefined, () => Date.now() + skew);
  try {
    await inChat.joinRoom(room.jid, 'alice');
    await inChat.subscribe(room.jid, 'livechat-tasks');
    const ref = { account: await addUser(alice, backend, 'alice'), jid: room.jid };
    await openLive(alice, ref);
    const stop = alice.engine.watch(ref, () => {});
    stop();
    // still joined right after the view closed (a reload would come back at once)
    alice.engine.tick();
    expect(alice.engine.view(ref)!.status).toBe('live');

    skew = LINGER_MS + 1_000;
    alice.engine.tick();
    expect(alice.engine.view(ref)!.status).toBe('offline');
    // the occupant stays (the in-chat session), so carol sees no one leave; the subscription holds
    const seen = notified(inChat, 'y1');
    await room.owner.publish(room.jid, 'livechat-tasks', task('After the extension left the room'), 'y1');
    await seen;

    // a view opens again: rejoined, and what changed meanwhile is there
    const back = await waitForView(alice.engine, ref, (v) => v.status === 'live' && !!taskNamed(v, 'After the extension left the room'));
    expect(back.rights).toBe('moderator');
  } finally {
    await alice.close();
    inChat.close();
    room.owner.close();
  }
});

test("another user holding the user's nickname in the room does not keep us out", async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const impostor = await backend.connect('frank');
  const alice = makeEngine();
  try {
    await impostor.joinRoom(room.jid, 'alice');
    const ref = { account: await addUser(alice, backend, 'alice'), jid: room.jid };
    const view = await openLive(alice, ref);
    expect(view.rights).toBe('moderator');
    const isOurs = (s: Element) => s.localName === 'presence' && s.getAttribute('from') === `${room.jid}/alice (tasks)`;
    if (!room.owner.received.some(isOurs)) await room.owner.waitFor(isOurs);
  } finally {
    await alice.close();
    impostor.close();
    room.owner.close();
  }
});
