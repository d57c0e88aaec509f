// Node life and items: creation, publish, replace, retract, bad items, room destruction,
// discovery (docs/protocol.md §1, §3, §4, §5).
import { describe, expect, it } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { child, children, errorOf, itemsOf, publishedId } from '../../helpers/raw-client.ts';
import { BoshClient } from './bosh.ts';
import { passwordOf } from '../../helpers/backend.ts';
import { eventsOf, namesOf, NOTES, openRoom, outcome, TASKS, tasklistXml, taskXml, UUID_V4 } from './fixtures.ts';

const backend = backendForFile();

describe('discovery', () => {
  it('the room announces the task, task list and note features, and no pubsub features', async () => {
    const { room, closeAll } = await openRoom(backend);
    const outsider = await backend.connect('erin');
    const features = await outsider.discoFeatures(room);
    expect(features).toEqual(
      expect.arrayContaining([
        'urn:peertube-plugin-livechat:tasklist',
        'urn:peertube-plugin-livechat:task',
        'urn:peertube-plugin-livechat:note',
      ]),
    );
    expect(features.filter((f) => f.startsWith('http://jabber.org/protocol/pubsub'))).toEqual([]);
    outsider.close();
    closeAll();
  });
});

describe('node creation', () => {
  it('the first subscription creates the node with a task list named after the room, without notification', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.setRoomName(room, 'Stream prep');
    expect(outcome(await alice.subscribe(room, TASKS))).toBe('result');

    const items = itemsOf(await alice.getItems(room, TASKS));
    expect(items).toHaveLength(1);
    const tasklist = child(items[0], 'tasklist', 'urn:peertube-plugin-livechat:tasklist');
    expect(child(tasklist, 'name')?.textContent).toBe('Stream prep');
    expect(items[0]!.getAttribute('id')).toMatch(UUID_V4);
    await alice.sync();
    expect(eventsOf(alice, room)).toEqual([]);
    closeAll();
  });

  it('a room without a name gives its first task list the room address name', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.subscribe(room, TASKS);
    expect(namesOf(await alice.getItems(room, TASKS)).map(([, name]) => name)).toEqual([room.split('@')[0]]);
    closeAll();
  });

  it('the first publish also creates the node, with the first task list before the published item', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.setRoomName(room, 'Channel');
    await alice.publish(room, TASKS, taskXml('First task'));
    expect(namesOf(await alice.getItems(room, TASKS)).map(([, name]) => name)).toEqual(['Channel', 'First task']);
    closeAll();
  });

  it('subscribing again does not add a second task list', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.subscribe(room, TASKS);
    await alice.subscribe(room, TASKS);
    expect(itemsOf(await alice.getItems(room, TASKS))).toHaveLength(1);
    closeAll();
  });

  it('retrieving from a node nobody created yet answers item-not-found', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    expect(outcome(await alice.getItems(room, TASKS))).toBe('cancel/item-not-found');
    closeAll();
  });

  it('the notes node holds notes and gets no first task list', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.subscribe(room, NOTES);
    const note = '<note xmlns="urn:peertube-plugin-livechat:note" about="bob@localhost"><description>Helpful</description></note>';
    const notified = alice.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room);
    expect(outcome(await alice.publish(room, NOTES, note))).toBe('result');
    await notified;
    const items = itemsOf(await alice.getItems(room, NOTES));
    expect(items.map((item) => children(item)[0]!.localName)).toEqual(['note']);
    closeAll();
  });
});

describe('publishing', () => {
  it('an item without id gets a server-generated UUIDv4, returned and notified', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.subscribe(room, TASKS);
    const notified = alice.waitFor((s) => s.localName === 'message' && s.getAttribute('from') === room);
    const id = publishedId(await alice.publish(room, TASKS, taskXml('New task')));
    expect(id).toMatch(UUID_V4);
    expect(child(child(child(await notified, 'event'), 'items'), 'item')?.getAttribute('id')).toBe(id);
    closeAll();
  });

  it('an item with an existing id replaces it', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.publish(room, TASKS, taskXml('Check sound'), 'task-a');
    await alice.publish(room, TASKS, tasklistXml('Other list'), 'list-b');
    expect(publishedId(await alice.publish(room, TASKS, taskXml('Check sound and light'), 'task-a'))).toBe('task-a');

    const named = namesOf(await alice.getItems(room, TASKS)).filter(([id]) => id === 'task-a');
    expect(named).toEqual([['task-a', 'Check sound and light']]);
    closeAll();
  });

  it('items come back oldest first, and max_items gives the newest ones', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    for (const name of ['one', 'two', 'three']) await alice.publish(room, TASKS, taskXml(name), name);
    const all = namesOf(await alice.getItems(room, TASKS)).map(([id]) => id);
    expect(all.slice(1)).toEqual(['one', 'two', 'three']);
    expect(namesOf(await alice.getItems(room, TASKS, 2)).map(([id]) => id)).toEqual(['two', 'three']);
    closeAll();
  });

  it('a BOSH session gets the same items, in the same order, as a WebSocket session', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.publish(room, TASKS, taskXml('One & <two>'), 'one');
    await alice.publish(room, TASKS, tasklistXml('List'), 'list');
    const overWebSocket = namesOf(await alice.getItems(room, TASKS));

    const bosh = await BoshClient.login(backend.boshUrl, backend.domain, 'alice', passwordOf('alice'));
    const reply = await bosh.iq('get', room, `<pubsub xmlns="http://jabber.org/protocol/pubsub"><items node="${TASKS}"/></pubsub>`);
    expect(namesOf(reply)).toEqual(overWebSocket);
    expect(overWebSocket.slice(1)).toEqual([
      ['one', 'One & <two>'],
      ['list', 'List'],
    ]);
    await bosh.close();
    closeAll();
  });

  it.each([
    ['no child element', ''],
    ['two child elements', taskXml('a') + taskXml('b')],
    ['only text', 'just text'],
  ])('an item with %s is refused as invalid and nothing is stored', async (_, payload) => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.publish(room, TASKS, taskXml('Existing'), 'existing');
    const before = namesOf(await alice.getItems(room, TASKS));

    const error = errorOf(await alice.publish(room, TASKS, payload, 'existing'));
    expect(error).toMatchObject({ type: 'modify', condition: 'bad-request', text: 'invalid item' });
    expect(namesOf(await alice.getItems(room, TASKS))).toEqual(before);
    closeAll();
  });

  it('a publish without an item is refused as invalid and creates no node', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    const reply = await alice.iqRaw('set', room, `<pubsub xmlns="http://jabber.org/protocol/pubsub"><publish node="${TASKS}"/></pubsub>`);
    expect(errorOf(reply)).toMatchObject({ type: 'modify', condition: 'bad-request', text: 'invalid item' });
    expect(outcome(await alice.getItems(room, TASKS))).toBe('cancel/item-not-found');
    closeAll();
  });

  it('a publish without a node name is refused with nodeid-required', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    const reply = await alice.iqRaw(
      'set',
      room,
      `<pubsub xmlns="http://jabber.org/protocol/pubsub"><publish><item>${taskXml('x')}</item></publish></pubsub>`,
    );
    expect(errorOf(reply)).toMatchObject({ type: 'modify', condition: 'bad-request', pubsub: 'nodeid-required' });
    closeAll();
  });
});

