// Undo against the real server: a deleted list comes back for the other
// moderator with its tasks, their ids, orders, descriptions, ticks and the
// data another client stored in them; an undo made offline is published once
// the session is back, like any edit.
import { expect, test, vi } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { itemsOf } from '../../helpers/raw-client';
import { planUndo } from '../../../src/core/undo';
import type { Edit } from '../../../src/core/types';
import { addUser, listNamed, makeEngine, moderatedRoom, NetworkLink, openLive, summarize, taskNamed, waitForView } from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

const backend = backendForFile();

type Room = Awaited<ReturnType<typeof moderatedRoom>>;

/** Every item as the server stores it, each payload as attributes and children (namespace, name, text): what any client reads. */
async function serverItems(room: Room): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const item of itemsOf(await room.owner.getItems(room.jid, 'livechat-tasks'))) {
    const payload = [...Array.from(item.childNodes)].find((n): n is Element => n.nodeType === 1)!;
    const attrs = Object.fromEntries(Array.from(payload.attributes, (a) => [a.name, a.value]).sort());
    const children = Array.from(payload.childNodes)
      .filter((n): n is Element => n.nodeType === 1)
      .map((c) => `${c.namespaceURI} ${c.localName} ${c.textContent}`);
    out[item.getAttribute('id')!] = { ns: payload.namespaceURI, attrs, children };
  }
  return out;
}

const TASK_NS = 'urn:peertube-plugin-livechat:task';

test('a deleted list, undone, is back for the other moderator with its tasks in their order and all they held', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const alice = makeEngine();
  const bob = makeEngine();
  try {
    const a = { account: await addUser(alice, backend, 'alice'), jid: room.jid };
    const b = { account: await addUser(bob, backend, 'bob'), jid: room.jid };
    // written by another client: orders with gaps, a tick, a description, data we do not know
    await room.owner.publish(
      room.jid,
      'livechat-tasks',
      '<tasklist xmlns="urn:peertube-plugin-livechat:tasklist" colour="red"><name>Show</name></tasklist>',
      'LST',
    );
    await room.owner.publish(
      room.jid,
      'livechat-tasks',
      `<task xmlns="${TASK_NS}" list="LST" order="7"><name>Lights</name></task>`,
      'T-lights',
    );
    await room.owner.publish(
      room.jid,
      'livechat-tasks',
      `<task xmlns="${TASK_NS}" list="LST" order="2" done="true" prio="high"><name>Sound</name><description>Ask chat\nthen check</description><due xmlns="urn:example:due">21:00</due></task>`,
      'T-sound',
    );
    await room.owner.publish(
      room.jid,
      'livechat-tasks',
      `<task xmlns="${TASK_NS}" list="LST" order="12"><name>Camera</name></task>`,
      'T-camera',
    );
    const before = await serverItems(room);
    const seen = await openLive(alice, a);
    await openLive(bob, b);
    await waitForView(bob.engine, b, (v) => (summarize(v).Show ?? []).length === 3);
    expect(summarize(seen).Show).toEqual(['Sound ✓', 'Lights', 'Camera']);

    const remove: Edit = { op: 'deleteList', id: 'LST' };
    const undo = planUndo(seen.items, remove)!;
    expect((await alice.engine.edit(a, remove)).ok).toBe(true);
    await waitForView(bob.engine, b, (v) => !listNamed(v, 'Show') && !taskNamed(v, 'Sound'));
    expect(Object.keys(await serverItems(room)).filter((id) => id !== 'LST' && !id.startsWith('T-'))).toHaveLength(1); // the room's own first list

    expect(await alice.engine.edit(a, undo.edit)).toEqual({ ok: true, value: { itemId: 'LST' } });
    const back = await waitForView(bob.engine, b, (v) => (summarize(v).Show ?? []).length === 3);
    expect(summarize(back).Show).toEqual(['Sound ✓', 'Lights', 'Camera']);
    expect(taskNamed(back, 'Sound')).toMatchObject({ id: 'T-sound', order: 2, description: 'Ask chat\nthen check', done: true });
    // on the server, every item as it was before the deletion, what we do not know included
    expect(await serverItems(room)).toEqual(before);
  } finally {
    await alice.close();
    await bob.close();
    room.owner.close();
  }
});

test('an undo made offline waits like any edit and is published once the session is back', async () => {
  const link = await NetworkLink.to(backend.port);
  const room = await moderatedRoom(backend, 'carol', ['alice', 'bob']);
  const alice = makeEngine();
  const bob = makeEngine();
  try {
    const a = { account: await addUser(alice, backend, 'alice', link.url(backend.wsUrl)), jid: room.jid };
    const b = { account: await addUser(bob, backend, 'bob'), jid: room.jid };
    await openLive(alice, a);
    await openLive(bob, b);
    const list = await alice.engine.edit(a, { op: 'createList', name: 'Tonight' });
    const listId = list.ok ? list.value.itemId : '';
    const task = await alice.engine.edit(a, { op: 'createTask', list: listId, name: 'Check sound', description: 'Ask chat' });
    const taskId = task.ok ? task.value.itemId : '';
    const seen = await waitForView(alice.engine, a, (v) => v.pending.length === 0 && !!taskNamed(v, 'Check sound'));
    const remove: Edit = { op: 'deleteTask', id: taskId };
    const undo = planUndo(seen.items, remove)!;
    expect((await alice.engine.edit(a, remove)).ok).toBe(true);
    await waitForView(bob.engine, b, (v) => !taskNamed(v, 'Check sound'));

    link.cut();
    await waitForView(alice.engine, a, (v) => v.status !== 'live');
    expect((await alice.engine.edit(a, undo.edit)).ok).toBe(true);
    expect(taskNamed(alice.engine.view(a)!, 'Check sound')).toBeTruthy(); // shown at once, pending
    link.restore();
    const back = await waitForView(bob.engine, b, (v) => !!taskNamed(v, 'Check sound'), 30_000);
    expect(taskNamed(back, 'Check sound')).toMatchObject({ id: taskId, list: listId, description: 'Ask chat' });
  } finally {
    await alice.close();
    await bob.close();
    await link.close();
    room.owner.close();
  }
});
