// Who may do what with a room's task nodes, and who hears about changes (docs/protocol.md §2).
import { describe, expect, it } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { child, errorOf, NS_PUBSUB } from '../../helpers/raw-client.ts';
import { eventsOf, openRoom, outcome, TASKS, taskXml } from './fixtures.ts';

const backend = backendForFile();

describe('notifications', () => {
  it('reach every subscribed owner and admin, the publisher included, with the publisher named', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin', carol: 'admin' });
    for (const client of Object.values(clients)) expect(outcome(await client.subscribe(room, TASKS))).toBe('result');

    const notified = Object.values(clients).map((client) =>
      client.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room),
    );
    expect(outcome(await alice.publish(room, TASKS, taskXml('Check sound')))).toBe('result');

    for (const message of await Promise.all(notified)) {
      expect(message.getAttribute('type')).toBe('headline');
      const item = child(child(child(message, 'event'), 'items'), 'item')!;
      expect(item.getAttribute('publisher')).toBe(alice.bareJid);
      expect(child(child(item, 'task'), 'name')?.textContent).toBe('Check sound');
    }
    closeAll();
  });

  it('go to the bare JID, so every connected session of a subscriber gets them', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bobElsewhere = await backend.connect('bob', 'second-device');
    await clients.bob!.subscribe(room, TASKS);
    const seenBySecond = bobElsewhere.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room);
    await alice.publish(room, TASKS, taskXml('Mic check'));
    expect((await seenBySecond).getAttribute('to')).toBe(bobElsewhere.bareJid);
    bobElsewhere.close();
    closeAll();
  });
});

describe.each(['member', 'none', 'outcast'] as const)('a user with affiliation %s', (affiliation) => {
  async function roomWithTask() {
    const setup = await openRoom(backend, { dave: affiliation });
    const published = await setup.alice.publish(setup.room, TASKS, taskXml('Secret'), 'task-1');
    expect(outcome(published)).toBe('result');
    return { ...setup, dave: setup.clients.dave! };
  }

  it('is forbidden to subscribe', async () => {
    const { room, dave, closeAll } = await roomWithTask();
    expect(outcome(await dave.subscribe(room, TASKS))).toBe('auth/forbidden');
    closeAll();
  });

  it('is forbidden to retrieve items', async () => {
    const { room, dave, closeAll } = await roomWithTask();
    const reply = await dave.getItems(room, TASKS);
    expect(outcome(reply)).toBe('auth/forbidden');
    expect(child(reply, 'pubsub', NS_PUBSUB)).toBeUndefined();
    closeAll();
  });

  it('is forbidden to publish, and nothing changes', async () => {
    const { room, alice, dave, closeAll } = await roomWithTask();
    expect(outcome(await dave.publish(room, TASKS, taskXml('Intruder')))).toBe('auth/forbidden');
    expect(outcome(await dave.publish(room, TASKS, taskXml('Overwrite'), 'task-1'))).toBe('auth/forbidden');
    const names = (await alice.getItems(room, TASKS)).getElementsByTagName('name');
    expect(Array.from(names).map((n) => n.textContent)).not.toContain('Intruder');
    expect(Array.from(names).map((n) => n.textContent)).toContain('Secret');
    closeAll();
  });

  it('is forbidden to retract, and the item stays', async () => {
    const { room, alice, dave, closeAll } = await roomWithTask();
    expect(outcome(await dave.retract(room, TASKS, 'task-1', '1'))).toBe('auth/forbidden');
    const ids = Array.from((await alice.getItems(room, TASKS)).getElementsByTagName('item')).map((i) => i.getAttribute('id'));
    expect(ids).toContain('task-1');
    closeAll();
  });
});

describe('a room that does not exist', () => {
  it('answers forbidden to subscribe, retrieve and publish, even for a user who owns other rooms', async () => {
    const alice = await backend.connect('alice');
    const missing = backend.newRoomJid();
    expect(outcome(await alice.subscribe(missing, TASKS))).toBe('auth/forbidden');
    expect(outcome(await alice.getItems(missing, TASKS))).toBe('auth/forbidden');
    expect(outcome(await alice.publish(missing, TASKS, taskXml('Nowhere')))).toBe('auth/forbidden');
    expect(outcome(await alice.retract(missing, TASKS, 'x', '1'))).toBe('auth/forbidden');
    alice.close();
  });
});