describe('retracting', () => {
  it.each(['1', 'true'])('with notify="%s" removes the item and notifies', async (notify) => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    await bob.subscribe(room, TASKS);
    await alice.publish(room, TASKS, taskXml('Doomed'), 'doomed');
    const notified = bob.waitFor((s) => s.localName === 'message' && child(child(child(s, 'event'), 'items'), 'retract') !== undefined);

    expect(outcome(await alice.retract(room, TASKS, 'doomed', notify))).toBe('result');
    expect(child(child(child(await notified, 'event'), 'items'), 'retract')?.getAttribute('id')).toBe('doomed');
    expect(namesOf(await alice.getItems(room, TASKS)).map(([id]) => id)).not.toContain('doomed');
    closeAll();
  });

  it('without notify removes the item silently', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    await alice.publish(room, TASKS, taskXml('Quiet'), 'quiet');
    await bob.subscribe(room, TASKS);

    expect(outcome(await alice.retract(room, TASKS, 'quiet'))).toBe('result');
    await bob.sync();
    expect(eventsOf(bob, room)).toEqual([]);
    expect(namesOf(await alice.getItems(room, TASKS)).map(([id]) => id)).not.toContain('quiet');
    closeAll();
  });

  it('an unknown item answers item-not-found', async () => {
    const { room, alice, closeAll } = await openRoom(backend);
    await alice.subscribe(room, TASKS);
    expect(outcome(await alice.retract(room, TASKS, 'never-published', '1'))).toBe('cancel/item-not-found');
    closeAll();
  });
});

describe('purging', () => {
  it('a publisher may purge the node: subscribers are told, the items are gone, publishing goes on', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    await bob.subscribe(room, TASKS);
    await alice.publish(room, TASKS, taskXml('Old'), 'old');
    const purged = bob.waitFor((s) => s.localName === 'message' && child(child(s, 'event'), 'purge') !== undefined);

    const reply = await alice.iqRaw(
      'set',
      room,
      `<pubsub xmlns="http://jabber.org/protocol/pubsub#owner"><purge node="${TASKS}"/></pubsub>`,
    );
    expect(outcome(reply)).toBe('result');
    expect(child(child(await purged, 'event'), 'purge')?.getAttribute('node')).toBe(TASKS);
    expect(namesOf(await alice.getItems(room, TASKS))).toEqual([]);

    await alice.publish(room, TASKS, taskXml('New'), 'new');
    expect(namesOf(await alice.getItems(room, TASKS))).toEqual([['new', 'New']]);
    closeAll();
  });

  it('a member may not purge', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { dave: 'member' });
    await alice.publish(room, TASKS, taskXml('Kept'), 'kept');
    const reply = await clients.dave!.iqRaw(
      'set',
      room,
      `<pubsub xmlns="http://jabber.org/protocol/pubsub#owner"><purge node="${TASKS}"/></pubsub>`,
    );
    expect(outcome(reply)).toBe('auth/forbidden');
    expect(namesOf(await alice.getItems(room, TASKS)).map(([id]) => id)).toContain('kept');
    closeAll();
  });
});

describe('room destruction', () => {
  it('deletes the nodes and tells the subscribers', async () => {
    const { room, alice, clients, closeAll } = await openRoom(backend, { bob: 'admin' });
    const bob = clients.bob!;
    await bob.subscribe(room, TASKS);
    await alice.publish(room, TASKS, taskXml('Gone soon'));
    const deleted = bob.waitFor((s) => s.localName === 'message' && child(child(s, 'event'), 'delete') !== undefined);

    await alice.destroyRoom(room);
    expect(child(child(await deleted, 'event'), 'delete')?.getAttribute('node')).toBe(TASKS);

    // A new room with the same address starts from scratch.
    await alice.joinRoom(room, 'alice');
    await alice.subscribe(room, TASKS);
    expect(namesOf(await alice.getItems(room, TASKS)).map(([, name]) => name)).not.toContain('Gone soon');
    closeAll();
  });
});
