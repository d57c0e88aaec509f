// Two moderators, each with their own engine (as two browsers would), on a
// real Prosody with our module: each sees the other's edits live; concurrent
// edit and reorder both survive; malformed items are skipped, not fatal.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startTestBackend, type TestBackend } from '../../helpers/backend';
import { addUser, listNamed, makeEngine, moderatedRoom, openLive, summarize, taskNamed, waitForView, type TestEngine } from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

let backend: TestBackend;
let alice: TestEngine;
let bob: TestEngine;
let aliceAccount: string;
let bobAccount: string;

beforeAll(async () => {
  backend = await startTestBackend();
  alice = makeEngine();
  bob = makeEngine();
  aliceAccount = await addUser(alice, backend, 'alice');
  bobAccount = await addUser(bob, backend, 'bob');
});

afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await backend?.stop();
});

test("two moderators see each other's edits, highlighted as someone else's", async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const a = { account: aliceAccount, jid: room.jid };
  const b = { account: bobAccount, jid: room.jid };
  await openLive(alice, a);
  await openLive(bob, b);

  const list = await alice.engine.edit(a, { op: 'createList', name: 'Stream prep' });
  expect(list.ok).toBe(true);
  const listId = list.ok ? list.value.itemId : '';
  expect(listId).not.toMatch(/^local:/);
  const seen = await waitForView(bob.engine, b, (v) => !!listNamed(v, 'Stream prep'));
  expect(seen.changed).toContain(listId);

  expect((await bob.engine.edit(b, { op: 'createTask', list: listId, name: 'Check sound', description: 'Ask chat' })).ok).toBe(true);
  expect((await bob.engine.edit(b, { op: 'createTask', list: listId, name: 'Start OBS' })).ok).toBe(true);
  const withTasks = await waitForView(alice.engine, a, (v) => (summarize(v)['Stream prep'] ?? []).length === 2);
  expect(summarize(withTasks)).toMatchObject({ 'Stream prep': ['Check sound', 'Start OBS'] });
  expect(taskNamed(withTasks, 'Check sound')!.description).toBe('Ask chat');

  const sound = taskNamed(withTasks, 'Check sound')!;
  expect((await alice.engine.edit(a, { op: 'setDone', id: sound.id, done: true })).ok).toBe(true);
  expect((await alice.engine.edit(a, { op: 'moveTask', id: sound.id, list: listId, index: 1 })).ok).toBe(true);
  await waitForView(bob.engine, b, (v) => JSON.stringify(summarize(v)['Stream prep']) === JSON.stringify(['Start OBS', 'Check sound ✓']));

  expect((await bob.engine.edit(b, { op: 'renameList', id: listId, name: 'Before the stream' })).ok).toBe(true);
  await waitForView(alice.engine, a, (v) => !!listNamed(v, 'Before the stream'));

  // deleting a list takes its tasks with it, for everyone
  expect((await alice.engine.edit(a, { op: 'deleteList', id: listId })).ok).toBe(true);
  const gone = await waitForView(bob.engine, b, (v) => !listNamed(v, 'Before the stream'));
  expect(Object.values(gone.items.tasks).filter((t) => t.list === listId)).toEqual([]);
  room.owner.close();
});

test('an edit by one moderator while another reorders keeps both changes', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const a = { account: aliceAccount, jid: room.jid };
  const b = { account: bobAccount, jid: room.jid };
  await openLive(alice, a);
  await openLive(bob, b);
  const list = await alice.engine.edit(a, { op: 'createList', name: 'Show' });
  const listId = list.ok ? list.value.itemId : '';
  for (const name of ['One', 'Two', 'Three']) {
    expect((await alice.engine.edit(a, { op: 'createTask', list: listId, name })).ok).toBe(true);
  }
  const before = await waitForView(bob.engine, b, (v) => (summarize(v).Show ?? []).length === 3);
  const one = taskNamed(before, 'One')!;

  // both act on what they saw, at the same moment
  const [edit, move] = await Promise.all([
    bob.engine.edit(b, { op: 'editTask', id: one.id, name: 'One (renamed)', description: 'by bob' }),
    alice.engine.edit(a, { op: 'moveTask', id: one.id, list: listId, index: 2 }),
  ]);
  expect(edit.ok && move.ok).toBe(true);
  const expected = ['Two', 'Three', 'One (renamed)'];
  const seenByAlice = await waitForView(alice.engine, a, (v) => JSON.stringify(summarize(v).Show) === JSON.stringify(expected));
  const seenByBob = await waitForView(bob.engine, b, (v) => JSON.stringify(summarize(v).Show) === JSON.stringify(expected));
  expect(taskNamed(seenByAlice, 'One (renamed)')!.description).toBe('by bob');
  expect(taskNamed(seenByBob, 'One (renamed)')!.description).toBe('by bob');
  room.owner.close();
});

