// Losing the network, the server, or the worker itself loses nothing: edits
// made offline show at once, are kept in storage, and are published in order
// once the session is back; what others did meanwhile is fetched again.
// The network is cut with a TCP relay in front of the real backend (harness.ts).
import { expect, test, vi } from 'vitest';
import { passwordOf } from '../../helpers/backend';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { itemsOf } from '../../helpers/raw-client';
import type { RoomView } from '../../../src/core/types';
import { addUser, listNamed, makeEngine, moderatedRoom, NetworkLink, openLive, summarize, taskNamed, waitForView } from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

const backend = backendForFile();

/** Task names of a list as the server stores them, sorted by order: what any other client would show. */
async function serverTasks(room: { jid: string; owner: { getItems(j: string, n: string): Promise<Element> } }, listId: string) {
  const items = itemsOf(await room.owner.getItems(room.jid, 'livechat-tasks'));
  return items
    .map((i) => i.getElementsByTagName('task')[0])
    .filter((t): t is Element => !!t && t.getAttribute('list') === listId)
    .sort((a, b) => Number(a.getAttribute('order')) - Number(b.getAttribute('order')))
    .map((t) => `${t.getElementsByTagName('name')[0]?.textContent}${t.hasAttribute('done') ? ' ✓' : ''}`);
}

test('edits made offline show at once as pending and are published in order after reconnecting', async () => {
  const link = await NetworkLink.to(backend.port);
  const alice = makeEngine();
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  try {
    const ref = { account: await addUser(alice, backend, 'alice', link.url(backend.wsUrl)), jid: room.jid };
    await openLive(alice, ref);
    const created = await alice.engine.edit(ref, { op: 'createList', name: 'Tonight' });
    const listId = created.ok ? created.value.itemId : '';

    link.cut();
    await waitForView(alice.engine, ref, (v) => v.status !== 'live');
    const first = await alice.engine.edit(ref, { op: 'createTask', list: listId, name: 'First' });
    expect(first).toMatchObject({ ok: true, value: { itemId: expect.stringMatching(/^local:/) } });
    await alice.engine.edit(ref, { op: 'createTask', list: listId, name: 'Second' });
    await alice.engine.edit(ref, { op: 'createTask', list: listId, name: 'Third' });
    await alice.engine.edit(ref, { op: 'setDone', id: first.ok ? first.value.itemId : '', done: true });
    const offline = alice.engine.view(ref)!;
    expect(summarize(offline).Tonight).toEqual(['First ✓', 'Second', 'Third']);
    expect(offline.pending.map((p) => p.kind)).toEqual(['createTask', 'createTask', 'createTask', 'setDone']);
    expect(await serverTasks(room, listId)).toEqual([]);

    link.restore();
    const synced = await waitForView(alice.engine, ref, (v) => v.status === 'live' && v.pending.length === 0, 30_000);
    expect(summarize(synced).Tonight).toEqual(['First ✓', 'Second', 'Third']);
    expect(Object.keys(synced.items.tasks).some((id) => id.startsWith('local:'))).toBe(false);
    expect(await serverTasks(room, listId)).toEqual(['First ✓', 'Second', 'Third']);
  } finally {
    await alice.close();
    await link.close();
    room.owner.close();
  }
});

test('after a reconnect, what others did meanwhile is fetched, and their next edits arrive live', async () => {
  const link = await NetworkLink.to(backend.port);
  const alice = makeEngine();
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  try {
    const ref = { account: await addUser(alice, backend, 'alice', link.url(backend.wsUrl)), jid: room.jid };
    await openLive(alice, ref);
    link.cut();
    await waitForView(alice.engine, ref, (v) => v.status !== 'live');
    // carol works while alice is away: alice misses the notification
    await room.owner.publish(
      room.jid,
      'livechat-tasks',
      '<tasklist xmlns="urn:peertube-plugin-livechat:tasklist"><name>Made while away</name></tasklist>',
      'away',
    );
    link.restore();
    const back = await waitForView(alice.engine, ref, (v) => v.status === 'live' && !!listNamed(v, 'Made while away'), 30_000);
    expect(back.changed).toContain('away');
    // resubscribed: a live notification arrives
    await room.owner.publish(
      room.jid,
      'livechat-tasks',
      '<task xmlns="urn:peertube-plugin-livechat:task" list="away" order="1"><name>Live again</name></task>',
      'live-task',
    );
    await waitForView(alice.engine, ref, (v) => !!taskNamed(v, 'Live again'));
  } finally {
    await alice.close();
    await link.close();
    room.owner.close();
  }
});