describe('publishers', () => {
  it('cannot delete or configure a node', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.subscribe(room, TASKS);
    const owner = 'http://jabber.org/protocol/pubsub#owner';
    expect(outcome(await alice.iqRaw('set', room, `<pubsub xmlns="${owner}"><delete node="${TASKS}"/></pubsub>`))).toBe('auth/forbidden');
    const form =
      '<x xmlns="jabber:x:data" type="submit"><field var="FORM_TYPE" type="hidden"><value>http://jabber.org/protocol/pubsub#node_config</value></field>' +
      '<field var="pubsub#max_items"><value>1</value></field></x>';
    expect(
      outcome(await alice.iqRaw('set', room, `<pubsub xmlns="${owner}"><configure node="${TASKS}">${form}</configure></pubsub>`)),
    ).toBe('auth/forbidden');
    expect(outcome(await alice.getItems(room, TASKS))).toBe('result');
    closeAll();
  });

  it('cannot change affiliations', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.subscribe(room, TASKS);
    const owner = 'http://jabber.org/protocol/pubsub#owner';
    const reply = await alice.iqRaw(
      'set',
      room,
      `<pubsub xmlns="${owner}"><affiliations node="${TASKS}"><affiliation jid="carol@localhost" affiliation="publisher"/></affiliations></pubsub>`,
    );
    expect(outcome(reply)).toBe('auth/forbidden');
    closeAll();
  });

  it('cannot subscribe another JID', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    expect(outcome(await alice.subscribe(room, TASKS, clients.bob!.bareJid))).toBe('auth/forbidden');
    closeAll();
  });

  it('get not-subscribed when unsubscribing without a subscription', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.publish(room, TASKS, taskXml('Creates the node'));
    const error = errorOf(await alice.unsubscribe(room, TASKS));
    expect(error).toMatchObject({ type: 'modify', condition: 'unexpected-request', pubsub: 'not-subscribed' });
    closeAll();
  });
});

describe('losing the right', () => {
  it('a demoted admin gets no more notifications and is forbidden from then on', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    expect(outcome(await bob.subscribe(room, TASKS))).toBe('result');
    await alice.setAffiliation(room, bob.bareJid, 'member');

    await alice.publish(room, TASKS, taskXml('After demotion'));
    await bob.sync();
    expect(eventsOf(bob, room)).toEqual([]);
    expect(outcome(await bob.getItems(room, TASKS))).toBe('auth/forbidden');
    expect(outcome(await bob.publish(room, TASKS, taskXml('Still here?')))).toBe('auth/forbidden');
    closeAll();
  });

  it('a demoted admin who is promoted again must subscribe again', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    await bob.subscribe(room, TASKS);
    await alice.setAffiliation(room, bob.bareJid, 'member');
    await alice.setAffiliation(room, bob.bareJid, 'admin');
    await alice.publish(room, TASKS, taskXml('Back again'));
    await bob.sync();
    expect(eventsOf(bob, room)).toEqual([]);
    closeAll();
  });

  it('an admin who leaves the room gets no more notifications', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    await bob.subscribe(room, TASKS);
    await bob.leaveRoom(room, 'bob');

    await alice.publish(room, TASKS, taskXml('After leaving'));
    await bob.sync();
    expect(eventsOf(bob, room)).toEqual([]);
    closeAll();
  });

  it('an admin keeps the subscription while another session of the same user stays in the room', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    const bobTwo = await backend.connect('bob', 'extension');
    await bobTwo.joinRoom(room, 'bob');
    await bob.subscribe(room, TASKS);
    await bobTwo.leaveRoom(room, 'bob');

    const notified = bob.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room);
    await alice.publish(room, TASKS, taskXml('Still subscribed'));
    expect((await notified).getAttribute('type')).toBe('headline');
    bobTwo.close();
    closeAll();
  });
});
