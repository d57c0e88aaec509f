// A worker stopped without warning and started again from its storage (as
// Chrome does to an idle service worker), while the user keeps editing: the
// restarted worker's cache may lag what the user saw, and a view may lose the
// reply to an edit the old worker had taken. Issue 18, item 0.
import { expect, test, vi } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { itemsOf } from '../../helpers/raw-client';
import type { Edit, RoomRef } from '../../../src/core/types';
import {
  addUser,
  listNamed,
  makeEngine,
  MemoryKV,
  moderatedRoom,
  NetworkLink,
  openLive,
  summarize,
  waitForView,
  type TestEngine,
} from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

const backend = backendForFile();

/** What a worker has in storage at this instant. */
function copyStores(worker: TestEngine): { local: MemoryKV; session: MemoryKV } {
  const copy = (kv: MemoryKV) => {
    const out = new MemoryKV();
    for (const [k, v] of kv.data) out.data.set(k, structuredClone(v));
    return out;
  };
  return { local: copy(worker.local), session: copy(worker.session) };
}

/**
 * The worker is stopped now: the next one starts from what is in storage at
 * this instant (what the stopped one would still have written is lost), or
 * from an earlier copy of it when given one.
 */
async function stopAndRestart(worker: TestEngine, stores = copyStores(worker)): Promise<TestEngine> {
  await worker.close();
  const restarted = makeEngine(stores);
  await restarted.engine.restore();
  return restarted;
}

/** Resolves once the room's cache (written after a quiet second) is in storage. */
async function cacheWritten(worker: TestEngine): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (![...worker.local.data.keys()].some((k) => k.startsWith('engine:room:'))) {
    if (Date.now() > deadline) throw new Error('the room cache was never written');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tasks of a list as the server stores them, sorted by order. */
async function serverTasks(room: { jid: string; owner: { getItems(j: string, n: string): Promise<Element> } }, listId: string) {
  return itemsOf(await room.owner.getItems(room.jid, 'livechat-tasks'))
    .map((i) => i.getElementsByTagName('task')[0])
    .filter((t): t is Element => !!t && t.getAttribute('list') === listId)
    .sort((a, b) => Number(a.getAttribute('order')) - Number(b.getAttribute('order')))
    .map((t) => t.getElementsByTagName('name')[0]?.textContent);
}

test('an edit made at once after a worker restart, of a list newer than its cache, waits for the server instead of being refused', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const alice = makeEngine();
  let bob = makeEngine();
  try {
    const a: RoomRef = { account: await addUser(alice, backend, 'alice'), jid: room.jid };
    const b: RoomRef = { account: await addUser(bob, backend, 'bob'), jid: room.jid };
    await openLive(alice, a);
    await openLive(bob, b);
    await cacheWritten(bob);
    // bob's storage as it is before the list: a cache without it and an empty queue,
    // which is what storage holds when his worker stops after the list was
    // acknowledged and before the cache is written again (1 s later)
    const beforeTheList = copyStores(bob);
    const created = await bob.engine.edit(b, { op: 'createList', name: 'Just made' });
    const listId = created.ok ? created.value.itemId : '';
    expect(listId).toBeTruthy();
    await waitForView(alice.engine, a, (v) => !!listNamed(v, 'Just made'));
    await waitForView(bob.engine, b, (v) => v.pending.length === 0);
    bob = await stopAndRestart(bob, beforeTheList);
    expect(listNamed(bob.engine.view(b)!, 'Just made')).toBeUndefined(); // the case: the cache lacks the list

    // bob's panel still shows the list; he adds a task to it at once
    const added = await bob.engine.edit(b, { op: 'createTask', list: listId, name: 'Added at once' });
    expect(added).toMatchObject({ ok: true });
    const synced = await waitForView(bob.engine, b, (v) => v.status === 'live' && v.pending.length === 0, 30_000);
    expect(synced.problem).toBeUndefined();
    expect(summarize(synced)['Just made']).toEqual(['Added at once']);
    await waitForView(alice.engine, a, (v) => summarize(v)['Just made']?.[0] === 'Added at once');
    expect(await serverTasks(room, listId)).toEqual(['Added at once']);
  } finally {
    await alice.close();
    await bob.close();
    room.owner.close();
  }
});