test('a backend restart is survived: reconnect, rejoin, resubscribe, refetch', async () => {
  const alice = makeEngine();
  const bob = makeEngine();
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  room.owner.close();
  const a = { account: await addUser(alice, backend, 'alice'), jid: room.jid };
  const b = { account: await addUser(bob, backend, 'bob'), jid: room.jid };
  try {
    await openLive(alice, a);
    await openLive(bob, b);
    // both keep the room open (a panel is watching)
    const stopA = alice.engine.watch(a, () => {});
    const stopB = bob.engine.watch(b, () => {});
    await backend.restart();
    await waitForView(alice.engine, a, (v) => v.status === 'live', 30_000);
    await waitForView(bob.engine, b, (v) => v.status === 'live', 30_000);
    const created = await bob.engine.edit(b, { op: 'createList', name: 'After the restart' });
    expect(created.ok).toBe(true);
    await waitForView(alice.engine, a, (v) => !!listNamed(v, 'After the restart'));
    stopA();
    stopB();
  } finally {
    await alice.close();
    await bob.close();
  }
});

test('a fresh engine on the same storage (worker restart) paints the cached view at once and publishes the queue', async () => {
  const link = await NetworkLink.to(backend.port);
  const first = makeEngine();
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  try {
    const ref = { account: await addUser(first, backend, 'alice', link.url(backend.wsUrl)), jid: room.jid };
    await openLive(first, ref);
    const created = await first.engine.edit(ref, { op: 'createList', name: 'Cached' });
    const listId = created.ok ? created.value.itemId : '';
    await first.engine.edit(ref, { op: 'createTask', list: listId, name: 'Known before' });
    link.cut();
    await waitForView(first.engine, ref, (v) => v.status !== 'live');
    await first.engine.edit(ref, { op: 'createTask', list: listId, name: 'Queued offline' });
    await first.close(); // the worker dies with an edit queued

    // secrets (storage.session) survive a worker restart in Chrome; tasks and queue are in storage.local
    expect(JSON.stringify([...first.local.data.values()])).not.toContain(passwordOf('alice'));
    const second = makeEngine({ local: first.local, session: first.session });
    await second.engine.restore();
    let painted: string[] | undefined;
    const stop = second.engine.watch(ref, (v) => {
      painted ??= summarize(v).Cached;
    });
    // the first paint, before any server contact: cache plus the pending edit
    expect(painted).toEqual(['Known before', 'Queued offline']);
    link.restore();
    await waitForView(second.engine, ref, (v) => v.status === 'live' && v.pending.length === 0, 30_000);
    expect(await serverTasks(room, listId)).toEqual(['Known before', 'Queued offline']);
    stop();
    await second.close();
  } finally {
    await link.close();
    room.owner.close();
  }
});

test('an edit caught by a network cut is published exactly once when the network is back', async () => {
  const link = await NetworkLink.to(backend.port);
  const alice = makeEngine();
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  try {
    const ref = { account: await addUser(alice, backend, 'alice', link.url(backend.wsUrl)), jid: room.jid };
    await openLive(alice, ref);
    const created = await alice.engine.edit(ref, { op: 'createList', name: 'Cut' });
    const listId = created.ok ? created.value.itemId : '';
    // sent, and the link dies before (or after) the server answers
    const inFlight = alice.engine.edit(ref, { op: 'createTask', list: listId, name: 'Caught in the cut' });
    link.cut();
    expect((await inFlight).ok).toBe(true);
    link.restore();
    await waitForView(alice.engine, ref, (v) => v.status === 'live' && v.pending.length === 0, 30_000);
    expect(await serverTasks(room, listId)).toEqual(['Caught in the cut']);
  } finally {
    await alice.close();
    await link.close();
    room.owner.close();
  }
});

test('a worker killed right after the room went live (no clean-up) still paints the room next time', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  await room.owner.publish(
    room.jid,
    'livechat-tasks',
    '<tasklist xmlns="urn:peertube-plugin-livechat:tasklist"><name>Seen once</name></tasklist>',
    'seen',
  );
  const first = makeEngine();
  const ref = { account: await addUser(first, backend, 'alice'), jid: room.jid };
  await openLive(first, ref);
  // no close(): the browser stops a worker without warning; only what is already in storage counts
  const second = makeEngine({ local: first.local, session: first.session });
  try {
    await second.engine.restore();
    let painted: RoomView | undefined;
    second.engine.watch(ref, (v) => (painted ??= v))();
    expect(painted?.rights).toBe('moderator');
    expect(listNamed(painted!, 'Seen once')).toBeDefined();
  } finally {
    await first.close();
    await second.close();
    room.owner.close();
  }
});
