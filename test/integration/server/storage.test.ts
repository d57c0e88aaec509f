// Items survive a restart, and a node keeps at most 5,000 items, the oldest going first
// (docs/protocol.md §3); the limit setting is read within bounds. These tests restart the server,
// so they have a backend of their own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeStoragePathPart } from '../../../server/backend.mjs';
import { startTestBackend } from '../../helpers/backend.ts';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { errorOf, itemsOf, type RawXmppClient } from '../../helpers/raw-client.ts';
import { namesOf, openRoom, outcome, TASKS, taskXml } from './fixtures.ts';

const MAX_ITEMS = 5000;

const backend = backendForFile();

/** Publishes tasks with the given ids, many requests in flight at once to keep the test short. */
async function publishAll(client: RawXmppClient, room: string, ids: string[]): Promise<void> {
  const inFlight = 200;
  for (let start = 0; start < ids.length; start += inFlight) {
    const replies = await Promise.all(ids.slice(start, start + inFlight).map((id) => client.publish(room, TASKS, taskXml(id), id)));
    for (const reply of replies) expect(outcome(reply)).toBe('result');
  }
}

function taskIds(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `t-${String(from + i).padStart(4, '0')}`);
}

async function reconnectAfterRestart(room: string): Promise<RawXmppClient> {
  await backend.restart();
  const alice = await backend.connect('alice');
  await alice.joinRoom(room, 'alice');
  return alice;
}

describe('persistence', () => {
  it('a restart keeps the items, their content and their order', async () => {
    const { room, alice } = await openRoom(backend);
    await alice.setRoomName(room, 'Kept');
    await publishAll(alice, room, ['a', 'b', 'c']);
    await alice.publish(room, TASKS, taskXml('b, renamed'), 'b');
    await alice.retract(room, TASKS, 'a', '1');
    const before = namesOf(await alice.getItems(room, TASKS));
    expect(before.map(([, name]) => name)).toEqual(['Kept', 'c', 'b, renamed']);
    alice.close();

    const again = await reconnectAfterRestart(room);
    expect(namesOf(await again.getItems(room, TASKS))).toEqual(before);
    again.close();
  });

  it('an item nested 200 elements deep is stored like any other and kept over a restart', async () => {
    const { room, alice } = await openRoom(backend);
    const deep =
      `<task xmlns="urn:peertube-plugin-livechat:task" list="list-1" order="1"><name>deep</name>` +
      `${'<x>'.repeat(200)}bottom${'</x>'.repeat(200)}</task>`;
    expect(outcome(await alice.publish(room, TASKS, deep, 'deep'))).toBe('result');
    alice.close();

    const again = await reconnectAfterRestart(room);
    const [item] = itemsOf(await again.getItems(room, TASKS)).filter((i) => i.getAttribute('id') === 'deep');
    let depth = 0;
    for (let e = item?.getElementsByTagName('x')[0]; e; e = e.getElementsByTagName('x')[0]) depth++;
    expect(depth).toBe(200);
    expect(item!.textContent).toContain('bottom');
    again.close();
  });

  it('a restart keeps the items after many changes (snapshot and journal together)', async () => {
    const { room, alice } = await openRoom(backend);
    await publishAll(alice, room, taskIds(1, 1500));
    for (const id of taskIds(1, 20)) expect(outcome(await alice.retract(room, TASKS, id))).toBe('result');
    await alice.publish(room, TASKS, taskXml('replaced'), 't-0100');
    const before = namesOf(await alice.getItems(room, TASKS));
    expect(before).toHaveLength(1 + 1500 - 20);
    alice.close();

    const again = await reconnectAfterRestart(room);
    expect(namesOf(await again.getItems(room, TASKS))).toEqual(before);
    again.close();
  });

  it('a node whose first task list was deleted does not get a new one after a restart', async () => {
    const { room, alice } = await openRoom(backend);
    await alice.subscribe(room, TASKS);
    const [[firstListId]] = namesOf(await alice.getItems(room, TASKS)) as [[string, string]];
    await alice.retract(room, TASKS, firstListId, '1');
    alice.close();

    const again = await reconnectAfterRestart(room);
    await again.subscribe(room, TASKS);
    expect(namesOf(await again.getItems(room, TASKS))).toEqual([]);
    again.close();
  });
});

describe('rooms leaving memory', () => {
  it('items stay when everyone leaves the room and comes back', async () => {
    const { room, alice } = await openRoom(backend);
    // 1,000 items make the node's first snapshot due: leaving right after must not lose it.
    await publishAll(alice, room, taskIds(1, 999));
    const before = namesOf(await alice.getItems(room, TASKS));
    await alice.leaveRoom(room, 'alice');
    await alice.joinRoom(room, 'alice');
    expect(namesOf(await alice.getItems(room, TASKS))).toEqual(before);
    alice.close();

    const again = await reconnectAfterRestart(room);
    expect(namesOf(await again.getItems(room, TASKS))).toEqual(before);
    again.close();
  });
});

