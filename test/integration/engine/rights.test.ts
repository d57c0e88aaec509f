// Only owners and admins of a room moderate its tasks; a user who loses the
// right loses the tasks at once and is told why.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startTestBackend, type TestBackend } from '../../helpers/backend';
import { addUser, listNamed, makeEngine, moderatedRoom, NetworkLink, openLive, waitForView, type TestEngine } from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

let backend: TestBackend;
let bob: TestEngine;
let bobAccount: string;
beforeAll(async () => {
  backend = await startTestBackend();
  bob = makeEngine();
  bobAccount = await addUser(bob, backend, 'bob');
});
afterAll(async () => {
  await bob?.close();
  await backend?.stop();
});

test('a user who is not owner or admin is refused, told, and shown no tasks', async () => {
  const room = await moderatedRoom(backend, 'carol', []);
  await room.owner.publish(
    room.jid,
    'livechat-tasks',
    '<tasklist xmlns="urn:peertube-plugin-livechat:tasklist"><name>Secret</name></tasklist>',
    's',
  );
  const ref = { account: bobAccount, jid: room.jid };
  const opened = await bob.engine.openRoom(ref);
  expect(opened).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const view = bob.engine.view(ref)!;
  expect(view.rights).toBe('none');
  expect(view.items).toEqual({ lists: {}, tasks: {} });
  expect(await bob.engine.edit(ref, { op: 'createList', name: 'Sneaky' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  room.owner.close();
});

test('a demoted moderator loses the tasks at once, is told, and cannot edit', async () => {
  const room = await moderatedRoom(backend, 'carol', ['bob']);
  const ref = { account: bobAccount, jid: room.jid };
  await openLive(bob, ref);
  expect((await bob.engine.edit(ref, { op: 'createList', name: 'Visible' })).ok).toBe(true);
  const stop = bob.engine.watch(ref, () => {});
  await room.owner.setAffiliation(room.jid, `bob@${backend.domain}`, 'member');
  const demoted = await waitForView(bob.engine, ref, (v) => v.rights === 'none');
  expect(demoted.items).toEqual({ lists: {}, tasks: {} });
  expect(demoted.problem?.code).toBe('forbidden');
  expect(await bob.engine.edit(ref, { op: 'createList', name: 'Too late' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  // nothing of the tasks stays in storage for a non-moderator
  expect(JSON.stringify([...bob.local.data.entries()].filter(([k]) => k.includes(room.jid)))).not.toContain('Visible');

  // made admin again: the tasks come back without reopening the room
  await room.owner.setAffiliation(room.jid, `bob@${backend.domain}`, 'admin');
  const back = await waitForView(bob.engine, ref, (v) => v.rights === 'moderator' && v.status === 'live' && !!listNamed(v, 'Visible'));
  expect(back.problem).toBeUndefined();
  stop();
  room.owner.close();
});

test('an edit that can no longer apply is rolled back with a message saying what failed', async () => {
  const link = await NetworkLink.to(backend.port);
  const erin = makeEngine();
  const room = await moderatedRoom(backend, 'carol', ['erin']);
  try {
    const ref = { account: await addUser(erin, backend, 'erin', link.url(backend.wsUrl)), jid: room.jid };
    await openLive(erin, ref);
    const list = await erin.engine.edit(ref, { op: 'createList', name: 'Show' });
    const task = await erin.engine.edit(ref, { op: 'createTask', list: list.ok ? list.value.itemId : '', name: 'Intro' });
    const taskId = task.ok ? task.value.itemId : '';
    link.cut();
    await waitForView(erin.engine, ref, (v) => v.status !== 'live');
    // erin renames offline (shown at once) while carol deletes the task
    expect((await erin.engine.edit(ref, { op: 'editTask', id: taskId, name: 'Intro (long)' })).ok).toBe(true);
    expect(erin.engine.view(ref)!.items.tasks[taskId]?.name).toBe('Intro (long)');
    await room.owner.retract(room.jid, 'livechat-tasks', taskId, '1');
    link.restore();
    const after = await waitForView(erin.engine, ref, (v) => v.status === 'live' && v.pending.length === 0, 30_000);
    expect(after.items.tasks[taskId]).toBeUndefined();
    expect(after.problem).toMatchObject({ code: 'edit-not-sent', detail: expect.stringContaining('edit task “Intro (long)”') });
  } finally {
    await erin.close();
    await link.close();
    room.owner.close();
  }
});