test('an edit that waited for the server is checked against its items when sent: a list deleted meanwhile is told as not sent, and nothing is published', async () => {
  const room = await moderatedRoom(backend, 'carol', ['bob']);
  const link = await NetworkLink.to(backend.port);
  let bob = makeEngine();
  try {
    const b: RoomRef = { account: await addUser(bob, backend, 'bob', link.url(backend.wsUrl)), jid: room.jid };
    await openLive(bob, b);
    const created = await bob.engine.edit(b, { op: 'createList', name: 'Short-lived' });
    const listId = created.ok ? created.value.itemId : '';
    await waitForView(bob.engine, b, (v) => v.pending.length === 0);
    link.cut(); // the restarted worker stays offline until carol has deleted the list
    bob = await stopAndRestart(bob);
    expect(await bob.engine.edit(b, { op: 'createTask', list: listId, name: 'Too late' })).toMatchObject({ ok: true });
    await room.owner.retract(room.jid, 'livechat-tasks', listId, '1');
    link.restore();
    const after = await waitForView(bob.engine, b, (v) => v.status === 'live' && v.pending.length === 0, 30_000);
    expect(after.problem).toMatchObject({ code: 'edit-not-sent', detail: expect.stringContaining('create task “Too late”: no-such-list') });
    expect(Object.values(after.items.tasks)).toEqual([]);
    expect(await serverTasks(room, listId)).toEqual([]);
  } finally {
    await bob.close();
    await link.close();
    room.owner.close();
  }
});

test('with the room fetched, an edit of a list that is not there is refused at once as not sent, not as refused by the server', async () => {
  const room = await moderatedRoom(backend, 'carol', ['bob']);
  const bob = makeEngine();
  try {
    const b: RoomRef = { account: await addUser(bob, backend, 'bob'), jid: room.jid };
    await openLive(bob, b);
    const reply = await bob.engine.edit(b, { op: 'createTask', list: 'deleted-by-someone', name: 'Orphan' });
    expect(reply).toEqual({ ok: false, error: { code: 'edit-not-sent', detail: 'create task “Orphan”: no-such-list' } });
    expect(bob.engine.view(b)!.pending).toEqual([]);
  } finally {
    await bob.close();
    room.owner.close();
  }
});

test('an edit asked for again under its request id after the worker stopped while answering it is answered, and made once', async () => {
  const room = await moderatedRoom(backend, 'carol', ['bob']);
  const link = await NetworkLink.to(backend.port);
  let bob = makeEngine();
  try {
    const b: RoomRef = { account: await addUser(bob, backend, 'bob', link.url(backend.wsUrl)), jid: room.jid };
    await openLive(bob, b);
    const created = await bob.engine.edit(b, { op: 'createList', name: 'Once' });
    const listId = created.ok ? created.value.itemId : '';
    const edit: Edit = { op: 'createTask', list: listId, name: 'Only once' };
    await waitForView(bob.engine, b, (v) => v.pending.length === 0);

    // queued and on its way when the worker stops: its reply never reaches the view
    link.cut();
    void bob.engine.edit(b, edit, 'request-1');
    await waitForView(bob.engine, b, (v) => v.pending.length === 1);
    bob = await stopAndRestart(bob);
    // the view asks again under the same id: the restarted worker has it queued
    expect(await bob.engine.edit(b, edit, 'request-1')).toMatchObject({ ok: true, value: { itemId: expect.stringMatching(/^local:/) } });
    expect(bob.engine.view(b)!.pending).toHaveLength(1);
    link.restore();
    await waitForView(bob.engine, b, (v) => v.status === 'live' && v.pending.length === 0, 30_000);

    // published by then: asked yet again (another lost reply), it is answered with the server's id
    const again = await bob.engine.edit(b, edit, 'request-1');
    expect(again).toMatchObject({ ok: true, value: { itemId: expect.not.stringMatching(/^local:/) } });
    bob = await stopAndRestart(bob);
    expect(await bob.engine.edit(b, edit, 'request-1')).toEqual(again);
    expect(await serverTasks(room, listId)).toEqual(['Only once']);
  } finally {
    await bob.close();
    await link.close();
    room.owner.close();
  }
});