describe('crash safety', () => {
  it('journal records older than the snapshot are ignored, current ones replayed', async () => {
    const { room, alice } = await openRoom(backend);
    // 1,000 items make the first snapshot; leaving drops the room's items from memory.
    await publishAll(alice, room, taskIds(1, 999));
    const before = namesOf(await alice.getItems(room, TASKS));
    await alice.leaveRoom(room, 'alice');

    const storeFile = (store: string, ext: string) =>
      join(
        backend.dataDir,
        encodeStoragePathPart(backend.mucDomain),
        store,
        `${encodeStoragePathPart(`${room.split('@')[0]}/${TASKS}`)}.${ext}`,
      );
    const generation = Number(/\["generation"\] = (\d+)/.exec(readFileSync(storeFile('livechat_tasks_snapshots', 'dat'), 'utf8'))?.[1]);
    expect(generation).toBeGreaterThan(0);
    // As if Prosody had stopped between writing the snapshot and clearing the journal,
    // then taken one more change: a stale record, then a current one.
    const record = (gen: number, id: string) =>
      `item({ name = "publish"; attr = { gen = "${gen}" }; key = "${id}"; when = 1; ` +
      `"<item xmlns='http://jabber.org/protocol/pubsub' id='${id}'><task xmlns='urn:peertube-plugin-livechat:task'>` +
      `<name>${id}</name></task></item>" });\n`;
    writeFileSync(storeFile('livechat_tasks_journal', 'list'), record(generation - 1, 'stale') + record(generation, 'fresh'));

    await alice.joinRoom(room, 'alice');
    expect(namesOf(await alice.getItems(room, TASKS))).toEqual([...before, ['fresh', 'fresh']]);
    alice.close();
  });
});

describe('unreadable storage', () => {
  it('refuses changes and retrieval with wait/internal-server-error, and overwrites nothing', async () => {
    const { room, alice } = await openRoom(backend);
    await publishAll(alice, room, ['a', 'b']);
    // Leaving empties the room: its items leave memory and are read again on the next request.
    await alice.leaveRoom(room, 'alice');
    const [roomNode] = room.split('@') as [string];
    const journal = join(
      backend.dataDir,
      encodeStoragePathPart(backend.mucDomain),
      'livechat_tasks_journal',
      `${encodeStoragePathPart(`${roomNode}/${TASKS}`)}.list`,
    );
    const damaged = `${readFileSync(journal, 'utf8')}\nitem({ unfinished`;
    writeFileSync(journal, damaged);

    await alice.joinRoom(room, 'alice');
    expect(errorOf(await alice.publish(room, TASKS, taskXml('c'), 'c'))).toMatchObject({
      type: 'wait',
      condition: 'internal-server-error',
    });
    expect(errorOf(await alice.retract(room, TASKS, 'a', '1'))).toMatchObject({ type: 'wait', condition: 'internal-server-error' });
    expect(errorOf(await alice.getItems(room, TASKS))).toMatchObject({ type: 'wait', condition: 'internal-server-error' });
    expect(readFileSync(journal, 'utf8')).toBe(damaged);
    alice.close();
  });
});

describe('the 5,000 item limit', () => {
  it('the 5,001st item evicts the oldest, also after a restart', async () => {
    const { room, alice } = await openRoom(backend);
    await alice.setRoomName(room, 'Full');
    // The node starts with its first task list: 5,000 tasks make 5,001 items.
    await publishAll(alice, room, taskIds(1, MAX_ITEMS));
    let ids = namesOf(await alice.getItems(room, TASKS)).map(([id]) => id);
    expect(ids).toEqual(taskIds(1, MAX_ITEMS));

    await publishAll(alice, room, ['t-5001']);
    ids = namesOf(await alice.getItems(room, TASKS)).map(([id]) => id);
    expect(ids).toEqual(taskIds(2, MAX_ITEMS + 1));
    alice.close();

    const again = await reconnectAfterRestart(room);
    expect(namesOf(await again.getItems(room, TASKS)).map(([id]) => id)).toEqual(taskIds(2, MAX_ITEMS + 1));
    again.close();
  });
});

describe('settings', () => {
  it('an item limit below its bounds is read as the lowest valid one, not as "keep nothing"', async () => {
    const own = await startTestBackend({ componentOptions: { livechat_tasks_max_items: 0 } });
    try {
      const { room, alice } = await openRoom(own);
      // The node's first task list, then three tasks: with a limit of 1 the newest stays.
      await publishAll(alice, room, ['a', 'b', 'c']);
      expect(namesOf(await alice.getItems(room, TASKS)).map(([id]) => id)).toEqual(['c']);
      alice.close();
    } finally {
      await own.stop();
    }
  });
});
