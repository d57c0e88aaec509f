// "All rooms" against the real server: the background follows two rooms a
// moderator uses, on one account, and their open-task counts follow what
// another moderator does there, live, told to the views as it happens.
import { expect, test, vi } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { RoomCounts } from '../../../src/background/room-counts';
import type { RoomSummary } from '../../../src/messages';
import { addUser, makeEngine, moderatedRoom, openLive } from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

const backend = backendForFile();

const NS_TASK = 'urn:peertube-plugin-livechat:task';
const NS_LIST = 'urn:peertube-plugin-livechat:tasklist';
const list = (name: string) => `<tasklist xmlns="${NS_LIST}"><name>${name}</name></tasklist>`;
const task = (name: string, done = false) =>
  `<task xmlns="${NS_TASK}" list="l" order="1"${done ? ' done="true"' : ''}><name>${name}</name></task>`;

async function until(ask: () => RoomSummary[], ok: (s: RoomSummary[]) => boolean, timeoutMs = 15_000): Promise<RoomSummary[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const summaries = ask();
    if (ok(summaries)) return summaries;
    if (Date.now() > end) throw new Error(`counts never came: ${JSON.stringify(summaries)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("two rooms' open-task counts follow another moderator's edits live, and the views are told", async () => {
  const morning = await moderatedRoom(backend, 'bob', ['alice']);
  const evening = await moderatedRoom(backend, 'bob', ['alice']);
  const alice = makeEngine();
  try {
    const account = await addUser(alice, backend, 'alice');
    const a = { account, jid: morning.jid };
    const b = { account, jid: evening.jid };
    await morning.owner.publish(morning.jid, 'livechat-tasks', list('Prep'), 'l');
    await morning.owner.publish(morning.jid, 'livechat-tasks', task('Sound check'), 't1');
    await openLive(alice, a);
    await openLive(alice, b);

    let pushes = 0;
    const counts = new RoomCounts({ engine: alice.engine, push: () => pushes++ });
    const first = await until(
      () => counts.ask(),
      (s) => s.every((r) => r.live),
    );
    // the last opened first
    expect(first.map((r) => [r.ref.jid, r.open])).toEqual([
      [evening.jid, 0],
      [morning.jid, 1],
    ]);

    // bob adds two tasks in the evening room and ticks the morning one
    await evening.owner.publish(evening.jid, 'livechat-tasks', list('Raid'), 'l');
    await evening.owner.publish(evening.jid, 'livechat-tasks', task('Thank the raid'), 'e1');
    await evening.owner.publish(evening.jid, 'livechat-tasks', task('Clip it'), 'e2');
    await morning.owner.publish(morning.jid, 'livechat-tasks', task('Sound check', true), 't1');
    await until(
      () => (pushes > 0 ? counts.ask() : []),
      (s) => s.length === 2 && s[0]!.open === 2 && s[1]!.open === 0,
    );
    expect(counts.following()).toEqual([b, a]);
  } finally {
    await alice.close();
    morning.owner.close();
    evening.owner.close();
  }
});