test('malformed items published by another client are skipped while the good ones show', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const a = { account: aliceAccount, jid: room.jid };
  const raw = room.owner;
  const NS_LIST = 'urn:peertube-plugin-livechat:tasklist';
  const NS_TASK = 'urn:peertube-plugin-livechat:task';
  await raw.publish(room.jid, 'livechat-tasks', `<tasklist xmlns="${NS_LIST}"><name>Good list</name></tasklist>`, 'good-list');
  await raw.publish(
    room.jid,
    'livechat-tasks',
    `<task xmlns="${NS_TASK}" list="good-list" order="1"><name>Good task</name></task>`,
    'good-task',
  );
  // a task without a list attribute, a task with a non-numeric order, a foreign payload
  await raw.publish(room.jid, 'livechat-tasks', `<task xmlns="${NS_TASK}" order="2"><name>No list</name></task>`, 'bad-1');
  await raw.publish(
    room.jid,
    'livechat-tasks',
    `<task xmlns="${NS_TASK}" list="good-list" order="soon"><name>Bad order</name></task>`,
    'bad-2',
  );
  await raw.publish(room.jid, 'livechat-tasks', `<recipe xmlns="urn:example:cooking"><name>Soup</name></recipe>`, 'bad-3');

  const view = await openLive(alice, a);
  expect(summarize(view)).toMatchObject({ 'Good list': ['Good task'] });
  expect(view.skipped.count).toBeGreaterThanOrEqual(2);
  expect(view.skipped.sample).toBeTruthy();
  expect(view.status).toBe('live');

  // live notifications too: a bad one is skipped, the next good one shows
  await raw.publish(room.jid, 'livechat-tasks', `<task xmlns="${NS_TASK}" order="3"><name>Also no list</name></task>`, 'bad-4');
  await raw.publish(
    room.jid,
    'livechat-tasks',
    `<task xmlns="${NS_TASK}" list="good-list" order="2"><name>Second good task</name></task>`,
    'good-2',
  );
  const later = await waitForView(alice.engine, a, (v) => (summarize(v)['Good list'] ?? []).length === 2);
  expect(later.skipped.count).toBeGreaterThan(view.skipped.count);
  raw.close();
});

test('a burst of notifications reaches a view complete, in a few pushes rather than one per item', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const a = { account: aliceAccount, jid: room.jid };
  await openLive(alice, a);
  const NS_TASK = 'urn:peertube-plugin-livechat:task';
  let pushes = 0;
  const stop = alice.engine.watch(a, () => pushes++);
  pushes = 0;
  const count = 300;
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      room.owner.publish(
        room.jid,
        'livechat-tasks',
        `<task xmlns="${NS_TASK}" list="burst" order="${i}"><name>Burst ${i}</name></task>`,
        `burst-${i}`,
      ),
    ),
  );
  const view = await waitForView(
    alice.engine,
    a,
    (v) => Object.keys(v.items.tasks).filter((id) => id.startsWith('burst-')).length === count,
  );
  expect(view.items.tasks['burst-299']?.name).toBe('Burst 299');
  expect(pushes).toBeLessThan(count / 3);
  stop();
  room.owner.close();
});

test('a room opened under another case of its JID is the same room: live, and following the server', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const [local, domain] = room.jid.split('@') as [string, string];
  const shouted = { account: aliceAccount, jid: `${local.toUpperCase()}@${domain.toUpperCase()}` };
  const b = { account: bobAccount, jid: room.jid };
  await openLive(alice, shouted);
  await openLive(bob, b);
  const list = await bob.engine.edit(b, { op: 'createList', name: 'Said quietly' });
  expect(list.ok).toBe(true);
  await waitForView(alice.engine, shouted, (v) => !!listNamed(v, 'Said quietly'));
  // the lower-case spelling reaches the same room, not a second one
  expect(listNamed(alice.engine.view({ account: aliceAccount, jid: room.jid })!, 'Said quietly')).toBeDefined();
  room.owner.close();
});

test('a move renumbering a whole list reaches the other moderator complete, in the official numbering', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const NS_LIST = 'urn:peertube-plugin-livechat:tasklist';
  const NS_TASK = 'urn:peertube-plugin-livechat:task';
  for (const id of ['long', 'other'])
    await room.owner.publish(room.jid, 'livechat-tasks', `<tasklist xmlns="${NS_LIST}"><name>${id}</name></tasklist>`, id);
  // orders 0..29 without gaps: a task put second has no room below the first (orders stay at
  // 0 or above) and none above, so every task after it moves up one
  const task = (id: string, list: string, order: number) =>
    room.owner.publish(
      room.jid,
      'livechat-tasks',
      `<task xmlns="${NS_TASK}" list="${list}" order="${order}"><name>${id}</name></task>`,
      id,
    );
  for (let i = 0; i < 30; i++) await task(`t${i}`, 'long', i);
  await task('new', 'other', 1);
  const a = { account: aliceAccount, jid: room.jid };
  const b = { account: bobAccount, jid: room.jid };
  await openLive(alice, a);
  await openLive(bob, b);

  const moved = await alice.engine.edit(a, { op: 'moveTask', id: 'new', list: 'long', index: 1 });
  expect(moved).toEqual({ ok: true, value: { itemId: 'new' } });
  const expected = ['t0', 'new', ...Array.from({ length: 29 }, (_, i) => `t${i + 1}`)];
  const seen = await waitForView(bob.engine, b, (v) => JSON.stringify(summarize(v).long) === JSON.stringify(expected));
  expect(seen.items.tasks.new).toMatchObject({ list: 'long', order: 1 });
  expect(Array.from({ length: 30 }, (_, i) => seen.items.tasks[`t${i}`]?.order)).toEqual([
    0,
    ...Array.from({ length: 29 }, (_, i) => i + 2),
  ]);
  expect(summarize(seen).other).toEqual([]);
  const mine = await waitForView(alice.engine, a, (v) => v.pending.length === 0);
  expect(mine.items.tasks).toEqual(seen.items.tasks);
  room.owner.close();
});
